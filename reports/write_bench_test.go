package reports

import (
	"testing"

	"gonum.org/v1/plot/vg/draw"
)

// The benchmarks of the example study's output (go test -bench Example ./reports): the
// whole Write, the figures (PNG and SVG on every processor, as Write draws them), and
// the PNG canvas's drawing and encoding alone, sequentially.

func BenchmarkExampleWrite(b *testing.B) {
	res := exampleStudyResults(b)
	b.ReportAllocs()
	for b.Loop() {
		if _, err := Write(b.TempDir(), res); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkExampleFigures(b *testing.B) {
	res := exampleStudyResults(b)
	for b.Loop() {
		figs, err := buildFigures(res)
		if err != nil {
			b.Fatal(err)
		}
		if _, err := renderAll(figs, true, true); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkExampleDrawPNG(b *testing.B) {
	figs, err := buildFigures(exampleStudyResults(b))
	if err != nil {
		b.Fatal(err)
	}
	var scratch []byte
	for b.Loop() {
		for _, f := range figs {
			c := newPNGCanvasOn(scratch, f.width(), f.Height(), f.dpi())
			f.draw(draw.New(c))
			scratch = c.release()
		}
	}
}

func BenchmarkExampleEncodePNG(b *testing.B) {
	figs, err := buildFigures(exampleStudyResults(b))
	if err != nil {
		b.Fatal(err)
	}
	var canvases []*pngCanvas
	for _, f := range figs {
		c := newPNGCanvas(f.width(), f.Height(), f.dpi())
		f.draw(draw.New(c))
		canvases = append(canvases, c)
	}
	n := 0
	b.ReportAllocs()
	for b.Loop() {
		n = 0
		for _, c := range canvases {
			out, err := c.encodePNG(300)
			if err != nil {
				b.Fatal(err)
			}
			n += len(out)
		}
	}
	b.ReportMetric(float64(n), "PNG-bytes")
}

func BenchmarkExampleXLSX(b *testing.B) {
	res := exampleStudyResults(b)
	for b.Loop() {
		if _, err := tablesXLSX(res); err != nil {
			b.Fatal(err)
		}
	}
}

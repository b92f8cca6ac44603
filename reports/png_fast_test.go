package reports

import (
	"bytes"
	"image"
	"image/color"
	"image/png"
	"math/rand/v2"
	"testing"

	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"
	"gonum.org/v1/plot/vg/vgimg"
)

// TestPNGCanvasMatchesVgimg draws every example figure on pngCanvas and on gonum/plot's
// vgimg canvas, which the figures were drawn on before, at 150 dpi: the images must be
// the same size and no channel of any pixel may differ by more than 8 of 255 (the two
// anti-alias an edge with different rounding: 8-bit against 16-bit coverage), and at most
// 1% of the channels may differ at all.
func TestPNGCanvasMatchesVgimg(t *testing.T) {
	res := exampleResults()
	res.Figures.DPI = 150
	figs, err := buildFigures(res)
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range figs {
		old := vgimg.NewWith(vgimg.UseWH(f.width(), f.Height()), vgimg.UseDPI(f.dpi()), vgimg.UseBackgroundColor(color.White))
		f.draw(draw.New(old))
		want := old.Image().(*image.RGBA)
		c := newPNGCanvas(f.width(), f.Height(), f.dpi())
		f.draw(draw.New(c))
		got := c.Image()
		if got.Rect != want.Rect {
			t.Errorf("%s: %v, vgimg %v", f.Name, got.Rect, want.Rect)
			c.release()
			continue
		}
		differ, worst := channelDiff(got, want)
		if worst > 8 || float64(differ) > 0.01*float64(len(got.Pix)) {
			t.Errorf("%s: %d of %d channels differ from vgimg's, by up to %d", f.Name, differ, len(got.Pix), worst)
		}
		t.Logf("%s: %d of %d channels differ from vgimg's, by up to %d", f.Name, differ, len(got.Pix), worst)
		c.release()
	}
}

// TestPNGCanvasFills checks the fill fast path against gg on shapes the figures do not
// all have: a triangle, a polygon with a hole (two subpaths, non-zero winding, the inner
// one reversed), a translucent colour over another, a shape partly off the canvas, and
// a rotated rectangle.
func TestPNGCanvasFills(t *testing.T) {
	w, h := 3*vg.Inch, 2*vg.Inch
	paint := func(c draw.Canvas) {
		c.FillPolygon(rgb(0xD5, 0x5E, 0x00), []vg.Point{{X: 10, Y: 10}, {X: 120, Y: 30}, {X: 40, Y: 130}})
		var p vg.Path
		p.Move(vg.Point{X: 100, Y: 20})
		p.Line(vg.Point{X: 200, Y: 20})
		p.Line(vg.Point{X: 200, Y: 120})
		p.Line(vg.Point{X: 100, Y: 120})
		p.Close()
		p.Move(vg.Point{X: 130, Y: 50})
		p.Line(vg.Point{X: 130, Y: 90})
		p.Line(vg.Point{X: 170, Y: 90})
		p.Line(vg.Point{X: 170, Y: 50})
		p.Close()
		c.SetColor(okabeBlue)
		c.Fill(p)
		c.FillPolygon(color.NRGBA{R: 0x00, G: 0x9E, B: 0x73, A: 0x80}, []vg.Point{{X: 60, Y: 60}, {X: 180, Y: 60}, {X: 180, Y: 100}, {X: 60, Y: 100}})
		c.FillPolygon(okabeOrange, []vg.Point{{X: -20, Y: 120}, {X: 40, Y: 120}, {X: 40, Y: 170}, {X: -20, Y: 170}})
		c.Push()
		c.Translate(vg.Point{X: 170, Y: 120})
		c.Rotate(0.4)
		c.FillPolygon(inkColour, []vg.Point{{X: 0, Y: 0}, {X: 40, Y: 0}, {X: 40, Y: 10}, {X: 0, Y: 10}})
		c.Pop()
		c.FillText(textStyle(9, false, inkColour), vg.Point{X: 20, Y: 20}, "Vertrouwen (n = 25)")
		rot := textStyle(9, true, inkColour)
		rot.Rotation = 1.5707963267948966
		c.FillText(rot, vg.Point{X: 205, Y: 20}, "Gemeente")
	}
	got, want := paintBoth(w, h, paint)
	differ, worst := channelDiff(got, want)
	if worst > 8 || float64(differ) > 0.01*float64(len(got.Pix)) {
		t.Errorf("%d of %d channels differ from gg's, by up to %d", differ, len(got.Pix), worst)
	}
	t.Logf("%d of %d channels differ from gg's, by up to %d", differ, len(got.Pix), worst)
	if worst > 8 {
		var bad image.Rectangle
		for i := range got.Pix {
			if d := int(got.Pix[i]) - int(want.Pix[i]); d > 8 || d < -8 {
				p := image.Pt(i%got.Stride/4, i/got.Stride)
				bad = bad.Union(image.Rectangle{Min: p, Max: p.Add(image.Pt(1, 1))})
			}
		}
		t.Logf("channels off by more than 8 lie in %v", bad)
	}
}

// TestEncodePNG decodes what encodePNG writes, with image/png, to exactly the pixels it
// was given, and finds the resolution in its pHYs chunk; an image with a translucent
// pixel keeps its alpha (image/png's encoding).
func TestEncodePNG(t *testing.T) {
	rnd := rand.New(rand.NewPCG(1, 2))
	img := image.NewRGBA(image.Rect(0, 0, 301, 97))
	for i := range img.Pix {
		img.Pix[i] = uint8(rnd.IntN(256))
		if i%4 == 3 {
			img.Pix[i] = 0xff
		}
	}
	for _, translucent := range []bool{false, true} {
		if translucent {
			img.Pix[4*150+3] = 0x80
			img.Pix[4*150] = 0x40 // premultiplied: no channel above alpha
		}
		b, err := encodePNG(img, 300)
		if err != nil {
			t.Fatal(err)
		}
		if x, y := pngResolution(b); x < 299.99 || x > 300.01 || y < 299.99 || y > 300.01 {
			t.Errorf("resolution %.2f × %.2f dpi, want 300", x, y)
		}
		dec, err := png.Decode(bytes.NewReader(b))
		if err != nil {
			t.Fatal(err)
		}
		if dec.Bounds() != img.Bounds() {
			t.Fatalf("bounds %v, want %v", dec.Bounds(), img.Bounds())
		}
		for y := 0; y < 97; y++ {
			for x := 0; x < 301; x++ {
				r1, g1, b1, a1 := dec.At(x, y).RGBA()
				r2, g2, b2, a2 := img.At(x, y).RGBA()
				// A translucent image goes through image/png's non-premultiplied colour,
				// which rounds a channel by up to one step of 255.
				tol := uint32(0)
				if translucent {
					tol = 0x101
				}
				if absDiff(r1, r2) > tol || absDiff(g1, g2) > tol || absDiff(b1, b2) > tol || a1 != a2 {
					t.Fatalf("translucent %v: pixel (%d, %d) decodes as %v, was %v", translucent, x, y, dec.At(x, y), img.At(x, y))
				}
			}
		}
	}
}

// TestHTMLFiguresSpliced checks that report.html with the figures' data URIs put in after
// the template ran is byte for byte what the template writes when it escapes them itself.
func TestHTMLFiguresSpliced(t *testing.T) {
	res := exampleResults()
	res.Figures.DPI = 72
	made, err := buildFigures(res)
	if err != nil {
		t.Fatal(err)
	}
	figs, err := renderAll(made, true, true)
	if err != nil {
		t.Fatal(err)
	}
	figs[1].png = nil // one figure as SVG, whose media type has a "+" in it
	rep := buildReport(res, figs)
	got, err := rep.html()
	if err != nil {
		t.Fatal(err)
	}
	want, err := rep.htmlEscaped()
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(got, want) {
		i := 0
		for i < len(got) && i < len(want) && got[i] == want[i] {
			i++
		}
		t.Fatalf("report.html differs from the template's own escaping at byte %d: %q against %q", i, snippet(got, i), snippet(want, i))
	}
	if !bytes.Contains(got, []byte("data:image/svg&#43;xml;base64,")) || !bytes.Contains(got, []byte("&#43;")) {
		t.Error("the test does not reach an escaped \"+\"")
	}
}

func absDiff(a, b uint32) uint32 { return max(a, b) - min(a, b) }

func snippet(b []byte, i int) []byte { return b[max(0, i-20):min(len(b), i+20)] }

// paintBoth paints a w × h canvas at 200 dpi on gg (vgimg) and on our PNG canvas, and
// returns our pixels and gg's.
func paintBoth(w, h vg.Length, paint func(draw.Canvas)) (got, want *image.RGBA) {
	old := vgimg.NewWith(vgimg.UseWH(w, h), vgimg.UseDPI(200), vgimg.UseBackgroundColor(color.White))
	paint(draw.New(old))
	c := newPNGCanvas(w, h, 200)
	paint(draw.New(c))
	got = image.NewRGBA(c.Image().Rect)
	copy(got.Pix, c.Image().Pix)
	c.release()
	return got, old.Image().(*image.RGBA)
}

// channelDiff counts the channels in which got and want differ, and the largest
// difference.
func channelDiff(got, want *image.RGBA) (differ, worst int) {
	for i := range got.Pix {
		if d := int(got.Pix[i]) - int(want.Pix[i]); d != 0 {
			differ++
			worst = max(worst, d, -d)
		}
	}
	return differ, worst
}

package reports

import (
	"math"
	"math/rand/v2"
	"testing"
	"unicode/utf8"

	"gonum.org/v1/plot/font"
	"gonum.org/v1/plot/vg"
)

// The benchmarks of this round's figure work (go test -bench 'RotatedText|AdlerRGBA'
// ./reports): an axis label drawn rotated, by the canvas (transformedString) and as gg
// drew it (the whole string's box touched, then DrawString); a figure row's checksum,
// in one pass (addRGBA) and as copy-then-sum (opaqueRGB, update).

func benchmarkRotatedText(b *testing.B, gg bool) {
	c := newPNGCanvas(17*vg.Centimeter, 10*vg.Centimeter, 300)
	fnt := font.DefaultCache.Lookup(sans(labelSize, false), labelSize)
	face := c.face(fnt)
	const label = "Aandeel geïnterviewde respondenten (%)"
	for b.Loop() {
		c.touched, c.tw = touchedRows(c.img.Rect.Dx(), c.img.Rect.Dy())
		c.Push()
		c.Translate(vg.Point{X: 20, Y: 40})
		c.Rotate(math.Pi / 2)
		x, y := c.dots(0), c.dots(c.h)
		if gg {
			c.ctx.Push()
			c.ctx.SetFontFace(face)
			c.ctx.InvertY()
			// The box the canvas touched for gg: two em before the start to two em a
			// letter past it, three em above and below the baseline, transformed.
			em, n := c.dots(labelSize), float64(utf8.RuneCountInString(label))
			box := newDeviceBox()
			for _, px := range []float64{x - 2*em, x + 2*em*(n+1)} {
				for _, py := range []float64{y - 3*em, y + 3*em} {
					box.add(c, px, py)
				}
			}
			c.touchBox(box.x0, box.y0, box.x1, box.y1, 3)
			c.ctx.DrawString(label, x, y)
			c.ctx.Pop()
		} else {
			c.transformedString(fnt, face, label, x, y)
		}
		c.Pop()
	}
}

func BenchmarkRotatedText(b *testing.B)   { benchmarkRotatedText(b, false) }
func BenchmarkRotatedTextGG(b *testing.B) { benchmarkRotatedText(b, true) }

func benchmarkAdler(b *testing.B, onePass bool) {
	rng := rand.New(rand.NewPCG(1, 2))
	pix := make([]byte, 4*2008)
	for i := range pix {
		pix[i] = uint8(rng.IntN(256)) | 0xf0
	}
	for i := 3; i < len(pix); i += 4 {
		pix[i] = 0xff
	}
	rgbRow := make([]byte, 3*2008)
	b.SetBytes(int64(len(pix)))
	s := newAdler32()
	for b.Loop() {
		if onePass {
			s.addRGBA(pix)
			continue
		}
		opaqueRGB(rgbRow, pix)
		s.update(rgbRow)
	}
}

func BenchmarkAdlerRGBA(b *testing.B)        { benchmarkAdler(b, true) }
func BenchmarkAdlerCopyThenSum(b *testing.B) { benchmarkAdler(b, false) }

package reports

import (
	"bytes"
	"math"
	"testing"

	"gonum.org/v1/plot/font"
	"gonum.org/v1/plot/vg"
)

// TestTransformedStringMatchesGG draws rotated, scaled and fractionally placed text
// with transformedString and with gg's DrawString as the canvas drew it before (on a
// canvas touched all over, so that gg may paint anywhere), and wants the same pixels.
// It also checks that the canvas's copy of gg's matrix stays gg's through Push, Pop
// and every transform.
func TestTransformedStringMatchesGG(t *testing.T) {
	cases := []struct {
		name   string
		angle  float64
		dx, dy vg.Length
		sx, sy float64
		size   vg.Length
		text   string
	}{
		{"axis label", math.Pi / 2, 20, 70, 1, 1, labelSize, "Aandeel respondenten (%)"},
		{"down", -math.Pi / 2, 150.3, 20.7, 1, 1, tickSize, "gemeente Zuidhaven – 42"},
		{"slanted", math.Pi / 4, 40.25, 30.6, 1, 1, tickSize, "Wijkteam ↔ school, ëï"},
		{"thirty degrees, scaled", math.Pi / 6, 10.1, 10.9, 1.3, 0.8, titleSize, "Kennen Bereiken"},
		{"mirrored", 0.1, 100, 100, -1, 1, legendSize, "Spiegel"},
	}
	for _, tc := range cases {
		paint := func(c *pngCanvas, old bool) {
			c.Push()
			c.Translate(vg.Point{X: tc.dx, Y: tc.dy})
			c.Push()
			c.Rotate(tc.angle)
			c.Scale(tc.sx, tc.sy)
			c.SetColor(inkColour)
			for _, p := range [][2]float64{{0, 0}, {1, 1}, {-2, 3}} {
				ox, oy := c.ctx.TransformPoint(p[0], p[1])
				mx, my := c.m.TransformPoint(p[0], p[1])
				if ox != mx || oy != my {
					t.Fatalf("%s: the canvas's matrix maps %v to (%v, %v), gg's to (%v, %v)", tc.name, p, mx, my, ox, oy)
				}
			}
			fnt := font.DefaultCache.Lookup(sans(tc.size, false), tc.size)
			face := c.face(fnt)
			x, y := c.dots(3.3), c.dots(c.h)-c.dots(5.55)
			if old {
				c.touch(c.img.Rect)
				c.ctx.Push()
				c.ctx.SetFontFace(face)
				c.ctx.InvertY()
				c.ctx.DrawString(tc.text, x, y)
				c.ctx.Pop()
			} else {
				c.transformedString(fnt, face, tc.text, x, y)
			}
			c.Pop()
			c.Pop()
		}
		want := newPNGCanvas(3*vg.Inch, 2*vg.Inch, 300)
		paint(want, true)
		got := newPNGCanvas(3*vg.Inch, 2*vg.Inch, 300)
		paint(got, false)
		if !bytes.Equal(got.Image().Pix, want.Image().Pix) {
			differ, worst := channelDiff(got.Image(), want.Image())
			t.Errorf("%s: %d channels differ from gg's, by up to %d", tc.name, differ, worst)
		}
		if bytes.Count(got.Image().Pix, []byte{0xff}) == len(got.Image().Pix) {
			t.Errorf("%s: nothing drawn", tc.name)
		}
	}
}

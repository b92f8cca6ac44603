package reports

import (
	"bytes"
	"image"
	"testing"

	"golang.org/x/image/math/fixed"
	"golang.org/x/image/vector"
	"gonum.org/v1/plot/font"
	"gonum.org/v1/plot/vg"
)

// TestGlyphOutlineMatchesFace rasterises glyphs from their kept outlines (rasterise)
// and with x/image/font/opentype's Face.Glyph, as the canvas did before, at every size
// and weight the figures use, at 300 and 72 dpi, at sub-pixel positions all over the
// 64 × 64 possible and at negative dots, for letters, digits, accented and typographic
// characters, a rune the font lacks and a space: the rectangle, the mask's pixels, the
// advance and ok must be the same.
func TestGlyphOutlineMatchesFace(t *testing.T) {
	runes := []rune("AaBgjQWy019%.,–—‘’ëéïçß→↔€ \u4e2d\u0000")
	var z vector.Rasterizer
	for _, dpi := range []float64{300, 72} {
		for _, size := range []vg.Length{titleSize, labelSize, tickSize, captionSize, valueSize, 23.3} {
			for _, bold := range []bool{false, true} {
				fnt := font.DefaultCache.Lookup(sans(size, bold), size)
				face := fnt.FontFace(dpi)
				var outlines glyphOutlines
				for i, r := range runes {
					for j := 0; j < 24; j++ {
						dot := fixed.Point26_6{X: fixed.Int26_6(j*37 + i*11 - 300), Y: fixed.Int26_6(j*53 - i*7 + 2000)}
						wantR, wantM, wantP, wantAdv, wantOK := face.Glyph(dot, r)
						o := outlines.of(fnt, dpi, r)
						if o == nil {
							t.Fatal("no outline for a font with its file")
						}
						gotR, gotM, gotAdv, gotOK := o.rasterise(&z, dot)
						if gotR != wantR || gotAdv != wantAdv || gotOK != wantOK {
							t.Fatalf("%v dpi %v bold %v %q at %v: got %v %v %v, want %v %v %v", size, dpi, bold, r, dot, gotR, gotAdv, gotOK, wantR, wantAdv, wantOK)
						}
						if wantM == nil {
							if gotM != nil {
								t.Fatalf("%q: a mask where Face.Glyph has none", r)
							}
							continue
						}
						am := wantM.(*image.Alpha)
						if wantP != (image.Point{}) || gotM.Rect.Size() != am.Rect.Size() {
							t.Fatalf("%q at %v: mask %v at %v, want %v", r, dot, gotM.Rect, wantP, am.Rect)
						}
						if !bytes.Equal(gotM.Pix, copyAlpha(am).Pix) {
							t.Fatalf("%v dpi %v bold %v %q at %v: the mask's pixels differ", size, dpi, bold, r, dot)
						}
					}
				}
			}
		}
	}
}

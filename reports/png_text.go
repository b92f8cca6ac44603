package reports

import (
	"image"
	"math"

	"git.sr.ht/~sbinet/gg"
	xdraw "golang.org/x/image/draw"
	xfont "golang.org/x/image/font"
	"golang.org/x/image/math/f64"
	"golang.org/x/image/math/fixed"
	"gonum.org/v1/plot/font"
)

// transformedString draws str with its baseline starting at (x, y) of gg's y-inverted
// user space, through the current matrix (rotated text: an axis label). It does what
// gg's DrawString does there, glyph by glyph through x/image/draw's BiLinear transform
// with the glyph as mask, but it touches (png_touched.go) only the box each glyph's
// transform can write, where gg's way of doing it needed a box of the whole string
// widened by em on every side (touchText): on the example study that was 20 ms of
// painting white and the encoder reading it back. gg does not skip its MeasureString
// either, whose result DrawString throws away when the text is not anchored.
//
// Each glyph is transformed by glyphTransform, x/image/draw's transform written out for
// a glyph mask. The pixels are gg's: the same face, the same dot, the same matrix (c.m mirrors gg's,
// built by the same gg.Matrix operations) and the same call of the transform
// (TestTransformedStringMatchesGG).
func (c *pngCanvas) transformedString(fnt font.Face, face xfont.Face, str string, x, y float64) {
	// DrawString runs inside Push/InvertY/Pop (vgimg's FillString), so gg's matrix is
	// the current one, y-inverted once more.
	m := invertY(c.m, c.img.Rect.Dy())
	col := c.colour[len(c.colour)-1]
	cr, cg, cb, ca := col.RGBA()
	dot := fixed.Point26_6{X: fixed.Int26_6(math.Round(x * 64)), Y: fixed.Int26_6(math.Round(y * 64))}
	prev := rune(-1)
	for _, r := range str {
		if prev >= 0 {
			dot.X += face.Kern(prev, r)
		}
		dr, mask, mp, advance, ok := glyphCache.glyph(fnt, c.dpi, face, &c.z, dot, r) // png_glyph_cache.go
		if !ok {
			continue
		}
		sr := dr.Sub(dr.Min)
		g := m.Translate(float64(dr.Min.X), float64(dr.Min.Y))
		s2d := f64.Aff3{g.XX, g.XY, g.X0, g.YX, g.YY, g.Y0}
		c.touch(transformedRect(&s2d, sr))
		if am, ok := mask.(*image.Alpha); ok && mp == (image.Point{}) && sr.In(am.Rect) {
			glyphTransform(c.img, s2d, am, sr, cr, cg, cb, ca) // png_glyph_transform.go
		} else {
			xdraw.BiLinear.Transform(c.img, s2d, image.NewUniform(col), sr, xdraw.Over, &xdraw.Options{SrcMask: mask, SrcMaskP: mp})
		}
		dot.X += advance
		prev = r
	}
}

// invertY is gg's InvertY on the matrix m of a canvas h pixels high.
func invertY(m gg.Matrix, h int) gg.Matrix {
	return m.Translate(0, float64(h)).Scale(1, -1)
}

// transformedRect is the box of the pixels that x/image/draw's Transform may write
// when it maps sr through s2d: its transformRect (unexported there), the same
// arithmetic, so that the box holds every pixel written.
func transformedRect(s2d *f64.Aff3, sr image.Rectangle) (dr image.Rectangle) {
	ps := [...]image.Point{
		{sr.Min.X, sr.Min.Y},
		{sr.Max.X, sr.Min.Y},
		{sr.Min.X, sr.Max.Y},
		{sr.Max.X, sr.Max.Y},
	}
	for i, p := range ps {
		sxf := float64(p.X)
		syf := float64(p.Y)
		dx := int(math.Floor(float64(s2d[0]*sxf) + float64(s2d[1]*syf) + s2d[2]))
		dy := int(math.Floor(float64(s2d[3]*sxf) + float64(s2d[4]*syf) + s2d[5]))
		if i == 0 {
			dr = image.Rect(dx, dy, dx+1, dy+1)
			continue
		}
		dr.Min.X = min(dr.Min.X, dx)
		dr.Max.X = max(dr.Max.X, dx+1)
		dr.Min.Y = min(dr.Min.Y, dy)
		dr.Max.Y = max(dr.Max.Y, dy+1)
	}
	return dr
}

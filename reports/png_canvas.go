package reports

import (
	"fmt"
	"image"
	"image/color"
	"image/draw"
	"math"

	"git.sr.ht/~sbinet/gg"
	xfont "golang.org/x/image/font"
	"golang.org/x/image/math/fixed"
	"golang.org/x/image/vector"
	"gonum.org/v1/plot/font"
	"gonum.org/v1/plot/vg"
)

// pngCanvas is the raster canvas the PNG figures are drawn on. It does what gonum/plot's
// vgimg.Canvas does, with the same gg context underneath (strokes, curves, rotated text
// and images still go through gg, call for call as vgimg makes them), but paints the two
// things that took most of a figure's drawing time itself:
//
//   - Filled polygons (bars, heat-map cells, legend swatches) are rasterised with
//     golang.org/x/image/vector into a coverage mask over the polygon's bounding box and
//     blended in one pass that writes opaque colour straight into fully covered pixels.
//     gg rasterises with freetype's painter, which blends every covered pixel with four
//     divisions; that was 21% of the example run's CPU. Fills that cannot change a pixel
//     (a transparent colour, or white on the still-blank white canvas, as the figure's
//     and the plot's backgrounds are) are skipped.
//   - Upright text is drawn glyph by glyph with image/draw's glyph fast path, the way
//     golang.org/x/image/font.Drawer does. gg resamples every glyph mask through a
//     bilinear transform even when the transform is the identity (12% of the run).
//
// The canvas is also made without vgimg's copy of the whole image (vgimg.NewWith copies
// the image it was given into a new one and fills it twice). The pixels differ from
// vgimg's only where anti-aliasing rounds differently at an edge (see
// TestPNGCanvasMatchesVgimg).
type pngCanvas struct {
	ctx    *gg.Context
	img    *image.RGBA
	w, h   vg.Length
	dpi    float64
	width  vg.Length     // the current line width
	dashed bool          // the current line style has dashes
	colour []color.Color // the current colour, one per Push level
	// blank is true until the first mark is made: the image is still all white.
	blank bool
	z     vector.Rasterizer
	mask  image.Alpha
	faces map[font.Font]xfont.Face
	// m is gg's current matrix, kept beside it (gg does not export it) by the same
	// operations on gg.Matrix, so that rotated text can be drawn here (png_text.go);
	// ms holds it at every Push.
	m  gg.Matrix
	ms []gg.Matrix
	// touched marks the pieces of each row painted white and drawn on, tw words a row;
	// nil once every piece is (png_touched.go).
	touched []uint64
	tw      int
}

// newPNGCanvas returns a white canvas of w × h at dpi dots per inch; the image is
// w and h in dots rounded to whole pixels, as vgimg makes it.
func newPNGCanvas(w, h vg.Length, dpi int) *pngCanvas { return newPNGCanvasOn(nil, w, h, dpi) }

// newPNGCanvasOn is newPNGCanvas drawing on the buffer scratch when it is large enough
// (a finished canvas's pixels, from release): a fresh 20 MB buffer costs more in page
// faults and zeroing than drawing most figures does. renderAll keeps one buffer per
// worker and hands out the tallest figures first, so that every later figure fits.
func newPNGCanvasOn(scratch []byte, w, h vg.Length, dpi int) *pngCanvas {
	pw := w / vg.Inch * vg.Length(dpi)
	ph := h / vg.Inch * vg.Length(dpi)
	r := image.Rect(0, 0, int(pw+0.5), int(ph+0.5))
	n := 4 * r.Dx() * r.Dy()
	pix := scratch[:0]
	if cap(pix) < n {
		pix = make([]byte, n)
	}
	img := &image.RGBA{Pix: pix[:n], Stride: 4 * r.Dx(), Rect: r}
	ctx := gg.NewContextForRGBA(img)
	ctx.SetLineCapButt()
	ctx.InvertY()
	c := &pngCanvas{ctx: ctx, img: img, w: w, h: h, dpi: float64(dpi), colour: []color.Color{color.Black}, blank: true}
	c.m = invertY(gg.Identity(), r.Dy())
	c.touched, c.tw = touchedRows(r.Dx(), r.Dy())
	vg.Initialize(c)
	return c
}

// release returns the canvas's pixels for the next canvas (newPNGCanvasOn); the canvas
// is not to be used after.
func (c *pngCanvas) release() []byte {
	b := c.img.Pix
	c.img = nil
	return b
}

// fillWhite sets every byte of pix to 0xff by doubling copies, at memmove speed: a
// 300-dpi figure is some 20 MB of pixels.
func fillWhite(pix []byte) {
	if len(pix) == 0 {
		return
	}
	pix[0] = 0xff
	for n := 1; n < len(pix); n *= 2 {
		copy(pix[n:], pix[:n])
	}
}

// Image returns the image drawn so far, every pixel of it.
func (c *pngCanvas) Image() *image.RGBA {
	c.materialise()
	return c.img
}

// Size is the canvas's size in points (vg.CanvasSizer).
func (c *pngCanvas) Size() (w, h vg.Length) { return c.w, c.h }

func (c *pngCanvas) dots(l vg.Length) float64 { return l.Dots(c.dpi) }

func (c *pngCanvas) SetLineWidth(w vg.Length) {
	c.width = w
	c.ctx.SetLineWidth(c.dots(w))
}

func (c *pngCanvas) SetLineDash(ds []vg.Length, offs vg.Length) {
	dashes := make([]float64, len(ds))
	for i, d := range ds {
		dashes[i] = c.dots(d)
	}
	c.ctx.SetDashOffset(c.dots(offs))
	c.ctx.SetDash(dashes...)
	c.dashed = len(ds) > 0
}

func (c *pngCanvas) SetColor(clr color.Color) {
	if clr == nil {
		clr = color.Black
	}
	c.ctx.SetColor(clr)
	c.colour[len(c.colour)-1] = clr
}

func (c *pngCanvas) Rotate(t float64) {
	c.ctx.Rotate(t)
	c.m = c.m.Rotate(t)
}

func (c *pngCanvas) Translate(pt vg.Point) {
	x, y := c.dots(pt.X), c.dots(pt.Y)
	c.ctx.Translate(x, y)
	c.m = c.m.Translate(x, y)
}

func (c *pngCanvas) Scale(x, y float64) {
	c.ctx.Scale(x, y)
	c.m = c.m.Scale(x, y)
}

func (c *pngCanvas) Push() {
	c.colour = append(c.colour, c.colour[len(c.colour)-1])
	c.ms = append(c.ms, c.m)
	c.ctx.Push()
}

func (c *pngCanvas) Pop() {
	c.colour = c.colour[:len(c.colour)-1]
	c.m = c.ms[len(c.ms)-1]
	c.ms = c.ms[:len(c.ms)-1]
	c.ctx.Pop()
}

func (c *pngCanvas) Stroke(p vg.Path) {
	if c.width <= 0 {
		return
	}
	c.blank = false
	if c.strokeStraight(p) {
		return
	}
	c.touchPath(p, true)
	c.outline(p)
	c.ctx.Stroke()
}

func (c *pngCanvas) Fill(p vg.Path) {
	col := c.colour[len(c.colour)-1]
	r, g, b, a := col.RGBA()
	if a == 0 || c.blank && r == 0xffff && g == 0xffff && b == 0xffff {
		// Over-blending transparent, or white onto white, leaves every pixel as it is.
		return
	}
	c.blank = false
	if c.fillPolygon(p, r, g, b, a) {
		return
	}
	c.touchPath(p, false)
	c.outline(p)
	c.ctx.Fill()
}

// outline adds p to gg's current path, as vgimg does.
func (c *pngCanvas) outline(p vg.Path) {
	for _, comp := range p {
		switch comp.Type {
		case vg.MoveComp:
			c.ctx.MoveTo(c.dots(comp.Pos.X), c.dots(comp.Pos.Y))
		case vg.LineComp:
			c.ctx.LineTo(c.dots(comp.Pos.X), c.dots(comp.Pos.Y))
		case vg.ArcComp:
			c.ctx.DrawArc(c.dots(comp.Pos.X), c.dots(comp.Pos.Y), c.dots(comp.Radius), comp.Start, comp.Start+comp.Angle)
		case vg.CurveComp:
			switch len(comp.Control) {
			case 1:
				c.ctx.QuadraticTo(c.dots(comp.Control[0].X), c.dots(comp.Control[0].Y), c.dots(comp.Pos.X), c.dots(comp.Pos.Y))
			case 2:
				c.ctx.CubicTo(c.dots(comp.Control[0].X), c.dots(comp.Control[0].Y), c.dots(comp.Control[1].X), c.dots(comp.Control[1].Y), c.dots(comp.Pos.X), c.dots(comp.Pos.Y))
			default:
				panic("reports: a curve with more than two control points")
			}
		case vg.CloseComp:
			c.ctx.ClosePath()
		default:
			panic(fmt.Sprintf("reports: unknown path component %d", comp.Type))
		}
	}
}

// fillPolygon fills a path of straight lines in the premultiplied colour (r, g, b, a)
// with the non-zero winding rule, as gg fills; it reports false, drawing nothing, for a
// path with arcs or curves.
func (c *pngCanvas) fillPolygon(p vg.Path, r, g, b, a uint32) bool {
	if len(p) == 0 {
		return true
	}
	if c.fillRectPath(p, r, g, b, a) {
		return true
	}
	pts := make([][2]float64, len(p))
	x0, y0, x1, y1 := math.Inf(1), math.Inf(1), math.Inf(-1), math.Inf(-1)
	for i, comp := range p {
		switch comp.Type {
		case vg.MoveComp, vg.LineComp:
			x, y := c.ctx.TransformPoint(c.dots(comp.Pos.X), c.dots(comp.Pos.Y))
			pts[i] = [2]float64{x, y}
			x0, y0, x1, y1 = math.Min(x0, x), math.Min(y0, y), math.Max(x1, x), math.Max(y1, y)
		case vg.CloseComp:
		default:
			return false
		}
	}
	box := image.Rect(int(math.Floor(x0)), int(math.Floor(y0)), int(math.Ceil(x1)), int(math.Ceil(y1))).Intersect(c.img.Rect)
	if box.Empty() || math.IsNaN(x0+y0+x1+y1) {
		return true
	}
	c.touch(box)
	bx, by := float64(box.Min.X), float64(box.Min.Y)
	// The mask is at least floatMaskWidth wide so that the rasteriser uses its
	// floating-point arithmetic: its fixed-point one, which it picks for masks up to 512
	// pixels, misplaces long edges by up to a quarter of a pixel (a bar's slanted edge
	// 300 pixels long came out 60 of 255 off).
	mw := max(box.Dx(), floatMaskWidth)
	c.z.Reset(mw, box.Dy())
	open := false
	for i, comp := range p {
		x, y := float32(pts[i][0]-bx), float32(pts[i][1]-by)
		switch comp.Type {
		case vg.MoveComp:
			if open {
				c.z.ClosePath()
			}
			c.z.MoveTo(x, y)
			open = true
		case vg.LineComp:
			if !open {
				c.z.MoveTo(x, y)
				open = true
				continue
			}
			c.z.LineTo(x, y)
		case vg.CloseComp:
			if open {
				c.z.ClosePath()
				open = false
			}
		}
	}
	if open {
		c.z.ClosePath()
	}
	n := mw * box.Dy()
	if cap(c.mask.Pix) < n {
		c.mask.Pix = make([]uint8, n)
	}
	c.mask.Pix = c.mask.Pix[:n]
	c.mask.Stride, c.mask.Rect = mw, image.Rect(0, 0, mw, box.Dy())
	c.z.DrawOp = draw.Src
	c.z.Draw(&c.mask, c.mask.Rect, image.Opaque, image.Point{})
	blendMask(c.img, box, &c.mask, r, g, b, a)
	return true
}

// floatMaskWidth is one more than golang.org/x/image/vector's floatingPointMathThreshold.
const floatMaskWidth = 513

// blendMask paints the premultiplied colour (r, g, b, a) over dst inside box, each pixel
// covered by the matching pixel of mask: dst = src·m + dst·(1 − a·m), the Porter-Duff
// "over" that image/draw and gg use, in 16-bit channels. A fully covered pixel of an
// opaque colour is the colour itself, written without arithmetic. The loop body is
// blendPixel (png_rect.go) written out: the compiler does not inline that function, and
// this is the per-pixel loop of every glyph.
func blendMask(dst *image.RGBA, box image.Rectangle, mask *image.Alpha, r, g, b, a uint32) {
	const m = 0xffff
	opaque := [4]uint8{uint8(r >> 8), uint8(g >> 8), uint8(b >> 8), uint8(a >> 8)}
	for y := 0; y < box.Dy(); y++ {
		row := dst.Pix[dst.PixOffset(box.Min.X, box.Min.Y+y):]
		mrow := mask.Pix[y*mask.Stride : y*mask.Stride+box.Dx()]
		for x, mv := range mrow {
			if mv == 0 {
				continue
			}
			px := row[4*x : 4*x+4 : 4*x+4]
			if mv == 0xff && a == m {
				px[0], px[1], px[2], px[3] = opaque[0], opaque[1], opaque[2], opaque[3]
				continue
			}
			ma := uint32(mv) * 0x101
			k := (m - a*ma/m) * 0x101
			px[0] = uint8((uint32(px[0])*k + r*ma) / m >> 8)
			px[1] = uint8((uint32(px[1])*k + g*ma) / m >> 8)
			px[2] = uint8((uint32(px[2])*k + b*ma) / m >> 8)
			if a == m && px[3] == 0xff {
				// An opaque colour over an opaque pixel leaves it opaque: the sum
				// below is (m·(m − ma) + m·ma) / m = m, exactly.
				continue
			}
			px[3] = uint8((uint32(px[3])*k + a*ma) / m >> 8)
		}
	}
}

// DPI is the canvas's resolution in dots per inch.
func (c *pngCanvas) DPI() float64 { return c.dpi }

// FillString draws str with its baseline starting at pt. Upright text at a whole-pixel
// position (all text but a rotated axis label) is drawn with the glyph fast path;
// the rest as vgimg draws it.
func (c *pngCanvas) FillString(f font.Face, pt vg.Point, str string) {
	if f.Font.Size == 0 {
		return
	}
	c.blank = false
	face := c.face(f)
	x, y := c.dots(pt.X), c.dots(pt.Y)
	h := c.dots(c.h)
	// vgimg flips the y axis once more for text (gg's InvertY), so a glyph lands at
	// M·(x, H−y) for the current matrix M; the fast path needs M to move by whole pixels.
	H := float64(c.ctx.Height())
	ox, oy := c.ctx.TransformPoint(0, H)
	ax, ay := c.ctx.TransformPoint(1, H)
	bx, by := c.ctx.TransformPoint(0, H-1)
	if ax-ox != 1 || ay-oy != 0 || bx-ox != 0 || by-oy != 1 || ox != math.Round(ox) || oy != math.Round(oy) {
		c.transformedString(f, face, str, x, h-y) // png_text.go
		return
	}
	off := image.Pt(int(ox), int(oy))
	col := c.colour[len(c.colour)-1]
	src := image.NewUniform(col)
	cr, cg, cb, ca := col.RGBA()
	dot := fixed.Point26_6{X: fixed.Int26_6(math.Round(x * 64)), Y: fixed.Int26_6(math.Round((h - y) * 64))}
	prev := rune(-1)
	for _, r := range str {
		if prev >= 0 {
			dot.X += face.Kern(prev, r)
		}
		dr, mask, mp, advance, ok := glyphCache.glyph(f, c.dpi, face, &c.z, dot, r) // png_glyph_cache.go
		if !ok {
			continue
		}
		at := dr.Add(off)
		c.touch(at)
		if am, ok := mask.(*image.Alpha); ok && mp == (image.Point{}) && am.Rect.Min == mp && at.In(c.img.Rect) && at.Size() == am.Rect.Size() {
			// image/draw's drawGlyphOver, with blendMask's shortcut for a fully
			// covered pixel in an opaque colour (a third of a glyph's pixels).
			blendMask(c.img, at, am, cr, cg, cb, ca)
		} else {
			draw.DrawMask(c.img, at, src, image.Point{}, mask, mp, draw.Over)
		}
		dot.X += advance
		prev = r
	}
}

// face returns the font face of f at the canvas's resolution, made once per canvas (a
// face holds scratch buffers, so it is not shared between goroutines).
func (c *pngCanvas) face(f font.Face) xfont.Face {
	if face, ok := c.faces[f.Font]; ok {
		return face
	}
	if c.faces == nil {
		c.faces = map[font.Font]xfont.Face{}
	}
	face := f.FontFace(c.dpi)
	c.faces[f.Font] = face
	return face
}

// DrawImage draws img scaled into rect, as vgimg does.
func (c *pngCanvas) DrawImage(rect vg.Rectangle, img image.Image) {
	c.blank = false
	xmin, ymin := c.dots(rect.Min.X), c.dots(rect.Min.Y)
	sz := rect.Size()
	width, height := c.dots(sz.X), c.dots(sz.Y)
	dx, dy := float64(img.Bounds().Dx()), float64(img.Bounds().Dy())
	c.ctx.Push()
	c.ctx.Scale(1, -1)
	c.ctx.Translate(xmin, -ymin-height)
	c.ctx.Scale(width/dx, height/dy)
	b := newDeviceBox()
	ib := img.Bounds()
	for _, p := range []image.Point{ib.Min, {X: ib.Max.X, Y: ib.Min.Y}, ib.Max, {X: ib.Min.X, Y: ib.Max.Y}} {
		b.add(c, float64(p.X), float64(p.Y))
	}
	c.touchBox(b.x0, b.y0, b.x1, b.y1, 3)
	c.ctx.DrawImage(img, 0, 0)
	c.ctx.Pop()
}

package reports

import (
	"image"
	"math"

	"gonum.org/v1/plot/vg"
)

// A figure at 300 dpi is some 20 MB of pixels, and three quarters of them stay white
// (margins, the plot's background, the space between bars and labels). The canvas
// therefore does not paint its pixels white when it is made: it keeps, for every row, a
// bit per column of chunkWidth pixels saying whether that piece of the row has been
// painted white and drawn on ("touched"). Every drawing call first touches the pixels it
// may change (the exact box of a rectangle, a polygon's or a glyph's box, and for what gg
// draws the box of the transformed path or text widened by the line width and a margin
// for anti-aliasing), so it draws on white as before; the PNG encoder reads only touched
// pieces and knows the others are white. Image, for every other use, paints the
// untouched pieces white first. TestTouchedCanvasMatchesWhite draws every figure both
// ways and compares the pixels.

// chunkWidth is the width in pixels of the pieces of a row that are touched at once.
const chunkWidth = 64

// touchedRows returns the bit set for an image w pixels wide and h high, and its words
// per row.
func touchedRows(w, h int) ([]uint64, int) {
	tw := (w + chunkWidth*64 - 1) / (chunkWidth * 64)
	return make([]uint64, tw*h), tw
}

// touch paints white the pieces of r not yet touched and marks them touched.
func (c *pngCanvas) touch(r image.Rectangle) {
	r = r.Intersect(c.img.Rect)
	if r.Empty() || c.touched == nil {
		return
	}
	w := c.img.Rect.Dx()
	cx0, cx1 := r.Min.X/chunkWidth, (r.Max.X-1)/chunkWidth
	for y := r.Min.Y; y < r.Max.Y; y++ {
		bits := c.touched[y*c.tw:][:c.tw]
		row := c.img.Pix[y*c.img.Stride:][:4*w]
		// Untouched pieces side by side are painted in one copy.
		for cx := cx0; cx <= cx1; cx++ {
			if bits[cx/64]&(1<<(cx%64)) != 0 {
				continue
			}
			start := cx
			for ; cx <= cx1 && bits[cx/64]&(1<<(cx%64)) == 0; cx++ {
				bits[cx/64] |= 1 << (cx % 64)
			}
			paintWhite(row[4*start*chunkWidth : 4*min(w, cx*chunkWidth)])
		}
	}
}

// whiteBytes is a source of 0xff bytes for paintWhite.
var whiteBytes = func() []byte {
	b := make([]byte, 16<<10)
	fillWhite(b)
	return b
}()

// paintWhite sets every byte of pix to 0xff, copying from whiteBytes.
func paintWhite(pix []byte) {
	for len(pix) > 0 {
		pix = pix[copy(pix, whiteBytes):]
	}
}

// touchBox touches the pixels of the box [x0, x1] × [y0, y1] (in pixels, any order
// and possibly infinite or NaN: then the whole canvas) widened by pad pixels.
func (c *pngCanvas) touchBox(x0, y0, x1, y1, pad float64) {
	if math.IsNaN(x0+y0+x1+y1+pad) || math.IsInf(x0+y0+x1+y1+pad, 0) {
		c.touch(c.img.Rect)
		return
	}
	lim := func(v float64) int { return int(math.Max(-1, math.Min(v, float64(1<<30)))) }
	c.touch(image.Rect(lim(math.Floor(math.Min(x0, x1)-pad)), lim(math.Floor(math.Min(y0, y1)-pad)),
		lim(math.Ceil(math.Max(x0, x1)+pad)), lim(math.Ceil(math.Max(y0, y1)+pad))))
}

// scale is the largest factor by which the current transform stretches a length.
func (c *pngCanvas) scale() float64 {
	ox, oy := c.ctx.TransformPoint(0, 0)
	ax, ay := c.ctx.TransformPoint(1, 0)
	bx, by := c.ctx.TransformPoint(0, 1)
	return math.Max(1, math.Abs(ax-ox)+math.Abs(ay-oy)+math.Abs(bx-ox)+math.Abs(by-oy))
}

// deviceBox is the box, on the canvas, of points (x, y) of user space (in dots) after
// the current transform (add).
type deviceBox struct{ x0, y0, x1, y1 float64 }

func newDeviceBox() deviceBox {
	return deviceBox{math.Inf(1), math.Inf(1), math.Inf(-1), math.Inf(-1)}
}

func (b *deviceBox) add(c *pngCanvas, x, y float64) {
	dx, dy := c.ctx.TransformPoint(x, y)
	if math.IsNaN(dx + dy) {
		dx, dy = math.Inf(1), math.Inf(1)
	}
	b.x0, b.y0, b.x1, b.y1 = math.Min(b.x0, dx), math.Min(b.y0, dy), math.Max(b.x1, dx), math.Max(b.y1, dy)
}

// touchPath touches what gg may paint when it fills or strokes p with the current line
// width: the box of p's points, control points and arcs' squares, widened by the line
// width (more than the half a stroke reaches) times the transform's stretch, and 3 pixels
// for anti-aliasing.
func (c *pngCanvas) touchPath(p vg.Path, stroke bool) {
	b := newDeviceBox()
	for _, comp := range p {
		switch comp.Type {
		case vg.MoveComp, vg.LineComp:
			b.add(c, c.dots(comp.Pos.X), c.dots(comp.Pos.Y))
		case vg.ArcComp:
			x, y, r := c.dots(comp.Pos.X), c.dots(comp.Pos.Y), c.dots(comp.Radius)
			for _, d := range [][2]float64{{-1, -1}, {1, -1}, {1, 1}, {-1, 1}} {
				b.add(c, x+d[0]*r, y+d[1]*r)
			}
		case vg.CurveComp:
			b.add(c, c.dots(comp.Pos.X), c.dots(comp.Pos.Y))
			for _, q := range comp.Control {
				b.add(c, c.dots(q.X), c.dots(q.Y))
			}
		}
	}
	if b.x0 > b.x1 {
		return // no points: nothing drawn
	}
	pad := 3.0
	if stroke {
		pad += c.dots(c.width) * c.scale()
	}
	c.touchBox(b.x0, b.y0, b.x1, b.y1, pad)
}

// materialise paints every untouched piece white and drops the bit set: the image is
// then complete for any reader.
func (c *pngCanvas) materialise() {
	if c.touched == nil {
		return
	}
	c.touch(c.img.Rect)
	c.touched = nil
}

package reports

import (
	"image"
	"math"

	"gonum.org/v1/plot/vg"
)

// Axis-aligned rectangles are most of what a figure fills (bars, heat-map cells, legend
// swatches, the colour bar) and its straight lines most of what it strokes (a heat map's
// white grid, axes, reference lines). The general paths rasterise a coverage mask at
// least 513 pixels wide (floatMaskWidth) or go through gg's stroker, whichever the
// shape's size: on the codes study (198 codes) a co-occurrence map's 39,204 cells and
// its 398 grid lines over 16,000 rows took 3.8 of the run's 10 CPU seconds. A rectangle's
// coverage needs no rasteriser: a pixel is covered by the product of the share of its
// column and the share of its row that lie inside, which is the area the rasteriser
// computes, truncated to 8 bits as golang.org/x/image/vector does.

// fillRectPath fills p when it is, on the canvas, an axis-aligned rectangle (four
// corners, as draw.Canvas.FillPolygon passes them, closed or not) and the canvas is not
// rotated; it reports false, drawing nothing, for any other path.
func (c *pngCanvas) fillRectPath(p vg.Path, r, g, b, a uint32) bool {
	n := len(p)
	if n == 5 && p[4].Type == vg.CloseComp {
		n = 4
	}
	if n != 4 || len(p) > 5 || p[0].Type != vg.MoveComp || !c.upright() {
		return false
	}
	var xs, ys [4]float64
	for i := 0; i < 4; i++ {
		if i > 0 && p[i].Type != vg.LineComp {
			return false
		}
		xs[i], ys[i] = c.ctx.TransformPoint(c.dots(p[i].Pos.X), c.dots(p[i].Pos.Y))
	}
	across := xs[0] == xs[1] && ys[1] == ys[2] && xs[2] == xs[3] && ys[3] == ys[0]
	along := ys[0] == ys[1] && xs[1] == xs[2] && ys[2] == ys[3] && xs[3] == xs[0]
	if !across && !along {
		return false
	}
	c.fillRect(math.Min(xs[0], xs[2]), math.Min(ys[0], ys[2]), math.Max(xs[0], xs[2]), math.Max(ys[0], ys[2]), r, g, b, a)
	return true
}

// strokeStraight strokes p when it is one horizontal or vertical segment, solid, on a
// canvas that is not rotated: with butt caps (the canvas's) such a line is the rectangle
// of the line's width centred on it, end to end. It reports false, drawing nothing, for
// any other path.
func (c *pngCanvas) strokeStraight(p vg.Path) bool {
	if len(p) != 2 || p[0].Type != vg.MoveComp || p[1].Type != vg.LineComp || c.dashed || !c.upright() {
		return false
	}
	x0, y0 := c.ctx.TransformPoint(c.dots(p[0].Pos.X), c.dots(p[0].Pos.Y))
	x1, y1 := c.ctx.TransformPoint(c.dots(p[1].Pos.X), c.dots(p[1].Pos.Y))
	half := c.dots(c.width) / 2
	col := c.colour[len(c.colour)-1]
	r, g, b, a := col.RGBA()
	switch {
	case x0 == x1 && y0 == y1:
		return true // butt caps on a line of no length: nothing
	case x0 == x1:
		c.fillRect(x0-half, math.Min(y0, y1), x0+half, math.Max(y0, y1), r, g, b, a)
	case y0 == y1:
		c.fillRect(math.Min(x0, x1), y0-half, math.Max(x0, x1), y0+half, r, g, b, a)
	default:
		return false
	}
	return true
}

// upright reports whether the canvas's current transform only moves and flips, without
// scaling or turning: a rectangle then stays one, and a line keeps its width.
func (c *pngCanvas) upright() bool {
	ox, oy := c.ctx.TransformPoint(0, 0)
	ax, ay := c.ctx.TransformPoint(1, 0)
	bx, by := c.ctx.TransformPoint(0, 1)
	return math.Abs(ax-ox) == 1 && ay == oy && bx == ox && math.Abs(by-oy) == 1
}

// almost256 is golang.org/x/image/vector's factor from coverage in [0, 1] to 8 bits.
const almost256 = 255.99998

// fillRect paints the premultiplied colour (r, g, b, a) over the rectangle [x0, x1] ×
// [y0, y1] in pixels, each pixel covered by (the part of its column inside) × (the part
// of its row inside), blended as blendMask blends; in a fully covered row of an opaque
// colour the fully covered columns are copied at once.
func (c *pngCanvas) fillRect(x0, y0, x1, y1 float64, r, g, b, a uint32) {
	if math.IsNaN(x0+y0+x1+y1) || math.IsInf(x0+y0+x1+y1, 0) {
		return
	}
	box := image.Rect(int(math.Floor(x0)), int(math.Floor(y0)), int(math.Ceil(x1)), int(math.Ceil(y1))).Intersect(c.img.Rect)
	if box.Empty() {
		return
	}
	c.touch(box)
	cover := func(lo, hi float64, i int) float64 {
		return math.Max(0, math.Min(hi, float64(i+1))-math.Max(lo, float64(i)))
	}
	colCover := make([]float64, box.Dx())
	full0, full1 := len(colCover), 0 // the fully covered columns: [full0, full1)
	for i := range colCover {
		colCover[i] = cover(x0, x1, box.Min.X+i)
		if colCover[i] == 1 {
			full0, full1 = min(full0, i), i+1
		}
	}
	const m = 0xffff
	opaque := [4]uint8{uint8(r >> 8), uint8(g >> 8), uint8(b >> 8), uint8(a >> 8)}
	var solid []byte // the fully covered columns of one row in the colour
	for y := box.Min.Y; y < box.Max.Y; y++ {
		cy := cover(y0, y1, y)
		row := c.img.Pix[c.img.PixOffset(box.Min.X, y):][:4*box.Dx()]
		for i := 0; i < len(colCover); i++ {
			if cy == 1 && a == m && i == full0 && full1 > full0 {
				if solid == nil {
					solid = make([]byte, 4*(full1-full0))
					for j := 0; j < len(solid); j += 4 {
						copy(solid[j:j+4], opaque[:])
					}
				}
				copy(row[4*full0:4*full1], solid)
				i = full1 - 1
				continue
			}
			mv := uint8(float32(almost256) * float32(colCover[i]*cy))
			blendPixel(row[4*i:4*i+4:4*i+4], mv, r, g, b, a, opaque)
		}
	}
}

// blendPixel paints the premultiplied colour (r, g, b, a), whose 8-bit form is opaque,
// over the pixel px with coverage mv: px = src·m + px·(1 − a·m), as blendMask does.
func blendPixel(px []byte, mv uint8, r, g, b, a uint32, opaque [4]uint8) {
	const m = 0xffff
	if mv == 0 {
		return
	}
	if mv == 0xff && a == m {
		px[0], px[1], px[2], px[3] = opaque[0], opaque[1], opaque[2], opaque[3]
		return
	}
	ma := uint32(mv) * 0x101
	k := (m - a*ma/m) * 0x101
	px[0] = uint8((uint32(px[0])*k + r*ma) / m >> 8)
	px[1] = uint8((uint32(px[1])*k + g*ma) / m >> 8)
	px[2] = uint8((uint32(px[2])*k + b*ma) / m >> 8)
	if a == m && px[3] == 0xff {
		return // opaque over opaque stays opaque (blendMask)
	}
	px[3] = uint8((uint32(px[3])*k + a*ma) / m >> 8)
}

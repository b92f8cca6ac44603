package reports

import (
	"image"
	"image/draw"
	"slices"
	"sync"

	xfont "golang.org/x/image/font"
	"golang.org/x/image/font/sfnt"
	"golang.org/x/image/math/fixed"
	"golang.org/x/image/vector"
	"gonum.org/v1/plot/font"
)

// A glyph mask that glyphMasks does not hold yet (the same letter at a new sub-pixel
// position: most of a figure's letters) was made by x/image/font/opentype's Face.Glyph,
// which looks the glyph up, reads and scales its outline from the font file
// (sfnt.Font.LoadGlyph) and measures it every time, before it rasterises: on the
// example study's 6,500 masks the reading and measuring were 45% of Face.Glyph's time.
// glyphOutlines keeps the scaled outline, its bounds and advance once per font, size,
// resolution and rune, and rasterise does the rest of Face.Glyph, statement for
// statement, on the canvas's own rasteriser: the same segments, the same bias, the same
// vector.Rasterizer calls, so the same mask (TestGlyphOutlineMatchesFace).

// glyphOutlines holds the outlines loaded, for every canvas of the process.
type glyphOutlines struct {
	mu sync.Mutex
	m  map[glyphKey]*glyphOutline // fx and fy zero
}

// glyphOutline is what Face.Glyph computes of a glyph before it uses the dot.
type glyphOutline struct {
	loaded   bool // false: Face.Glyph fails on the rune (no mask, advance 0, not ok)
	index    sfnt.GlyphIndex
	advance  fixed.Int26_6
	segments sfnt.Segments
	bounds   fixed.Rectangle26_6
}

// of returns the outline of r in f at dpi, loading it the first time; nil when f has
// no font file (the caller then asks the face).
func (o *glyphOutlines) of(f font.Face, dpi float64, r rune) *glyphOutline {
	if f.Face == nil {
		return nil
	}
	k := glyphKey{font: f.Font, dpi: dpi, r: r}
	o.mu.Lock()
	defer o.mu.Unlock()
	if g, ok := o.m[k]; ok {
		return g
	}
	if o.m == nil {
		o.m = map[glyphKey]*glyphOutline{}
	}
	g := loadOutline(f.Face, faceScale(f, dpi), r)
	o.m[k] = g
	return g
}

// faceScale is the scale, in 26.6 pixels per em, of the face gonum/plot makes for f at
// dpi (font.Face.FontFace: opentype.NewFace with the size in points and dpi).
func faceScale(f font.Face, dpi float64) fixed.Int26_6 {
	return fixed.Int26_6(0.5 + (f.Font.Size.Points() * dpi * 64 / 72))
}

// loadOutline is the first half of opentype's Face.Glyph, with the face's hinting
// (none, as gonum/plot makes its faces).
func loadOutline(f *sfnt.Font, scale fixed.Int26_6, r rune) *glyphOutline {
	var buf sfnt.Buffer
	x, err := f.GlyphIndex(&buf, r)
	if err != nil {
		return &glyphOutline{}
	}
	advance, err := f.GlyphAdvance(&buf, x, scale, xfont.HintingNone)
	if err != nil {
		return &glyphOutline{}
	}
	segments, err := f.LoadGlyph(&buf, x, scale, nil)
	if err != nil {
		return &glyphOutline{}
	}
	// The segments are buf's until it is used again: keep a copy.
	segments = slices.Clone(segments)
	return &glyphOutline{loaded: true, index: x, advance: advance, segments: segments, bounds: segments.Bounds()}
}

// rasterise is the second half of opentype's Face.Glyph: the glyph's mask with the
// glyph's origin at dot, rasterised on z into a new mask (whose Rect starts at (0, 0)).
func (g *glyphOutline) rasterise(z *vector.Rasterizer, dot fixed.Point26_6) (dr image.Rectangle, mask *image.Alpha, advance fixed.Int26_6, ok bool) {
	if !g.loaded {
		return image.Rectangle{}, nil, 0, false
	}
	dBounds := g.bounds.Add(dot)
	dr.Min.X = dBounds.Min.X.Floor()
	dr.Min.Y = dBounds.Min.Y.Floor()
	dr.Max.X = dBounds.Max.X.Ceil()
	dr.Max.Y = dBounds.Max.Y.Ceil()
	width, height := dr.Dx(), dr.Dy()
	if width < 0 || height < 0 {
		return image.Rectangle{}, nil, 0, false
	}
	biasX := dot.X - fixed.Int26_6(dr.Min.X<<6)
	biasY := dot.Y - fixed.Int26_6(dr.Min.Y<<6)
	mask = &image.Alpha{Pix: make([]uint8, width*height), Stride: width, Rect: image.Rect(0, 0, width, height)}
	z.Reset(width, height)
	z.DrawOp = draw.Src
	for _, seg := range g.segments {
		switch seg.Op {
		case sfnt.SegmentOpMoveTo:
			z.MoveTo(float32(seg.Args[0].X+biasX)/64, float32(seg.Args[0].Y+biasY)/64)
		case sfnt.SegmentOpLineTo:
			z.LineTo(float32(seg.Args[0].X+biasX)/64, float32(seg.Args[0].Y+biasY)/64)
		case sfnt.SegmentOpQuadTo:
			z.QuadTo(
				float32(seg.Args[0].X+biasX)/64, float32(seg.Args[0].Y+biasY)/64,
				float32(seg.Args[1].X+biasX)/64, float32(seg.Args[1].Y+biasY)/64,
			)
		case sfnt.SegmentOpCubeTo:
			z.CubeTo(
				float32(seg.Args[0].X+biasX)/64, float32(seg.Args[0].Y+biasY)/64,
				float32(seg.Args[1].X+biasX)/64, float32(seg.Args[1].Y+biasY)/64,
				float32(seg.Args[2].X+biasX)/64, float32(seg.Args[2].Y+biasY)/64,
			)
		}
	}
	z.Draw(mask, mask.Bounds(), image.Opaque, image.Point{})
	return dr, mask, g.advance, g.index != 0
}

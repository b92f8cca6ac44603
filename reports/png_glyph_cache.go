package reports

import (
	"image"
	"sync"

	xfont "golang.org/x/image/font"
	"golang.org/x/image/math/fixed"
	"golang.org/x/image/vector"
	"gonum.org/v1/plot/font"
)

// glyphMasks keeps the glyph masks the PNG canvases rasterised, for every canvas of the
// process: a figure's tick labels, legend and captions repeat the same letters, and a
// letter drawn at the same sub-pixel position has the same mask. The mask that
// x/image/font/opentype's Face.Glyph makes depends on the dot only through its
// sub-pixel part (dot & 63 in 26.6 fixed point): the whole-pixel part moves the mask's
// rectangle and nothing else (its bias is dot − 64·⌊bounds + dot⌋). So a mask is kept
// under its font, resolution, rune and the dot's sub-pixel part, with its rectangle for
// a dot whose whole-pixel part is zero, and drawn again from there: the same pixels.
// The masks kept are bounded (glyphCacheBytes), so a study with many labels keeps the
// first ones and rasterises the rest as before.
type glyphMasks struct {
	mu       sync.RWMutex
	m        map[glyphKey]*cachedGlyph
	bytes    int
	outlines glyphOutlines // png_glyph_outline.go
}

type glyphKey struct {
	font   font.Font
	dpi    float64
	r      rune
	fx, fy fixed.Int26_6 // the dot's sub-pixel part
}

type cachedGlyph struct {
	dr      image.Rectangle // for a dot with whole-pixel part (0, 0)
	mask    *image.Alpha    // never written once kept
	advance fixed.Int26_6
	ok      bool
}

// glyphCacheBytes bounds the bytes of the masks kept.
const glyphCacheBytes = 8 << 20

var glyphCache = &glyphMasks{m: map[glyphKey]*cachedGlyph{}}

// glyph is face.Glyph(dot, r) for face, the face of f at dpi, with the mask as an
// *image.Alpha whose Rect starts at (0, 0) (maskp is always that point); the mask is
// shared and must not be written. A mask not kept is rasterised on z from the glyph's
// outline, which is loaded once per font, resolution and rune (outlines).
func (g *glyphMasks) glyph(f font.Face, dpi float64, face xfont.Face, z *vector.Rasterizer, dot fixed.Point26_6, r rune) (dr image.Rectangle, mask image.Image, maskp image.Point, advance fixed.Int26_6, ok bool) {
	k := glyphKey{font: f.Font, dpi: dpi, r: r, fx: dot.X & 63, fy: dot.Y & 63}
	at := image.Pt(int(dot.X>>6), int(dot.Y>>6))
	g.mu.RLock()
	c := g.m[k]
	g.mu.RUnlock()
	if c != nil {
		if c.mask == nil {
			return c.dr.Add(at), nil, image.Point{}, c.advance, c.ok
		}
		return c.dr.Add(at), c.mask, image.Point{}, c.advance, c.ok
	}
	var am *image.Alpha
	if o := g.outlines.of(f, dpi, r); o != nil {
		dr, am, advance, ok = o.rasterise(z, dot)
		if am != nil {
			mask = am
		}
	} else {
		dr, mask, maskp, advance, ok = face.Glyph(dot, r)
		var isAlpha bool
		am, isAlpha = mask.(*image.Alpha)
		if mask != nil && (!isAlpha || maskp != (image.Point{}) || am.Rect.Min != (image.Point{})) {
			return dr, mask, maskp, advance, ok // not a mask of the kind kept: as it came
		}
		if am != nil {
			// The face reuses its mask's buffer for the next glyph: keep a copy.
			am = copyAlpha(am)
		}
	}
	c = &cachedGlyph{dr: dr.Sub(at), advance: advance, ok: ok, mask: am}
	g.mu.Lock()
	if g.bytes+len(c.maskPix()) <= glyphCacheBytes {
		if _, had := g.m[k]; !had {
			g.m[k] = c
			g.bytes += len(c.maskPix())
		}
	}
	g.mu.Unlock()
	if c.mask == nil {
		return dr, nil, image.Point{}, advance, ok
	}
	return dr, c.mask, image.Point{}, advance, ok
}

// copyAlpha is a copy of the mask am, whose Rect starts at (0, 0), with its own pixels.
func copyAlpha(am *image.Alpha) *image.Alpha {
	w, h := am.Rect.Dx(), am.Rect.Dy()
	cp := &image.Alpha{Pix: make([]uint8, w*h), Stride: w, Rect: image.Rect(0, 0, w, h)}
	for y := range h {
		copy(cp.Pix[y*w:(y+1)*w], am.Pix[y*am.Stride:])
	}
	return cp
}

func (c *cachedGlyph) maskPix() []uint8 {
	if c.mask == nil {
		return nil
	}
	return c.mask.Pix
}

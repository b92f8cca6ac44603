package reports

import (
	"bytes"
	"image"
	"image/color"
	stddraw "image/draw"
	"math"
	"math/rand/v2"
	"testing"

	xdraw "golang.org/x/image/draw"
	"golang.org/x/image/math/f64"
)

// TestGlyphTransformMatchesXDraw maps random masks through random affine maps
// (rotations, reflections, enlargements and reductions, fractional offsets, partly off
// the image) onto random opaque and translucent backgrounds, in opaque and translucent
// colours, with glyphTransform and with x/image/draw's BiLinear.Transform: every pixel
// must be the same.
func TestGlyphTransformMatchesXDraw(t *testing.T) {
	rng := rand.New(rand.NewPCG(16, 4))
	colours := []color.RGBA{inkColour, rgb(0xD5, 0x5E, 0x00), {R: 0x40, G: 0x20, B: 0x10, A: 0x80}, {A: 0xff}}
	drawn := 0
	for n := 0; n < 300; n++ {
		mw, mh := 1+rng.IntN(40), 1+rng.IntN(40)
		mask := image.NewAlpha(image.Rect(0, 0, mw, mh))
		for i := range mask.Pix {
			switch rng.IntN(3) {
			case 0:
				mask.Pix[i] = 0xff
			case 1:
				mask.Pix[i] = uint8(rng.IntN(256))
			}
		}
		angle := rng.Float64() * 2 * math.Pi
		if n%4 == 0 {
			angle = float64(rng.IntN(4)) * math.Pi / 2
		}
		sx, sy := 0.3+2*rng.Float64(), 0.3+2*rng.Float64()
		if n%5 == 0 {
			sx = -sx
		}
		cos, sin := math.Cos(angle), math.Sin(angle)
		s2d := f64.Aff3{sx * cos, -sy * sin, rng.Float64()*140 - 20, sx * sin, sy * cos, rng.Float64()*140 - 20}
		bg := image.NewRGBA(image.Rect(0, 0, 120, 110))
		for i := range bg.Pix {
			bg.Pix[i] = uint8(rng.IntN(256))
		}
		if n%2 == 0 {
			for i := 3; i < len(bg.Pix); i += 4 {
				bg.Pix[i] = 0xff
			}
		}
		// premultiplied, as an *image.RGBA holds it
		for i := 0; i < len(bg.Pix); i += 4 {
			for k := 0; k < 3; k++ {
				bg.Pix[i+k] = min(bg.Pix[i+k], bg.Pix[i+3])
			}
		}
		col := colours[n%len(colours)]
		want := image.NewRGBA(bg.Rect)
		copy(want.Pix, bg.Pix)
		xdraw.BiLinear.Transform(want, s2d, image.NewUniform(col), mask.Rect, xdraw.Over, &xdraw.Options{SrcMask: mask})
		got := image.NewRGBA(bg.Rect)
		copy(got.Pix, bg.Pix)
		r, g, b, a := col.RGBA()
		glyphTransform(got, s2d, mask, mask.Rect, r, g, b, a)
		if !bytes.Equal(got.Pix, want.Pix) {
			differ, worst := channelDiff(got, want)
			t.Fatalf("case %d (%v, mask %d×%d): %d channels differ, by up to %d", n, s2d, mw, mh, differ, worst)
		}
		if !bytes.Equal(got.Pix, bg.Pix) {
			drawn++
		}
	}
	if drawn < 250 {
		t.Errorf("only %d of 300 cases drew anything", drawn)
	}
}

// TestBlendMaskMatchesDrawGlyph: blendMask, which draws the upright glyphs, gives the
// pixels of image/draw's DrawMask with a uniform source and an alpha mask (its
// drawGlyphOver) on random masks, backgrounds and colours, opaque and translucent.
func TestBlendMaskMatchesDrawGlyph(t *testing.T) {
	rng := rand.New(rand.NewPCG(17, 5))
	colours := []color.RGBA{inkColour, mutedColour, {R: 0x40, G: 0x20, B: 0x10, A: 0x80}, {R: 0xff, G: 0xff, B: 0xff, A: 0xff}}
	for n := 0; n < 100; n++ {
		mask := image.NewAlpha(image.Rect(0, 0, 1+rng.IntN(30), 1+rng.IntN(30)))
		for i := range mask.Pix {
			switch rng.IntN(3) {
			case 0:
				mask.Pix[i] = 0xff
			case 1:
				mask.Pix[i] = uint8(rng.IntN(256))
			}
		}
		bg := image.NewRGBA(image.Rect(0, 0, 50, 40))
		for i := range bg.Pix {
			bg.Pix[i] = uint8(rng.IntN(256))
		}
		for i := 0; i < len(bg.Pix); i += 4 {
			for k := 0; k < 3; k++ {
				bg.Pix[i+k] = min(bg.Pix[i+k], bg.Pix[i+3])
			}
		}
		at := mask.Rect.Add(image.Pt(rng.IntN(50-mask.Rect.Dx()+1), rng.IntN(40-mask.Rect.Dy()+1)))
		col := colours[n%len(colours)]
		want := image.NewRGBA(bg.Rect)
		copy(want.Pix, bg.Pix)
		stddraw.DrawMask(want, at, image.NewUniform(col), image.Point{}, mask, image.Point{}, stddraw.Over)
		got := image.NewRGBA(bg.Rect)
		copy(got.Pix, bg.Pix)
		r, g, b, a := col.RGBA()
		blendMask(got, at, mask, r, g, b, a)
		if !bytes.Equal(got.Pix, want.Pix) {
			differ, worst := channelDiff(got, want)
			t.Fatalf("case %d: %d channels differ, by up to %d", n, differ, worst)
		}
	}
}

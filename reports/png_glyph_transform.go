package reports

import (
	"image"
	"math"

	xdraw "golang.org/x/image/draw"
	"golang.org/x/image/math/f64"
)

// glyphTransform draws the colour (r, g, b, a), premultiplied 16-bit, through the glyph
// mask over dst, the mask's rectangle sr mapped onto dst by s2d. It is x/image/draw's
// BiLinear.Transform(dst, s2d, image.NewUniform(colour), sr, draw.Over,
// &draw.Options{SrcMask: mask}) for a mask at the origin, computed the same way, number
// for number, so that the pixels are the same (TestGlyphTransformMatchesXDraw). Its
// arithmetic (transformRect, invert, the bias, the kernel's weights) is copied from
// x/image/draw v0.44.0's scale.go and impl.go (transform_Image_Image_Over). Why by hand:
// with a source mask x/image/draw takes its generic path, which reads every source,
// mask and destination pixel through image.Image's At and writes through Set, and it
// weighs and blends every pixel of the glyph's box; here a pixel whose samples of the
// mask are all 0 is skipped (the generic path blends it to the pixel it was), about half
// of a glyph's box.
func glyphTransform(dst *image.RGBA, s2d f64.Aff3, mask *image.Alpha, sr image.Rectangle, r, g, b, a uint32) {
	q := xdraw.BiLinear
	dr := transformedRect(&s2d, sr)
	adr := dst.Bounds().Intersect(dr)
	if adr.Empty() || sr.Empty() {
		return
	}
	d2s := invertAff3(&s2d)
	bias := transformedRect(&d2s, adr).Min
	bias.X--
	bias.Y--
	d2s[2] -= float64(bias.X)
	d2s[5] -= float64(bias.Y)
	adr = adr.Sub(dr.Min)

	xscale := absf(d2s[0])
	if s := absf(d2s[1]); xscale < s {
		xscale = s
	}
	yscale := absf(d2s[3])
	if s := absf(d2s[4]); yscale < s {
		yscale = s
	}
	xHalfWidth, xKernelArgScale := q.Support, 1.0
	if xscale > 1 {
		xHalfWidth *= xscale
		xKernelArgScale = 1 / xscale
	}
	yHalfWidth, yKernelArgScale := q.Support, 1.0
	if yscale > 1 {
		yHalfWidth *= yscale
		yKernelArgScale = 1 / yscale
	}
	xWeights := make([]float64, 1+2*int(math.Ceil(xHalfWidth)))
	yWeights := make([]float64, 1+2*int(math.Ceil(yHalfWidth)))

	for dy := int32(adr.Min.Y); dy < int32(adr.Max.Y); dy++ {
		dyf := float64(dr.Min.Y+int(dy)) + 0.5
		for dx := int32(adr.Min.X); dx < int32(adr.Max.X); dx++ {
			dxf := float64(dr.Min.X+int(dx)) + 0.5
			sx := float64(d2s[0]*dxf) + float64(d2s[1]*dyf) + d2s[2]
			sy := float64(d2s[3]*dxf) + float64(d2s[4]*dyf) + d2s[5]
			if !(image.Point{int(sx) + bias.X, int(sy) + bias.Y}).In(sr) {
				continue
			}

			sx += float64(bias.X)
			sx -= 0.5
			ix := max(int(math.Floor(sx-xHalfWidth)), sr.Min.X)
			jx := min(int(math.Ceil(sx+xHalfWidth)), sr.Max.X)
			sy += float64(bias.Y)
			sy -= 0.5
			iy := max(int(math.Floor(sy-yHalfWidth)), sr.Min.Y)
			jy := min(int(math.Ceil(sy+yHalfWidth)), sr.Max.Y)
			if maskClear(mask, ix, jx, iy, jy) {
				// Every sample is 0: the colour adds 0 and the pixel stays as it is.
				continue
			}
			kernelWeights(xWeights[:jx-ix], q, ix, sx, xKernelArgScale)
			kernelWeights(yWeights[:jy-iy], q, iy, sy, yKernelArgScale)

			var pr, pg, pb, pa float64
			for ky := iy; ky < jy; ky++ {
				if yWeight := yWeights[ky-iy]; yWeight != 0 {
					for kx := ix; kx < jx; kx++ {
						if w := xWeights[kx-ix] * yWeight; w != 0 {
							ma := uint32(mask.Pix[mask.PixOffset(kx, ky)]) * 0x101
							pr += float64(float64(r*ma/0xffff) * w)
							pg += float64(float64(g*ma/0xffff) * w)
							pb += float64(float64(b*ma/0xffff) * w)
							pa += float64(float64(a*ma/0xffff) * w)
						}
					}
				}
			}
			if pr > pa {
				pr = pa
			}
			if pg > pa {
				pg = pa
			}
			if pb > pa {
				pb = pa
			}

			px := dst.Pix[dst.PixOffset(dr.Min.X+int(dx), dr.Min.Y+int(dy)):][:4:4]
			pa1 := 0xffff - uint32(fffftou(pa))
			px[0] = uint8(uint16(uint32(px[0])*0x101*pa1/0xffff+uint32(fffftou(pr))) >> 8)
			px[1] = uint8(uint16(uint32(px[1])*0x101*pa1/0xffff+uint32(fffftou(pg))) >> 8)
			px[2] = uint8(uint16(uint32(px[2])*0x101*pa1/0xffff+uint32(fffftou(pb))) >> 8)
			px[3] = uint8(uint16(uint32(px[3])*0x101*pa1/0xffff+uint32(fffftou(pa))) >> 8)
		}
	}
}

// maskClear reports whether the mask is 0 over [ix, jx) × [iy, jy).
func maskClear(mask *image.Alpha, ix, jx, iy, jy int) bool {
	for ky := iy; ky < jy; ky++ {
		for _, m := range mask.Pix[mask.PixOffset(ix, ky):][:max(0, jx-ix)] {
			if m != 0 {
				return false
			}
		}
	}
	return true
}

// invertAff3 is x/image/draw's invert: the inverse of the affine map m.
func invertAff3(m *f64.Aff3) f64.Aff3 {
	m00 := +m[3*1+1]
	m01 := -m[3*0+1]
	m02 := +float64(m[3*1+2]*m[3*0+1]) - float64(m[3*1+1]*m[3*0+2])
	m10 := -m[3*1+0]
	m11 := +m[3*0+0]
	m12 := +float64(m[3*1+0]*m[3*0+2]) - float64(m[3*1+2]*m[3*0+0])
	det := float64(m00*m11) - float64(m10*m01)
	return f64.Aff3{m00 / det, m01 / det, m02 / det, m10 / det, m11 / det, m12 / det}
}

// absf is x/image/draw's abs (which keeps the sign of a negative zero).
func absf(f float64) float64 {
	if f < 0 {
		f = -f
	}
	return f
}

// fffftou is x/image/draw's: [0, 65535] to [0, 0xffff], rounded.
func fffftou(f float64) uint16 {
	i := int32(f + 0.5)
	if i > 0xffff {
		return 0xffff
	}
	if i > 0 {
		return uint16(i)
	}
	return 0
}

// kernelWeights fills w with the kernel's weights of the samples from the one at from on,
// at s (a sample position), scaled by argScale, and normalises them to sum 1: one axis of
// x/image/draw's Kernel.Transform, the same arithmetic in the same order.
func kernelWeights(w []float64, q *xdraw.Kernel, from int, s, argScale float64) {
	total := 0.0
	for k := range w {
		weight := 0.0
		if t := absf((s - float64(from+k)) * argScale); t < q.Support {
			weight = q.At(t)
		}
		w[k] = weight
		total += weight
	}
	for k := range w {
		w[k] /= total
	}
}

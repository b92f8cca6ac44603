package reports

import (
	"image/color"

	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"

	"bytes"
	"hash/adler32"
	"image"
	"image/png"
	"math/rand/v2"
	"testing"
)

// TestEncodePNGRepeatedRows decodes, with image/png, what both encoders write for images
// whose rows repeat the row above in runs (encodePNGFlate writes them with filter type
// Up) between rows of random pixels, at widths
// that leave every tail of the two-pixel conversion (1, 2, 3 and 301 pixels): each must
// decode to exactly its pixels.
func TestEncodePNGRepeatedRows(t *testing.T) {
	rnd := rand.New(rand.NewPCG(3, 4))
	for _, w := range []int{1, 2, 3, 301} {
		img := image.NewRGBA(image.Rect(0, 0, w, 200))
		for y := 0; y < 200; y++ {
			row := img.Pix[y*img.Stride : y*img.Stride+4*w]
			if y > 0 && rnd.IntN(3) > 0 {
				copy(row, img.Pix[(y-1)*img.Stride:])
				continue
			}
			for i := range row {
				row[i] = uint8(rnd.IntN(256))
				if i%4 == 3 {
					row[i] = 0xff
				}
			}
		}
		for name, encode := range map[string]func(*image.RGBA, int) ([]byte, error){"encodePNG": encodePNG, "encodePNGFlate": encodePNGFlate} {
			b, err := encode(img, 300)
			if err != nil {
				t.Fatal(err)
			}
			dec, err := png.Decode(bytes.NewReader(b))
			if err != nil {
				t.Fatalf("%s, width %d: %v", name, w, err)
			}
			got := image.NewRGBA(dec.Bounds())
			for y := 0; y < 200; y++ {
				for x := 0; x < w; x++ {
					got.Set(x, y, dec.At(x, y))
				}
			}
			if !bytes.Equal(got.Pix, img.Pix) {
				t.Errorf("%s, width %d: the decoded pixels differ from the image", name, w)
			}
		}
	}
}

// TestAdler32 compares the checksum with hash/adler32 on random bytes of lengths around
// the point where the sums are reduced (5552), and on rows of filter type Up followed
// by zeros, which upZeros adds without reading them.
func TestAdler32(t *testing.T) {
	rnd := rand.New(rand.NewPCG(5, 6))
	for _, n := range []int{0, 1, 7, 8, 9, 5551, 5552, 5553, 100000} {
		p := make([]byte, n)
		for i := range p {
			p[i] = uint8(rnd.IntN(256))
		}
		s := newAdler32()
		s.update(p)
		if got, want := s.sum32(), adler32.Checksum(p); got != want {
			t.Errorf("%d random bytes: %08x, want %08x", n, got, want)
		}
		// Then rows of 2 and zeros, as a repeated row is written.
		all := append([]byte{}, p...)
		for _, z := range []int{0, 1, 6024, 65521, 200000} {
			s.upZeros(z)
			all = append(all, 2)
			all = append(all, make([]byte, z)...)
			if got, want := s.sum32(), adler32.Checksum(all); got != want {
				t.Errorf("%d random bytes, then a row of %d zeros: %08x, want %08x", n, z, got, want)
			}
		}
	}
	// All 0xff, the largest sums.
	p := bytes.Repeat([]byte{0xff}, 3*adlerMax+5)
	s := newAdler32()
	s.update(p)
	if got, want := s.sum32(), adler32.Checksum(p); got != want {
		t.Errorf("0xff bytes: %08x, want %08x", got, want)
	}
}

// TestPNGCanvasStraightLines checks the fast paths for axis-aligned rectangles and
// straight lines against gg (vgimg): thin and thick horizontal and vertical lines at
// fractional positions, a line of no length, a dashed and a slanted line (both through
// gg), lines and rectangles on a translated canvas and a rotated one (through gg), and
// rectangles narrower than a pixel. No channel may be off by more than 8 of 255, and at
// most 3% of them may differ at all: a line's edge pixels get the exact area covered
// here and freetype's fixed-point estimate of it in gg, a few levels apart, and this
// canvas is mostly line edges (1.5% of its channels differ, by up to 5; in the example's
// figures under 1%, by up to 4).
func TestPNGCanvasStraightLines(t *testing.T) {
	w, h := 3*vg.Inch, 2*vg.Inch
	paint := func(c draw.Canvas) {
		for i, wd := range []vg.Length{0.3, 0.8, 2.5} {
			ls := draw.LineStyle{Color: okabeBlue, Width: wd}
			off := vg.Length(i)*40 + 0.37
			c.StrokeLine2(ls, 10+off, 10.2, 10+off, 130.7)
			c.StrokeLine2(ls, 5.1, 20+off, 200.6, 20+off)
		}
		white := draw.LineStyle{Color: color.White, Width: 0.8}
		c.FillPolygon(okabeOrange, []vg.Point{{X: 60.3, Y: 60.6}, {X: 180.2, Y: 60.6}, {X: 180.2, Y: 100.1}, {X: 60.3, Y: 100.1}})
		c.StrokeLine2(white, 100.5, 55, 100.5, 105)
		c.StrokeLine2(white, 50, 80.25, 190, 80.25)
		c.StrokeLine2(white, 70, 70, 70, 70)
		c.StrokeLine2(draw.LineStyle{Color: inkColour, Width: 1, Dashes: []vg.Length{3, 2}}, 20, 140, 200, 140)
		c.StrokeLine2(draw.LineStyle{Color: inkColour, Width: 1}, 20, 30, 200, 130)
		for i := 0; i < 10; i++ {
			x := 150 + vg.Length(i)*0.23*vg.Length(i)
			c.FillPolygon(okabeVermilion, []vg.Point{{X: x, Y: 110}, {X: x + 0.2, Y: 110}, {X: x + 0.2, Y: 130.5}, {X: x, Y: 130.5}})
		}
		c.Push()
		c.Translate(vg.Point{X: 12.3, Y: 7.7})
		c.StrokeLine2(draw.LineStyle{Color: okabeVermilion, Width: 1.2}, 0, 0, 80, 0)
		c.FillPolygon(okabeSky, []vg.Point{{X: 0, Y: 2}, {X: 30, Y: 2}, {X: 30, Y: 9}, {X: 0, Y: 9}})
		c.Pop()
		c.Push()
		c.Translate(vg.Point{X: 170, Y: 120})
		c.Rotate(0.4)
		c.StrokeLine2(draw.LineStyle{Color: inkColour, Width: 2}, 0, 0, 40, 0)
		c.FillPolygon(okabeSky, []vg.Point{{X: 0, Y: 5}, {X: 30, Y: 5}, {X: 30, Y: 15}, {X: 0, Y: 15}})
		c.Pop()
	}
	got, want := paintBoth(w, h, paint)
	differ, worst := channelDiff(got, want)
	if worst > 8 || float64(differ) > 0.03*float64(len(got.Pix)) {
		t.Errorf("%d of %d channels differ from gg's, by up to %d", differ, len(got.Pix), worst)
	}
	t.Logf("%d of %d channels differ from gg's, by up to %d", differ, len(got.Pix), worst)
}

// TestAdlerRGBA compares addRGBA with hash/adler32 over the RGB bytes of random pixels,
// from lengths of no pixel up to several blocks and a tail, all opaque or with one pixel
// (anywhere, in a block or in the tail) translucent, starting from random sums.
func TestAdlerRGBA(t *testing.T) {
	rnd := rand.New(rand.NewPCG(7, 8))
	for _, n := range []int{0, 1, 2, 3, 31, 32, 33, 64, 100, 2008, 5000} {
		for trial := 0; trial < 4; trial++ {
			prefix := make([]byte, rnd.IntN(50))
			for i := range prefix {
				prefix[i] = uint8(rnd.IntN(256))
			}
			pix := make([]byte, 4*n)
			var rgbBytes []byte
			for i := 0; i < n; i++ {
				v := uint8(rnd.IntN(256))
				if trial == 1 {
					v = 0xff // the largest sums
				}
				pix[4*i], pix[4*i+1], pix[4*i+2], pix[4*i+3] = v, uint8(rnd.IntN(256)), uint8(rnd.IntN(256)), 0xff
				if trial == 1 {
					pix[4*i+1], pix[4*i+2] = 0xff, 0xff
				}
				rgbBytes = append(rgbBytes, pix[4*i:4*i+3]...)
			}
			s := newAdler32()
			s.update(prefix)
			if !s.addRGBA(pix) {
				t.Errorf("%d opaque pixels: not opaque", n)
			}
			if got, want := s.sum32(), adler32.Checksum(append(prefix, rgbBytes...)); got != want {
				t.Errorf("%d pixels (trial %d): %08x, want %08x", n, trial, got, want)
			}
			if n > 0 {
				pix[4*rnd.IntN(n)+3] = 0xfe
				if newAdler32().addRGBA(pix) {
					t.Errorf("%d pixels, one translucent: opaque", n)
				}
			}
		}
	}
}

// TestPNGFileAroundIsPNGFile: the PNG written around the compressed stream in its own
// buffer (pngFileAround) is byte for byte the one pngFile writes from a copy, for a chart-like
// image whose stream fits one IDAT chunk and for noise whose stream does not (then
// pngFileAround falls back to pngFile), and it decodes to the pixels.
func TestPNGFileAroundIsPNGFile(t *testing.T) {
	rnd := rand.New(rand.NewPCG(5, 6))
	for _, noise := range []bool{false, true} {
		img := image.NewRGBA(image.Rect(0, 0, 700, 700))
		for i := range img.Pix {
			img.Pix[i] = 0xff
			if noise && i%4 != 3 {
				img.Pix[i] = uint8(rnd.IntN(256))
			}
		}
		if !noise {
			for y := 100; y < 600; y++ {
				for x := 50 + y%7; x < 400; x++ {
					img.SetRGBA(x, y, color.RGBA{R: 0x1f, G: 0x77, B: 0xb4, A: 0xff})
				}
			}
		}
		idat, ok := pngRunsIDAT(img, nil, 0)
		buf, ok2 := pngRunsZlib(img, nil, 0, pngHeadLen)
		if !ok || !ok2 {
			t.Fatal("pngRunsIDAT did not take an opaque image")
		}
		if noise != (len(idat) > 1<<20) {
			t.Fatalf("noise %v: stream of %d bytes, want it to fit one IDAT chunk only without noise", noise, len(idat))
		}
		want := pngFile(700, 700, 300, idat)
		got := pngFileAround(buf, 700, 700, 300)
		if !bytes.Equal(got, want) {
			t.Fatalf("noise %v: pngFileAround differs from pngFile (%d and %d bytes)", noise, len(got), len(want))
		}
		dec, err := png.Decode(bytes.NewReader(got))
		if err != nil {
			t.Fatal(err)
		}
		for y := 0; y < 700; y += 13 {
			for x := 0; x < 700; x++ {
				if r, g, b, _ := dec.At(x, y).RGBA(); img.RGBAAt(x, y) != (color.RGBA{uint8(r >> 8), uint8(g >> 8), uint8(b >> 8), 0xff}) {
					t.Fatalf("noise %v: pixel (%d, %d) decodes to another colour", noise, x, y)
				}
			}
		}
	}
}

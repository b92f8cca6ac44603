package reports

import (
	"bytes"
	"hash/adler32"
	"image"
	"image/png"
	"math/rand/v2"
	"testing"
)

// TestEncodePNGRepeatedRows decodes, with image/png, images whose rows repeat the row
// above in runs (written with filter type Up) between rows of random pixels, at widths
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
		b, err := encodePNG(img, 300)
		if err != nil {
			t.Fatal(err)
		}
		dec, err := png.Decode(bytes.NewReader(b))
		if err != nil {
			t.Fatalf("width %d: %v", w, err)
		}
		got := image.NewRGBA(dec.Bounds())
		for y := 0; y < 200; y++ {
			for x := 0; x < w; x++ {
				got.Set(x, y, dec.At(x, y))
			}
		}
		if !bytes.Equal(got.Pix, img.Pix) {
			t.Errorf("width %d: the decoded pixels differ from the image", w)
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

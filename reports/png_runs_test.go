package reports

import (
	"bytes"
	"compress/flate"
	"encoding/binary"
	"image"
	"image/png"
	"io"
	"math/rand/v2"
	"sync"
	"testing"

	"gonum.org/v1/plot/vg/draw"

	"github.com/samenspel/samenspel/pipeline"
	"github.com/samenspel/samenspel/pipeline/progress"
	"github.com/samenspel/samenspel/pipeline/results"
)

// decodeRGBA decodes a PNG into RGBA pixels.
func decodeRGBA(t *testing.T, b []byte) *image.RGBA {
	t.Helper()
	dec, err := png.Decode(bytes.NewReader(b))
	if err != nil {
		t.Fatal(err)
	}
	got := image.NewRGBA(dec.Bounds())
	for y := got.Rect.Min.Y; y < got.Rect.Max.Y; y++ {
		for x := got.Rect.Min.X; x < got.Rect.Max.X; x++ {
			got.Set(x, y, dec.At(x, y))
		}
	}
	return got
}

// chartLike is an opaque image of w × h with what the run encoder looks for and what
// it must not be fooled by: rows repeating the row above, runs of one colour, runs
// repeating the row above in part, and random pixels.
func chartLike(rnd *rand.Rand, w, h int) *image.RGBA {
	img := image.NewRGBA(image.Rect(0, 0, w, h))
	colours := []uint32{0xffffffff, 0xff222222, 0xffb27200, 0xff005ed5, 0xfffefefe}
	for y := 0; y < h; y++ {
		row := img.Pix[y*img.Stride:][:4*w]
		if y > 0 && rnd.IntN(3) == 0 {
			copy(row, img.Pix[(y-1)*img.Stride:])
			continue
		}
		for x := 0; x < w; {
			n := 1 + rnd.IntN(300)
			kind := rnd.IntN(4)
			for i := 0; i < n && x < w; i, x = i+1, x+1 {
				var p uint32
				switch {
				case kind == 0 && y > 0:
					p = uint32(img.Pix[(y-1)*img.Stride+4*x]) | uint32(img.Pix[(y-1)*img.Stride+4*x+1])<<8 | uint32(img.Pix[(y-1)*img.Stride+4*x+2])<<16 | 0xff000000
				case kind == 1:
					p = rnd.Uint32() | 0xff000000
				default:
					p = colours[(kind+y/7)%len(colours)]
				}
				row[4*x], row[4*x+1], row[4*x+2], row[4*x+3] = byte(p), byte(p>>8), byte(p>>16), byte(p>>24)
			}
		}
	}
	return img
}

// TestRunsEncoderRoundTrip decodes, with image/png, what encodePNG writes for images
// with repeated rows, runs and noise at widths around the pieces' width and the
// two-pixel steps, to exactly their pixels; and the same with pieces left untouched,
// which hold garbage in memory and must come out white.
func TestRunsEncoderRoundTrip(t *testing.T) {
	rnd := rand.New(rand.NewPCG(5, 6))
	for _, w := range []int{1, 2, 3, 63, 64, 65, 127, 129, 301, 2008} {
		for _, h := range []int{1, 2, 77} {
			img := chartLike(rnd, w, h)
			b, err := encodePNG(img, 300)
			if err != nil {
				t.Fatal(err)
			}
			if got := decodeRGBA(t, b); !bytes.Equal(got.Pix, img.Pix) {
				t.Fatalf("%d × %d: the decoded pixels differ from the image", w, h)
			}

			touched, tw := touchedRows(w, h)
			want := image.NewRGBA(img.Rect)
			copy(want.Pix, img.Pix)
			for y := 0; y < h; y++ {
				for cx := 0; cx*chunkWidth < w; cx++ {
					x0, x1 := cx*chunkWidth, min(w, (cx+1)*chunkWidth)
					if rnd.IntN(3) > 0 {
						touched[y*tw+cx/64] |= 1 << (cx % 64)
						continue
					}
					for x := x0; x < x1; x++ {
						copy(want.Pix[y*want.Stride+4*x:][:4], []byte{0xff, 0xff, 0xff, 0xff})
						copy(img.Pix[y*img.Stride+4*x:][:4], []byte{0x12, 0x34, 0x56, 0x00}) // never read
					}
				}
			}
			idat, ok := pngRunsIDAT(img, touched, tw)
			if !ok {
				t.Fatalf("%d × %d: not encoded", w, h)
			}
			if got := decodeRGBA(t, pngFile(w, h, 300, idat)); !bytes.Equal(got.Pix, want.Pix) {
				t.Fatalf("%d × %d with untouched pieces: the decoded pixels differ", w, h)
			}
		}
	}
}

// TestRunsEncoderDeclines: a translucent pixel in a touched piece, or a row longer than
// deflate's window, is left to the other encoders.
func TestRunsEncoderDeclines(t *testing.T) {
	img := chartLike(rand.New(rand.NewPCG(7, 8)), 100, 10)
	img.Pix[4*(3*100+50)+3] = 0x80
	if _, ok := pngRunsIDAT(img, nil, 0); ok {
		t.Error("a translucent pixel was encoded as opaque")
	}
	wide := image.NewRGBA(image.Rect(0, 0, 10923, 2))
	if _, ok := pngRunsIDAT(wide, nil, 0); ok {
		t.Error("a row of 10,923 pixels was encoded beyond deflate's window")
	}
	b, err := encodePNG(wide, 300)
	if err != nil {
		t.Fatal(err)
	}
	if got := decodeRGBA(t, b); !bytes.Equal(got.Pix, wide.Pix) {
		t.Error("the wide image does not decode to its pixels")
	}
}

// TestDeflaterRoundTrip inflates, with compress/flate, streams of literals and matches
// of every length and reach (overlapping ones, ones longer than 258 bytes cut into
// pieces, distances up to 32,768), over many blocks, to exactly the bytes they stand for.
func TestDeflaterRoundTrip(t *testing.T) {
	rnd := rand.New(rand.NewPCG(9, 10))
	for round := 0; round < 20; round++ {
		var want []byte
		d := &deflater{}
		n := 1000 + rnd.IntN(200000)
		for len(want) < n {
			if len(want) < 3 || rnd.IntN(3) == 0 {
				b := byte(rnd.IntN(256))
				if round%2 == 0 {
					b = byte(rnd.IntN(4)) // skewed: deep codes
				}
				d.literal(b)
				want = append(want, b)
				continue
			}
			dist := 1 + rnd.IntN(min(len(want), 32768))
			if rnd.IntN(2) == 0 {
				dist = 1 + rnd.IntN(min(len(want), 6))
			}
			l := 3 + rnd.IntN(600)
			if rnd.IntN(4) == 0 {
				l = 256 + rnd.IntN(8) // around the 258-byte limit
			}
			d.match(l, dist)
			for i := 0; i < l; i++ {
				want = append(want, want[len(want)-dist])
			}
		}
		got, err := io.ReadAll(flate.NewReader(bytes.NewReader(d.finish())))
		if err != nil {
			t.Fatalf("round %d: %v", round, err)
		}
		if !bytes.Equal(got, want) {
			t.Fatalf("round %d: %d bytes inflate to %d others", round, len(want), len(got))
		}
	}
}

// TestHuffmanLengths: Fibonacci counts, whose optimal code is as deep as there are
// symbols, get lengths within the limit that still form a complete prefix code (Kraft
// sum exactly 1), and a single used symbol cannot occur (ensureTwo).
func TestHuffmanLengths(t *testing.T) {
	for _, limit := range []int{7, 15} {
		freq := make([]int32, 30)
		a, b := int32(1), int32(1)
		for i := range freq {
			freq[i] = a
			a, b = b, a+b
		}
		lens := make([]uint8, len(freq))
		huffmanLengths(freq, lens, limit)
		kraft := 0.0
		for i, l := range lens {
			if l == 0 || int(l) > limit {
				t.Fatalf("limit %d: symbol %d has length %d", limit, i, l)
			}
			kraft += 1 / float64(uint64(1)<<l)
		}
		if kraft != 1 {
			t.Errorf("limit %d: Kraft sum %v, want 1", limit, kraft)
		}
	}
	f := []int32{0, 5, 0}
	ensureTwo(f)
	if f[0] != 1 || f[1] != 5 {
		t.Errorf("ensureTwo gave %v", f)
	}
}

var studyFiguresOnce sync.Once
var studyFiguresRes *results.Results

// exampleStudyResults are the results of a run of data/example (all thirteen figures,
// the wave trends and the joint display among them).
func exampleStudyResults(t testing.TB) *results.Results {
	studyFiguresOnce.Do(func() {
		s, err := pipeline.LoadStudy("../data/example")
		if err != nil {
			t.Fatal(err)
		}
		o, err := pipeline.ExecuteWith(s, "test", progress.Discard)
		if err != nil {
			t.Fatal(err)
		}
		studyFiguresRes = o.Results
	})
	if studyFiguresRes == nil {
		t.Fatal("data/example did not run")
	}
	return studyFiguresRes
}

// TestTouchedCanvasMatchesWhite draws every figure of the example study at 300 dpi on a
// canvas painted white beforehand, as the canvas was made before png_touched.go, and on
// one that paints white only the pieces each drawing call touches, reusing the pixels of
// the figure before (garbage where untouched): the pixels must be the same, and the PNG
// must decode to them.
func TestTouchedCanvasMatchesWhite(t *testing.T) {
	if testing.Short() {
		t.Skip("draws thirteen figures twice at 300 dpi")
	}
	figs, err := buildFigures(exampleStudyResults(t))
	if err != nil {
		t.Fatal(err)
	}
	var scratch []byte
	for _, f := range figs {
		white := newPNGCanvas(f.width(), f.Height(), f.dpi())
		white.materialise()
		f.draw(draw.New(white))
		want := white.Image()

		lazy := newPNGCanvasOn(scratch, f.width(), f.Height(), f.dpi())
		f.draw(draw.New(lazy))
		b, err := lazy.encodePNG(f.dpi())
		if err != nil {
			t.Fatal(err)
		}
		if got := decodeRGBA(t, b); !bytes.Equal(got.Pix, want.Pix) {
			t.Errorf("%s: the PNG of the touched canvas differs from the white canvas", f.Name)
		}
		if got := lazy.Image(); !bytes.Equal(got.Pix, want.Pix) {
			t.Errorf("%s: the touched canvas differs from the white canvas", f.Name)
		}
		scratch = lazy.release()
	}
}

// TestSameRun compares sameRun with the pixel-by-pixel count through at, on rows of
// few colours (so that runs are long) with random touched pieces, untouched pieces
// holding garbage that must read as white.
func TestSameRun(t *testing.T) {
	rng := rand.New(rand.NewPCG(3, 9))
	const w = 5 * chunkWidth
	row := func() rowView {
		r := rowView{pix: make([]byte, 4*w), bits: make([]uint64, 1)}
		for cx := 0; cx < w/chunkWidth; cx++ {
			if rng.IntN(3) > 0 {
				r.bits[0] |= 1 << cx
			}
		}
		for x := 0; x < w; x++ {
			p := uint32(white)
			if !r.touchedAt(x) {
				p = rng.Uint32() // never read
			} else if rng.IntN(40) == 0 {
				p = 0xff000000 | uint32(rng.IntN(2))
			}
			binary.LittleEndian.PutUint32(r.pix[4*x:], p)
		}
		return r
	}
	for n := 0; n < 2000; n++ {
		a, b := row(), row()
		ax, bx := rng.IntN(w), rng.IntN(w)
		limit := rng.IntN(min(w-ax, w-bx) + 1)
		want := 0
		for want < limit && a.at(ax+want) == b.at(bx+want) {
			want++
		}
		if got := sameRun(a, ax, b, bx, limit); got != want {
			t.Fatalf("case %d (from %d and %d, at most %d): %d, want %d", n, ax, bx, limit, got, want)
		}
	}
}

package reports

import (
	"bytes"
	"encoding/binary"
	"image"
)

// pngRunsIDAT is the zlib stream (RFC 1950) of img's scanlines, all with filter type
// None, compressed by deflater with the matches a chart is made of: a run of pixels
// equal to the pixel on their left (distance 3 bytes), and a run equal to the pixels
// above (distance one scanline, 3w+1 bytes), which also covers a whole row that repeats
// the one above. touched, tw words a row (see png_touched.go), says which pieces of
// each row hold pixels; the others are white and are not read. nil: every piece does.
// ok is false when a pixel is not opaque or a scanline is longer than deflate's 32 KiB
// window (wider than 10,922 pixels); the caller then encodes otherwise.
func pngRunsIDAT(img *image.RGBA, touched []uint64, tw int) (idat []byte, ok bool) {
	return pngRunsZlib(img, touched, tw, 0)
}

// pngRunsZlib is pngRunsIDAT with head bytes kept free before the stream, for the
// PNG's chunks before it (pngFileAround).
func pngRunsZlib(img *image.RGBA, touched []uint64, tw int, head int) (idat []byte, ok bool) {
	return pngRunsZlibOn(nil, img, touched, tw, head)
}

// pngRunsZlibOn is pngRunsZlib writing into buf's array where it is large enough (the
// head bytes are left as buf held them).
func pngRunsZlibOn(buf []byte, img *image.RGBA, touched []uint64, tw int, head int) (idat []byte, ok bool) {
	w, h := img.Rect.Dx(), img.Rect.Dy()
	L := 3*w + 1
	if L > 32768 || w == 0 {
		return nil, false
	}
	if cap(buf) < head+w*h/16 {
		buf = make([]byte, head, head+w*h/16)
	}
	d := &deflater{out: buf[:head], tokens: make([]token, 0, maxBlockTokens+8)}
	// zlib header: deflate with a 32 KiB window, "fastest" level, no dictionary; 0x7801
	// is a multiple of 31 as the check bits require.
	d.out = append(d.out, 0x78, 0x01)
	sum := newAdler32()
	var above rowView
	var rowA, rowB uint32 // the sums of the last row written out (see blockSums)
	seen := newSeenPixels(w, L)
	for y := 0; y < h; y++ {
		cur := rowView{pix: img.Pix[img.PixOffset(img.Rect.Min.X, img.Rect.Min.Y+y):][:4*w]}
		if touched != nil {
			cur.bits = touched[y*tw:][:tw]
		}
		seen.rows[y&seen.mask] = cur
		ra := 0 // how many pixels from the start repeat the row above
		if y > 0 {
			ra = runAbove(cur, above, 0)
		}
		if y > 0 && ra == w {
			d.match(L, L)
			sum.repeat(rowA, rowB, L)
			continue
		}
		a0, b0 := sum.a, sum.b
		sum.b = (sum.b + sum.a) % adlerMod // the filter byte, 0
		for x := 0; x < w; x += chunkWidth {
			end := min(w, x+chunkWidth)
			if !cur.touchedAt(x) {
				sum.ones(3 * (end - x))
				continue
			}
			if !sum.addRGBA(cur.pix[4*x : 4*end]) { // png_adler.go
				return nil, false
			}
		}
		rowA, rowB = blockSums(a0, b0, sum.a, sum.b, L)
		runsRow(d, seen, y, cur, above, y > 0, ra, L)
		above = cur
	}
	d.finish()
	return binary.BigEndian.AppendUint32(d.out, sum.sum32()), true
}

// rowView is one row of pixels in RGBA, of which only the touched pieces are read.
type rowView struct {
	pix  []byte
	bits []uint64 // nil: every piece is touched
}

const white = 0xffffffff

func (r rowView) touchedAt(x int) bool {
	cx := uint(x) / chunkWidth
	return r.bits == nil || r.bits[cx/64]&(1<<(cx%64)) != 0
}

// at is the pixel at x as R | G<<8 | B<<16 | A<<24.
func (r rowView) at(x int) uint32 {
	if !r.touchedAt(x) {
		return white
	}
	return binary.LittleEndian.Uint32(r.pix[4*x:])
}

// runsRow adds one scanline's tokens: its filter byte and its pixels, with above the
// row before when hasAbove; ra is runAbove(cur, above, 0) then.
func runsRow(d *deflater, seen *seenPixels, y int, cur, above rowView, hasAbove bool, ra, L int) {
	w := len(cur.pix) / 4
	x := 0
	// The filter byte (0, as above's) continues a match with the row above, or starts
	// one when the first pixels repeat those above.
	if hasAbove {
		switch {
		case ra > 0:
			d.match(1+3*ra, L)
			x = ra
		case d.runLen > 0 && d.runDist == L:
			d.match(1, L)
		default:
			d.literal(0)
		}
	} else {
		d.literal(0)
	}
	for x < w {
		// Pixels that repeat neither neighbour are literals, found without the runs: in a
		// touched piece they are read straight from the row.
		if x > 0 && cur.touchedAt(x) && (!hasAbove || above.touchedAt(x)) {
			end := min(w, (x/chunkWidth+1)*chunkWidth)
			left := cur.at(x - 1)
			found := false
			for ; x < end; x++ {
				p := binary.LittleEndian.Uint32(cur.pix[4*x:])
				if p == left || hasAbove && p == binary.LittleEndian.Uint32(above.pix[4*x:]) {
					break
				}
				q := uint32(white)
				if x+1 < end {
					q = binary.LittleEndian.Uint32(cur.pix[4*x+4:])
				} else if x+1 < w {
					q = cur.at(x + 1)
				}
				if n, dist := seen.find(cur, y, x, p, q); n > 0 {
					d.match(3*n, dist)
					x += n
					found = true
					break
				}
				d.pixel(byte(p), byte(p>>8), byte(p>>16))
				left = p
			}
			if x == end || found {
				continue
			}
		} else if p := cur.at(x); (!hasAbove || p != above.at(x)) && (x == 0 || p != cur.at(x-1)) {
			d.pixel(byte(p), byte(p>>8), byte(p>>16))
			x++
			continue
		}
		ra, rl := 0, 0
		if hasAbove {
			ra = runAbove(cur, above, x)
		}
		if x > 0 {
			rl = runLeft(cur, x)
		}
		switch {
		case ra >= rl:
			d.match(3*ra, L)
			x += ra
		default:
			d.match(3*rl, 3)
			x += rl
		}
	}
}

// seenPixels finds, for a pixel that repeats neither neighbour, an earlier place in
// deflate's window where the same two pixels were written as literals (the same glyph
// drawn again along a label, a curve's edge a few rows down): a hash of the pixel pair
// to its last place, and the rows the window reaches back. Without it the figures came
// out 15% larger than klauspost/compress's fastest level made them; with it 1% smaller.
type seenPixels struct {
	table []uint32  // (y+1)<<14 | x of the last pair with this hash; 0: none
	rows  []rowView // row y at y & mask: a power of two above the rows the window holds
	mask  int
	w, L  int
}

const seenBits = 13

func newSeenPixels(w, L int) *seenPixels {
	n := 1
	for n < 32768/L+2 {
		n *= 2
	}
	return &seenPixels{table: make([]uint32, 1<<seenBits), rows: make([]rowView, n), mask: n - 1, w: w, L: L}
}

// find records the literal pixel p at (x, y), followed by q, and returns how many
// pixels from x on repeat those at its pair's last place, at least two, and the distance
// back in bytes; 0 when there is no such place (or the image is too tall for the table's
// places).
func (s *seenPixels) find(cur rowView, y, x int, p, q uint32) (n, dist int) {
	if x+1 >= s.w || y >= 1<<18-1 {
		return 0, 0
	}
	h := (p*0x9E3779B1 ^ q*0x85EBCA77) >> (32 - seenBits)
	cand := s.table[h]
	s.table[h] = uint32(y+1)<<14 | uint32(x)
	if cand == 0 {
		return 0, 0
	}
	cy, cx := int(cand>>14)-1, int(cand&(1<<14-1))
	dist = (y-cy)*s.L + 3*(x-cx)
	if y-cy > s.mask || dist <= 0 || dist > 32768 || cx+1 >= s.w {
		return 0, 0
	}
	row := s.rows[cy&s.mask]
	if row.at(cx) != p || row.at(cx+1) != q {
		return 0, 0
	}
	n = 2
	if limit := min(s.w-x, s.w-cx) - n; limit > 0 {
		n += sameRun(cur, x+n, row, cx+n, limit)
	}
	return n, dist
}

// sameRun is how many pixels of a from ax on equal those of b from bx on, at most limit:
// piece by piece, a touched piece's pixels compared as words (equalPixels), an untouched
// one as white. Pixel by pixel through at this was the encoder's costliest loop.
func sameRun(a rowView, ax int, b rowView, bx int, limit int) int {
	n := 0
	for n < limit {
		x, y := ax+n, bx+n
		span := min(limit-n, chunkWidth-x%chunkWidth, chunkWidth-y%chunkWidth)
		ta, tb := a.touchedAt(x), b.touchedAt(y)
		var k int
		switch {
		case ta && tb:
			k = equalPixels(a.pix[4*x:4*(x+span)], b.pix[4*y:4*(y+span)])
		case ta:
			k = pixelsOf(a.pix[4*x:4*(x+span)], white)
		case tb:
			k = pixelsOf(b.pix[4*y:4*(y+span)], white)
		default:
			k = span
		}
		n += k
		if k < span {
			break
		}
	}
	return n
}

// runAbove is how many pixels from x on equal the pixels above them.
func runAbove(cur, above rowView, x int) int {
	w := len(cur.pix) / 4
	start := x
	for x < w {
		end := min(w, (x/chunkWidth+1)*chunkWidth)
		tc, ta := cur.touchedAt(x), above.touchedAt(x)
		var n int
		switch {
		case !tc && !ta:
			x = end
			continue
		case tc && ta:
			n = equalPixels(cur.pix[4*x:4*end], above.pix[4*x:4*end])
		case tc:
			n = pixelsOf(cur.pix[4*x:4*end], white)
		default:
			n = pixelsOf(above.pix[4*x:4*end], white)
		}
		x += n
		if x < end {
			break
		}
	}
	return x - start
}

// runLeft is how many pixels from x on (x ≥ 1) equal the pixel at x−1.
func runLeft(cur rowView, x int) int {
	w := len(cur.pix) / 4
	p := cur.at(x - 1)
	start := x
	for x < w {
		end := min(w, (x/chunkWidth+1)*chunkWidth)
		if !cur.touchedAt(x) {
			if p != white {
				break
			}
			x = end
			continue
		}
		x += pixelsOf(cur.pix[4*x:4*end], p)
		if x < end {
			break
		}
	}
	return x - start
}

// equalPixels is how many pixels a and b (RGBA, of the same length) have equal from the
// start.
func equalPixels(a, b []byte) int {
	if bytes.Equal(a, b) {
		// Most pieces compared are the same as above (margins, bars, the rows of a
		// cell): bytes.Equal compares them with vector instructions.
		return len(a) / 4
	}
	i := 0
	for i+8 <= len(a) && binary.LittleEndian.Uint64(a[i:]) == binary.LittleEndian.Uint64(b[i:]) {
		i += 8
	}
	for i+4 <= len(a) && binary.LittleEndian.Uint32(a[i:]) == binary.LittleEndian.Uint32(b[i:]) {
		i += 4
	}
	return i / 4
}

// pixelsOf is how many pixels of a (RGBA) from the start are p.
func pixelsOf(a []byte, p uint32) int {
	if p == white && len(a) <= len(whiteBytes) && bytes.Equal(a, whiteBytes[:len(a)]) {
		return len(a) / 4
	}
	pp := uint64(p) | uint64(p)<<32
	i := 0
	for i+8 <= len(a) && binary.LittleEndian.Uint64(a[i:]) == pp {
		i += 8
	}
	for i+4 <= len(a) && binary.LittleEndian.Uint32(a[i:]) == p {
		i += 4
	}
	return i / 4
}

// blockSums are the sums S = Σ B[i] and W = Σ (n−i)·B[i] (mod 65521) of a block B of n
// bytes that took the checksum from (a0, b0) to (a1, b1): a1 = a0 + S and
// b1 = b0 + n·a0 + W.
func blockSums(a0, b0, a1, b1 uint32, n int) (S, W uint32) {
	S = (a1 + adlerMod - a0) % adlerMod
	na := uint64(n%adlerMod) * uint64(a0) % adlerMod
	W = uint32((uint64(b1) + 2*adlerMod - uint64(b0) - na) % adlerMod)
	return S, W
}

// repeat adds a block of n bytes again whose sums (blockSums) are S and W.
func (s *adlerSum) repeat(S, W uint32, n int) {
	b := (uint64(s.b) + uint64(n%adlerMod)*uint64(s.a) + uint64(W)) % adlerMod
	s.a = (s.a + S) % adlerMod
	s.b = uint32(b)
}

// ones adds n bytes of 0xff: a grows by 255·n, and b by n·a + 255·n(n+1)/2.
func (s *adlerSum) ones(n int) {
	k := uint64(n)
	b := (uint64(s.b) + k%adlerMod*uint64(s.a) + 255*(k*(k+1)/2%adlerMod)) % adlerMod
	s.a = uint32((uint64(s.a) + 255*k) % adlerMod)
	s.b = uint32(b)
}

package reports

import "encoding/binary"

// addRGBA adds the R, G and B bytes of the RGBA pixels pix to the checksum, as update
// would add them written out as RGB, and reports whether every pixel is opaque (alpha
// 0xff); the sum is then of no use. It reads two pixels as one 64-bit word and keeps the
// sums in 16-bit lanes of it, the way SIMD Adler-32 code does: for a block of m words,
// lane k of A sums byte k of every word and lane k of B sums A's lane before each word,
// Σ_j (m−1−j)·x_jk. The block's n = 6m RGB bytes then add S = Σ_k A_k to a and
// W = Σ (n−i)·x_i = 6·Σ_k B_k + Σ_k (6−k')·A_k to b, where k' is byte k's place among
// the pair's six RGB bytes (repeat). B's lanes stay below 2^16 for m ≤ 22; blocks are of
// adlerWords words. One pass instead of opaqueRGB's copy and update's byte loop: on the
// example study's figures the two were 7% of the run's instructions.
func (s *adlerSum) addRGBA(pix []byte) bool {
	const (
		even  = 0x00ff00ff00ff00ff // bytes 0, 2, 4, 6: R and B of both pixels
		odd   = 0x000000ff000000ff // bytes 1 and 5 after >> 8: G of both pixels
		alpha = 0xff000000ff000000
	)
	opaque := uint64(alpha)
	for len(pix) >= 8*adlerWords {
		var ae, ao, be, bo uint64
		for j := 0; j < adlerWords; j++ {
			v := binary.LittleEndian.Uint64(pix[8*j:])
			opaque &= v
			be += ae
			bo += ao
			ae += v & even
			ao += v >> 8 & odd
		}
		pix = pix[8*adlerWords:]
		// Lanes of ae: R0, B0, R1, B1 (k' = 0, 2, 3, 5); of ao: G0, G1 (k' = 1, 4).
		e0, e1, e2, e3 := ae&0xffff, ae>>16&0xffff, ae>>32&0xffff, ae>>48
		o0, o2 := ao&0xffff, ao>>32&0xffff
		S := e0 + e1 + e2 + e3 + o0 + o2
		B := (be & 0xffff) + (be >> 16 & 0xffff) + (be >> 32 & 0xffff) + (be >> 48) + (bo & 0xffff) + (bo >> 32 & 0xffff)
		W := 6*B + 6*e0 + 4*e1 + 3*e2 + 1*e3 + 5*o0 + 2*o2
		s.repeat(uint32(S%adlerMod), uint32(W%adlerMod), 6*adlerWords)
	}
	a, b := s.a, s.b
	for ; len(pix) >= 4; pix = pix[4:] {
		v := binary.LittleEndian.Uint32(pix)
		opaque &= uint64(v)<<32 | uint64(v)
		a += v & 0xff
		b += a
		a += v >> 8 & 0xff
		b += a
		a += v >> 16 & 0xff
		b += a
	}
	s.a, s.b = a%adlerMod, b%adlerMod
	return opaque&alpha == alpha
}

// adlerWords is the number of 64-bit words (pixel pairs) addRGBA sums in 16-bit lanes
// before it folds them into the checksum: B's lanes reach 255·m(m−1)/2, under 2^16 for
// m ≤ 22.
const adlerWords = 16

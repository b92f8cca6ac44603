package reports

import (
	"encoding/binary"
	"math/bits"
	"slices"
)

// This file holds a DEFLATE encoder (RFC 1951) made for the figures' scanlines and
// nothing else: it finds matches only where a pixel repeats the pixel to its left
// (distance 3) or the pixel above it (distance one scanline), the two repeats a chart of
// flat colour on white is made of, and codes them with a dynamic Huffman code per block.
// A general compressor hashes every position to find matches anywhere in the window;
// here a run is found by comparing pixels, eight bytes at a time, so the work grows with
// the runs and literals written, not with the pixels covered. Why by hand: no maintained
// Go deflate package takes a stream of matches from its caller (klauspost/compress and
// compress/flate keep their token writers unexported).

// token is a literal byte (below 1<<31) or a match: 1<<31 | (length−3)<<16 | (distance−1).
type token uint32

const matchFlag = 1 << 31

func matchToken(length, dist int) token {
	return token(matchFlag | uint32(length-3)<<16 | uint32(dist-1))
}

// maxBlockTokens is how many tokens one block codes with one Huffman code.
const maxBlockTokens = 1 << 13

// deflater collects tokens and writes them as blocks with dynamic Huffman codes.
type deflater struct {
	out    []byte
	bits   uint64 // pending bits, the first written in the lowest bit
	nbits  uint
	tokens []token
	// litFreq and distFreq count the symbols of the tokens collected.
	litFreq  [286]int32
	distFreq [30]int32
	// run is a match being extended: its distance and its length so far (0: none).
	runDist, runLen int
}

// literal adds one literal byte.
func (d *deflater) literal(b byte) {
	if d.runLen > 0 {
		d.endRun()
	}
	d.tokens = append(d.tokens, token(b))
	d.litFreq[b]++
	if len(d.tokens) >= maxBlockTokens {
		d.block(false)
	}
}

// pixel adds the three literal bytes of one pixel.
func (d *deflater) pixel(r, g, b byte) {
	if d.runLen > 0 {
		d.endRun()
	}
	d.tokens = append(d.tokens, token(r), token(g), token(b))
	d.litFreq[r]++
	d.litFreq[g]++
	d.litFreq[b]++
	if len(d.tokens) >= maxBlockTokens {
		d.block(false)
	}
}

// match adds n bytes that repeat the bytes dist back, extending the match being built
// when it has the same distance. n ≥ 3 when it starts a match.
func (d *deflater) match(n, dist int) {
	if d.runLen > 0 && d.runDist == dist {
		d.runLen += n
		return
	}
	d.endRun()
	d.runDist, d.runLen = dist, n
}

// endRun writes the match being built as matches of at most 258 bytes, none under 3.
func (d *deflater) endRun() {
	n := d.runLen
	if n == 0 {
		return
	}
	d.runLen = 0
	dc := &d.distFreq[distCode(uint32(d.runDist-1))]
	for n > 0 {
		l := n
		if l > 258 {
			l = 258
			if n-l < 3 {
				l = n - 3
			}
		}
		d.tokens = append(d.tokens, matchToken(l, d.runDist))
		d.litFreq[257+int(lengthCode[l-3])]++
		*dc++
		n -= l
	}
	if len(d.tokens) >= maxBlockTokens {
		d.block(false)
	}
}

// finish writes the last block and pads the stream to a whole byte.
func (d *deflater) finish() []byte {
	d.endRun()
	d.block(true)
	for d.nbits > 0 {
		d.out = append(d.out, byte(d.bits))
		d.bits >>= 8
		d.nbits -= min(d.nbits, 8)
	}
	return d.out
}

// writeBits writes the n ≤ 32 low bits of v.
func (d *deflater) writeBits(v uint64, n uint) {
	d.bits |= v << d.nbits
	d.nbits += n
	if d.nbits >= 32 {
		d.out = binary.LittleEndian.AppendUint32(d.out, uint32(d.bits))
		d.bits >>= 32
		d.nbits -= 32
	}
}

// Length and distance codes (RFC 1951, 3.2.5): the code for a length 3…258 and for a
// distance 1…32768, with the extra bits after it.
var (
	lengthCode  [256]uint16 // by length − 3: code − 257
	lengthBase  [29]uint16
	lengthExtra = [29]uint8{0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2, 2, 3, 3, 3, 3, 4, 4, 4, 4, 5, 5, 5, 5, 0}
	distBase    [30]uint32
	distExtra   = [30]uint8{0, 0, 0, 0, 1, 1, 2, 2, 3, 3, 4, 4, 5, 5, 6, 6, 7, 7, 8, 8, 9, 9, 10, 10, 11, 11, 12, 12, 13, 13}
)

func init() {
	l := 0
	for c := 0; c < 28; c++ {
		lengthBase[c] = uint16(l)
		for i := 0; i < 1<<lengthExtra[c]; i++ {
			lengthCode[l] = uint16(c)
			l++
		}
	}
	// Length 258 has a code of its own (285) rather than 284's last extra value.
	lengthCode[255], lengthBase[28] = 28, 255
	dist := uint32(0)
	for c := 0; c < 30; c++ {
		distBase[c] = dist
		dist += 1 << distExtra[c]
	}
}

// distCode is the code of distance−1 (0…32767).
func distCode(d uint32) int {
	if d < 4 {
		return int(d)
	}
	// Codes 2k and 2k+1 cover distances with the top bit at position k−1 (of d−1).
	hb := bits.Len32(d) - 1
	return 2*hb + int(d>>(hb-1)&1)
}

// distCodes holds distCode for d < 256 and, from 256 on, for d>>7 (d ≥ 256), as zlib
// looks it up.
var distCodes [512]uint8

func init() {
	for d := uint32(0); d < 256; d++ {
		distCodes[d] = uint8(distCode(d))
		distCodes[256+d] = uint8(distCode(d << 7))
	}
}

func distCodeOf(d uint32) uint8 {
	if d < 256 {
		return distCodes[d]
	}
	return distCodes[256+d>>7]
}

// block writes the tokens collected as one block with dynamic Huffman codes.
func (d *deflater) block(final bool) {
	litFreq, distFreq := d.litFreq, d.distFreq
	d.litFreq, d.distFreq = [286]int32{}, [30]int32{}
	litFreq[256] = 1 // end of block
	// Two codes at least in each alphabet, so that both are complete prefix codes.
	ensureTwo(litFreq[:])
	ensureTwo(distFreq[:])
	var litLen [286]uint8
	var distLen [30]uint8
	huffmanLengths(litFreq[:], litLen[:], 15)
	huffmanLengths(distFreq[:], distLen[:], 15)
	var litCode [286]uint16
	var distCode [30]uint16
	canonicalCodes(litLen[:], litCode[:])
	canonicalCodes(distLen[:], distCode[:])

	hlit := 286
	for hlit > 257 && litLen[hlit-1] == 0 {
		hlit--
	}
	hdist := 30
	for hdist > 1 && distLen[hdist-1] == 0 {
		hdist--
	}
	// The code lengths of both alphabets, run-length coded (RFC 1951, 3.2.7).
	lens := make([]uint8, 0, hlit+hdist)
	lens = append(lens, litLen[:hlit]...)
	lens = append(lens, distLen[:hdist]...)
	var clSyms []uint16 // symbol | extra value << 8
	for i := 0; i < len(lens); {
		v := lens[i]
		n := 1
		for i+n < len(lens) && lens[i+n] == v {
			n++
		}
		i += n
		if v == 0 {
			for n >= 11 {
				k := min(n, 138)
				clSyms = append(clSyms, 18|uint16(k-11)<<8)
				n -= k
			}
			if n >= 3 {
				clSyms = append(clSyms, 17|uint16(n-3)<<8)
				n = 0
			}
		} else {
			clSyms = append(clSyms, uint16(v))
			n--
			for n >= 3 {
				k := min(n, 6)
				clSyms = append(clSyms, 16|uint16(k-3)<<8)
				n -= k
			}
		}
		for ; n > 0; n-- {
			clSyms = append(clSyms, uint16(v))
		}
	}
	var clFreq [19]int32
	for _, s := range clSyms {
		clFreq[s&0xff]++
	}
	ensureTwo(clFreq[:])
	var clLen [19]uint8
	var clCode [19]uint16
	huffmanLengths(clFreq[:], clLen[:], 7)
	canonicalCodes(clLen[:], clCode[:])
	order := [19]uint8{16, 17, 18, 0, 8, 7, 9, 6, 10, 5, 11, 4, 12, 3, 13, 2, 14, 1, 15}
	hclen := 19
	for hclen > 4 && clLen[order[hclen-1]] == 0 {
		hclen--
	}

	var bfinal uint64
	if final {
		bfinal = 1
	}
	d.writeBits(bfinal|2<<1, 3) // BTYPE 10: dynamic Huffman codes
	d.writeBits(uint64(hlit-257), 5)
	d.writeBits(uint64(hdist-1), 5)
	d.writeBits(uint64(hclen-4), 4)
	for _, s := range order[:hclen] {
		d.writeBits(uint64(clLen[s]), 3)
	}
	for _, s := range clSyms {
		sym := s & 0xff
		d.writeBits(uint64(clCode[sym]), uint(clLen[sym]))
		switch sym {
		case 16:
			d.writeBits(uint64(s>>8), 2)
		case 17:
			d.writeBits(uint64(s>>8), 3)
		case 18:
			d.writeBits(uint64(s>>8), 7)
		}
	}
	// Each literal's code, and each length's code with its extra bits after it, as
	// value | bit count << 32.
	var litBits [256]uint64
	for i := range litBits {
		litBits[i] = uint64(litCode[i]) | uint64(litLen[i])<<32
	}
	var lenBits [256]uint64
	for l := range lenBits {
		lc := lengthCode[l]
		n := uint64(litLen[257+lc])
		lenBits[l] = uint64(litCode[257+lc]) | uint64(l-int(lengthBase[lc]))<<n | (n+uint64(lengthExtra[lc]))<<32
	}
	// The tokens' bits, with the pending bits and the output in locals (writeBits keeps
	// them in the deflater: a load and a store of each for every code written; 8.5
	// million instructions of the example run). A token takes at most 15 + 5 + 15 + 13
	// bits, so the output is grown once for the block; fewer than 32 bits are pending
	// between tokens.
	acc, nbits := d.bits, d.nbits
	out := slices.Grow(d.out, 6*len(d.tokens)+8)
	for _, t := range d.tokens {
		if t&matchFlag == 0 {
			v := litBits[t]
			acc |= (v & 0xffffffff) << nbits
			nbits += uint(v >> 32)
		} else {
			v := lenBits[t>>16&0xff]
			acc |= (v & 0xffffffff) << nbits
			nbits += uint(v >> 32)
			if nbits >= 32 {
				out = binary.LittleEndian.AppendUint32(out, uint32(acc))
				acc >>= 32
				nbits -= 32
			}
			dist := uint32(t & 0xffff)
			dc := distCodeOf(dist)
			n := uint(distLen[dc])
			acc |= (uint64(distCode[dc]) | uint64(dist-distBase[dc])<<n) << nbits
			nbits += n + uint(distExtra[dc])
		}
		if nbits >= 32 {
			out = binary.LittleEndian.AppendUint32(out, uint32(acc))
			acc >>= 32
			nbits -= 32
		}
	}
	d.bits, d.nbits, d.out = acc, nbits, out
	d.writeBits(uint64(litCode[256]), uint(litLen[256]))
	d.tokens = d.tokens[:0]
}

// ensureTwo gives the first unused symbols a count of one until at least two are used.
func ensureTwo(freq []int32) {
	used := 0
	for _, f := range freq {
		if f > 0 {
			used++
		}
	}
	for i := 0; used < 2 && i < len(freq); i++ {
		if freq[i] == 0 {
			freq[i] = 1
			used++
		}
	}
}

// huffmanLengths sets lens to the lengths of a Huffman code for freq (0 for an unused
// symbol) of at most limit bits. Where the optimal code is deeper, the counts are halved
// (a used symbol keeping at least 1) and the code made again: a slightly worse code,
// never an invalid one. freq has at least two symbols used.
func huffmanLengths(freq []int32, lens []uint8, limit int) {
	type node struct {
		freq   int64
		parent int32
	}
	// Scratch on the stack for the largest alphabet (286 literal/length codes): the
	// slices made per call were a third of the encoder's allocations.
	var fs [286]int64
	var symsBuf [286]int
	var keysBuf [286]uint64
	var nodesBuf [2 * 286]node
	var depthBuf [2 * 286]uint8
	f := fs[:len(freq)]
	for i, v := range freq {
		f[i] = int64(v)
	}
	for {
		keys := keysBuf[:0]
		for i, v := range f {
			lens[i] = 0
			if v > 0 {
				keys = append(keys, uint64(v)<<9|uint64(i))
			}
		}
		// Leaves sorted by count (ties by symbol, so the code is the same every time);
		// the merged nodes come out of a second queue in order, as in van Leeuwen's method.
		// Count and symbol are sorted as one number (a count is at most a block's
		// tokens, a symbol below 512): the same order as a stable sort by count, without
		// a comparison function's calls (those were 1% of the example run).
		slices.Sort(keys)
		syms := symsBuf[:len(keys)]
		for i, k := range keys {
			syms[i] = int(k & 511)
		}
		n := len(syms)
		nodes := nodesBuf[:0]
		for _, s := range syms {
			nodes = append(nodes, node{freq: f[s], parent: -1})
		}
		leaf, inner := 0, n
		take := func() int {
			if leaf < n && (inner >= len(nodes) || nodes[leaf].freq <= nodes[inner].freq) {
				leaf++
				return leaf - 1
			}
			inner++
			return inner - 1
		}
		for len(nodes) < 2*n-1 {
			a, b := take(), take()
			nodes = append(nodes, node{freq: nodes[a].freq + nodes[b].freq, parent: -1})
			p := int32(len(nodes) - 1)
			nodes[a].parent, nodes[b].parent = p, p
		}
		depth := depthBuf[:len(nodes)]
		clear(depth)
		deepest := 0
		for i := len(nodes) - 2; i >= 0; i-- {
			depth[i] = depth[nodes[i].parent] + 1
			if i < n {
				deepest = max(deepest, int(depth[i]))
			}
		}
		if deepest <= limit {
			for i, s := range syms {
				lens[s] = depth[i]
			}
			return
		}
		for i, v := range f {
			if v > 0 {
				f[i] = max(1, v/2)
			}
		}
	}
}

// canonicalCodes assigns the codes of RFC 1951, 3.2.2 to the lengths, bit-reversed so
// that they can be written lowest bit first.
func canonicalCodes(lens []uint8, codes []uint16) {
	var count [16]uint16
	for _, l := range lens {
		count[l]++
	}
	count[0] = 0
	var next [16]uint16
	code := uint16(0)
	for b := 1; b < 16; b++ {
		code = (code + count[b-1]) << 1
		next[b] = code
	}
	for i, l := range lens {
		if l == 0 {
			continue
		}
		codes[i] = bits.Reverse16(next[l]) >> (16 - l)
		next[l]++
	}
}

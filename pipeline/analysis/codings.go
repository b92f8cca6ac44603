package analysis

import (
	"math/bits"
	"sort"
	"sync"

	"github.com/samenspel/samenspel/pipeline/protected"
)

// codingIndex numbers the segments, coders and codebook codes once, so that the stages
// on codings (agreement, the auto-coder's agreement and validation, frequencies,
// co-occurrence, code presence, quotes) count with slices and bits instead of maps keyed
// by strings. Prepare builds it; the stages only read it, so the options that choose the
// counted codings (PrimaryCoder, CountAuto, CountAutoUncoded) must be set before Prepare.
//
//   - codes are the codebook's codes in codebook order; a set of codes is a bitset of
//     words uint64 words, bit i standing for codes[i];
//   - segments are every segment id of the dataset (in dataset order) and then every
//     other id a coding names (unknown segments), numbered in that order;
//   - coders are every coder a coding names, the auto-coder included, sorted;
//   - per segment and coder: whether the coder has a coding row for the segment (coded,
//     a row with an empty or unmapped code included) and the set of codebook codes
//     applied (codes);
//   - the counted codings (Input.Counted) on respondent segments: per code the bitset of
//     segments carrying it (counted), per segment its respondent's number, and the
//     respondents with a counted coded segment (coded).
//
// The bitsets are plain []uint64 with math/bits: the index needs a bit test, a word-wise
// AND and a walk over the set bits, a few lines each, which a bitset library
// (bits-and-blooms/bitset) would wrap without saving any.
type codingIndex struct {
	codes    []string
	codeOf   map[string]int
	factorOf []int // code number -> factor number
	// pairOf is, per code number, the (Factor, Valence) of the codebook's first code of
	// that id: the code Codebook.Code finds.
	pairOf [][2]string
	words  int

	segIDs []string
	// segOf finds a segment's number by id; with the protect stage's numbers
	// (protected.Dataset.CodingSegment) it is made only when first asked (segNum).
	segOf     map[string]int
	segOfOnce sync.Once
	seg       []*segmentRef
	coders    []string
	auto      int // number of the auto-coder among coders, -1 when it coded nothing
	// human holds, per segment, whether a human coder has a coding row for it; counting
	// the number of the human coder whose codings count there (Input.CountedCoder, when
	// no primary coder is named), -1 where no human coded it.
	human    []bool
	counting []int32
	coded    []bool
	sets     []uint64
	counted  [][]uint64 // per code: segment bitset
	resp     []int      // per segment: respondent number, -1 for an unknown segment
	respIDs  []string
	respNum  []int32 // per respondent: its respondent number (groups.go), noRespondent when unlisted
	// listed are the respondents with a respondent number, in the order of those
	// numbers: the dataset's order of respondents, usually sorted by pseudonym already.
	listed []int32
	// codedResp holds the respondents with a coded segment counted (see uses), by id and
	// by number.
	codedResp  map[string]bool
	respCoded  []bool
	respOf     map[string]int
	autoCovers []bool // the dataset has a respondent segment of this id: the auto-coder ran over it
	// keys are the columns of perResp: the codes, then one per factor id that a code
	// names (its Factor), "*" + the factor id; perResp[r*len(keys)+k] counts the
	// segments of respondent r carrying key k (for a factor: any of its codes).
	keys    []string
	keyOf   map[string]int
	perResp []int32
	// Per coding of the dataset (in order): its segment, coder and codebook code numbers
	// (-1: not in the codebook) and whether its code is empty; per segment listing of the
	// dataset, its segment number.
	segOfCoding, coderOfCoding, codeOfCoding []int32
	emptyCode                                []bool
	listing                                  []int32
	// pairs are the (Factor, Valence) pairs of pairOf, each once, in order of first
	// code; pairNum is each code's pair number.
	pairs   [][2]string
	pairNum []int32
}

// segmentRef is what the index keeps of a known segment.
type segmentRef struct {
	interviewer bool
	segment     *protected.Segment
}

// buildCodingIndex builds the index of the input's codings; the input's respondents
// (Prepare) must be numbered.
func (in *Input) buildCodingIndex() *codingIndex {
	// dense: the protect stage numbered each coding's segment, and listed each id once.
	dense := in.Data.CodingSegment != nil && len(in.Data.CodingSegment) == len(in.Data.Codings)
	x := &codingIndex{codeOf: map[string]int{}, auto: -1, codedResp: map[string]bool{}}
	if !dense {
		x.segOf = make(map[string]int, len(in.Data.Segments))
		x.segOfOnce.Do(func() {})
	}
	if in.Codebook != nil {
		for fi, f := range in.Codebook.Factors {
			for _, c := range f.Codes {
				if _, dup := x.codeOf[c.ID]; !dup {
					x.codeOf[c.ID] = len(x.codes)
				}
				x.codes = append(x.codes, c.ID)
				x.factorOf = append(x.factorOf, fi)
				x.pairOf = append(x.pairOf, [2]string{c.Factor, string(c.Valence)})
			}
		}
	}
	x.words = (len(x.codes) + 63) / 64
	pairOfPair := map[[2]string]int32{}
	for _, pair := range x.pairOf {
		q, ok := pairOfPair[pair]
		if !ok {
			q = int32(len(x.pairs))
			pairOfPair[pair] = q
			x.pairs = append(x.pairs, pair)
		}
		x.pairNum = append(x.pairNum, q)
	}
	// The dataset's segments first, in order: a segment id listed twice is one segment,
	// known by its last listing (as Input.Segment finds it), and the auto-coder ran over
	// it when any listing is a respondent's.
	refs := make([]segmentRef, len(in.Data.Segments))
	x.segIDs = make([]string, 0, len(in.Data.Segments))
	x.seg = make([]*segmentRef, 0, len(in.Data.Segments))
	x.autoCovers = make([]bool, 0, len(in.Data.Segments))
	x.listing = make([]int32, len(in.Data.Segments))
	for j := range in.Data.Segments {
		s := &in.Data.Segments[j]
		if dense {
			// Each id once: segment j is number j.
			x.segIDs = append(x.segIDs, s.ID)
			x.seg = append(x.seg, &refs[j])
			x.autoCovers = append(x.autoCovers, !s.Interviewer)
			refs[j] = segmentRef{interviewer: s.Interviewer, segment: s}
			x.listing[j] = int32(j)
			continue
		}
		i, ok := x.segOf[s.ID]
		if !ok {
			i = len(x.segIDs)
			x.segOf[s.ID] = i
			x.segIDs = append(x.segIDs, s.ID)
			x.seg = append(x.seg, &refs[i])
			x.autoCovers = append(x.autoCovers, false)
		}
		*x.seg[i] = segmentRef{interviewer: s.Interviewer, segment: s}
		x.listing[j] = int32(i)
		if !s.Interviewer {
			x.autoCovers[i] = true
		}
	}
	// Then the other segments codings name: unknown, with no reference. Exports list
	// the codings in the order of the segments, so the segment after the last one found
	// is tried before the map (whose lookups, past the processor's caches on a national
	// study, cost more per segment the more segments there are).
	addSeg := func(id string, after int) int {
		if next := after + 1; next < len(x.segIDs) && x.segIDs[next] == id {
			return next
		}
		x.segOfOnce.Do(x.makeSegOf)
		if i, ok := x.segOf[id]; ok {
			return i
		}
		i := len(x.segIDs)
		x.segOf[id] = i
		x.segIDs = append(x.segIDs, id)
		x.seg = append(x.seg, nil)
		x.autoCovers = append(x.autoCovers, false)
		return i
	}
	// Codings come grouped by segment, as exports list them: a coding of the same
	// segment or code as the one before needs no map lookup. Each coding's segment,
	// coder and code are read once, here, and numbered: on a national study the strings
	// of a million codings lie all over the heap, so reading them costs more than
	// anything done with the numbers after.
	coderOf := map[string]int{}
	segOfCoding := make([]int32, len(in.Data.Codings))
	coderOfCoding := make([]int32, len(in.Data.Codings))
	codeOfCoding := make([]int32, len(in.Data.Codings)) // codebook number, -1 for none
	emptyCode := make([]bool, len(in.Data.Codings))
	lastSeg, lastSegIdx := "", -1
	lastCoder, lastCoderIdx := "", -1
	lastCode, lastK := "", int32(-1)
	for i, c := range in.Data.Codings {
		switch {
		case dense && in.Data.CodingSegment[i] >= 0:
			lastSegIdx = int(in.Data.CodingSegment[i])
			lastSeg = ""
		case dense:
			// A segment the dataset does not list: found by id (it may also be the id
			// of a listed one), or numbered after the others.
			lastSeg, lastSegIdx = c.Segment, addSeg(c.Segment, -1)
		case lastSegIdx < 0 || c.Segment != lastSeg:
			lastSeg, lastSegIdx = c.Segment, addSeg(c.Segment, lastSegIdx)
		}
		segOfCoding[i] = int32(lastSegIdx)
		if lastCoderIdx < 0 || c.Coder != lastCoder {
			lastCoder, lastCoderIdx = c.Coder, coderNumber(x.coders, coderOf, c.Coder)
			if lastCoderIdx < 0 {
				lastCoderIdx = len(x.coders)
				coderOf[c.Coder] = lastCoderIdx
				x.coders = append(x.coders, c.Coder)
			}
		}
		coderOfCoding[i] = int32(lastCoderIdx) // in order of appearance until sorted below
		if i == 0 || c.Code != lastCode {
			lastCode, lastK = c.Code, -1
			if k, ok := x.codeOf[c.Code]; ok {
				lastK = int32(k)
			}
		}
		codeOfCoding[i] = lastK
		emptyCode[i] = c.Code == ""
	}
	appeared := x.coders
	x.coders = append([]string(nil), appeared...)
	sort.Strings(x.coders)
	for i, c := range x.coders {
		coderOf[c] = i
		if c == AutoCoder {
			x.auto = i
		}
	}
	sortedNum := make([]int32, len(appeared))
	for i, c := range appeared {
		sortedNum[i] = int32(coderOf[c])
	}
	for i, c := range coderOfCoding {
		coderOfCoding[i] = sortedNum[c]
	}
	n, nc := len(x.segIDs), len(x.coders)
	x.coded = make([]bool, n*nc)
	x.sets = make([]uint64, n*nc*x.words)
	x.counted = make([][]uint64, len(x.codes))
	for k := range x.counted {
		x.counted[k] = make([]uint64, (n+63)/64)
	}
	respOf := map[string]int{}
	x.respOf = respOf
	x.resp = make([]int, n)
	lastResp, lastR := "", -1
	for i, ref := range x.seg {
		x.resp[i] = -1
		if ref != nil {
			s := ref.segment
			// A respondent's segments come one after the other.
			if lastR >= 0 && s.Respondent == lastResp {
				x.resp[i] = lastR
				continue
			}
			r, ok := respOf[s.Respondent]
			if !ok {
				r = len(x.respIDs)
				respOf[s.Respondent] = r
				x.respIDs = append(x.respIDs, s.Respondent)
				x.respNum = append(x.respNum, in.respondentNumber(s.Respondent))
			}
			x.resp[i] = r
			lastResp, lastR = s.Respondent, r
		}
	}
	// A counting sort by respondent number (two ids of one respondent, a key and its
	// bare pseudonym, both kept).
	start := make([]int32, len(in.Data.Respondents)+1)
	for _, r := range x.respNum {
		if r != noRespondent {
			start[r+1]++
		}
	}
	for r := range in.Data.Respondents {
		start[r+1] += start[r]
	}
	x.listed = make([]int32, start[len(in.Data.Respondents)])
	for n, r := range x.respNum {
		if r != noRespondent {
			x.listed[start[r]] = int32(n)
			start[r]++
		}
	}
	// Which coder a segment counts follows from who coded which segments: the coded
	// slots first, then the coders' ranks (rankCoders), then the counted codings.
	for i, s := range segOfCoding {
		slot := int(s)*nc + int(coderOfCoding[i])
		x.coded[slot] = true
		if k := codeOfCoding[i]; k >= 0 {
			x.sets[slot*x.words+int(k)/64] |= 1 << (k % 64)
		}
	}
	in.coderRank = x.rankCoders()
	x.respCoded = make([]bool, len(x.respIDs))
	lastSlot, countedCoder, countedCode := -1, false, false
	for i, s32 := range segOfCoding {
		s := int(s32)
		if x.seg[s] == nil || x.seg[s].interviewer {
			continue
		}
		coder := int(coderOfCoding[i])
		slot := s*nc + coder
		if slot != lastSlot {
			lastSlot = slot
			countedCoder, countedCode = in.countedAt(x, s, coder)
		}
		k := codeOfCoding[i]
		// A row with an empty code by a counted coder still makes the segment coded.
		if countedCoder || (!emptyCode[i] && countedCode) {
			x.respCoded[x.resp[s]] = true
		}
		if k >= 0 && countedCode {
			x.counted[k][s/64] |= 1 << (s % 64)
		}
	}
	x.segOfCoding, x.coderOfCoding, x.codeOfCoding, x.emptyCode = segOfCoding, coderOfCoding, codeOfCoding, emptyCode
	for r, ok := range x.respCoded {
		if ok {
			x.codedResp[x.respIDs[r]] = true
		}
	}
	x.countPerRespondent(in)
	return x
}

// makeSegOf makes segOf from segIDs (once: segOfOnce).
func (x *codingIndex) makeSegOf() {
	x.segOf = make(map[string]int, len(x.segIDs))
	for i, id := range x.segIDs {
		x.segOf[id] = i
	}
}

// segNum returns the number of the segment with the given id.
func (x *codingIndex) segNum(id string) (int, bool) {
	x.segOfOnce.Do(x.makeSegOf)
	s, ok := x.segOf[id]
	return s, ok
}

// coderNumber returns the position of coder among coders (-1 if absent), looked up in
// of, which maps each of coders to its position, only past a handful of coders: a study
// has two to five, and comparing a name with each costs less than hashing it once per
// coding.
func coderNumber(coders []string, of map[string]int, coder string) int {
	if len(coders) <= 8 {
		for i, c := range coders {
			if c == coder {
				return i
			}
		}
		return -1
	}
	if i, ok := of[coder]; ok {
		return i
	}
	return -1
}

// rankCoders orders the human coders by the segments they coded, most first (ties by
// name), gives each segment the first of its coders in that order (counting), and notes
// the segments a human coded (human). It returns the order.
func (x *codingIndex) rankCoders() []string {
	nc := len(x.coders)
	segments := make([]int, nc)
	x.human = make([]bool, len(x.segIDs))
	for s := range x.segIDs {
		for c := range nc {
			if c != x.auto && x.coded[s*nc+c] {
				segments[c]++
				x.human[s] = true
			}
		}
	}
	var rank []int // human coders with a segment, by name (coders are sorted)
	for c := range nc {
		if c != x.auto && segments[c] > 0 {
			rank = append(rank, c)
		}
	}
	sort.SliceStable(rank, func(a, b int) bool { return segments[rank[a]] > segments[rank[b]] })
	x.counting = make([]int32, len(x.segIDs))
	for s := range x.counting {
		x.counting[s] = -1
		for _, c := range rank {
			if x.coded[s*nc+c] {
				x.counting[s] = int32(c)
				break
			}
		}
	}
	names := make([]string, len(rank))
	for i, c := range rank {
		names[i] = x.coders[c]
	}
	return names
}

// countingCoder returns the name of the human coder whose codings count on the segment
// ("" for a segment no human coded).
func (x *codingIndex) countingCoder(segment string) string {
	if s, ok := x.segNum(segment); ok && x.counting[s] >= 0 {
		return x.coders[x.counting[s]]
	}
	return ""
}

// countedAt is Input.CountedCoder and Input.Counted (for a coding with a code) of coder
// number c's codings on segment number s.
func (in *Input) countedAt(x *codingIndex, s, c int) (countedCoder, counted bool) {
	if c == x.auto {
		return false, in.CountAuto || (in.CountAutoUncoded && !x.human[s])
	}
	if in.PrimaryCoder != "" {
		countedCoder = x.coders[c] == in.PrimaryCoder
	} else {
		countedCoder = int(x.counting[s]) == c
	}
	return countedCoder, countedCoder
}

// countPerRespondent fills keys and perResp from the counted codings: each segment
// counted once per code, and once per factor whatever number of its codes it carries.
func (x *codingIndex) countPerRespondent(in *Input) {
	x.keys = append([]string(nil), x.codes...)
	x.keyOf = map[string]int{}
	for k, c := range x.codes {
		if _, dup := x.keyOf[c]; !dup {
			x.keyOf[c] = k
		}
	}
	byFactor := map[string][]uint64{}
	var factorKeys []string
	if in.Codebook != nil {
		for _, f := range in.Codebook.Factors {
			for _, c := range f.Codes {
				k := x.codeOf[c.ID]
				set, ok := byFactor[c.Factor]
				if !ok {
					set = make([]uint64, len(x.counted[k]))
					byFactor[c.Factor] = set
					factorKeys = append(factorKeys, c.Factor)
				}
				for w, word := range x.counted[k] {
					set[w] |= word
				}
			}
		}
	}
	K := len(x.codes) + len(factorKeys)
	x.perResp = make([]int32, len(x.respIDs)*K)
	for k, segs := range x.counted {
		if x.codeOf[x.codes[k]] != k {
			continue // a repeated code id: its segments are those of the first
		}
		eachBit(segs, func(s int) { x.perResp[x.resp[s]*K+k]++ })
	}
	for i, f := range factorKeys {
		k := len(x.codes) + i
		x.keys = append(x.keys, "*"+f)
		x.keyOf["*"+f] = k
		eachBit(byFactor[f], func(s int) { x.perResp[x.resp[s]*K+k]++ })
	}
}

// slot returns the position of segment s and coder c in coded (and, times words, in
// sets).
func (x *codingIndex) slot(s, c int) int { return s*len(x.coders) + c }

// set returns the codes coder c applied to segment s.
func (x *codingIndex) set(s, c int) []uint64 {
	i := x.slot(s, c) * x.words
	return x.sets[i : i+x.words]
}

// has reports whether code k is in the set.
func has(set []uint64, k int) bool { return set[k/64]&(1<<(k%64)) != 0 }

// eachBit calls f with the number of every set bit of a bitset, in ascending order.
func eachBit(set []uint64, f func(i int)) {
	for w, word := range set {
		for word != 0 {
			f(w*64 + bits.TrailingZeros64(word))
			word &= word - 1
		}
	}
}

// respondentSegment reports whether segment s is a known segment of a respondent (not an
// interviewer turn).
func (x *codingIndex) respondentSegment(s int) bool { return x.seg[s] != nil && !x.seg[s].interviewer }

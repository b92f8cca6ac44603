package learn

import (
	"math"
	"slices"

	"github.com/samenspel/samenspel/codebook"
)

// Segment is one segment as the learner sees it: its respondent (the cross-validation
// group), its text, and the codes the dictionary auto-coder fired on it.
type Segment struct {
	Respondent string
	Text       string
	Dictionary []string
}

// hashBits sets the number of hash buckets of the text features (2^20); collisions
// between the few thousand n-grams of a study are rare and only merge two features.
const hashBits = 20

// minDocuments is how many segments must hold a text feature for it to be kept: a word
// seen once cannot generalise, and leaving it out keeps the model small.
const minDocuments = 2

// features turns segments into rows of a Sparse matrix. The text features of a segment
// are the distinct word unigrams, word bigrams and character 4-grams (within a word of
// seven letters or more, its boundaries marked by a space: " cas", "casu", ...) of codebook.Normalize's
// text, each with value 1/sqrt(n) for a segment with n of them, so that every segment's
// text has unit length whatever its length. Then one column per code in codes, 1 where the
// dictionary fired that code. Columns are numbered in order of first appearance, so the
// matrix is the same for the same segments.
func features(segs []Segment, codes []string) *Sparse {
	hashes := make([][]uint32, len(segs))
	df := map[uint32]int{}
	for i, s := range segs {
		h := textHashes(codebook.Normalize(s.Text).Text)
		hashes[i] = h
		for _, x := range h {
			df[x]++
		}
	}
	column := map[uint32]int32{}
	var order []uint32
	for _, h := range hashes {
		for _, x := range h {
			if _, ok := column[x]; !ok && df[x] >= minDocuments {
				column[x] = -1
				order = append(order, x)
			}
		}
	}
	for j, x := range order {
		column[x] = int32(j)
	}
	dictCol := map[string]int32{}
	for k, c := range codes {
		dictCol[c] = int32(len(order) + k)
	}
	m := NewSparse(len(order) + len(codes))
	m.Scale = []float64{}
	for i, s := range segs {
		var idx []int32
		for _, x := range hashes[i] {
			if j, ok := column[x]; ok {
				idx = append(idx, j)
			}
		}
		slices.Sort(idx)
		var ones []int32
		for _, c := range s.Dictionary {
			if j, ok := dictCol[c]; ok && !slices.Contains(ones, j) {
				ones = append(ones, j)
			}
		}
		scale := 0.0
		if len(idx) > 0 {
			scale = 1 / math.Sqrt(float64(len(idx)))
		}
		m.addBinaryRow(idx, scale, ones)
	}
	return m
}

// textHashes returns the distinct hashes of the n-grams (codebook.Ngrams) of a normalised
// text.
func textHashes(t string) []uint32 {
	var out []uint32
	const mask = 1<<hashBits - 1
	codebook.Ngrams(t, func(kind byte, a, b string) {
		out = append(out, ngramHash(kind, a, b)&mask)
	})
	slices.Sort(out)
	return slices.Compact(out)
}

// ngramHash is the 32-bit FNV-1a hash of kind, a, a space and b.
func ngramHash(kind byte, a, b string) uint32 {
	const prime = 16777619
	h := uint32(2166136261)
	h = (h ^ uint32(kind)) * prime
	for i := 0; i < len(a); i++ {
		h = (h ^ uint32(a[i])) * prime
	}
	if b != "" {
		h = (h ^ ' ') * prime
		for i := 0; i < len(b); i++ {
			h = (h ^ uint32(b[i])) * prime
		}
	}
	return h
}

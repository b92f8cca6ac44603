package analysis

import (
	"cmp"
	"math/rand/v2"
	"slices"
	"testing"
)

// placeByRank orders a scale's rows as finish's sort does when no two share a rank, and
// leaves rows that share one to the sort, untouched.
func TestPlaceByRank(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	for trial := range 200 {
		n := 1 + rng.IntN(300)
		rank := make([]int32, n)
		for i, r := range rng.Perm(n) {
			rank[i] = int32(r)
		}
		tie := trial%3 == 0 && n > 1
		if tie { // two survey rows of one key share the rank of the first in order
			a, b := rng.IntN(n), rng.IntN(n)
			for a == b {
				b = rng.IntN(n)
			}
			rank[b] = rank[a]
		}
		// The scale's rows: a subset of the survey rows, in an order of their own.
		var rows []int32
		var idx []int
		for _, r := range rng.Perm(n) {
			if rng.IntN(4) > 0 || tie {
				idx = append(idx, len(rows))
				rows = append(rows, int32(r))
			}
		}
		byRank := make([]rankedRow, len(idx))
		for k, i := range idx {
			byRank[k] = rankedRow{rank[rows[i]], int32(i)}
		}
		slices.SortFunc(byRank, func(a, b rankedRow) int { return cmp.Compare(a.rank, b.rank) })
		sorted := make([]int, len(idx))
		for k, x := range byRank {
			sorted[k] = int(x.i)
		}
		got := slices.Clone(idx)
		placed := placeByRank(got, rows, rank)
		switch {
		case tie && placed:
			t.Fatalf("trial %d: rows sharing a rank were placed, not sorted", trial)
		case tie && !slices.Equal(got, idx):
			t.Fatalf("trial %d: idx changed though not placed", trial)
		case !tie && !placed:
			t.Fatalf("trial %d: distinct ranks not placed", trial)
		case !tie && !slices.Equal(got, sorted):
			t.Fatalf("trial %d: placed %v, sorted %v", trial, got, sorted)
		}
	}
}

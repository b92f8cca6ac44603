package stats

import (
	"math"
	"sort"
)

// HolmAdjust returns Holm's (1979) step-down adjusted p values, in the order given (as R's
// p.adjust(p, method = "holm")). With the m finite p values sorted ascending,
// p_(1) <= ... <= p_(m):
//
//	adj_(i) = max_{j <= i} min(1, (m - j + 1) p_(j))
//
// NaN entries (tests not run) stay NaN and do not count in m, as in R, where NA p values
// are left out of n. Written here because gonum has no multiple-comparison adjustment.
func HolmAdjust(p []float64) []float64 {
	out, idx := finiteAscending(p)
	m := len(idx)
	running := 0.0
	for rank, i := range idx {
		adj := math.Min(1, float64(m-rank)*p[i])
		running = math.Max(running, adj)
		out[i] = running
	}
	return out
}

// BHAdjust returns the Benjamini-Hochberg (1995) adjusted p values, which control the
// false discovery rate, in the order given (as R's p.adjust(p, method = "BH")). With the
// m finite p values sorted ascending, p_(1) <= ... <= p_(m):
//
//	adj_(i) = min_{j >= i} min(1, m p_(j) / j)
//
// NaN entries stay NaN and do not count in m, as for HolmAdjust.
func BHAdjust(p []float64) []float64 {
	out, idx := finiteAscending(p)
	m := len(idx)
	running := 1.0
	for rank := m - 1; rank >= 0; rank-- {
		i := idx[rank]
		running = math.Min(running, float64(m)*p[i]/float64(rank+1))
		out[i] = running
	}
	return out
}

// Adjust returns the p values adjusted by the named method: "holm" (HolmAdjust), "bh"
// (BHAdjust) or "none" (a copy). It panics on another name.
func Adjust(method string, p []float64) []float64 {
	switch method {
	case "holm":
		return HolmAdjust(p)
	case "bh":
		return BHAdjust(p)
	case "none":
		return append([]float64(nil), p...)
	}
	panic("stats: unknown p-value adjustment " + method)
}

// finiteAscending returns a slice of NaN as long as p, for the adjusted values, and the
// indexes of p's finite entries in ascending order of their p value (ties keep their order).
func finiteAscending(p []float64) ([]float64, []int) {
	out := make([]float64, len(p))
	idx := make([]int, 0, len(p))
	for i, v := range p {
		out[i] = math.NaN()
		if !math.IsNaN(v) {
			idx = append(idx, i)
		}
	}
	sort.SliceStable(idx, func(a, b int) bool { return p[idx[a]] < p[idx[b]] })
	return out, idx
}

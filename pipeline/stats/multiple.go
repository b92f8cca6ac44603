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
	out := make([]float64, len(p))
	idx := make([]int, 0, len(p))
	for i, v := range p {
		out[i] = math.NaN()
		if !math.IsNaN(v) {
			idx = append(idx, i)
		}
	}
	sort.SliceStable(idx, func(a, b int) bool { return p[idx[a]] < p[idx[b]] })
	m := len(idx)
	running := 0.0
	for rank, i := range idx {
		adj := math.Min(1, float64(m-rank)*p[i])
		running = math.Max(running, adj)
		out[i] = running
	}
	return out
}

package stats

import (
	"math"
	"math/rand/v2"
	"testing"
)

// scaleBench is a national study's scale: 100,000 respondents × 8 items on a five-point
// scale, a tenth of the answers missing, in 4 groups (roles).
func scaleBench() (rows [][]float64, groups [][]float64) {
	rng := rand.New(rand.NewPCG(1, 2))
	rows = make([][]float64, 100000)
	groups = make([][]float64, 4)
	for i := range rows {
		rows[i] = make([]float64, 8)
		sum := 0.0
		for j := range rows[i] {
			rows[i][j] = float64(1 + rng.IntN(5))
			if rng.IntN(10) == 0 {
				rows[i][j] = math.NaN()
			} else {
				sum += rows[i][j]
			}
		}
		groups[i%4] = append(groups[i%4], sum/8)
	}
	return rows, groups
}

// BenchmarkScaleStats times the scale statistics of one grouping of a national study's
// scale (Describe of an item, reliability, Kruskal-Wallis and Dunn over the scores):
// allocations per op show the buffers rankGroups and Describe reuse.
func BenchmarkScaleStats(b *testing.B) {
	rows, groups := scaleBench()
	item := make([]float64, len(rows))
	for i, r := range rows {
		item[i] = r[0]
	}
	b.Run("Describe", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			Describe(item, 4)
		}
	})
	b.Run("ScaleReliability", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			ScaleReliability(rows)
		}
	})
	b.Run("KruskalWallisDunn", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			KruskalWallis(groups)
			Dunn(groups)
		}
	})
}

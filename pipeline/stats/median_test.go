package stats

import (
	"math"
	"math/rand/v2"
	"slices"
	"testing"
)

// median7 counts the values of a sample with few distinct values instead of sorting it;
// it must give exactly (bit for bit) the median of the sorted values, for samples of
// answers on a scale (1..5, 1..7, half points) and for samples that fall back to the
// sort (many values, a zero).
//
// R 4.2 for the first case: median(c(5, 1, 4, 4, 2, 5)) is 4 and median(c(2, 1, 2, 1)) is 1.5.
func TestMedian7IsTheSortedMedian(t *testing.T) {
	near(t, "median of six answers", median7([]float64{5, 1, 4, 4, 2, 5}), 4, 0)
	near(t, "median of four answers", median7([]float64{2, 1, 2, 1}), 1.5, 0)
	rng := rand.New(rand.NewPCG(1, 2))
	for trial := range 2000 {
		n := 1 + rng.IntN(300)
		distinct := 1 + rng.IntN(25) // above maxCounted the sort is used
		x := make([]float64, n)
		for i := range x {
			x[i] = float64(1+rng.IntN(distinct)) / 2
			if trial%7 == 0 {
				x[i] -= 3 // negative values and zeros
			}
		}
		sorted := slices.Clone(x)
		slices.Sort(sorted)
		want := quantile7Sorted(sorted, 0.5)
		got := median7(slices.Clone(x))
		if math.Float64bits(got) != math.Float64bits(want) {
			t.Fatalf("trial %d: median7 = %v, sorted median %v, of %v", trial, got, want, x)
		}
	}
	isNaN(t, "median7 of nothing", median7(nil))
}

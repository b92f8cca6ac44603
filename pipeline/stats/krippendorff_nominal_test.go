package stats

import (
	"math"
	"math/rand/v2"
	"testing"
)

// TestAlphaNominalAsAny checks that the nominal shortcuts (alphaNominal, alphaTwoValues)
// give alphaAny's value to the last bit, on random data of two to eight values and on
// bootstrap-like weights (whole numbers, zeros among them).
func TestAlphaNominalAsAny(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	for trial := range 2000 {
		values := 2 + r.IntN(7)
		if trial%2 == 0 {
			values = 2
		}
		coders := 2 + r.IntN(5)
		units := make([][]float64, 1+r.IntN(300))
		for i := range units {
			units[i] = make([]float64, coders)
			for j := range units[i] {
				units[i][j] = float64(r.IntN(values))
				if r.Float64() < 0.2 {
					units[i][j] = math.NaN()
				}
			}
		}
		d, ok := newAlphaData(units, Nominal)
		if !ok || d.pairable() == 0 {
			continue
		}
		weights := [][]float64{nil, make([]float64, len(d.mult))}
		for p := range weights[1] {
			if r.Float64() < 0.7 {
				weights[1][p] = float64(r.IntN(2 * d.units))
			}
		}
		for _, w := range weights {
			all := w
			if all == nil {
				all = d.mult
			}
			want := d.alphaAny(Nominal, all)
			got := d.alpha(Nominal, w)
			if math.Float64bits(got) != math.Float64bits(want) && !(math.IsNaN(got) && math.IsNaN(want)) {
				t.Fatalf("trial %d (%d values): alpha %v, alphaAny %v", trial, len(d.values), got, want)
			}
		}
	}
}

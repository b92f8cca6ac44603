package stats

import (
	"math"
	"testing"
)

// R 4.2:
//
//	> print(p.adjust(c(0.01, 0.04, NA, 0.03, 0.005, 0.5), "holm"), digits = 10)
//	[1] 0.040 0.090    NA 0.090 0.025 0.500
func TestHolmAdjustMatchesR(t *testing.T) {
	got := HolmAdjust([]float64{0.01, 0.04, math.NaN(), 0.03, 0.005, 0.5})
	want := []float64{0.04, 0.09, math.NaN(), 0.09, 0.025, 0.5}
	for i := range want {
		if math.IsNaN(want[i]) {
			isNaN(t, "Holm of NaN", got[i])
			continue
		}
		near(t, "Holm", got[i], want[i], 1e-12)
	}
	if len(HolmAdjust(nil)) != 0 {
		t.Error("Holm of nothing")
	}
	// R: p.adjust(c(0.5, 0.5), "holm") gives 1 1 (capped at 1).
	for _, p := range HolmAdjust([]float64{0.5, 0.5}) {
		near(t, "Holm capped", p, 1, 0)
	}
}

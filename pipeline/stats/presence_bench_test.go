package stats

import (
	"math/rand/v2"
	"testing"
)

// BenchmarkPresenceResamples is the agreement stage's bootstrap of one code of the codes
// study (5,000 segments, each coded by five coders, the code applied to about 1%):
// 5,000 resamples of a presence matrix of six patterns.
func BenchmarkPresenceResamples(b *testing.B) {
	r := rand.New(rand.NewPCG(3, 5))
	u := NewPresenceUnits(5)
	for range 5000 {
		ones := 0
		if r.Float64() < 0.012 {
			ones = 5 - r.IntN(3)
		} else if r.Float64() < 0.004 {
			ones = 1
		}
		u.Add(ones, 5-ones)
	}
	for b.Loop() {
		u.Resamples(5000, 1)
	}
}

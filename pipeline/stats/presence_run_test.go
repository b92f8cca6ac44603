package stats

import (
	"math/rand/v2"
	"reflect"
	"testing"
)

// TestPresenceAddRunAsAdd checks that AddRun and AddRunInClusters leave the matrix as
// the same units added one by one would (every field, so every statistic and the
// bootstrap's draws), over random runs: short and long, pairable or not, before and
// after the per-unit patterns are let go.
func TestPresenceAddRunAsAdd(t *testing.T) {
	r := rand.New(rand.NewPCG(5, 8))
	for trial := range 500 {
		coders := 2 + r.IntN(5)
		clustered := trial%2 == 1
		one, run := NewPresenceUnits(coders), NewPresenceUnits(coders)
		cluster := 0
		for range 1 + r.IntN(30) {
			ones := r.IntN(coders + 1)
			zeros := r.IntN(coders - ones + 1)
			if r.Float64() < 0.5 {
				ones, zeros = 0, coders
			}
			count := 1 + r.IntN(5)
			if r.Float64() < 0.3 {
				count = 50 + r.IntN(300)
			}
			for i := range count {
				if clustered {
					one.AddInCluster(ones, zeros, cluster+i)
				} else {
					one.Add(ones, zeros)
				}
			}
			if clustered {
				run.AddRunInClusters(ones, zeros, count, cluster)
			} else {
				run.AddRun(ones, zeros, count)
			}
			cluster += count
		}
		if !reflect.DeepEqual(one, run) {
			t.Fatalf("trial %d: the runs left\n%+v\nunits one by one\n%+v", trial, run, one)
		}
		if a, b := one.Resamples(20, 3), run.Resamples(20, 3); !reflect.DeepEqual(a, b) && !allNaN(a, b) {
			t.Fatalf("trial %d: resamples %v and %v", trial, b, a)
		}
	}
}

func allNaN(a, b []float64) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if !same(a[i], b[i]) {
			return false
		}
	}
	return true
}

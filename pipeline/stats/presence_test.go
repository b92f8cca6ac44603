package stats

import (
	"math"
	"math/rand/v2"
	"testing"
)

// same reports whether a and b are the same float, NaN equal to NaN.
func same(a, b float64) bool {
	return math.Float64bits(a) == math.Float64bits(b) || (math.IsNaN(a) && math.IsNaN(b))
}

// TestPresenceUnitsMatchTheMatrix checks every statistic of PresenceUnits, bit for bit,
// against the function of the float matrix it stands for, on random presence matrices:
// few and many units (the unit-by-unit and the multinomial bootstrap), two to five
// coders, units that some coders did not code, rare and common codes, clusters.
func TestPresenceUnitsMatchTheMatrix(t *testing.T) {
	r := rand.New(rand.NewPCG(7, 11))
	for trial := range 300 {
		coders := 2 + r.IntN(4)
		units := 1 + r.IntN(40)
		if trial%5 == 0 {
			units = 200 + r.IntN(2000)
		}
		pApplied := []float64{0, 0.02, 0.3, 0.7, 1}[r.IntN(5)]
		pMissing := []float64{0, 0, 0.2, 0.6}[r.IntN(4)]
		clusters := 1 + r.IntN(units)
		m := make([][]float64, units)
		cluster := make([]int, units)
		u := NewPresenceUnits(coders)
		counts := make([][]float64, units)
		for i := range m {
			row := make([]float64, coders)
			ones, zeros := 0, 0
			for j := range row {
				switch {
				case r.Float64() < pMissing:
					row[j] = math.NaN()
				case r.Float64() < pApplied:
					row[j] = 1
					ones++
				default:
					zeros++
				}
			}
			m[i] = row
			cluster[i] = r.IntN(clusters)
			counts[i] = []float64{float64(ones), float64(zeros)}
			u.AddInCluster(ones, zeros, cluster[i])
		}
		check := func(what string, got, want float64) {
			t.Helper()
			if !same(got, want) {
				t.Fatalf("trial %d (%d units, %d coders): %s = %v, the matrix gives %v", trial, units, coders, what, got, want)
			}
		}
		check("alpha", u.Alpha(), KrippendorffAlpha(m, Nominal))
		o, e := u.Agreement()
		wo, we := KrippendorffAgreement(m)
		check("observed agreement", o, wo)
		check("expected agreement", e, we)
		check("percent agreement", u.PercentAgreement(), PercentAgreement(m))
		check("positive agreement", u.PositiveAgreement(), PositiveAgreement(m))
		check("Fleiss' kappa", u.FleissKappa(), FleissKappa(counts))
		seed := uint64(trial)
		got, want := u.Resamples(50, seed), KrippendorffResamples(m, Nominal, 50, seed)
		if (got == nil) != (want == nil) || len(got) != len(want) {
			t.Fatalf("trial %d: %d resamples, the matrix gives %d", trial, len(got), len(want))
		}
		for i := range got {
			check("resample", got[i], want[i])
		}
		got, want = u.ClusterResamples(50, seed), KrippendorffClusterResamples(m, cluster, Nominal, 50, seed)
		if (got == nil) != (want == nil) || len(got) != len(want) {
			t.Fatalf("trial %d: %d cluster resamples, the matrix gives %d", trial, len(got), len(want))
		}
		for i := range got {
			check("cluster resample", got[i], want[i])
		}
		distinct := map[int]bool{}
		for _, c := range cluster {
			distinct[c] = true
		}
		if u.Clusters() != len(distinct) || u.Units() != units {
			t.Fatalf("trial %d: %d clusters and %d units, want %d and %d", trial, u.Clusters(), u.Units(), len(distinct), units)
		}
	}
}

// TestPresenceUnitsPanics checks the guards.
func TestPresenceUnitsPanics(t *testing.T) {
	for name, f := range map[string]func(){
		"more values than coders": func() { NewPresenceUnits(2).Add(2, 1) },
		"negative count":          func() { NewPresenceUnits(2).Add(-1, 1) },
		"negative cluster":        func() { NewPresenceUnits(2).AddInCluster(1, 1, -1) },
		"no samples":              func() { NewPresenceUnits(2).Resamples(0, 1) },
		"no clusters": func() {
			u := NewPresenceUnits(2)
			u.Add(1, 1)
			u.ClusterResamples(10, 1)
		},
	} {
		func() {
			defer func() {
				if recover() == nil {
					t.Errorf("%s: no panic", name)
				}
			}()
			f()
		}()
	}
}

package stats

import (
	"math"
	"testing"
)

// groupsFrom turns fuzz bytes into up to four groups of small Likert-like values, with
// 255 as a missing value.
func groupsFrom(data []byte) [][]float64 {
	groups := make([][]float64, 1+len(data)%4)
	for i, b := range data {
		v := float64(b % 7)
		if b == 255 {
			v = math.NaN()
		}
		groups[i%len(groups)] = append(groups[i%len(groups)], v)
	}
	return groups
}

func noInf(t *testing.T, what string, xs ...float64) {
	t.Helper()
	for _, x := range xs {
		if math.IsInf(x, 0) {
			t.Fatalf("%s is infinite", what)
		}
	}
}

// FuzzStatistics checks that no input makes the statistics panic or return Inf.
func FuzzStatistics(f *testing.F) {
	f.Add([]byte{1, 2, 3, 4, 5, 6, 7, 8})
	f.Add([]byte{3, 3, 3, 3})
	f.Add([]byte{255, 1, 255})
	f.Add([]byte{})
	f.Fuzz(func(t *testing.T, data []byte) {
		groups := groupsFrom(data)
		kw := KruskalWallis(groups)
		noInf(t, "Kruskal-Wallis", kw.H, kw.P, kw.EpsilonSquared)
		for _, c := range Dunn(groups) {
			noInf(t, "Dunn", c.Z, c.P, c.R)
		}
		table := make([][]float64, len(groups))
		for i, g := range groups {
			table[i] = []float64{float64(len(g)), 0}
			for _, v := range g {
				if v > 3 {
					table[i][1]++
				}
			}
		}
		cs := ChiSquareIndependence(table)
		noInf(t, "chi-square", cs.X2, cs.P, cs.CramersV)
		// Rows of four items for reliability.
		var rows [][]float64
		for i := 0; i+4 <= len(data); i += 4 {
			rows = append(rows, []float64{float64(data[i] % 5), float64(data[i+1] % 5), float64(data[i+2] % 5), float64(data[i+3] % 5)})
			if data[i] == 255 {
				rows[len(rows)-1][2] = math.NaN()
			}
		}
		r := ScaleReliability(rows)
		noInf(t, "reliability", r.Alpha, r.StdAlpha, r.AlphaLow, r.AlphaHigh)
		for _, it := range r.ItemStats {
			noInf(t, "item analysis", it.Mean, it.SD, it.RDrop, it.AlphaIfDeleted)
		}
		d := Describe(groups[0], 4)
		noInf(t, "describe", d.Mean, d.SD, d.CILow, d.CIHigh, d.Median, d.ShareAgree)
		lo, hi := WilsonInterval(len(data)%7, len(data)%5, 0.95)
		noInf(t, "Wilson", lo, hi)
		for _, p := range HolmAdjust(groups[0]) {
			noInf(t, "Holm", p)
		}
	})
}

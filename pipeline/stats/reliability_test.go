package stats

import (
	"math"
	"testing"
)

// The reference values come from R 4.2 with psych 2.2.9 on testdata/likert40x4.csv
// (40 respondents × 4 five-point items, generated in R with set.seed(2015)):
//
//	> library(psych); x <- read.csv("likert40x4.csv"); a <- psych::alpha(x)
//	> print(a$total, digits = 10)
//	    raw_alpha    std.alpha ...
//	 0.7237027676 0.7245966273 ...
//	> print(a$alpha.drop, digits = 10)      # raw_alpha column
//	B1 0.6401176948   B2 0.6859042553   B3 0.7136124845   B4 0.5969546010
//	> print(a$item.stats, digits = 10)      # n, r.drop, mean, sd
//	B1 40 0.5527375066 3.075 1.308502765
//	B2 40 0.4738543136 2.775 1.187272245
//	B3 40 0.4172770526 2.875 0.991954817
//	B4 40 0.6250414986 3.050 1.108244165
//	> a$feldt    # 95% confidence boundaries (Feldt)
//	     lower     alpha     upper
//	 0.5514167 0.7237028 0.8409558
func TestScaleReliabilityMatchesPsych(t *testing.T) {
	_, rows := readMatrix(t, "testdata/likert40x4.csv")
	r := ScaleReliability(rows)
	if r.N != 40 || r.Items != 4 || r.Excluded != 0 {
		t.Fatalf("n = %d, items = %d, excluded = %d", r.N, r.Items, r.Excluded)
	}
	near(t, "alpha", r.Alpha, 0.7237027676, 1e-9)
	near(t, "std alpha", r.StdAlpha, 0.7245966273, 1e-9)
	near(t, "Feldt low", r.AlphaLow, 0.5514167, 1e-7)
	near(t, "Feldt high", r.AlphaHigh, 0.8409558, 1e-7)
	want := []struct{ drop, rdrop, mean, sd float64 }{
		{0.6401176948, 0.5527375066, 3.075, 1.308502765},
		{0.6859042553, 0.4738543136, 2.775, 1.187272245},
		{0.7136124845, 0.4172770526, 2.875, 0.991954817},
		{0.5969546010, 0.6250414986, 3.050, 1.108244165},
	}
	for j, w := range want {
		it := r.ItemStats[j]
		near(t, "alpha if deleted", it.AlphaIfDeleted, w.drop, 1e-9)
		near(t, "r.drop", it.RDrop, w.rdrop, 1e-9)
		near(t, "mean", it.Mean, w.mean, 1e-12)
		near(t, "sd", it.SD, w.sd, 1e-8)
		if it.N != 40 {
			t.Errorf("item %d n = %d", j, it.N)
		}
	}
}

func TestScaleReliabilityListwise(t *testing.T) {
	_, rows := readMatrix(t, "testdata/likert40x4.csv")
	// Two extra respondents with a missing item change nothing but the excluded count.
	rows = append(rows, []float64{1, math.NaN(), 3, 4}, []float64{math.Inf(1), 2, 2, 2})
	r := ScaleReliability(rows)
	if r.N != 40 || r.Excluded != 2 {
		t.Fatalf("n = %d, excluded = %d; want 40, 2", r.N, r.Excluded)
	}
	near(t, "alpha", r.Alpha, 0.7237027676, 1e-9)
}

func TestReliabilityEdgeCases(t *testing.T) {
	// Nobody varies: the total has no variance, every statistic is NaN.
	flat := [][]float64{{3, 3, 3}, {3, 3, 3}, {3, 3, 3}}
	r := ScaleReliability(flat)
	isNaN(t, "alpha, no variance", r.Alpha)
	isNaN(t, "std alpha, no variance", r.StdAlpha)
	isNaN(t, "Feldt low, no variance", r.AlphaLow)
	isNaN(t, "r.drop, no variance", r.ItemStats[0].RDrop)
	isNaN(t, "alpha if deleted, no variance", r.ItemStats[0].AlphaIfDeleted)

	// One item without variance: raw alpha exists, correlations with it do not.
	oneFlat := [][]float64{{1, 2, 3}, {2, 3, 3}, {4, 4, 3}, {5, 4, 3}}
	r = ScaleReliability(oneFlat)
	if math.IsNaN(r.Alpha) || math.IsInf(r.Alpha, 0) {
		t.Errorf("alpha with one constant item = %v, want a number", r.Alpha)
	}
	isNaN(t, "std alpha with a constant item", r.StdAlpha)
	isNaN(t, "r.drop of the constant item", r.ItemStats[2].RDrop)

	// A single item, a single respondent, nothing at all.
	isNaN(t, "alpha of one item", ScaleReliability([][]float64{{1}, {2}, {3}}).Alpha)
	isNaN(t, "alpha of one respondent", ScaleReliability([][]float64{{1, 2, 3}}).Alpha)
	empty := ScaleReliability(nil)
	isNaN(t, "alpha of nothing", empty.Alpha)
	if empty.N != 0 || len(empty.ItemStats) != 0 {
		t.Errorf("empty: %+v", empty)
	}
	// Everyone missing an item.
	all := ScaleReliability([][]float64{{1, math.NaN()}, {math.NaN(), 2}})
	if all.N != 0 || all.Excluded != 2 {
		t.Errorf("all missing: n = %d, excluded = %d", all.N, all.Excluded)
	}
	isNaN(t, "alpha, all missing", all.Alpha)
	isNaN(t, "item mean, all missing", all.ItemStats[0].Mean)
	// Two items: alpha if deleted would be alpha of one item.
	two := ScaleReliability([][]float64{{1, 2}, {2, 2}, {4, 5}, {5, 4}})
	isNaN(t, "alpha if deleted of two items", two.ItemStats[0].AlphaIfDeleted)
	isNaN(t, "CronbachAlpha of ragged items", CronbachAlpha([][]float64{{1, 2, 3}, {1, 2}}))
	isNaN(t, "r.drop out of range", ItemRestCorrelation([][]float64{{1, 2}, {2, 1}}, 5))
}

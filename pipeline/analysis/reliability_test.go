package analysis

import (
	"testing"

	"github.com/samenspel/samenspel/pipeline/results"
)

// R 4.2 with psych 2.2.9, on the complete cases of surveyAnswers with K4 reversed
// (r06, r10 and r15 miss an item):
//
//	> a <- psych::alpha(x[complete.cases(x), ]); print(a$total[1:2], digits = 10)
//	    raw_alpha    std.alpha
//	 0.9330202393 0.9357274774
//	> a$feldt
//	     lower     alpha     upper
//	 0.8487935 0.9330202 0.9759427
//	> print(a$item.stats[, c("n", "mean", "sd", "r.drop")], digits = 10)
//	K1 14 3.071428571 1.206666464 0.8322938648
//	K2 14 3.428571429 1.016349858 0.8744593636
//	K3 14 3.357142857 1.008208072 0.8279391885
//	K4 14 3.214285714 1.188313053 0.8554901407
//	> print(a$alpha.drop[, 1, drop = FALSE], digits = 10)
//	K1 0.9181034483   K2 0.9045480067   K3 0.9186681223   K4 0.9092592593
func TestReliabilityTables(t *testing.T) {
	in := surveyInput(t)
	res := &results.Results{}
	ScaleReliability(in, res)
	tab := res.Table("reliability")
	checkHeader(t, tab, "scale", "items", "n", "cronbach_alpha", "std_alpha", "alpha_ci_low", "alpha_ci_high", "n_excluded", "suppressed", "missing", "scored")
	noFloatTrouble(t, tab)
	row := findRow(t, tab, map[string]string{"scale": "kennen"})
	for col, w := range map[string]float64{"items": 4, "n": 14, "cronbach_alpha": 0.9330202393,
		"std_alpha": 0.9357274774, "alpha_ci_low": 0.8487935, "alpha_ci_high": 0.9759427, "n_excluded": 3} {
		checkNum(t, tab, row, col, w, 1e-7)
	}
	items := res.Table("reliability_items")
	checkHeader(t, items, "scale", "item", "n", "mean", "sd", "r_drop", "alpha_if_deleted")
	noFloatTrouble(t, items)
	want := map[string][5]float64{
		"K1": {14, 3.071428571, 1.206666464, 0.8322938648, 0.9181034483},
		"K2": {14, 3.428571429, 1.016349858, 0.8744593636, 0.9045480067},
		"K3": {14, 3.357142857, 1.008208072, 0.8279391885, 0.9186681223},
		"K4": {14, 3.214285714, 1.188313053, 0.8554901407, 0.9092592593},
	}
	for item, w := range want {
		row := findRow(t, items, map[string]string{"scale": "kennen", "item": item})
		for i, col := range []string{"n", "mean", "sd", "r_drop", "alpha_if_deleted"} {
			checkNum(t, items, row, col, w[i], 1e-8)
		}
	}
	// Nobody answered bereiken: suppressed, with a note.
	row = findRow(t, tab, map[string]string{"scale": "bereiken"})
	if cell(t, tab, row, "suppressed") != true || cell(t, tab, row, "cronbach_alpha") != nil || cell(t, tab, row, "n") != nil {
		t.Errorf("bereiken: %v", row)
	}
	if !hasNote(res, "reliability", "Elkaar bereiken: fewer than 3") {
		t.Errorf("notes: %+v", res.Notes)
	}
	// The scale scores rest on 16 respondents (r15 answered one item of four), alpha on 14.
	row = findRow(t, tab, map[string]string{"scale": "kennen"})
	checkNum(t, tab, row, "scored", 16, 0)
	if cell(t, tab, row, "missing") != "listwise" {
		t.Errorf("missing: %v", row)
	}
}

// The same answers with reliability.missing: pairwise. R 4.2.2, psych 2.2.9, the keyed
// answers of the 17 respondents (NA where missing):
//
//	> x <- matrix(c(4,5,4,4, 5,5,4,5, 3,4,3,3, 4,4,5,4, 2,3,3,2, 4,NA,4,4, 2,2,3,2,
//	+   3,2,2,1, 1,2,2,2, 3,3,NA,NA, 2,3,3,3, 4,4,4,5, 5,4,5,4, 3,4,4,4, 4,NA,NA,NA,
//	+   2,3,2,3, 3,3,3,3), ncol = 4, byrow = TRUE)
//	> alpha(x, use = "pairwise")$total$raw_alpha
//	[1] 0.945441573678
func TestReliabilityPairwise(t *testing.T) {
	in := surveyInput(t)
	in.PairwiseReliability = true
	res := &results.Results{}
	ScaleReliability(in, res)
	tab := res.Table("reliability")
	row := findRow(t, tab, map[string]string{"scale": "kennen"})
	checkNum(t, tab, row, "cronbach_alpha", 0.945441573678, 1e-11)
	checkNum(t, tab, row, "n", 16, 0) // r15 answered one item only
	if cell(t, tab, row, "missing") != "pairwise" || cell(t, tab, row, "std_alpha") != nil || cell(t, tab, row, "alpha_ci_low") != nil {
		t.Errorf("pairwise row: %v", row)
	}
}

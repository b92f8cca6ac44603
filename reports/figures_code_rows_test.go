package reports

import (
	"fmt"
	"math"
	"strings"
	"testing"

	"github.com/samenspel/samenspel/pipeline/results"
)

// TestKeepCodeRows: up to maxCodeRows codes all are kept; beyond, the highest (or
// lowest) scores, ties by codebook order, NaN last.
func TestKeepCodeRows(t *testing.T) {
	res := &results.Results{}
	f := results.Factor{ID: "f"}
	score := map[string]float64{}
	for i := range 40 {
		id := fmt.Sprintf("c%02d", i)
		f.Codes = append(f.Codes, results.Code{ID: id})
		score[id] = float64(i % 20) // c00 and c20 tie, ...
	}
	score["c39"] = math.NaN()
	res.Codebook.Factors = []results.Factor{f}
	l := newLabels(res)
	high := keepCodeRows(l, score, false)
	low := keepCodeRows(l, score, true)
	if len(high) != maxCodeRows || len(low) != maxCodeRows {
		t.Fatalf("kept %d and %d, want %d", len(high), len(low), maxCodeRows)
	}
	// Scores 19 (c19; c39 is NaN), 18..5 twice (28 codes), then of the tie at 4 the
	// code first in the codebook: c04, not c24.
	for _, c := range []string{"c19", "c38", "c05", "c25", "c04"} {
		if !high[c] {
			t.Errorf("high: %s left out", c)
		}
	}
	for _, c := range []string{"c00", "c24", "c39"} {
		if high[c] {
			t.Errorf("high: %s kept", c)
		}
	}
	// Lowest: scores 0..14 twice = 30 codes; the NaN is never among them.
	for _, c := range []string{"c00", "c20", "c14", "c34"} {
		if !low[c] {
			t.Errorf("low: %s left out", c)
		}
	}
	if low["c39"] || low["c15"] {
		t.Errorf("low: kept c39 or c15")
	}
	few := map[string]float64{"a": 1, "b": math.NaN()}
	if k := keepCodeRows(l, few, true); len(k) != 2 {
		t.Errorf("few: kept %v", k)
	}
}

// TestCodeFiguresShowAtMostThirtyCodes: with 45 codes the agreement and valence figures
// show 30 rows of codes and their captions say which and where the rest are.
func TestCodeFiguresShowAtMostThirtyCodes(t *testing.T) {
	res := &results.Results{Language: "nl"}
	f := results.Factor{ID: "f", Label: "Factor"}
	agree := results.NewTable("agreement", txt("code"), flt("krippendorff_alpha"), num("units"))
	freq := results.NewTable("code_frequencies", txt("group_by"), txt("group"), txt("code"), num("respondents"), num("group_respondents"), bln("suppressed"))
	for i := range 45 {
		id := fmt.Sprintf("f.c%02d", i)
		val := "facilitator"
		if i%2 == 1 {
			val = "barrier"
		}
		f.Codes = append(f.Codes, results.Code{ID: id, Label: id, Valence: val})
		agree.Add(id, 0.5+float64(i)/100, 20)
		freq.Add("all", "all", id, i+1, 60, false)
	}
	res.Codebook.Factors = []results.Factor{f}
	res.Add(agree)
	res.Add(freq)
	l := newLabels(res)
	for _, figs := range [][]*figure{agreement(res, l), valenceByFactor(res, l)} {
		if len(figs) != 1 {
			t.Fatalf("%d figures", len(figs))
		}
		if !strings.Contains(figs[0].Caption, "Getoond: de 30 van de 45 codes") {
			t.Errorf("%s: caption %q", figs[0].Name, figs[0].Caption)
		}
	}
}

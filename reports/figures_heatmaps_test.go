package reports

import (
	"fmt"
	"strings"
	"testing"

	"github.com/samenspel/samenspel/pipeline/results"
)

// TestCooccurrenceShowsTheStrongestThirtyCodes builds a co-occurrence table of 40 codes
// in which code i occurs with every other code with Jaccard index (i+1)/1000, except
// that c03 is strong (0.5 with everyone): the map shows 30 codes, c03 and c11..c39 in
// codebook order, its colours span only the pairs shown, its caption says 30 of 40, and
// the table still holds all 780 pairs.
func TestCooccurrenceShowsTheStrongestThirtyCodes(t *testing.T) {
	res := &results.Results{Language: "nl", MinCell: 5}
	var codes []results.Code
	for i := 0; i < 40; i++ {
		codes = append(codes, results.Code{ID: fmt.Sprintf("c%02d", i), Label: fmt.Sprintf("Code %02d", i), Valence: "facilitator"})
	}
	res.Codebook.Factors = []results.Factor{{ID: "f", Label: "F", Codes: codes}}
	strength := func(i int) float64 {
		if i == 3 {
			return 0.5
		}
		return float64(i+1) / 1000
	}
	co := results.NewTable("cooccurrence", txt("code_a"), txt("code_b"), num("segments"), num("respondents"), flt("jaccard"))
	for i := 0; i < 40; i++ {
		for j := i + 1; j < 40; j++ {
			co.Add(codes[i].ID, codes[j].ID, 10, 5, max(strength(i), strength(j)))
		}
	}
	res.Add(co)
	figs := cooccurrence(res, newLabels(res))
	if len(figs) != 1 {
		t.Fatalf("%d figures, want 1", len(figs))
	}
	if figs[0].Scale.Max != 0.5 {
		t.Errorf("the colours span up to %v, want 0.5", figs[0].Scale.Max)
	}
	ticks := figs[0].Plot.Y.Tick.Marker.Ticks(0, 0)
	if cols := figs[0].Plot.X.Tick.Marker.Ticks(0, 0); len(cols) != 30 {
		t.Errorf("%d columns, want 30", len(cols))
	}
	var got []string
	for _, tk := range ticks {
		got = append(got, tk.Label)
	}
	want := []string{"Code 03"} // top first
	for i := 11; i < 40; i++ {
		want = append(want, fmt.Sprintf("Code %02d", i))
	}
	if strings.Join(got, "|") != strings.Join(want, "|") {
		t.Errorf("rows %q,\nwant %q", got, want)
	}
	if !strings.Contains(figs[0].Caption, "Getoond: de 30 van de 40 codes") {
		t.Errorf("the caption does not say 30 of 40 codes are shown: %q", figs[0].Caption)
	}
	if len(co.Rows) != 780 {
		t.Errorf("the table has %d pairs, want 780", len(co.Rows))
	}
}

package reports

import (
	"strings"
	"testing"

	"github.com/samenspel/samenspel/pipeline/results"
)

func waveScalesTable(rows ...[]any) *results.Table {
	t := results.NewTable("wave_scales",
		results.Column{Name: "scale", Kind: results.Text}, results.Column{Name: "wave", Kind: results.Text},
		results.Column{Name: "group_by", Kind: results.Text}, results.Column{Name: "group", Kind: results.Text},
		results.Column{Name: "n", Kind: results.Int}, results.Column{Name: "mean", Kind: results.Float},
		results.Column{Name: "ci_low", Kind: results.Float}, results.Column{Name: "ci_high", Kind: results.Float},
		results.Column{Name: "suppressed", Kind: results.Bool})
	for _, r := range rows {
		t.Add(r...)
	}
	return t
}

// A trend figure per scale: municipalities shown in two waves as lines, one shown in a
// single wave left out; a scale whose municipalities are all too small shows the study
// alone and says so; one wave draws nothing.
func TestWaveTrends(t *testing.T) {
	res := &results.Results{Language: "en", MinCell: 5}
	res.Add(waveScalesTable(
		[]any{"kennen", "2024", "all", "all", 40, 3.1, 2.9, 3.3, false},
		[]any{"kennen", "2025", "all", "all", 42, 3.4, 3.2, 3.6, false},
		[]any{"kennen", "2024", "municipality", "Bergdorp", 20, 3.0, 2.7, 3.3, false},
		[]any{"kennen", "2025", "municipality", "Bergdorp", 21, 3.5, 3.2, 3.8, false},
		[]any{"kennen", "2025", "municipality", "Zeeveen", 12, 3.2, 2.8, 3.6, false},
		[]any{"bereiken", "2024", "all", "all", 40, 3.0, 2.8, 3.2, false},
		[]any{"bereiken", "2025", "all", "all", 42, 3.1, 2.9, 3.3, false},
		[]any{"bereiken", "2024", "municipality", "Bergdorp", nil, nil, nil, nil, true},
	))
	figs := waveTrends(res, newLabels(res))
	if len(figs) != 2 || figs[0].Name != "waves_kennen" || figs[1].Name != "waves_bereiken" {
		t.Fatalf("figures %v", figs)
	}
	var names []string
	for _, e := range figs[0].Legend {
		names = append(names, e.Label)
	}
	if got := strings.Join(names, "|"); got != "Bergdorp|All respondents, with 95% interval" {
		t.Errorf("legend %q: Zeeveen, shown in one wave only, has no line", got)
	}
	if !strings.Contains(figs[0].Caption, "n per wave: 2024: 40, 2025: 42.") {
		t.Errorf("caption %q", figs[0].Caption)
	}
	if !strings.Contains(figs[1].Caption, "No municipality has enough respondents in two waves") {
		t.Errorf("caption %q", figs[1].Caption)
	}
	for _, f := range figs {
		if _, err := f.renderPNG(); err != nil {
			t.Fatal(err)
		}
	}
	one := &results.Results{Language: "en"}
	one.Add(waveScalesTable([]any{"kennen", "2024", "all", "all", 40, 3.1, 2.9, 3.3, false}))
	if figs := waveTrends(one, newLabels(one)); len(figs) != 0 {
		t.Errorf("one wave drew %d figures", len(figs))
	}
}

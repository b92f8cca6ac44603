package reports

import (
	"testing"

	"github.com/samenspel/samenspel/pipeline/results"
)

// The report says which wave its cross-sectional tables describe and how many answered
// in an earlier wave only (attack 11, F11), and holds the number back with the people.
func TestLatestWaveSentence(t *testing.T) {
	res := &results.Results{Language: "nl", LatestWave: "2025", EarlierOnly: 76}
	s := results.NewTable("sample", results.Column{Name: "group_by"}, results.Column{Name: "group"}, results.Column{Name: "surveyed", Kind: results.Int})
	s.Add("all", "all", 281)
	res.Add(s)
	want := "De steekproeftabel en de tabellen en figuren van de vragenlijst (schalen, items, betrouwbaarheid, toetsen op schaalscores) beschrijven de laatste meting (2025: 281 ondervraagd); 76 respondenten deden alleen aan een eerdere meting mee en staan alleen in wave_scales en wave_comparisons."
	if got := latestWaveSentence(res); got != want {
		t.Errorf("got  %q\nwant %q", got, want)
	}
	if got := latestWaveCaption(res, "scales", "Schaalscores"); got != "Schaalscores (meting 2025)" {
		t.Errorf("caption %q", got)
	}
	if got := latestWaveCaption(res, "code_frequencies", "Codes"); got != "Codes" {
		t.Errorf("an interview table got the wave: %q", got)
	}
	res.EarlierOnly = -1
	if got := latestWaveSentence(res); got != "De steekproeftabel en de tabellen en figuren van de vragenlijst (schalen, items, betrouwbaarheid, toetsen op schaalscores) beschrijven de laatste meting (2025: 281 ondervraagd)." {
		t.Errorf("held: %q", got)
	}
	if latestWaveSentence(&results.Results{}) != "" {
		t.Error("a study of one measurement got a wave sentence")
	}
}

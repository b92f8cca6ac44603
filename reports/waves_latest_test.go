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

// With interviews in two waves the coding tables count the latest wave's segments: the
// report says which wave, the segments of earlier waves left out and the people
// interviewed in an earlier wave only (attack 16, F05), and holds the people back with
// the other counts.
func TestInterviewWaveSentence(t *testing.T) {
	res := &results.Results{Language: "nl", InterviewWave: "2025", EarlierInterviewed: 4,
		EarlierWaves: []results.Wave{{Wave: "2023", Segments: 1}, {Wave: "2024", Segments: 15}}}
	want := "De tabellen en figuren van de codering (codes, samen voorkomende codes, overeenstemming tussen codeurs, partners, citaten, autocodeur, gezamenlijke weergave) tellen alleen de fragmenten van de laatste meting van de interviews (2025); 16 fragmenten van eerdere metingen (2023: 1, 2024: 15) tellen daarin niet mee, wel in wave_codes (de codes per meting, voor de studie als geheel); 4 respondenten zijn alleen in een eerdere meting geïnterviewd."
	if got := interviewWaveSentence(res); got != want {
		t.Errorf("got  %q\nwant %q", got, want)
	}
	for id, want := range map[string]string{"code_frequencies": "Codes (interviews van meting 2025)", "agreement": "Codes (interviews van meting 2025)", "scales": "Codes"} {
		if got := interviewWaveCaption(res, id, "Codes"); got != want {
			t.Errorf("caption of %s: %q, want %q", id, got, want)
		}
	}
	if got := source(res, "gecodeerde interviews", "coded interviews", "cooccurrence"); got != "Bron: gecodeerde interviews van meting 2025 (tabel cooccurrence)." {
		t.Errorf("source %q", got)
	}
	res.Language, res.EarlierInterviewed = "en", -1
	want = "The coding's tables and figures (codes, co-occurring codes, agreement between coders, partners, quotes, auto-coder, joint display) count the segments of the interviews' latest wave only (2025); 16 segments of earlier waves (2023: 1, 2024: 15) are not counted in them but in wave_codes (the codes per wave, for the study as a whole)."
	if got := interviewWaveSentence(res); got != want {
		t.Errorf("held, en: got  %q\nwant %q", got, want)
	}
	res.EarlierWaves = []results.Wave{{Wave: "2023", Segments: -1}, {Wave: "2024", Segments: -1}}
	want = "The coding's tables and figures (codes, co-occurring codes, agreement between coders, partners, quotes, auto-coder, joint display) count the segments of the interviews' latest wave only (2025); the segments of earlier waves (2023, 2024) are not counted in them but in wave_codes (the codes per wave, for the study as a whole)."
	if got := interviewWaveSentence(res); got != want {
		t.Errorf("segments held: got  %q\nwant %q", got, want)
	}
	res.EarlierWaves = []results.Wave{{Wave: "2023", Segments: 3}, {Wave: "2025", Segments: 2, Later: true}}
	res.InterviewWave = "2024"
	want = "The coding's tables and figures (codes, co-occurring codes, agreement between coders, partners, quotes, auto-coder, joint display) count the segments of the interviews' latest wave only (2024); 5 segments of other waves (2023: 3, 2025: 2) are not counted in them but in wave_codes (the codes per wave, for the study as a whole)."
	if got := interviewWaveSentence(res); got != want {
		t.Errorf("a later survey wave: got  %q\nwant %q", got, want)
	}
	if interviewWaveSentence(&results.Results{LatestWave: "2025"}) != "" || interviewWaveCaption(&results.Results{}, "code_frequencies", "Codes") != "Codes" {
		t.Error("a study whose interviews have no waves got an interview wave")
	}
}

package reports

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/samenspel/samenspel/pipeline/results"
)

// In a study of two or more waves the cross-sectional tables describe the latest wave
// only, while the sample paragraph counts every person once: the report says so, in
// the paragraph and in the captions (attack 11, F11: 382 respondents beside a sample
// table of 306, with nothing saying that 76 answered in 2024 only).

// latestWaveTables are the report's tables of the latest wave.
var latestWaveTables = map[string]bool{"sample": true, "scales": true, "items": true, "reliability": true, "comparisons": true}

// latestWaveSentence says which wave the tables describe, how many were surveyed in it
// (the sample's "all" row, where shown) and how many answered in an earlier wave only
// (where the people are not held back); empty in a study of one measurement.
func latestWaveSentence(res *results.Results) string {
	if res.LatestWave == "" {
		return ""
	}
	T := res.Text
	w := res.LatestWave
	if n, ok := latestSurveyed(res); ok {
		w += ": " + strconv.Itoa(n) + T(" ondervraagd", " surveyed")
	}
	s := T(fmt.Sprintf("De steekproeftabel en de tabellen en figuren van de vragenlijst (schalen, items, betrouwbaarheid, toetsen op schaalscores) beschrijven de laatste meting (%s)", w),
		fmt.Sprintf("The sample table and the survey's tables and figures (scales, items, reliability, tests of scale scores) describe the latest wave (%s)", w))
	switch {
	case res.EarlierOnly == 1:
		s += T("; 1 respondent deed alleen aan een eerdere meting mee en staat alleen in wave_scales en wave_comparisons",
			"; 1 respondent answered in an earlier wave only and is counted in wave_scales and wave_comparisons only")
	case res.EarlierOnly > 1:
		s += T(fmt.Sprintf("; %d respondenten deden alleen aan een eerdere meting mee en staan alleen in wave_scales en wave_comparisons", res.EarlierOnly),
			fmt.Sprintf("; %d respondents answered in an earlier wave only and are counted in wave_scales and wave_comparisons only", res.EarlierOnly))
	}
	return s + "."
}

// latestWaveCaption adds the wave to the caption of a table of the latest wave.
func latestWaveCaption(res *results.Results, id, caption string) string {
	if res.LatestWave == "" || !latestWaveTables[id] {
		return caption
	}
	return caption + res.Text(" (meting ", " (wave ") + res.LatestWave + ")"
}

// latestSurveyed is the surveyed of the sample's "all" row, when published.
func latestSurveyed(res *results.Results) (int, bool) {
	t := res.Table("sample")
	if t == nil {
		return 0, false
	}
	by, sv := t.Col("group_by"), t.Col("surveyed")
	if by < 0 || sv < 0 {
		return 0, false
	}
	for _, r := range t.Rows {
		if r[by] == "all" {
			n, ok := r[sv].(int)
			return n, ok
		}
	}
	return 0, false
}

// codingTables are the tables and figures that count segments: in a study whose
// interviews carry two or more waves they count the latest interview wave's only
// (results.Results.InterviewWave; attack 16, F05).
var codingTables = map[string]bool{
	"code_frequencies": true, "code_presence": true, "cooccurrence": true, "agreement": true,
	"agreement_auto": true, "disagreements": true, "partners": true, "partner_pairs": true,
	"quotes": true, "joint_display": true, "autocodings": true, "autocode_validation": true,
}

// interviewWaveSentence says which interview wave the coding tables count, how many
// segments of earlier waves they leave out (counted in wave_codes) and how many people
// were interviewed in an earlier wave only (where the people are not held back); empty unless the interviews carry two or more waves.
func interviewWaveSentence(res *results.Results) string {
	if res.InterviewWave == "" {
		return ""
	}
	T := res.Text
	total, held, later := 0, false, false
	var nl, en, waves []string
	for _, w := range res.EarlierWaves {
		total += w.Segments
		held = held || w.Segments < 0
		later = later || w.Later
		nl = append(nl, fmt.Sprintf("%s: %d", w.Wave, w.Segments))
		en = append(en, fmt.Sprintf("%s: %d", w.Wave, w.Segments))
		waves = append(waves, w.Wave)
	}
	s := T(fmt.Sprintf("De tabellen en figuren van de codering (codes, samen voorkomende codes, overeenstemming tussen codeurs, partners, citaten, autocodeur, gezamenlijke weergave) tellen alleen de fragmenten van de laatste meting van de interviews (%s)", res.InterviewWave),
		fmt.Sprintf("The coding's tables and figures (codes, co-occurring codes, agreement between coders, partners, quotes, auto-coder, joint display) count the segments of the interviews' latest wave only (%s)", res.InterviewWave))
	// Other waves are earlier ones, or with a survey's open answers after the interviews'
	// last wave, other ones.
	otherNL, otherEN := "eerdere", "earlier"
	if later {
		otherNL, otherEN = "andere", "other"
	}
	switch {
	case held:
		s += T(fmt.Sprintf("; de fragmenten van %s metingen (%s) tellen daarin niet mee, wel in wave_codes (de codes per meting, voor de studie als geheel)", otherNL, strings.Join(waves, ", ")),
			fmt.Sprintf("; the segments of %s waves (%s) are not counted in them but in wave_codes (the codes per wave, for the study as a whole)", otherEN, strings.Join(waves, ", ")))
	case total > 0:
		s += T(fmt.Sprintf("; %s van %s metingen (%s) tellen daarin niet mee, wel in wave_codes (de codes per meting, voor de studie als geheel)", plural(total, "fragment", "fragmenten"), otherNL, strings.Join(nl, ", ")),
			fmt.Sprintf("; %s of %s waves (%s) are not counted in them but in wave_codes (the codes per wave, for the study as a whole)", plural(total, "segment", "segments"), otherEN, strings.Join(en, ", ")))
	}
	switch {
	case res.EarlierInterviewed == 1:
		s += T("; 1 respondent is alleen in een eerdere meting geïnterviewd", "; 1 respondent was interviewed in an earlier wave only")
	case res.EarlierInterviewed > 1:
		s += T(fmt.Sprintf("; %d respondenten zijn alleen in een eerdere meting geïnterviewd", res.EarlierInterviewed),
			fmt.Sprintf("; %d respondents were interviewed in an earlier wave only", res.EarlierInterviewed))
	}
	return s + "."
}

// interviewWaveCaption adds the interview wave to the caption of a coding table.
func interviewWaveCaption(res *results.Results, id, caption string) string {
	if res.InterviewWave == "" || !codingTables[id] {
		return caption
	}
	return caption + res.Text(" (interviews van meting ", " (interviews of wave ") + res.InterviewWave + ")"
}

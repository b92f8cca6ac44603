package reports

import (
	"fmt"
	"strconv"

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

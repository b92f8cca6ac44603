package analysis

import (
	"math"
	"strings"

	"github.com/samenspel/samenspel/pipeline/results"
)

// answeredItems are the positions of the scale's items that at least one respondent of
// sa answered. An item no survey file holds (ingest warns, per file) has none; the
// scale's scores are then the mean of the other items (ScaleScore: at least half of the
// items answered), and the tables say from how many items they were computed: column
// items of reliability, and a note under the scales and reliability tables.
func answeredItems(sa *ScaleAnswers) []int {
	var on []int
	for j := range sa.Scale.Items {
		for _, row := range sa.Keyed {
			if !math.IsNaN(row[j]) {
				on = append(on, j)
				break
			}
		}
	}
	return on
}

// onlyItems is rows with only the columns at the given positions.
func onlyItems(rows [][]float64, on []int) [][]float64 {
	out := make([][]float64, len(rows))
	cells := make([]float64, len(rows)*len(on))
	for i, row := range rows {
		out[i] = cells[i*len(on) : (i+1)*len(on) : (i+1)*len(on)]
		for j, p := range on {
			out[i][j] = row[p]
		}
	}
	return out
}

// noteFewerItems notes, under the scales and reliability tables, that a scale was
// computed from fewer items than the codebook gives it, naming the items no one answered.
func noteFewerItems(in *Input, res *results.Results, sa *ScaleAnswers, on []int) {
	var absent []string
	j := 0
	for i, it := range sa.Scale.Items {
		if j < len(on) && on[j] == i {
			j++
			continue
		}
		absent = append(absent, it.ID)
	}
	list := strings.Join(absent, ", ")
	// In a study of waves these tables describe the latest wave only: "no one" is no one
	// of that wave (attack 14, F06: K1 was answered in 2024, only 2025 lacked it).
	who, whoEN := "niemand beantwoordde", "no one answered"
	if w := in.LatestWave(); w != "" {
		who, whoEN = sprintf("in meting %s, die deze tabellen beschrijven, beantwoordde niemand", w), sprintf("in wave %s, which these tables describe, no one answered", w)
	}
	nl, en := in.measureLabel(sa.Scale.ID, "nl"), in.measureLabel(sa.Scale.ID, "en")
	k := len(sa.Scale.Items)
	// A score needs half of the codebook's items (ScaleScore), alpha two: where the
	// answered items give neither, the note says so rather than "computed from 1 of its 4
	// items" over a table without scores (readers16).
	computed := [2]string{
		sprintf("%s: berekend uit %d van de %d items; %s %s (zie de waarschuwingen over de vragenlijsten).", nl, len(on), k, who, list),
		sprintf("%s: computed from %d of its %d items; %s %s (see the warnings about the survey files).", en, len(on), k, whoEN, list)}
	scales, reliability := computed, computed
	if 2*len(on) < k {
		scales = [2]string{
			sprintf("%s: geen schaalscores: een score vraagt ten minste de helft van de %d items, en %s; %s %s (zie de waarschuwingen over de vragenlijsten).", nl, k, answeredNL(len(on)), who, list),
			sprintf("%s: no scale scores: a score needs at least half of its %d items, and %s; %s %s (see the warnings about the survey files).", en, k, answeredEN(len(on)), whoEN, list)}
	}
	if len(on) < 2 {
		reliability = [2]string{
			sprintf("%s: de betrouwbaarheid is niet berekend: α vraagt ten minste 2 items, en %s; %s %s (zie de waarschuwingen over de vragenlijsten).", nl, answeredNL(len(on)), who, list),
			sprintf("%s: reliability is not computed: α needs at least 2 items, and %s; %s %s (see the warnings about the survey files).", en, answeredEN(len(on)), whoEN, list)}
	}
	res.Note("scales", scales[0], scales[1])
	res.Note("reliability", reliability[0], reliability[1])
}

// answeredNL and answeredEN say how many of a scale's items were answered: "alleen 1
// item is beantwoord", "only 2 items were answered".
func answeredNL(n int) string {
	if n == 1 {
		return "alleen 1 item is beantwoord"
	}
	return sprintf("alleen %d items zijn beantwoord", n)
}

func answeredEN(n int) string {
	if n == 1 {
		return "only 1 item was answered"
	}
	return sprintf("only %d items were answered", n)
}

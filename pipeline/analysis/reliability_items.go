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
	for _, topic := range []string{"scales", "reliability"} {
		res.Note(topic,
			sprintf("%s: berekend uit %d van de %d items; %s %s (zie de waarschuwingen over de vragenlijsten).", in.measureLabel(sa.Scale.ID, "nl"), len(on), len(sa.Scale.Items), who, list),
			sprintf("%s: computed from %d of its %d items; %s %s (see the warnings about the survey files).", in.measureLabel(sa.Scale.ID, "en"), len(on), len(sa.Scale.Items), whoEN, list))
	}
}

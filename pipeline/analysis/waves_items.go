package analysis

import (
	"math"
	"strings"

	"github.com/samenspel/samenspel/pipeline/results"
)

// waveItems makes a scale comparable across waves whose surveys asked it with other
// items (attack 14, F06: K1 left out of the 2025 questionnaire). A scale score is the
// mean of the items answered (ScaleScore), so a 2024 score over K1..K4 and a 2025 score
// over K2..K4 measure two instruments, and their difference is partly the item left
// out: a "change" no respondent made. The wave tables therefore compare a scale on the
// items answered in every wave (by at least one respondent of the wave): each row's
// score is ScaleScore of those items alone (at least half of them answered), in
// wave_scales and wave_comparisons alike; a note under wave_scales and the note column
// of every row of wave_comparisons say so, naming the items left out and the waves
// without them. One set for all waves, not one per pair, so that every row of the
// tables (and the Kruskal-Wallis test over all waves) is of one instrument. A scale
// whose waves share no answered item is not compared (comparable false): no rows, a
// note. An item answered in no wave (ingest warns per file) leaves the waves alike and
// the scores as they are; the cross-sectional tables keep every item (noteFewerItems).
//
// It returns sa itself and "" where every wave answered the same items.
func (in *Input) waveItems(sa *ScaleAnswers, waves []string, res *results.Results) (out *ScaleAnswers, note string, comparable bool) {
	index := make(map[string]int, len(waves))
	for i, w := range waves {
		index[w] = i
	}
	k := len(sa.Scale.Items)
	answered := make([][]bool, len(waves)) // wave -> item -> answered by someone
	for w := range answered {
		answered[w] = make([]bool, k)
	}
	for i, row := range sa.Keyed {
		w, ok := index[sa.Waves[i]]
		if !ok {
			continue
		}
		for j, v := range row {
			if !math.IsNaN(v) {
				answered[w][j] = true
			}
		}
	}
	var common []int
	var lacking []string // "K1 in 2025"
	for j, it := range sa.Scale.Items {
		var without []string
		some := false
		for w := range waves {
			if answered[w][j] {
				some = true
			} else {
				without = append(without, waves[w])
			}
		}
		switch {
		case len(without) == 0:
			common = append(common, j)
		case some:
			lacking = append(lacking, it.ID+" in "+strings.Join(without, ", "))
		}
	}
	if len(lacking) == 0 {
		return sa, "", true
	}
	label := func(lang string) string { return in.measureLabel(sa.Scale.ID, lang) }
	missing := strings.Join(lacking, ", ")
	if len(common) == 0 {
		for _, topic := range []string{"wave_scales", "wave_comparisons"} {
			res.Note(topic,
				sprintf("%s: niet vergeleken tussen metingen: geen item is in elke meting beantwoord (niet beantwoord in: %s).", label("nl"), missing),
				sprintf("%s: not compared across waves: no item was answered in every wave (not answered in: %s).", label("en"), missing))
		}
		return nil, "", false
	}
	ids := make([]string, len(common))
	for n, j := range common {
		ids[n] = sa.Scale.Items[j].ID
	}
	on := strings.Join(ids, ", ")
	// Under wave_scales only: the rows of wave_comparisons say it each.
	res.Note("wave_scales",
		sprintf("%s: in elke meting berekend uit %s, de items die in elke meting beantwoord zijn (niet beantwoord: %s); een verschil tussen metingen is zo een verschil op hetzelfde instrument.", label("nl"), on, missing),
		sprintf("%s: computed in every wave from %s, the items answered in every wave (not answered: %s); a difference between waves is thus one on the same instrument.", label("en"), on, missing))
	c := *sa
	c.Scores = make([]float64, len(sa.Scores))
	keyed := onlyItems(sa.Keyed, common)
	for i := range keyed {
		c.Scores[i] = ScaleScore(keyed[i])
	}
	note = pick(in.Language,
		sprintf("vergeleken op %s (niet beantwoord: %s)", on, missing),
		sprintf("compared on %s (not answered: %s)", on, missing))
	return &c, note, true
}

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
// items answered in every wave: each row's score is ScaleScore of those items alone
// (at least half of them answered), in
// wave_scales and wave_comparisons alike; a note under wave_scales and the note column
// of every row of wave_comparisons say so, naming the items left out and the waves
// without them. One set for all waves, not one per pair, so that every row of the
// tables (and the Kruskal-Wallis test over all waves) is of one instrument. A scale
// whose waves share no answered item is not compared (comparable false): no rows, a
// note. An item answered in no wave (ingest warns per file) leaves the waves alike and
// the scores as they are; the cross-sectional tables keep every item (noteFewerItems).
//
// An item is answered in a wave when at least half of the wave's respondents of the
// scale (those who answered any of its items) answered it (itemAnswered). Before, one
// answer sufficed (attack 15, F05): a wave that dropped K1 but kept one stray K1 answer
// (a test response, a pilot row left in the export) was compared on all four items,
// 2024's scores over K1..K4 against 2025's over K2..K4 for all but one respondent. An
// item that routing shows to fewer than half is not the same measurement in that wave
// either. The notes give each such item's count per wave ("K1 in 2025: 1 of 279").
//
// It returns sa itself and "" where every wave answered the same items.
func (in *Input) waveItems(sa *ScaleAnswers, waves []string, res *results.Results) (out *ScaleAnswers, note string, comparable bool) {
	index := make(map[string]int, len(waves))
	for i, w := range waves {
		index[w] = i
	}
	k := len(sa.Scale.Items)
	counts := make([][]int, len(waves)) // wave -> item -> respondents who answered it
	for w := range counts {
		counts[w] = make([]int, k)
	}
	scaled := make([]int, len(waves)) // wave -> respondents who answered any item
	for i, row := range sa.Keyed {
		w, ok := index[sa.Waves[i]]
		if !ok {
			continue
		}
		some := false
		for j, v := range row {
			if !math.IsNaN(v) {
				counts[w][j]++
				some = true
			}
		}
		if some {
			scaled[w]++
		}
	}
	var common []int
	var lackingNL, lackingEN []string // "K1 in 2025 (1 of 279)"
	for j, it := range sa.Scale.Items {
		var withoutNL, withoutEN []string
		some := false
		for w := range waves {
			if itemAnswered(counts[w][j], scaled[w]) {
				some = true
				continue
			}
			withoutNL = append(withoutNL, sprintf("%s (%d van %d)", waves[w], counts[w][j], scaled[w]))
			withoutEN = append(withoutEN, sprintf("%s (%d of %d)", waves[w], counts[w][j], scaled[w]))
		}
		switch {
		case len(withoutEN) == 0:
			common = append(common, j)
		case some:
			lackingNL = append(lackingNL, it.ID+" in "+strings.Join(withoutNL, ", "))
			lackingEN = append(lackingEN, it.ID+" in "+strings.Join(withoutEN, ", "))
		}
	}
	if len(lackingEN) == 0 {
		return sa, "", true
	}
	label := func(lang string) string { return in.measureLabel(sa.Scale.ID, lang) }
	missingNL, missingEN := strings.Join(lackingNL, "; "), strings.Join(lackingEN, "; ")
	if len(common) == 0 {
		for _, topic := range []string{"wave_scales", "wave_comparisons"} {
			res.Note(topic,
				sprintf("%s: niet vergeleken tussen metingen: geen item is in elke meting door minstens de helft van de respondenten beantwoord (niet zo: %s).", label("nl"), missingNL),
				sprintf("%s: not compared across waves: no item was answered by at least half of the respondents of every wave (not so: %s).", label("en"), missingEN))
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
		sprintf("%s: in elke meting berekend uit %s, de items die in elke meting minstens de helft van de respondenten beantwoordde (niet zo: %s); een verschil tussen metingen is zo een verschil op hetzelfde instrument.", label("nl"), on, missingNL),
		sprintf("%s: computed in every wave from %s, the items at least half of the respondents of every wave answered (not so: %s); a difference between waves is thus one on the same instrument.", label("en"), on, missingEN))
	c := *sa
	c.Scores = make([]float64, len(sa.Scores))
	keyed := onlyItems(sa.Keyed, common)
	for i := range keyed {
		c.Scores[i] = ScaleScore(keyed[i])
	}
	note = pick(in.Language,
		sprintf("vergeleken op %s, de items die in elke meting minstens de helft van de respondenten beantwoordde (niet zo: %s)", on, missingNL),
		sprintf("compared on %s, the items at least half of the respondents of every wave answered (not so: %s)", on, missingEN))
	return &c, note, true
}

// itemAnswered reports whether an item answered by n of a wave's scaled respondents
// (those who answered any item of the scale) is answered in that wave: by at least half
// of them (waveItems). A wave without respondents of the scale answered nothing.
func itemAnswered(n, scaled int) bool {
	return n > 0 && 2*n >= scaled
}

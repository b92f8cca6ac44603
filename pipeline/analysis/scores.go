package analysis

import (
	"math"
	"sort"

	"github.com/samenspel/samenspel/codebook"
	"github.com/samenspel/samenspel/pipeline/disclosure"
	"github.com/samenspel/samenspel/pipeline/protected"
)

// ScaleAnswers are the survey answers to one scale: one row per respondent who answered
// at least one of its items, with one column per item in the codebook's order. A
// respondent is (wave, pseudonym): a person measured in two waves has a row in each,
// under the same pseudonym, and rows are sorted by pseudonym, then wave.
type ScaleAnswers struct {
	Scale       codebook.Scale
	Respondents []string    // respondent pseudonyms, sorted
	Waves       []string    // the wave of each row; empty in a study of one measurement
	Asked       [][]float64 // the answers as asked, NaN where missing
	Keyed       [][]float64 // the answers with reverse-keyed items reversed, NaN where missing
	Scores      []float64   // the scale scores (ScaleScore of Keyed), NaN where missing

	respondents []*protected.Respondent // of each row; nil where the dataset lacks it
}

// Respondent returns the respondent of row i (its pseudonym, wave, role, municipality
// and attributes); nil for a row whose respondent the dataset does not list.
func (sa *ScaleAnswers) Respondent(i int) *protected.Respondent { return sa.respondents[i] }

// key is row i's respondent key (protected.Key).
func (sa *ScaleAnswers) key(i int) string { return protected.Key(sa.Respondents[i], sa.Waves[i]) }

// ScaleScore returns a respondent's score on a scale from the answers to its items,
// reverse-keyed items already reversed (NaN for a missing answer): the mean of the
// answered items when at least half of the items are answered, otherwise NaN (missing).
func ScaleScore(keyed []float64) float64 {
	sum, answered := 0.0, 0
	for _, v := range keyed {
		if !math.IsNaN(v) {
			sum += v
			answered++
		}
	}
	if answered == 0 || 2*answered < len(keyed) {
		return math.NaN()
	}
	return sum / float64(answered)
}

// SurveyScales collects the answers to every scale of the codebook, in the codebook's
// order, in one pass over the answers. An answer counts for the item its Item names
// (case- and accent-insensitively, as codebook.Item finds it). Reverse-keyed items are
// reversed here, once (Scale.Reversed), for Keyed and the scores; Asked keeps the answers
// as asked. A missing answer, a value that is not finite or lies outside the scale's
// answer values (readers reject those; this guards the statistics) is missing, and of two
// answers by one respondent (wave and pseudonym) to one item the first counts: answers in
// two waves are two respondents' answers and never overwrite each other.
//
// Prepare computes them once for every stage; after Prepare the result is shared and must
// not be changed.
func (in *Input) SurveyScales() []*ScaleAnswers {
	if in.surveyScales != nil {
		return in.surveyScales
	}
	return in.surveyScalesOnce()
}

func (in *Input) surveyScalesOnce() []*ScaleAnswers {
	if in.Codebook == nil {
		return nil
	}
	out := make([]*ScaleAnswers, len(in.Codebook.Scales))
	type slot struct{ scale, item int }
	slots := map[string]slot{} // folded item id -> position
	for si, s := range in.Codebook.Scales {
		out[si] = &ScaleAnswers{Scale: s}
		for ii, it := range s.Items {
			k := codebook.Fold(it.ID)
			if _, taken := slots[k]; !taken {
				slots[k] = slot{si, ii}
			}
		}
	}
	// Item names repeat across answers: fold each distinct name once.
	byName := map[string]slot{}
	unknown := map[string]bool{}
	// Most surveyed respondents answer every scale: size for them up front.
	hint := len(in.Data.Respondents)
	type rowKey struct{ respondent, wave string }
	rowOf := make([]map[rowKey]int, len(out))
	cells := make([][]float64, len(out)) // backing store for the rows of Asked
	for i, sa := range out {
		rowOf[i] = make(map[rowKey]int, hint)
		sa.Respondents = make([]string, 0, hint)
		sa.Waves = make([]string, 0, hint)
		sa.Asked = make([][]float64, 0, hint)
	}
	for _, a := range in.Data.Answers {
		sl, ok := byName[a.Item]
		if !ok {
			if unknown[a.Item] {
				continue
			}
			if sl, ok = slots[codebook.Fold(a.Item)]; !ok {
				unknown[a.Item] = true
				continue
			}
			byName[a.Item] = sl
		}
		sa := out[sl.scale]
		rk := rowKey{a.Respondent, a.Wave}
		row, seen := rowOf[sl.scale][rk]
		if !seen {
			row = len(sa.Respondents)
			rowOf[sl.scale][rk] = row
			sa.Respondents = append(sa.Respondents, a.Respondent)
			sa.Waves = append(sa.Waves, a.Wave)
			k := len(sa.Scale.Items)
			if len(cells[sl.scale]) < k {
				cells[sl.scale] = nanRow(k * 1024)
			}
			sa.Asked = append(sa.Asked, cells[sl.scale][:k:k])
			cells[sl.scale] = cells[sl.scale][k:]
		}
		if !math.IsNaN(sa.Asked[row][sl.item]) || a.Missing || !onScale(sa.Scale, a.Value) {
			continue
		}
		sa.Asked[row][sl.item] = a.Value
	}
	for _, sa := range out {
		sa.finish()
		sa.respondents = make([]*protected.Respondent, len(sa.Respondents))
		for i := range sa.Respondents {
			sa.respondents[i] = in.respondents[sa.key(i)]
		}
	}
	return out
}

// finish sorts the rows by respondent, drops respondents without a usable answer, and
// fills Keyed and Scores.
func (sa *ScaleAnswers) finish() {
	idx := make([]int, 0, len(sa.Respondents))
	for i, row := range sa.Asked {
		for _, v := range row {
			if !math.IsNaN(v) {
				idx = append(idx, i)
				break
			}
		}
	}
	sort.Slice(idx, func(a, b int) bool {
		if ra, rb := sa.Respondents[idx[a]], sa.Respondents[idx[b]]; ra != rb {
			return ra < rb
		}
		return sa.Waves[idx[a]] < sa.Waves[idx[b]]
	})
	ids := make([]string, len(idx))
	waves := make([]string, len(idx))
	asked := make([][]float64, len(idx))
	sa.Keyed = make([][]float64, len(idx))
	sa.Scores = make([]float64, len(idx))
	k := len(sa.Scale.Items)
	flat := make([]float64, len(idx)*k)
	for r, i := range idx {
		ids[r], waves[r], asked[r] = sa.Respondents[i], sa.Waves[i], sa.Asked[i]
		keyed := flat[r*k : (r+1)*k : (r+1)*k]
		for j, v := range asked[r] {
			if sa.Scale.Items[j].Reverse && !math.IsNaN(v) {
				v = sa.Scale.Reversed(v)
			}
			keyed[j] = v
		}
		sa.Keyed[r] = keyed
		sa.Scores[r] = ScaleScore(keyed)
	}
	sa.Respondents, sa.Waves, sa.Asked = ids, waves, asked
}

// ScaleScores returns the respondents' scores on a scale by respondent key
// (protected.Respondent.Key: the pseudonym, with the wave in a study of waves);
// respondents with a missing score are absent.
func (in *Input) ScaleScores(scale string) map[string]float64 {
	out := map[string]float64{}
	for _, sa := range in.SurveyScales() {
		if sa.Scale.ID != scale {
			continue
		}
		for i := range sa.Respondents {
			if !math.IsNaN(sa.Scores[i]) {
				out[sa.key(i)] = sa.Scores[i]
			}
		}
	}
	return out
}

// agreeFrom returns the scale's agree threshold, NaN when the codebook sets none.
func agreeFrom(s codebook.Scale) float64 {
	if s.AgreeFrom == 0 {
		return math.NaN()
	}
	return s.AgreeFrom
}

// onScale reports whether v is a finite value within the scale's answer values.
func onScale(s codebook.Scale, v float64) bool {
	if math.IsNaN(v) || math.IsInf(v, 0) {
		return false
	}
	if len(s.Answers) == 0 {
		return true
	}
	return v >= s.Min() && v <= s.Max()
}

func nanRow(k int) []float64 {
	row := make([]float64, k)
	for i := range row {
		row[i] = math.NaN()
	}
	return row
}

// scoreGroups splits the rows of a scale by a grouping attribute: group -> row indices
// into ScaleAnswers. For "all" every row is in group "all", which exists even when the
// scale has no answers (its row is then suppressed). Respondents that are not in
// the dataset's respondents or have no value for the attribute are left out; missing
// counts them.
func (in *Input) scoreGroups(sa *ScaleAnswers, by string) (groups map[string][]int, missing int) {
	groups = map[string][]int{}
	if by == "all" {
		groups["all"] = []int{}
	}
	for i := range sa.Respondents {
		if by == "all" {
			groups["all"] = append(groups["all"], i)
			continue
		}
		g, leftOut := in.groupOf(sa.Respondent(i), by, disclosure.Survey)
		if g == "" {
			if leftOut {
				missing++
			}
			continue
		}
		groups[g] = append(groups[g], i)
	}
	return groups, missing
}

// Surveyed returns the keys (protected.Respondent.Key) of the respondents with an answer,
// missing or not, to any item: a person surveyed in two waves is two respondents.
func (in *Input) Surveyed() map[string]bool {
	surveyed := map[string]bool{}
	for _, a := range in.Data.Answers {
		surveyed[protected.Key(a.Respondent, a.Wave)] = true
	}
	return surveyed
}

// Sampled returns the keys of the respondents interviewed or surveyed.
func (in *Input) Sampled() map[string]bool {
	surveyed := in.Surveyed()
	all := map[string]bool{}
	for _, r := range in.Data.Respondents {
		if in.Interviewed[r.Pseudonym] || surveyed[r.Key()] {
			all[r.Key()] = true
		}
	}
	return all
}

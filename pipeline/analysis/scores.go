package analysis

import (
	"cmp"
	"math"
	"runtime"
	"slices"
	"strings"
	"sync"

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
	resp        []int32                 // the respondent number of each row (groups.go), noRespondent where it lacks it
	rows        []int32                 // the survey row (protected.Survey) of each row
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
//
// In a study of two or more waves SurveyScales holds the latest wave only: a person
// measured twice is one respondent of each cross-sectional table (scales, items,
// reliability, comparisons, the sample, the joint display), never counted twice in one
// test; WaveScales holds every wave, for the comparison of waves.
func (in *Input) SurveyScales() []*ScaleAnswers {
	if in.currentScales != nil {
		return in.currentScales
	}
	return in.WaveScales()
}

// WaveScales is SurveyScales with the rows of every wave.
func (in *Input) WaveScales() []*ScaleAnswers {
	if in.surveyScales != nil {
		return in.surveyScales
	}
	return in.surveyScalesOnce()
}

// LatestWave is the wave the cross-sectional tables describe in a study of two or more
// waves; empty in a study of one measurement.
func (in *Input) LatestWave() string { return in.latestWave }

// current reports whether a respondent of the given wave belongs to the cross-section
// (see SurveyScales).
func (in *Input) current(wave string) bool { return in.latestWave == "" || wave == in.latestWave }

// only returns the scale's rows for which keep holds, in their order.
func (sa *ScaleAnswers) only(keep func(i int) bool) *ScaleAnswers {
	out := &ScaleAnswers{Scale: sa.Scale}
	for i := range sa.Respondents {
		if !keep(i) {
			continue
		}
		out.Respondents = append(out.Respondents, sa.Respondents[i])
		out.Waves = append(out.Waves, sa.Waves[i])
		out.Asked = append(out.Asked, sa.Asked[i])
		out.Keyed = append(out.Keyed, sa.Keyed[i])
		out.Scores = append(out.Scores, sa.Scores[i])
		if sa.respondents != nil {
			out.respondents = append(out.respondents, sa.respondents[i])
			out.resp = append(out.resp, sa.resp[i])
		}
		if sa.rows != nil {
			out.rows = append(out.rows, sa.rows[i])
		}
	}
	return out
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
	sv := &in.Data.Survey
	slotOf := func(item string) (slot, bool) {
		sl, ok := slots[codebook.Fold(item)]
		return sl, ok
	}
	// Each column and each extra answer belongs to one scale: list them per scale, so
	// that the scales are gathered side by side (below), each in the order of reading.
	type extra struct {
		row  int
		item int
		a    protected.Answer
	}
	colsOf := make([][]int, len(out))
	colItem := make([]int, len(sv.Items))
	for c, item := range sv.Items {
		if sl, ok := slotOf(item); ok {
			colsOf[sl.scale] = append(colsOf[sl.scale], c)
			colItem[c] = sl.item
		}
	}
	// Answers to cells that had one already come after every cell, as they came after
	// them in reading.
	extras := make([][]extra, len(out))
	if len(sv.Extra) > 0 {
		surveyRow := make(map[string]int, len(sv.Respondents))
		for r := range sv.Respondents {
			surveyRow[protected.Key(sv.Respondents[r], sv.Waves[r])] = r
		}
		for _, a := range sv.Extra {
			sl, ok := slotOf(a.Item)
			r, known := surveyRow[protected.Key(a.Respondent, a.Wave)]
			if !ok || !known {
				continue
			}
			extras[sl.scale] = append(extras[sl.scale], extra{r, sl.item, a})
		}
	}
	var rank, resp []int32
	var wg sync.WaitGroup
	wg.Go(func() { rank = surveyRanks(sv) })
	resp = in.surveyRowNumbers()
	wg.Wait()
	// The scales share nothing but the survey, which they read: on a national study
	// (100,000 respondents) gathering and sorting a scale takes a tenth of a second or
	// more, so they are gathered side by side, at most one per processor.
	sem := make(chan struct{}, runtime.GOMAXPROCS(0))
	for si := range out {
		sem <- struct{}{}
		wg.Go(func() {
			defer func() { <-sem }()
			gatherScale(out[si], sv, colsOf[si], colItem, func(yield func(r, item int, a protected.Answer)) {
				for _, x := range extras[si] {
					yield(x.row, x.item, x.a)
				}
			})
			out[si].finish(rank)
			out[si].resolve(in, resp)
		})
	}
	wg.Wait()
	return out
}

// gatherScale fills sa's rows from the survey's columns cols (colItem: each column's
// item position in the scale) and then from the extra answers, the first usable answer
// to a cell counting. Rows come in the order of the survey rows first answered.
func gatherScale(sa *ScaleAnswers, sv *protected.Survey, cols, colItem []int, extras func(yield func(r, item int, a protected.Answer))) {
	// Most surveyed respondents answer every scale: size for them up front. rowOf maps a
	// survey row to its row of the scale (-1: none yet).
	hint := len(sv.Respondents)
	rowOf := make([]int32, len(sv.Respondents))
	for r := range rowOf {
		rowOf[r] = -1
	}
	sa.Respondents = make([]string, 0, hint)
	sa.Waves = make([]string, 0, hint)
	sa.Asked = make([][]float64, 0, hint)
	var cells []float64 // backing store for the rows of Asked
	k := len(sa.Scale.Items)
	rowFor := func(r int) []float64 {
		if row := rowOf[r]; row >= 0 {
			return sa.Asked[row]
		}
		rowOf[r] = int32(len(sa.Respondents))
		sa.rows = append(sa.rows, int32(r))
		sa.Respondents = append(sa.Respondents, sv.Respondents[r])
		sa.Waves = append(sa.Waves, sv.Waves[r])
		if len(cells) < k {
			cells = nanRow(k * 1024)
		}
		sa.Asked = append(sa.Asked, cells[:k:k])
		cells = cells[k:]
		return sa.Asked[len(sa.Asked)-1]
	}
	sc := sa.Scale
	for _, c := range cols {
		col := &sv.Cols[c]
		item := colItem[c]
		usable := make([]bool, len(col.Entries))
		for i, e := range col.Entries {
			usable[i] = !e.Missing && onScale(sc, e.Value)
		}
		for r := 0; r < col.Len(); r++ {
			code := col.Code(r)
			if code == protected.NoAnswer {
				continue
			}
			row := rowFor(r)
			if usable[code] && math.IsNaN(row[item]) {
				row[item] = col.Entries[code].Value
			}
		}
	}
	extras(func(r, item int, a protected.Answer) {
		row := rowFor(r)
		if !a.Missing && onScale(sc, a.Value) && math.IsNaN(row[item]) {
			row[item] = a.Value
		}
	})
}

// surveyRanks returns each survey row's rank in the order of (pseudonym, wave), rows of
// the same pseudonym and wave sharing one: comparing ranks is comparing the rows' keys,
// so the scales sort their rows by the ranks, found by one sort of the survey, instead
// of comparing strings in every scale's sort.
func surveyRanks(sv *protected.Survey) []int32 {
	order := make([]int32, len(sv.Respondents))
	for i := range order {
		order[i] = int32(i)
	}
	cmpRows := func(a, b int32) int {
		if c := strings.Compare(sv.Respondents[a], sv.Respondents[b]); c != 0 {
			return c
		}
		return strings.Compare(sv.Waves[a], sv.Waves[b])
	}
	slices.SortFunc(order, cmpRows)
	rank := make([]int32, len(order))
	for i, r := range order {
		if i > 0 && cmpRows(order[i-1], r) == 0 {
			rank[r] = rank[order[i-1]]
		} else {
			rank[r] = int32(i)
		}
	}
	return rank
}

// surveyRespondents returns the respondent number of each survey row's key
// (noRespondent where the dataset lacks it).
func (in *Input) surveyRespondents() []int32 {
	sv := &in.Data.Survey
	out := make([]int32, len(sv.Respondents))
	for r := range out {
		out[r] = in.respondentNumber(protected.Key(sv.Respondents[r], sv.Waves[r]))
	}
	return out
}

// surveyNumbers are the respondent numbers of the survey's rows, found once.
type surveyNumbers struct {
	once sync.Once
	nums []int32
}

// surveyRowNumbers returns surveyRespondents, found once per Prepare and shared by the
// scales and surveyedByNumber (the sample and the disclosure decision's populations):
// each of them looked up every survey row's key among the respondents, three times
// 200,000 look-ups on twice the national study, in a map that outgrows the caches. The
// numbers must not be changed.
func (in *Input) surveyRowNumbers() []int32 {
	if in.surveyNums == nil { // not prepared (a test of one stage)
		return in.surveyRespondents()
	}
	in.surveyNums.once.Do(func() { in.surveyNums.nums = in.surveyRespondents() })
	return in.surveyNums.nums
}

// resolve finds the respondent of every row, from the respondent numbers of the survey
// rows (surveyRespondents).
func (sa *ScaleAnswers) resolve(in *Input, resp []int32) {
	sa.respondents = make([]*protected.Respondent, len(sa.Respondents))
	sa.resp = make([]int32, len(sa.Respondents))
	for i := range sa.Respondents {
		n := resp[sa.rows[i]]
		sa.resp[i] = n
		if n != noRespondent {
			sa.respondents[i] = &in.Data.Respondents[n]
		}
	}
}

// scalesKey identifies the survey and codebook that scales were gathered from: the
// survey's rows (their backing array, shared by copies of the dataset) and the codebook.
type scalesKey struct {
	rows     *string
	n        int
	codebook *codebook.Codebook
}

func scalesSource(in *Input) scalesKey {
	k := scalesKey{n: len(in.Data.Survey.Respondents), codebook: in.Codebook}
	if k.n > 0 {
		k.rows = &in.Data.Survey.Respondents[0]
	}
	return k
}

// refreshScales brings scales gathered before the disclosure decision renamed the
// pseudonyms (in place, in the survey's rows) up to date, instead of gathering them
// again: each row takes its survey row's pseudonym, and the rows are sorted again, as a
// new gathering would sort them. It reports false when there is nothing to refresh (no
// scales yet, or another survey or codebook).
func (in *Input) refreshScales() bool {
	k := scalesSource(in)
	if in.surveyScales == nil || k.rows == nil || k != in.scalesOf {
		return false
	}
	sv := &in.Data.Survey
	var rank []int32
	var wg sync.WaitGroup
	wg.Go(func() { rank = surveyRanks(sv) })
	resp := in.surveyRowNumbers()
	wg.Wait()
	// Side by side, as they were gathered (surveyScalesOnce).
	sem := make(chan struct{}, runtime.GOMAXPROCS(0))
	for _, sa := range in.surveyScales {
		sem <- struct{}{}
		wg.Go(func() {
			defer func() { <-sem }()
			sa.sortByRank(sv, rank)
			sa.resolve(in, resp)
		})
	}
	wg.Wait()
	return true
}

// sortByRank gives each row its survey row's (renamed) pseudonym and wave and sorts
// the rows by pseudonym, then wave: by the ranks of their survey rows (surveyRanks).
// The rows are sorted as (rank, row) pairs and every column is then put in that order
// once, instead of swapping six columns at every step of the sort; slices.SortFunc is
// sort.Sort's algorithm, so rows of equal rank end in the order sort.Sort gave them.
func (sa *ScaleAnswers) sortByRank(sv *protected.Survey, rank []int32) {
	byRank := make([]rankedRow, len(sa.rows))
	for i, r := range sa.rows {
		byRank[i] = rankedRow{rank[r], int32(i)}
	}
	slices.SortFunc(byRank, func(a, b rankedRow) int { return cmp.Compare(a.rank, b.rank) })
	asked, keyed := make([][]float64, len(byRank)), make([][]float64, len(byRank))
	scores, rows := make([]float64, len(byRank)), make([]int32, len(byRank))
	for k, x := range byRank {
		asked[k], keyed[k], scores[k], rows[k] = sa.Asked[x.i], sa.Keyed[x.i], sa.Scores[x.i], sa.rows[x.i]
		sa.Respondents[k], sa.Waves[k] = sv.Respondents[rows[k]], sv.Waves[rows[k]]
	}
	sa.Asked, sa.Keyed, sa.Scores, sa.rows = asked, keyed, scores, rows
}

// rankedRow is a scale's row and its survey row's rank, for finish's sort.
type rankedRow struct{ rank, i int32 }

// finish sorts the rows by respondent, drops respondents without a usable answer, and
// fills Keyed and Scores.
func (sa *ScaleAnswers) finish(rank []int32) {
	idx := make([]int, 0, len(sa.Respondents))
	for i, row := range sa.Asked {
		for _, v := range row {
			if !math.IsNaN(v) {
				idx = append(idx, i)
				break
			}
		}
	}
	// By pseudonym, then wave: by the ranks of the survey rows (surveyRanks). Each row's
	// rank is looked up once and sorted along with it (on a national study the lookups
	// of rank[rows[idx[i]]] in every comparison were most of the sort's time);
	// slices.SortFunc is sort.Slice's algorithm, so rows of equal rank keep the order
	// sort.Slice gave them.
	if !placeByRank(idx, sa.rows, rank) {
		byRank := make([]rankedRow, len(idx))
		for k, i := range idx {
			byRank[k] = rankedRow{rank[sa.rows[i]], int32(i)}
		}
		slices.SortFunc(byRank, func(a, b rankedRow) int { return cmp.Compare(a.rank, b.rank) })
		for k, x := range byRank {
			idx[k] = int(x.i)
		}
	}
	ids := make([]string, len(idx))
	waves := make([]string, len(idx))
	rows := make([]int32, len(idx))
	asked := make([][]float64, len(idx))
	sa.Keyed = make([][]float64, len(idx))
	sa.Scores = make([]float64, len(idx))
	// The rows' answers are copied into one array, in the rows' new order, the keyed
	// answers into another: gathered, a row's answers lay where its survey row came in
	// reading, and in the order of the pseudonyms (random to the reading) every stage that
	// reads a scale's rows in turn (an item's column, the reliability, the comparisons)
	// jumped about memory, the more so the larger the survey (twice the national study
	// took three times as long in finish, issue 16). What the rows hold is the same.
	k := len(sa.Scale.Items)
	flat := make([]float64, 2*len(idx)*k)
	askedFlat, keyedFlat := flat[:len(idx)*k], flat[len(idx)*k:]
	for r, i := range idx {
		ids[r], waves[r], rows[r] = sa.Respondents[i], sa.Waves[i], sa.rows[i]
		asked[r] = askedFlat[r*k : (r+1)*k : (r+1)*k]
		copy(asked[r], sa.Asked[i])
		keyed := keyedFlat[r*k : (r+1)*k : (r+1)*k]
		for j, v := range asked[r] {
			if sa.Scale.Items[j].Reverse && !math.IsNaN(v) {
				v = sa.Scale.Reversed(v)
			}
			keyed[j] = v
		}
		sa.Keyed[r] = keyed
		sa.Scores[r] = ScaleScore(keyed)
	}
	sa.Respondents, sa.Waves, sa.Asked, sa.rows = ids, waves, asked, rows
}

// placeByRank puts idx (rows of a scale) in the order of their survey rows' ranks when
// no two of them share a rank, and reports whether it did: the ranks are below the
// survey's number of rows, so each row is put in its rank's place and the places are
// read in order, one pass over the survey's rows instead of a sort (on twice the
// national study, 200,000 rows a scale, the sort was most of finish). Distinct ranks have
// one order, the sort's; rows that share a rank (one respondent's key twice in the
// survey) are left to finish's sort, whose order for them is sort.Slice's.
func placeByRank(idx []int, rows, rank []int32) bool {
	place := make([]int32, len(rank))
	for k := range place {
		place[k] = -1
	}
	for _, i := range idx {
		r := rank[rows[i]]
		if place[r] >= 0 {
			return false
		}
		place[r] = int32(i)
	}
	k := 0
	for _, i := range place {
		if i >= 0 {
			idx[k] = int(i)
			k++
		}
	}
	return true
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
		all := make([]int, len(sa.Respondents))
		for i := range all {
			all[i] = i
		}
		groups["all"] = all
		return groups, 0
	}
	gi := in.grouping(by, disclosure.Survey)
	// Counted first, so that every group's rows are cut from one array of the right
	// size rather than grown one append at a time.
	sizes := make([]int, len(gi.labels))
	total := 0
	for _, n := range sa.resp {
		if n != noRespondent {
			if k := gi.of[n]; k != noGroup && k != leftOutGroup {
				sizes[k]++
				total++
			}
		}
	}
	backing := make([]int, 0, total)
	rows := make([][]int, len(gi.labels))
	for k, size := range sizes {
		rows[k], backing = backing[:0:size], backing[size:size]
	}
	for i, n := range sa.resp {
		if n == noRespondent {
			continue
		}
		switch k := gi.of[n]; k {
		case noGroup:
		case leftOutGroup:
			missing++
		default:
			rows[k] = append(rows[k], i)
		}
	}
	for k, r := range rows {
		if len(r) > 0 {
			groups[gi.labels[k]] = r
		}
	}
	return groups, missing
}

// Surveyed returns the keys (protected.Respondent.Key) of the respondents with an answer,
// missing or not, to any item; in a study of waves, of the latest wave only (the
// cross-section, see SurveyScales).
func (in *Input) Surveyed() map[string]bool {
	sv := &in.Data.Survey
	surveyed := make(map[string]bool, len(sv.Respondents))
	for r, answered := range sv.AnsweredRows() {
		if answered && in.current(sv.Waves[r]) {
			surveyed[protected.Key(sv.Respondents[r], sv.Waves[r])] = true
		}
	}
	for _, a := range sv.Extra {
		if in.current(a.Wave) {
			surveyed[protected.Key(a.Respondent, a.Wave)] = true
		}
	}
	return surveyed
}

// Sampled returns the keys of the respondents interviewed or surveyed.
func (in *Input) Sampled() map[string]bool { return in.sampledFrom(in.Surveyed()) }

// sampledFrom is Sampled with the respondents Surveyed returns.
func (in *Input) sampledFrom(surveyed map[string]bool) map[string]bool {
	all := make(map[string]bool, len(in.Data.Respondents))
	in.eachSampled(surveyed, func(_ int32, key string) { all[key] = true })
	return all
}

// eachSampled calls f with the number and key of every respondent of Sampled, in the
// order of the dataset's respondents and then of the people interviewed only in an
// earlier wave; a key may come more than once.
func (in *Input) eachSampled(surveyed map[string]bool, f func(n int32, key string)) {
	// Without two waves every respondent is current: an interviewed person's respondents
	// are all counted by the first loop, so person is needed only with waves.
	var person map[string]bool // pseudonyms counted
	if in.latestWave != "" {
		person = map[string]bool{}
	}
	for i := range in.Data.Respondents {
		r := &in.Data.Respondents[i]
		key := r.Key()
		if surveyed[key] || in.Interviewed[r.Pseudonym] && in.current(r.Wave) {
			f(int32(i), key)
			if person != nil {
				person[r.Pseudonym] = true
			}
		}
	}
	if person == nil {
		return
	}
	// A person interviewed but not in the latest wave counts once, by their first
	// respondent (the one interview segments belong to).
	for p := range in.Interviewed {
		if n := in.respondentNumber(p); n != noRespondent && !person[p] {
			f(n, in.Data.Respondents[n].Key())
		}
	}
}

// sampledNumbers returns respondentNumbers(sampledFrom(surveyed)), without the set
// where every respondent's key is its own (then a respondent's number is its key's).
func (in *Input) sampledNumbers(surveyed map[string]bool) []int32 {
	if !in.uniqueKeys {
		return in.respondentNumbers(in.sampledFrom(surveyed))
	}
	seen := make([]bool, len(in.Data.Respondents))
	var out []int32
	in.eachSampled(surveyed, func(n int32, _ string) {
		if !seen[n] {
			seen[n] = true
			out = append(out, n)
		}
	})
	return out
}

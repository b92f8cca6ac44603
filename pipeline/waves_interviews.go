package pipeline

import (
	"slices"

	"github.com/samenspel/samenspel/pipeline/analysis"
	"github.com/samenspel/samenspel/pipeline/protected"
	"github.com/samenspel/samenspel/pipeline/results"
)

// Interviews in waves (attack 16, F05): study.yaml's interview entries may carry a
// wave (the interviews of 2024 and of 2025). The survey's cross-sectional tables describe
// the latest wave only, and so do the coding tables now: code frequencies, code
// presence, co-occurrence, agreement, partners, quotes, the auto-coder's tables and the
// joint display count the segments of the latest interview wave, and the report says
// how many segments of earlier waves they leave out. 0.11.0 pooled the segments of every
// wave in those tables while the summary and the report labelled them as the latest
// wave's, as they are for the survey.

// interviewWaves says which segments the coding tables count in a study whose
// interviews carry two or more waves.
type interviewWaves struct {
	latest  string         // the latest wave of the interviews; empty: nothing left out
	earlier []results.Wave // per other wave, first to last: the segments left out
}

// left reports whether the coding tables leave the segment out: it is of a wave, not
// the latest.
func (w interviewWaves) left(s *protected.Segment) bool {
	return w.latest != "" && s.Wave != "" && s.Wave != w.latest
}

// droppedIDs are the ids of the segments left out (ids as they are now: the disclosure
// decision may rename them).
func (w interviewWaves) droppedIDs(p *protected.Dataset) map[string]bool {
	ids := map[string]bool{}
	for i := range p.Segments {
		if w.left(&p.Segments[i]) {
			ids[p.Segments[i].ID] = true
		}
	}
	return ids
}

// findInterviewWaves finds the latest wave of the interviews (the segments that are no
// open answers) in the study's order of waves (orderWaves). With fewer than two
// interview waves nothing is left out: an open answer of an earlier survey wave is a
// segment of a study whose interviews have no waves, and the tables count it as before.
func findInterviewWaves(p *protected.Dataset, order []string) interviewWaves {
	var w interviewWaves
	seen := map[string]bool{}
	for i := range p.Segments {
		if s := &p.Segments[i]; !s.OpenAnswer && s.Wave != "" {
			seen[s.Wave] = true
		}
	}
	if len(seen) < 2 {
		return w
	}
	at := -1
	for i, wave := range order {
		if seen[wave] {
			at = i
		}
	}
	if at < 0 { // orderWaves lists every respondent's wave, a segment's among them
		return w
	}
	w.latest = order[at]
	count := map[string]int{}
	for i := range p.Segments {
		if s := &p.Segments[i]; w.left(s) {
			count[s.Wave]++
		}
	}
	for i, wave := range order {
		if n := count[wave]; n > 0 {
			// Later: open answers of a survey wave after the interviews' last.
			w.earlier = append(w.earlier, results.Wave{Wave: wave, Segments: n, Later: i > at})
		}
	}
	return w
}

// latestOnly returns the dataset the analysis gets: p with the segments of earlier waves
// and their codings left out (the respondents, the survey, the rejects and the files as
// they are). p itself is not changed; without interview waves it is p's copy.
func (w interviewWaves) latestOnly(p *protected.Dataset) protected.Dataset {
	if w.latest == "" {
		return *p
	}
	return only(p, func(s *protected.Segment) bool { return !w.left(s) })
}

// only returns p with the segments keep holds for and their codings (the codings of
// segments p does not list kept unless a left-out segment has their id).
func only(p *protected.Dataset, keep func(*protected.Segment) bool) protected.Dataset {
	cur := *p
	dropped := map[string]bool{}
	for i := range p.Segments {
		if !keep(&p.Segments[i]) {
			dropped[p.Segments[i].ID] = true
		}
	}
	number := make([]int32, len(p.Segments)) // old segment number -> new, -1 left out
	cur.Segments = make([]protected.Segment, 0, len(p.Segments))
	for i := range p.Segments {
		number[i] = -1
		if keep(&p.Segments[i]) {
			number[i] = int32(len(cur.Segments))
			cur.Segments = append(cur.Segments, p.Segments[i])
		}
	}
	numbered := len(p.CodingSegment) == len(p.Codings)
	cur.Codings = make([]protected.Coding, 0, len(p.Codings))
	cur.CodingSegment = nil
	if numbered {
		cur.CodingSegment = make([]int32, 0, len(p.Codings))
	}
	for i := range p.Codings {
		n := int32(-1) // the coding's segment number in cur
		if numbered && p.CodingSegment[i] >= 0 {
			if n = number[p.CodingSegment[i]]; n < 0 {
				continue
			}
		} else if dropped[p.Codings[i].Segment] { // a segment p does not list by number
			continue
		}
		cur.Codings = append(cur.Codings, p.Codings[i])
		if numbered {
			cur.CodingSegment = append(cur.CodingSegment, n)
		}
	}
	return cur
}

// latestCodings leaves out the codings (the suggestions the calibration held back) on
// segments of p's earlier waves.
func (w interviewWaves) latestCodings(cs []protected.Coding, p *protected.Dataset) []protected.Coding {
	if w.latest == "" {
		return cs
	}
	dropped := w.droppedIDs(p)
	return slices.DeleteFunc(slices.Clone(cs), func(c protected.Coding) bool { return dropped[c.Segment] })
}

// latestInterviewed are the interviewed of the latest wave (and of interviews without a
// wave): the people whose segments the coding tables count.
func (w interviewWaves) latestInterviewed(interviewed map[string]bool, cur *protected.Dataset) map[string]bool {
	if w.latest == "" {
		return interviewed
	}
	has := map[string]bool{}
	for i := range cur.Segments {
		if s := &cur.Segments[i]; !s.Interviewer && !s.OpenAnswer {
			has[s.Respondent] = true
		}
	}
	out := make(map[string]bool, len(has))
	for id := range interviewed {
		if has[id] {
			out[id] = true
		}
	}
	return out
}

// facts gives the report what it says of the interview waves: the latest, the segments
// of each earlier wave left out, and the people interviewed in an earlier wave only
// (neither interviewed nor surveyed in the latest wave; -1 where the report holds the
// people back, as latestWaveFacts does).
func (w interviewWaves) facts(res *results.Results, interviewed, latestInterviewed map[string]bool, p *protected.Dataset, latestSurvey string) {
	if w.latest == "" {
		return
	}
	res.InterviewWave, res.EarlierWaves = w.latest, w.earlier
	// Where the latest wave's sample is suppressed, the people of earlier waves only
	// would give it as the people in all less them,
	if res.CountsHeld || res.PeopleHeld || sampleHeld(res) {
		// and the segments of earlier waves would give the latest's as the analysis's
		// segments less them (a few strand's segments are held: enforce_few.go)
		res.EarlierInterviewed, res.EarlierOnly = -1, -1
		res.EarlierWaves = slices.Clone(w.earlier)
		for i := range res.EarlierWaves {
			res.EarlierWaves[i].Segments = -1
		}
		return
	}
	surveyed, before := map[string]bool{}, map[string]bool{}
	answered := p.Survey.AnsweredRows()
	for i, who := range p.Survey.Respondents {
		switch {
		case !answered[i]:
		case latestSurvey == "" || p.Survey.Waves[i] == latestSurvey:
			surveyed[who] = true
		default:
			before[who] = true
		}
	}
	for id := range interviewed {
		if !latestInterviewed[id] && !surveyed[id] {
			res.EarlierInterviewed++
		}
	}
	// Those who answered in an earlier wave only (latestWaveFacts) but were interviewed
	// in the latest are in the latest wave's tables.
	if res.EarlierOnly > 0 {
		res.EarlierOnly = 0
		for who := range before {
			if !surveyed[who] && !latestInterviewed[who] {
				res.EarlierOnly++
			}
		}
	}
}

// WaveCodesTable is the name of the per-wave code frequencies.
const WaveCodesTable = "wave_codes"

// waveCodes is the table `wave_codes`: code_frequencies' rows of the study as a whole
// (group_by "all") for every interview wave, with a column wave: per factor and code in
// the codebook's order, its waves first to last. The
// latest wave's rows are code_frequencies' own, copied from res (the latest wave's
// segments and the interviews without a wave), so that no difference of the two tables
// counts anything; an earlier wave's count its segments. Each wave is counted as the analysis counts the
// latest (the same coders, counting rule and auto-coder setting, the same smallest
// cell: a wave with fewer coded interviewees than min_cell is suppressed). Groups are
// left out: the disclosure decision is made for the latest wave's interviewees, and a
// group's count in an earlier wave could be small where the latest wave's is not. Nil
// without interview waves.
func (w interviewWaves) waveCodes(p *protected.Dataset, in *analysis.Input, interviewed map[string]bool, res *results.Results) *results.Table {
	latest := res.Table("code_frequencies")
	if w.latest == "" || latest == nil {
		return nil
	}
	cols := append([]results.Column{latest.Columns[0], latest.Columns[1], {Name: "wave", Kind: results.Text}}, latest.Columns[2:]...)
	out := results.NewTable(WaveCodesTable, cols...)
	add := func(t *results.Table, wave string) {
		by := t.Col("group_by")
		for _, r := range t.Rows {
			if r[by] == "all" {
				out.Add(append([]any{r[0], r[1], wave}, r[2:]...)...)
			}
		}
	}
	// The latest interview wave's rows are code_frequencies' own, copied, in their place
	// among the waves.
	latestAdded := false
	for _, e := range w.earlier {
		if e.Later && !latestAdded {
			add(latest, w.latest)
			latestAdded = true
		}
		data := only(p, func(s *protected.Segment) bool { return s.Wave == e.Wave })
		data.Survey = protected.Survey{} // the survey is none of this table's business
		of := &analysis.Input{
			Data: data, Codebook: in.Codebook, Language: in.Language, MinCell: in.MinCell,
			PrimaryCoder: in.PrimaryCoder, CountAuto: in.CountAuto, CountAutoUncoded: in.CountAutoUncoded,
			Seed: in.Seed, WaveOrder: in.WaveOrder,
		}
		of.Interviewed = w.latestInterviewed(interviewed, &data)
		of.Prepare()
		part := &results.Results{Language: in.Language, MinCell: in.MinCell}
		analysis.CodeFrequencies(of, part)
		if t := part.Table("code_frequencies"); t != nil {
			add(t, e.Wave)
		}
	}
	if !latestAdded {
		add(latest, w.latest)
	}
	// Each factor and code with its waves one after the other, in the codebook's order.
	rank := map[[2]any]int{}
	for _, r := range out.Rows {
		if _, ok := rank[[2]any{r[0], r[1]}]; !ok {
			rank[[2]any{r[0], r[1]}] = len(rank)
		}
	}
	slices.SortStableFunc(out.Rows, func(a, b []any) int { return rank[[2]any{a[0], a[1]}] - rank[[2]any{b[0], b[1]}] })
	return out
}

// sampleHeld reports whether the sample's "all" row is suppressed (or the sample not
// published): its number is then no one's to give.
func sampleHeld(res *results.Results) bool {
	t := res.Table("sample")
	if t == nil {
		return true
	}
	by, sup := t.Col("group_by"), t.Col("suppressed")
	for _, r := range t.Rows {
		if r[by] == "all" {
			return sup >= 0 && r[sup] == true
		}
	}
	return true
}

package analysis

import (
	"math"

	"github.com/samenspel/samenspel/pipeline/disclosure"
	"github.com/samenspel/samenspel/pipeline/protected"
)

// Populations are the sets of respondents that the tables count per group, by strand:
// of the interviews the interviewed, the respondents whose codings count
// (code_frequencies, quotes, code_presence) and those the chi-square tests count; of
// the survey the surveyed, and per scale the respondents with answers and with a score,
// and per item those who answered it; and the sample's respondents, of no strand. The
// disclosure decision holds a group small in a strand when it is small in any of the
// strand's populations.
// Prepare must have run.
func (in *Input) Populations() []disclosure.Population {
	iv, sv := disclosure.Interviews, disclosure.Survey
	all := disclosure.Population{Name: "respondents"}
	surveyed := disclosure.Population{Name: "surveyed", Strand: sv, Whole: true}
	if s, ok := in.surveyedByNumber(); ok { // the same members, by position
		all.Positions = s.sampled
		surveyed.Positions, surveyed.Members = s.surveyed, s.unknown
	} else {
		surveyed.Members = in.Surveyed()
		all.Members = in.sampledFrom(surveyed.Members)
	}
	pops := []disclosure.Population{
		all,
		{Name: "interviewed", Strand: iv, Members: in.Interviewed, Whole: true},
		surveyed,
		{Name: "coded", Strand: iv, Members: in.uses().coded, Whole: true},
	}
	mentioned := in.factorMentions().ids
	m := make(map[string]bool, len(mentioned))
	for _, id := range mentioned {
		m[id] = true
	}
	pops = append(pops, disclosure.Population{Name: "mentions", Strand: iv, Members: m, Whole: true})
	// A scale's populations are lists of positions in the dataset's respondents (rows are
	// distinct respondents): a map per item would take more memory than the survey
	// itself, and keys would be looked up again per grouping. A row whose respondent the
	// dataset does not list is a member by its key.
	// The respondent number of a row (ScaleAnswers.resp) is its position.
	for _, sa := range in.SurveyScales() {
		// Most rows are a dataset respondent's, with a score and every item answered:
		// the lists of positions are sized for that.
		n := len(sa.Respondents)
		rows := disclosure.Population{Positions: make([]int32, 0, n)}
		scored := disclosure.Population{Positions: make([]int32, 0, n)}
		answered := make([]disclosure.Population, len(sa.Scale.Items))
		for j := range answered {
			answered[j].Positions = make([]int32, 0, n)
		}
		add := func(p *disclosure.Population, i int, at int32, known bool) {
			if known {
				p.Positions = append(p.Positions, at)
			} else {
				p.List = append(p.List, sa.key(i))
			}
		}
		for i := range sa.Respondents {
			at := sa.resp[i]
			known := at != noRespondent
			add(&rows, i, at, known)
			if !math.IsNaN(sa.Scores[i]) {
				add(&scored, i, at, known)
			}
			for j, v := range sa.Asked[i] {
				if !math.IsNaN(v) {
					add(&answered[j], i, at, known)
				}
			}
		}
		rows.Name, scored.Name = "scale "+sa.Scale.ID, "scale score "+sa.Scale.ID
		rows.Strand, scored.Strand = sv, sv
		pops = append(pops, rows, scored)
		for j, it := range sa.Scale.Items {
			answered[j].Name, answered[j].Strand = "item "+it.ID, sv
			pops = append(pops, answered[j])
		}
	}
	return pops
}

// RowPopulations are the sets of respondents that respondent-level tables list: every
// respondent with a segment (review.qdpx), those with a coding that a table shows
// (code_presence and autocodings together), and those whose codings count
// (code_presence, quotes).
func (in *Input) RowPopulations() []disclosure.Population {
	owners, shown := map[string]bool{}, map[string]bool{}
	coded := in.uses().coded
	for id := range coded {
		shown[id] = true
	}
	for _, s := range in.Data.Segments {
		owners[s.Respondent] = true
	}
	x := in.ids
	for i := range in.Data.Codings {
		if c := &in.Data.Codings[i]; c.Coder == AutoCoder && c.Code != "" {
			// The coding's segment by number (Input.Segment without the lookup).
			if ref := x.seg[x.segOfCoding[i]]; ref != nil {
				shown[ref.segment.Respondent] = true
			}
		}
	}
	return []disclosure.Population{
		{Name: "with segments", Members: owners},
		{Name: "in code_presence or autocodings", Members: shown},
		{Name: "in code_presence", Members: coded},
	}
}

// Decide makes the disclosure decision from the input (the pipeline makes its own, with
// the study's rules, before renaming pseudonyms).
func (in *Input) Decide() {
	in.Disclosure = disclosure.Decide(disclosure.Input{
		Respondents: in.Data.Respondents, Groupings: in.Groups,
		PopulationsFrom: func() (pops, rows []disclosure.Population) { return in.Populations(), in.RowPopulations() },
	}, disclosure.Rules{MinCell: in.MinCell, SmallGroups: in.SmallGroups, Language: in.Language})
}

// groupOf returns the group a respondent counts in for a grouping, as the disclosure
// decision publishes it for the strand (disclosure.Interviews or disclosure.Survey; ""
// for the group both strands agree on, see disclosure.Decision.Common): the value itself, the pooled group's label, or "" when the
// respondent is in no group (suppressed, or without a value: leftOut). Without a
// decision (a test of one stage) it is the respondent's own value.
func (in *Input) groupOf(r *protected.Respondent, by, strand string) (g string, leftOut bool) {
	if r == nil {
		return "", false
	}
	if by == "all" {
		return "all", false
	}
	v := r.Attribute(by)
	if in.Disclosure == nil {
		return v, v == ""
	}
	label, st := in.Disclosure.Group(strand, by, v)
	if strand == "" {
		label, st = in.Disclosure.Common(by, v)
	}
	if st == disclosure.Shown && v == "" {
		return "", true
	}
	return label, false
}

// poolLabel is the label of a grouping's pooled group as the decision names it (never
// a real value's name, see disclosure.Rules.PoolLabelAmong; "" when nothing is pooled),
// or without a decision the default label.
func (in *Input) poolLabel(by string) string {
	if in.Disclosure == nil {
		return disclosure.Rules{Language: in.Language}.PoolLabel(by)
	}
	return in.Disclosure.PoolLabel(by)
}

// shows reports whether the strand's tables show a group label (always without a
// decision).
func (in *Input) shows(strand, by, label string) bool {
	return in.Disclosure == nil || in.Disclosure.Shows(strand, by, label)
}

// sameStrands reports whether both strands group alike (always without a decision).
func (in *Input) sameStrands(by string) bool {
	return in.Disclosure == nil || by == "all" || in.Disclosure.Same(by)
}

// view returns how respondent-level rows show a respondent: role and municipality as the
// decision allows.
func (in *Input) view(r *protected.Respondent) (role, municipality any) {
	if in.Disclosure == nil {
		// A table made outside a run (a test of one stage): no municipality in rows.
		return optText(r.Role), nil
	}
	v, ok := in.Disclosure.View(r.Pseudonym)
	if !ok {
		return nil, nil
	}
	return optText(v.Role), optText(v.Municipality)
}

func optText(s string) any {
	if s == "" {
		return nil
	}
	return s
}

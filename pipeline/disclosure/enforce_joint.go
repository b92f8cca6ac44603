package disclosure

import "github.com/samenspel/samenspel/pipeline/results"

// JointTable is the name of the joint display (pipeline/analysis.JointDisplay), whose
// rows hold both strands side by side.
const JointTable = "joint_display"

// OneSourceOnly is the joint display's meta-inference for a row that shows one source.
const OneSourceOnly = "one source only"

// The joint display's cells by strand.
var (
	jointSurvey     = []string{"n", "mean", "ci_low", "ci_high", "pct_agree"}
	jointInterviews = []string{"group_respondents", "facilitator_respondents", "facilitator_share",
		"barrier_respondents", "barrier_share", "top_codes"}
	jointQuotes = [][2]string{{"facilitator_quote", "facilitator_quote_by"}, {"barrier_quote", "barrier_quote_by"}}
)

// enforceJoint holds the joint display to the decision cell by cell, as its rows hold
// two strands: a group's survey cells stay only where the survey shows the group and
// its n is not small; its interview cells only where the interviews show the group,
// codes may be counted per group (CodeCounts) and group_respondents is not small; its
// quotes only with its interview cells, when respondent-level rows exist (not NoRows),
// show the grouping (the municipality only where MunicipalityInRows; no other grouping)
// and know the quoted pseudonym. A row left with neither strand is dropped (rows of
// "all" stay); a row that lost a strand gets the meta-inference "one source only", or
// none when neither strand is left with evidence, which is what the rule gives.
func (d *Decision) enforceJoint(t *results.Table) {
	col := func(name string) int { return t.Col(name) }
	by, grp, meta := col("group_by"), col("group"), col("meta_inference")
	if by < 0 || grp < 0 {
		t.Rows = t.Rows[:0]
		return
	}
	blank := func(r []any, names []string) (had bool) {
		for _, n := range names {
			if i := col(n); i >= 0 {
				had = had || r[i] != nil
				r[i] = nil
			}
		}
		return had
	}
	small := func(r []any, name string) bool {
		if i := col(name); i >= 0 {
			if n, ok := r[i].(int); ok && d.Rules.Small(n) {
				return true
			}
		}
		return false
	}
	kept := t.Rows[:0]
	for _, r := range t.Rows {
		b, _ := r[by].(string)
		g, _ := r[grp].(string)
		all := b == "all"
		changed := false
		if !all && !d.Shows(Survey, b, g) || small(r, "n") {
			changed = blank(r, jointSurvey) || changed
		}
		interviews := (all || d.Shows(Interviews, b, g) && d.CodeCounts(b, g)) && !small(r, "group_respondents")
		if !interviews {
			changed = blank(r, jointInterviews) || changed
		}
		for _, q := range jointQuotes {
			qi, pi := col(q[0]), col(q[1])
			if qi < 0 || pi < 0 {
				continue
			}
			p, _ := r[pi].(string)
			_, known := d.View(p)
			rowsShow := all || b == "municipality" && d.MunicipalityInRows
			if !interviews || d.NoRows || !rowsShow || !known {
				blank(r, q[:])
			}
		}
		if changed && meta >= 0 {
			survey := col("pct_agree") >= 0 && r[col("pct_agree")] != nil
			mentions := 0
			for _, n := range []string{"facilitator_respondents", "barrier_respondents"} {
				if i := col(n); i >= 0 {
					if k, ok := r[i].(int); ok {
						mentions += k
					}
				}
			}
			r[meta] = nil
			if survey != (mentions > 0) {
				r[meta] = OneSourceOnly
			}
		}
		if !all && noCells(r, jointSurvey, col) && noCells(r, jointInterviews, col) {
			continue
		}
		kept = append(kept, r)
	}
	t.Rows = kept
}

func noCells(r []any, names []string, col func(string) int) bool {
	for _, n := range names {
		if i := col(n); i >= 0 && r[i] != nil {
			return false
		}
	}
	return true
}

package disclosure

import (
	"sort"
	"strings"

	"github.com/samenspel/samenspel/pipeline/results"
)

// sizeColumns are the columns of grouped tables that count a group's respondents.
var sizeColumns = map[string]bool{"n": true, "group_respondents": true, "interviewed": true, "surveyed": true}

// Enforce is the final pass over every results table before any writer; the writers
// get only what passes it. It holds the tables to the decision, whatever the stage that
// made them:
//
//   - a grouped table (columns group_by and group) keeps a group's row only when the
//     decision shows that group (a shown group or the pool), the row is not marked
//     suppressed, and no count of the group's respondents in it is small; rows of
//     "all" stay;
//   - comparisons keep a test only over shown groups (group_by "role" or
//     "role: A vs B") and with an n that is not small;
//   - a table with a respondent column keeps only respondents the decision knows (none
//     when NoRows), and its role and municipality columns are set to what
//     respondent-level rows may show;
//   - a file made by another stage (review.qdpx) is dropped when NoRows.
//
// It then adds the table `disclosure` (every grouping's groups with their status, no
// counts) and a note naming the pooled and suppressed groups, and a note when
// respondent-level tables are left empty.
func (d *Decision) Enforce(res *results.Results) {
	for _, t := range res.Tables {
		if t.Col("group_by") >= 0 {
			d.enforceGrouped(t)
		}
		if t.Col("respondent") >= 0 {
			d.enforceRespondents(t)
		}
	}
	if d.NoRows {
		kept := res.Files[:0]
		for _, f := range res.Files {
			if !strings.HasSuffix(f.Path, ".qdpx") {
				kept = append(kept, f)
			}
		}
		res.Files = kept
	}
	res.Add(d.Table())
	d.note(res)
}

func (d *Decision) enforceGrouped(t *results.Table) {
	by, grp, sup := t.Col("group_by"), t.Col("group"), t.Col("suppressed")
	var sizes []int
	for i, c := range t.Columns {
		if sizeColumns[c.Name] || (t.Name == "sample" && c.Name == "respondents") {
			sizes = append(sizes, i)
		}
	}
	kept := t.Rows[:0]
	for _, r := range t.Rows {
		b, _ := r[by].(string)
		if b != "all" && !d.rowShown(b, r, grp, sup, sizes) {
			continue
		}
		kept = append(kept, r)
	}
	t.Rows = kept
}

func (d *Decision) rowShown(by string, r []any, grp, sup int, sizes []int) bool {
	if grp >= 0 {
		g, _ := r[grp].(string)
		if !d.Shows(by, g) {
			return false
		}
	} else if a, pair, ok := strings.Cut(by, ": "); ok {
		// A pairwise test, "role: A vs B".
		x, y, ok := strings.Cut(pair, " vs ")
		if !ok || !d.Shows(a, x) || !d.Shows(a, y) {
			return false
		}
	} else if d.Groupings[by] == nil {
		return false
	}
	if sup >= 0 {
		if s, _ := r[sup].(bool); s {
			return false
		}
	}
	for _, c := range sizes {
		if n, ok := r[c].(int); ok && d.Rules.Small(n) {
			return false
		}
	}
	return true
}

func (d *Decision) enforceRespondents(t *results.Table) {
	rc, role, mun := t.Col("respondent"), t.Col("role"), t.Col("municipality")
	kept := t.Rows[:0]
	for _, r := range t.Rows {
		p, _ := r[rc].(string)
		v, ok := d.View(p)
		if !ok || d.NoRows {
			continue
		}
		if role >= 0 {
			r[role] = optText(v.Role)
		}
		if mun >= 0 {
			r[mun] = optText(v.Municipality)
		}
		kept = append(kept, r)
	}
	t.Rows = kept
}

func optText(s string) any {
	if s == "" {
		return nil
	}
	return s
}

// Table is the table `disclosure`: for each grouping and group (by name, never with a
// count), whether it is shown, pooled (and into which row) or suppressed.
func (d *Decision) Table() *results.Table {
	t := results.NewTable("disclosure",
		results.Column{Name: "group_by", Kind: results.Text},
		results.Column{Name: "group", Kind: results.Text},
		results.Column{Name: "status", Kind: results.Text},
		results.Column{Name: "shown_as", Kind: results.Text})
	for _, by := range d.order() {
		g := d.Groupings[by]
		for _, v := range sortedValues(g) {
			label, st := d.Group(by, v)
			t.Add(by, v, st.String(), optText(label))
		}
	}
	return t
}

func (d *Decision) order() []string {
	var out []string
	for by := range d.Groupings {
		out = append(out, by)
	}
	sort.Strings(out)
	return out
}

func sortedValues(g *Grouping) []string {
	var out []string
	for v := range g.Status {
		if v != "" {
			out = append(out, v)
		}
	}
	sort.Strings(out)
	return out
}

// note names, per grouping, the groups pooled and the groups suppressed. A group's name
// identifies no person; its count is never given.
func (d *Decision) note(res *results.Results) {
	if d.NoRows {
		res.Note("sample",
			"Minder dan "+itoa(d.Rules.MinCell)+" geïnterviewden: tabellen per respondent (code_presence, quotes, autocodings) blijven leeg en review.qdpx is niet geschreven.",
			"Fewer than "+itoa(d.Rules.MinCell)+" interviewees: tables per respondent (code_presence, quotes, autocodings) are left empty and review.qdpx is not written.")
	}
	for _, by := range d.order() {
		g := d.Groupings[by]
		var pooled, hidden []string
		for _, v := range sortedValues(g) {
			switch g.Status[v] {
			case Pooled:
				pooled = append(pooled, v)
			case Suppressed:
				hidden = append(hidden, v)
			}
		}
		nl, en := attributeLabel(by)
		if len(pooled) > 0 {
			res.Note("sample",
				"Samengevoegd tot \""+g.Pool+"\" ("+nl+" met minder dan "+itoa(d.Rules.MinCell)+" respondenten, en zo veel andere als nodig om die te beschermen): "+strings.Join(pooled, ", ")+".",
				"Pooled into \""+g.Pool+"\" ("+en+" groups with fewer than "+itoa(d.Rules.MinCell)+" respondents, and as many others as it takes to protect them): "+strings.Join(pooled, ", ")+".")
		}
		if len(hidden) > 0 && len(hidden) == len(sortedValues(g)) {
			res.Note("sample",
				"Niet getoond: alle "+nl+", want samen minder dan "+itoa(d.Rules.MinCell)+" respondenten.",
				"Not shown: every "+en+" group, as together they have fewer than "+itoa(d.Rules.MinCell)+" respondents.")
		} else if len(hidden) > 0 {
			res.Note("sample",
				"Niet getoond ("+nl+" met minder dan "+itoa(d.Rules.MinCell)+" respondenten, of nodig om die te beschermen): "+strings.Join(hidden, ", ")+".",
				"Not shown ("+en+" groups with fewer than "+itoa(d.Rules.MinCell)+" respondents, or needed to protect those): "+strings.Join(hidden, ", ")+".")
		}
	}
}

func attributeLabel(by string) (nl, en string) {
	switch by {
	case "role":
		return "rollen", "role"
	case "municipality":
		return "gemeenten", "municipality"
	}
	return "groepen naar " + by, by
}

package disclosure

import (
	"sort"
	"strconv"
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
//   - interview tables count codes per group only where CodeCounts allows it, so
//     that respondent-level code profiles cannot be assigned to groups;
//   - a table with a respondent column keeps only respondents the decision knows (none
//     when NoRows), and its role and municipality columns are set to what
//     respondent-level rows may show;
//   - a file made by another stage (review.qdpx) is dropped when NoRows;
//   - when a strand is Few (its "all" rows are suppressed), the ungrouped tables of
//     the strand leave every count of its respondents and segments empty, and their
//     notes say so (enforce_few.go).
//
// It then adds the table `disclosure` (every grouping's groups with their status, no
// counts) and a note naming the pooled and suppressed groups, and a note when
// respondent-level tables are left empty.
func (d *Decision) Enforce(res *results.Results) {
	for _, t := range res.Tables {
		if t.Name == JointTable {
			d.enforceJoint(t) // two strands in one row: held cell by cell (enforce_joint.go)
			continue
		}
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
	d.enforceFew(res)
	res.Add(d.Table())
	d.note(res)
}

// strandOf says which strand's decision a table row follows: the interviews' for code
// frequencies and chi-square tests, the survey's for scales, items and the other tests,
// both for a table it does not know ("").
func strandOf(t *results.Table, r []any) string {
	switch t.Name {
	case "code_frequencies", "quotes", "code_presence", "partner_pairs":
		return Interviews
	case "scales", "items", "municipality_benchmark", "wave_scales", "wave_comparisons":
		return Survey
	case "comparisons":
		if i := t.Col("test"); i >= 0 && r[i] == "chi_square" {
			return Interviews
		}
		return Survey
	}
	return ""
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
		if b != "all" {
			if t.Name == "sample" && !d.sampleRow(t, r, b, grp) {
				continue
			}
			if t.Name != "sample" && !d.rowShown(strandOf(t, r), b, r, grp) {
				continue
			}
			if strandOf(t, r) == Interviews && !d.codeCountsShown(b, r, grp) {
				continue
			}
			if !d.sizesShown(r, sup, sizes) {
				continue
			}
		}
		kept = append(kept, r)
	}
	t.Rows = kept
}

// sampleRow holds a row of the sample to both strands: its interviewed are shown only
// for a group the interviews show, its surveyed only for one the survey shows, and its
// respondents only where both strands decided the grouping alike for every group that
// both hold respondents of.
func (d *Decision) sampleRow(t *results.Table, r []any, by string, grp int) bool {
	g, _ := r[grp].(string)
	si, ss := d.Shows(Interviews, by, g), d.Shows(Survey, by, g)
	if !si && !ss {
		return false
	}
	blank := func(col string, keep bool) {
		if i := t.Col(col); i >= 0 && !keep {
			r[i] = nil
		}
	}
	blank("interviewed", si)
	blank("surveyed", ss)
	blank("respondents", d.Same(by))
	return true
}

func (d *Decision) shows(strand, by, g string) bool {
	if strand == "" {
		return d.Shows(Interviews, by, g) && d.Shows(Survey, by, g)
	}
	return d.Shows(strand, by, g)
}

func (d *Decision) rowShown(strand, by string, r []any, grp int) bool {
	if grp >= 0 {
		g, _ := r[grp].(string)
		return d.shows(strand, by, g)
	}
	if a, pair, ok := strings.Cut(by, ": "); ok {
		// A pairwise test, "role: A vs B".
		x, y, ok := strings.Cut(pair, " vs ")
		return ok && d.shows(strand, a, x) && d.shows(strand, a, y)
	}
	return d.Groupings[Interviews][by] != nil
}

// codeCountsShown holds an interview row counting codes per group to CodeCounts.
func (d *Decision) codeCountsShown(by string, r []any, grp int) bool {
	if grp >= 0 {
		g, _ := r[grp].(string)
		return d.CodeCounts(by, g)
	}
	if a, pair, ok := strings.Cut(by, ": "); ok {
		x, y, _ := strings.Cut(pair, " vs ")
		return d.CodeCounts(a, x) && d.CodeCounts(a, y)
	}
	return d.CodeCounts(by, "")
}

func (d *Decision) sizesShown(r []any, sup int, sizes []int) bool {
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

// Table is the table `disclosure`: for each grouping, strand and group (by name,
// never with a count), whether it is shown, pooled (and into which row) or suppressed.
func (d *Decision) Table() *results.Table {
	t := results.NewTable("disclosure",
		results.Column{Name: "group_by", Kind: results.Text},
		results.Column{Name: "strand", Kind: results.Text},
		results.Column{Name: "group", Kind: results.Text},
		results.Column{Name: "status", Kind: results.Text},
		results.Column{Name: "shown_as", Kind: results.Text})
	for _, by := range d.order() {
		for _, strand := range Strands {
			g := d.Groupings[strand][by]
			unnamed := map[[2]string]int{} // status, shown as: the groups not named
			for _, v := range sortedValues(g) {
				label, st := d.Group(strand, by, v)
				if !NamesGroups(by) && g.size[v] == 0 {
					// No one of the strand (of its latest wave) holds it: shown there,
					// its name would tell which values the other strand or an earlier
					// wave pools ("non-binair" beside the survey's "(2 groepen)": an
					// attack on 0.12's disclosure table).
					continue
				}
				if !NamesGroups(by) && (st == Pooled || st == Suppressed) {
					unnamed[[2]string{st.String(), label}]++
					continue
				}
				t.Add(by, strand, v, st.String(), optText(label))
			}
			for _, k := range sortedPairs(unnamed) {
				t.Add(by, strand, d.Rules.GroupsCount(unnamed[k]), k[0], optText(k[1]))
			}
			// The respondents without a value, where they are pooled or hidden: the
			// pool's readers must not take it for the named groups alone (attack 11, F6).
			if st := g.Status[""]; st == Pooled || st == Suppressed {
				label, _ := d.Group(strand, by, "")
				t.Add(by, strand, d.Rules.NoValueLabel(by), st.String(), optText(label))
			}
		}
	}
	return t
}

func (d *Decision) order() []string {
	var out []string
	for by := range d.Groupings[Interviews] {
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
	if !d.NoRows {
		d.noteCodeCounts(res)
	}
	for _, by := range d.order() {
		same := d.Same(by)
		for _, strand := range Strands {
			if same && strand != Strands[0] {
				break
			}
			nl, en := "", ""
			if !same {
				nl, en = map[string]string{Interviews: "Interviews: ", Survey: "Enquête: "}[strand], map[string]string{Interviews: "Interviews: ", Survey: "Survey: "}[strand]
			}
			d.noteStrand(res, d.Groupings[strand][by], nl, en)
		}
	}
}

// noteCodeCounts says which codes are not counted per group, and why (CodeCounts).
func (d *Decision) noteCodeCounts(res *results.Results) {
	if g := d.Groupings[Interviews]["municipality"]; g != nil && len(g.Status) > 0 && !d.MunicipalityInRows {
		res.Note("code_frequencies",
			"Codes zijn niet per gemeente geteld: de tabellen per respondent tonen de gemeente niet, omdat een cel rol x gemeente kleiner is dan "+itoa(d.Rules.MinCell)+", en met tellingen per gemeente zouden de codeprofielen van de respondenten (code_presence, quotes, autocodings) aan gemeenten toe te wijzen zijn.",
			"Codes are not counted per municipality: the tables per respondent do not show the municipality, as some role x municipality cell has fewer than "+itoa(d.Rules.MinCell)+" respondents, and counts per municipality would let the respondents' code profiles (code_presence, quotes, autocodings) be assigned to municipalities.")
	}
	if len(d.Neutral) > 0 {
		res.Note("code_frequencies",
			"Codes zijn niet geteld voor de rollen die de tabellen per respondent niet tonen, noch in een toets over de rollen: zo zijn de codeprofielen van die respondenten niet aan een rol toe te wijzen.",
			"Codes are not counted for the roles that the tables per respondent do not show, nor in a test over the roles, so that those respondents' code profiles cannot be assigned to a role.")
	}
	for _, by := range d.order() {
		if by == "role" || by == "municipality" || len(d.Groupings[Interviews][by].Status) == 0 {
			continue
		}
		res.Note("code_frequencies",
			"Codes zijn niet per "+by+" geteld: de tabellen per respondent tonen die niet, en met tellingen per groep zouden de codeprofielen van de respondenten aan groepen toe te wijzen zijn.",
			"Codes are not counted per "+by+": the tables per respondent do not show it, and counts per group would let the respondents' code profiles be assigned to groups.")
	}
}

func (d *Decision) noteStrand(res *results.Results, g *Grouping, nlPrefix, enPrefix string) {
	var pooled, hidden []string
	for _, v := range sortedValues(g) {
		switch g.Status[v] {
		case Pooled:
			pooled = append(pooled, v)
		case Suppressed:
			hidden = append(hidden, v)
		}
	}
	// The respondents without a value are named too, in the study's language, where they
	// are pooled or hidden (NoValueLabel).
	allHidden := len(hidden) > 0 && len(hidden) == len(sortedValues(g))
	switch g.Status[""] {
	case Pooled:
		pooled = append(pooled, d.Rules.NoValueLabel(g.By))
	case Suppressed:
		hidden = append(hidden, d.Rules.NoValueLabel(g.By))
	}
	pooledNL, pooledEN, hiddenNL, hiddenEN := pooled, pooled, hidden, hidden
	if !NamesGroups(g.By) {
		// A value of gender, living situation or origin is no municipality: a pooled
		// group's name tells that the study has someone so, among few (pooled_values.go).
		pooledNL, pooledEN = countedGroups(pooled, g.Status[""] == Pooled)
		hiddenNL, hiddenEN = countedGroups(hidden, g.Status[""] == Suppressed)
	}
	nl, en := attributeLabel(g.By)
	mc := itoa(d.Rules.MinCell)
	if len(pooled) > 0 {
		res.Note("sample",
			nlPrefix+"Samengevoegd tot \""+g.Pool+"\" ("+nl+" met minder dan "+mc+" respondenten, en zo veel andere als nodig om die te beschermen): "+strings.Join(pooledNL, ", ")+".",
			enPrefix+"Pooled into \""+g.Pool+"\" ("+en+" groups with fewer than "+mc+" respondents, and as many others as it takes to protect them): "+strings.Join(pooledEN, ", ")+".")
	}
	if allHidden {
		res.Note("sample",
			nlPrefix+"Niet getoond: alle "+nl+", want samen minder dan "+mc+" respondenten.",
			enPrefix+"Not shown: every "+en+" group, as together they have fewer than "+mc+" respondents.")
	} else if len(hidden) > 0 {
		res.Note("sample",
			nlPrefix+"Niet getoond ("+nl+" met minder dan "+mc+" respondenten, of nodig om die te beschermen): "+strings.Join(hiddenNL, ", ")+".",
			enPrefix+"Not shown ("+en+" groups with fewer than "+mc+" respondents, or needed to protect those): "+strings.Join(hiddenEN, ", ")+".")
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

func itoa(n int) string { return strconv.Itoa(n) }

package disclosure

import "github.com/samenspel/samenspel/pipeline/learn"

// fewCounts attacks the ungrouped tables of a strand (strandCounts) whose total the
// outputs hold back: when code_frequencies' "all" rows are suppressed, the
// interviewees (or the coded among them) are fewer than min_cell, and a table that
// still counts them gives a number below min_cell: the learned validation's folds
// (one per coded respondent when there are fewer than learn.DefaultFolds, so folds is
// their number), or a count of respondents (cooccurrence, partners; the largest is a
// lower bound of the hidden total, and reported as such). A reliability n below
// min_cell is a finding whatever the totals: it counts the respondents of a scale; so
// is the manifest's number of respondents in all.
func (a *attacker) fewCounts() {
	a.report("all: respondents (manifest counts)", float64(a.p.Respondents), []string{"manifest.json"})
	hidden := false
	if t := a.p.table("code_frequencies"); t != nil {
		for _, r := range t.rows {
			if t.get(r, "group_by") == "all" && t.get(r, "suppressed") == "true" {
				hidden = true
			}
		}
	}
	for _, name := range sortedKeys(strandTables()) {
		t := a.p.table(name)
		if t == nil {
			continue
		}
		sc := strandCounts[name]
		if sc.strand == Interviews && !hidden {
			continue
		}
		for _, r := range t.rows {
			for _, c := range sc.cols {
				n, ok := t.count(r, c)
				if !ok {
					continue
				}
				switch {
				case c == "folds" && n < learn.DefaultFolds:
					a.report("interviews: coded respondents (folds of "+name+")", float64(n), []string{name, "code_frequencies"})
				case c == "respondents" && sc.strand == Interviews:
					a.report("interviews: respondents (at least, "+name+" while the total is suppressed)", float64(n), []string{name, "code_frequencies"})
				case (c == "n" || c == "scored") && sc.strand == Survey:
					a.report("survey: respondents of a scale ("+name+" "+t.get(r, "scale")+" "+t.get(r, "item")+")", float64(n), []string{name})
				}
			}
		}
	}
}

func strandTables() map[string]bool {
	m := map[string]bool{}
	for name := range strandCounts {
		m[name] = true
	}
	return m
}

package main

import (
	"strings"

	"github.com/samenspel/samenspel/pipeline"
	"github.com/samenspel/samenspel/pipeline/results"
)

// publishedGroups lists a grouping's groups as the published sample table (tables/
// sample.csv, after the disclosure decision and its final pass) gives them: a pooled
// group as its pool, a hidden group not at all, and per group either its respondents or,
// where the two strands group differently, its interviewed and surveyed as each strand
// shows them. The summary is often pasted into a methods section; counting the
// respondents per group afresh would undo the decision (a total minus the shown groups
// gives a pooled group, and the people over both strands minus the surveyed give a pooled
// group's interviewed: attack 11, F1). ok is false when the table has no such rows.
func publishedGroups(u *ui, res *results.Results, grouping string) (line string, ok bool) {
	if res == nil {
		return "", false
	}
	t := res.Table("sample")
	if t == nil {
		return "", false
	}
	by, group, resp, iv, sv := t.Col("group_by"), t.Col("group"), t.Col("respondents"), t.Col("interviewed"), t.Col("surveyed")
	if by < 0 || group < 0 || resp < 0 || iv < 0 || sv < 0 {
		return "", false
	}
	var parts []string
	for _, row := range t.Rows {
		if row[by] != grouping {
			continue
		}
		name := results.FormatCell(row[group])
		if name == "" {
			name = "?"
		}
		switch n, i, s := results.FormatCell(row[resp]), results.FormatCell(row[iv]), results.FormatCell(row[sv]); {
		case n != "":
			parts = append(parts, name+" "+n)
		case i != "" && s != "":
			parts = append(parts, u.s("%s %s interviewed/%s surveyed", name, i, s))
		case i != "":
			parts = append(parts, u.s("%s %s interviewed", name, i))
		case s != "":
			parts = append(parts, u.s("%s %s surveyed", name, s))
		default:
			parts = append(parts, u.s("%s (not shown)", name))
		}
	}
	if len(parts) == 0 {
		return "", false
	}
	return strings.Join(parts, ", "), true
}

// inputsPublishedOtherwise reports whether the outputs list the inputs otherwise than
// the summary does, per file (pipeline publishedInputs: files of one entry summed, group
// values out of the names), so that the summary says its lines are not for publication.
func inputsPublishedOtherwise(o *pipeline.Outcome) bool {
	if o.Results == nil {
		return false
	}
	files := o.Summary.Files
	if len(o.Results.Inputs) != len(files) {
		return true
	}
	for i, in := range o.Results.Inputs {
		if in.Path != files[i].Path || in.Sheet != files[i].Sheet {
			return true
		}
	}
	return false
}

package pipeline

import "github.com/samenspel/samenspel/pipeline/results"

// hideSuppressedGroups removes from every grouped table (columns group_by, group and
// suppressed) the rows of suppressed groups, so that a municipality or role with fewer
// respondents than min_cell appears nowhere as its own group, not even by name. Rows of
// the group "all" stay, with empty statistics, when the whole study is too small. The
// report's notes say how many groups were not shown.
func hideSuppressedGroups(res *results.Results) {
	for _, t := range res.Tables {
		by, sup := t.Col("group_by"), t.Col("suppressed")
		if by < 0 || sup < 0 || t.Col("group") < 0 {
			continue
		}
		kept := t.Rows[:0]
		for _, r := range t.Rows {
			if s, _ := r[sup].(bool); s && r[by] != "all" {
				continue
			}
			kept = append(kept, r)
		}
		t.Rows = kept
	}
}

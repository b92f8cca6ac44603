package disclosure

// jointCounts are the counts of groups that the joins publish: the table, the column,
// and the population it counts ("score " + the scale in scaleCol, or pop).
var jointCounts = []struct{ table, col, pop, scaleCol string }{
	{JointTable, "n", "", "scale"},
	{JointTable, "group_respondents", "coded", ""},
	{"partner_pairs", "group_respondents", "coded", ""},
	{"municipality_benchmark", "n", "", "scale"},
}

// jointRows adds the joint display's quoted respondents to the respondent-level rows:
// a quote in a municipality's row ties its pseudonym to the municipality.
func jointRows(t *table, get func(string) *person, set func(*person, string, string), sources map[string]bool) {
	if t == nil {
		return
	}
	for _, r := range t.rows {
		for _, c := range []string{"facilitator_quote_by", "barrier_quote_by"} {
			id := t.get(r, c)
			if id == "" {
				continue
			}
			sources[JointTable] = true
			p := get(id)
			if t.get(r, "group_by") == "municipality" {
				set(p, "municipality", t.get(r, "group"))
			}
		}
	}
}

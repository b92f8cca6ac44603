package disclosure

import (
	"fmt"
	"strings"
	"testing"

	"github.com/samenspel/samenspel/pipeline/results"
)

// The joint display is held cell by cell: a strand the decision does not show for a
// group loses its cells, the row's meta-inference follows, and a group neither strand
// shows loses its row.
func TestEnforceJoint(t *testing.T) {
	// Interviews: Citadel is small, so it and the next smallest, Aardam, are hidden;
	// survey: Bergdorp is small, so it and Aardam are hidden.
	ivResp, iv := people("jongerenwerker/Aardam=10", "jongerenwerker/Bergdorp=10", "jongerenwerker/Citadel=2", "jongerenwerker/Duinwijk=10")
	svResp, sv := people("wijkagent/Aardam=10", "wijkagent/Bergdorp=2", "wijkagent/Citadel=20", "wijkagent/Duinwijk=10")
	resp := append(ivResp, svResp...)
	d := Decide(Input{Respondents: resp, Populations: []Population{{Name: "surveyed", Strand: Survey, Members: sv}, {Name: "interviewed", Strand: Interviews, Members: iv}},
		Rows: []Population{{Name: "rows", Members: iv}}}, Rules{SmallGroups: Suppress})
	cols := []string{"factor", "scale", "group_by", "group", "n", "mean", "ci_low", "ci_high", "pct_agree", "group_respondents",
		"facilitator_respondents", "facilitator_share", "barrier_respondents", "barrier_share", "top_codes",
		"facilitator_quote", "facilitator_quote_by", "barrier_quote", "barrier_quote_by", "meta_inference"}
	var rc []results.Column
	for _, c := range cols {
		rc = append(rc, results.Column{Name: c})
	}
	tab := results.NewTable(JointTable, rc...)
	row := func(g string, n, groupResp int, meta string) {
		by := "municipality"
		if g == "all" {
			by = "all"
		}
		tab.Add("kennen", "kennen", by, g, n, 3.5, 3.0, 4.0, 0.6, groupResp, 6, 0.6, 2, 0.2, "kennen.a", "Een citaat.", "JO-01", "Een ander citaat.", "XX-99", "convergent")
	}
	row("all", 42, 32, "convergent")
	row("Aardam", 10, 10, "convergent")   // hidden in both strands: dropped
	row("Bergdorp", 10, 10, "convergent") // interviews shown; the survey hides it
	row("Citadel", 20, 10, "convergent")  // survey shown; the interviews hide it
	row("Duinwijk", 10, 10, "convergent") // both shown
	row("Zeeveen", 20, 20, "convergent")  // nobody's: dropped
	res := &results.Results{Tables: []*results.Table{tab}}
	d.Enforce(res)
	var got []string
	for _, r := range tab.Rows {
		got = append(got, fmt.Sprint(r))
	}
	t.Log(strings.Join(got, "\n"))
	if len(tab.Rows) != 4 {
		t.Fatalf("%d rows, want all, Bergdorp, Citadel, Duinwijk", len(tab.Rows))
	}
	c := func(r []any, name string) any { return r[tab.Col(name)] }
	all, bergdorp, citadel, duinwijk := tab.Rows[0], tab.Rows[1], tab.Rows[2], tab.Rows[3]
	// XX-99 is no pseudonym of this decision: its quote goes; JO-01's stays.
	if c(all, "meta_inference") != "convergent" || c(all, "facilitator_quote_by") != "JO-01" || c(all, "barrier_quote_by") != nil || c(all, "barrier_quote") != nil {
		t.Errorf("all: %v", all)
	}
	if c(bergdorp, "n") != nil || c(bergdorp, "pct_agree") != nil || c(bergdorp, "group_respondents") != 10 || c(bergdorp, "meta_inference") != OneSourceOnly {
		t.Errorf("Bergdorp: %v", bergdorp)
	}
	if c(citadel, "n") != 20 || c(citadel, "group_respondents") != nil || c(citadel, "top_codes") != nil || c(citadel, "facilitator_quote") != nil || c(citadel, "meta_inference") != OneSourceOnly {
		t.Errorf("Citadel: %v", citadel)
	}
	if c(duinwijk, "n") != 10 || c(duinwijk, "group_respondents") != 10 || c(duinwijk, "facilitator_quote_by") != "JO-01" || c(duinwijk, "meta_inference") != "convergent" {
		t.Errorf("Duinwijk: %v", duinwijk)
	}
	// A row of a small n, whatever the decision said, loses that strand.
	tab.Rows = nil
	row("Duinwijk", 4, 10, "convergent")
	d.Enforce(&results.Results{Tables: []*results.Table{tab}})
	if len(tab.Rows) != 1 || c(tab.Rows[0], "n") != nil || c(tab.Rows[0], "meta_inference") != OneSourceOnly {
		t.Errorf("a small n: %v", tab.Rows)
	}
}

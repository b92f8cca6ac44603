package analysis

import (
	"testing"

	"github.com/samenspel/samenspel/pipeline/disclosure"
	"github.com/samenspel/samenspel/pipeline/protected"
)

// The group index of every grouping and strand gives each respondent the group that
// groupOf gives it, before a decision (the respondents' own values, a missing value
// left out), under one (small municipalities pooled or suppressed), and again after
// the decision is replaced: the index is made per decision, never kept from another.
func TestGroupIndexIsGroupOf(t *testing.T) {
	roles := []string{"jw", "jw", "jw", "jw", "jw", "wt", "wt", "wt", "wt", "wt", "wt", "ag"}
	muns := []string{"A", "A", "A", "A", "A", "A", "B", "B", "B", "B", "B", ""}
	codes := make([][]string, len(roles))
	for i := range codes {
		codes[i] = []string{"kennen.a"}
	}
	in := &Input{Data: dataset(roles, muns, codes), Codebook: testCodebook(t), Groups: []string{"role", "municipality"}, MinCell: 5}
	in.Prepare()
	check := func(when string) {
		t.Helper()
		for _, by := range in.GroupBys() {
			for _, strand := range []string{disclosure.Interviews, disclosure.Survey, ""} {
				gi := in.grouping(by, strand)
				groups := map[string]bool{}
				for i := range in.Data.Respondents {
					r := &in.Data.Respondents[i]
					wantG, wantOut := in.groupOf(r, by, strand)
					g, out := gi.group(in.respondentNumber(r.Key()))
					if g != wantG || out != wantOut {
						t.Errorf("%s: %s by %s (%q): index (%q, %v), groupOf (%q, %v)", when, r.Pseudonym, by, strand, g, out, wantG, wantOut)
					}
					if g != "" {
						groups[g] = true
					}
				}
				if len(groups) != len(gi.labels) {
					t.Errorf("%s: by %s (%q): labels %v, groups %v", when, by, strand, gi.labels, groups)
				}
			}
		}
		if g, out := in.grouping("role", disclosure.Interviews).group(noRespondent); g != "" || out {
			t.Errorf("%s: an unknown respondent is in group (%q, %v)", when, g, out)
		}
	}
	check("no decision")
	if g, out := in.grouping("municipality", "").group(in.respondentNumber("P-12")); g != "" || !out {
		t.Errorf("no decision: a respondent without a municipality is (%q, %v), want left out", g, out)
	}
	in.Decide()
	check("decision")
	// With a larger minimum every group of a grouping is small: another decision.
	in.MinCell = 7
	in.Decide()
	check("second decision")
	if g, _ := in.grouping("municipality", disclosure.Interviews).group(in.respondentNumber("P-01")); g == "A" {
		t.Errorf("second decision: municipality A (6 respondents, min 7) still shown on its own")
	}
}

// Respondent numbers: a key finds its respondent, a bare pseudonym the person's first
// respondent in a study of waves, and an unknown id none.
func TestRespondentNumbers(t *testing.T) {
	in := &Input{Data: protected.Dataset{Respondents: []protected.Respondent{
		{Pseudonym: "JW-01", Wave: "1"}, {Pseudonym: "JW-01", Wave: "2"}, {Pseudonym: "JW-02", Wave: "2"},
	}}}
	in.Prepare()
	for id, want := range map[string]int32{
		protected.Key("JW-01", "2"): 1, "JW-01": 0, "JW-02": 2, "JW-03": noRespondent,
	} {
		if got := in.respondentNumber(id); got != want {
			t.Errorf("respondentNumber(%q) = %d, want %d", id, got, want)
		}
	}
	if got := in.respondentNumbers(map[string]bool{"JW-01": true, protected.Key("JW-01", "1"): true, "JW-09": true}); len(got) != 2 {
		t.Errorf("respondentNumbers: %v, want two entries (a key and a bare pseudonym of one respondent are two ids)", got)
	}
}

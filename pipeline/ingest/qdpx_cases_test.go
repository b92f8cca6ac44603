package ingest

import (
	"errors"
	"strings"
	"testing"

	"github.com/samenspel/samenspel/pipeline/refiqda"
)

// A source in a municipality Case and a person Case is the person's where the
// respondents table or name_pattern says which, and otherwise an error naming both Cases;
// the municipality Case is then no respondent (attack 13, qdpx-source-two-cases).
func TestCaseRespondents(t *testing.T) {
	const g1, g2 = "11111111-1111-1111-1111-111111111111", "22222222-2222-2222-2222-222222222222"
	sc := sourceCases{}
	sc.add(g1, "Bergdorp")
	sc.add(g1, "JW01")
	sc.add(g2, "Bergdorp")
	sc.add(g2, "JW02")
	sc.add(g2, "JW02") // a Case that refers to its source twice is one Case
	p := &refiqda.Project{TextSources: []refiqda.TextSource{{GUID: g1, Name: "Interview 1"}, {GUID: g2, Name: "Interview 2"}}}
	np, _ := compileNamePattern("{role}{nr}")
	for _, c := range []struct {
		what  string
		opt   Options
		np    *namePattern
		fails bool
	}{
		{"by the respondents table", Options{Known: map[string]bool{"JW01": true, "JW02": true}}, nil, false},
		{"by name_pattern", Options{}, np, false},
		{"not stated", Options{}, nil, true},
		{"the table lists both Cases", Options{Known: map[string]bool{"JW01": true, "JW02": true, "Bergdorp": true}}, nil, true},
	} {
		r := qdpxReader{path: "p.qdpx", opt: c.opt, p: p}
		resp, grouping, err := r.caseRespondents(sc, c.np)
		if c.fails {
			if !errors.Is(err, ErrAmbiguousRespondent) || !strings.Contains(err.Error(), `"Interview 1" belongs to the Cases "Bergdorp", "JW01"`) {
				t.Errorf("%s: %v; want the source and its Cases named", c.what, err)
			}
			continue
		}
		if err != nil || resp[g1] != "JW01" || resp[g2] != "JW02" || !grouping["Bergdorp"] || grouping["JW01"] || len(grouping) != 1 {
			t.Errorf("%s: %v %v %v", c.what, resp, grouping, err)
		}
	}
}

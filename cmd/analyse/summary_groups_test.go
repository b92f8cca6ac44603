package main

import (
	"testing"

	"github.com/samenspel/samenspel/pipeline/results"
)

// The summary's group line is the published sample table, pooled and per strand, never
// a count of its own (attack 11, F1: Bergdorp 12 next to "Overige gemeenten 14").
func TestPublishedGroupsFollowSample(t *testing.T) {
	res := &results.Results{}
	s := results.NewTable("sample",
		results.Column{Name: "group_by"}, results.Column{Name: "group"}, results.Column{Name: "respondents", Kind: results.Int},
		results.Column{Name: "suppressed", Kind: results.Bool}, results.Column{Name: "interviewed", Kind: results.Int}, results.Column{Name: "surveyed", Kind: results.Int})
	s.Add("all", "all", 74, false, 14, 60)
	s.Add("municipality", "Aardam", nil, false, nil, 20)
	s.Add("municipality", "Bergdorp", nil, false, 6, 20)
	s.Add("municipality", "Overige gemeenten", nil, false, 8, nil)
	s.Add("municipality", "Weg", nil, true, nil, nil)
	s.Add("role", "wijkagent", 30, false, 0, 30)
	res.Add(s)
	u := uiIn("en", true)
	got, ok := publishedGroups(u, res, "municipality")
	want := "Aardam 20 surveyed, Bergdorp 6 interviewed/20 surveyed, Overige gemeenten 8 interviewed, Weg (not shown)"
	if !ok || got != want {
		t.Errorf("municipality: got %q, want %q", got, want)
	}
	if got, ok := publishedGroups(u, res, "role"); !ok || got != "wijkagent 30" {
		t.Errorf("role: %q", got)
	}
	if _, ok := publishedGroups(u, res, "wijk"); ok {
		t.Error("a grouping the sample table does not have gave a line")
	}
}

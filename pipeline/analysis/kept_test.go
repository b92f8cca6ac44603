package analysis_test

import (
	"fmt"
	"maps"
	"testing"

	"github.com/samenspel/samenspel/pipeline"
	"github.com/samenspel/samenspel/pipeline/analysis"
	"github.com/samenspel/samenspel/pipeline/protected"
	"github.com/samenspel/samenspel/pipeline/results"
	"github.com/samenspel/samenspel/pipeline/synth"
)

// TestKeepPreparedAndByNumber checks, on a synthetic study with a survey, that Run
// gives the same tables and notes after KeepPrepared as after preparing again, and that
// surveyedByNumber gives the members of Surveyed and Sampled, with a surveyed key that
// names no respondent added.
func TestKeepPreparedAndByNumber(t *testing.T) {
	c := synth.DefaultConfig()
	c.Respondents, c.Segments, c.Coders, c.Municipalities = 300, 600, 2, 6
	dir := t.TempDir()
	if _, err := synth.Write(dir, c, synth.Progress{}); err != nil {
		t.Fatal(err)
	}
	s, err := pipeline.LoadStudy(dir)
	if err != nil {
		t.Fatal(err)
	}
	out, err := pipeline.Execute(s, "test")
	if err != nil {
		t.Fatal(err)
	}
	newInput := func(d protected.Dataset) *analysis.Input {
		in := &analysis.Input{Data: d, Codebook: out.Codebook, Language: s.Language, Groups: s.Groups,
			MinCell: s.Privacy.MinCell, Seed: s.Seed, BootstrapSamples: 200}
		in.Prepare()
		in.Decide()
		return in
	}
	run := func(keep bool) *results.Results {
		in := newInput(out.Data)
		if keep {
			in.KeepPrepared()
		}
		res := &results.Results{Language: s.Language, MinCell: s.Privacy.MinCell}
		analysis.Run(in, res)
		return res
	}
	a, b := run(true), run(false)
	if len(a.Tables) != len(b.Tables) || len(a.Tables) < 10 {
		t.Fatalf("%d and %d tables", len(a.Tables), len(b.Tables))
	}
	for i := range a.Tables {
		if x, y := fmt.Sprint(a.Tables[i].Rows), fmt.Sprint(b.Tables[i].Rows); x != y {
			t.Errorf("table %s differs kept:\n%.600s\nprepared again:\n%.600s", a.Tables[i].Name, x, y)
		}
	}
	if fmt.Sprint(a.Notes) != fmt.Sprint(b.Notes) {
		t.Errorf("notes differ")
	}

	d := out.Data
	d.Survey.Extra = append(d.Survey.Extra[:len(d.Survey.Extra):len(d.Survey.Extra)],
		protected.Answer{Respondent: "nobody-listed", Item: "x", Value: 1})
	in := newInput(d)
	surveyed, sampled, unknown, ok := analysis.SurveyedByNumber(in)
	if !ok {
		t.Fatal("the study without waves is not taken by number")
	}
	keys := func(nums []int32) map[string]bool {
		m := map[string]bool{}
		for _, n := range nums {
			m[in.Data.Respondents[n].Key()] = true
		}
		return m
	}
	got := keys(surveyed)
	maps.Copy(got, unknown)
	if want := in.Surveyed(); !maps.Equal(got, want) || len(want) < 100 || !want["nobody-listed"] || !unknown["nobody-listed"] {
		t.Errorf("surveyed by number: %d keys (%d unknown), Surveyed: %d", len(got), len(unknown), len(want))
	}
	if got, want := keys(sampled), in.Sampled(); !maps.Equal(got, want) || len(got) != len(sampled) {
		t.Errorf("sampled by number: %d keys of %d numbers, Sampled: %d", len(got), len(sampled), len(want))
	}
}

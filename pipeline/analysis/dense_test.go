package analysis_test

import (
	"fmt"
	"testing"

	"github.com/samenspel/samenspel/pipeline"
	"github.com/samenspel/samenspel/pipeline/analysis"
	"github.com/samenspel/samenspel/pipeline/protected"
	"github.com/samenspel/samenspel/pipeline/results"
	"github.com/samenspel/samenspel/pipeline/synth"
)

// TestCodingSegmentAsIDs checks that the analysis gives the same tables whether it
// numbers the segments by the protect stage's positions (protected.Dataset.
// CodingSegment) or by their ids, on a synthetic study of three coders with a survey,
// with codings of segments the dataset does not list added (one named like a listed
// segment).
func TestCodingSegmentAsIDs(t *testing.T) {
	c := synth.DefaultConfig()
	c.Respondents, c.Segments, c.Coders, c.Municipalities = 300, 600, 3, 6
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
	d := out.Data
	if len(d.CodingSegment) != len(d.Codings) {
		t.Fatalf("the protect stage numbered %d of %d codings", len(d.CodingSegment), len(d.Codings))
	}
	for i, n := range d.CodingSegment {
		if n < 0 || d.Segments[n].ID != d.Codings[i].Segment {
			t.Fatalf("coding %d of segment %q numbered %d", i, d.Codings[i].Segment, n)
		}
	}
	// Codings of unlisted segments: one named like segment 3 (the protect stage would
	// leave its number -1 only if the export named it so), one of an unknown id.
	d.Codings = append(d.Codings,
		protected.Coding{Segment: d.Segments[3].ID, Code: d.Codings[0].Code, Coder: d.Codings[0].Coder},
		protected.Coding{Segment: "unknown/1", Code: d.Codings[0].Code, Coder: d.Codings[0].Coder})
	d.CodingSegment = append(d.CodingSegment, -1, -1)
	run := func(data protected.Dataset) *results.Results {
		in := &analysis.Input{Data: data, Codebook: out.Codebook, Language: s.Language, Groups: s.Groups,
			MinCell: s.Privacy.MinCell, Seed: s.Seed, BootstrapSamples: 200}
		in.Prepare()
		in.Decide()
		res := &results.Results{Language: s.Language, MinCell: s.Privacy.MinCell}
		analysis.Run(in, res)
		return res
	}
	byIDs := d
	byIDs.CodingSegment = nil
	a, b := run(d), run(byIDs)
	if len(a.Tables) != len(b.Tables) || len(a.Tables) < 10 {
		t.Fatalf("%d and %d tables", len(a.Tables), len(b.Tables))
	}
	for i := range a.Tables {
		if x, y := fmt.Sprint(a.Tables[i].Rows), fmt.Sprint(b.Tables[i].Rows); x != y {
			t.Errorf("table %s differs by numbers:\n%.600s\nby ids:\n%.600s", a.Tables[i].Name, x, y)
		}
	}
	if fmt.Sprint(a.Notes) != fmt.Sprint(b.Notes) {
		t.Errorf("notes differ")
	}
}

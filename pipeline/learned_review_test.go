package pipeline

import (
	"archive/zip"
	"bytes"
	"encoding/csv"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/samenspel/samenspel/pipeline/analysis"
	"github.com/samenspel/samenspel/pipeline/ingest"
	"github.com/samenspel/samenspel/pipeline/model"
	"github.com/samenspel/samenspel/pipeline/protected"
	"github.com/samenspel/samenspel/pipeline/refiqda"
)

// TestMatchReviewsCountsOnce: a suggestion reviewed in two files counts once, with the
// verdict of the file listed last; a verdict on a segment a person has coded since is
// left out (that segment counts as human coding); a selection whose GUID a QDA tool
// renewed is found by its text. Every line left out is a reject with its reason.
func TestMatchReviewsCountsOnce(t *testing.T) {
	p := &protected.Dataset{
		Segments: []protected.Segment{{ID: "JW-01/001", Text: "een"}, {ID: "JW-01/002", Text: "twee"}, {ID: "JW-01/003", Text: "drie"}},
		Codings: []protected.Coding{
			{Segment: "JW-01/001", Code: "a", Coder: "Anouk"},
			{Segment: "JW-01/001", Code: "a", Coder: analysis.AutoCoder, Rule: "r1"},
			{Segment: "JW-01/002", Code: "a", Coder: analysis.AutoCoder, Rule: analysis.LearnedRule},
			{Segment: "JW-01/003", Code: "a", Coder: analysis.AutoCoder, Rule: analysis.LearnedRule},
			{Segment: "JW-01/003", Code: "b", Coder: analysis.AutoCoder, Rule: "r2"},
		},
	}
	g := func(id string) string { return refiqda.NormalGUID(refiqda.GUID("segment", id)) }
	first := reviewFile{path: "r1.qdpx", list: []ingest.ReviewedSuggestion{
		{Selection: g("JW-01/001"), Code: "a", Source: "dictionary", Accepted: true},
		{Selection: g("JW-01/002"), Code: "a", Source: "learned", Accepted: true},
		{Selection: g("JW-01/003"), Code: "b", Source: "dictionary", Accepted: false},
		{Selection: "renewed-guid", Text: "drie", Code: "a", Source: "learned", Accepted: false},
	}}
	second := reviewFile{path: "r2.qdpx", list: []ingest.ReviewedSuggestion{
		{Selection: g("JW-01/002"), Code: "a", Source: "learned", Accepted: true},
		{Selection: g("JW-01/003"), Code: "b", Source: "dictionary", Accepted: true},
		{Selection: "elsewhere", Text: "vier", Code: "a", Source: "learned", Accepted: true},
	}}
	m := matchReviews(p, []reviewFile{first, second, second}, func(s string) string { return s })
	want := []analysis.ReviewVerdict{
		{Segment: "JW-01/002", Code: "a", Source: "learned", Accepted: true},
		{Segment: "JW-01/003", Code: "a", Source: "learned", Accepted: false},
		{Segment: "JW-01/003", Code: "b", Source: "dictionary", Accepted: true},
	}
	checkVerdicts(t, m.verdicts, want)
	if fmt.Sprint(m.accepted) != "[3 2 2]" {
		t.Errorf("accepted per file %v, want [3 2 2]", m.accepted)
	}
	var rejects []string
	for _, r := range m.rejects {
		rejects = append(rejects, r.File+"|"+r.Value+"|"+r.Reason)
	}
	wantRejects := []string{
		"r1.qdpx|a | dictionary|" + reasonHumanCoded,
		"r2.qdpx|a | learned|" + reasonNoSegment,
		"r2.qdpx|a | learned|" + reasonNoSegment,
	}
	if strings.Join(rejects, "\n") != strings.Join(wantRejects, "\n") {
		t.Errorf("rejects\n%s\nwant\n%s", strings.Join(rejects, "\n"), strings.Join(wantRejects, "\n"))
	}
	all := fmt.Sprint(m.warnings)
	for _, w := range []string{"r1.qdpx: 1 of 4 reviewed suggestion(s) left out", "r2.qdpx: 1 suggestion(s) were reviewed before with the other verdict", "r2.qdpx: 1 of 3 reviewed suggestion(s) left out"} {
		if !strings.Contains(all, w) {
			t.Errorf("no warning %q in\n%s", w, all)
		}
	}
}

// TestMatchReviewsOnlyRunSuggestions: the Descriptions are trusted only as far as the run
// agrees. On a segment where the run made a dictionary suggestion of a, a "learned" line
// for a does not replace its verdict; a line for a code the run did not suggest there, a
// code not in the codebook (ReadReview leaves its Code empty) and a line listed twice are
// left out, each with its reason, and the left-out lines never show the listed text.
func TestMatchReviewsOnlyRunSuggestions(t *testing.T) {
	p := &protected.Dataset{
		Segments: []protected.Segment{{ID: "R-10/001", Text: "vertrouwen"}},
		Codings:  []protected.Coding{{Segment: "R-10/001", Code: "a", Coder: analysis.AutoCoder, Rule: "vertrouw*"}},
	}
	g := refiqda.NormalGUID(refiqda.GUID("segment", "R-10/001"))
	f := reviewFile{path: "review.qdpx", list: []ingest.ReviewedSuggestion{
		{Selection: g, Code: "a", Source: "dictionary", Accepted: true},
		{Selection: g, Code: "", Source: "learned"},
		{Selection: g, Code: "a", Source: "learned", Accepted: false},
		{Selection: g, Code: "b", Source: "learned", Accepted: false},
		{Selection: g, Code: "a", Source: "dictionary", Accepted: false},
	}}
	m := matchReviews(p, []reviewFile{f}, func(s string) string { return s })
	checkVerdicts(t, m.verdicts, []analysis.ReviewVerdict{{Segment: "R-10/001", Code: "a", Source: "dictionary", Accepted: true}})
	var reasons []string
	for _, r := range m.rejects {
		reasons = append(reasons, r.Value+"|"+r.Reason)
	}
	want := []string{"|" + reasonUnknownCode, "a | learned|" + reasonNotMade, "b | learned|" + reasonNotMade, "a | dictionary|" + reasonTwice}
	if strings.Join(reasons, "\n") != strings.Join(want, "\n") {
		t.Errorf("rejects\n%s\nwant\n%s", strings.Join(reasons, "\n"), strings.Join(want, "\n"))
	}
	if m.rejects[0].Location != "selection "+g {
		t.Errorf("location %q", m.rejects[0].Location)
	}
	if loc := selectionLocation("kenzo bakker"); strings.Contains(loc, "kenzo") {
		t.Errorf("an edited GUID is shown: %q", loc)
	}
	if m.accepted[0] != 1 {
		t.Errorf("accepted %d, want 1", m.accepted[0])
	}
}

func checkVerdicts(t *testing.T, got, want []analysis.ReviewVerdict) {
	t.Helper()
	if len(got) != len(want) {
		t.Fatalf("verdicts %+v, want %+v", got, want)
	}
	for i := range want {
		if got[i] != want[i] {
			t.Errorf("verdict %d: %+v, want %+v", i, got[i], want[i])
		}
	}
}

// TestReviewLoop: the example's interviews, a quarter of the respondents left uncoded,
// with autocode.learn write review.qdpx; a researcher
// deletes every second suggestion listed there and exports the project; listed twice under
// autocode.review (and once more as a copy), it counts each verdict once, per code and
// source, and beside the learned coder's cross-validation, which it leaves as it was.
func TestReviewLoop(t *testing.T) {
	s := exampleWithUncoded(t, 2)
	s.Outputs = []string{"csv", "qdpx"}
	// A low bound: more codes with learned suggestions, more to review (at 0.3 the
	// learned coder adds none to the dictionary of issue 19's third round on this split).
	low := 0.2
	s.Autocode.LearnMinF1 = &low
	out, err := Execute(s, "test")
	if err != nil {
		t.Fatal(err)
	}
	var qdpx []byte
	for _, f := range out.Results.Files {
		if f.Path == ReviewFile {
			qdpx = f.Data
		}
	}
	reviewed, accepted, deleted := reviewEveryOther(t, qdpx)
	if accepted["learned"] == 0 || deleted["learned"] == 0 || accepted["dictionary"] == 0 || deleted["dictionary"] == 0 {
		t.Fatalf("too little to review: accepted %v, deleted %v", accepted, deleted)
	}
	dir := t.TempDir()
	path := filepath.Join(dir, "review-reviewed.qdpx")
	os.WriteFile(path, reviewed, 0o644)
	os.WriteFile(filepath.Join(dir, "copy.qdpx"), reviewed, 0o644)
	s.Autocode.Review = []Input{{Path: path}, {Path: path}, {Path: filepath.Join(dir, "*.qdpx")}}
	again, err := Execute(s, "test")
	if err != nil {
		t.Fatal(err)
	}
	rv := again.Results.Table("autocode_review")
	gotA, gotD := map[string]int{}, map[string]int{}
	for _, r := range rv.Rows {
		src := r[rv.Col("source")].(string)
		gotA[src] += r[rv.Col("accepted")].(int)
		gotD[src] += r[rv.Col("deleted")].(int)
	}
	for _, src := range []string{"dictionary", "learned"} {
		if gotA[src] != accepted[src] || gotD[src] != deleted[src] {
			t.Errorf("%s: %d accepted, %d deleted counted; reviewed %d, %d", src, gotA[src], gotD[src], accepted[src], deleted[src])
		}
	}
	before, after := out.Results.Table("autocode_learned_validation"), again.Results.Table("autocode_learned_validation")
	la, ld := 0, 0
	for i, r := range after.Rows {
		for _, c := range []string{"tp", "fp", "fn", "tn", "f1"} {
			if r[after.Col(c)] != before.Rows[i][before.Col(c)] {
				t.Errorf("%v: %s changed with the review: %v, was %v", r[0], c, r[after.Col(c)], before.Rows[i][before.Col(c)])
			}
		}
		la += r[after.Col("reviewed_accepted")].(int)
		ld += r[after.Col("reviewed_deleted")].(int)
	}
	// The report's notes name every code below the bound, and every code above it.
	var notes []string
	for _, n := range again.Results.Notes {
		if n.Topic == "autocode_learned_validation" {
			notes = append(notes, n.EN)
		}
	}
	for _, r := range after.Rows {
		code, pass := r[0].(string), r[after.Col("suggests")].(bool)
		want := "get no learned suggestions"
		if pass {
			want = "get learned suggestions"
		}
		found := false
		for _, n := range notes {
			found = found || strings.Contains(n, want) && strings.Contains(n, code+" (")
		}
		if !found {
			t.Errorf("no note says %s %s: %q", code, want, notes)
		}
	}
	if la != accepted["learned"] || ld != deleted["learned"] {
		t.Errorf("learned validation: %d accepted, %d deleted; reviewed %d, %d", la, ld, accepted["learned"], deleted["learned"])
	}
	for _, w := range again.Summary.Warnings {
		if strings.Contains(w.Error(), "reviewed") {
			t.Errorf("unexpected warning: %s", w)
		}
	}
	// A review file is an input: the manifest has it once, however often it is listed.
	n := 0
	for _, in := range again.Results.Inputs {
		if strings.HasSuffix(in.Path, "review-reviewed.qdpx") {
			n++
		}
	}
	if n != 1 {
		t.Errorf("review file %d times among the inputs", n)
	}
}

// exampleWithUncoded writes the example study's interview segments and codings as one
// generic CSV in a new study folder, the segments of every n-th respondent without their
// codings, with autocode.learn on, and loads it.
func exampleWithUncoded(t *testing.T, n int) *Study {
	t.Helper()
	ds, err := ingest.ReadInterviews("../data/example/interviews/codering.xlsx", ingest.Options{})
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	var b strings.Builder
	w := csv.NewWriter(&b)
	w.Write([]string{"respondent", "segment", "text", "code", "coder"})
	rank := map[string]int{}
	for _, seg := range ds.Segments {
		if _, ok := rank[seg.Respondent]; !ok {
			rank[seg.Respondent] = len(rank)
		}
	}
	text := map[string]model.Segment{}
	for _, seg := range ds.Segments {
		text[seg.ID] = seg
	}
	done := map[string]bool{}
	for _, c := range ds.Codings {
		seg := text[c.Segment]
		if rank[seg.Respondent]%n == n-1 {
			if !done[seg.ID] {
				w.Write([]string{seg.Respondent, seg.ID, seg.Text, "", ""})
			}
			done[seg.ID] = true
			continue
		}
		w.Write([]string{seg.Respondent, seg.ID, seg.Text, c.Raw, c.Coder})
	}
	w.Flush()
	os.WriteFile(filepath.Join(dir, "codering.csv"), []byte(b.String()), 0o644)
	cb, _ := filepath.Abs("../data/codebooks/samenwerking.yaml")
	yaml := "title: review loop\ncodebook: " + cb + "\ninterviews: [codering.csv]\nautocode: {learn: true}\nseed: 20261122\n"
	os.WriteFile(filepath.Join(dir, "study.yaml"), []byte(yaml), 0o644)
	s, err := LoadStudy(dir)
	if err != nil {
		t.Fatal(err)
	}
	return s
}

// reviewEveryOther plays the researcher: in every selection listing suggestions it
// deletes the codings of every second suggestion (counted per source over the project) and
// returns the project exported again with the suggestions kept and deleted per source.
func reviewEveryOther(t *testing.T, qdpx []byte) ([]byte, map[string]int, map[string]int) {
	t.Helper()
	zr, err := zip.NewReader(bytes.NewReader(qdpx), int64(len(qdpx)))
	if err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	accepted, deleted := map[string]int{}, map[string]int{}
	for _, f := range zr.File {
		rc, _ := f.Open()
		b, _ := io.ReadAll(rc)
		rc.Close()
		if f.Name == "project.qde" {
			p, err := refiqda.Decode(b)
			if err != nil {
				t.Fatal(err)
			}
			n := map[string]int{} // per source
			for si := range p.TextSources {
				for li := range p.TextSources[si].Selections {
					sel := &p.TextSources[si].Selections[li]
					if !strings.HasPrefix(sel.Description, refiqda.SuggestionsHeader) {
						continue
					}
					for _, line := range strings.Split(sel.Description, "\n")[1:] {
						fields := strings.Split(line, " | ")
						code, src := fields[0], fields[1]
						n[src]++
						if n[src]%2 == 1 {
							accepted[src]++
							continue
						}
						deleted[src]++
						target := refiqda.NormalGUID(refiqda.GUID("code", code))
						kept := sel.Codings[:0]
						for _, c := range sel.Codings {
							if refiqda.NormalGUID(c.Code.Target) != target {
								kept = append(kept, c)
							}
						}
						sel.Codings = kept
					}
				}
			}
			var qde bytes.Buffer
			if err := refiqda.Encode(&qde, p); err != nil {
				t.Fatal(err)
			}
			b = qde.Bytes()
		}
		w, _ := zw.Create(f.Name)
		w.Write(b)
	}
	zw.Close()
	return buf.Bytes(), accepted, deleted
}

// A review of a run whose segment ids have since moved (a respondent added renumbers the
// pseudonyms, attack 12 F13): a selection whose id now names a segment with another text,
// while its own text is one segment's, counts on that segment; where its text is several
// segments' it is left out with the reason; a selection whose name no segment has (a QDA
// tool renamed it) keeps its id.
func TestMatchReviewsSegmentIDsMoved(t *testing.T) {
	p := &protected.Dataset{
		Segments: []protected.Segment{{ID: "JW-01/001", Text: "een"}, {ID: "JW-02/001", Text: "drie"},
			{ID: "JW-03/001", Text: "vier"}, {ID: "JW-04/001", Text: "vier"}},
		Codings: []protected.Coding{
			{Segment: "JW-01/001", Code: "a", Coder: analysis.AutoCoder, Rule: "r1"},
			{Segment: "JW-02/001", Code: "b", Coder: analysis.AutoCoder, Rule: "r2"},
			{Segment: "JW-03/001", Code: "c", Coder: analysis.AutoCoder, Rule: "r3"},
		},
	}
	g := func(id string) string { return refiqda.NormalGUID(refiqda.GUID("segment", id)) }
	f := reviewFile{path: "review.qdpx", list: []ingest.ReviewedSuggestion{
		{Selection: g("JW-01/001"), Text: "drie", Code: "b", Source: "dictionary", Accepted: false},
		{Selection: g("JW-02/001"), Text: "vier", Code: "c", Source: "dictionary", Accepted: true},
		{Selection: g("JW-01/001"), Text: "Selectie 1", Code: "a", Source: "dictionary", Accepted: true},
	}}
	m := matchReviews(p, []reviewFile{f}, func(s string) string { return s })
	checkVerdicts(t, m.verdicts, []analysis.ReviewVerdict{
		{Segment: "JW-01/001", Code: "a", Source: "dictionary", Accepted: true},
		{Segment: "JW-02/001", Code: "b", Source: "dictionary", Accepted: false},
	})
	if len(m.rejects) != 1 || m.rejects[0].Reason != reasonMoved || m.rejects[0].Value != "c | dictionary" {
		t.Errorf("rejects %+v, want one: %s", m.rejects, reasonMoved)
	}
	if len(m.warnings) != 2 || !strings.Contains(m.warnings[1].Error(), "1 reviewed suggestion(s) found their segment by its text") {
		t.Errorf("warnings %v: want one left out, one found by its text", m.warnings)
	}
}

package analysis

import (
	"fmt"
	"testing"

	"github.com/samenspel/samenspel/codebook"
	"github.com/samenspel/samenspel/pipeline/protected"
	"github.com/samenspel/samenspel/pipeline/results"
)

func testCodebook(t *testing.T) *codebook.Codebook {
	t.Helper()
	cb, err := codebook.ParseYAML([]byte(`
name: test
version: "1"
factors:
  - id: kennen
    label: {nl: Elkaar kennen}
    codes:
      - {id: kennen.a, label: {nl: A}, valence: facilitator}
      - {id: kennen.b, label: {nl: B}, valence: barrier}
  - id: bereiken
    label: {nl: Elkaar bereiken}
    codes:
      - {id: bereiken.c, label: {nl: C}, valence: facilitator}
`))
	if err != nil {
		t.Fatal(err)
	}
	return cb
}

// dataset builds respondents r1..rN with the given roles and municipalities, one segment
// each, coded by coder "A" with the given codes ("" = reviewed, nothing applies).
func dataset(roles, muns []string, codes [][]string) protected.Dataset {
	var d protected.Dataset
	for i := range roles {
		id := fmt.Sprintf("P-%02d", i+1)
		d.Respondents = append(d.Respondents, protected.Respondent{Pseudonym: id, Role: roles[i], Municipality: muns[i]})
		seg := "s" + id
		d.Segments = append(d.Segments, protected.Segment{ID: seg, Respondent: id, Text: "Een tekst die lang genoeg is om als citaat te dienen in het rapport."})
		if len(codes[i]) == 0 {
			d.Codings = append(d.Codings, protected.Coding{Segment: seg, Coder: "A"})
		}
		for _, c := range codes[i] {
			d.Codings = append(d.Codings, protected.Coding{Segment: seg, Code: c, Raw: c, Coder: "A"})
		}
		// The auto-coder and a second coder never count unless asked.
		d.Codings = append(d.Codings, protected.Coding{Segment: seg, Code: "bereiken.c", Raw: "bereiken.c", Coder: AutoCoder})
	}
	return d
}

func rowsWhere(t *results.Table, match map[string]string) [][]any {
	var out [][]any
	for _, r := range t.Rows {
		ok := true
		for col, v := range match {
			if results.FormatCell(r[t.Col(col)]) != v {
				ok = false
			}
		}
		if ok {
			out = append(out, r)
		}
	}
	return out
}

func TestCodeFrequencies(t *testing.T) {
	roles := []string{"jw", "jw", "jw", "jw", "jw", "jz", "jz", "jz", "jz", "jz", "jz", "jo", "jo"}
	muns := []string{"A", "A", "A", "B", "B", "A", "A", "B", "B", "B", "B", "A", "B"}
	codes := [][]string{{"kennen.a"}, {"kennen.a", "kennen.b"}, {}, {"bereiken.c"}, {"kennen.b"},
		{"kennen.a"}, {}, {}, {"kennen.a", "bereiken.c"}, {"kennen.b"}, {}, {"kennen.a"}, {"kennen.a"}}
	in := &Input{Data: dataset(roles, muns, codes), Codebook: testCodebook(t), Groups: []string{"role", "municipality"}, MinCell: 5}
	res := &results.Results{MinCell: 5}
	in.Prepare()
	CodeFrequencies(in, res)
	tab := res.Table("code_frequencies")

	// kennen.a overall: respondents r1, r2, r6, r9, r12, r13 = 6 of 13.
	r := rowsWhere(tab, map[string]string{"code": "kennen.a", "group_by": "all"})
	if len(r) != 1 || r[0][tab.Col("respondents")] != 6 || r[0][tab.Col("group_respondents")] != 13 {
		t.Fatalf("kennen.a all: %v", r)
	}
	if got := r[0][tab.Col("share")].(float64); got != 6.0/13 {
		t.Errorf("share = %v", got)
	}
	// Wilson 95% interval of 6/13, computed with R: prop.test(6, 13, correct = FALSE)$conf.int
	// gives 0.2320606781 0.7085620429.
	lo, hi := r[0][tab.Col("ci_low")].(float64), r[0][tab.Col("ci_high")].(float64)
	if d := lo - 0.2320606781; d > 1e-6 || d < -1e-6 {
		t.Errorf("ci_low = %v", lo)
	}
	if d := hi - 0.7085620429; d > 1e-6 || d < -1e-6 {
		t.Errorf("ci_high = %v", hi)
	}
	// Factor row "*": kennen by anyone: r1 r2 r5 r6 r9 r10 r12 r13 = 8.
	r = rowsWhere(tab, map[string]string{"factor": "kennen", "code": "*", "group_by": "all"})
	if r[0][tab.Col("respondents")] != 8 {
		t.Errorf("kennen *: %v", r[0])
	}
	// The auto-coder's bereiken.c on every segment does not count: only r4 and r9.
	r = rowsWhere(tab, map[string]string{"code": "bereiken.c", "group_by": "all"})
	if r[0][tab.Col("respondents")] != 2 {
		t.Errorf("bereiken.c counted the auto-coder: %v", r[0])
	}
	// Role jo has 2 respondents (< 5): suppressed, all statistics empty.
	r = rowsWhere(tab, map[string]string{"code": "kennen.a", "group_by": "role", "group": "jo"})
	if r[0][tab.Col("suppressed")] != true || r[0][tab.Col("respondents")] != nil || r[0][tab.Col("share")] != nil || r[0][tab.Col("group_respondents")] != nil {
		t.Errorf("jo not suppressed: %v", r[0])
	}
	// Secondary suppression: jo alone would be recoverable from all - jw - jz, so the
	// next smallest role (jw, 5) is suppressed as well; jz (6) is shown.
	r = rowsWhere(tab, map[string]string{"code": "kennen.a", "group_by": "role", "group": "jw"})
	if r[0][tab.Col("suppressed")] != true {
		t.Errorf("jw should be suppressed secondarily: %v", r[0])
	}
	r = rowsWhere(tab, map[string]string{"code": "kennen.a", "group_by": "role", "group": "jz"})
	if r[0][tab.Col("suppressed")] != false || r[0][tab.Col("respondents")] != 2 {
		t.Errorf("jz: %v", r[0])
	}
	// Municipalities A (6) and B (7) are both shown.
	r = rowsWhere(tab, map[string]string{"code": "kennen.b", "group_by": "municipality", "group": "B"})
	if r[0][tab.Col("respondents")] != 2 || r[0][tab.Col("group_respondents")] != 7 {
		t.Errorf("kennen.b B: %v", r[0])
	}
	if len(res.Notes) == 0 {
		t.Error("no note on suppressed groups")
	}

	// Counting the auto-coder when asked.
	in.CountAuto = true
	in.Prepare() // the counted codings are indexed by Prepare
	res2 := &results.Results{}
	CodeFrequencies(in, res2)
	r = rowsWhere(res2.Table("code_frequencies"), map[string]string{"code": "bereiken.c", "group_by": "all"})
	if r[0][tab.Col("respondents")] != 13 {
		t.Errorf("auto counted: %v", r[0])
	}
}

func TestQuotesHideSmallMunicipality(t *testing.T) {
	roles := []string{"jw", "jw", "jw", "jw", "jw", "jw"}
	muns := []string{"A", "A", "A", "A", "A", "Klein"}
	codes := [][]string{{"kennen.a"}, {"kennen.a"}, {"kennen.a"}, {"kennen.a"}, {"kennen.a"}, {"kennen.a"}}
	in := &Input{Data: dataset(roles, muns, codes), Codebook: testCodebook(t), Groups: []string{"role", "municipality"}, MinCell: 5}
	in.Prepare()
	res := &results.Results{}
	Quotes(in, res)
	q := res.Table("quotes")
	if len(q.Rows) != QuotesPerCode {
		t.Fatalf("quotes: %d rows", len(q.Rows))
	}
	for _, r := range q.Rows {
		if r[q.Col("municipality")] == "Klein" {
			t.Errorf("small municipality shown: %v", r)
		}
		if p := r[q.Col("respondent")].(string); p[:2] != "P-" {
			t.Errorf("not a pseudonym: %v", p)
		}
	}
}

func TestCooccurrence(t *testing.T) {
	roles := []string{"jw", "jw", "jw"}
	muns := []string{"A", "A", "A"}
	codes := [][]string{{"kennen.a", "kennen.b"}, {"kennen.a"}, {"kennen.b", "bereiken.c"}}
	in := &Input{Data: dataset(roles, muns, codes), Codebook: testCodebook(t), MinCell: 5}
	in.Prepare()
	res := &results.Results{}
	Cooccurrence(in, res)
	tab := res.Table("cooccurrence")
	r := rowsWhere(tab, map[string]string{"code_a": "kennen.a", "code_b": "kennen.b"})
	// a on {s1,s2}, b on {s1,s3}: 1 together, Jaccard 1/3.
	if len(r) != 1 || r[0][2] != 1 || r[0][3] != 1 || r[0][4].(float64) != 1.0/3 {
		t.Errorf("a-b: %v", r)
	}
	r = rowsWhere(tab, map[string]string{"code_a": "kennen.a", "code_b": "bereiken.c"})
	if r[0][2] != 0 || r[0][4].(float64) != 0 {
		t.Errorf("a-c: %v", r)
	}
}

// With two human coders and no primary coder, a segment counts the codings of the coder
// who coded the most segments among those who coded it: A coded three segments, B two
// (one of them A's as well) and one alone. Segment s1 counts A's kennen.a, not B's
// kennen.b; s4, which only B coded, counts B's kennen.b.
func TestCountingCoderPerSegment(t *testing.T) {
	var d protected.Dataset
	for i := 1; i <= 4; i++ {
		id := fmt.Sprintf("P-%02d", i)
		d.Respondents = append(d.Respondents, protected.Respondent{Pseudonym: id, Role: "jongere", Municipality: "M"})
		d.Segments = append(d.Segments, protected.Segment{ID: fmt.Sprintf("s%d", i), Respondent: id, Text: "tekst"})
	}
	code := func(seg, code, coder string) protected.Coding {
		return protected.Coding{Segment: seg, Code: code, Raw: code, Coder: coder}
	}
	d.Codings = []protected.Coding{
		code("s1", "kennen.a", "A"), code("s2", "kennen.a", "A"), code("s3", "", "A"),
		code("s1", "kennen.b", "B"), code("s4", "kennen.b", "B"),
	}
	in := &Input{Data: d, Codebook: testCodebook(t), Groups: []string{"role"}, MinCell: 1}
	in.Prepare()
	res := &results.Results{}
	CodeFrequencies(in, res)
	tab := res.Table("code_frequencies")
	for code, want := range map[string]string{"kennen.a": "2", "kennen.b": "1"} {
		rows := rowsWhere(tab, map[string]string{"code": code, "group_by": "all"})
		if len(rows) != 1 || results.FormatCell(rows[0][tab.Col("segments")]) != want {
			t.Errorf("%s: %v, want %s segments", code, rows, want)
		}
	}
	if rows := rowsWhere(tab, map[string]string{"code": "*", "group_by": "all"}); results.FormatCell(rows[0][tab.Col("group_respondents")]) != "4" {
		t.Errorf("coded respondents: %v", rows)
	}
	m := in.methods()
	if m.CountingRule != "most" || fmt.Sprint(m.CountingCoders) != "[A B]" {
		t.Errorf("methods: %+v", m)
	}
	// A primary coder counts alone.
	in.PrimaryCoder = "B"
	in.Prepare()
	res = &results.Results{}
	CodeFrequencies(in, res)
	tab = res.Table("code_frequencies")
	if rows := rowsWhere(tab, map[string]string{"code": "kennen.b", "group_by": "all"}); results.FormatCell(rows[0][tab.Col("segments")]) != "2" {
		t.Errorf("primary coder B: %v", rows)
	}
	if rows := rowsWhere(tab, map[string]string{"code": "kennen.a", "group_by": "all"}); results.FormatCell(rows[0][tab.Col("segments")]) != "0" {
		t.Errorf("primary coder B, kennen.a: %v", rows)
	}
}

package analysis

import (
	"fmt"
	"math"
	"testing"

	"github.com/samenspel/samenspel/codebook"
	"github.com/samenspel/samenspel/pipeline/protected"
	"github.com/samenspel/samenspel/pipeline/results"
)

// autocodeInput: ten respondent segments S1..S10 and an interviewer turn S11. The
// auto-coder coded korte_lijnen on S1-S4; anna reviewed all of S1-S11 and coded it on
// S1, S2, S3, S5, S6; bram reviewed S1, S2, S3, S5 and coded it on S1, S2.
func autocodeInput(t *testing.T) *Input {
	cb, err := codebook.Load("../../data/codebooks/samenwerking.yaml")
	if err != nil {
		t.Fatal(err)
	}
	const kl = "bereiken.korte_lijnen"
	texts := map[int]string{
		1: "Met de wijkagent hebben we korte lijnen.",
		2: "Het jongerenwerk en de school bellen elkaar even.",
		5: "De wijkagent is eigenlijk nooit bereikbaar.",
		6: "Die wijkagent app ik gewoon.",
	}
	in := &Input{Codebook: cb, Data: protected.Dataset{Respondents: []protected.Respondent{
		{Pseudonym: "JW-01"}, {Pseudonym: "JW-02"},
	}}}
	for i := 1; i <= 11; i++ {
		resp := "JW-01"
		if i%2 == 0 {
			resp = "JW-02"
		}
		in.Data.Segments = append(in.Data.Segments, protected.Segment{ID: fmt.Sprintf("S%d", i), Respondent: resp, Text: texts[i], Interviewer: i == 11})
	}
	code := func(seg int, code, coder string) {
		c := protected.Coding{Segment: fmt.Sprintf("S%d", seg), Code: code, Coder: coder}
		if coder == AutoCoder {
			c.Rule, c.Span, c.SpanStart, c.SpanEnd = "korte lijn*", "korte lijnen", 27, 39
		}
		in.Data.Codings = append(in.Data.Codings, c)
	}
	for _, s := range []int{4, 2, 3, 1} {
		code(s, kl, AutoCoder)
	}
	for s := 1; s <= 11; s++ {
		switch s {
		case 1, 2, 3, 6, 11:
			code(s, kl, "anna")
		case 5:
			code(s, "bereiken.onbereikbaar", "anna")
		default:
			code(s, "", "anna")
		}
	}
	code(1, kl, "bram")
	code(2, kl, "bram")
	code(3, "", "bram")
	code(5, "", "bram")
	in.Prepare()
	return in
}

func row(t *testing.T, tab *results.Table, match map[string]any) []any {
	t.Helper()
	for _, r := range tab.Rows {
		ok := true
		for col, v := range match {
			if r[tab.Col(col)] != v {
				ok = false
			}
		}
		if ok {
			return r
		}
	}
	t.Fatalf("%s: no row %v in %v", tab.Name, match, tab.Rows)
	return nil
}

func TestAutoCodings(t *testing.T) {
	in := autocodeInput(t)
	var res results.Results
	AutoCodings(in, &res)
	tab := res.Table("autocodings")
	if len(tab.Rows) != 4 {
		t.Fatalf("rows = %v", tab.Rows)
	}
	// Segment order of the dataset, the respondent's pseudonym, never the id.
	want := []any{"S1", "JW-01", "bereiken.korte_lijnen", "korte lijn*", "korte lijnen", 27, 39}
	for i, v := range want {
		if tab.Rows[0][i] != v {
			t.Errorf("row 0 = %v, want %v", tab.Rows[0], want)
			break
		}
	}
	if tab.Rows[3][0] != "S4" || tab.Rows[3][1] != "JW-02" {
		t.Errorf("row 3 = %v", tab.Rows[3])
	}
}

func TestAutocodeValidation(t *testing.T) {
	in := autocodeInput(t)
	var res results.Results
	AutocodeValidation(in, &res)
	tab := res.Table("autocode_validation")
	near := func(v any, want float64) bool {
		f, ok := v.(float64)
		return ok && math.Abs(f-want) < 1e-12
	}
	a := row(t, tab, map[string]any{"code": "bereiken.korte_lijnen", "coder": "anna"})
	// Over S1-S10 (S11 is an interviewer turn): tp = S1, S2, S3; fp = S4; fn = S6; tn = S5, S7-S10.
	if a[2] != 3 || a[3] != 1 || a[4] != 1 || a[5] != 5 {
		t.Fatalf("anna counts = %v", a)
	}
	// Table {{3, 1}, {1, 5}}: R 4.2.2 with psych 2.2.9, psych::cohen.kappa(matrix(c(3,1,1,5),2))$kappa
	// = 0.583333333333333; precision 3/4, recall 3/4, f1 0.75.
	if !near(a[6], 0.75) || !near(a[7], 0.75) || !near(a[8], 0.75) || !near(a[9], 0.583333333333333) {
		t.Errorf("anna statistics = %v", a)
	}
	// bram reviewed S1, S2, S3, S5: tp = S1, S2; fp = S3; fn none; tn = S5. Table
	// {{2, 1}, {0, 1}}: R 4.2.2, psych 2.2.9: psych::cohen.kappa(matrix(c(2,0,1,1),2))$kappa = 0.5;
	// precision 2/3, recall 1, f1 0.8.
	b := row(t, tab, map[string]any{"code": "bereiken.korte_lijnen", "coder": "bram"})
	if b[2] != 2 || b[3] != 1 || b[4] != 0 || b[5] != 1 || !near(b[6], 2.0/3) || !near(b[7], 1) || !near(b[8], 0.8) || !near(b[9], 0.5) {
		t.Errorf("bram = %v", b)
	}
	// A code neither used: precision, recall, f1 and kappa undefined, empty cells.
	n := row(t, tab, map[string]any{"code": "kennen.vertrouwen", "coder": "anna"})
	if n[5] != 10 || n[6] != nil || n[7] != nil || n[8] != nil || n[9] != nil {
		t.Errorf("unused code = %v", n)
	}
}

func TestPartnersTable(t *testing.T) {
	in := autocodeInput(t)
	in.PrimaryCoder = "anna"
	var res results.Results
	Partners(in, &res)
	tab := res.Table("partners")
	want := [][]any{
		// S2 (r2): jongerenwerk and school, korte lijnen.
		{"jongerenwerk", "bereiken", "facilitator", 1, 1},
		// S1 (r1) and S6 (r2) with korte lijnen; S5 (r1) with onbereikbaar.
		{"politie", "bereiken", "facilitator", 2, 2},
		{"politie", "bereiken", "barrier", 1, 1},
		{"school", "bereiken", "facilitator", 1, 1},
	}
	if fmt.Sprint(tab.Rows) != fmt.Sprint(want) {
		t.Errorf("partners =\n%v\nwant\n%v", tab.Rows, want)
	}
}

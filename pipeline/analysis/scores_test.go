package analysis

import (
	"fmt"
	"math"
	"strconv"
	"strings"
	"testing"

	"github.com/samenspel/samenspel/codebook"
	"github.com/samenspel/samenspel/pipeline/protected"
	"github.com/samenspel/samenspel/pipeline/results"
)

// surveyCodebook has three factors and two scales: kennen with K4 reverse-keyed, and
// bereiken, which nobody answers in surveyInput.
const surveyCodebook = `
name: Test
version: "1"
factors:
  - id: kennen
    label: {nl: Elkaar kennen}
    codes:
      - {id: kennen.persoonlijk, label: {nl: Persoonlijk contact}, valence: facilitator}
  - id: bereiken
    label: {nl: Elkaar bereiken}
    codes:
      - {id: bereiken.korte_lijnen, label: {nl: Korte lijnen}, valence: facilitator}
  - id: informeren
    label: {nl: Op de hoogte houden}
    codes:
      - {id: informeren.terugkoppeling, label: {nl: Terugkoppeling}, valence: facilitator}
scales:
  - id: kennen
    label: {nl: Elkaar kennen}
    answers: {1: Helemaal mee oneens, 2: Mee oneens, 3: Neutraal, 4: Mee eens, 5: Helemaal mee eens}
    missing: [Weet niet]
    agree_from: 4
    items:
      - {id: K1, text: {nl: "k1"}}
      - {id: K2, text: {nl: "k2"}}
      - {id: K3, text: {nl: "k3"}}
      - {id: K4, reverse: true, text: {nl: "k4"}}
  - id: bereiken
    label: {nl: Elkaar bereiken}
    answers: {1: Oneens, 2: Neutraal, 3: Eens}
    agree_from: 3
    items:
      - {id: B1, text: {nl: "b1"}}
      - {id: B2, text: {nl: "b2"}}
`

// surveyAnswers is the survey of surveyInput, the same data as the R code in the tests
// reads ("" is no answer, "x" is "Weet niet", a missing answer):
//
//	id,mun,role,K1,K2,K3,K4
var surveyAnswers = `
r01,A,jw,4,5,4,2
r02,A,jw,5,5,4,1
r03,A,wa,3,4,3,3
r04,A,wa,4,4,5,2
r05,A,jw,2,3,3,4
r06,A,,4,x,4,2
r07,B,jw,2,2,3,4
r08,B,wa,3,2,2,5
r09,B,jw,1,2,2,4
r10,B,wa,3,3,,
r11,B,jw,2,3,3,3
r12,C,wa,4,4,4,1
r13,C,wa,5,4,5,2
r14,C,jw,3,4,4,2
r15,C,jw,4,,,
r16,D,wa,2,3,2,3
r17,D,jw,3,3,3,3`

// interviews are the interviewed respondents of surveyInput: municipality, role, and the
// factors their segments carry ("-" a segment reviewed with nothing applying).
var interviews = `
i01,A,jw,kennen informeren
i02,A,jw,kennen
i03,A,jw,kennen
i04,A,jz,kennen informeren
i05,A,jz,-
i06,B,jw,kennen informeren
i07,B,jw,-
i08,B,jz,-
i09,B,jz,-
i10,C,jw,kennen informeren
i11,C,jz,kennen
i12,C,jz,-`

// surveyInput is a study with 17 surveyed respondents in municipalities A (6), B (5),
// C (4) and D (2) and 12 interviewed respondents, with MinCell 3.
func surveyInput(t *testing.T) *Input {
	t.Helper()
	cb, err := codebook.ParseYAML([]byte(surveyCodebook))
	if err != nil {
		t.Fatal(err)
	}
	var d protected.Dataset
	var answers []protected.Answer
	for _, line := range strings.Fields(surveyAnswers) {
		f := strings.Split(line, ",")
		d.Respondents = append(d.Respondents, protected.Respondent{Pseudonym: f[0], Municipality: f[1], Role: f[2]})
		for j, v := range f[3:] {
			item := "K" + strconv.Itoa(j+1)
			if f[0] == "r03" && j == 0 {
				item = "k1" // item ids match case-insensitively
			}
			switch v {
			case "":
			case "x":
				answers = append(answers, protected.Answer{Respondent: f[0], Item: item, Missing: true})
			default:
				x, _ := strconv.ParseFloat(v, 64)
				answers = append(answers, protected.Answer{Respondent: f[0], Item: item, Value: x})
			}
		}
	}
	// Not on the scale, of no scale, and a second answer to an item: none of them count.
	answers = append(answers,
		protected.Answer{Respondent: "r15", Item: "K2", Value: 9},
		protected.Answer{Respondent: "r01", Item: "X9", Value: 1},
		protected.Answer{Respondent: "r01", Item: "K1", Value: 1})
	d.Survey = protected.NewSurvey(answers)
	codeOf := map[string]string{"kennen": "kennen.persoonlijk", "informeren": "informeren.terugkoppeling", "-": ""}
	for _, line := range strings.Split(strings.TrimSpace(interviews), "\n") {
		f := strings.SplitN(line, ",", 4)
		id := f[0]
		d.Respondents = append(d.Respondents, protected.Respondent{Pseudonym: id, Municipality: f[1], Role: f[2]})
		for k, factor := range strings.Fields(f[3]) {
			seg := id + "-" + strconv.Itoa(k)
			d.Segments = append(d.Segments, protected.Segment{ID: seg, Respondent: id, Start: -1, End: -1})
			coder := "A"
			if id == "i06" {
				coder = "B" // every human coder counts
			}
			d.Codings = append(d.Codings, protected.Coding{Segment: seg, Code: codeOf[factor], Coder: coder})
		}
		// The auto-coder and the interviewer mention bereiken: neither counts.
		d.Codings = append(d.Codings, protected.Coding{Segment: id + "-0", Code: "bereiken.korte_lijnen", Coder: AutoCoder})
		d.Segments = append(d.Segments, protected.Segment{ID: id + "-q", Respondent: id, Interviewer: true, Start: -1, End: -1})
		d.Codings = append(d.Codings, protected.Coding{Segment: id + "-q", Code: "bereiken.korte_lijnen", Coder: "A"})
	}
	in := &Input{Data: d, Codebook: cb, Language: "en", Groups: []string{"municipality", "role"}, MinCell: 3, CountAuto: true}
	in.Prepare()
	return in
}

// R 4.2, on the answers of surveyAnswers:
//
//	> x <- d[, c("K1", "K2", "K3", "K4")]; x$K4 <- 6 - x$K4
//	> d$score <- ifelse(rowSums(!is.na(x)) * 2 >= 4, rowMeans(x, na.rm = TRUE), NA)
//	r10: 3 (two of four items), r15: NA (one of four), r06: 4 (K2 "Weet niet")
func TestScaleScores(t *testing.T) {
	in := surveyInput(t)
	s := in.ScaleScores("kennen")
	if len(s) != 16 {
		t.Errorf("%d scores, want 16", len(s))
	}
	for id, want := range map[string]float64{"r01": 4.25, "r06": 4, "r10": 3, "r08": 2, "r12": 4.25} {
		if s[id] != want {
			t.Errorf("score of %s = %v, want %v", id, s[id], want)
		}
	}
	if _, ok := s["r15"]; ok {
		t.Error("r15 answered one item of four and has a score")
	}
	if len(in.ScaleScores("bereiken")) != 0 || len(in.ScaleScores("nothing")) != 0 {
		t.Error("scores for a scale without answers")
	}
	for _, c := range []struct {
		keyed []float64
		want  float64
	}{
		{[]float64{1, math.NaN(), math.NaN(), math.NaN()}, math.NaN()},
		{[]float64{1, 2, math.NaN(), math.NaN()}, 1.5},
		{[]float64{1, 2, math.NaN()}, 1.5},
		{[]float64{1, math.NaN(), math.NaN()}, math.NaN()},
		{nil, math.NaN()},
	} {
		got := ScaleScore(c.keyed)
		if got != c.want && !(math.IsNaN(got) && math.IsNaN(c.want)) {
			t.Errorf("ScaleScore(%v) = %v, want %v", c.keyed, got, c.want)
		}
	}
}

// cell returns the cell of the row's column, failing when the column is missing.
func cell(t *testing.T, tab *results.Table, row []any, col string) any {
	t.Helper()
	i := tab.Col(col)
	if i < 0 {
		t.Fatalf("table %s has no column %s", tab.Name, col)
	}
	return row[i]
}

// findRow returns the single row whose text columns have the given values.
func findRow(t *testing.T, tab *results.Table, match map[string]string) []any {
	t.Helper()
	var found [][]any
	for _, row := range tab.Rows {
		ok := true
		for col, want := range match {
			if s, _ := row[tab.Col(col)].(string); s != want {
				ok = false
			}
		}
		if ok {
			found = append(found, row)
		}
	}
	if len(found) != 1 {
		t.Fatalf("table %s: %d rows match %v", tab.Name, len(found), match)
	}
	return found[0]
}

// checkNum compares a numeric cell with a reference value.
func checkNum(t *testing.T, tab *results.Table, row []any, col string, want, tol float64) {
	t.Helper()
	got, ok := results.Num(cell(t, tab, row, col))
	if !ok || math.Abs(got-want) > tol {
		t.Errorf("%s %v: %s = %v, want %.10g", tab.Name, row[:4], col, cell(t, tab, row, col), want)
	}
}

// checkHeader compares the table's first columns with the output contract.
func checkHeader(t *testing.T, tab *results.Table, want ...string) {
	t.Helper()
	for i, name := range want {
		if i >= len(tab.Columns) || tab.Columns[i].Name != name {
			t.Fatalf("table %s column %d = %v, want %s", tab.Name, i, tab.Columns, name)
		}
	}
}

// noFloatTrouble fails on a NaN or infinite cell: those must be nil.
func noFloatTrouble(t *testing.T, tab *results.Table) {
	t.Helper()
	for _, row := range tab.Rows {
		for j, v := range row {
			if f, ok := v.(float64); ok && (math.IsNaN(f) || math.IsInf(f, 0)) {
				t.Errorf("table %s row %v column %s is %v", tab.Name, row[:3], tab.Columns[j].Name, f)
			}
		}
	}
}

// A second Prepare after the disclosure decision renamed pseudonyms in place (as the
// run does) refreshes the scales instead of gathering them again: the result is what a
// fresh gathering gives, rows in the new pseudonyms' order.
func TestScalesRefreshAfterRename(t *testing.T) {
	in := surveyInput(t)
	in.Prepare()
	before := in.SurveyScales()
	rename := func(p string) string { return "Z" + string(rune('z'-int(p[len(p)-1]-'0'))) + p }
	for i := range in.Data.Respondents {
		in.Data.Respondents[i].Pseudonym = rename(in.Data.Respondents[i].Pseudonym)
	}
	in.Data.Survey.Rename(rename)
	in.Prepare()
	got := in.SurveyScales()
	if &got[0] != &before[0] {
		t.Fatal("scales gathered again, not refreshed")
	}
	fresh := &Input{Data: in.Data, Codebook: in.Codebook}
	fresh.Data.Survey.Respondents = append([]string(nil), in.Data.Survey.Respondents...) // another survey
	fresh.Prepare()
	want := fresh.SurveyScales()
	for s := range want {
		g, w := got[s], want[s]
		if fmt.Sprint(g.Respondents, g.Waves, g.Asked, g.Keyed, g.Scores) != fmt.Sprint(w.Respondents, w.Waves, w.Asked, w.Keyed, w.Scores) {
			t.Errorf("%s: refreshed %v %v, gathered %v %v", w.Scale.ID, g.Respondents, g.Scores, w.Respondents, w.Scores)
		}
		for i := range g.Respondents {
			if r := g.Respondent(i); r == nil || r.Pseudonym != g.Respondents[i] {
				t.Errorf("%s row %d: respondent %+v", w.Scale.ID, i, r)
			}
		}
	}
	if len(want) == 0 || len(want[0].Respondents) < 2 {
		t.Fatal("no rows to compare")
	}
}

package analysis

import (
	"math/rand/v2"
	"strconv"
	"testing"

	"github.com/samenspel/samenspel/codebook"
	"github.com/samenspel/samenspel/pipeline/protected"
	"github.com/samenspel/samenspel/pipeline/results"
)

// R 4.2, with d and d$score as in TestScaleScores:
//
//	> desc <- function(s) { s <- s[!is.na(s)]; ci <- t.test(s)$conf.int
//	+   c(n = length(s), mean = mean(s), sd = sd(s), lo = ci[1], hi = ci[2],
//	+     median = median(s), agree = mean(s >= 4)) }
//	> rbind(all = desc(d$score), A = desc(d$score[d$mun == "A"]), ...)
//	     n        mean           sd          lo          hi median        agree
//	all 16 3.296875000 0.9627164259 2.783879628 3.809870372  3.125 0.3750000000
//	A    6 3.833333333 0.8164965809 2.976472721 4.690193945  4.125 0.6666666667
//	B    5 2.350000000 0.5184110338 1.706307683 2.993692317  2.250 0.0000000000
//	jw   8 3.125000000 1.0350983390 2.259636133 3.990363867  2.875 0.2500000000
//	wa   7 3.392857143 0.9667077167 2.498801621 4.286912665  3.250 0.4285714286
func TestScalesTable(t *testing.T) {
	in := surveyInput(t)
	res := &results.Results{}
	Scales(in, res)
	tab := res.Table("scales")
	checkHeader(t, tab, "scale", "group_by", "group", "n", "mean", "sd", "ci_low", "ci_high", "median", "pct_agree", "suppressed")
	noFloatTrouble(t, tab)
	want := map[[2]string][7]float64{
		{"all", "all"}:        {16, 3.296875000, 0.9627164259, 2.783879628, 3.809870372, 3.125, 0.375},
		{"municipality", "A"}: {6, 3.833333333, 0.8164965809, 2.976472721, 4.690193945, 4.125, 0.6666666667},
		{"municipality", "B"}: {5, 2.350000000, 0.5184110338, 1.706307683, 2.993692317, 2.250, 0},
		{"role", "jw"}:        {8, 3.125000000, 1.0350983390, 2.259636133, 3.990363867, 2.875, 0.25},
		{"role", "wa"}:        {7, 3.392857143, 0.9667077167, 2.498801621, 4.286912665, 3.250, 0.4285714286},
	}
	cols := []string{"n", "mean", "sd", "ci_low", "ci_high", "median", "pct_agree"}
	for key, w := range want {
		row := findRow(t, tab, map[string]string{"scale": "kennen", "group_by": key[0], "group": key[1]})
		for i, col := range cols {
			checkNum(t, tab, row, col, w[i], 1e-8)
		}
		if cell(t, tab, row, "suppressed") != false {
			t.Errorf("%v suppressed", key)
		}
	}
	// D has 2 scores (< MinCell 3); C, with 3 the next smallest, is suppressed with it so
	// D cannot be recovered from the "all" row.
	for _, g := range []string{"C", "D"} {
		row := findRow(t, tab, map[string]string{"scale": "kennen", "group_by": "municipality", "group": g})
		if cell(t, tab, row, "suppressed") != true || cell(t, tab, row, "n") != nil || cell(t, tab, row, "mean") != nil {
			t.Errorf("group %s not suppressed: %v", g, row)
		}
	}
	// Groups in sorted order; r06 (no role) left out of the role grouping with a note.
	var groups []string
	for _, row := range tab.Rows {
		if row[0] == "kennen" && row[1] == "municipality" {
			groups = append(groups, row[2].(string))
		}
	}
	if len(groups) != 4 || groups[0] != "A" || groups[3] != "D" {
		t.Errorf("municipality groups = %v", groups)
	}
	if !hasNote(res, "scales", "Elkaar kennen: 1 respondent(s) without a role") {
		t.Errorf("no note on the respondent without a role: %+v", res.Notes)
	}
	// Nobody answered bereiken: its "all" row is there, suppressed.
	row := findRow(t, tab, map[string]string{"scale": "bereiken", "group_by": "all"})
	if cell(t, tab, row, "suppressed") != true {
		t.Errorf("empty scale not suppressed: %v", row)
	}
}

// hasNote reports whether a note of the topic starts with the English text.
func hasNote(res *results.Results, topic, prefix string) bool {
	for _, n := range res.Notes {
		if n.Topic == topic && len(n.EN) >= len(prefix) && n.EN[:len(prefix)] == prefix {
			return true
		}
	}
	return false
}

// R 4.2, item K4 as asked (not reversed), all respondents:
//
//	> k4 <- d$K4[!is.na(d$K4)]; table(factor(k4, levels = 1:5)) / length(k4)
//	0.13333333333 0.33333333333 0.26666666667 0.20000000000 0.06666666667
//	> desc(d$K4)
//	n 15, mean 2.7333333333, sd 1.1629191513, ci 2.0893301730 3.3773364936,
//	median 3, agree 0.2666666667
func TestItemsTable(t *testing.T) {
	in := surveyInput(t)
	res := &results.Results{}
	ScaleItems(in, res)
	tab := res.Table("items")
	checkHeader(t, tab, "scale", "item", "group_by", "group", "n", "mean", "sd", "ci_low", "ci_high", "median", "pct_agree", "suppressed")
	noFloatTrouble(t, tab)
	for _, c := range []string{"reverse", "pct_1", "pct_2", "pct_3", "pct_4", "pct_5"} {
		if tab.Col(c) < 0 {
			t.Errorf("no column %s", c)
		}
	}
	row := findRow(t, tab, map[string]string{"scale": "kennen", "item": "K4", "group_by": "all"})
	for col, w := range map[string]float64{"n": 15, "mean": 2.7333333333, "sd": 1.1629191513,
		"ci_low": 2.0893301730, "ci_high": 3.3773364936, "median": 3, "pct_agree": 0.2666666667,
		"pct_1": 0.13333333333, "pct_2": 0.33333333333, "pct_3": 0.26666666667, "pct_4": 0.2, "pct_5": 0.06666666667} {
		checkNum(t, tab, row, col, w, 1e-9)
	}
	if cell(t, tab, row, "reverse") != true {
		t.Error("K4 not marked reverse")
	}
	// bereiken's answers are 1..3: no pct_4 or pct_5 for it.
	row = findRow(t, tab, map[string]string{"scale": "bereiken", "item": "B1", "group_by": "all"})
	if cell(t, tab, row, "pct_5") != nil {
		t.Error("pct_5 filled for a three-point scale")
	}
	// K1 in municipality B: 2, 3, 1, 3, 2 as asked.
	row = findRow(t, tab, map[string]string{"scale": "kennen", "item": "K1", "group_by": "municipality", "group": "B"})
	checkNum(t, tab, row, "mean", 2.2, 1e-12)
	checkNum(t, tab, row, "pct_2", 0.4, 1e-12)
	row = findRow(t, tab, map[string]string{"scale": "kennen", "item": "K1", "group_by": "municipality", "group": "D"})
	if cell(t, tab, row, "suppressed") != true || cell(t, tab, row, "pct_2") != nil {
		t.Errorf("D not suppressed: %v", row)
	}
}

// BenchmarkScalesTable measures the scales table for 100,000 respondents × 12 items
// (three scales of four items) in 40 municipalities and 8 roles.
func BenchmarkScalesTable(b *testing.B) {
	cb, err := codebook.Load("../../data/codebooks/samenwerking.yaml")
	if err != nil {
		b.Fatal(err)
	}
	rng := rand.New(rand.NewPCG(1, 2))
	var d protected.Dataset
	var answers []protected.Answer
	roles := []string{"jongerenwerker", "jeugdzorgprofessional", "wijkagent", "school", "wijkteammedewerker", "ouder", "beleidsmedewerker", "jongere"}
	for i := 0; i < 100000; i++ {
		id := "R" + strconv.Itoa(i)
		d.Respondents = append(d.Respondents, protected.Respondent{Pseudonym: id, Municipality: "G" + strconv.Itoa(i%40), Role: roles[i%8]})
		for _, s := range cb.Scales {
			for _, it := range s.Items {
				a := protected.Answer{Respondent: id, Item: it.ID, Value: float64(1 + rng.IntN(5))}
				if rng.IntN(20) == 0 {
					a.Missing, a.Value = true, 0
				}
				answers = append(answers, a)
			}
		}
	}
	d.Survey = protected.NewSurvey(answers)
	in := &Input{Data: d, Codebook: cb, Groups: []string{"municipality", "role"}, MinCell: 5}
	in.Prepare()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		res := &results.Results{}
		Scales(in, res)
		if n := len(res.Table("scales").Rows); n != 3*(1+40+8) {
			b.Fatalf("%d rows", n)
		}
	}
}

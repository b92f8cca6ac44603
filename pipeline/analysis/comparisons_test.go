package analysis

import (
	"strings"
	"testing"

	"github.com/samenspel/samenspel/pipeline/results"
)

// R 4.2. Scale scores (d$score as in TestScaleScores) by municipality, D (2 scores) left
// out under MinCell 3, and by role:
//
//	> s <- d[!is.na(d$score) & d$mun %in% c("A", "B", "C"), ]
//	> kt <- kruskal.test(score ~ factor(mun), s)
//	H 7.74235033259, df 2, p 0.02083387177, eps² = H/(14-1) 0.59556541020
//	> # Dunn by hand as in pipeline/stats (z, two-sided p, r = z/sqrt(n_a + n_b)):
//	A B  2.3526722795 0.01863905328  0.7093573823
//	A C -0.4527434099 0.6507335171  -0.1509144700
//	B C -2.3890997231 0.01688971719 -0.8446743076
//	> kruskal.test(score ~ factor(role), d[!is.na(d$score) & d$role != "", ])
//	H 0.33844765343, df 1, p 0.56072663918, eps² 0.02417483239
//
// Factor mentions of the interviewed respondents (see interviews):
//
//	> cs <- function(m) chisq.test(matrix(m, ncol = 2, byrow = TRUE), correct = FALSE)
//	> cs(c(4,1, 1,3, 2,1))   # kennen by municipality: X² 2.88, df 2, p 0.2369277587, V 0.4898979486
//	> cs(c(5,1, 2,4))        # kennen by role: X² 3.08571428571, p 0.07898257926, V 0.50709255284
//	> cs(c(2,3, 1,3, 1,2))   # informeren by municipality: X² 0.225, p 0.8935973471, V 0.1369306394
//	> cs(c(3,3, 1,5))        # informeren by role: X² 1.5, p 0.2206713619, V 0.3535533906
//	> p.adjust(c(0.02083387177, 0.01863905328, 0.6507335171, 0.01688971719, 0.56072663918,
//	+   0.2369277587, 0.07898257926, 0.8935973471, 0.2206713619), "holm")
//	0.1520074547 0.1520074547 1 0.1520074547 1 1 0.4738954756 1 1
func TestComparisonsTable(t *testing.T) {
	in := surveyInput(t)
	res := &results.Results{}
	Comparisons(in, res)
	tab := res.Table("comparisons")
	checkHeader(t, tab, "measure", "group_by", "test", "statistic", "df", "p", "p_holm", "effect_size", "effect_name", "n", "note")
	noFloatTrouble(t, tab)
	type want struct {
		stat, df, p, holm, effect, n float64
		effectName                   string
	}
	cases := map[[3]string]want{
		{"kennen", "municipality", "kruskal_wallis"}: {7.74235033259, 2, 0.02083387177, 0.1520074547, 0.59556541020, 14, "epsilon_squared"},
		{"kennen", "municipality: A vs B", "dunn"}:   {2.3526722795, -1, 0.01863905328, 0.1520074547, 0.7093573823, 11, "r"},
		{"kennen", "municipality: A vs C", "dunn"}:   {-0.4527434099, -1, 0.6507335171, 1, -0.1509144700, 9, "r"},
		{"kennen", "municipality: B vs C", "dunn"}:   {-2.3890997231, -1, 0.01688971719, 0.1520074547, -0.8446743076, 8, "r"},
		{"kennen", "role", "kruskal_wallis"}:         {0.33844765343, 1, 0.56072663918, 1, 0.02417483239, 15, "epsilon_squared"},
		{"kennen", "municipality", "chi_square"}:     {2.88, 2, 0.2369277587, 1, 0.4898979486, 12, "cramers_v"},
		{"kennen", "role", "chi_square"}:             {3.08571428571, 1, 0.07898257926, 0.4738954756, 0.50709255284, 12, "cramers_v"},
		{"informeren", "municipality", "chi_square"}: {0.225, 2, 0.8935973471, 1, 0.1369306394, 12, "cramers_v"},
		{"informeren", "role", "chi_square"}:         {1.5, 1, 0.2206713619, 1, 0.3535533906, 12, "cramers_v"},
	}
	for key, w := range cases {
		row := findRow(t, tab, map[string]string{"measure": key[0], "group_by": key[1], "test": key[2]})
		checkNum(t, tab, row, "statistic", w.stat, 1e-8)
		checkNum(t, tab, row, "p", w.p, 1e-10)
		checkNum(t, tab, row, "p_holm", w.holm, 1e-8)
		checkNum(t, tab, row, "effect_size", w.effect, 1e-8)
		checkNum(t, tab, row, "n", w.n, 0)
		if w.df >= 0 {
			checkNum(t, tab, row, "df", w.df, 0)
		} else if cell(t, tab, row, "df") != nil {
			t.Errorf("Dunn row with df: %v", row)
		}
		if cell(t, tab, row, "effect_name") != w.effectName {
			t.Errorf("%v effect_name = %v", key, cell(t, tab, row, "effect_name"))
		}
	}
	// D is counted, never named, as left out of the Kruskal-Wallis test (a group under
	// MinCell appears nowhere as its own group); all chi-square cells of kennen
	// by municipality have an expected count below 5.
	row := findRow(t, tab, map[string]string{"measure": "kennen", "group_by": "municipality", "test": "kruskal_wallis"})
	if note, _ := cell(t, tab, row, "note").(string); !strings.Contains(note, "1 group(s) with fewer than 3 respondents left out") || strings.Contains(note, "D") {
		t.Errorf("note = %q", note)
	}
	row = findRow(t, tab, map[string]string{"measure": "kennen", "group_by": "municipality", "test": "chi_square"})
	if note, _ := cell(t, tab, row, "note").(string); !strings.Contains(note, "6 of 6 expected counts below 5") {
		t.Errorf("note = %q", note)
	}
	// Nobody mentions bereiken (the auto-coder's and the interviewer's codings do not
	// count): the rows are there without a statistic, and say why.
	row = findRow(t, tab, map[string]string{"measure": "bereiken", "group_by": "role", "test": "chi_square"})
	if cell(t, tab, row, "statistic") != nil || cell(t, tab, row, "p_holm") != nil {
		t.Errorf("bereiken: %v", row)
	}
	if note, _ := cell(t, tab, row, "note").(string); !strings.Contains(note, "not testable") {
		t.Errorf("note = %q", note)
	}
	// The bereiken scale has no answers: not tested, with a note.
	if !hasNote(res, "comparisons", "bereiken by municipality: not tested") {
		t.Errorf("notes: %+v", res.Notes)
	}
	if len(tab.Rows) != 11 {
		t.Errorf("%d rows, want 11", len(tab.Rows))
	}
}

// Every table of this package's stages survives a dataset without answers, codings or
// respondents, and one with a single group.
func TestScaleTablesOnEmptyInput(t *testing.T) {
	in := surveyInput(t)
	in.Data.Answers, in.Data.Codings = nil, nil
	in.Prepare()
	res := &results.Results{}
	for _, stage := range []Stage{Scales, ScaleItems, ScaleReliability, Comparisons} {
		stage(in, res)
	}
	for _, tab := range res.Tables {
		noFloatTrouble(t, tab)
	}
	if n := len(res.Table("comparisons").Rows); n != 0 {
		t.Errorf("%d comparisons without data", n)
	}
	empty := &Input{Codebook: in.Codebook}
	empty.Prepare()
	res = &results.Results{}
	for _, stage := range []Stage{Scales, ScaleItems, ScaleReliability, Comparisons} {
		stage(empty, res)
	}
	noCodebook := surveyInput(t)
	noCodebook.Codebook = nil
	res = &results.Results{}
	for _, stage := range []Stage{Scales, ScaleItems, ScaleReliability, Comparisons} {
		stage(noCodebook, res)
	}
	one := surveyInput(t)
	for i := range one.Data.Respondents {
		one.Data.Respondents[i].Municipality = "A"
	}
	one.Prepare()
	res = &results.Results{}
	Comparisons(one, res)
	if !hasNote(res, "comparisons", "kennen by municipality: not tested, as 1 group(s)") {
		t.Errorf("notes: %+v", res.Notes)
	}
}

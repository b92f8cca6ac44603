package analysis

import (
	"strings"
	"testing"

	"github.com/samenspel/samenspel/pipeline/protected"
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
//
// Holm within each family: the Dunn pairs of kennen by municipality, and the chi-square
// tests of one grouping across the factors (bereiken untestable, so not counted); each
// Kruskal-Wallis family holds one test (the bereiken scale has no answers):
//
//	> p.adjust(c(0.01863905328, 0.6507335171, 0.01688971719), "holm")
//	0.05066915157 0.65073351710 0.05066915157
//	> p.adjust(c(0.2369277587, 0.8935973471), "holm")
//	0.4738555174 0.8935973471
//	> p.adjust(c(0.07898257926, 0.2206713619), "holm")
//	0.15796515852 0.22067136190
//	> p.adjust(c(0.01863905328, 0.6507335171, 0.01688971719), "BH")
//	0.02795857992 0.65073351710 0.02795857992
func TestComparisonsTable(t *testing.T) {
	in := surveyInput(t)
	res := &results.Results{}
	Comparisons(in, res)
	tab := res.Table("comparisons")
	checkHeader(t, tab, "measure", "group_by", "test", "statistic", "df", "p", "p_holm", "effect_size", "effect_name", "n", "note",
		"family", "adjustment", "p_adjusted", "reason", "eta_squared_h", "effect_magnitude")
	noFloatTrouble(t, tab)
	type want struct {
		stat, df, p, holm, effect, n float64
		effectName, family           string
	}
	cases := map[[3]string]want{
		{"kennen", "municipality", "kruskal_wallis"}: {7.74235033259, 2, 0.02083387177, 0.02083387177, 0.59556541020, 14, "epsilon_squared", "kruskal_wallis/municipality"},
		{"kennen", "municipality: A vs B", "dunn"}:   {2.3526722795, -1, 0.01863905328, 0.05066915157, 0.7093573823, 11, "r", "dunn/kennen/municipality"},
		{"kennen", "municipality: A vs C", "dunn"}:   {-0.4527434099, -1, 0.6507335171, 0.6507335171, -0.1509144700, 9, "r", "dunn/kennen/municipality"},
		{"kennen", "municipality: B vs C", "dunn"}:   {-2.3890997231, -1, 0.01688971719, 0.05066915157, -0.8446743076, 8, "r", "dunn/kennen/municipality"},
		{"kennen", "role", "kruskal_wallis"}:         {0.33844765343, 1, 0.56072663918, 0.56072663918, 0.02417483239, 15, "epsilon_squared", "kruskal_wallis/role"},
		{"kennen", "municipality", "chi_square"}:     {2.88, 2, 0.2369277587, 0.4738555174, 0.4898979486, 12, "cramers_v", "chi_square/municipality"},
		{"kennen", "role", "chi_square"}:             {3.08571428571, 1, 0.07898257926, 0.15796515852, 0.50709255284, 12, "cramers_v", "chi_square/role"},
		{"informeren", "municipality", "chi_square"}: {0.225, 2, 0.8935973471, 0.8935973471, 0.1369306394, 12, "cramers_v", "chi_square/municipality"},
		{"informeren", "role", "chi_square"}:         {1.5, 1, 0.2206713619, 0.2206713619, 0.3535533906, 12, "cramers_v", "chi_square/role"},
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
		if cell(t, tab, row, "family") != w.family || cell(t, tab, row, "adjustment") != "holm" {
			t.Errorf("%v family = %v, adjustment %v", key, cell(t, tab, row, "family"), cell(t, tab, row, "adjustment"))
		}
		checkNum(t, tab, row, "p_adjusted", w.holm, 1e-8)
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
	if cell(t, tab, row, "statistic") != nil || cell(t, tab, row, "p_holm") != nil || cell(t, tab, row, "df") != nil || cell(t, tab, row, "p") != nil {
		t.Errorf("bereiken: %v", row)
	}
	if reason, _ := cell(t, tab, row, "reason").(string); !strings.Contains(reason, "not testable") {
		t.Errorf("reason = %q", reason)
	}
	// The bereiken scale has no answers: not tested, its row says why.
	row = findRow(t, tab, map[string]string{"measure": "bereiken", "group_by": "municipality", "test": "kruskal_wallis"})
	if reason, _ := cell(t, tab, row, "reason").(string); !strings.Contains(reason, "not tested: 0 group(s) of at least 3 respondents") || cell(t, tab, row, "df") != nil {
		t.Errorf("bereiken scale: %v", row)
	}
	// eta²_H = (H - k + 1)/(n - k) = (7.74235033259 - 2)/(14 - 3), labelled as rstatix.
	row = findRow(t, tab, map[string]string{"measure": "kennen", "group_by": "municipality", "test": "kruskal_wallis"})
	checkNum(t, tab, row, "eta_squared_h", (7.74235033259-2)/11, 1e-8)
	if cell(t, tab, row, "effect_magnitude") != "large" {
		t.Errorf("magnitude %v", row)
	}
	if len(tab.Rows) != 13 {
		t.Errorf("%d rows, want 13", len(tab.Rows))
	}

	// Benjamini-Hochberg within the families.
	in.Adjust = "bh"
	res = &results.Results{}
	Comparisons(in, res)
	tab = res.Table("comparisons")
	row = findRow(t, tab, map[string]string{"measure": "kennen", "group_by": "municipality: A vs B", "test": "dunn"})
	checkNum(t, tab, row, "p_adjusted", 0.02795857992, 1e-8)
	checkNum(t, tab, row, "p_holm", 0.05066915157, 1e-8)
	if cell(t, tab, row, "adjustment") != "bh" {
		t.Errorf("adjustment %v", row)
	}
}

// Every table of this package's stages survives a dataset without answers, codings or
// respondents, and one with a single group.
func TestScaleTablesOnEmptyInput(t *testing.T) {
	in := surveyInput(t)
	in.Data.Survey, in.Data.Codings = protected.Survey{}, nil
	in.Prepare()
	res := &results.Results{}
	for _, stage := range []Stage{Scales, ScaleItems, ScaleReliability, Comparisons} {
		stage(in, res)
	}
	for _, tab := range res.Tables {
		noFloatTrouble(t, tab)
	}
	for _, row := range res.Table("comparisons").Rows {
		if row[3] != nil || row[5] != nil || row[14] == nil {
			t.Errorf("a comparison without data: %v", row)
		}
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
	row := findRow(t, res.Table("comparisons"), map[string]string{"measure": "kennen", "group_by": "municipality", "test": "kruskal_wallis"})
	if reason, _ := row[14].(string); !strings.Contains(reason, "not tested: 1 group(s)") {
		t.Errorf("row: %v", row)
	}
}

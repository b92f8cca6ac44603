package reports

import (
	"fmt"
	"strings"

	"github.com/samenspel/samenspel/pipeline/results"
)

func init() {
	referenceList = append(referenceList,
		struct{ key, text string }{"wilcoxon", "Wilcoxon, F. (1945). Individual comparisons by ranking methods. Biometrics Bulletin, 1(6), 80–83."},
		struct{ key, text string }{"mannwhitney", "Mann, H. B., & Whitney, D. R. (1947). On a test of whether one of two random variables is stochastically larger than the other. Annals of Mathematical Statistics, 18(1), 50–60."},
		struct{ key, text string }{"welch", "Welch, B. L. (1947). The generalization of ‘Student's’ problem when several different population variances are involved. Biometrika, 34(1–2), 28–35."},
		struct{ key, text string }{"pratt", "Pratt, J. W. (1959). Remarks on zeros and ties in the Wilcoxon signed rank procedures. Journal of the American Statistical Association, 54(287), 655–667."})
	noteTopics["wave_scales"] = [2]string{"Metingen", "Waves"}
	for col, head := range map[string][2]string{
		"wave":      {"Meting", "Wave"},
		"wave_from": {"Van meting", "From wave"},
		"wave_to":   {"Naar meting", "To wave"},
		"design":    {"Opzet", "Design"},
		"n_from":    {"n van", "n from"},
		"n_to":      {"n naar", "n to"},
		"mean_from": {"Gemiddelde van", "Mean from"},
		"mean_to":   {"Gemiddelde naar", "Mean to"},
		"change":    {"Verandering", "Change"},
		"exact":     {"Exacte p", "Exact p"},
	} {
		columnHeads[col] = head
	}
}

// waveSentences state the rule of the wave comparisons for the methods paragraph: who
// is paired, which tests and intervals, and what the independent comparison ignores.
func waveSentences(res *results.Results, cites map[string]bool) []string {
	T := res.Text
	t := view(res.Table("wave_comparisons"))
	if t.len() == 0 {
		return nil
	}
	kruskal := false
	for i := 0; i < t.len(); i++ {
		kruskal = kruskal || t.str(i, "test") == "kruskal_wallis"
	}
	cites["wilcoxon"], cites["mannwhitney"], cites["welch"], cites["pratt"] = true, true, true, true
	out := []string{T(
		"Metingen zijn per schaal en groep op twee manieren vergeleken. Respondenten die aan beide metingen meededen (hetzelfde pseudoniem) zijn gepaard vergeleken: de verandering is het gemiddelde verschil met het 95%-interval van de gepaarde t-toets, getoetst met de rangtekentoets van Wilcoxon (1945; exact onder 50 verschillen zonder knopen of nullen, anders de normale benadering met continuïteits- en knopencorrectie, zoals R's wilcox.test). Daarnaast zijn alle respondenten van elke meting als onafhankelijke steekproeven vergeleken: het verschil in gemiddelde met Welch' (1947) interval, getoetst met de Mann-Whitneytoets (Mann & Whitney 1947); wie aan beide metingen meedeed, zit dan in beide steekproeven, zodat deze toets hen ten onrechte als onafhankelijk behandelt (de kolom note zegt hoeveel). De effectmaat is r = |Z| / √n (zoals rstatix::wilcox_effsize; gepaard met de nullen volgens Pratt 1959).",
		"Waves were compared per scale and group in two ways. Respondents who took part in both waves (the same pseudonym) were compared as pairs: the change is the mean difference with the 95% interval of the paired t-test, tested with Wilcoxon's (1945) signed-rank test (exact below 50 differences without ties or zeros, else the normal approximation with continuity and tie correction, as R's wilcox.test). In addition, all respondents of each wave were compared as independent samples: the difference in means with Welch's (1947) interval, tested with the Mann-Whitney test (Mann & Whitney 1947); those in both waves are then in both samples, which this test wrongly treats as independent (the column note says how many). The effect size is r = |Z| / √n (as rstatix::wilcox_effsize; paired with zeros after Pratt 1959).")}
	if kruskal {
		cites["kruskal"], cites["tomczak"] = true, true
		out = append(out, T("Met drie of meer metingen toetst de Kruskal-Wallistoets alle metingen samen, met η²_H als effectmaat.",
			"With three or more waves the Kruskal-Wallis test compares all waves together, with η²_H as the effect size."))
	}
	// The latest wave: the one no pair of consecutive waves starts from.
	from, latest := map[string]bool{}, ""
	for i := 0; i < t.len(); i++ {
		from[t.str(i, "wave_from")] = true
	}
	for i := 0; i < t.len(); i++ {
		if w := t.str(i, "wave_to"); w != "" && !from[w] {
			latest = w
		}
	}
	if latest != "" {
		out = append(out, T(fmt.Sprintf("De andere tabellen (schaalscores, items, betrouwbaarheid, vergelijkingen tussen groepen, steekproef, gezamenlijke weergave) beschrijven alleen de laatste meting (%s), zodat niemand daarin twee keer meetelt.", latest),
			fmt.Sprintf("The other tables (scale scores, items, reliability, comparisons between groups, sample, joint display) describe the latest wave only (%s), so that no one counts twice in them.", latest)))
	}
	out = append(out, T("Een meting van een groep met te weinig respondenten, en een vergelijking met zo'n meting of met te weinig paren, wordt niet getoond; p-waarden zijn gecorrigeerd binnen de familie van één toets en indeling (kolom family).",
		"A wave of a group with too few respondents, and a comparison with such a wave or with too few pairs, is not shown; p values are adjusted within the family of one test and grouping (column family)."))
	return out
}

// waveTable is the report's table of wave comparisons: every row of the study as a
// whole, and of the groups all rows when they are few, else the significant ones (at
// most maxPairsShown); tables/wave_comparisons.csv holds them all.
func waveTable(res *results.Results, l labels) *peopleTable {
	T := res.Text
	t := view(res.Table("wave_comparisons"))
	if t.len() == 0 {
		return nil
	}
	groupRows := 0
	for i := 0; i < t.len(); i++ {
		if t.str(i, "group_by") != "all" {
			groupRows++
		}
	}
	shown := 0
	keep := func(t rows, i int) bool {
		if t.str(i, "group_by") == "all" || groupRows <= maxPairsShown {
			return true
		}
		if p, ok := t.num(i, "p_adjusted"); ok && p < 0.05 && shown < maxPairsShown {
			shown++
			return true
		}
		return false
	}
	caption := T("Vergelijking van de metingen (verandering = later min eerder; alle rijen in tables/wave_comparisons.csv)",
		"Comparison of the waves (change = later minus earlier; every row in tables/wave_comparisons.csv)")
	if groupRows > maxPairsShown {
		caption = T(fmt.Sprintf("Vergelijking van de metingen (verandering = later min eerder; groepen alleen waar p < 0,05 na correctie, ten hoogste %d; alle in tables/wave_comparisons.csv)", maxPairsShown),
			fmt.Sprintf("Comparison of the waves (change = later minus earlier; groups only where the adjusted p < 0.05, at most %d; all in tables/wave_comparisons.csv)", maxPairsShown))
	}
	design := func(s string) string {
		switch s {
		case "paired":
			return T("gepaard", "paired")
		case "independent":
			return T("onafhankelijk", "independent")
		}
		return s
	}
	test := func(s string) string { return testName(res, s) }
	group := func(s string) string {
		if s == "all" {
			return T("alle respondenten", "all respondents")
		}
		return s
	}
	sheetWords := newSheetLabels(res)
	return peopleView(res, "wave_comparisons", caption, keep, []column{
		{name: "scale", nl: "Schaal", en: "Scale", label: l.scaleLabel},
		{name: "group", nl: "Groep", en: "Group", label: group},
		{name: "wave_from", nl: "Van", en: "From"},
		{name: "wave_to", nl: "Naar", en: "To"},
		{name: "design", nl: "Opzet", en: "Design", label: design},
		{name: "n", nl: "n", en: "n"},
		{name: "mean_from", nl: "Gemiddelde van", en: "Mean from"},
		{name: "mean_to", nl: "Gemiddelde naar", en: "Mean to"},
		{name: "change", nl: "Verandering", en: "Change"},
		{name: "ci", nl: "95%-interval", en: "95% interval"},
		{name: "test", nl: "Toets", en: "Test", label: test},
		{name: "p", nl: "p", en: "p"},
		{name: "p_adjusted", nl: "p (gecorrigeerd)", en: "p (adjusted)"},
		{name: "effect_size", nl: "Effectgrootte", en: "Effect size"},
		{name: "effect_magnitude", nl: "Effect", en: "Effect", label: func(s string) string { return sheetWords.cell(nil, nil, "effect_magnitude", s) }},
		{name: "note", nl: "Opmerking", en: "Note", sparse: true, label: strings.TrimSpace},
	})
}

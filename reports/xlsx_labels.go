package reports

import (
	"strings"

	"github.com/samenspel/samenspel/pipeline/results"
)

// columnHeads name the columns of tables.xlsx, Dutch and English. The tidy CSVs keep the
// column names of the output contract, for R and SPSS; the workbook is for people.
var columnHeads = map[string][2]string{
	"factor":             {"Factor", "Factor"},
	"code":               {"Code", "Code"},
	"code_a":             {"Code A", "Code A"},
	"code_b":             {"Code B", "Code B"},
	"group_by":           {"Indeling", "Grouping"},
	"group":              {"Groep", "Group"},
	"segments":           {"Fragmenten", "Segments"},
	"respondents":        {"Respondenten", "Respondents"},
	"group_respondents":  {"Respondenten in de groep", "Respondents in the group"},
	"share":              {"Aandeel", "Share"},
	"suppressed":         {"Niet getoond (privacy)", "Suppressed (privacy)"},
	"ci_low":             {"95%-interval, onder", "95% interval, lower"},
	"ci_high":            {"95%-interval, boven", "95% interval, upper"},
	"valence":            {"Bevorderend of belemmerend", "Facilitator or barrier"},
	"coders":             {"Codeurs", "Coders"},
	"coder":              {"Codeur", "Coder"},
	"human_coder":        {"Codeur", "Human coder"},
	"units":              {"Eenheden", "Units"},
	"percent_agreement":  {"Overeenstemming", "Agreement"},
	"cohen_kappa":        {"Cohens κ", "Cohen's κ"},
	"fleiss_kappa":       {"Fleiss' κ", "Fleiss' κ"},
	"krippendorff_alpha": {"Krippendorffs α", "Krippendorff's α"},
	"alpha_ci_low":       {"α, 95%-interval, onder", "α, 95% interval, lower"},
	"alpha_ci_high":      {"α, 95%-interval, boven", "α, 95% interval, upper"},
	"note":               {"Opmerking", "Note"},
	"tp":                 {"Terecht positief", "True positives"},
	"fp":                 {"Vals positief", "False positives"},
	"fn":                 {"Vals negatief", "False negatives"},
	"tn":                 {"Terecht negatief", "True negatives"},
	"precision":          {"Precisie", "Precision"},
	"recall":             {"Recall", "Recall"},
	"f1":                 {"F1", "F1"},
	"segment":            {"Fragment", "Segment"},
	"respondent":         {"Respondent", "Respondent"},
	"rule":               {"Regel", "Rule"},
	"span":               {"Gevonden tekst", "Matched text"},
	"start":              {"Begin", "Start"},
	"end":                {"Eind", "End"},
	"role":               {"Rol", "Role"},
	"municipality":       {"Gemeente", "Municipality"},
	"measure":            {"Maat", "Measure"},
	"test":               {"Toets", "Test"},
	"statistic":          {"Toetsgrootheid", "Statistic"},
	"df":                 {"df", "df"},
	"p":                  {"p", "p"},
	"p_holm":             {"p (Holm)", "p (Holm)"},
	"effect_size":        {"Effectgrootte", "Effect size"},
	"effect_name":        {"Maat van het effect", "Effect measure"},
	"n":                  {"n", "n"},
	"jaccard":            {"Jaccard-index", "Jaccard index"},
	"scale":              {"Schaal", "Scale"},
	"item":               {"Item", "Item"},
	"items":              {"Items", "Items"},
	"mean":               {"Gemiddelde", "Mean"},
	"sd":                 {"SD", "SD"},
	"median":             {"Mediaan", "Median"},
	"pct_agree":          {"Eens", "Agree"},
	"reverse":            {"Omgescoord", "Reverse-scored"},
	"partner":            {"Partner", "Partner"},
	"quote":              {"Citaat", "Quote"},
	"file":               {"Bestand", "File"},
	"location":           {"Plaats", "Location"},
	"value":              {"Waarde", "Value"},
	"reason":             {"Reden", "Reason"},
	"cronbach_alpha":     {"Cronbachs α", "Cronbach's α"},
	"std_alpha":          {"Gestandaardiseerde α", "Standardised α"},
	"n_excluded":         {"Niet meegeteld (onvolledig)", "Left out (incomplete)"},
	"r_drop":             {"Item-restcorrelatie", "Item-rest correlation"},
	"alpha_if_deleted":   {"α zonder dit item", "α if item deleted"},
	"interviewed":        {"Geïnterviewd", "Interviewed"},
	"surveyed":           {"Vragenlijst", "Surveyed"},
	"name":               {"Naam", "Name"},
	"codings":            {"Coderingen", "Codings"},
	"files":              {"Bestanden", "Files"},
	"adjustment":         {"Correctie", "Adjustment"},
	"p_adjusted":         {"p (gecorrigeerd)", "p (adjusted)"},
	"family":             {"Familie", "Family"},
	"eta_squared_h":      {"η²_H", "η²_H"},
	"effect_magnitude":   {"Effect", "Effect"},
	"alpha_ci_method":    {"Methode α-interval", "α interval method"},
	"alpha_reliability":  {"Oordeel α", "α reading"},
	"kappa_ci_low":       {"κ, 95%-interval, onder", "κ, 95% interval, lower"},
	"kappa_ci_high":      {"κ, 95%-interval, boven", "κ, 95% interval, upper"},
	"pairwise_kappa":     {"Paarsgewijze κ (Light)", "Pairwise κ (Light)"},
	"positive_agreement": {"Positieve overeenstemming", "Positive agreement"},
	"chance_agreement":   {"Kansovereenstemming", "Chance agreement"},
	"applied":            {"Toegekend", "Applied"},
	"bootstrap_samples":  {"Bootstrapsteekproeven", "Bootstrap samples"},
	"ci_method":          {"Methode interval", "Interval method"},
	"missing":            {"Ontbrekende antwoorden", "Missing answers"},
	"scored":             {"Met schaalscore", "Scored"},
	"strand":             {"Bron", "Strand"},
	"status":             {"Weergave", "Status"},
	"shown_as":           {"Getoond als", "Shown as"},
}

// sheetLabels turns column names and ids into what a person reads in tables.xlsx.
type sheetLabels struct {
	res *results.Results
	l   labels
}

func newSheetLabels(res *results.Results) sheetLabels {
	return sheetLabels{res: res, l: newLabels(res)}
}

// head names a column: from columnHeads, a code column of code_presence by its code's
// label, pct_<k> as the share answering k, anything else made readable (labelOf).
func (s sheetLabels) head(name string) string {
	if h, ok := columnHeads[name]; ok {
		return s.res.Text(h[0], h[1])
	}
	if lbl := s.l.code[name]; lbl != "" {
		return lbl
	}
	if k, ok := strings.CutPrefix(name, "pct_"); ok {
		return s.res.Text("Aandeel antwoord "+k, "Share answering "+k)
	}
	return labelOf(name)
}

// cell writes a text cell of column col as people read it: factor, code, scale, role and
// partner ids by their labels, groupings, tests and effect measures by their names. A
// group is a role's id where its row's group_by is role.
func (s sheetLabels) cell(t *results.Table, row []any, col, v string) string {
	T := s.res.Text
	switch col {
	case "factor":
		return s.l.factorLabel(v)
	case "code", "code_a", "code_b":
		if v == "*" {
			return T("alle codes", "all codes")
		}
		return s.l.codeLabel(v)
	case "scale", "measure":
		return s.l.scaleLabel(v)
	case "role":
		return s.l.roleLabel(v)
	case "partner":
		return s.l.partnerLabel(v)
	case "group_by":
		return groupingLabel(s.res, v)
	case "group":
		switch groupBy := rowText(t, row, "group_by"); {
		case groupBy == "all" || v == "all" && groupBy == "":
			return T("Totaal", "Total")
		case groupBy == "role":
			return s.l.roleLabel(v)
		}
		return v
	case "valence":
		return valenceLabel(s.res, v)
	case "test":
		return testName(s.res, v)
	case "effect_name":
		return effectName(s.res, v)
	case "adjustment":
		switch v {
		case "holm":
			return "Holm"
		case "bh":
			return "Benjamini-Hochberg"
		case "none":
			return T("geen", "none")
		}
	case "effect_magnitude":
		switch v {
		case "negligible":
			return T("verwaarloosbaar", "negligible")
		case "small":
			return T("klein", "small")
		case "moderate":
			return T("middelgroot", "moderate")
		case "large":
			return T("groot", "large")
		}
	case "alpha_reliability":
		switch v {
		case "reliable":
			return T("betrouwbaar", "reliable")
		case "tentative":
			return T("voorlopig", "tentative")
		case "unreliable":
			return T("onbetrouwbaar", "unreliable")
		}
	case "strand":
		switch v {
		case "interviews":
			return T("interviews", "interviews")
		case "survey":
			return T("vragenlijst", "survey")
		}
	case "status":
		switch v {
		case "shown":
			return T("apart", "shown")
		case "pooled":
			return T("samengevoegd", "pooled")
		case "suppressed":
			return T("niet getoond", "suppressed")
		}
	case "missing":
		switch v {
		case "listwise":
			return T("lijstgewijs", "listwise")
		case "pairwise":
			return T("paarsgewijs", "pairwise")
		}
	}
	return v
}

// rowText returns a text cell of a row by column name, "" when absent.
func rowText(t *results.Table, row []any, col string) string {
	for i, c := range t.Columns {
		if c.Name == col && i < len(row) {
			s, _ := row[i].(string)
			return s
		}
	}
	return ""
}

// testName names a statistical test as a methods section writes it.
func testName(res *results.Results, s string) string {
	switch strings.ReplaceAll(strings.ToLower(s), "-", "_") {
	case "kruskal_wallis":
		return "Kruskal-Wallis"
	case "dunn":
		return "Dunn"
	case "chi_square":
		return res.Text("Chi-kwadraat", "Chi-square")
	case "wilcoxon_signed_rank":
		return res.Text("Wilcoxon-rangteken", "Wilcoxon signed-rank")
	case "mann_whitney":
		return "Mann-Whitney"
	}
	return s
}

// effectName names an effect-size measure.
func effectName(res *results.Results, s string) string {
	switch s {
	case "epsilon_squared":
		return "ε²"
	case "cramers_v":
		return res.Text("Cramérs V", "Cramér's V")
	case "eta_squared_h":
		return "η²_H"
	}
	return s
}

package reports

import (
	"fmt"
	"math"
	"sort"
	"strconv"
	"strings"

	"github.com/samenspel/samenspel/pipeline/results"
)

// report is the content of report.html and report.md, in the study's language. Both are
// rendered from it, so they never disagree.
type report struct {
	Lang       string
	Title      string
	Sample     []string // sentences
	SampleTab  *peopleTable
	Methods    []string // paragraphs
	Figures    []reportFigure
	Tables     []*peopleTable
	Joint      *jointSection       // joint_section.go
	Pages      []*municipalityPage // municipality.go: report.docx's section per municipality
	Quotes     []quoteGroup
	Notes      []string
	Inputs     *peopleTable
	References []string
	Tool       string
	Text       map[string]string // headings
}

type reportFigure struct {
	ID      string
	Number  int
	Title   string
	Caption string
	DataURI string // data:image/png;base64,... for the HTML report
	Link    string // figures/<name>.png (or .svg) for the Markdown report
	// PNG and its printed size in points, for report.docx, which crops away the bands
	// of the title and caption drawn in (CropTop and CropBottom, in points) and sets
	// them as an editable, numbered caption instead.
	PNG                 []byte
	Width, Height       float64
	CropTop, CropBottom float64
}

// peopleTable is a table formatted for reading: labels for ids, percentages, two
// decimals, decimal comma in Dutch.
type peopleTable struct {
	ID      string
	Caption string
	// Number and Title are the caption's parts for report.docx, which numbers tables
	// with a field; Number is 0 for an unnumbered table.
	Number  int
	Title   string
	Head    []string
	Numeric []bool
	Rows    [][]string
}

type quoteGroup struct {
	Factor string
	Quotes []quote
}

type quote struct {
	Code string
	Text string
	Who  string
}

func buildReport(res *results.Results, figs []renderedFigure) *report {
	l := newLabels(res)
	T := res.Text
	r := &report{
		Lang:  res.Language,
		Title: res.Title,
		Tool:  res.Tool,
		Text: map[string]string{
			"sample":     T("Steekproef", "Sample"),
			"methods":    T("Methode", "Methods"),
			"figures":    T("Figuren", "Figures"),
			"tables":     T("Tabellen", "Tables"),
			"quotes":     T("Citaten per factor", "Quotes by factor"),
			"notes":      T("Opmerkingen", "Notes"),
			"inputs":     T("Invoerbestanden", "Input files"),
			"references": T("Literatuur", "References"),
			"figure":     T("Figuur", "Figure"),
			"table":      T("Tabel", "Table"),
			"made":       T("Gemaakt met", "Made with"),
		},
	}
	if r.Lang != "en" {
		r.Lang = "nl"
	}
	if r.Title == "" {
		r.Title = T("Rapport", "Report")
	}
	r.Sample, r.SampleTab = sampleSection(res, l)
	cites := map[string]bool{}
	r.Methods = methods(res, l, cites)
	for i, f := range figs {
		rf := reportFigure{ID: "fig-" + f.Name, Number: i + 1, Title: f.Title, Caption: f.Caption}
		rf.PNG, rf.Width, rf.Height = f.png, f.width().Points(), f.Height().Points()
		rf.CropTop, rf.CropBottom = (margin + f.titleHeight()).Points(), (f.captionHeight() + margin).Points()
		if rf.DataURI = f.dataURI; rf.DataURI == "" {
			rf.DataURI = figureDataURI(f.png, f.svg) // write.go
		}
		switch {
		case f.pngPath != "":
			rf.Link = f.pngPath
		case f.svgPath != "":
			rf.Link = f.svgPath
		}
		r.Figures = append(r.Figures, rf)
	}
	r.Tables = keyTables(res, l)
	for i, t := range r.Tables {
		t.Number, t.Title = i+1, interviewWaveCaption(res, t.ID, latestWaveCaption(res, t.ID, t.Caption))
		t.Caption = fmt.Sprintf("%s %d. %s", r.Text["table"], i+1, t.Title)
	}
	r.Quotes = quotes(res, l)
	seenNote := map[string]bool{}
	for _, n := range res.Notes {
		s := strings.TrimSpace(T(n.NL, n.EN))
		if s == "" {
			continue
		}
		// Say which table a note is about: several tables note the same groups.
		if name, ok := noteTopics[n.Topic]; ok && !strings.HasPrefix(s, T(name[0], name[1])) {
			s = T(name[0], name[1]) + ": " + s
		}
		if !seenNote[s] {
			seenNote[s] = true
			r.Notes = append(r.Notes, s)
		}
	}
	// What could not be used belongs in the notes as well as in the sample paragraph.
	if res.Rejected > 0 || res.RejectedCells > 0 {
		r.Notes = append(r.Notes, T("Invoer", "Input")+": "+rejectedSentence(res))
	}
	if s := unmappedSentence(res); s != "" {
		r.Notes = append(r.Notes, T("Codeboek", "Codebook")+": "+s)
	}
	if !res.CountsHeld { // the warnings count respondents and suggestions
		for _, w := range res.Warnings {
			r.Notes = append(r.Notes, T("Waarschuwing", "Warning")+": "+w)
		}
	}
	r.Inputs = inputsTable(res)
	r.Joint = buildJoint(res, l, cites).number(r.Text["table"], len(r.Tables)+1)
	r.Pages = municipalityPages(res, l)
	r.References = references(cites)
	return r
}

// sampleSection says who took part: from the sample table, or else from the group sizes
// in code_frequencies.
func sampleSection(res *results.Results, l labels) ([]string, *peopleTable) {
	T := res.Text
	var out []string
	if res.Respondents > 0 || res.Segments > 0 || res.Answers > 0 {
		partsNL := []string{plural(res.Rejected, "invoerregel", "invoerregels")}
		partsEN := []string{plural(res.Rejected, "input row", "input rows")}
		if res.AnswerCells > 0 {
			partsNL = append(partsNL, fmt.Sprintf("%d van de %d antwoorden", res.RejectedCells, res.AnswerCells))
			partsEN = append(partsEN, fmt.Sprintf("%d of %d answers", res.RejectedCells, res.AnswerCells))
		}
		if n := res.RejectedOtherCells; n > 0 { // a name, an attribute, an open answer
			partsNL = append(partsNL, plural(n, "andere cel", "andere cellen"))
			partsEN = append(partsEN, plural(n, "other cell", "other cells"))
		}
		notUsedNL, notUsedEN := joinAnd(partsNL, " en "), joinAnd(partsEN, " and ")
		verbNL := "waren"
		if res.Rejected == 1 && res.AnswerCells == 0 && res.RejectedOtherCells == 0 {
			verbNL = "was"
		}
		if res.CountsHeld {
			// Fewer than MinCell respondents in all: their number is not published.
			out = append(out, T(
				fmt.Sprintf("De analyse omvat minder dan %d respondenten; %s %s niet te gebruiken (zie de tabel rejects).", res.MinCell, notUsedNL, verbNL),
				fmt.Sprintf("The analysis covers fewer than %d respondents; %s could not be used (see the rejects table).", res.MinCell, notUsedEN)))
		} else if res.PeopleHeld {
			out = append(out, T(
				fmt.Sprintf("De analyse omvat %d tekstfragmenten met %d coderingen en %d antwoorden op de vragenlijst; het aantal respondenten wordt niet genoemd, omdat het zou zeggen hoeveel er aan twee metingen meededen waar de tabellen dat verbergen; %s %s niet te gebruiken (zie de tabel rejects).", res.Segments, res.Codings, res.Answers, notUsedNL, verbNL),
				fmt.Sprintf("The analysis covers %d text segments with %d codings and %d survey answers; the number of respondents is not given, as it would tell how many took part in two waves where the tables hide that; %s could not be used (see the rejects table).", res.Segments, res.Codings, res.Answers, notUsedEN)))
		} else {
			out = append(out, T(
				fmt.Sprintf("De analyse omvat %d respondenten, %d tekstfragmenten met %d coderingen en %d antwoorden op de vragenlijst; %s %s niet te gebruiken (zie de tabel rejects).", res.Respondents, res.Segments, res.Codings, res.Answers, notUsedNL, verbNL),
				fmt.Sprintf("The analysis covers %d respondents, %d text segments with %d codings and %d survey answers; %s could not be used (see the rejects table).", res.Respondents, res.Segments, res.Codings, res.Answers, notUsedEN),
			))
		}
		if reasons := rejectReasons(res.RejectGroups, 3, res.Language); reasons != "" {
			out = append(out, T("Meest voorkomende redenen: "+reasons+".", "Most frequent reasons: "+reasons+"."))
		}
		out = append(out, notInterviewedSentence(res)...) // report_notinterviewed.go
	}
	if s := latestWaveSentence(res); s != "" { // waves_latest.go
		out = append(out, s)
	}
	if s := interviewWaveSentence(res); s != "" {
		out = append(out, s)
	}
	if s := unmappedSentence(res); s != "" {
		out = append(out, s)
	}
	type group struct {
		by, name string
		n        any
		hidden   bool
	}
	var groups []group
	if t := view(res.Table("sample")); t.len() > 0 {
		for i := 0; i < t.len(); i++ {
			g := group{by: t.str(i, "group_by"), name: t.str(i, "group"), hidden: t.flag(i, "suppressed")}
			if n, ok := t.num(i, "respondents"); ok {
				g.n = int(n)
			}
			groups = append(groups, g)
		}
	} else {
		t := view(res.Table("code_frequencies"))
		seen := map[string]bool{}
		for i := 0; i < t.len(); i++ {
			if t.str(i, "code") != "*" {
				continue
			}
			k := t.str(i, "group_by") + "\x00" + t.str(i, "group")
			if seen[k] {
				continue
			}
			seen[k] = true
			g := group{by: t.str(i, "group_by"), name: t.str(i, "group"), hidden: t.flag(i, "suppressed")}
			if n, ok := t.num(i, "group_respondents"); ok {
				g.n = int(n)
			}
			groups = append(groups, g)
		}
	}
	if len(groups) == 0 {
		return out, nil
	}
	mc := res.MinCell
	if mc <= 0 {
		mc = 5
	}
	pt := &peopleTable{
		ID:      "sample",
		Caption: latestWaveCaption(res, "sample", T("Respondenten per groep", "Respondents by group")),
		Head:    []string{T("Indeling", "Grouping"), T("Groep", "Group"), T("Respondenten", "Respondents")},
		Numeric: []bool{false, false, true},
	}
	for _, g := range groups {
		name := g.name
		switch g.by {
		case "all":
			name = T("Totaal", "Total")
		case "role":
			name = l.roleLabel(g.name)
		}
		n := ""
		if g.n != nil {
			n = strconv.Itoa(g.n.(int))
		}
		if g.hidden {
			n = fmt.Sprintf("< %d", mc)
		}
		pt.Rows = append(pt.Rows, []string{groupingLabel(res, g.by), name, n})
	}
	return out, pt
}

// rejectedSentence says how many input rows and answer cells could not be used.
func rejectedSentence(res *results.Results) string {
	T := res.Text
	switch {
	case res.Rejected == 0 && res.RejectedCells == 0:
		return T("Alle invoerregels en antwoordcellen waren bruikbaar.", "Every input row and answer cell could be used.")
	case res.Rejected == 0:
		return T(fmt.Sprintf("%s niet te gebruiken en weggelaten (zie de tabel rejects).", capital(plural(res.RejectedCells, "antwoordcel was", "antwoordcellen waren"))),
			fmt.Sprintf("%s could not be used and %s left out (see the rejects table).", capital(plural(res.RejectedCells, "answer cell", "answer cells")), wasWere(res.RejectedCells)))
	case res.RejectedCells == 0:
		return T(fmt.Sprintf("%s niet te gebruiken en weggelaten (zie de tabel rejects).", plural(res.Rejected, "invoerregel was", "invoerregels waren")),
			fmt.Sprintf("%s could not be used and %s left out (see the rejects table).", capital(plural(res.Rejected, "input row", "input rows")), wasWere(res.Rejected)))
	}
	return T(fmt.Sprintf("%s en %s in verder bruikbare regels waren niet te gebruiken en zijn weggelaten (zie de tabel rejects).", capital(plural(res.Rejected, "invoerregel", "invoerregels")), plural(res.RejectedCells, "antwoordcel", "antwoordcellen")),
		fmt.Sprintf("%s and %s in otherwise usable rows could not be used and were left out (see the rejects table).", capital(plural(res.Rejected, "input row", "input rows")), plural(res.RejectedCells, "answer cell", "answer cells")))
}

// unmappedSentence names the code names of the exports that the codebook does not know.
func unmappedSentence(res *results.Results) string {
	t := view(res.Table("unmapped_codes"))
	if t.len() == 0 {
		return ""
	}
	codings := 0
	var names []string
	for i := 0; i < t.len(); i++ {
		if n, ok := t.num(i, "codings"); ok {
			codings += int(n)
		}
		names = append(names, "‘"+t.str(i, "name")+"’")
	}
	return res.Text(
		fmt.Sprintf("%s uit de exports (%s) %s niet in het codeboek en %s niet meegeteld (zie de tabel unmapped_codes): %s.", capital(plural(t.len(), "codenaam", "codenamen")), plural(codings, "codering", "coderingen"), map[bool]string{true: "staat", false: "staan"}[t.len() == 1], map[bool]string{true: "is", false: "zijn"}[t.len() == 1], joinList(res, names)),
		fmt.Sprintf("%s in the exports (%s) %s not in the codebook and %s not counted (see the unmapped_codes table): %s.", capital(plural(t.len(), "code name", "code names")), plural(codings, "coding", "codings"), map[bool]string{true: "is", false: "are"}[t.len() == 1], wasWere(t.len()), joinList(res, names)))
}

// capital writes the first letter of s in upper case.
func capital(s string) string {
	if s == "" {
		return s
	}
	return strings.ToUpper(s[:1]) + s[1:]
}

func wasWere(n int) string {
	if n == 1 {
		return "was"
	}
	return "were"
}

func groupingLabel(res *results.Results, by string) string {
	switch by {
	case "all":
		return res.Text("Alle respondenten", "All respondents")
	case "role":
		return res.Text("Rol", "Role")
	case "municipality":
		return res.Text("Gemeente", "Municipality")
	}
	// A pairwise comparison: "municipality: Bergdorp vs Zeeveen".
	if attr, pair, ok := strings.Cut(by, ": "); ok {
		if a, b, ok := strings.Cut(pair, " vs "); ok {
			return groupingLabel(res, attr) + ": " + a + res.Text(" en ", " and ") + b
		}
	}
	return labelOf(by)
}

// methods writes the methods paragraphs from what the tables hold, noting in cites the
// references they cite. Every number they print is a cell of a table, a count of the
// run (manifest.json) or a choice of the study (results.Methods); the test
// TestReportNumbersComeFromTheTables holds them to that.
func methods(res *results.Results, l labels, cites map[string]bool) []string {
	T := res.Text
	var paras []string
	var p []string

	ncodes := 0
	for _, f := range res.Codebook.Factors {
		ncodes += len(f.Codes)
	}
	if res.Codebook.Name != "" {
		version := ""
		if res.Codebook.Version != "" {
			version = T("versie ", "version ") + res.Codebook.Version + "; "
		}
		p = append(p, T(
			fmt.Sprintf("De interviews zijn gecodeerd met het codeboek ‘%s’ (%s%d codes in %d factoren).", res.Codebook.Name, version, ncodes, len(res.Codebook.Factors)),
			fmt.Sprintf("The interviews were coded with the codebook ‘%s’ (%s%d codes in %d factors).", res.Codebook.Name, version, ncodes, len(res.Codebook.Factors)),
		))
	}
	coders := humanCoders(res.Coders)
	if len(coders) > 0 {
		p = append(p, T(
			fmt.Sprintf("Er codeerden %s.", plural(len(coders), "codeur", "codeurs")),
			fmt.Sprintf("%s coded the material.", capital(plural(len(coders), "coder", "coders"))),
		))
	}
	if s := countingSentence(res); s != "" {
		p = append(p, s)
	}
	for _, c := range res.Coders {
		if c == "auto" {
			p = append(p, T(
				"Daarnaast is tekst automatisch gecodeerd op de trefwoorden van het codeboek; elke automatische codering is met de regel die haar gaf herleidbaar.",
				"Text was also coded automatically on the codebook's patterns; every automatic coding can be traced to the rule that made it."))
		}
	}
	p = append(p, agreementSentences(res, cites)...)
	if cf := view(res.Table("code_frequencies")); cf.len() > 0 {
		s := T("Per factor en code is geteld hoeveel respondenten hem ten minste één keer noemen.",
			"For each factor and code we counted the respondents who mention it at least once.")
		if cf.has("ci_low") {
			s += T(" Aandelen staan met een 95%-betrouwbaarheidsinterval volgens Wilson (1927).",
				" Shares come with a 95% confidence interval after Wilson (1927).")
			cites["wilson"] = true
		}
		p = append(p, s)
	}
	if len(p) > 0 {
		paras = append(paras, strings.Join(p, " "))
	}

	p = nil
	p = append(p, reliabilitySentences(res, l, cites)...)
	p = append(p, comparisonSentences(res, cites)...)
	p = append(p, waveSentences(res, cites)...)
	if len(p) > 0 {
		paras = append(paras, strings.Join(p, " "))
	}
	mc := res.MinCell
	if mc <= 0 {
		mc = 5
	}
	paras = append(paras, T(
		fmt.Sprintf("Respondenten zijn gepseudonimiseerd en citaten ontdaan van namen en contactgegevens. Groepen met minder dan %d respondenten worden in tabellen en figuren niet apart getoond.", mc),
		fmt.Sprintf("Respondents are pseudonymised and quotes stripped of names and contact details. Groups of fewer than %d respondents are not shown separately in tables and figures.", mc),
	))
	return paras
}

// countingSentence says whose codings count where several people coded.
func countingSentence(res *results.Results) string {
	T := res.Text
	m := res.Methods
	where := T("de frequenties, de samenhang tussen codes, de partners, de citaten, code_presence en de chi-kwadraattoetsen",
		"the frequencies, the co-occurrence of codes, the partners, the quotes, code_presence and the chi-square tests")
	switch {
	case m.CountingRule == "primary":
		return T(fmt.Sprintf("In %s tellen alleen de coderingen van codeur %s (primary_coder).", where, m.PrimaryCoder),
			fmt.Sprintf("Only the codings of coder %s (primary_coder) count in %s.", m.PrimaryCoder, where))
	case m.CountingRule == "most" && len(m.CountingCoders) > 1:
		return T(fmt.Sprintf("Waar meer codeurs een fragment codeerden, tellen in %s de coderingen van de codeur die van hen de meeste fragmenten codeerde (in volgorde: %s): zo telt elk fragment één keer, naar het oordeel van één codeur; de dubbele codering dient om de overeenstemming te meten.", where, joinList(res, m.CountingCoders)),
			fmt.Sprintf("Where several coders coded a segment, %s count the codings of the one among them who coded the most segments (in order: %s): every segment counts once, by one coder's judgement; the double coding serves to measure agreement.", where, joinList(res, m.CountingCoders)))
	}
	return ""
}

// agreementSentences report the pooled agreement row and the per-code readings.
func agreementSentences(res *results.Results, cites map[string]bool) []string {
	T := res.Text
	lang := res.Language
	ag := view(res.Table("agreement"))
	segments := doubleCodedSegments(ag)
	var out []string
	for i := 0; i < ag.len(); i++ {
		if ag.str(i, "code") != "*" {
			continue
		}
		units, _ := ag.num(i, "units")
		applied, _ := ag.num(i, "applied")
		used := 0
		var reliable, tentative, unreliable int
		for j := 0; j < ag.len(); j++ {
			if ag.str(j, "code") == "*" {
				continue
			}
			if a, ok := ag.num(j, "applied"); ok && a > 0 {
				used++
			}
			switch ag.str(j, "alpha_reliability") {
			case "reliable":
				reliable++
			case "tentative":
				tentative++
			case "unreliable":
				unreliable++
			}
		}
		var parts []string
		if v, ok := ag.num(i, "percent_agreement"); ok {
			parts = append(parts, T("procentuele overeenstemming over alle beslissingen ", "percent agreement over all decisions ")+number(lang, v*100, 1)+"%")
		}
		if v, ok := ag.num(i, "positive_agreement"); ok {
			parts = append(parts, T(fmt.Sprintf("over de %d beslissingen waarin ten minste één codeur de code toekende ", int(applied)),
				fmt.Sprintf("over the %d decisions where at least one coder applied the code ", int(applied)))+number(lang, v*100, 1)+"%")
		}
		if v, ok := ag.num(i, "cohen_kappa"); ok {
			parts = append(parts, T("Cohens κ = ", "Cohen's κ = ")+number(lang, v, 2)+" (Cohen 1960)")
			cites["cohen"] = true
		}
		if v, ok := ag.num(i, "fleiss_kappa"); ok {
			parts = append(parts, T("Fleiss' κ = ", "Fleiss' κ = ")+number(lang, v, 2)+" (Fleiss 1971)")
			cites["fleiss"] = true
		}
		if v, ok := ag.num(i, "pairwise_kappa"); ok {
			parts = append(parts, T("gemiddelde paarsgewijze Cohens κ = ", "mean pairwise Cohen's κ = ")+number(lang, v, 2)+" (Light 1971)")
			cites["light"] = true
		}
		if v, ok := ag.num(i, "krippendorff_alpha"); ok {
			s := T("Krippendorffs α (nominaal; Krippendorff 2011) = ", "Krippendorff's α (nominal; Krippendorff 2011) = ") + number(lang, v, 2)
			lo, okl := ag.num(i, "alpha_ci_low")
			hi, okh := ag.num(i, "alpha_ci_high")
			if okl && okh {
				b, _ := ag.num(i, "bootstrap_samples")
				s += " " + ciText(lang, lo, hi, 2) + T(
					fmt.Sprintf(" (95%%-percentielbootstrap, %d trekkingen van fragmenten met al hun codes, seed %d)", int(b), res.Methods.Seed),
					fmt.Sprintf(" (95%% percentile bootstrap, %d resamples of segments with all their codes, seed %d)", int(b), res.Methods.Seed))
			}
			parts = append(parts, s)
			cites["krippendorff"] = true
		}
		if len(parts) == 0 {
			continue
		}
		out = append(out, T(
			fmt.Sprintf("De overeenstemming tussen codeurs is gemeten over %d fragmenten die door twee of meer codeurs zijn gecodeerd, per code als het wel of niet toekennen ervan. Over de %d codes die ten minste één keer zijn toegekend samen (%d beslissingen): %s.", int(segments), used, int(units), strings.Join(parts, "; ")),
			fmt.Sprintf("Agreement between coders was measured over %d segments coded by two or more coders, per code as applying it or not. Pooled over the %d codes applied at least once (%d decisions): %s.", int(segments), used, int(units), strings.Join(parts, "; "))))
		if strings.Count(ag.str(i, "coders"), ";") >= 2 {
			out = append(out, T(
				"Met meer dan twee codeurs telt een beslissing als overeenstemming wanneer alle codeurs die het fragment codeerden het eens zijn.",
				"With more than two coders a decision counts as agreement when every coder who coded the segment agrees."))
		}
		if reliable+tentative+unreliable > 0 {
			cites["krippendorff2004"] = true
			out = append(out, T(
				fmt.Sprintf("Per code is α volgens Krippendorff (2004) betrouwbaar (≥ 0,800) bij %s, voorlopig bruikbaar (≥ 0,667) bij %d en onvoldoende bij %d (kolom alpha_reliability); de verschillen per fragment staan in de tabel disagreements.", plural(reliable, "code", "codes"), tentative, unreliable),
				fmt.Sprintf("Per code, α is reliable after Krippendorff (2004) (≥ 0.800) for %s, tentative (≥ 0.667) for %d and unreliable for %d (column alpha_reliability); the disagreements per segment are in the disagreements table.", plural(reliable, "code", "codes"), tentative, unreliable)))
		}
	}
	return out
}

// reliabilitySentences give each scale's alpha with its n and rule, and the scale scores'
// rule and interval.
func reliabilitySentences(res *results.Results, l labels, cites map[string]bool) []string {
	T := res.Text
	lang := res.Language
	var out []string
	rel := view(res.Table("reliability"))
	var parts, scored []string
	pairwise := res.Methods.ReliabilityMissing == "pairwise"
	for i := 0; i < rel.len(); i++ {
		if n, ok := rel.num(i, "scored"); ok {
			scored = append(scored, fmt.Sprintf("%s n = %d", l.scaleLabel(rel.str(i, "scale")), int(n)))
		}
		a, ok := rel.num(i, "cronbach_alpha")
		if !ok {
			continue
		}
		s := l.scaleLabel(rel.str(i, "scale")) + ": α = " + number(lang, a, 2)
		lo, okl := rel.num(i, "alpha_ci_low")
		hi, okh := rel.num(i, "alpha_ci_high")
		if okl && okh {
			s += " " + ciText(lang, lo, hi, 2)
			cites["feldt"] = true
		}
		if n, ok := rel.num(i, "n"); ok {
			s += fmt.Sprintf(" (n = %d)", int(n))
		}
		parts = append(parts, s)
	}
	if len(parts) > 0 {
		cites["cronbach"] = true
		s := T("De betrouwbaarheid van de schalen is uitgedrukt in Cronbachs α (Cronbach 1951)",
			"Scale reliability is given as Cronbach's α (Cronbach 1951)")
		if cites["feldt"] {
			s += T(", met een 95%-interval volgens Feldt (1965)", ", with a 95% interval after Feldt (1965)")
		}
		if pairwise {
			s += T(", berekend uit de covarianties van elk paar items over de respondenten die beide beantwoordden (pairwise; n: wie ten minste twee items beantwoordde)",
				", computed from the covariances of each pair of items over the respondents who answered both (pairwise; n: those who answered at least two items)")
		} else {
			s += T(", over de respondenten die alle items van de schaal beantwoordden (listwise)",
				", over the respondents who answered every item of the scale (listwise)")
		}
		out = append(out, s+": "+strings.Join(parts, "; ")+".")
	}
	if sc := view(res.Table("scales")); sc.len() > 0 {
		s := T("Een schaalscore is het gemiddelde van de beantwoorde items na omscoren, als ten minste de helft van de items is beantwoord",
			"A scale score is the mean of the answered items after reverse-scoring, when at least half of the items were answered")
		if len(scored) > 0 {
			s += " (" + strings.Join(scored, "; ") + ")"
		}
		out = append(out, s+T("; gemiddelden staan met een 95%-t-interval (gemiddelde ± t · sd / √n).",
			"; means come with a 95% t-interval (mean ± t · sd / √n)."))
	}
	return out
}

// comparisonSentences name the tests, their effect sizes and the families within which
// p values are adjusted.
func comparisonSentences(res *results.Results, cites map[string]bool) []string {
	T := res.Text
	cmp := view(res.Table("comparisons"))
	if cmp.len() == 0 {
		return nil
	}
	var tests []string
	seen := map[string]bool{}
	families := map[string]bool{}
	untested := 0
	for i := 0; i < cmp.len(); i++ {
		name := strings.ToLower(cmp.str(i, "test"))
		if f := cmp.str(i, "family"); f != "" {
			families[f] = true
		}
		if cmp.str(i, "reason") != "" {
			untested++
		}
		var t string
		switch {
		case strings.Contains(name, "kruskal"):
			t = T("de Kruskal-Wallistoets (Kruskal & Wallis 1952) met als effectmaten ε² = H / (n − 1) (Tomczak & Tomczak 2014) en η²_H = (H − k + 1) / (n − k)",
				"the Kruskal-Wallis test (Kruskal & Wallis 1952) with the effect sizes ε² = H / (n − 1) (Tomczak & Tomczak 2014) and η²_H = (H − k + 1) / (n − k)")
			cites["kruskal"] = true
			cites["tomczak"] = true
		case strings.Contains(name, "chi"):
			t = T("de chi-kwadraattoets op onafhankelijkheid met Cramérs V (Cramér 1946)", "the chi-square test of independence with Cramér's V (Cramér 1946)")
			cites["cramer"] = true
		case strings.Contains(name, "dunn"):
			t = T("paarsgewijze vergelijkingen volgens Dunn (1964) met r = z / √n", "pairwise comparisons after Dunn (1964) with r = z / √n")
			cites["dunn"] = true
		case name == "":
			continue
		default:
			t = cmp.str(i, "test")
		}
		if !seen[t] {
			seen[t] = true
			tests = append(tests, t)
		}
	}
	if len(tests) == 0 {
		return nil
	}
	out := []string{T("Groepen zijn vergeleken met ", "Groups were compared with ") + joinList(res, tests) + "."}
	cites["cohen1988"] = true
	out = append(out, T(
		"Effecten heten klein, middelgroot of groot volgens Cohen (1988), zoals in rstatix: η²_H vanaf 0,06 middelgroot en vanaf 0,14 groot; r en Cramérs V (2 × k) vanaf 0,3 middelgroot en vanaf 0,5 groot (kolom effect_magnitude).",
		"Effects are called small, moderate or large after Cohen (1988), as in rstatix: η²_H moderate from 0.06 and large from 0.14; r and Cramér's V (2 × k) moderate from 0.3 and large from 0.5 (column effect_magnitude)."))
	fam := T(fmt.Sprintf("binnen %d families van toetsen (kolom family): de paarsgewijze vergelijkingen na één Kruskal-Wallistoets, de Kruskal-Wallistoetsen van één indeling over de schalen, en de chi-kwadraattoetsen van één indeling over de factoren", len(families)),
		fmt.Sprintf("within %d families of tests (column family): the pairwise comparisons after one Kruskal-Wallis test, the Kruskal-Wallis tests of one grouping across the scales, and the chi-square tests of one grouping across the factors", len(families)))
	switch res.Methods.Adjust {
	case "bh":
		out = append(out, T("p-waarden zijn gecorrigeerd volgens Benjamini & Hochberg (1995) ", "p-values were adjusted after Benjamini & Hochberg (1995) ")+fam+T(" (p_adjusted; Holm in p_holm).", " (p_adjusted; Holm in p_holm)."))
		cites["bh"] = true
		cites["holm"] = true
	case "none":
		out = append(out, T("p-waarden zijn niet gecorrigeerd voor meervoudig toetsen; p_holm geeft Holm (1979) ", "p-values were not adjusted for multiple testing; p_holm gives Holm (1979) ")+fam+".")
		cites["holm"] = true
	default:
		out = append(out, T("p-waarden zijn voor meervoudig toetsen gecorrigeerd volgens Holm (1979) ", "p-values were adjusted for multiple testing after Holm (1979) ")+fam+".")
		cites["holm"] = true
	}
	if untested > 0 {
		out = append(out, T(fmt.Sprintf("%s niet uitgevoerd; de kolom reason zegt waarom.", capital(plural(untested, "toets is", "toetsen zijn"))),
			fmt.Sprintf("%s not run; the column reason says why.", capital(plural(untested, "test was", "tests were")))))
	}
	return out
}

func joinList(res *results.Results, xs []string) string {
	if len(xs) <= 1 {
		return strings.Join(xs, "")
	}
	return strings.Join(xs[:len(xs)-1], ", ") + res.Text(" en ", " and ") + xs[len(xs)-1]
}

// ciText writes a confidence interval: [0,32; 0,61] in Dutch, [0.32, 0.61] in English.
func ciText(lang string, lo, hi float64, decimals int) string {
	sep := ", "
	if lang != "en" {
		sep = "; "
	}
	return "[" + number(lang, lo, decimals) + sep + number(lang, hi, decimals) + "]"
}

var referenceList = []struct{ key, text string }{
	{"bh", "Benjamini, Y., & Hochberg, Y. (1995). Controlling the false discovery rate: A practical and powerful approach to multiple testing. Journal of the Royal Statistical Society, Series B, 57(1), 289–300."},
	{"cohen", "Cohen, J. (1960). A coefficient of agreement for nominal scales. Educational and Psychological Measurement, 20(1), 37–46."},
	{"cohen1988", "Cohen, J. (1988). Statistical power analysis for the behavioral sciences (2nd ed.). Hillsdale, NJ: Lawrence Erlbaum."},
	{"cramer", "Cramér, H. (1946). Mathematical methods of statistics. Princeton: Princeton University Press."},
	{"cronbach", "Cronbach, L. J. (1951). Coefficient alpha and the internal structure of tests. Psychometrika, 16(3), 297–334."},
	{"dunn", "Dunn, O. J. (1964). Multiple comparisons using rank sums. Technometrics, 6(3), 241–252."},
	{"fleiss", "Fleiss, J. L. (1971). Measuring nominal scale agreement among many raters. Psychological Bulletin, 76(5), 378–382."},
	{"feldt", "Feldt, L. S. (1965). The approximate sampling distribution of Kuder-Richardson reliability coefficient twenty. Psychometrika, 30(3), 357–370."},
	{"holm", "Holm, S. (1979). A simple sequentially rejective multiple test procedure. Scandinavian Journal of Statistics, 6(2), 65–70."},
	{"krippendorff", "Krippendorff, K. (2011). Computing Krippendorff's alpha-reliability. Philadelphia: Annenberg School for Communication, University of Pennsylvania."},
	{"krippendorff2004", "Krippendorff, K. (2004). Content analysis: An introduction to its methodology (2nd ed.). Thousand Oaks, CA: Sage."},
	{"kruskal", "Kruskal, W. H., & Wallis, W. A. (1952). Use of ranks in one-criterion variance analysis. Journal of the American Statistical Association, 47(260), 583–621."},
	{"light", "Light, R. J. (1971). Measures of response agreement for qualitative data: Some generalizations and alternatives. Psychological Bulletin, 76(5), 365–377."},
	{"tomczak", "Tomczak, M., & Tomczak, E. (2014). The need to report effect size estimates revisited. Trends in Sport Sciences, 21(1), 19–25."},
	{"wilson", "Wilson, E. B. (1927). Probable inference, the law of succession, and statistical inference. Journal of the American Statistical Association, 22(158), 209–212."},
}

// references lists the cited references by author and year, as APA orders them.
func references(cites map[string]bool) []string {
	var out []string
	for _, r := range referenceList {
		if cites[r.key] {
			out = append(out, r.text)
		}
	}
	sort.Strings(out)
	return out
}

// quotes groups the quotes by factor in codebook order.
func quotes(res *results.Results, l labels) []quoteGroup {
	t := view(res.Table("quotes"))
	by := map[string][]quote{}
	var order []string
	for i := 0; i < t.len(); i++ {
		f := t.str(i, "factor")
		text := strings.TrimSpace(t.str(i, "quote"))
		if text == "" {
			continue
		}
		if _, ok := by[f]; !ok {
			order = append(order, f)
		}
		var who []string
		for _, s := range []string{t.str(i, "respondent"), l.roleLabel(t.str(i, "role")), t.str(i, "municipality")} {
			if s != "" {
				who = append(who, s)
			}
		}
		code := t.str(i, "code")
		if code != "" {
			code = l.codeLabel(code)
		}
		by[f] = append(by[f], quote{Code: code, Text: text, Who: strings.Join(who, ", ")})
	}
	order = inCodebookOrder(order, res)
	var out []quoteGroup
	for _, f := range order {
		out = append(out, quoteGroup{Factor: l.factorLabel(f), Quotes: by[f]})
	}
	return out
}

// rejectReasons lists the n most frequent reasons for rejects in lang, with their counts:
// `"Zeer mee eens" is not an answer of scale kennen (120×)`.
// joinAnd joins parts with commas and the last with and ("a, b and c").
func joinAnd(parts []string, and string) string {
	if len(parts) < 2 {
		return strings.Join(parts, "")
	}
	return strings.Join(parts[:len(parts)-1], ", ") + and + parts[len(parts)-1]
}

func rejectReasons(groups []results.RejectGroup, n int, lang string) string {
	var parts []string
	for i, g := range groups {
		if i == n {
			break
		}
		parts = append(parts, fmt.Sprintf("%s (%d×)", g.ReasonIn(lang), g.Count))
	}
	return strings.Join(parts, "; ")
}

func inputsTable(res *results.Results) *peopleTable {
	if len(res.Inputs) == 0 {
		return nil
	}
	T := res.Text
	pt := &peopleTable{
		ID:      "inputs",
		Caption: T("Gelezen bestanden: regels gelezen = geaccepteerd + afgewezen", "Files read: rows read = accepted + rejected"),
		Head: []string{T("Bestand", "File"), T("Formaat", "Format"), T("Gelezen", "Read"), T("Geaccepteerd", "Accepted"), T("Afgewezen", "Rejected"),
			T("Antwoorden", "Answers"), T("Antwoorden afgewezen", "Answers rejected")},
		Numeric: []bool{false, false, true, true, true, true, true},
	}
	for _, in := range res.Inputs {
		cells, cellsRejected := "", ""
		if in.Cells > 0 {
			cells, cellsRejected = strconv.Itoa(in.Cells), strconv.Itoa(in.CellsRejected)
		}
		path := in.Path
		if in.Sheet != "" {
			path += " [" + in.Sheet + "]"
		}
		if in.Files > 1 {
			path += fmt.Sprintf(T(" (%d bestanden)", " (%d files)"), in.Files)
		} else if in.Sheets > 1 {
			path += fmt.Sprintf(T(" (%d bladen)", " (%d sheets)"), in.Sheets)
		}
		pt.Rows = append(pt.Rows, []string{path, in.Format, strconv.Itoa(in.Read), strconv.Itoa(in.Accepted), strconv.Itoa(in.Rejected), cells, cellsRejected})
	}
	return pt
}

// column says how a table column appears in a people's table.
type column struct {
	name   string // column in the result table; "ci" joins ci_low and ci_high
	nl, en string
	label  func(string) string // maps ids onto labels for text columns
	// ci, when set, joins the columns <ci>_low and <ci>_high (as "ci" does for ci_low
	// and ci_high).
	ci string
	// sparse columns are left out when every shown row leaves them empty.
	sparse bool
}

// maxPairsShown caps the pairwise comparisons the report's table shows.
const maxPairsShown = 40

// keyTables are the tables a reader of the report needs, formatted for people.
func keyTables(res *results.Results, l labels) []*peopleTable {
	T := res.Text
	codeOrStar := func(s string) string {
		if s == "*" {
			return T("alle codes", "all codes")
		}
		return l.codeLabel(s)
	}
	var out []*peopleTable
	add := func(pt *peopleTable) {
		if pt != nil && len(pt.Rows) > 0 {
			out = append(out, pt)
		}
	}
	all := func(t rows, i int) bool { return !t.has("group_by") || t.str(i, "group_by") == "all" }
	add(peopleView(res, "code_frequencies", T("Genoemde factoren en codes (alle respondenten)", "Factors and codes mentioned (all respondents)"), all, []column{
		{name: "factor", nl: "Factor", en: "Factor", label: l.factorLabel},
		{name: "code", nl: "Code", en: "Code", label: codeOrStar},
		{name: "segments", nl: "Fragmenten", en: "Segments"},
		{name: "respondents", nl: "Respondenten", en: "Respondents"},
		{name: "share", nl: "Aandeel", en: "Share"},
		{name: "ci", nl: "95%-interval", en: "95% interval"},
	}))
	// With interviews in waves, the factors of every wave (wave_codes; the coding tables
	// above count the latest wave's segments only).
	factors := func(t rows, i int) bool { return t.str(i, "code") == "*" }
	add(peopleView(res, "wave_codes", T("Genoemde factoren per meting van de interviews (alle respondenten; per code in tables/wave_codes.csv)", "Factors mentioned by interview wave (all respondents; per code in tables/wave_codes.csv)"), factors, []column{
		{name: "factor", nl: "Factor", en: "Factor", label: l.factorLabel},
		{name: "wave", nl: "Meting", en: "Wave"},
		{name: "segments", nl: "Fragmenten", en: "Segments"},
		{name: "respondents", nl: "Respondenten", en: "Respondents"},
		{name: "group_respondents", nl: "Gecodeerde geïnterviewden", en: "Coded interviewees"},
		{name: "share", nl: "Aandeel", en: "Share"},
		{name: "ci", nl: "95%-interval", en: "95% interval"},
	}))
	// The same words as tables.xlsx (xlsx_labels.go), so report and workbook agree.
	sheetWords := newSheetLabels(res)
	reading := func(s string) string { return sheetWords.cell(nil, nil, "alpha_reliability", s) }
	add(peopleView(res, "agreement", T(
		"Overeenstemming tussen codeurs (overeenstemming over alle beslissingen; positief: over de beslissingen waarin ten minste één codeur de code toekende; in de rij ‘alle codes’ de beslissingen over elke code die ten minste één keer is toegekend)",
		"Agreement between coders (agreement over all decisions; positive: over the decisions where at least one coder applied the code; in the row ‘all codes’ the decisions on every code applied at least once)"), nil, []column{
		{name: "code", nl: "Code", en: "Code", label: codeOrStar},
		{name: "coders", nl: "Codeurs", en: "Coders"},
		{name: "units", nl: "Beslissingen", en: "Decisions"},
		{name: "percent_agreement", nl: "Overeenstemming", en: "Agreement"},
		{name: "positive_agreement", nl: "Positief", en: "Positive"},
		{name: "cohen_kappa", nl: "Cohens κ", en: "Cohen's κ", sparse: true},
		{name: "pairwise_kappa", nl: "Paarsgewijze κ", en: "Pairwise κ", sparse: true},
		{name: "fleiss_kappa", nl: "Fleiss' κ", en: "Fleiss' κ", sparse: true},
		{name: "krippendorff_alpha", nl: "Krippendorffs α", en: "Krippendorff's α"},
		{name: "alpha_ci", ci: "alpha_ci", nl: "95%-interval α", en: "95% interval α"},
		{name: "alpha_reliability", nl: "Oordeel", en: "Reading", label: reading},
	}))
	add(peopleView(res, "scales", T("Schaalscores (alle respondenten; n: respondenten die ten minste de helft van de items beantwoordden)", "Scale scores (all respondents; n: respondents who answered at least half of the items)"), all, []column{
		{name: "scale", nl: "Schaal", en: "Scale", label: l.scaleLabel},
		{name: "n", nl: "n", en: "n"},
		{name: "mean", nl: "Gemiddelde", en: "Mean"},
		{name: "sd", nl: "SD", en: "SD"},
		{name: "ci", nl: "95%-t-interval", en: "95% t-interval"},
		{name: "median", nl: "Mediaan", en: "Median"},
		{name: "pct_agree", nl: "Eens", en: "Agree"},
	}))
	relCaption := T("Betrouwbaarheid van de schalen (n: respondenten die alle items beantwoordden; 95%-interval volgens Feldt)",
		"Reliability of the scales (n: respondents who answered every item; 95% interval after Feldt)")
	if res.Methods.ReliabilityMissing == "pairwise" {
		relCaption = T("Betrouwbaarheid van de schalen (pairwise; n: respondenten die ten minste twee items beantwoordden)",
			"Reliability of the scales (pairwise; n: respondents who answered at least two items)")
	}
	add(peopleView(res, "reliability", relCaption, nil, []column{
		{name: "scale", nl: "Schaal", en: "Scale", label: l.scaleLabel},
		{name: "items", nl: "Items", en: "Items"},
		{name: "n", nl: "n", en: "n"},
		{name: "cronbach_alpha", nl: "Cronbachs α", en: "Cronbach's α"},
		{name: "ci", nl: "95%-interval", en: "95% interval"},
		{name: "std_alpha", nl: "Gestandaardiseerde α", en: "Standardised α"},
		{name: "scored", nl: "n schaalscore", en: "n scale score"},
	}))
	// Pairwise comparisons grow with the square of the groups (58,000 pairs for 342
	// municipalities): the report shows the significant ones, at most maxPairsShown; the
	// table comparisons.csv holds them all.
	pairsShown := 0
	keepComparison := func(t rows, i int) bool {
		if !strings.Contains(strings.ToLower(t.str(i, "test")), "dunn") {
			return true
		}
		if p, ok := t.num(i, adjustedColumn(t)); ok && p < 0.05 && pairsShown < maxPairsShown {
			pairsShown++
			return true
		}
		return false
	}
	testLabel := func(s string) string {
		switch strings.ToLower(s) {
		case "kruskal_wallis":
			return "Kruskal-Wallis"
		case "dunn":
			return "Dunn"
		case "chi_square":
			return T("Chi-kwadraat", "Chi-square")
		}
		return s
	}
	adjName := map[string]string{"holm": "Holm", "bh": "BH", "none": T("ongecorrigeerd", "unadjusted")}[res.Methods.Adjust]
	if adjName == "" {
		adjName = "Holm"
	}
	magnitude := func(s string) string { return sheetWords.cell(nil, nil, "effect_magnitude", s) }
	add(peopleView(res, "comparisons", T(
		fmt.Sprintf("Vergelijkingen tussen groepen (p gecorrigeerd binnen de familie van de toets; paarsgewijze vergelijkingen alleen waar p (%s) < 0,05, ten hoogste %d; alle in tables/comparisons.csv)", adjName, maxPairsShown),
		fmt.Sprintf("Comparisons between groups (p adjusted within the test's family; pairwise comparisons only where p (%s) < 0.05, at most %d; all in tables/comparisons.csv)", adjName, maxPairsShown)),
		keepComparison, []column{
			{name: "measure", nl: "Maat", en: "Measure", label: l.scaleLabel},
			{name: "group_by", nl: "Groepen", en: "Groups", label: func(s string) string { return groupingLabel(res, s) }},
			{name: "test", nl: "Toets", en: "Test", label: testLabel},
			{name: "statistic", nl: "Toetsgrootheid", en: "Statistic"},
			{name: "df", nl: "df", en: "df"},
			{name: "p", nl: "p", en: "p"},
			{name: "p_adjusted", nl: "p (" + adjName + ")", en: "p (" + adjName + ")"},
			{name: "effect_size", nl: "Effectgrootte", en: "Effect size"},
			{name: "effect_name", nl: "Maat effect", en: "Effect measure", label: func(s string) string {
				switch s {
				case "epsilon_squared":
					return "ε²"
				case "cramers_v":
					return T("Cramérs V", "Cramér's V")
				}
				return s
			}},
			{name: "eta_squared_h", nl: "η²_H", en: "η²_H", sparse: true},
			{name: "effect_magnitude", nl: "Effect", en: "Effect", label: magnitude},
			{name: "n", nl: "n", en: "n"},
			{name: "reason", nl: "Niet getoetst", en: "Not tested", sparse: true},
		}))
	add(waveTable(res, l))
	return out
}

// adjustedColumn is the column of adjusted p values: p_adjusted, or p_holm in a table
// made before families were stated.
func adjustedColumn(t rows) string {
	if t.has("p_adjusted") {
		return "p_adjusted"
	}
	return "p_holm"
}

// peopleView formats the rows of a result table that keep() accepts, in the given
// columns; columns the table lacks are left out.
func peopleView(res *results.Results, name, caption string, keep func(rows, int) bool, cols []column) *peopleTable {
	t := view(res.Table(name))
	if t.len() == 0 {
		return nil
	}
	var use []column
	for _, c := range cols {
		if c.name == "ci" {
			c.ci = "ci"
		}
		if c.ci != "" {
			if t.has(c.ci+"_low") && t.has(c.ci+"_high") {
				use = append(use, c)
			}
			continue
		}
		if t.has(c.name) {
			use = append(use, c)
		}
	}
	pt := &peopleTable{ID: name, Caption: caption}
	for _, c := range use {
		pt.Head = append(pt.Head, res.Text(c.nl, c.en))
		k := t.kind(c.name)
		pt.Numeric = append(pt.Numeric, c.ci != "" || (k != results.Text && k != results.Bool))
	}
	mc := res.MinCell
	if mc <= 0 {
		mc = 5
	}
	for i := 0; i < t.len(); i++ {
		if keep != nil && !keep(t, i) {
			continue
		}
		hidden := t.flag(i, "suppressed")
		row := make([]string, len(use))
		for j, c := range use {
			switch {
			case c.ci != "":
				lo, okl := t.num(i, c.ci+"_low")
				hi, okh := t.num(i, c.ci+"_high")
				if okl && okh {
					if t.kind(c.ci+"_low") == results.Share {
						row[j] = ciText(res.Language, lo*100, hi*100, 1)
					} else {
						row[j] = ciText(res.Language, lo, hi, 2)
					}
				}
			case c.label != nil && t.kind(c.name) == results.Text:
				row[j] = c.label(t.str(i, c.name))
			default:
				row[j] = humanCell(res, t.kind(c.name), t.cell(i, c.name))
			}
		}
		if hidden && len(row) > 0 {
			row[len(row)-1] = res.Text(fmt.Sprintf("niet getoond (< %d)", mc), fmt.Sprintf("not shown (< %d)", mc))
		}
		pt.Rows = append(pt.Rows, row)
	}
	dropSparse(pt, use)
	return pt
}

// dropSparse leaves out the sparse columns that no row fills.
func dropSparse(pt *peopleTable, use []column) {
	keep := make([]bool, len(use))
	for j, c := range use {
		keep[j] = !c.sparse
		for _, row := range pt.Rows {
			if row[j] != "" {
				keep[j] = true
			}
		}
	}
	pick := func(xs []string) []string {
		var out []string
		for j, x := range xs {
			if keep[j] {
				out = append(out, x)
			}
		}
		return out
	}
	var numeric []bool
	for j, x := range pt.Numeric {
		if keep[j] {
			numeric = append(numeric, x)
		}
	}
	pt.Head, pt.Numeric = pick(pt.Head), numeric
	for i, row := range pt.Rows {
		pt.Rows[i] = pick(row)
	}
}

// humanCell formats a cell for people: percentages with one decimal, statistics with
// two, p-values APA style, yes/no for booleans, empty for missing values.
func humanCell(res *results.Results, k results.Kind, v any) string {
	lang := res.Language
	switch x := v.(type) {
	case nil:
		return ""
	case string:
		return x
	case bool:
		if x {
			return res.Text("ja", "yes")
		}
		return res.Text("nee", "no")
	case int:
		if k == results.Share || k == results.P || k == results.Float {
			return humanCell(res, k, float64(x))
		}
		return strconv.Itoa(x)
	case float64:
		if math.IsNaN(x) || math.IsInf(x, 0) {
			return ""
		}
		switch k {
		case results.Share:
			return number(lang, x*100, 1) + "%"
		case results.P:
			return pValue(lang, x)
		case results.Int:
			return number(lang, x, 0)
		default:
			return number(lang, x, 2)
		}
	}
	return ""
}

// noteTopics names, in Dutch and English, the tables whose notes the report lists.
var noteTopics = map[string][2]string{
	"sample":                      {"Steekproef", "Sample"},
	"code_frequencies":            {"Genoemde codes", "Codes mentioned"},
	"agreement":                   {"Overeenstemming", "Agreement"},
	"agreement_auto":              {"Automatisch coderen", "Auto-coding"},
	"autocode_learned_validation": {"Geleerd coderen", "Learned coding"},
	"scales":                      {"Schaalscores", "Scale scores"},
	"items":                       {"Items", "Items"},
	"reliability":                 {"Betrouwbaarheid", "Reliability"},
	"comparisons":                 {"Vergelijkingen", "Comparisons"},
	"partners":                    {"Partners", "Partners"},
}

package reports

import (
	"bytes"
	_ "embed"
	"fmt"
	"html/template"
	"math"
	"slices"
	"sort"
	"strings"

	"github.com/samenspel/samenspel/pipeline/model"
	"github.com/samenspel/samenspel/pipeline/results"
)

// MunicipalitiesOutput is the output (study.yaml outputs: [..., municipalities]) that
// writes a printable page per municipality, municipalities/<slug>.html, and a section
// per municipality in report.docx.
const MunicipalitiesOutput = "municipalities"

//go:embed municipality.html.tmpl
var municipalityHTML string

var municipalityTemplate = template.Must(template.New("municipality").Funcs(template.FuncMap{
	"css": func(s string) template.CSS { return template.CSS(s) },
}).Parse(municipalityHTML))

// municipalityPage is one municipality's page: how it compares with the other
// municipalities on the survey's scales, its mentions of each factor against the
// study, the pairs of the golden combination its interviewees name, and its quotes.
// Every number is a cell of a published table (scales, municipality_benchmark,
// joint_display, partner_pairs), after the disclosure pass.
type municipalityPage struct {
	Lang, Title, Name, Slug string
	Text                    map[string]string
	Scales                  *peopleTable
	ScalesNote              string
	Factors                 *peopleTable
	Pairs                   *peopleTable
	Network                 template.HTML // an inline SVG of the pairs, drawn from Pairs
	InterviewsNote          string
	Quotes                  []quote
	Tool                    string
}

// municipalityPages makes the pages when the study asks for them (outputs names
// municipalities): one for every municipality that the table disclosure shows on its
// own in some strand and that has a row of its own in scales or code_frequencies. A
// pooled or suppressed municipality has no page, nor the pool; the "others" of every
// comparison are the other municipalities shown on their own.
func municipalityPages(res *results.Results, l labels) []*municipalityPage {
	if !slices.Contains(res.Outputs, MunicipalitiesOutput) {
		return nil
	}
	shown := map[string]bool{}
	d := view(res.Table("disclosure"))
	for i := 0; i < d.len(); i++ {
		if d.str(i, "group_by") == "municipality" && d.str(i, "status") == "shown" {
			shown[d.str(i, "group")] = true
		}
	}
	has := map[string]bool{}
	for _, name := range []string{"scales", "code_frequencies"} {
		t := view(res.Table(name))
		for i := 0; i < t.len(); i++ {
			if g := t.str(i, "group"); t.str(i, "group_by") == "municipality" && shown[g] && !t.flag(i, "suppressed") {
				has[g] = true
			}
		}
	}
	names := make([]string, 0, len(has))
	for g := range has {
		names = append(names, g)
	}
	sort.Strings(names)
	slugs := map[string]bool{}
	var pages []*municipalityPage
	for _, g := range names {
		slug := fileName(g)
		for base, k := slug, 2; slugs[slug]; k++ {
			slug = fmt.Sprintf("%s-%d", base, k)
		}
		slugs[slug] = true
		pages = append(pages, buildMunicipalityPage(res, l, g, slug))
	}
	return pages
}

func buildMunicipalityPage(res *results.Results, l labels, g, slug string) *municipalityPage {
	T := res.Text
	p := &municipalityPage{Lang: res.Language, Title: res.Title, Name: g, Slug: slug, Tool: res.Tool,
		Text: map[string]string{
			"scales":   T("Enquête: schaalscores tegenover de andere gemeenten", "Survey: scale scores against the other municipalities"),
			"factors":  T("Interviews: de succesfactoren tegenover het hele onderzoek", "Interviews: the success factors against the whole study"),
			"pairs":    T("Samenwerkingspartners: de gouden combinatie", "Partners: the golden combination"),
			"quotes":   T("Citaten", "Quotes"),
			"made":     T("Gemaakt met", "Made with"),
			"subtitle": T("Gemeente", "Municipality"),
			"network": T("Lijnen: blauw waar meer geïnterviewden het paar werkend noemen dan ontbrekend, oranjerood waar minstens zoveel het ontbrekend of stroef noemen, grijs gestreept waar niemand het noemt; de getallen zijn werkt / ontbreekt.",
				"Lines: blue where more interviewees name the pair working than missing, vermilion where at least as many name it missing or failing, dashed grey where nobody names it; the numbers are working / missing."),
		}}
	if p.Lang != "en" {
		p.Lang = "nl"
	}
	// Scales: the municipality's mean and interval (scales), its rank and the others
	// (municipality_benchmark).
	sc, bm := view(res.Table("scales")), view(res.Table("municipality_benchmark"))
	p.Scales = &peopleTable{ID: "scales-" + slug, Caption: T("Schaalscores van "+g+"; positie onder de getoonde gemeenten", "Scale scores of "+g+"; position among the municipalities shown"),
		Head: []string{T("Schaal", "Scale"), T("Gemiddelde [95%-BI]", "Mean [95% CI]"), "n", T("Positie", "Position"),
			T("Mediaan andere gemeenten", "Median of the others"), T("Bereik andere gemeenten", "Range of the others"), T("Eens", "Agreeing")},
		Numeric: []bool{false, true, true, true, true, true, true}}
	others := 0
	for i := 0; i < bm.len(); i++ {
		if bm.str(i, "group") != g {
			continue
		}
		s := bm.str(i, "scale")
		mean, ci, agree := "", "", ""
		for j := 0; j < sc.len(); j++ {
			if sc.str(j, "scale") == s && sc.str(j, "group_by") == "municipality" && sc.str(j, "group") == g {
				if m, ok := sc.num(j, "mean"); ok {
					mean = number(res.Language, m, 2)
				}
				lo, okl := sc.num(j, "ci_low")
				hi, okh := sc.num(j, "ci_high")
				if okl && okh {
					ci = " " + ciText(res.Language, lo, hi, 2)
				}
				if a, ok := sc.num(j, "pct_agree"); ok {
					agree = percent(res.Language, a)
				}
			}
		}
		rank, _ := bm.num(i, "rank")
		of, _ := bm.num(i, "of")
		others = max(others, int(of)-1)
		pos := T(fmt.Sprintf("%d van %d", int(rank), int(of)), fmt.Sprintf("%d of %d", int(rank), int(of)))
		med, rng := "", ""
		if v, ok := bm.num(i, "others_median"); ok {
			med = number(res.Language, v, 2)
		}
		lo, okl := bm.num(i, "others_min")
		hi, okh := bm.num(i, "others_max")
		if okl && okh {
			rng = number(res.Language, lo, 2) + "–" + number(res.Language, hi, 2)
		}
		p.Scales.Rows = append(p.Scales.Rows, []string{l.scaleLabel(s), mean + ci, bm.str(i, "n"), pos, med, rng, agree})
	}
	if len(p.Scales.Rows) == 0 {
		p.Scales = nil
	} else {
		p.ScalesNote = T(
			fmt.Sprintf("Positie 1 is het hoogste gemiddelde. De andere gemeenten zijn de gemeenten die het onderzoek op zichzelf toont (%d); samengevoegde of niet getoonde gemeenten (minder respondenten dan de privacygrens) tellen in deze vergelijking niet mee.", others),
			fmt.Sprintf("Position 1 is the highest mean. The others are the municipalities the study shows on their own (%d); pooled or hidden municipalities (fewer respondents than the privacy threshold) are not in this comparison.", others))
	}
	// Factors: the joint display's rows of the municipality and of all respondents.
	jd := view(res.Table("joint_display"))
	p.Factors = &peopleTable{ID: "factors-" + slug, Caption: T("Aandeel gecodeerde geïnterviewden dat de factor noemt, in "+g+" en in het hele onderzoek", "Share of coded interviewees naming the factor, in "+g+" and in the whole study"),
		Head: []string{T("Factor", "Factor"), T("Bevorderend hier", "Facilitator here"), T("Bevorderend, hele onderzoek", "Facilitator, whole study"),
			T("Belemmerend hier", "Barrier here"), T("Belemmerend, hele onderzoek", "Barrier, whole study"), T("Metaconclusie hier", "Meta-inference here")},
		Numeric: []bool{false, true, true, true, true, false}}
	allRow := map[string]int{}
	for i := 0; i < jd.len(); i++ {
		if jd.str(i, "group_by") == "all" {
			allRow[jd.str(i, "factor")] = i
		}
	}
	share := func(i int, col string) string {
		if v, ok := jd.num(i, col); ok {
			return percent(res.Language, v)
		}
		return ""
	}
	interviews := false
	for i := 0; i < jd.len(); i++ {
		if jd.str(i, "group_by") != "municipality" || jd.str(i, "group") != g {
			continue
		}
		f := jd.str(i, "factor")
		a, ok := allRow[f]
		if !ok {
			a = -1
		}
		if _, ok := jd.num(i, "facilitator_share"); ok {
			interviews = true
		}
		p.Factors.Rows = append(p.Factors.Rows, []string{l.factorLabel(f), share(i, "facilitator_share"), share(a, "facilitator_share"),
			share(i, "barrier_share"), share(a, "barrier_share"), metaLabel(res, jd.str(i, "meta_inference"))})
		for _, v := range [][3]string{{"facilitator_quote", "facilitator_quote_by", T("bevorderend", "facilitator")}, {"barrier_quote", "barrier_quote_by", T("belemmerend", "barrier")}} {
			if q := strings.TrimSpace(jd.str(i, v[0])); q != "" {
				p.Quotes = append(p.Quotes, quote{Text: q, Who: jd.str(i, v[1]), Code: l.factorLabel(f) + ", " + v[2]})
			}
		}
	}
	if !interviews {
		p.Factors = nil
	}
	// Pairs of the golden combination.
	pp := view(res.Table("partner_pairs"))
	p.Pairs = &peopleTable{ID: "pairs-" + slug, Caption: T("Paren van de gouden combinatie die geïnterviewden in "+g+" noemen", "Pairs of the golden combination that interviewees in "+g+" name"),
		Head:    []string{T("Paar", "Pair"), T("Werkt (geïnterviewden)", "Working (interviewees)"), T("Ontbreekt of stroef (geïnterviewden)", "Missing or failing (interviewees)"), T("Hele onderzoek: werkt / ontbreekt", "Whole study: working / missing")},
		Numeric: []bool{false, true, true, true}}
	var pairs []networkPair
	study := map[[2]string]string{}
	for i := 0; i < pp.len(); i++ {
		if pp.str(i, "group_by") == "all" {
			study[[2]string{pp.str(i, "partner_a"), pp.str(i, "partner_b")}] = pp.str(i, "working_respondents") + " / " + pp.str(i, "missing_respondents")
		}
	}
	for i := 0; i < pp.len(); i++ {
		if pp.str(i, "group_by") != "municipality" || pp.str(i, "group") != g || pp.flag(i, "suppressed") {
			continue
		}
		w, okw := pp.num(i, "working_respondents")
		m, okm := pp.num(i, "missing_respondents")
		if !okw || !okm {
			continue
		}
		a, b := pp.str(i, "partner_a"), pp.str(i, "partner_b")
		pairs = append(pairs, networkPair{a, b, int(w), int(m)})
		p.Pairs.Rows = append(p.Pairs.Rows, []string{l.partnerLabel(a) + " – " + l.partnerLabel(b), fmt.Sprint(int(w)), fmt.Sprint(int(m)), study[[2]string{a, b}]})
	}
	if len(pairs) == 0 {
		p.Pairs = nil
	} else {
		p.Network = networkSVG(res, l, pairs)
	}
	if p.Factors == nil || p.Pairs == nil {
		p.InterviewsNote = T("De interviews zijn voor deze gemeente niet weergegeven: de gemeente heeft te weinig geïnterviewden, of de privacyregels staan niet toe codes per gemeente te tellen (zie de opmerkingen in het rapport).",
			"The interviews are not shown for this municipality: it has too few interviewees, or the privacy rules do not allow codes to be counted per municipality (see the notes of the report).")
	}
	return p
}

type networkPair struct {
	a, b             string
	working, missing int
}

// networkSVG draws the pairs as a small network: the partners on a circle, a pair's line
// blue where more interviewees name it working than missing, vermilion where at least as
// many name it missing (and someone does), dashed grey where nobody names it; the
// numbers are the table's.
func networkSVG(res *results.Results, l labels, pairs []networkPair) template.HTML {
	var nodes []string
	pos := map[string]int{}
	for _, p := range pairs {
		for _, n := range []string{p.a, p.b} {
			if _, ok := pos[n]; !ok {
				pos[n] = len(nodes)
				nodes = append(nodes, n)
			}
		}
	}
	const w, h, r = 420.0, 260.0, 95.0
	xy := func(i int) (float64, float64) {
		a := -math.Pi/2 + 2*math.Pi*float64(i)/float64(len(nodes))
		return w/2 + 1.5*r*math.Cos(a), h/2 + r*math.Sin(a)
	}
	var b bytes.Buffer
	fmt.Fprintf(&b, `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 %g %g" width="%g" height="%g" role="img" aria-label="%s">`, w, h, w, h,
		template.HTMLEscapeString(res.Text("Netwerk van de gouden combinatie", "Network of the golden combination")))
	for _, p := range pairs {
		x1, y1 := xy(pos[p.a])
		x2, y2 := xy(pos[p.b])
		colour, dash, width := "#BBBBBB", ` stroke-dasharray="4 3"`, 1.5
		switch {
		case p.working > p.missing:
			colour, dash, width = "#0072B2", "", 1.5+float64(p.working)
		case p.missing > 0:
			colour, dash, width = "#D55E00", "", 1.5+float64(p.missing)
		}
		fmt.Fprintf(&b, `<line x1="%.1f" y1="%.1f" x2="%.1f" y2="%.1f" stroke="%s" stroke-width="%.1f"%s/>`, x1, y1, x2, y2, colour, math.Min(width, 9), dash)
		// Lines between opposite partners cross in the middle: their numbers go a third
		// of the way along instead, so that they do not overlap.
		at := 0.5
		if len(nodes)%2 == 0 && (pos[p.a]-pos[p.b]+len(nodes))%len(nodes) == len(nodes)/2 {
			at = 0.3
		}
		fmt.Fprintf(&b, `<text x="%.1f" y="%.1f" font-size="11" text-anchor="middle" fill="#222">%d / %d</text>`, x1+at*(x2-x1)+8, y1+at*(y2-y1)-4, p.working, p.missing)
	}
	for i, n := range nodes {
		x, y := xy(i)
		fmt.Fprintf(&b, `<circle cx="%.1f" cy="%.1f" r="5" fill="#222"/><text x="%.1f" y="%.1f" font-size="12" font-weight="bold" text-anchor="middle" fill="#222">%s</text>`,
			x, y, x, y-9, template.HTMLEscapeString(l.partnerLabel(n)))
	}
	b.WriteString(`</svg>`)
	return template.HTML(b.String()) // built here from escaped labels and numbers only
}

// html renders the page: self-contained, no scripts, printable on A4.
func (p *municipalityPage) html() ([]byte, error) {
	var buf bytes.Buffer
	if err := municipalityTemplate.Execute(&buf, struct {
		*municipalityPage
		CSS string
	}{p, reportCSS}); err != nil {
		return nil, model.Reasonf("%w: municipalities/%s.html: %v", "%v: municipalities/%s.html: %v", ErrWrite, p.Slug, err)
	}
	return buf.Bytes(), nil
}

// docx writes the page as a section of report.docx.
func (p *municipalityPage) docx(d *docxBody, tableLabel string) {
	d.heading(2, p.Text["subtitle"]+" "+p.Name)
	for _, t := range []*peopleTable{p.Scales, p.Factors, p.Pairs} {
		if t != nil {
			d.table(t, tableLabel)
		}
	}
	for _, s := range []string{p.ScalesNote, p.InterviewsNote} {
		if s != "" {
			d.para("", nil, run(s))
		}
	}
	for _, q := range p.Quotes {
		d.para("Quote", nil, run("“"+q.Text+"”"))
		d.para("QuoteSource", nil, run("— "+q.Who+" · "+q.Code))
	}
}

// municipalitiesDocx writes the section "Per municipality" of report.docx.
func municipalitiesDocx(d *docxBody, pages []*municipalityPage, lang, tableLabel string) {
	if len(pages) == 0 {
		return
	}
	d.heading(1, map[bool]string{true: "Per municipality", false: "Per gemeente"}[lang == "en"])
	for _, p := range pages {
		p.docx(d, tableLabel)
	}
}

// writeMunicipalityPages writes municipalities/<slug>.html for every page.
func writeMunicipalityPages(w *writer, res *results.Results) error {
	for _, p := range municipalityPages(res, newLabels(res)) {
		b, err := p.html()
		if err != nil {
			return err
		}
		if err := w.put("municipalities/"+p.Slug+".html", b); err != nil {
			return err
		}
	}
	return nil
}

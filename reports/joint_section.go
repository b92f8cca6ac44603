package reports

import (
	"fmt"
	"strings"

	"github.com/samenspel/samenspel/pipeline/results"
)

func init() {
	noteTopics["joint_display"] = [2]string{"Gezamenlijke weergave", "Joint display"}
	noteTopics["partner_pairs"] = [2]string{"Paren van partners", "Pairs of partners"}
	referenceList = append(referenceList,
		struct{ key, text string }{"guetterman", "Guetterman, T. C., Fetters, M. D., & Creswell, J. W. (2015). Integrating quantitative and qualitative results in health science mixed methods research through joint displays. Annals of Family Medicine, 13(6), 554–561."})
}

// jointSection is the report's section on the joint display: what it is and the rule of
// its meta-inferences, the table, and per factor and group its two quotes.
type jointSection struct {
	Heading string
	Intro   []string
	Table   *peopleTable
	Quotes  []quoteGroup
}

// buildJoint makes the joint display section from the table joint_display; nil when the
// table has no rows.
func buildJoint(res *results.Results, l labels, cites map[string]bool) *jointSection {
	t := view(res.Table("joint_display"))
	if t.len() == 0 {
		return nil
	}
	cites["guetterman"] = true
	T := res.Text
	s := &jointSection{
		Heading: T("Gezamenlijke weergave van enquête en interviews", "Joint display of survey and interviews"),
		Intro: []string{
			T("De gezamenlijke weergave zet per succesfactor de enquête naast de interviews (statistics by themes; Guetterman, Fetters & Creswell, 2015): de gemiddelde score op de schaal van de factor met het 95%-interval en het aandeel dat het eens is, en het aandeel gecodeerde geïnterviewden dat de factor bevorderend en belemmerend noemt, met de meest genoemde codes. Per gemeente staat een blok waar beide bronnen de gemeente dekken; wat de privacyregels niet toestaan, blijft leeg, zoals in de andere tabellen.",
				"The joint display sets the survey beside the interviews for each success factor (statistics by themes; Guetterman, Fetters & Creswell, 2015): the mean score on the factor's scale with its 95% interval and the share agreeing, and the shares of the coded interviewees naming the factor as a facilitator and as a barrier, with the most frequent codes. A municipality has its block where both sources cover it; what the privacy rules do not allow stays empty, as in the other tables."),
			T("Metaconclusie: de enquête wijst positief bij minstens 50% eens, de interviews bij meer geïnterviewden die de factor bevorderend dan belemmerend noemen (bij gelijke aantallen niet). Convergent: beide wijzen dezelfde kant op; divergent: niet; één bron: maar één bron getoond, of geen geïnterviewde noemt de factor. Citaten: per factor, groep en richting het fragment met de meeste codes van die factor en richting (minstens 40 tekens), bij gelijke aantallen het eerste pseudoniem.",
				"Meta-inference: the survey leans positive at 50% agreeing or more, the interviews when more interviewees name the factor as a facilitator than as a barrier (not on a tie). Convergent: both lean the same way; divergent: they do not; one source only: only one source is shown, or no interviewee names the factor. Quotes: per factor, group and valence, the segment with the most codes of that factor and valence (at least 40 characters), ties by the first pseudonym."),
		},
	}
	pt := &peopleTable{ID: "joint_display", Caption: T("Gezamenlijke weergave per succesfactor", "Joint display by success factor"),
		Head: []string{T("Factor", "Factor"), T("Groep", "Group"), T("Enquête: gemiddelde [95%-BI]", "Survey: mean [95% CI]"), T("Eens", "Agreeing"),
			T("Interviews: bevorderend", "Interviews: facilitator"), T("Belemmerend", "Barrier"), T("Meest genoemde codes", "Most frequent codes"), T("Metaconclusie", "Meta-inference")},
		Numeric: []bool{false, false, true, true, true, true, false, false}}
	quotesBy := map[string][]quote{}
	var order []string
	for i := 0; i < t.len(); i++ {
		f, g := t.str(i, "factor"), groupLabel(res, t.str(i, "group_by"), t.str(i, "group"))
		mean := ""
		if m, ok := t.num(i, "mean"); ok {
			mean = number(res.Language, m, 2)
			lo, okl := t.num(i, "ci_low")
			hi, okh := t.num(i, "ci_high")
			if okl && okh {
				mean += " " + ciText(res.Language, lo, hi, 2)
			}
			if n, ok := t.num(i, "n"); ok {
				mean += fmt.Sprintf(" (n = %d)", int(n))
			}
		}
		share := func(col string) string {
			if v, ok := t.num(i, col); ok {
				return percent(res.Language, v)
			}
			return ""
		}
		fac := share("facilitator_share")
		if n, ok := t.num(i, "group_respondents"); ok && fac != "" {
			fac += fmt.Sprintf(" (n = %d)", int(n))
		}
		var codes []string
		for _, c := range strings.Split(t.str(i, "top_codes"), "; ") {
			if c != "" {
				codes = append(codes, l.codeLabel(c))
			}
		}
		pt.Rows = append(pt.Rows, []string{l.factorLabel(f), g, mean, share("pct_agree"), fac, share("barrier_share"), strings.Join(codes, "; "), metaLabel(res, t.str(i, "meta_inference"))})
		for _, v := range []struct{ text, by, label string }{
			{"facilitator_quote", "facilitator_quote_by", T("bevorderend", "facilitator")},
			{"barrier_quote", "barrier_quote_by", T("belemmerend", "barrier")},
		} {
			if q := strings.TrimSpace(t.str(i, v.text)); q != "" {
				key := l.factorLabel(f)
				if _, ok := quotesBy[key]; !ok {
					order = append(order, key)
				}
				quotesBy[key] = append(quotesBy[key], quote{Code: g + ", " + v.label, Text: q, Who: t.str(i, v.by)})
			}
		}
	}
	s.Table = pt
	for _, k := range order {
		s.Quotes = append(s.Quotes, quoteGroup{Factor: k, Quotes: quotesBy[k]})
	}
	return s
}

// number gives the section's table its number among the report's tables.
func (s *jointSection) number(label string, n int) *jointSection {
	if s != nil {
		s.Table.Number, s.Table.Title = n, s.Table.Caption
		s.Table.Caption = fmt.Sprintf("%s %d. %s", label, n, s.Table.Caption)
	}
	return s
}

// markdown writes the section for report.md ("" when there is none).
func (s *jointSection) markdown() string {
	if s == nil {
		return ""
	}
	var b strings.Builder
	fmt.Fprintf(&b, "\n## %s\n", mdText(s.Heading))
	for _, p := range s.Intro {
		fmt.Fprintf(&b, "\n%s\n", mdText(p))
	}
	b.WriteString(mdTable(s.Table))
	for _, g := range s.Quotes {
		fmt.Fprintf(&b, "\n### %s\n", mdText(g.Factor))
		for _, q := range g.Quotes {
			fmt.Fprintf(&b, "\n> “%s”\n>\n> — %s\n", mdText(q.Text), mdText(q.Who+" · "+q.Code))
		}
	}
	return b.String()
}

// docx writes the section into report.docx.
func (s *jointSection) docx(d *docxBody, tableLabel string) {
	if s == nil {
		return
	}
	d.heading(1, s.Heading)
	for _, p := range s.Intro {
		d.para("", nil, run(p))
	}
	d.table(s.Table, tableLabel)
	for _, g := range s.Quotes {
		d.heading(2, g.Factor)
		for _, q := range g.Quotes {
			d.para("Quote", nil, run("“"+q.Text+"”"))
			d.para("QuoteSource", nil, run("— "+q.Who+" · "+q.Code))
		}
	}
}

package codebook

import (
	"fmt"
	"strings"
)

// Markdown writes the codebook as a report appendix in lang (nl or en): per factor a table
// of its codes with valence, definition, inclusion and exclusion criteria and an example
// quote, then the partners and the survey scales with their items.
func (cb *Codebook) Markdown(lang string) string {
	tr := func(nl, en string) string {
		if lang == "en" {
			return en
		}
		return nl
	}
	valence := map[Valence]string{Facilitator: tr("bevorderend", "facilitator"), Barrier: tr("belemmerend", "barrier")}
	var b strings.Builder
	title := cb.Name
	if title == "" {
		title = tr("Codeboek", "Codebook")
	}
	fmt.Fprintf(&b, "# %s\n\n", mdCell(title))
	if cb.Version != "" {
		fmt.Fprintf(&b, "%s %s\n\n", tr("Versie", "Version"), mdCell(cb.Version))
	}
	for _, f := range cb.Factors {
		fmt.Fprintf(&b, "## %s\n\n", mdCell(qdcNameIn(f.Label, f.ID, lang)))
		if d := f.Description.In(lang); d != "" {
			b.WriteString(mdCell(d) + "\n\n")
		}
		fmt.Fprintf(&b, "| %s | %s | %s | %s | %s | %s |\n|---|---|---|---|---|---|\n",
			tr("Code", "Code"), tr("Richting", "Valence"), tr("Definitie", "Definition"),
			tr("Wel coderen", "Include"), tr("Niet coderen", "Exclude"), tr("Voorbeeld", "Example"))
		for _, c := range f.Codes {
			ex := c.Example.In(lang)
			if ex != "" {
				ex = "“" + ex + "”"
			}
			fmt.Fprintf(&b, "| **%s** (`%s`) | %s | %s | %s | %s | %s |\n",
				mdCell(qdcNameIn(c.Label, c.ID, lang)), c.ID, valence[c.Valence], mdCell(c.Definition.In(lang)),
				mdCell(c.Include.In(lang)), mdCell(c.Exclude.In(lang)), mdCell(ex))
		}
		b.WriteString("\n")
	}
	if len(cb.Partners) > 0 {
		fmt.Fprintf(&b, "## %s\n\n| %s | %s |\n|---|---|\n", tr("Partners", "Partners"), tr("Partner", "Partner"), tr("Herkend aan", "Recognised by"))
		for _, p := range cb.Partners {
			fmt.Fprintf(&b, "| %s | %s |\n", mdCell(qdcNameIn(p.Label, p.ID, lang)), mdCell(strings.Join(p.Synonyms, ", ")))
		}
		b.WriteString("\n")
	}
	for _, s := range cb.Scales {
		fmt.Fprintf(&b, "## %s: %s\n\n", tr("Schaal", "Scale"), mdCell(qdcNameIn(s.Label, s.ID, lang)))
		var ans []string
		for _, a := range s.Answers {
			l := ""
			if len(a.Labels) > 0 {
				l = a.Labels[0]
				if lang == "en" && len(a.Labels) > 1 {
					l = a.Labels[len(a.Labels)-1]
				}
			}
			ans = append(ans, fmt.Sprintf("%v = %s", a.Value, l))
		}
		fmt.Fprintf(&b, "%s: %s.", tr("Antwoorden", "Answers"), mdCell(strings.Join(ans, "; ")))
		if s.AgreeFrom != 0 {
			fmt.Fprintf(&b, " %s %v.", tr("Eens vanaf", "Agreeing from"), s.AgreeFrom)
		}
		fmt.Fprintf(&b, "\n\n| Item | %s | %s |\n|---|---|---|\n", tr("Tekst", "Text"), tr("Omgekeerd", "Reversed"))
		for _, it := range s.Items {
			rev := ""
			if it.Reverse {
				rev = tr("ja", "yes")
			}
			fmt.Fprintf(&b, "| %s | %s | %s |\n", mdCell(it.ID), mdCell(it.Text.In(lang)), rev)
		}
		b.WriteString("\n")
	}
	return b.String()
}

func qdcNameIn(l Text, id, lang string) string {
	if s := l.In(lang); s != "" {
		return s
	}
	return id
}

// mdCell makes text safe inside a Markdown table cell: pipes escaped, line breaks as
// spaces.
func mdCell(s string) string {
	s = strings.ReplaceAll(s, "|", `\|`)
	return strings.Join(strings.Fields(s), " ")
}

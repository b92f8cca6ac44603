package reports

import (
	"bytes"
	"fmt"
	"strings"
)

// markdown renders the report as Markdown beside report.html, with the figures linked
// as files under figures/.
func (r *report) markdown() []byte {
	var b bytes.Buffer
	fmt.Fprintf(&b, "# %s\n", mdText(r.Title))
	if len(r.Sample) > 0 || r.SampleTab != nil {
		fmt.Fprintf(&b, "\n## %s\n", r.Text["sample"])
		for _, s := range r.Sample {
			fmt.Fprintf(&b, "\n%s\n", mdText(s))
		}
		if r.SampleTab != nil {
			b.WriteString(mdTable(r.SampleTab))
		}
	}
	if len(r.Methods) > 0 {
		fmt.Fprintf(&b, "\n## %s\n", r.Text["methods"])
		for _, p := range r.Methods {
			fmt.Fprintf(&b, "\n%s\n", mdText(p))
		}
	}
	if len(r.Figures) > 0 {
		fmt.Fprintf(&b, "\n## %s\n", r.Text["figures"])
		for _, f := range r.Figures {
			if f.Link != "" {
				fmt.Fprintf(&b, "\n![%s](%s)\n", mdText(f.Title), f.Link)
			}
			fmt.Fprintf(&b, "\n**%s %d. %s.** %s\n", r.Text["figure"], f.Number, mdText(f.Title), mdText(f.Caption))
		}
	}
	if len(r.Tables) > 0 {
		fmt.Fprintf(&b, "\n## %s\n", r.Text["tables"])
		for _, t := range r.Tables {
			b.WriteString(mdTable(t))
		}
	}
	b.WriteString(r.Joint.markdown())
	if len(r.Quotes) > 0 {
		fmt.Fprintf(&b, "\n## %s\n", r.Text["quotes"])
		for _, g := range r.Quotes {
			fmt.Fprintf(&b, "\n### %s\n", mdText(g.Factor))
			for _, q := range g.Quotes {
				who := q.Who
				if q.Code != "" {
					who += " · " + q.Code
				}
				fmt.Fprintf(&b, "\n> “%s”\n>\n> — %s\n", mdText(q.Text), mdText(who))
			}
		}
	}
	if len(r.Notes) > 0 {
		fmt.Fprintf(&b, "\n## %s\n\n", r.Text["notes"])
		for _, n := range r.Notes {
			fmt.Fprintf(&b, "- %s\n", mdText(n))
		}
	}
	if r.Inputs != nil {
		fmt.Fprintf(&b, "\n## %s\n", r.Text["inputs"])
		b.WriteString(mdTable(r.Inputs))
	}
	if len(r.References) > 0 {
		fmt.Fprintf(&b, "\n## %s\n\n", r.Text["references"])
		for _, ref := range r.References {
			fmt.Fprintf(&b, "- %s\n", mdText(ref))
		}
	}
	if r.Tool != "" {
		fmt.Fprintf(&b, "\n---\n\n%s %s.\n", r.Text["made"], mdText(r.Tool))
	}
	return b.Bytes()
}

// mdTable writes a pipe table with its caption above it.
func mdTable(t *peopleTable) string {
	var b strings.Builder
	fmt.Fprintf(&b, "\n**%s**\n\n", mdText(t.Caption))
	b.WriteString("|")
	for _, h := range t.Head {
		b.WriteString(" " + mdCell(h) + " |")
	}
	b.WriteString("\n|")
	for i := range t.Head {
		if i < len(t.Numeric) && t.Numeric[i] {
			b.WriteString(" ---: |")
		} else {
			b.WriteString(" --- |")
		}
	}
	b.WriteString("\n")
	for _, row := range t.Rows {
		b.WriteString("|")
		for i := range t.Head {
			c := ""
			if i < len(row) {
				c = row[i]
			}
			b.WriteString(" " + mdCell(c) + " |")
		}
		b.WriteString("\n")
	}
	return b.String()
}

// mdText escapes the characters that would turn text into Markdown markup or raw HTML:
// quotes and labels come from respondents and must show as written.
func mdText(s string) string {
	var b strings.Builder
	for _, r := range s {
		switch r {
		case '\\', '`', '*', '_', '[', ']', '<', '>', '#', '|', '!':
			b.WriteByte('\\')
			b.WriteRune(r)
		case '&':
			b.WriteString("\\&")
		case '\n', '\r':
			b.WriteByte(' ')
		default:
			b.WriteRune(r)
		}
	}
	return b.String()
}

func mdCell(s string) string { return mdText(s) }

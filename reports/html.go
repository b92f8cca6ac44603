package reports

import (
	"bytes"
	"crypto/rand"
	_ "embed"
	"fmt"
	"html/template"
	"slices"
	"strings"

	"github.com/samenspel/samenspel/pipeline/model"
)

// reportCSS is the report's inline style sheet: readable on a phone, printable to PDF
// from a browser without figures split across pages.
//
//go:embed report.css
var reportCSS string

//go:embed report.html.tmpl
var reportHTML string

var htmlTemplate = template.Must(template.New("report").Funcs(template.FuncMap{
	// The only URLs in the report are the figures' data URIs that Write itself encodes.
	"dataURI": func(s string) template.URL { return template.URL(s) },
	"css":     func(s string) template.CSS { return template.CSS(s) },
}).Parse(reportHTML))

// html renders the report as one self-contained HTML file: figures inline as data URIs,
// CSS inline, no scripts and nothing fetched from the network. html/template escapes
// every text, so quotes and labels cannot inject markup.
//
// The figures' data URIs (some 3.5 MB of base64 on the example study) are not run
// through the template's escapers, which took a tenth of the report writers' time: the
// template gets a random placeholder per figure, and the URI, escaped as html/template
// escapes it in an attribute (of base64's letters only "+" changes, to "&#43;"), is put
// in its place afterwards. TestHTMLFiguresSpliced checks that the result is the same,
// byte for byte.
func (r *report) html() ([]byte, error) {
	nonce := make([]byte, 12)
	if _, err := rand.Read(nonce); err != nil {
		return r.htmlEscaped()
	}
	tmp := *r
	tmp.Figures = slices.Clone(r.Figures)
	holders := make([]string, len(tmp.Figures))
	size := 0
	for i := range tmp.Figures {
		if tmp.Figures[i].DataURI == "" {
			continue
		}
		size += len(tmp.Figures[i].DataURI) * 11 / 10 // "+" is 1/64 of base64; 5 bytes escaped
		holders[i] = fmt.Sprintf("data:image/png;base64,samenspel%xn%dn", nonce, i)
		tmp.Figures[i].DataURI = holders[i]
	}
	b, err := tmp.htmlEscaped()
	if err != nil {
		return nil, err
	}
	var out bytes.Buffer
	out.Grow(len(b) + size)
	rest := b
	for i, h := range holders {
		j := bytes.Index(rest, []byte(h))
		if h == "" || j < 0 {
			continue
		}
		out.Write(rest[:j])
		writePlusEscaped(&out, r.Figures[i].DataURI)
		rest = rest[j+len(h):]
	}
	out.Write(rest)
	if bytes.Contains(out.Bytes(), []byte(fmt.Sprintf("samenspel%x", nonce))) {
		// A figure the template shows twice, or out of order: escape the usual way.
		return r.htmlEscaped()
	}
	return out.Bytes(), nil
}

// writePlusEscaped writes s with every "+" as "&#43;", as html/template escapes a data
// URI in an attribute, straight into out (strings.ReplaceAll made a copy of each
// figure's URI first).
func writePlusEscaped(out *bytes.Buffer, s string) {
	for {
		i := strings.IndexByte(s, '+')
		if i < 0 {
			out.WriteString(s)
			return
		}
		out.WriteString(s[:i])
		out.WriteString("&#43;")
		s = s[i+1:]
	}
}

// htmlEscaped renders the report through the template as it is.
func (r *report) htmlEscaped() ([]byte, error) {
	var buf bytes.Buffer
	if err := htmlTemplate.Execute(&buf, struct {
		*report
		CSS string
	}{r, reportCSS}); err != nil {
		return nil, model.Reasonf("%w: report.html: %v", "%v: report.html: %v", ErrWrite, err)
	}
	return buf.Bytes(), nil
}

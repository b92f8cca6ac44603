package reports

import (
	"bytes"
	_ "embed"
	"fmt"
	"html/template"
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
func (r *report) html() ([]byte, error) {
	var buf bytes.Buffer
	if err := htmlTemplate.Execute(&buf, struct {
		*report
		CSS string
	}{r, reportCSS}); err != nil {
		return nil, fmt.Errorf("%w: report.html: %v", ErrWrite, err)
	}
	return buf.Bytes(), nil
}

package pipeline

import (
	"github.com/samenspel/samenspel/pipeline/model"
	"github.com/samenspel/samenspel/pipeline/redact"
)

// redactTitle redacts the study's title like every other free text: it is published in
// the report's heading, manifest.json, the document properties of report.docx and
// tables.xlsx, review.qdpx and the terminal's summary, and a case study is often titled
// after the case ("Casus Qwyntje Zorblat"). Where the redaction changes it, a warning
// says so, in the redacted form, so that the researcher can choose another title.
func redactTitle(s *Study, red *redact.Redactor, warnings *[]error) {
	t := red.Redact(s.Title)
	if t == s.Title {
		return
	}
	s.Title = t
	*warnings = append(*warnings, model.Reasonf(
		"study.yaml's title holds a name or contact details: it is published as %q",
		"de titel in study.yaml bevat een naam of contactgegevens: hij wordt gepubliceerd als %q", t))
}

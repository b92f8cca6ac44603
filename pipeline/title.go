package pipeline

import (
	"github.com/samenspel/samenspel/pipeline/model"
	"github.com/samenspel/samenspel/pipeline/redact"
)

// redactTitle redacts the study's title: it is published in the report's heading,
// manifest.json, the document properties of report.docx and tables.xlsx, review.qdpx and
// the terminal's summary, and a case study is often titled after the case ("Casus
// Qwyntje Zorblat"). The title is the researcher's own words, so a word that only the
// name lists take for a name ("Ids", a Frisian given name and a study's title) is kept,
// unless the data speak of a person so (titleWords); listed names, names after a cue
// ("Casus Daan") and contact details are redacted as anywhere. Where the redaction
// changes it, a warning says so, in the redacted form, so that the researcher can
// choose another title.
func redactTitle(s *Study, red *redact.Redactor, d *model.Dataset, warnings *[]error) {
	t := publishedTitle(s.Title, red, d)
	if t == s.Title {
		return
	}
	s.Title = t
	*warnings = append(*warnings, model.Reasonf(
		"study.yaml's title holds a name or contact details: it is published as %q",
		"de titel in study.yaml bevat een naam of contactgegevens: hij wordt gepubliceerd als %q", t))
}

// publishedTitle is the title as published (see redactTitle): a word the name lists
// take for a name is redacted where a segment text or a document name of d has the
// redactor take it for a name too.
func publishedTitle(title string, red *redact.Redactor, d *model.Dataset) string {
	return red.RedactOwnWords(title, func(word string) bool {
		for i := range d.Segments {
			if red.NameIn(word, d.Segments[i].Text) || red.NameIn(word, d.Segments[i].Document) {
				return true
			}
		}
		return false
	})
}

// ShownTitle is the study's title as a run publishes it (redactTitle), for the listing.
func (r *CheckReport) ShownTitle() string { return r.title }

package redact

import (
	"strings"
)

// RedactOwnWords redacts a text the researcher wrote about the study, not about a person
// (study.yaml's title): patterns, listed names (the respondents' names and ids,
// privacy.names) and names after a cue are redacted as anywhere, but a word that only
// the name lists take for a name ("Ids", a Frisian given name, as a study's title; "Roos"
// in "Project Roos") is the researcher's own word, kept unless personIn says the data
// name a person so (a segment or document where the redactor takes the same word for a
// name): "Casus Daan" is redacted when an interview speaks of Daan, and a title is
// never a way to publish a name the quotes hide. Without personIn every name is
// redacted.
func (r *Redactor) RedactOwnWords(text string, personIn func(word string) bool) string {
	spans := r.Find(text)
	if len(spans) == 0 || !r.unlisted || personIn == nil {
		return r.write(text, spans)
	}
	listedOnly := *r
	listedOnly.unlisted = false
	listed := listedOnly.Find(text)
	var out []Span
	for _, s := range spans {
		if s.Kind != Name || covered(s, listed) || cuedBefore(text, s.Start) || personIn(text[s.Start:s.End]) {
			out = append(out, s)
		}
	}
	return r.write(text, out)
}

// covered reports whether a span of spans overlaps s.
func covered(s Span, spans []Span) bool {
	for _, o := range spans {
		if o.Start < s.End && s.Start < o.End {
			return true
		}
	}
	return false
}

// titleCues are the words of a title that say a person follows ("Casus Daan",
// "Rondom Sanne"), beside the cues of running text (mevrouw, mijn zoon, interview).
var titleCues = map[string]bool{"casus": true, "case": true, "rond": true, "rondom": true, "over": true, "voor": true, "met": true, "bij": true, "van": true, "and": true, "en": true}

// cuedBefore reports whether the word before byte i of text is a cue.
func cuedBefore(text string, i int) bool {
	before := strings.FieldsFunc(text[:i], notWordRune)
	if len(before) == 0 {
		return false
	}
	f := fold(before[len(before)-1])
	_, cue := cueIndex[f]
	return cue || titleCues[f]
}

// NameIn reports whether the redactor takes word for a name in text (a span of a name
// covers an occurrence of it); it looks only where text holds the word.
func (r *Redactor) NameIn(word, text string) bool {
	if !strings.Contains(text, word) {
		return false
	}
	for _, s := range r.Find(text) {
		if s.Kind == Name && strings.Contains(text[s.Start:s.End], word) {
			return true
		}
	}
	return false
}

package redact

import (
	"regexp"
)

// A warning names a workbook's sheet or a project's document in quotes ('sheet "noa"
// was not read', 'blad "jan"'): a sheet per young person is common, and its name is a
// file's name in all but form. RedactWithPaths reads a quoted name after "sheet",
// "blad", "document" or "bron" by the file-name rules too (0.9.0 redacted it as running
// text, where "noa" and "jan" in lower case are no names).
var quotedNameRe = regexp.MustCompile(`(?i)\b(?:sheets?|blad|bladen|document|documents|documenten|source|bron)\s+"([^"\n]{1,200})"`)

// quotedNameSpans returns the spans the file-name rules find in the quoted names of text.
func (r *Redactor) quotedNameSpans(text string) []Span {
	var out []Span
	for _, m := range quotedNameRe.FindAllStringSubmatchIndex(text, -1) {
		name := text[m[2]:m[3]]
		ws := pathWords(name)
		out = append(out, r.idSpans(name, m[2], ws)...)
		out = append(out, r.pathNameSpans(name, ws, m[2], true)...)
	}
	return out
}

package redact

import (
	"regexp"
	"strings"
)

// A warning names a workbook's sheet or a project's document in quotes ('sheet "noa"
// was not read', 'blad "jan"'): a sheet per young person is common, and its name is a
// file's name in all but form. RedactWithPaths reads a quoted name after "sheet",
// "blad", "document" or "bron" by the file-name rules too (0.9.0 redacted it as running
// text, where "noa" and "jan" in lower case are no names), also after a colon, as the
// advice writes it ('with sheet: "noa"'), and wherever else the same quoted name comes
// back in the text (an attack on 0.12 found the advice of a hidden sheet's warning
// naming the sheet that its first words redacted).
var quotedNameRe = regexp.MustCompile(`(?i)\b(?:sheets?|blad|bladen|document|documents|documenten|source|bron)\s*:?\s+"([^"\n]{1,200})"`)

// quotedNameSpans returns the spans the file-name rules find in the quoted names of text.
func (r *Redactor) quotedNameSpans(text string) []Span {
	var out []Span
	for _, m := range quotedNameRe.FindAllStringSubmatchIndex(text, -1) {
		name := text[m[2]:m[3]]
		ws := pathWords(name)
		found := append(r.idSpans(name, m[2], ws), r.pathNameSpans(name, ws, m[2], true)...)
		out = append(out, found...)
		if len(found) == 0 {
			continue
		}
		quoted := `"` + name + `"`
		for at := 0; ; {
			i := strings.Index(text[at:], quoted)
			if i < 0 {
				break
			}
			from := at + i + 1 // the name's start
			if from != m[2] {
				for _, s := range found {
					out = append(out, Span{s.Start - m[2] + from, s.End - m[2] + from, s.Kind})
				}
			}
			at = from + len(name)
		}
	}
	return out
}

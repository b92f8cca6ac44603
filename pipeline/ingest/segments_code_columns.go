package ingest

import (
	"regexp"
	"slices"
	"strings"

	"github.com/samenspel/samenspel/pipeline/model"
)

// Hand-made coding sheets put a segment on one row and its codes in columns of their own:
// "Code 1", "Code 2", "Code 3" (attack 13, code-columns-ignored). The generic layout knew
// only one column named Code, Codes or Label, so such a table lost every coding, with
// exit 0 and nothing said.
//
// codeColumns returns, for the generic layout, the columns read as code cells besides
// the code column: each column whose header is a numbered code column ("Code 1",
// "Code_2", "Codes 3", "Codering 1", "Code (4)", or lettered: "Code A", "Code_B") or "Codering"/"Coderingen" where the
// table has no code column. Each cell of them is a code cell, split like the code column's
// (several codes on ";" or lines). A column whose header begins with "code" or "subcode"
// and that is read as nothing ("Subcode", "Code toelichting") is named in a warning:
// its codes, if it holds any, are not counted.
func codeColumns(path string, header []string, cols map[string]int, explicit map[string]string) (extra []int, warnings []model.Warning) {
	read := map[int]bool{}
	for _, i := range cols {
		read[i] = true
	}
	for _, h := range explicit {
		for i := range header {
			if strings.EqualFold(strings.TrimSpace(header[i]), strings.TrimSpace(h)) {
				read[i] = true
			}
		}
	}
	_, hasCode := cols["code"]
	var unread []string
	for i, h := range header {
		if read[i] {
			continue
		}
		k := foldName(h)
		switch {
		case numberedCodeHeader.MatchString(k), !hasCode && (k == "codering" || k == "coderingen"):
			extra = append(extra, i)
		case coderHeader.MatchString(k):
			// A coder column ("Codeur 2"), read by coderColumns: segments_coder_columns.go.
		case strings.HasPrefix(k, "code") || strings.HasPrefix(k, "subcode"):
			unread = append(unread, columnHeader(header, i))
		}
	}
	if len(unread) > 0 {
		warnings = append(warnings, model.Warning{File: path, Err: model.Reasonf(
			"the column(s) %[1]s are not read as codes (only Code, Codes, Label and numbered columns such as Code 1, Code 2 are): codes in them are not counted; write each code, with its path where it has one (\"Bereiken > Korte lijnen\"), in a code column",
			"de kolom(men) %[1]s worden niet als codes gelezen (alleen Code, Codes, Label en genummerde kolommen als Code 1, Code 2): codes erin tellen niet mee; schrijf elke code, met haar pad waar ze dat heeft (\"Bereiken > Korte lijnen\"), in een codekolom",
			quoteAll(unread))})
	}
	slices.Sort(extra)
	return extra, warnings
}

// numberedCodeHeader matches a folded numbered or lettered code column header ("code 2",
// "code (3)", "code a", "code_b"): a letter needs a separator, so "codes" is no "code s"
// (attack 15, lettered-coder-columns-dropped: "Code A | Codeur A" lost every coding).
var numberedCodeHeader = regexp.MustCompile(`^(?:code|codes|codering|label)(?:[ _.\-]*(?:\(\d{1,2}\)|\d{1,2})|[ _.\-]+(?:\([a-z]\)|[a-z])|\([a-z]\))$`)

package redact

import (
	"strings"
	"unicode/utf8"
)

// A respondent's id in a file name ("JO01_Bergdorp.txt", "interviews/R07.docx") was
// found as a listed name and published as "[naam]_Bergdorp.txt": hidden, but labelled as
// a name. The outputs show a respondent's real id nowhere, and where a published text
// held one (a rejected row's value and reason) it stands as "[respondent]"
// (pipeline/protect.go); a file name does the same. It is not the pseudonym: the
// published file names stand beside their rows' counts, municipalities and rejects,
// which the pseudonym would tie to a person.
//
// An id matches as a run of whole words of one folder or file name (bounded by a
// separator, the path's start or end), compared folded and without the separators
// "-", "_", "." and spaces, so "JO-01" and "jo_01" are the id JO01.

// Respondent is a respondent's id (in a file name).
const Respondent Kind = "respondent"

func init() {
	placeholderText["nl"][Respondent] = "[respondent]"
	placeholderText["en"][Respondent] = "[respondent]"
}

// idKey is an id as idSpans compares it: folded, without separators.
func idKey(s string) string {
	return strings.Map(func(c rune) rune {
		if c == '-' || c == '_' || c == '.' || c == ' ' {
			return -1
		}
		return c
	}, fold(s))
}

// addIDs sets the respondents' ids that file names are searched for.
func (r *Redactor) addIDs(ids []string) {
	for _, id := range ids {
		if k := idKey(id); utf8.RuneCountInString(k) >= 2 {
			if r.ids == nil {
				r.ids = map[string]bool{}
			}
			r.ids[k] = true
			if len(k) > r.idLen {
				r.idLen = len(k)
			}
		}
	}
}

// idSpans returns the respondent ids among the words ws of path (their offsets in path;
// the spans' shifted by base), longest first where runs overlap.
func (r *Redactor) idSpans(path string, base int, ws []pathWord) []Span {
	if len(r.ids) == 0 {
		return nil
	}
	var out []Span
	for a := 0; a < len(ws); a++ {
		if !ws[a].sep {
			continue
		}
		for b := min(len(ws)-1, a+5); b >= a; b-- {
			if b+1 < len(ws) && !ws[b+1].sep {
				continue
			}
			run := path[ws[a].start:ws[b].end]
			if strings.ContainsAny(run, "/\\") || len(run) > 2*r.idLen+8 {
				continue
			}
			if r.ids[idKey(run)] {
				out = append(out, Span{base + ws[a].start, base + ws[b].end, Respondent})
				a = b
				break
			}
		}
	}
	return out
}

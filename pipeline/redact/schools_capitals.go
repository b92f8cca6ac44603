package redact

import (
	"strings"
	"unicode/utf8"
)

// School names in capitals, which 0.9.0 left whole (a word in capitals was no telling
// a name from a word): "OBS DE REGENBOOG", "HET STEDELIJK LYCEUM". In capitals a name is
// taken only with an article to introduce it, as Dutch writes a school's name:
//
//   - after a school word, an article and one to three words in capitals: "OBS DE
//     REGENBOOG", "basisschool DE KLIMOP" → "OBS [schoolnaam]";
//   - an article, one to three words in capitals and an institution's word in capitals
//     (COLLEGE, LYCEUM, SCHOLENGEMEENSCHAP, GYMNASIUM, ATHENEUM; not SCHOOL, MAVO, VMBO,
//     HAVO or CAMPUS, which follow an adjective as often: "DE NIEUWE SCHOOL") →
//     "HET [schoolnaam]".
//
// The name's words stop at a function word, a kept word (a municipality: "OBS DE
// REGENBOOG IN BERGDORP") or a placeholder. An adjective in capitals before an
// institution's word ("HET GROTE LYCEUM") is taken for a name: no list tells them apart.

// capitalInstitutions are the institution words that end a name in capitals.
var capitalInstitutions = map[string]bool{"COLLEGE": true, "LYCEUM": true, "SCHOLENGEMEENSCHAP": true, "GYMNASIUM": true, "ATHENEUM": true}

// wordSpan is a word of a text at bytes [s, e).
type wordSpan struct{ s, e int }

// textWords returns the words of text: runs of letters and apostrophes.
func textWords(text string) []wordSpan {
	var out []wordSpan
	for i := 0; i < len(text); {
		r, n := runeAt(text, i)
		if !isNameRune(r) {
			i += n
			continue
		}
		e := runRunes(text, i, isNameRune)
		out = append(out, wordSpan{i, e})
		i = e
	}
	return out
}

// capitalsWord reports whether w can be a word of a name in capitals: two letters or
// more, all capitals, no function word, kept word or placeholder.
func (r *Redactor) capitalsWord(w string) bool {
	if utf8.RuneCountInString(w) < 2 || !allUpper(w) || !hasLetter(w) {
		return false
	}
	f := fold(w)
	return !lex().function[f] && !r.keep[f] && !placeholderWords[w] && !capitalsArticle(w)
}

func hasLetter(w string) bool {
	return strings.ContainsFunc(w, func(c rune) bool { return c != '\'' && c != '’' })
}

// nameSeparator reports whether text between two words of a name is one space, no-break
// space or hyphen.
func nameSeparator(between string) bool {
	return between == " " || between == "\u00a0" || between == "-"
}

// findSchoolsInCapitals returns the spans of school names in capitals (see above).
func (r *Redactor) findSchoolsInCapitals(text string, schoolWords [][]int) []Span {
	if !hasCapitalPair(text) {
		return nil
	}
	var words []wordSpan
	tokens := func() []wordSpan {
		if words == nil {
			words = textWords(text)
		}
		return words
	}
	var out []Span
	// after a school word
	for _, m := range schoolWords {
		ws := tokens()
		j := wordAt(ws, m[1])
		if j < 0 || j+1 >= len(ws) || strings.Trim(text[m[1]:ws[j].s], " \u00a0") != "" || ws[j].s == m[1] {
			continue
		}
		if !capitalsArticle(text[ws[j].s:ws[j].e]) || !nameSeparator(text[ws[j].e:ws[j+1].s]) {
			continue
		}
		k := j + 1
		for k < len(ws) && k <= j+3 && r.capitalsWord(text[ws[k].s:ws[k].e]) && (k == j+1 || nameSeparator(text[ws[k-1].e:ws[k].s])) {
			k++
		}
		if k > j+1 {
			out = append(out, Span{ws[j].s, ws[k-1].e, School})
		}
	}
	// before an institution's word
	if !containsAny(text, "COLLEGE", "LYCEUM", "SCHOLENGEMEENSCHAP", "GYMNASIUM", "ATHENEUM") {
		return out
	}
	ws := tokens()
	for j, w := range ws {
		if !capitalInstitutions[text[w.s:w.e]] {
			continue
		}
		i := j
		for i > 0 && i > j-3 && r.capitalsWord(text[ws[i-1].s:ws[i-1].e]) && nameSeparator(text[ws[i-1].e:ws[i].s]) {
			i--
		}
		if i == j || i == 0 || !capitalsArticle(text[ws[i-1].s:ws[i-1].e]) || !nameSeparator(text[ws[i-1].e:ws[i].s]) {
			continue
		}
		out = append(out, Span{ws[i].s, w.e, School})
	}
	return out
}

// capitalsArticle reports whether w is "de", "het" or "'t" in any case.
func capitalsArticle(w string) bool {
	f := fold(w)
	return f == "de" || f == "het" || f == "'t" || f == "’t"
}

// wordAt returns the index of the first word starting at or after byte at, or -1.
func wordAt(ws []wordSpan, at int) int {
	lo, hi := 0, len(ws)
	for lo < hi {
		m := (lo + hi) / 2
		if ws[m].s < at {
			lo = m + 1
		} else {
			hi = m
		}
	}
	if lo == len(ws) {
		return -1
	}
	return lo
}

// hasCapitalPair reports whether text holds two ASCII capitals in a row, as every name
// in capitals and every article in capitals does.
func hasCapitalPair(text string) bool {
	for i := 1; i < len(text); i++ {
		if 'A' <= text[i] && text[i] <= 'Z' && 'A' <= text[i-1] && text[i-1] <= 'Z' {
			return true
		}
	}
	return false
}

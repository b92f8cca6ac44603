package redact

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// A word on a new street ending and a number is an address ("Beukenhorst 33"), also
// where the word is a municipality or quarter of the study or a place from the lists
// ("Heidekamp 3": streets are named after their quarter, and 0.10.0 kept it whole as
// the study's word), unless it is plainly a count of a group (privacy leftovers of
// 0.10.0): the number followed by what it counts ("Heidekamp 3 jongeren", "3 keer",
// "3%"), the word right after "in", "uit", "naar", "wijk", "gemeente", "buurt" with no
// article ("in Heidekamp 3 jongeren"; "woont in de Heidekamp 3" is an address), or a
// list of such pairs where a neighbour is no street ("Bergdorp 20, Zeeveen 20,
// Heidekamp 3": the respondents per municipality of a study's comment). A study word or
// place without a street ending and a number stays whole ("Texel 12 jaar").

// plainCount reports whether the word at [s, e) and the number at [p, q) after it are a
// count of a group rather than a street and a house number (see above).
func plainCount(text string, s, e, p, q int) bool {
	after := strings.ToLower(strings.TrimLeft(text[q:], " "))
	if strings.HasPrefix(after, "%") {
		return true
	}
	if k := strings.IndexFunc(after, notWordRune); k != 0 {
		if k < 0 {
			k = len(after)
		}
		if countWords[after[:k]] {
			return true
		}
	}
	before := strings.ToLower(strings.TrimRight(text[:s], " "))
	for _, w := range []string{"in", "uit", "naar", "wijk", "gemeente", "buurt", "dorp", "stad"} {
		if strings.HasSuffix(before, w) && (len(before) == len(w) || notWordRune(rune(before[len(before)-len(w)-1]))) {
			return true
		}
	}
	return countNeighbour(text[max(0, s-40):s], true) || countNeighbour(text[q:min(len(text), q+40)], false)
}

// countWords are what a number after a group's name counts.
var countWords = map[string]bool{"jongeren": true, "respondenten": true, "deelnemers": true, "mensen": true,
	"personen": true, "professionals": true, "interviews": true, "keer": true, "jaar": true, "maanden": true,
	"weken": true, "procent": true, "scholen": true, "kinderen": true, "leerlingen": true, "ouders": true,
	"medewerkers": true, "gezinnen": true, "cliënten": true, "clienten": true, "casussen": true, "rijen": true}

// countNeighbour reports whether the text beside a pair (before it, or after it) holds
// another capitalised word and a number, joined to the pair by ",", ";", "/" or "en",
// whose word has no street ending: a list of counts.
func countNeighbour(side string, before bool) bool {
	t := strings.TrimSpace(side)
	sep := func(s string) (string, bool) {
		for _, j := range []string{",", ";", "/", " en"} {
			if before && strings.HasSuffix(s, j) {
				return strings.TrimSpace(strings.TrimSuffix(s, j)), true
			}
			if !before && strings.HasPrefix(s, strings.TrimSpace(j)+" ") {
				return strings.TrimSpace(strings.TrimPrefix(s, strings.TrimSpace(j))), true
			}
		}
		return "", false
	}
	t, ok := sep(t)
	if !ok {
		return false
	}
	var word, num string
	if before {
		k := strings.LastIndexByte(t, ' ')
		if k < 0 {
			return false
		}
		word, num = t[:k], t[k+1:]
		word = word[strings.LastIndexAny(word, " (")+1:]
	} else {
		f := strings.Fields(t)
		if len(f) < 2 {
			return false
		}
		word, num = f[0], strings.TrimRight(f[1], ",;)./")
	}
	if num == "" || strings.TrimLeft(num, "0123456789") != "" || len(num) > 4 {
		return false
	}
	r, _ := utf8.DecodeRuneInString(word)
	if !unicode.IsUpper(r) {
		return false
	}
	f := fold(word)
	return !endsInOldStreetWord(f) && !endsInNewStreetWord(f) && !standaloneStreet[f]
}

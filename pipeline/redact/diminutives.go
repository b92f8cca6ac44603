package redact

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// findDiminutives returns the diminutives of names: Dutch speakers call young people
// "Sannetje", "Daantje", "Pimmetje", "Keesje", "Sanneke" all the time, and 0.9.0 found
// only those that the given-name list happens to hold (attack 15b, F07: "Sannetje",
// "Sannetjes moeder" for a listed Sanne were published). A word ending in a diminutive
// (-tje, -etje with the consonant doubled, -pje, -je, -ke; a plural or possessive -s
// after it) is a name where its stem is a listed name of one word (as listed: a name
// that is also a word, such as "Roos", only capitalised), or, where unlisted names are
// sought, a capitalised word whose stem is a given name from the lists of three
// letters or more that is no Dutch word, function word, place or kept word; at the
// start of a sentence the stem needs four letters ("Beetje raar" stays). The text is
// scanned for the endings, not tokenised again.
func findDiminutives(text string, listed *names, keep map[string]bool, unlisted bool) []Span {
	var out []Span
	for i := 1; i+1 < len(text); i++ {
		if text[i+1] != 'e' || text[i] != 'j' && text[i] != 'k' {
			continue
		}
		e := i + 2
		if e < len(text) && text[e] == 's' {
			e++
		}
		if e < len(text) && !notWordByte(text, e) {
			continue
		}
		s := i
		for s > 0 {
			r, n := utf8.DecodeLastRuneInString(text[:s])
			if notWordRune(r) {
				break
			}
			s -= n
		}
		word := text[s:e]
		if strings.IndexFunc(word, unicode.IsDigit) >= 0 {
			continue
		}
		r, _ := utf8.DecodeRuneInString(word)
		capital := unicode.IsUpper(r)
		if diminutiveOfName(fold(word), capital, sentenceStart(text, s), listed, keep, unlisted) {
			out = append(out, Span{s, e, Name})
		}
		i = e
	}
	return out
}

// diminutiveOfName reports whether the folded word w is a diminutive of a name (see
// findDiminutives).
func diminutiveOfName(w string, capital, sentence bool, listed *names, keep map[string]bool, unlisted bool) bool {
	w = strings.TrimSuffix(w, "s")
	l := lex()
	for _, suffix := range []string{"etje", "tje", "pje", "je", "ke"} {
		stem, ok := strings.CutSuffix(w, suffix)
		if !ok {
			continue
		}
		stems := []string{stem}
		if suffix == "etje" && len(stem) >= 2 && stem[len(stem)-1] == stem[len(stem)-2] {
			stems = append(stems, stem[:len(stem)-1]) // "pimmetje" → pim
		}
		for _, st := range stems {
			n := utf8.RuneCountInString(st)
			if n < 3 {
				continue
			}
			for _, e := range listed.by[st] {
				if len(e.words) == 1 && (!e.capOnly || capital) {
					return true
				}
			}
			if unlisted && capital && l.given[st] && !l.word[st] && !l.function[st] && !l.place[st] && !keep[st] && !keep[w] &&
				!l.isName(w) && (!sentence || n >= 4) {
				return true
			}
		}
	}
	return false
}

// sentenceStart reports whether the word at byte s starts a text, a line or a sentence.
func sentenceStart(text string, s int) bool {
	p := strings.TrimRight(text[:s], " \t\"'“‘(")
	return p == "" || strings.ContainsAny(p[len(p)-1:], ".!?:\n\r")
}

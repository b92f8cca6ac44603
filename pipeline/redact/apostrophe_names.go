package redact

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// findApostropheNames returns surnames written with an elided prefix and an apostrophe:
// O'Brien, O'Neill (Irish), D'Souza (Indian, Surinamese-Hindustani), D'Hondt (Flemish),
// d'Ancona (Italian). The tokeniser splits words at the apostrophe, so 0.9.0 took only
// the letter for a name ("[naam]'Souza") or nothing ("meneer d'Ancona"; attack 15b,
// F04). A capital O or D, or a lower-case d, at the start of a word, an apostrophe
// (' or ’) and a capitalised word of two letters or more that is no place and no kept
// word is one name, with a possessive ("O'Briens", "D'Souza's"). "d'r" and "'t" have a
// lower-case word after the apostrophe and stay; L' and M' are left out (L'Oréal).
func findApostropheNames(text string, keep map[string]bool) []Span {
	var out []Span
	for i := 1; i < len(text); i++ {
		c := text[i]
		size := 1
		if c != '\'' {
			if c != 0xe2 || !strings.HasPrefix(text[i:], "’") {
				continue
			}
			size = len("’")
		}
		p := text[i-1]
		if p != 'O' && p != 'D' && p != 'd' || isLetterBefore(text, i-1) || i >= 2 && isDigit(text[i-2]) {
			continue // the letter must start a word: not "Brod'Souza"
		}
		s := i + size
		r, _ := utf8.DecodeRuneInString(text[s:])
		if !unicode.IsUpper(r) {
			continue
		}
		e := s
		for e < len(text) {
			r, n := utf8.DecodeRuneInString(text[e:])
			if !unicode.IsLetter(r) && !unicode.Is(unicode.Mn, r) {
				break
			}
			e += n
		}
		w := fold(text[s:e])
		if utf8.RuneCountInString(w) < 2 || keep[w] || lex().place[w] || allUpper(text[s:e]) {
			continue
		}
		for _, ps := range []string{"'s", "’s"} {
			if strings.HasPrefix(text[e:], ps) && (e+len(ps) == len(text) || notWordByte(text, e+len(ps))) {
				e += len(ps)
			}
		}
		out = append(out, Span{i - 1, e, Name})
		i = e
	}
	return out
}

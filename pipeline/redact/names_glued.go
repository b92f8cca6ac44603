package redact

import (
	"unicode"
	"unicode/utf8"
)

// Listed names glued into a handle (attack 12, F19): "DylanV", "xDylanx", "dylan_v",
// "Dylan_2009", "DeVries" (a respondent's surname run together). findNames matches a
// listed name as a whole word, which leaves these whole or half ("[naam]_v"). A token
// here is a run of letters, digits and underscores; it becomes one "[naam]" when it
// holds a listed one-word name of three letters or more (case-insensitively) with a
// handle's seam on at least one side of it: an underscore or a digit next to it, or a
// change of case (the name's capital after a small letter, or a capital right after
// the name's last small letter). Ordinary words keep their letters: "basis" (Bas
// listed), "markt" (Mark), "semester" (Sem) have no seam; "McDonald" is no listed name.
func findGluedNames(text string, listed *names) []Span {
	if listed == nil {
		return nil
	}
	var out []Span
	for i := 0; i < len(text); {
		c, n := utf8.DecodeRuneInString(text[i:])
		if !tokenRune(c) {
			i += n
			continue
		}
		start := i
		for i < len(text) {
			c, n := utf8.DecodeRuneInString(text[i:])
			if !tokenRune(c) {
				break
			}
			i += n
		}
		if gluedName(text[start:i], listed) {
			out = append(out, Span{start, i, Name})
		}
	}
	return out
}

func tokenRune(c rune) bool { return c == '_' || unicode.IsLetter(c) || unicode.IsDigit(c) }

// gluedName reports whether the token holds a listed name with a seam (see above) and is
// more than the name itself (a name alone is findNames' work).
func gluedName(tok string, listed *names) bool {
	rs := []rune(tok)
	if len(rs) < 4 || len(rs) > 40 {
		return false
	}
	seam := false
	for k := 1; k < len(rs); k++ {
		a, b := rs[k-1], rs[k]
		if a == '_' || b == '_' || unicode.IsDigit(a) != unicode.IsDigit(b) || unicode.IsLower(a) && unicode.IsUpper(b) {
			seam = true
		}
	}
	if !seam {
		return false
	}
	sep := func(k int) bool { // a seam between rs[k-1] and rs[k], or the token's edge
		if k <= 0 || k >= len(rs) {
			return true
		}
		a, b := rs[k-1], rs[k]
		return a == '_' || b == '_' || unicode.IsDigit(a) != unicode.IsDigit(b) || unicode.IsLower(a) && unicode.IsUpper(b)
	}
	strong := func(k int) bool { return k > 0 && k < len(rs) && sep(k) }
	for s := 0; s < len(rs); s++ {
		if !unicode.IsLetter(rs[s]) || !sep(s) && !(s > 0 && unicode.IsUpper(rs[s])) {
			continue
		}
		for e := s + 3; e <= len(rs); e++ {
			if !unicode.IsLetter(rs[e-1]) {
				break
			}
			if s == 0 && e == len(rs) {
				continue
			}
			// the name must start or end at a seam inside the token
			if !strong(s) && !strong(e) && !(s > 0 && unicode.IsUpper(rs[s])) {
				continue
			}
			if listed.single(fold(string(rs[s:e]))) {
				return true
			}
		}
	}
	return false
}

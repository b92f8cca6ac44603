package redact

import (
	"strings"
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
// the name's last small letter); or it is a listed name of several words run together
// ("daandevries", "devries"; in a link's path also held in a longer segment,
// findProfileURLs). Ordinary words keep their letters: "basis" (Bas
// listed), "markt" (Mark), "semester" (Sem) have no seam; "McDonald" is no listed name.
func findGluedNames(text string, listed *names) []Span {
	if listed == nil {
		return nil
	}
	var out []Span
	joined := listed.joinedNames()
	for i := 0; i < len(text); {
		c, n := runeAt(text, i)
		if !tokenRune(c) {
			i += n
			continue
		}
		start := i
		for i < len(text) {
			c, n := rune(text[i]), 1 // ASCII without a call
			if c >= utf8.RuneSelf {
				c, n = utf8.DecodeRuneInString(text[i:])
			}
			if !tokenRune(c) {
				break
			}
			i += n
		}
		if i+1 < len(text) && strings.IndexByte("-/.", text[i]) >= 0 && text[i+1] >= '0' && text[i+1] <= '9' && text[i-1] >= '0' && text[i-1] <= '9' {
			continue // digits that go on into a date or number ("Visser_12-03-2008"): birthAfterName's
		}
		if gluedName(text[start:i], listed) || len(joined) > 0 && i-start >= 6 && listed.joinedSet[seamlessFold(text[start:i])] {
			out = append(out, Span{start, i, Name})
		}
	}
	return out
}

// asciiSeam reports whether tok may have a seam: false only for a token in ASCII
// without one (most words), without decoding it.
func asciiSeam(tok string) bool {
	for k := 0; k < len(tok); k++ {
		b := tok[k]
		if b >= utf8.RuneSelf {
			return true
		}
		if k == 0 {
			continue
		}
		a := tok[k-1]
		if a == '_' || b == '_' || isDigitByte(a) != isDigitByte(b) || 'a' <= a && a <= 'z' && 'A' <= b && b <= 'Z' {
			return true
		}
	}
	return false
}

func isDigitByte(b byte) bool { return '0' <= b && b <= '9' }

func tokenRune(c rune) bool {
	if c < utf8.RuneSelf {
		return c == '_' || 'a' <= c|0x20 && c|0x20 <= 'z' || '0' <= c && c <= '9'
	}
	return unicode.IsLetter(c) || unicode.IsDigit(c)
}

// gluedName reports whether the token holds a listed name with a seam (see above) and is
// more than the name itself (a name alone is findNames' work).
func gluedName(tok string, listed *names) bool {
	if !asciiSeam(tok) {
		return false
	}
	var prev rune
	found := false
	for k, c := range tok { // a seam at all, before any allocation
		if k > 0 && (prev == '_' || c == '_' || unicode.IsDigit(prev) != unicode.IsDigit(c) || unicode.IsLower(prev) && unicode.IsUpper(c)) {
			found = true
			break
		}
		prev = c
	}
	if !found {
		return false
	}
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

// joinedNames lists the listed names of two words or more run together, folded:
// "daandevries" for Daan de Vries, and each run of two words or more at its end where
// it is six letters or more ("devries", "tenbrink"), which no Dutch word is.
func (n *names) joinedNames() []string {
	n.joinedOnce.Do(func() {
		n.joined = n.makeJoined()
		n.joinedSet = make(map[string]bool, len(n.joined))
		for _, j := range n.joined {
			n.joinedSet[j] = true
		}
	})
	return n.joined
}

func (n *names) makeJoined() []string {
	var out []string
	for _, es := range n.by {
		for _, e := range es {
			if len(e.words) < 2 {
				continue
			}
			out = append(out, strings.Join(e.words, ""))
			for k := 1; k+2 <= len(e.words); k++ { // the surname with its particles
				if rest := strings.Join(e.words[k:], ""); utf8.RuneCountInString(rest) >= 6 {
					out = append(out, rest)
				}
			}
		}
	}
	return out
}

// joinedName reports whether the folded token, its dashes, dots and underscores left
// out, is (whole) or, where within is set, holds a name of joinedNames.
func joinedName(tok string, joined []string, within bool) bool {
	t := seamlessFold(tok)
	for _, j := range joined {
		if t == j || within && strings.Contains(t, j) {
			return true
		}
	}
	return false
}

// seamless takes out the dashes, underscores and dots of a token for joinedName.
var seamless = strings.NewReplacer("-", "", "_", "", ".", "")

func seamlessFold(tok string) string {
	t := fold(tok)
	if strings.ContainsAny(t, "-_.") {
		t = seamless.Replace(t)
	}
	return t
}

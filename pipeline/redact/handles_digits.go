package redact

import (
	"strings"
	"unicode/utf8"
)

// findDigitHandles returns the chat handles that glue digits to a given name without a
// separator ("jayy09", "xxsanne2008", "Milan010"), which handles_unlisted.go (a "." or
// "_" between) and cued.go (a listed name only) leave whole (privacy leftovers of
// 0.10.0). The handle is one "[naam]": letters, then one to four digits, maybe with
// an "x" or two around the letters; the letters, past the x's and a doubled last
// letter ("jayy" is "jay"), are a given name from the lists of three letters or more
// that is no Dutch word, function word, place, kept word or acronym. So "covid19",
// "a12", "groep8", "kamer2", "mbo2", "niveau3" and "4havo" stay: no given name there,
// or a word ("kamer"), or an acronym ("mbo"), or digits first. In capitals only with
// four letters or more ("MILAN010"; "FIFA23" is no given name).
func findDigitHandles(text string, keep map[string]bool) []Span {
	var out []Span
	for p := 0; p < len(text); p++ {
		if !isDigit(text[p]) || p == 0 || !asciiLetter(text[p-1]) {
			continue
		}
		q := p
		for q < len(text) && isDigit(text[q]) {
			q++
		}
		s := p
		for s > 0 && asciiLetter(text[s-1]) {
			s--
		}
		// the handle is a word of its own: no letter, digit, "_", "@", "." or "/" glued
		// before it (handles_unlisted.go and the links' rules read those), no letter,
		// digit or "_" after the digits
		before := s > 0 && (tokenByteOrLetter(text, s) || strings.IndexByte("@./#", text[s-1]) >= 0)
		after := q < len(text) && (asciiLetter(text[q]) || text[q] == '_' || text[q] >= utf8.RuneSelf && isLetterAt(text, q))
		if before || after || q-p > 4 || digitHandleName(text[s:p], keep) == "" {
			p = q
			continue
		}
		out = append(out, Span{s, q, Name})
		p = q
	}
	return out
}

// tokenByteOrLetter reports whether the rune before byte s is a letter, a digit or "_".
func tokenByteOrLetter(text string, s int) bool {
	c := text[s-1]
	return isDigit(c) || c == '_' || c >= utf8.RuneSelf && isLetterBefore(text, s)
}

// digitHandleName returns the given name that the letters of a handle spell ("jayy" →
// "jay", "xxsanne" → "sanne"), or "" for none (see findDigitHandles).
func digitHandleName(letters string, keep map[string]bool) string {
	f := strings.ToLower(letters)
	if f != letters && letters[1:] != f[1:] && (letters != strings.ToUpper(letters) || len(letters) < 4) {
		return "" // capitals inside: "JoeyV12"; "JO19", "MBO2" are teams and schooling
	}
	l := lex()
	ok := func(w string) bool {
		return len(w) >= 3 && l.given[w] && !l.word[w] && !l.function[w] && !l.place[w] && !keep[w] && !acronyms[w] && !prefixes[w]
	}
	for _, c := range []string{f, strings.Trim(f, "x")} {
		if ok(c) {
			return c
		}
		if n := len(c); n >= 4 && c[n-1] == c[n-2] && ok(c[:n-1]) {
			return c[:n-1] // "jayy", "milann"
		}
	}
	return ""
}

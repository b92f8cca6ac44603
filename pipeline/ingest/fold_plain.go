package ingest

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// The checks that run on every row (is the id a summary word, does the row repeat the
// header, is the id the respondents table's in other capitals) fold cells as
// strings.Fields, strings.Join and strings.ToLower do, which made two or three strings a
// row of a national survey for nothing kept. The helpers below give the same answers
// without making them.

// lowerPlain appends s in lower case to dst where s is ASCII without white space, and
// reports whether it was: for such a cell, strings.ToLower(strings.Join(strings.Fields(s),
// sep)) is s in lower case, whatever sep.
func lowerPlain(dst []byte, s string) ([]byte, bool) {
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c >= utf8.RuneSelf || asciiSpace(c):
			return dst, false
		case 'A' <= c && c <= 'Z':
			c += 'a' - 'A'
		}
		dst = append(dst, c)
	}
	return dst, true
}

// asciiSpace is what unicode.IsSpace is for an ASCII byte.
func asciiSpace(c byte) bool {
	return c == ' ' || c == '\t' || c == '\n' || c == '\v' || c == '\f' || c == '\r'
}

// equalFoldFields reports whether a and b hold the same words, case aside:
// strings.EqualFold(strings.Join(strings.Fields(a), " "), strings.Join(strings.Fields(b), " ")).
// A space folds to nothing but itself, so the joined strings are equal under folding
// exactly when they have as many words and each pair of words is.
func equalFoldFields(a, b string) bool {
	for {
		var wa, wb string
		wa, a = nextWord(a)
		wb, b = nextWord(b)
		if wa == "" || wb == "" {
			return wa == wb
		}
		if !strings.EqualFold(wa, wb) {
			return false
		}
	}
}

// nextWord returns the first word of s, as strings.Fields splits it, and the rest of s
// after it; "" where s holds no word.
func nextWord(s string) (word, rest string) {
	s = strings.TrimLeftFunc(s, unicode.IsSpace)
	if i := strings.IndexFunc(s, unicode.IsSpace); i >= 0 {
		return s[:i], s[i:]
	}
	return s, ""
}

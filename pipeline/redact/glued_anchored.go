package redact

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// Unlisted names glued to a group value or a role: "JW_Bakker", "Bergdorp_deVries",
// "wijkagent-Jansen", "wijkagentJansen", "JWBakker" in a segment text, a document name,
// a code memo. findNames reads "_" and "." as the start of a sentence and a camel-case
// word as one word, so a surname that is also a Dutch word ("Bakker", "Vries") after
// such a seam, or any surname inside a camel-case word, passed. Here a glued word (a run
// without spaces whose parts are joined by "_", "-", "." or a change of case) that holds
// an anchor, a role, a partner or a group value (Options.Anchors) or a role's
// abbreviation in capitals (JW, WA, JZW: two to four capitals), is read by the
// rules of a file name (paths.go): its name parts become "[naam]", the rest stays
// ("JW_[naam]", "Bergdorp_[naam]", "wijkagent-[naam]"). Without an anchor a glued word
// is left to the other rules ("Veilig-Thuis", "Korte_Lijnen" hold no name anyway, and
// "Roos-Bakker" is findNames'): the anchor is what says the word is a label of a person.
func (r *Redactor) findGluedAnchored(text string) []Span {
	var out []Span
	for i := 0; i < len(text); {
		c, n := runeAt(text, i) // schools_scan.go: ASCII without decoding
		if unicode.IsSpace(c) || !glueRune(c) {
			i += n
			continue
		}
		start := i
		for i < len(text) {
			c, n := rune(text[i]), 1 // ASCII without a call
			if c >= utf8.RuneSelf {
				c, n = utf8.DecodeRuneInString(text[i:])
			}
			if !glueRune(c) {
				break
			}
			i += n
		}
		run := strings.TrimRight(text[start:i], "-_.")
		if len(run) < 5 || !hasSeam(run) {
			continue
		}
		ws := pathWords(run)
		if len(ws) < 2 || !r.anchored(ws) {
			continue
		}
		out = append(out, r.pathNameSpans(run, ws, start, false)...)
	}
	return out
}

// glueRune reports whether c belongs to a glued word: a letter, a digit, a mark, or one
// of the seams "_", "-", ".".
func glueRune(c rune) bool {
	if c < utf8.RuneSelf {
		return c == '_' || c == '-' || c == '.' || 'a' <= c|0x20 && c|0x20 <= 'z' || '0' <= c && c <= '9'
	}
	return c == '_' || c == '-' || c == '.' || unicode.IsLetter(c) || unicode.IsDigit(c) || unicode.Is(unicode.Mn, c)
}

// anchored reports whether a word of ws is an anchor (anchorWord).
func (r *Redactor) anchored(ws []pathWord) bool {
	for _, w := range ws {
		if r.anchorWord(w) {
			return true
		}
	}
	return false
}

// anchorWord reports whether w is an anchor: a word of Options.Anchors (a role, a
// partner, a group value: "wijkagent", "Bergdorp") or a role's abbreviation in
// capitals, two to four of them (JW, WA). The kept words at large are no anchors: a
// codebook's labels hold words such as "same" and "two" ("same_ids_in_two_files").
func (r *Redactor) anchorWord(w pathWord) bool {
	n := utf8.RuneCountInString(w.fold)
	if hasDigit(w.fold) {
		return false
	}
	return r.anchors[w.fold] || n >= 2 && n <= 4 && w.caps
}

// anchorSet folds the words of the anchors.
func anchorSet(anchors []string) map[string]bool {
	m := map[string]bool{}
	for _, a := range anchors {
		for _, w := range strings.FieldsFunc(a, notWordRune) {
			if f := fold(w); utf8.RuneCountInString(f) >= 2 && !prefixes[f] {
				m[f] = true
			}
		}
	}
	return m
}

// hasSeam reports whether a run holds a seam: "_", "-", "." or a small letter before a
// capital (ASCII, which every seam of a role's abbreviation or a kept word's glue has);
// most words have none, and are passed without splitting.
func hasSeam(run string) bool {
	for i := 1; i < len(run); i++ {
		c, p := run[i], run[i-1]
		if c == '_' || c == '-' || c == '.' || c >= 'A' && c <= 'Z' && (p >= 'a' && p <= 'z' || p >= 'A' && p <= 'Z' && i+1 < len(run) && run[i+1] >= 'a' && run[i+1] <= 'z') {
			return true
		}
	}
	return false
}

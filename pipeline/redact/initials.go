package redact

import (
	"regexp"
	"strings"
	"unicode"
)

// Initials with a surname, and initials alone written as a name:
//
//   - "J. de Vries", "J.W. Bakker", "A.M. van Woerkom": one or more initials (a capital
//     and a full stop) before a surname become one "[naam]" with it. The word after the
//     initials counts when it is a name from the lists (a Dutch word too: "J. Bakker"),
//     follows a surname prefix ("J. van Woerkom"), or stands inside a sentence (a lower
//     case word before the initials: "ik sprak J. Pieterszoon"); "A. Inleiding" at the
//     start of a line stays.
//   - "J.d.V.", "J.v.d.B.", "M.v.d.Berg": initials with the particles of a surname
//     between them, starting and ending in a capital ("N.v.t.", "i.v.m." end in small
//     letters and stay).
//   - "Jdv", "JdV", "JvdB": a capital, the particles d, v or vd and a letter, where a
//     verb of a person follows ("Jdv zei") or a cue stands before ("meneer JdV"):
//     organisations are written so too (RvdK, PvdA, OvJ, RvT) and are no persons.
//   - "meneer K.": the full stop of an initial after a cue goes with the "[naam]".
var (
	initialsSurnameRe = regexp.MustCompile(`\b((?:\p{Lu}\.[ \x{00a0}]?){1,4})[ \x{00a0}]*((?:(?:van|de|der|den|ter|ten|te|vd|v\.d\.|Van|De)[ \x{00a0}]+){0,3})(\p{Lu}[\p{Ll}'’]+(?:-\p{Lu}[\p{Ll}'’]+)?)`)
	initialsDottedRe  = regexp.MustCompile(`\b\p{Lu}\.(?:\p{Lu}\.)*(?:(?:v|d|vd|t|te|ter|ten|van|de|der|den)\.)+\p{Lu}(?:\.|\p{Ll}+\b)`)
	initialsWordRe    = regexp.MustCompile(`\b\p{Lu}(?:d|v|vd|vdb|dv)[\p{L}]?\b`)
)

// organisationInitials are words of initialsWordRe's form that name an organisation or
// an office, never a person.
var organisationInitials = map[string]bool{"pvda": true, "rvdk": true, "rvk": true, "ovj": true, "ovd": true, "rvt": true,
	"rvb": true, "cvb": true, "kvk": true, "vve": true, "mvo": true, "bvd": true, "avg": true, "gvd": true}

// findInitials returns the spans of initials written as a name (see above).
func (r *Redactor) findInitials(text string) []Span {
	if !r.unlisted || !initialsHint(text) {
		return nil
	}
	l := lex()
	var out []Span
	for _, m := range initialsSurnameRe.FindAllStringSubmatchIndex(text, -1) {
		word := text[m[6]:m[7]]
		f := fold(word)
		if r.keep[f] || l.function[f] || l.place[f] || placeholderWords[word] || institutionWord[f] {
			continue
		}
		prefixed := m[5] > m[4]
		inside := false
		if before := strings.TrimRight(text[:m[0]], " \u00a0"); before != "" {
			last := []rune(before)
			c := last[len(last)-1]
			inside = unicode.IsLower(c) || c == ','
		}
		parts := strings.Split(f, "-")
		if prefixed || inside || l.isName(parts[0]) || l.isName(parts[len(parts)-1]) {
			out = append(out, Span{m[0], m[7], Name})
		}
	}
	for _, m := range initialsDottedRe.FindAllStringIndex(text, -1) {
		out = append(out, Span{m[0], m[1], Name})
	}
	for _, m := range initialsWordRe.FindAllStringIndex(text, -1) {
		w := text[m[0]:m[1]]
		if organisationInitials[fold(w)] || r.keep[fold(w)] {
			continue
		}
		after := strings.Fields(text[m[1]:])
		verb := len(after) > 0 && subjectVerb[fold(strings.Trim(after[0], ",.;:!?"))] && strings.HasPrefix(text[m[1]:], " ")
		cue := false
		if before := strings.Fields(text[:m[0]]); len(before) > 0 {
			_, cue = cueIndex[fold(strings.Trim(before[len(before)-1], ".,:"))]
		}
		if verb || cue {
			out = append(out, Span{m[0], m[1], Name})
		}
	}
	return out
}

// initialsHint reports whether text has a capital followed by a full stop, or by a d or
// a v: the start of every pattern above.
func initialsHint(text string) bool {
	for i := 0; i+1 < len(text); i++ {
		if c := text[i]; c >= 'A' && c <= 'Z' {
			if n := text[i+1]; n == '.' || n == 'd' || n == 'v' {
				return true
			}
		}
	}
	return false
}

// initialDot takes the full stop after a one-letter name into its span: "meneer K."
// becomes "meneer [naam]", not "meneer [naam].". Only a stop that ends no sentence
// (a small letter or a comma follows) is taken: "ik sprak meneer K. Daarna" keeps it.
func initialDot(text string, spans []Span) []Span {
	for i, s := range spans {
		if s.Kind != Name || s.End-s.Start != 1 || s.End >= len(text) || text[s.End] != '.' {
			continue
		}
		rest := strings.TrimLeft(text[s.End+1:], " ")
		if rest == "" || strings.IndexFunc(rest[:1], unicode.IsUpper) < 0 {
			spans[i].End++
		}
	}
	return spans
}

package redact

import (
	"regexp"
	"strings"
	"unicode/utf8"
)

// Names in the forms lists and nicknames take (attack 16p):
//
//   - F13: a surname before its initials, as attendance and ZAT lists write it:
//     "Baldewsingh, R.", "Kartosen, R.J." (the initials before it, "R. Baldewsingh",
//     are initials.go's).
//   - F07: a nickname before "zo noemen ze hem" ("Jayjay, zo noemen ze hem") or between
//     "wordt" and "genoemd" ("hij wordt Jayjay genoemd"); the cues after which a
//     nickname stands ("bijnaam is", "heet hij") are names.go's.
//   - F05: one initial after a name ("Jurensley B."), taken into its span by
//     initialAfterName.
var (
	surnameInitialsRe = regexp.MustCompile(`\b(\p{Lu}[\p{Ll}'’]+(?:-\p{Lu}[\p{Ll}'’]+)?),[ \x{00a0}]*(?:\p{Lu}\.){1,4}`)
	nicknameRe        = regexp.MustCompile(`\b(\p{Lu}[\p{L}'’\-]+),?\s+zo\s+(?:noemen|noemden)\s+(?:ze|we|wij|zij|jullie|ze\s+hier)\s+(?:hem|haar|hen)\b` +
		// a person is called so ("hij wordt Jayjay genoemd", "werd ze Noor genoemd"); a
		// thing or a method is too ("dat wordt Triple-P genoemd"), so a person's pronoun
		// must stand beside the verb
		`|\b(?:(?:[Hh]ij|[Zz]e|[Zz]ij|[Dd]ie)\s+(?:wordt|werd)|(?:[Ww]ordt|[Ww]erd)\s+(?:hij|ze|zij))\s+(?:ook\s+)?(?:wel\s+)?(\p{Lu}[\p{L}'’\-]+)\s+genoemd\b`)
)

// abbreviationInitials are letters with stops that abbreviate words, not names.
var abbreviationInitials = map[string]bool{"bv": true, "nb": true, "ok": true, "nv": true, "aub": true, "vof": true,
	"ps": true, "ca": true, "mvg": true, "evt": true, "ivm": true, "zgn": true, "dwz": true, "oa": true, "bijv": true, "tav": true}

// findNameForms returns the spans of the names above.
func (r *Redactor) findNameForms(text string) []Span {
	l := lex()
	isWord := func(w string) bool {
		f := fold(w)
		return r.keep[f] || l.function[f] || l.place[f] || institutionWord[f] || placeholderWords[w] || utf8.RuneCountInString(f) < 3
	}
	var out []Span
	if commaInitial(text) {
		for _, m := range surnameInitialsRe.FindAllStringSubmatchIndex(text, -1) {
			word := text[m[2]:m[3]]
			initials := strings.TrimLeft(strings.ToLower(strings.ReplaceAll(text[m[3]:m[1]], ".", "")), ", \u00a0")
			// "Bijlage, B.V.", "Conclusie, N.B.", "Jongens, O.K." are abbreviations; at
			// the start of a sentence the word must be a surname the lists know
			// ("Antwoord, A.").
			if isWord(word) || abbreviationInitials[initials] || sentenceStart(text, m[2]) && !l.surname[fold(word)] {
				continue
			}
			out = append(out, Span{m[0], m[1], Name})
		}
	}
	if strings.Contains(text, "noem") {
		for _, m := range nicknameRe.FindAllStringSubmatchIndex(text, -1) {
			for g := 2; g+1 < len(m); g += 2 {
				if m[g] >= 0 && !isWord(text[m[g]:m[g+1]]) && !allUpper(text[m[g]:m[g+1]]) { // "JIM", a method
					out = append(out, Span{m[g], m[g+1], Name})
				}
			}
		}
	}
	return out
}

// initialAfterName takes one initial right after a name into the name's span:
// "Jurensley B." is "[naam]", not "[naam] B." (a surname's initial with the given name
// and a class narrows to one pupil). Two letters with stops ("B.V.") are no initial.
func initialAfterName(text string, spans []Span) []Span {
	for i, s := range spans {
		if s.Kind != Name {
			continue
		}
		// the name already ends in the initial ("Jurensley B" of "Jurensley B."): its stop
		if s.End < len(text) && text[s.End] == '.' && s.End-s.Start >= 3 && text[s.End-2] == ' ' && text[s.End-1] >= 'A' && text[s.End-1] <= 'Z' &&
			(s.End+1 == len(text) || !asciiLetter(text[s.End+1])) {
			spans[i].End++
			continue
		}
		if s.End+3 > len(text) || text[s.End] != ' ' {
			continue
		}
		c := text[s.End+1]
		if c < 'A' || c > 'Z' || text[s.End+2] != '.' {
			continue
		}
		if e := s.End + 3; e < len(text) && (text[e] >= 'A' && text[e] <= 'Z' || text[e] >= 'a' && text[e] <= 'z') {
			continue
		}
		if i+1 < len(spans) && spans[i+1].Start < s.End+3 {
			continue
		}
		spans[i].End = s.End + 3
	}
	return spans
}

// commaInitial reports whether text has a comma, spaces and a capital with a stop
// (", R."), where surnameInitialsRe can match.
func commaInitial(text string) bool {
	for i := strings.IndexByte(text, ','); i >= 0; {
		j := i + 1
		for j < len(text) && (text[j] == ' ' || text[j] == 0xc2 || text[j] == 0xa0) { // spaces, a no-break space's bytes
			j++
		}
		if j+1 < len(text) && text[j] >= 'A' && text[j] <= 'Z' && text[j+1] == '.' {
			return true
		}
		k := strings.IndexByte(text[i+1:], ',')
		if k < 0 {
			return false
		}
		i += 1 + k
	}
	return false
}

package redact

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// School is a named school: the school a minor attends, with the municipality, narrows
// them down to a class ("basisschool De Regenboog", "het Vathorst College").
const School Kind = "school"

// The placeholder holds no word "school": the partner count reads the published texts,
// and the default codebook's partner School matches "*school".
func init() {
	placeholderText["nl"][School] = "[schoolnaam]"
	placeholderText["en"][School] = "[schoolname]"
}

// Named schools are found by the patterns of Dutch school names; the kind of school
// stays, the name goes:
//
//   - a school word and a name: "basisschool De Regenboog", "OBS De Klimop", "CBS
//     Het Anker", "SBO De Wissel", "ISK Bergdorp", "praktijkonderwijs De Brug" →
//     "basisschool [schoolnaam]" (the abbreviations in capitals only: "so" is English);
//   - a name and an institution's word: "het Vathorst College", "Mondriaan Lyceum",
//     "Scholengemeenschap Noord" → "het [schoolnaam]";
//   - a capitalised compound on -school or -college that is no kind of school:
//     "Regenboogschool", "Prinses Julianaschool" → "[schoolnaam]" ("Basisschool",
//     "Montessorischool", "Hogeschool" stay);
//   - "de/het X" after a word that says a child attends it: "zit op de Tweemaster",
//     "stapte over naar het Baken", "juf van de Klimop", "leerlingen van de Regenboog",
//     "groep 7 van de Klimop" → "zit op de [schoolnaam]"; "ging naar de Klimop" is not
//     found: "naar de Albert Heijn", "naar het Anker voor bijles" are as common;
//   - a capitalised name after a bare "op de/het": "Op de Tweemaster is het rustig"
//     (schools_op.go);
//   - in capitals only with an article before the name: "OBS DE REGENBOOG", "HET
//     STEDELIJK LYCEUM" (schools_capitals.go); not "ZIT OP DE BRUG", where every word
//     looks like a name;
//   - in lower case after a school word: "basisschool de regenboog", "obs de klimop",
//     "osg de hoven", "het vathorst college" (schools_lower.go).
//
// A name that ends in a sports field's word ("op het Cruyff Court") is none.
//
// The name is capitalised words (up to three, articles and hyphens between), none a
// kept word on its own, a function word or a placeholder. The patterns are scanned
// word by word (schools_scan.go); schools_oracle_test.go holds them as regular
// expressions, the oracle the scanners are tested against.

// genericSchools are compounds on -school and -college that name a kind of school, not one.
var genericSchools = map[string]bool{}

func init() {
	for _, w := range strings.Fields(`basisschool hogeschool daltonschool montessorischool jenaplanschool
		vrijeschool rijschool dansschool muziekschool zwemschool taalschool zomerschool brugschool
		vakschool kunstschool voetbalschool zondagsschool kleuterschool lagereschool middelbareschool
		nachtschool avondschool dorpsschool buurtschool wijkschool streekschool praktijkschool
		speciaalschool ambachtsschool huishoudschool internaatschool kostschool bijlesschool
		scholengemeenschap`) {
		genericSchools[w] = true
	}
}

// containsAny reports whether s holds one of keys.
func containsAny(s string, keys ...string) bool {
	for _, k := range keys {
		if strings.Contains(s, k) {
			return true
		}
	}
	return false
}

// findSchools returns the spans of school names in text (see above).
func (r *Redactor) findSchools(text string) []Span {
	if !r.unlisted {
		return nil
	}
	schoolWords := scanSchoolWords(text)
	out := r.findSchoolsScanned(text, schoolWords)
	if r.only090Schools {
		return out
	}
	out = append(out, r.findSchoolsInCapitals(text, schoolWords)...) // schools_capitals.go
	out = append(out, r.findSchoolsAfterOp(text)...)                 // schools_op.go
	out = append(out, r.findSchoolsLower(text)...)                   // schools_lower.go
	out = append(out, r.findSchoolsOpen(text)...)                    // schools_open.go
	return withoutSportsFields(text, out)
}

// withoutSportsFields drops the school names that end in a word for a sports field: a
// Cruyff Court or a Krajicek Playground is a kind of field in a neighbourhood ("op het
// Cruyff Court"), which the rule for "op de/het" took for a school. "Cruyff" alone is
// left to the name rules.
func withoutSportsFields(text string, spans []Span) []Span {
	out := spans[:0]
	for _, s := range spans {
		if ws := strings.FieldsFunc(text[s.Start:s.End], notWordRune); len(ws) > 1 && sportsField[fold(ws[len(ws)-1])] {
			continue
		}
		out = append(out, s)
	}
	return out
}

// sportsField are the last words of the names of a kind of sports field.
var sportsField = map[string]bool{"court": true, "courts": true, "playground": true}

// findSchoolsScanned returns the spans of 0.9.0's patterns, given the school words of
// text (scanSchoolWords).
func (r *Redactor) findSchoolsScanned(text string, schoolWords [][]int) []Span {
	// Each pattern counts only where the text holds its words, as 0.9.0 ran its
	// expressions only there (it skipped "SO\u00a0De Klimop" and "zit op  de Klimop"
	// unless the text held "SO " or "op de " elsewhere, and so does this). The
	// scanners are cheaper than the checks: a check is made only once a scanner finds.
	lowered := ""
	lower := func() string {
		if lowered == "" {
			lowered = strings.ToLower(text)
		}
		return lowered
	}
	if len(schoolWords) > 0 && !(containsAny(lower(), "school", "scholen", "college", "lyceum", "kindcentrum", "praktijkonderwijs", "mavo", "vmbo", "havo") ||
		containsAny(text, "OBS", "CBS", "RKBS", "SBO", "SO ", "VSO", "IKC", "ISK", "SBAO", "ZMLK")) {
		schoolWords = nil
	}
	before := containsAny(text, "College", "Lyceum", "Scholengemeenschap", "School", "Gymnasium", "Atheneum", "Campus", "Mavo", "Vmbo", "Havo")
	// a compound holds "school" or "college" as written, so its text's lower case does
	compound := containsAny(text, "school", "college")
	attending := scanAttend(text)
	attend := len(attending) > 0 && containsAny(lower(), "op de ", "op het ", "op 't ", "van de ", "van het ", "van 't ", "naar de ", "naar het ", "bij de ", "bij het ") &&
		containsAny(lower(), "zit", "zat", "stap", "leerling", "juf", "meester", "leerkracht", "mentor", "direct", "begeleider", "ib'er", "ib-er", "zorgco", "groep", "klas", "kinderen")
	if len(schoolWords) == 0 && !before && !compound && !attend {
		return nil
	}
	var out []Span
	name := func(s, e int) {
		n := strings.TrimRight(text[s:e], " -\u00a0")
		e = s + len(n)
		if e <= s || !r.schoolName(n) {
			return
		}
		out = append(out, Span{s, e, School})
	}
	for _, m := range schoolWords {
		if s, e, ok := scanNameAfter(text, m[1]); ok {
			// the article goes with the name: "basisschool [schoolnaam]", not "De [school]"
			name(s, e)
		}
	}
	if before {
		for _, m := range scanNameBefore(text) {
			s := m[2]
			words := strings.Fields(text[m[2]:m[3]])
			// a capitalised sentence start that is an article or a function word is not the
			// name's ("Het Mondriaan College" → "Het [school]", "Die School")
			if len(words) > 0 && (lex().function[fold(words[0])] || isArticle(words[0])) {
				s += len(words[0])
				s += len(text[s:]) - len(strings.TrimLeft(text[s:], " \u00a0"))
				if s >= m[4] {
					continue
				}
			}
			name(s, m[5])
		}
	}
	if compound {
		for _, m := range scanCompounds(text) {
			w := text[m[0]:m[1]]
			last := w[strings.LastIndexAny(w, " \u00a0")+1:]
			if genericSchools[fold(last)] {
				continue
			}
			s := m[0]
			if first := strings.Fields(w); len(first) > 1 && (lex().function[fold(first[0])] || r.keep[fold(first[0])]) {
				s = m[1] - len(last)
			}
			out = append(out, Span{s, m[1], School})
		}
	}
	if attend {
		for _, m := range attending {
			name(m[2], m[3])
		}
	}
	return out
}

func isArticle(w string) bool {
	f := fold(w)
	return f == "de" || f == "het" || f == "t"
}

// schoolName reports whether n, the words after a school word or before an
// institution's word, can be a school's name: a capitalised word that is no kept word
// on its own (a municipality: "school Bergdorp" is the municipality's school, kept as
// the municipality is), no function word and no placeholder.
func (r *Redactor) schoolName(n string) bool {
	var words []string
	for _, w := range strings.FieldsFunc(n, notWordRune) {
		if !isArticle(w) {
			words = append(words, w)
		}
	}
	if len(words) == 0 {
		return false
	}
	l := lex()
	all := true
	for _, w := range words {
		f := fold(w)
		if placeholderWords[w] {
			return false
		}
		if !r.keep[f] && !l.function[f] {
			all = false
		}
	}
	if all {
		return false
	}
	for _, w := range words {
		if allUpper(w) { // in capitals (or an acronym): no telling a name from a word
			return false
		}
	}
	first, _ := utf8.DecodeRuneInString(words[0])
	return unicode.IsUpper(first)
}

package redact

import (
	"regexp"
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
//     "groep 7 van de Klimop" → "zit op de [schoolnaam]". A bare "op de Tweemaster" is not
//     found, nor "ging naar de Klimop": "op de Markt", "naar de Albert Heijn", "naar
//     het Anker voor bijles" are as common.
//   - Not in capitals ("ZIT OP DE BRUG"): there every word looks like a name.
//
// The name is capitalised words (up to three, articles and hyphens between), none a
// kept word on its own, a function word or a placeholder.
var (
	schoolWordRe = regexp.MustCompile(`(?i:\b(?:basisschool|basisscholen|kindcentrum|scholengemeenschap|praktijkonderwijs|daltonschool|montessorischool|jenaplanschool|vrije school|brede school|school|mavo|vmbo|havo|lyceum|college))\b|\b(?:OBS|CBS|RKBS|PCBS|SBO|SO|VSO|IKC|ISK|SBAO|ZMLK)\b`)
	// schoolNameAfterRe: the name right after a school word: an optional article, then
	// capitalised words.
	schoolNameAfterRe = regexp.MustCompile(`^[ \x{00a0}]+((?:(?:De|Het|'t|de|het)[ \x{00a0}]+)?\p{Lu}[\p{L}'’]+(?:[ \x{00a0}\-]+(?:de |het |van |der |den )?\p{Lu}[\p{L}'’]+){0,2})`)
	// schoolNameBeforeRe: capitalised words ending in an institution's word.
	schoolNameBeforeRe = regexp.MustCompile(`\b((?:\p{Lu}[\p{L}'’]+(?:[ \x{00a0}]+|-)){1,3})(College|Lyceum|Scholengemeenschap|School|Gymnasium|Atheneum|Campus|Mavo|Vmbo|Havo)\b`)
	schoolCompoundRe   = regexp.MustCompile(`\b(?:\p{Lu}[\p{L}]+[ \x{00a0}]+)?\p{Lu}[\p{L}]{2,}(?:school|college)\b`)
	// schoolAttendRe: a word that says a child attends the school, then "op/naar/van/bij
	// de/het" and a capitalised name.
	schoolAttendRe = regexp.MustCompile(`(?i:\b(?:zit|zat|zitten|zaten|stapte over|stapt over|overgestapt|leerling|leerlingen|juf|juffrouw|meester|meesters|leerkracht|leerkrachten|mentor|directeur|directrice|intern begeleider|ib'er|ib-er|zorgcoördinator|zorgcoordinator|groep \d|klas \d|brugklas|kinderen)\s+(?:\p{Ll}+\s+){0,2}(?:op|naar|van|bij)\s+(?:de|het|'t)\s+)(\p{Lu}[\p{L}'’]+(?:[ \-]\p{Lu}[\p{L}'’]+)?)`)
)

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
	// Each pattern runs only where the text holds its words (most segments name no
	// school; the patterns' leading classes make them slow over a whole text).
	lower := strings.ToLower(text)
	words := containsAny(lower, "school", "scholen", "college", "lyceum", "kindcentrum", "praktijkonderwijs", "mavo", "vmbo", "havo") ||
		containsAny(text, "OBS", "CBS", "RKBS", "SBO", "SO ", "VSO", "IKC", "ISK", "SBAO", "ZMLK")
	before := containsAny(text, "College", "Lyceum", "Scholengemeenschap", "School", "Gymnasium", "Atheneum", "Campus", "Mavo", "Vmbo", "Havo")
	compound := containsAny(lower, "school", "college")
	attend := containsAny(lower, "op de ", "op het ", "op 't ", "van de ", "van het ", "van 't ", "naar de ", "naar het ", "bij de ", "bij het ") &&
		containsAny(lower, "zit", "zat", "stap", "leerling", "juf", "meester", "leerkracht", "mentor", "direct", "begeleider", "ib'er", "ib-er", "zorgco", "groep", "klas", "kinderen")
	if !words && !before && !compound && !attend {
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
	for _, m := range findAll(schoolWordRe, text, words) {
		if a := schoolNameAfterRe.FindStringSubmatchIndex(text[m[1]:]); a != nil {
			s, e := m[1]+a[2], m[1]+a[3]
			// the article goes with the name: "basisschool [schoolnaam]", not "De [school]"
			name(s, e)
		}
	}
	for _, m := range findAllSubmatch(schoolNameBeforeRe, text, before) {
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
	for _, m := range findAll(schoolCompoundRe, text, compound) {
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
	for _, m := range findAllSubmatch(schoolAttendRe, text, attend) {
		name(m[2], m[3])
	}
	return out
}

func findAll(re *regexp.Regexp, text string, run bool) [][]int {
	if !run {
		return nil
	}
	return re.FindAllStringIndex(text, -1)
}

func findAllSubmatch(re *regexp.Regexp, text string, run bool) [][]int {
	if !run {
		return nil
	}
	return re.FindAllStringSubmatchIndex(text, -1)
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

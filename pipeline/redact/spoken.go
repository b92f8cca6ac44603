package redact

import (
	"regexp"
	"strings"
)

// Details said the way people speak them, which the patterns for written forms miss
// (attack 16p):
//
//   - F08: a date of birth without a birth word: "hij is van 14 juni 2008", "ze is van
//     2008" (a person's year; not the start of a period, "van 2015 tot 2018"), "ze is op
//     12 maart jarig" (the cue after a day and month); and F05: a date after an age in
//     brackets, "(15 jr, 14-6-2008)". After a birth word ("verjaardag valt op 7 juli")
//     the date is cued.go's.
//   - F09: a street and its house number apart ("in de Julianastraat op nummer 7",
//     "Kerkstraat, nummer 12", "op nummer 14 in de Dorpsstraat"), and a street of several
//     words written inside a sentence ("woont Achter de Kerk 5").
//   - F12: an e-mail address said with "op" or "at" and the provider ("jayden.devries2009
//     op gmail"), where the address part starts with a letter and has a dot, an
//     underscore, a hyphen or a digit ("mail hem op gmail", "om 22.00 op live" stay).
//   - F14: a phone number in words ("nul zes twaalf vierendertig zesenvijftig
//     achtenzeventig"): number words from "nul" and the next digit that spell nine to
//     eleven digits (findPhoneWords).
var (
	dayMonth      = `(?:0?[1-9]|[12]\d|3[01])(?:\s+` + monthNames + `\.?|[-/.](?:0?[1-9]|1[0-2])\b)`
	fullDate      = `(?:0?[1-9]|[12]\d|3[01])(?:\s+` + monthNames + `\.?\s+|[-/.](?:0?[1-9]|1[0-2])[-/.])(?:19|20)\d\d`
	spokenBirthRe = regexp.MustCompile(`(?i)\b(?:(?:hij|zij|ze|ik|jij|je|het\s+kind|zijn\s+zus|haar\s+zus|zijn\s+broer|haar\s+broer)\s+(?:is|was|ben|bent)|(?:ze|zij)\s+zijn)\s+van\s+(` + fullDate + `|(?:19|20)\d\d)\b` +
		`|(?i)\b(` + dayMonth + `(?:\s+(?:19|20)\d\d)?)\s+(?:[\p{L}]+\s+){0,2}jarig\b` +
		`|(?i)\(\s*\d{1,2}\s*(?:jr|jaar)\.?\s*[,;/]\s*(` + fullDate + `|(?:0?[1-9]|[12]\d|3[01])[-/.](?:0?[1-9]|1[0-2])[-/.](?:19|20)\d\d)\b`)
	// streetWord: the street endings that are seldom the end of another noun (not -ring,
	// -hof, -park, -baan: "Vergadering, nummer 2", "Sportpark, veld nummer 3").
	streetWord     = `\p{Lu}[\p{L}'\-]*(?:straat|straatje|laan|weg|plein|pleintje|singel|gracht|kade|dijk|steeg|dreef|allee|boulevard|plantsoen)`
	houseNumber    = `(?:huis)?(?:nummer|nr\.?|no\.?)\s*\d{1,4}(?:\s?[a-zA-Z]\b|\b)`
	addressApartRe = regexp.MustCompile(`\b(?:` + streetWord + `)\b[,]?(?:\s+[\p{Ll}']+){0,2}\s+` + houseNumber +
		`|\b` + houseNumber + `(?:\s+[\p{Ll}']+){1,2}\s+` + streetWord + `\b` +
		`|[\p{Ll},]\s+((?:Achter|Voor|Aan|Op|Over|Bij|Onder|Naast|Tegenover|In|Langs|Buiten|Binnen)\s+(?:de|het|den|'t|’t)\s+\p{Lu}\p{Ll}+\s+\d{1,4}(?:\s?[a-z]\b|\b))`)
	spokenEmailRe = regexp.MustCompile(`(?i)(?:^|[\s(])(\p{L}[\p{L}\d]*(?:[._\-][\p{L}\d]+)*)\s+(?:op|at|apenstaartje)\s+(?:gmail|hotmail|outlook|live|icloud|yahoo|ziggo|kpnmail|kpnplanet|planet|home|msn|protonmail|proton)(?:\s*(?:punt|dot|\.)\s*(?:com|nl|be))?\b`)
)

// findSpoken returns the spans of the details above.
func findSpoken(text string) []Span {
	var out []Span
	// Each expression runs only where cheap tests say it can match: RE2 over every
	// segment of a national study cost 0.8 s of CPU.
	digits := strings.ContainsAny(text, "0123456789")
	if digits && (strings.Contains(text, "van ") && (strings.Contains(text, "19") || strings.Contains(text, "20")) ||
		strings.Contains(text, "arig") || strings.Contains(text, "(")) {
		for _, m := range spokenBirthRe.FindAllStringSubmatchIndex(text, -1) {
			for g := 2; g+1 < len(m); g += 2 {
				if m[g] >= 0 && !periodFrom(text[m[g+1]:]) {
					out = append(out, Span{m[g], m[g+1], Birth})
					break
				}
			}
		}
	}
	if digits && (strings.Contains(text, "ummer") || strings.Contains(text, "nr") || strings.Contains(text, "no.") || streetPrepHint(text)) {
		for _, m := range addressApartRe.FindAllStringSubmatchIndex(text, -1) {
			if m[2] >= 0 {
				out = append(out, Span{m[2], m[3], Address})
			} else {
				out = append(out, Span{m[0], m[1], Address})
			}
		}
	}
	if mailWords.in(text) {
		for _, m := range spokenEmailRe.FindAllStringSubmatchIndex(text, -1) {
			if local := text[m[2]:m[3]]; strings.ContainsAny(local, "._-0123456789") {
				out = append(out, Span{m[2], m[1], Email})
			}
		}
	}
	return append(out, findPhoneWords(text)...)
}

// numberWord are the Dutch number words of a phone number said aloud, as digits.
var numberWord = map[string]string{
	"nul": "0", "een": "1", "één": "1", "twee": "2", "drie": "3", "vier": "4", "vijf": "5", "zes": "6",
	"zeven": "7", "acht": "8", "negen": "9", "tien": "10", "elf": "11", "twaalf": "12", "dertien": "13",
	"veertien": "14", "vijftien": "15", "zestien": "16", "zeventien": "17", "achttien": "18", "negentien": "19",
}

// tensWord are the tens, alone ("twintig") or after "en" ("vierendertig": 34).
var tensWord = map[string]int{"twintig": 2, "dertig": 3, "veertig": 4, "vijftig": 5, "zestig": 6, "zeventig": 7, "tachtig": 8, "negentig": 9}

// numberDigits returns the digits a Dutch number word says, or "".
func numberDigits(w string) string {
	if d, ok := numberWord[w]; ok {
		return d
	}
	for tens, t := range tensWord {
		if w == tens {
			return string(rune('0'+t)) + "0"
		}
		unit, ok := strings.CutSuffix(w, "en"+tens)
		if !ok {
			unit, ok = strings.CutSuffix(w, "ën"+tens)
		}
		if ok {
			if d := numberWord[unit]; len(d) == 1 && d != "0" {
				return string(rune('0'+t)) + d
			}
			if unit == "twee" || unit == "drie" {
				return string(rune('0'+t)) + numberWord[unit]
			}
		}
	}
	return ""
}

// findPhoneWords returns the runs of number words from "nul" that spell nine digits or
// more (a Dutch phone number has ten), separated by spaces, commas or dashes only.
func findPhoneWords(text string) []Span {
	if !nulWord.in(text) {
		return nil
	}
	// ASCII lower case only, so that every offset in lower is one in text.
	lower := strings.Map(func(r rune) rune {
		if r >= 'A' && r <= 'Z' {
			return r + 'a' - 'A'
		}
		return r
	}, text)
	if !strings.Contains(lower, "nul") {
		return nil
	}
	var out []Span
	type word struct{ start, end int }
	var words []word
	start := -1
	for i, c := range lower {
		if notWordRune(c) {
			if start >= 0 {
				words = append(words, word{start, i})
				start = -1
			}
		} else if start < 0 {
			start = i
		}
	}
	if start >= 0 {
		words = append(words, word{start, len(lower)})
	}
	for i := 0; i < len(words); i++ {
		if lower[words[i].start:words[i].end] != "nul" {
			continue
		}
		digits, j, multi, commas := 0, i, false, false
		for ; j < len(words); j++ {
			if j > i {
				sep := lower[words[j-1].end:words[j].start]
				if strings.Trim(sep, " ,-–\u00a0") != "" {
					break
				}
				commas = commas || strings.Contains(sep, ",")
			}
			d := numberDigits(lower[words[j].start:words[j].end])
			if d == "" {
				break
			}
			digits += len(d)
			multi = multi || len(d) > 1
		}
		// A Dutch number has ten digits, said in pairs or groups ("nul zes twaalf
		// vierendertig ..."): single digits with commas are a list of scores ("nul,
		// nul, een, twee, nul, drie").
		// And "nul" is said with the next digit ("nul zes", "nul twintig"), not as the
		// first of a list ("nul, twee, vier, ...").
		if digits >= 9 && digits <= 11 && j > i+1 && lower[words[i+1].start:words[i+1].end] != "nul" && (multi || !commas) &&
			!strings.Contains(lower[words[i].end:words[i+1].start], ",") {
			out = append(out, Span{words[i].start, words[j-1].end, Phone})
			i = j - 1
		}
	}
	return out
}

// periodFrom reports whether rest, the text after a year, makes it the start of a
// period ("van 2015 tot 2018", "van 2015-2018", "van 2015 t/m 2018"), not a birth year.
func periodFrom(rest string) bool {
	rest = strings.ToLower(strings.TrimLeft(rest, " \u00a0"))
	for _, w := range []string{"tot", "t/m", "tm ", "-", "–", "—", "af", "t.e.m.", "until", "to "} {
		if strings.HasPrefix(rest, w) {
			return true
		}
	}
	return false
}

// streetPrepHint reports whether text has a capitalised preposition inside a sentence
// (" Achter ", " Aan ", " Op ", ...), as a street of several words starts.
func streetPrepHint(text string) bool {
	for _, w := range []string{" Achter ", " Voor ", " Aan ", " Op ", " Over ", " Bij ", " Onder ", " Naast ", " Tegenover ", " In ", " Langs ", " Buiten ", " Binnen "} {
		if strings.Contains(text, w) {
			return true
		}
	}
	return false
}

// foldedWords are lower-case ASCII words, each with its capitalised form and its form in
// capitals, made once: in reports whether text holds one of them in one of the three
// forms, in one pass over the text (a search of the text for each of the forms was
// 0.5 s of a national study's CPU, building them for each text as much again).
type foldedWords struct {
	words   []string
	forms   [][3]string
	byFirst [256][]int // the forms' indexes by the first byte of one of them
}

// newFoldedWords returns the foldedWords of words: lower-case ASCII letters, two or more.
func newFoldedWords(words ...string) *foldedWords {
	f := &foldedWords{words: words, forms: make([][3]string, len(words))}
	for i, w := range words {
		for j := 0; j < len(w); j++ {
			if len(w) < 2 || w[j] < 'a' || w[j] > 'z' {
				panic("redact: no word of two lower-case ASCII letters or more: " + w)
			}
		}
		f.forms[i] = [3]string{w, strings.ToUpper(w[:1]) + w[1:], strings.ToUpper(w)}
		f.byFirst[w[0]] = append(f.byFirst[w[0]], i)
		f.byFirst[f.forms[i][2][0]] = append(f.byFirst[f.forms[i][2][0]], i)
	}
	return f
}

// in reports whether text holds one of the words, written in lower case, capitalised or
// in capitals.
func (f *foldedWords) in(text string) bool {
	// Every form is two letters or more, and its second letter is the word's in one of
	// the cases: a byte with one | 0x20 (lower case, for a letter) is checked only there.
	for i := 0; i+1 < len(text); i++ {
		for _, k := range f.byFirst[text[i]] {
			w := f.forms[k]
			if text[i+1]|0x20 != w[0][1] {
				continue
			}
			rest := text[i:]
			if strings.HasPrefix(rest, w[0]) || strings.HasPrefix(rest, w[1]) || strings.HasPrefix(rest, w[2]) {
				return true
			}
		}
	}
	return false
}

// The words findSpoken and findPhoneWords look for before their expressions run.
var (
	mailWords = newFoldedWords("mail", "outlook", "live", "icloud", "yahoo", "ziggo", "planet", "home", "msn", "proton")
	nulWord   = newFoldedWords("nul")
)

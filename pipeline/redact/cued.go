package redact

import (
	"regexp"
	"strings"
	"unicode/utf8"
)

// Details that the other patterns miss because they are known by what precedes them or by
// a form of their own (the third attack of 0.5.0 found each of them published):
//
//   - a date of birth with a two-digit year right after a birth cue ("geb. 14-3-'09",
//     "geboren 14/3/09"); a date with a four-digit year is found by dateRe;
//   - a student, client, case or file number after its name ("leerlingnummer 204518",
//     "dossiernummer 2024-00123", "kenteken 12-ABC-3"), as "[nummer]";
//   - a WhatsApp link, which holds a phone number ("wa.me/31612345678"), as a phone number;
//   - a Discord tag ("tjits#1234"), as an account;
//   - (attack 12, F7, F9, F20) a birth date in any form after a birth cue (ISO
//     "2009-03-12", "12/03" without a year, "12 maart", "maart 2009", a year alone
//     after "geboren") and an ISO date before one; a number with a prefix or separator
//     after its cue, the cue in two words ("leerling nr. 204519", "LN-204519",
//     "dossier 2024/0412"); eight or nine digits after "BSN"; a mobile number without
//     its 0 after a phone word ("nummer is 6 12 34 56 78").
var (
	shortBirthRe = regexp.MustCompile(`(?i)(?:\bgeboren(?:\s+(?:op|in))?|\bgeb[.:]:?|\bgeboortedatum:?|\bgeboortedag:?|\bjarig(?:\s+op)?|\bverjaardag(?:\s+(?:is|valt|viel|was))?(?:\s+op)?|\bborn(?:\s+(?:on|in))?|\bd\.o\.b\.:?|\bdob:?)\s*(?:is\s+)?(` +
		`(?:19|20)\d\d[-/.](?:0?[1-9]|1[0-2])[-/.](?:0?[1-9]|[12]\d|3[01])` + // ISO: 2009-03-12, 2009.03.12, 2009/03/12
		`|(?:0?[1-9]|[12]\d|3[01])[-/.](?:0?[1-9]|1[0-2])(?:[-/.](?:(?:19|20)\d\d|['’]\d{2}|\d{2}))?` + // 12/03/09, 12/03
		`|(?:0?[1-9]|[12]\d|3[01])\s+` + monthNames + `\.?(?:\s+(?:19|20)\d\d)?` + // 12 maart (2009)
		`|` + monthNames + `\.?\s+(?:19|20)\d\d` + // maart 2009
		`|(?:19|20)\d\d)(?:[^\d]|$)`) // 2009
	// isoDateRe: an ISO date anywhere (with dashes, dots or slashes), a date of birth
	// where a birth cue is near it.
	isoDateRe   = regexp.MustCompile(`\b(?:19|20)\d\d[-/.](?:0?[1-9]|1[0-2])[-/.](?:0?[1-9]|[12]\d|3[01])\b`)
	numberCueRe = regexp.MustCompile(`(?i)\b(?:leerling|student|cliënt|client|klant|dossier|zaak|registratie|referentie|lid|polis|patiënt|patient|pupil|kind)\s?(?:nummer\b|nr\b\.?|no\b\.?)(?:\s*(?:is|:|#))?\s*([A-Za-z]{0,3}[-/.]?\d[\dA-Za-z]*(?:[-/.]\d[\dA-Za-z]*)*)` +
		`|\bdossier(?:\s*:)?\s+(\d{2,}[-/.]?\d{2,}[\dA-Za-z]*)` +
		`|\b(?:kenteken|nummerbord)\b(?:\s*(?:is|:))?\s*([A-Za-z0-9]{1,3}-[A-Za-z0-9]{1,3}-[A-Za-z0-9]{1,3})\b` +
		// attack 15b, F10: the number a few words after its name ("leerlingnummer van
		// [naam] was 204518"), and an id ("Client ID: 98765432", "ID: 98765432")
		`|\b(?:leerling|student|cliënt|client|klant|dossier|zaak|registratie|referentie|lid|polis|patiënt|patient|pupil|kind)\s?(?:nummer|nr)\b(?:\s+[\p{L}\[\]'’]+){1,4}\s+(?:is|was|blijft|wordt|werd)\s*:?\s*(\d{4,}[\dA-Za-z]*)` +
		`|\b(?:(?:leerling|student|cliënt|client|klant|patiënt|patient|gebruiker|user|lid)[\s-]?)?id\b(?:\s*(?:is|:|#))+\s*([A-Za-z]{0,3}[-/.]?\d{3,}[\dA-Za-z]*)`)
	// bsnCueRe: eight or nine digits after "BSN" (an old BSN has eight), whatever their
	// eleven-test.
	bsnCueRe = regexp.MustCompile(`(?i)\bbsn(?:-?nummer)?(?:\s*(?:is|:))?\s*(\d(?:[ .\-]?\d){7,8})(?:[^\d]|$)`)
	// mobileCueRe: a mobile number written without its 0 ("6 12 34 56 78") after a
	// phone word.
	mobileCueRe = regexp.MustCompile(`(?i)\b(?:nummer|telefoonnummer|telefoon|tel\.?|mobiel|mobieltje|bel|bellen|app|appen|whatsapp)\b(?:\s+(?:is|op|naar))?\s*:?\s*(6(?:[ .\-]?\d){8})(?:[^\d]|$)`)
	whatsappRe  = regexp.MustCompile(`(?i)\b(?:https?://)?(?:wa\.me/|api\.whatsapp\.com/send/?\?phone=)\+?\d{8,15}\b`)
	discordRe   = regexp.MustCompile(`[\p{L}\p{N}_.]{2,32}#\d{4}\b`)
)

// findCued returns the spans of the details above. Each needs a digit. The birth and
// number expressions run only on a window from each of their cues (RE2 reads the whole
// text for each expression, and "geb" starts many Dutch words: gebeurt, gebied).
func findCued(text string) []Span {
	var out []Span
	window := func(re *regexp.Regexp, cues []string, kind Kind) {
		done := 0 // the end of the last span found: windows overlap
		for i := 0; i < len(text); i++ {
			c := text[i] | 0x20
			if c < 'a' || c > 'z' || i > 0 && (asciiLetter(text[i-1]) || text[i-1] >= utf8.RuneSelf) {
				continue
			}
			for _, w := range cues {
				if c != w[0] || !hasPrefixFold(text[i:], w) {
					continue
				}
				if kind == Number && w == "id" {
					// a bare id only in capitals: "ID: 98765432", not a YAML key "id: h001"
					if rest := text[i : i+2]; rest != "ID" {
						continue
					}
					if rest := strings.TrimLeft(text[i+2:], " "); rest == "" || i+2 < len(text) && (asciiLetter(text[i+2]) || isDigit(text[i+2])) || rest[0] != ':' && rest[0] != '#' && !hasPrefixFold(rest, "is ") {
						continue // "idee", "ID-kaart", "id van"
					}
				} else if kind == Number && w != "kenteken" && w != "nummerbord" {
					rest := text[i+len(w):]
					if w != "dossier" {
						rest = strings.TrimLeft(rest, " ")
					}
					if !hasPrefixFold(rest, "nummer") && !hasPrefixFold(rest, "nr") && !hasPrefixFold(rest, "no") && !hasPrefixFold(strings.TrimLeft(rest, "-"), "id") && !(w == "dossier" && rest != "" && (rest[0] == ' ' || rest[0] == ':')) {
						continue // "kinderen", "student" alone
					}
				}
				end := min(len(text), i+len(w)+48)
				for end < len(text) && (text[end] >= '0' && text[end] <= '9' || strings.IndexByte("-/.", text[end]) >= 0) {
					end++ // not through a date or number: "12/03" of "12/03/09"
				}
				for _, m := range re.FindAllStringSubmatchIndex(text[i:end], -1) {
					for g := 2; g+1 < len(m); g += 2 {
						if m[g] >= 0 && i+m[g] >= done {
							out = append(out, Span{i + m[g], i + m[g+1], kind})
							done = i + m[g+1]
						}
					}
				}
				break
			}
		}
	}
	window(shortBirthRe, birthCues, Birth)
	window(numberCueRe, numberCues, Number)
	window(bsnCueRe, []string{"bsn"}, BSN)
	window(mobileCueRe, phoneCues, Phone)
	if strings.ContainsAny(text, "-./") { // attack 15b, F08: "2009.03.12" kept its day and month
		for _, m := range isoDateRe.FindAllStringIndex(text, -1) {
			if birthCue.MatchString(text[m[1]:min(len(text), m[1]+25)]) || birthCue.MatchString(text[max(0, m[0]-60):m[0]]) {
				out = append(out, Span{m[0], m[1], Birth})
			}
		}
	}
	out = append(out, findPlates(text)...) // plates.go
	if strings.Contains(text, "wa.me") || strings.Contains(text, "whatsapp.com") {
		for _, m := range whatsappRe.FindAllStringIndex(text, -1) {
			out = append(out, Span{m[0], m[1], Phone})
		}
	}
	if strings.IndexByte(text, '#') >= 0 {
		for _, m := range discordRe.FindAllStringIndex(text, -1) {
			out = append(out, Span{m[0], m[1], Handle})
		}
	}
	return out
}

// birthCues and numberCues are the words (lower case) that start a window of findCued:
// the first words of shortBirthRe's and numberCueRe's cues.
var (
	birthCues  = []string{"geboren", "geb.", "geb:", "geboortedatum", "geboortedag", "jarig", "verjaardag", "born", "d.o.b", "dob"}
	phoneCues  = []string{"nummer", "telefoonnummer", "telefoon", "tel", "mobiel", "mobieltje", "bel", "bellen", "app", "appen", "whatsapp"}
	numberCues = []string{"leerling", "student", "cliënt", "client", "klant", "dossier", "zaak", "registratie", "referentie", "lid", "polis", "patiënt", "patient", "pupil", "kind", "kenteken", "nummerbord", "gebruiker", "user", "id"}
)

// listedPrefixed reports whether the folded word w is a listed name of three letters or
// more run together with what makes it an account name: initials without a vowel
// ("jaydenvdb"), digits ("jayden2009", "noorb08"), or another listed name or a name from
// the lists that is no Dutch word ("jaydenberg" with Berg listed). "markt" (Mark listed),
// "noorden" (Noor) and "roosters" (Roos) keep their words: what follows is one letter,
// or holds a vowel and is no name.
func listedPrefixed(w string, listed *names) bool {
	if len(w) < 5 || !listed.starts[w[:3]] {
		return false
	}
	l := lex()
	for n := len(w) - 2; n >= 3; n-- {
		if !utf8.RuneStart(w[n]) {
			continue
		}
		p, rest := w[:n], w[n:]
		if !listed.single(p) || utf8.RuneCountInString(rest) < 2 {
			continue
		}
		letters := strings.TrimRight(rest, "0123456789")
		if letters == "" || !strings.ContainsAny(letters, "aeiouyàáâäèéêëìíîïòóôöùúûü") ||
			listed.single(rest) || l.isName(rest) && !common(rest) && utf8.RuneCountInString(rest) >= 3 {
			return true
		}
	}
	return false
}

// monthNames are the month names of dateRe (Dutch, English, abbreviated), for
// shortBirthRe.
const monthNames = `(?:januari|februari|maart|april|mei|juni|juli|augustus|september|oktober|november|december|january|february|march|may|june|july|august|october|jan|feb|mrt|mar|apr|jun|jul|aug|sep|sept|okt|oct|nov|dec)`

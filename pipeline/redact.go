package pipeline

import (
	"regexp"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Redactor removes what identifies a person from free text: e-mail addresses, Dutch phone
// numbers, postcodes, BSN numbers (nine digits passing the eleven-test), IBANs, and names
// (respondents' real names and ids, and the study's names list). Names are replaced
// longest first, so "Christina M" is replaced whole rather than half via "Christina".
type Redactor struct {
	names        *regexp.Regexp
	placeholders map[string]string
}

var (
	emailRe = regexp.MustCompile(`[A-Za-z0-9._%+\-]+@[A-Za-z0-9.\-]+\.[A-Za-z]{2,}`)
	ibanRe  = regexp.MustCompile(`\b[A-Z]{2}\d{2}\s?[A-Z]{4}(?:\s?\d){10}\b`)
	// Dutch phone numbers: 06-12345678, 06 1234 5678, +31 6 12345678, 0031612345678,
	// 010-1234567, (010) 123 45 67, 0900-1234567.
	phoneRe    = regexp.MustCompile(`(?:\+31|0031|\(0\d{1,3}\)|\b0)[\s\-.]*(?:\(0\)[\s\-.]*)?\d(?:[\s\-.]*\d){7,9}\b`)
	postcodeRe = regexp.MustCompile(`\b[1-9]\d{3}\s?(?:[A-RT-Za-rt-z][A-Za-z]|[Ss][B-RT-Zb-rt-z])\b`)
	nineDigits = regexp.MustCompile(`\b\d{9}\b|\b\d{4}[.\s]\d{2}[.\s]\d{3}\b`)
)

// nameMarker stands in for a redacted name until every name is replaced; it is not a
// letter or digit, so it also ends a word for the next match.
const nameMarker = "\x00"

var placeholderText = map[string]map[string]string{
	"nl": {"name": "[naam]", "email": "[e-mail]", "phone": "[telefoonnummer]", "postcode": "[postcode]", "bsn": "[BSN]", "iban": "[IBAN]"},
	"en": {"name": "[name]", "email": "[e-mail]", "phone": "[phone number]", "postcode": "[postcode]", "bsn": "[BSN]", "iban": "[IBAN]"},
}

// NewRedactor returns a redactor for the given names, with placeholders in lang (nl|en).
// Names shorter than two letters are ignored: they would redact ordinary words.
func NewRedactor(names []string, lang string) *Redactor {
	ph := placeholderText[lang]
	if ph == nil {
		ph = placeholderText["nl"]
	}
	seen := map[string]bool{}
	var list []string
	for _, n := range names {
		n = strings.Join(strings.Fields(n), " ")
		if utf8.RuneCountInString(n) < 2 || seen[strings.ToLower(n)] {
			continue
		}
		seen[strings.ToLower(n)] = true
		list = append(list, n)
		// "Jan de Vries" is also redacted when only "Jan" or "Vries" is said? No: only
		// the first name is added, as people are named by first name in interviews.
		if parts := strings.Fields(n); len(parts) > 1 && utf8.RuneCountInString(parts[0]) > 2 {
			if !seen[strings.ToLower(parts[0])] {
				seen[strings.ToLower(parts[0])] = true
				list = append(list, parts[0])
			}
		}
	}
	sort.Slice(list, func(i, j int) bool {
		if len(list[i]) != len(list[j]) {
			return len(list[i]) > len(list[j])
		}
		return list[i] < list[j]
	})
	r := &Redactor{placeholders: ph}
	if len(list) > 0 {
		alts := make([]string, len(list))
		for i, n := range list {
			alts[i] = strings.ReplaceAll(regexp.QuoteMeta(n), " ", `\s+`)
		}
		// Word boundaries by hand: Go's \b is ASCII-only and would split "Zoë".
		r.names = regexp.MustCompile(`(?i)(^|[^\p{L}\p{N}])(` + strings.Join(alts, "|") + `)($|[^\p{L}\p{N}])`)
	}
	return r
}

// Redact returns text with every identifying detail replaced by a placeholder.
func (r *Redactor) Redact(text string) string {
	if text == "" {
		return text
	}
	text = emailRe.ReplaceAllString(text, r.placeholders["email"])
	text = ibanRe.ReplaceAllString(text, r.placeholders["iban"])
	text = nineDigits.ReplaceAllStringFunc(text, func(s string) string {
		if elevenTest(s) {
			return r.placeholders["bsn"]
		}
		return s
	})
	text = phoneRe.ReplaceAllString(text, r.placeholders["phone"])
	text = postcodeRe.ReplaceAllString(text, r.placeholders["postcode"])
	if r.names != nil {
		// Names become a marker first, so a placeholder is never matched as a name (a
		// person called "Naam"); replace repeatedly, as adjacent names share the boundary
		// character that one match consumes.
		for {
			next := r.names.ReplaceAllString(text, "${1}"+nameMarker+"${3}")
			if next == text {
				break
			}
			text = next
		}
		text = strings.ReplaceAll(text, nameMarker, r.placeholders["name"])
	}
	return text
}

// elevenTest reports whether nine digits pass the BSN eleven-test:
// 9*d1 + 8*d2 + ... + 2*d8 - 1*d9 is divisible by 11 (and not zero).
func elevenTest(s string) bool {
	var digits []int
	for _, c := range s {
		if unicode.IsDigit(c) {
			digits = append(digits, int(c-'0'))
		}
	}
	if len(digits) != 9 {
		return false
	}
	sum := 0
	for i := 0; i < 8; i++ {
		sum += (9 - i) * digits[i]
	}
	sum -= digits[8]
	return sum != 0 && sum%11 == 0
}

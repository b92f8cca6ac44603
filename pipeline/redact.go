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
// (respondents' real names and ids, and the study's names list). Names are matched as
// whole words, case-insensitively, longest first, so "Christina M" is replaced whole
// rather than half via "Christina". Names are looked up word by word in a map, not
// through one regular expression, because a national survey brings 100,000 ids.
type Redactor struct {
	names        map[string][][]string // first word, folded → names as words, longest first
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

var placeholderText = map[string]map[string]string{
	"nl": {"name": "[naam]", "email": "[e-mail]", "phone": "[telefoonnummer]", "postcode": "[postcode]", "bsn": "[BSN]", "iban": "[IBAN]"},
	"en": {"name": "[name]", "email": "[e-mail]", "phone": "[phone number]", "postcode": "[postcode]", "bsn": "[BSN]", "iban": "[IBAN]"},
}

// NewRedactor returns a redactor for the given names, with placeholders in lang (nl|en).
// Names shorter than two letters are ignored: they would redact ordinary words. For a
// full name the first name is redacted on its own as well, as people are called by their
// first name in interviews.
func NewRedactor(names []string, lang string) *Redactor {
	ph := placeholderText[lang]
	if ph == nil {
		ph = placeholderText["nl"]
	}
	r := &Redactor{placeholders: ph, names: map[string][][]string{}}
	seen := map[string]bool{}
	add := func(words []string) {
		key := strings.Join(words, " ")
		if seen[key] || utf8.RuneCountInString(key) < 2 {
			return
		}
		seen[key] = true
		r.names[words[0]] = append(r.names[words[0]], words)
	}
	for _, n := range names {
		words := nameWords(n)
		if len(words) == 0 {
			continue
		}
		add(words)
		if first := strings.Fields(n)[0]; len(words) > 1 && utf8.RuneCountInString(first) > 2 {
			add(nameWords(first))
		}
	}
	for _, list := range r.names {
		sort.Slice(list, func(i, j int) bool {
			if len(list[i]) != len(list[j]) {
				return len(list[i]) > len(list[j])
			}
			return strings.Join(list[i], " ") < strings.Join(list[j], " ")
		})
	}
	return r
}

// nameWords splits a name into its words (runs of letters and digits), lower case.
func nameWords(s string) []string {
	var out []string
	for _, w := range strings.FieldsFunc(s, notWordRune) {
		out = append(out, strings.ToLower(w))
	}
	return out
}

func notWordRune(c rune) bool {
	return !unicode.IsLetter(c) && !unicode.IsDigit(c) && !unicode.Is(unicode.Mn, c)
}

// Redact returns text with every identifying detail replaced by a placeholder.
func (r *Redactor) Redact(text string) string {
	if text == "" {
		return text
	}
	// Most text holds no '@' and no digit: the patterns need one, so skip them cheaply.
	if strings.IndexByte(text, '@') >= 0 {
		text = emailRe.ReplaceAllString(text, r.placeholders["email"])
	}
	if strings.ContainsAny(text, "0123456789") {
		text = ibanRe.ReplaceAllString(text, r.placeholders["iban"])
		text = nineDigits.ReplaceAllStringFunc(text, func(s string) string {
			if elevenTest(s) {
				return r.placeholders["bsn"]
			}
			return s
		})
		text = phoneRe.ReplaceAllString(text, r.placeholders["phone"])
		text = postcodeRe.ReplaceAllString(text, r.placeholders["postcode"])
	}
	if len(r.names) > 0 {
		text = r.redactNames(text)
	}
	return text
}

// redactNames replaces every name, matched word by word at word starts, by the
// placeholder; at each word the longest name that matches wins.
func (r *Redactor) redactNames(text string) string {
	type word struct {
		start, end int
		lower      string
	}
	var words []word
	start := -1
	for i, c := range text {
		if notWordRune(c) {
			if start >= 0 {
				words = append(words, word{start, i, strings.ToLower(text[start:i])})
				start = -1
			}
		} else if start < 0 {
			start = i
		}
	}
	if start >= 0 {
		words = append(words, word{start, len(text), strings.ToLower(text[start:])})
	}
	var b strings.Builder
	last := 0
	for i := 0; i < len(words); i++ {
		for _, name := range r.names[words[i].lower] {
			if i+len(name) > len(words) {
				continue
			}
			match := true
			for k := 1; k < len(name); k++ {
				if words[i+k].lower != name[k] {
					match = false
					break
				}
			}
			if match {
				b.WriteString(text[last:words[i].start])
				b.WriteString(r.placeholders["name"])
				last = words[i+len(name)-1].end
				i += len(name) - 1
				break
			}
		}
	}
	if last == 0 {
		return text
	}
	b.WriteString(text[last:])
	return b.String()
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

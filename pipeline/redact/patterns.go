package redact

import (
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"
)

var (
	emailRe = regexp.MustCompile(`[A-Za-z0-9._%+\-]+@[A-Za-z0-9.\-]+\.[A-Za-z]{2,}`)
	// obfuscatedEmailRe: an address written to escape harvesters, as people type them in
	// chats and e-mails that end up quoted in a transcript: "jan [at] school [punt] nl",
	// "jan(at)school.nl", "jan apenstaartje school punt nl", "jan at school dot com",
	// "jan @ school . nl". "at" and "dot"/"punt" as bare words count only with a common
	// top-level domain at the end (Dutch "at" is the past tense of eten).
	// It is matched only from an anchor (see findObfuscatedEmails): run over a whole
	// text, its leading character class makes it slow (1.3 MB/s).
	obfuscatedEmailRe = regexp.MustCompile(`(?i)^[a-z0-9._%+\-]+` + obfAt + `[a-z0-9\-]+(?:` + obfDot + `[a-z0-9\-]+)*` + obfDot + `(?:nl|com|org|net|eu|be|de|info|nu|frl|edu|gov|io|uk|fr)\b`)
	postcodeRe        = regexp.MustCompile(`\b[1-9]\d{3}(?:[\s-]?(?:[A-RT-Z][A-Z]|S[B-RT-Z])|[a-rt-z][a-z]|s[b-rt-z])\b`) // "1234-AB" too: attack 15b, F10
	// postcodeLowerRe: a postcode typed in lower case with a space ("1234 ab"), kept
	// only where the letters are no two-letter word (twoLetterWords: "in 2019 is", "1200 km").
	postcodeLowerRe = regexp.MustCompile(`\b[1-9]\d{3} (?:[a-rt-z][a-z]|s[b-rt-z])\b`)
	// bsnRe: nine digits, grouped 3-3-3 or 4-2-3 by spaces, dots or dashes, or not at all.
	bsnRe = regexp.MustCompile(`\b(?:\d{3}[ .\-]?\d{3}[ .\-]?\d{3}|\d{4}[ .\-]\d{2}[ .\-]\d{3})\b`)
	// ibanRe: a country code, two check digits and 11 to 30 letters or digits, grouped by
	// spaces, dots or dashes of any kind; the length and checksum are checked after.
	ibanRe = regexp.MustCompile(`\b[A-Za-z]{2}\d{2}(?:[ .\-\x{2010}-\x{2015}]?[A-Za-z0-9]){11,30}`)
	// phoneRe: a candidate run of digits and the separators of written phone numbers
	// (spaces, dots, slashes, brackets, dashes of any kind), optionally after a +.
	phoneRe = regexp.MustCompile(`(?:\+\s?)?\(?\d[\d \x{00a0}()./\-\x{2010}-\x{2015}\x{2212}]*\d`)
	dateRe  = regexp.MustCompile(`(?i)(?:(?:0?[1-9]|[12]\d|3[01])[-/.\x{2010}-\x{2015}](?:0?[1-9]|1[0-2])[-/.\x{2010}-\x{2015}](?:19|20)\d\d|(?:0?[1-9]|[12]\d|3[01])\s+(?:januari|februari|maart|april|mei|juni|juli|augustus|september|oktober|november|december|january|february|march|may|june|july|august|october|jan|feb|mrt|mar|apr|jun|jul|aug|sep|sept|okt|oct|nov|dec)\.?\s+(?:19|20)\d\d)\b`)
	// birthCue: words that make a date nearby a date of birth.
	birthCue = regexp.MustCompile(`(?i)(?:\bgeboren\b|\bgeb\.|\bgeboortedatum\b|\bgeboortedag\b|\bborn\b|\bdate of birth\b|\bd\.o\.b\.|\bdob\b|\bjarig\b)`)
	// addressRe: a street (a capitalised word ending in a Dutch street word, after up to
	// three capitalised words: "Burgemeester Visserlaan") and a house number with an
	// optional letter or addition ("12", "12a", "12-2", "12 bis").
	addressRe = regexp.MustCompile(`\b(?:\p{Lu}[\p{L}.'\-]*\s+){0,3}\p{Lu}[\p{L}'\-]*(?:straat|straatje|laan|weg|plein|pleintje|singel|gracht|kade|dijk|hof|pad|steeg|dreef|park|baan|ring|markt|wal|erf|hoek|allee|boulevard|plantsoen|brink|vaart|kwartier)\s+\d{1,4}(?:\s?[a-zA-Z]\b|[-/]\d{1,3}\b|\s(?:bis|hs|huis|bg)\b|\b)`)
)

const (
	obfAt  = `(?:\s*@\s*|\s*[\[({<]\s*(?:at|@|apenstaartje)\s*[\])}>]\s*|\s+(?:at|apenstaartje)\s+)`
	obfDot = `(?:\s*\.\s*|\s*[\[({<]\s*(?:dot|punt|\.)\s*[\])}>]\s*|\s+(?:dot|punt)\s+)`
)

// findPatterns returns the spans of e-mail addresses, IBANs, BSNs, phone numbers,
// postcodes, dates of birth and street addresses in text, and every full date in it.
func findPatterns(text string) ([]Span, [][]int) {
	var out []Span
	add := func(re *regexp.Regexp, kind Kind, ok func(string) bool) {
		for _, m := range re.FindAllStringIndex(text, -1) {
			if ok == nil || ok(text[m[0]:m[1]]) {
				out = append(out, Span{m[0], m[1], kind})
			}
		}
	}
	if strings.IndexByte(text, '@') >= 0 {
		add(emailRe, Email, nil)
	}
	out = append(out, findObfuscatedEmails(text)...)
	// Each pattern below needs digits, and most need many or several in a row; a text
	// without them is not run through the expressions (RE2 reads the whole text for
	// each, the address one slowly). Every check is implied by its expression.
	digits, run := countDigits(text)
	if digits == 0 {
		return out, nil
	}
	out = append(out, findCued(text)...)
	if run >= 2 { // an IBAN's check digits
		out = append(out, findIBANs(text)...)
	}
	if digits >= 9 && run >= 3 {
		add(bsnRe, BSN, func(s string) bool { return elevenTest(s) && !phoneLike(s) })
	}
	if digits >= 8 { // the shortest phone number, 0800-1234
		out = append(out, findPhones(text)...)
	}
	if run >= 4 {
		add(postcodeRe, Postcode, nil)
		add(postcodeLowerRe, Postcode, func(m string) bool { return !twoLetterWords[m[len(m)-2:]] })
	}
	if streetBeforeNumber(text) {
		add(addressRe, Address, nil)
	}
	dates := findDates(text)
	for _, m := range dates {
		from := max(0, m[0]-60)
		if birthCue.MatchString(text[from:m[0]]) || birthCue.MatchString(text[m[1]:min(len(text), m[1]+25)]) {
			out = append(out, Span{m[0], m[1], Birth})
		}
	}
	return out, dates
}

// countDigits returns the number of ASCII digits in text and the longest run of them.
func countDigits(text string) (digits, run int) {
	n := 0
	for i := 0; i < len(text); i++ {
		if text[i] >= '0' && text[i] <= '9' {
			digits++
			n++
			run = max(run, n)
		} else {
			n = 0
		}
	}
	return digits, run
}

// streetWords are the endings of a street name in addressRe.
var streetWords = []string{"straat", "straatje", "laan", "weg", "plein", "pleintje", "singel", "gracht", "kade", "dijk", "hof", "pad", "steeg", "dreef", "park", "baan", "ring", "markt", "wal", "erf", "hoek", "allee", "boulevard", "plantsoen", "brink", "vaart", "kwartier"}

// streetBeforeNumber reports whether a digit follows white space (RE2's \s) after a word
// ending in a street word, as every match of addressRe has it.
func streetBeforeNumber(text string) bool {
	space := func(c byte) bool { return c == ' ' || c == '\t' || c == '\n' || c == '\f' || c == '\r' }
	for p := 1; p < len(text); p++ {
		if text[p] < '0' || text[p] > '9' || !space(text[p-1]) {
			continue
		}
		q := p - 1
		for q >= 0 && space(text[q]) {
			q--
		}
		for _, w := range streetWords {
			if strings.HasSuffix(text[:q+1], w) {
				return true
			}
		}
	}
	return false
}

// findObfuscatedEmails returns the spans of obfuscated e-mail addresses. It looks for the
// "at" of an address first ("@", "at" or "apenstaartje" as a word, alone or in brackets),
// walks back over the spaces and the local part before it, and matches
// obfuscatedEmailRe from there.
func findObfuscatedEmails(text string) []Span {
	lower := strings.ToLower(text) // ASCII letters keep their offsets; others are not anchors
	if len(lower) != len(text) {
		lower = text // a rare text whose lower case changes length: anchors by exact case
	}
	var out []Span
	covered := 0
	next := anchorFinder(lower)
	for i := 0; i < len(lower); {
		p := next(i)
		if p < 0 {
			break
		}
		i = p + 1
		if p < covered || !obfuscationAnchor(lower, p) {
			continue
		}
		start := p
		for start > 0 && (lower[start-1] == ' ' || lower[start-1] == '\t' || strings.IndexByte("[({<", lower[start-1]) >= 0) {
			start--
		}
		for start > 0 && localPart(lower[start-1]) {
			start--
		}
		if start == p {
			continue
		}
		if m := obfuscatedEmailRe.FindStringIndex(text[start:min(len(text), p+200)]); m != nil {
			out = append(out, Span{start, start + m[1], Email})
			covered = start + m[1]
			i = covered
		}
	}
	return out
}

// anchorFinder returns a function that gives the first byte at or after i of lower that
// holds "@", "at" or "apenstaartje", or -1: the only places obfuscationAnchor holds. Each
// is searched for on its own (a fast search of a string), not "@" and every "a" of the text.
func anchorFinder(lower string) func(i int) int {
	words := [...]string{"@", "at", "apenstaartje"}
	var at [len(words)]int // the next place of each word, -1 for none, -2 before the first search
	for k := range at {
		at[k] = -2
	}
	return func(i int) int {
		best := -1
		for k, w := range words {
			if at[k] == -2 || at[k] >= 0 && at[k] < i {
				at[k] = -1
				if j := strings.Index(lower[i:], w); j >= 0 {
					at[k] = i + j
				}
			}
			if at[k] >= 0 && (best < 0 || at[k] < best) {
				best = at[k]
			}
		}
		return best
	}
}

// obfuscationAnchor reports whether lower[p:] starts an "at" of an address: "@", or "at"
// or "apenstaartje" as a whole word.
func obfuscationAnchor(lower string, p int) bool {
	if lower[p] == '@' {
		return true
	}
	word := ""
	switch {
	case strings.HasPrefix(lower[p:], "apenstaartje"):
		word = "apenstaartje"
	case strings.HasPrefix(lower[p:], "at"):
		word = "at"
	default:
		return false
	}
	before := p == 0 || !letter(lower[p-1])
	after := p+len(word) == len(lower) || !letter(lower[p+len(word)])
	return before && after
}

func letter(b byte) bool { return b >= 'a' && b <= 'z' || b >= 'A' && b <= 'Z' || b >= 0x80 }

func localPart(b byte) bool {
	return b >= 'a' && b <= 'z' || b >= 'A' && b <= 'Z' || b >= '0' && b <= '9' || strings.IndexByte("._%+-", b) >= 0
}

// findDates returns the dates in text that no digit precedes (a date may follow an
// underscore, as in a file name, where \b does not hold).
func findDates(text string) [][]int {
	if !strings.Contains(text, "19") && !strings.Contains(text, "20") {
		return nil // every date has a year 19xx or 20xx
	}
	var out [][]int
	for _, m := range dateRe.FindAllStringIndex(text, -1) {
		if m[0] == 0 || text[m[0]-1] < '0' || text[m[0]-1] > '9' {
			out = append(out, m)
		}
	}
	return out
}

// phoneLike reports whether nine digits are grouped like a phone number's tail rather than
// a BSN: a BSN does not start with 0.
func phoneLike(s string) bool { return strings.HasPrefix(s, "0") }

// elevenTest reports whether nine digits pass the BSN eleven-test:
// 9*d1 + 8*d2 + ... + 2*d8 - 1*d9 is divisible by 11 (and not zero).
func elevenTest(s string) bool {
	var digits []int
	for _, c := range s {
		if c >= '0' && c <= '9' {
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

// ibanLength is the length of an IBAN per country (ISO 13616 registry, SWIFT).
var ibanLength = map[string]int{
	"AD": 24, "AE": 23, "AL": 28, "AT": 20, "AZ": 28, "BA": 20, "BE": 16, "BG": 22, "BH": 22,
	"BR": 29, "BY": 28, "CH": 21, "CR": 22, "CY": 28, "CZ": 24, "DE": 22, "DK": 18, "DO": 28,
	"EE": 20, "EG": 29, "ES": 24, "FI": 18, "FO": 18, "FR": 27, "GB": 22, "GE": 22, "GI": 23,
	"GL": 18, "GR": 27, "GT": 28, "HR": 21, "HU": 28, "IE": 22, "IL": 23, "IQ": 23, "IS": 26,
	"IT": 27, "JO": 30, "KW": 30, "KZ": 20, "LB": 28, "LC": 32, "LI": 21, "LT": 20, "LU": 20,
	"LV": 21, "MC": 27, "MD": 24, "ME": 22, "MK": 19, "MR": 27, "MT": 31, "MU": 30, "NL": 18,
	"NO": 15, "PK": 24, "PL": 28, "PS": 29, "PT": 25, "QA": 29, "RO": 24, "RS": 22, "SA": 24,
	"SC": 31, "SE": 24, "SI": 19, "SK": 24, "SM": 27, "ST": 25, "SV": 28, "TL": 23, "TN": 24,
	"TR": 26, "UA": 29, "VA": 22, "VG": 24, "XK": 20,
}

// findIBANs returns the IBANs in text, in upper or lower case and grouped in any way: a
// candidate is cut at its country's length and kept when its ISO 13616 checksum holds
// (mod 97 = 1), so "NL91-ABNA-0417-1643-00" is one span, never half of one.
func findIBANs(text string) []Span {
	var out []Span
	for pos := 0; pos < len(text); {
		m := ibanRe.FindStringIndex(text[pos:])
		if m == nil {
			break
		}
		m[0], m[1] = m[0]+pos, m[1]+pos
		pos = m[0] + 1
		cand := text[m[0]:m[1]]
		n := ibanLength[strings.ToUpper(cand[:2])]
		if n == 0 {
			continue
		}
		var compact []byte
		end := -1
		for i := 0; i < len(cand); i++ {
			c := cand[i]
			if c < utf8.RuneSelf && (unicode.IsLetter(rune(c)) || unicode.IsDigit(rune(c))) {
				compact = append(compact, byte(unicode.ToUpper(rune(c))))
				if len(compact) == n {
					end = i + 1
					break
				}
			}
		}
		if end < 0 || (m[0]+end < len(text) && isAlnum(text[m[0]+end])) || !ibanChecksum(string(compact)) {
			continue
		}
		out = append(out, Span{m[0], m[0] + end, IBAN})
		pos = m[0] + end
	}
	return out
}

func isAlnum(c byte) bool {
	return c >= '0' && c <= '9' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z'
}

// ibanChecksum is the ISO 13616 check: the first four characters moved to the end,
// letters replaced by 10..35, the number mod 97 must be 1.
func ibanChecksum(s string) bool {
	s = s[4:] + s[:4]
	r := 0
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c >= '0' && c <= '9':
			r = (r*10 + int(c-'0')) % 97
		case c >= 'A' && c <= 'Z':
			r = (r*100 + int(c-'A') + 10) % 97
		default:
			return false
		}
	}
	return r == 1
}

// findPhones returns the Dutch phone numbers in text, in every written form: 06-12345678,
// 06 1234 5678, 06–12345678, 06/12345678, 06.12.34.56.78, (020) 123 45 67, (020) 1234567,
// 020-1234567, +31 6 12345678, +31 (0)6 12345678, 0031 6 12345678, 0800-1234, 0900-1234567.
// A candidate run of digits and separators is split into its digit groups; the longest
// run of whole groups that is a valid number wins, so a number next to other numbers is
// found all the same.
func findPhones(text string) []Span {
	var out []Span
	for _, m := range phoneRe.FindAllStringIndex(text, -1) {
		if m[0] > 0 && isAlnum(text[m[0]-1]) {
			continue
		}
		cand := text[m[0]:m[1]]
		// digit groups: [start, end) within cand
		var groups [][2]int
		for i := 0; i < len(cand); {
			if cand[i] >= '0' && cand[i] <= '9' {
				j := i
				for j < len(cand) && cand[j] >= '0' && cand[j] <= '9' {
					j++
				}
				groups = append(groups, [2]int{i, j})
				i = j
				continue
			}
			i++
		}
		for g := 0; g < len(groups); {
			if foreignDecimal(cand, groups, g) { // phones_foreign.go
				g++
				continue
			}
			best := -1
			for e := g; e < len(groups) && e < g+8; e++ {
				if e > g && groups[e][0]-groups[e-1][1] > 3 {
					break
				}
				var digits strings.Builder
				for k := g; k <= e; k++ {
					digits.WriteString(cand[groups[k][0]:groups[k][1]])
				}
				start := groups[g][0]
				plus := strings.HasSuffix(strings.TrimRight(cand[:start], " \u00a0"), "+")
				if validPhone(digits.String(), plus) {
					best = e
				}
			}
			if best < 0 {
				g++
				continue
			}
			start := groups[g][0]
			if i := strings.LastIndexAny(cand[:start], "+("); i >= 0 && strings.TrimSpace(cand[i+1:start]) == "" {
				start = i
			}
			out = append(out, Span{m[0] + start, m[0] + groups[best][1], Phone})
			g = best + 1
		}
	}
	return out
}

// validPhone reports whether digits are a Dutch phone number: ten digits from 0 (not
// 00), +31 or 0031 and nine digits (a "(0)" after the country code allowed), or a
// 0800/0900-number of eight or eleven digits; or a number with another country code
// (foreignPhone).
func validPhone(d string, plus bool) bool {
	rest := ""
	switch {
	case strings.HasPrefix(d, "0031"):
		rest = d[4:]
	case plus && strings.HasPrefix(d, "31"):
		rest = d[2:]
	case plus, strings.HasPrefix(d, "00"):
		return foreignPhone(d, plus) // phones_foreign.go
	case strings.HasPrefix(d, "0"):
		if len(d) == 10 {
			return true
		}
		service := strings.HasPrefix(d, "0800") || strings.HasPrefix(d, "090")
		return service && (len(d) == 8 || len(d) == 11)
	default:
		return false
	}
	rest = strings.TrimPrefix(rest, "0")
	return len(rest) == 9
}

// twoLetterWords are the lower-case two-letter words, abbreviations and units (Dutch and
// English) that may follow a number in a sentence, so that "1234 ab" is a postcode and
// "in 2019 is", "1200 km", "2015 en" are not.
var twoLetterWords = func() map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields(`ad af al am an as at be by ca cd cm ct da de di dj do dr ed eg ei en er et ex ga gb go ha he hi ho id ie if ik in is it ja je jl jr ka kb kg km kw la le li lo ma mb me mg mi ml mm mo mr ms mw my na nd ne nl no nr nu ob oh ok om on oo op or os ot ow pa pc pk pm po pp pt re ri ro rd st ta te th ti to tv uk um un up ur us uw vd vs wc we wo xl ze zo zn`) {
		m[w] = true
	}
	return m
}()

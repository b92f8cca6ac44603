package redact

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// findAddresses returns the street addresses that addressRe (a capitalised word glued to
// a street word, white space, a number) misses; attack 15b (F02) found each published:
//
//   - a street word standing as a word of its own after a capitalised word that is no
//     function word: "Grote Markt 12", "Lange Dreef 88", "Oude Gracht 140", "Nieuwe Weg 3";
//   - a street ending that addressRe lacks ("Beukenhorst 33", "Molenakker 12", "Damrak
//     12", "Zuiderhaven 4", "Vlinderwei 9", "Lindeveld 5": streetEndings) or the
//     abbreviation "str." ("Dorpsstr. 12");
//   - a house number glued on ("Kerkstraat12") or after "nummer"/"nr." ("Esdoornstraat
//     nummer 4");
//   - any capitalised word and a house number after "woont/woonde/wonen aan/op/in
//     (de/het)" or "adres is" ("woont op de Kwekerij 4"), whatever its ending;
//   - a street in capitals ("DORPSSTRAAT 12", "GROTE MARKT 12").
//
// The house number has one to four digits and no year (1900-2099) where the street
// word is one of the new endings or stands alone ("Zomerkamp 2024", "Sportveld 2025"
// are no addresses), and no digit, letter or decimal point follows it but an addition
// ("12a", "12-2", "12 bis"). The text is read from each run of digits backwards, with
// no expression over the whole text.
func findAddresses(text string, keep map[string]bool) []Span {
	var out []Span
	for p := 0; p < len(text); p++ {
		if !isDigit(text[p]) || p > 0 && isDigit(text[p-1]) {
			continue
		}
		q := p
		for q < len(text) && isDigit(text[q]) {
			q++
		}
		n := q - p
		if n > 4 || q < len(text) && (text[q] == ',' || text[q] == '.') && q+1 < len(text) && isDigit(text[q+1]) {
			p = q
			continue
		}
		year := n == 4 && (text[p:p+2] == "19" || text[p:p+2] == "20")
		if start, ok := streetBefore(text, p, year, keep); ok {
			out = append(out, Span{start, houseNumberEnd(text, q), Address})
		}
		p = q
	}
	return out
}

// streetBefore returns where the street before the house number at p starts, and
// whether there is one.
func streetBefore(text string, p int, year bool, keep map[string]bool) (int, bool) {
	glued := p > 0 && isLetterBefore(text, p)
	e := p // the end of the street's last word
	if !glued {
		e = skipSpaceBack(text, p)
		if e == p || e == 0 {
			return 0, false
		}
		// "nummer 4", "nr. 4", "nr 4", "no. 4"
		for _, w := range []string{"nummer", "nr.", "nr", "no."} {
			if len(text[:e]) > len(w) && strings.EqualFold(text[e-len(w):e], w) && !isLetterBefore(text, e-len(w)) {
				if e2 := skipSpaceBack(text, e-len(w)); e2 < e-len(w) {
					e = e2
				}
				break
			}
		}
	}
	abbr := false
	if e > 0 && text[e-1] == '.' {
		e-- // "Dorpsstr."
		abbr = true
	}
	s := wordStartBack(text, e)
	if s == e {
		return 0, false
	}
	word := text[s:e]
	r, _ := utf8.DecodeRuneInString(word)
	if !unicode.IsUpper(r) {
		return 0, false
	}
	f := fold(word)
	if keep[f] || lex().place[f] {
		// a municipality or quarter of the study, or a place: "Texel 12 jaar"; one on a
		// street ending is a street unless the number plainly counts ("Heidekamp 3
		// jongeren"; addresses_counts.go)
		if abbr || glued || !endsInNewStreetWord(f) || year || plainCount(text, s, e, p, p+digitsAt(text, p)) {
			return 0, false
		}
	} else if !abbr && !glued && endsInNewStreetWord(f) && !endsInOldStreetWord(f) && plainCount(text, s, e, p, p+digitsAt(text, p)) {
		return 0, false // "Bergdorp 20, Zeeveen 20, Heidekamp 3"
	}
	switch {
	case abbr:
		if !strings.HasSuffix(f, "str") || len(f) < 5 {
			return 0, false
		}
	case endsInOldStreetWord(f) || endsInNewStreetWord(f) && !year && !notStreet[f]:
	case standaloneStreet[f] && !year:
		// "Grote Markt 12": a capitalised word before it that is no function word
		ps := skipSpaceBack(text, s)
		if ps == s || strings.ContainsAny(text[ps:s], "\n\r") {
			return 0, false
		}
		pw := wordStartBack(text, ps)
		prev := text[pw:ps]
		r, _ := utf8.DecodeRuneInString(prev)
		if pw == ps || !unicode.IsUpper(r) || lex().function[fold(prev)] || prefixes[fold(prev)] {
			return cuedStreet(text, s, year)
		}
		s = pw
	default:
		return cuedStreet(text, s, year)
	}
	return streetStart(text, s), true
}

// cuedStreet reports whether the capitalised word at s follows a cue that makes it a
// street whatever its ending: "woont aan de", "woonde op het", "adres is".
func cuedStreet(text string, s int, year bool) (int, bool) {
	if year {
		return 0, false
	}
	before := strings.ToLower(text[max(0, s-32):s])
	before = strings.TrimRight(before, " ")
	article := false
	for _, a := range []string{" de", " het", " 't"} {
		if strings.HasSuffix(before, a) {
			before = strings.TrimRight(strings.TrimSuffix(before, a), " ")
			article = true
			break
		}
	}
	for _, c := range []string{"woont aan", "woont op", "woont in", "woonde aan", "woonde op", "woonde in",
		"wonen aan", "wonen op", "wonen in", "woonachtig aan", "woonachtig op", "adres is", "adres:"} {
		// "in" only with an article: "woont in de Kwekerij 4", not "woont in Amsterdam 12 jaar"
		if strings.HasSuffix(c, " in") && !article {
			continue
		}
		if strings.HasSuffix(before, c) && (len(before) == len(c) || !asciiLetter(before[len(before)-len(c)-1])) {
			return streetStart(text, s), true
		}
	}
	return 0, false
}

// streetStart moves the start of a street at s back over up to three capitalised words
// on the same line ("Burgemeester Visserlaan", "Grote Markt"), as addressRe does; not
// over a function word ("In de Grote Markt").
func streetStart(text string, s int) int {
	for k := 0; k < 3; k++ {
		ps := skipSpaceBack(text, s)
		if ps == s || strings.ContainsAny(text[ps:s], "\n\r") {
			break
		}
		pw := wordStartBack(text, ps)
		prev := text[pw:ps]
		r, _ := utf8.DecodeRuneInString(prev)
		if pw == ps || !unicode.IsUpper(r) || lex().function[fold(prev)] || prefixes[fold(prev)] {
			break
		}
		s = pw
	}
	return s
}

// houseNumberEnd returns the end of a house number whose digits end at q, with its
// addition: a letter ("12a", "12 a"), "-2" or "/2", " bis", " hs", " huis", " bg".
func houseNumberEnd(text string, q int) int {
	wordEnd := func(i int) bool { return i >= len(text) || !isLetterAt(text, i) && !isDigit(text[i]) }
	switch {
	case q < len(text) && asciiLetter(text[q]) && wordEnd(q+1):
		return q + 1
	case q+1 < len(text) && text[q] == ' ' && asciiLetter(text[q+1]) && wordEnd(q+2) && text[q+1] != 'e' && text[q+1] != 'E':
		return q + 2
	case q+1 < len(text) && (text[q] == '-' || text[q] == '/') && isDigit(text[q+1]):
		r := q + 1
		for r < len(text) && r < q+4 && isDigit(text[r]) {
			r++
		}
		if wordEnd(r) {
			return r
		}
	}
	for _, a := range []string{" bis", " hs", " huis", " bg"} {
		if strings.HasPrefix(text[q:], a) && wordEnd(q+len(a)) {
			return q + len(a)
		}
	}
	return q
}

// endsInOldStreetWord reports whether f is a word on one of addressRe's street words,
// with a letter or more before it ("Kerkstraat", not "Weg"). A match addressRe finds as
// well is merged with its (mergeSpans).
func endsInOldStreetWord(f string) bool {
	for _, w := range streetWords {
		if strings.HasSuffix(f, w) && len(f) > len(w) {
			return true
		}
	}
	return false
}

// streetEndings are the endings of Dutch street names that streetWords lacks. Each is
// taken only after a stem of three letters or more, so that the word alone ("Veld 3",
// "Haven 2") is none.
var streetEndings = []string{"horst", "akker", "akkers", "haven", "kamp", "veld", "velden", "wei", "weide", "rak",
	"donk", "hout", "stede", "zoom", "oord", "burg", "hoeve", "gaarde", "hoven", "laantje", "steegje",
	"kant", "dreef", "beek", "bosch", "meer", "lei", "kwartier", "pier", "wijk", "erve", "heuvel"}

func endsInNewStreetWord(f string) bool {
	if i := strings.LastIndexByte(f, '-'); i >= 0 {
		f = f[i+1:] // "Bergdorp-Noord": the last part
	}
	if compass[f] {
		return false
	}
	for _, w := range streetEndings {
		if strings.HasSuffix(f, w) && utf8.RuneCountInString(f) >= utf8.RuneCountInString(w)+3 {
			return true
		}
	}
	return false
}

// compass are the parts of a place's or a quarter's name that end like a street.
var compass = map[string]bool{"noord": true, "zuid": true, "oost": true, "west": true, "zuidoord": true}

// notStreet are words on a street ending that are no street: "Akkoord 2", "Antwoord 3".
var notStreet = map[string]bool{"akkoord": true, "antwoord": true, "wachtwoord": true, "trefwoord": true,
	"zomerkamp": true, "voetbalkamp": true, "trainingskamp": true, "kamp": true, "werkkamp": true,
	"vakantiekamp": true, "jeugdkamp": true, "scoutingkamp": true, "speelveld": false}

// standaloneStreet are street words that name a street as a word of their own after a
// capitalised word: "Grote Markt", "Lange Dreef", "Nieuwe Weg".
var standaloneStreet = map[string]bool{"markt": true, "dreef": true, "gracht": true, "weg": true, "laan": true,
	"plein": true, "kade": true, "singel": true, "dijk": true, "straat": true, "steeg": true, "vaart": true,
	"haven": true, "brink": true, "wal": true, "hof": true, "ring": true, "allee": true, "boulevard": true}

// digitsAt returns the number of digits at byte p.
func digitsAt(text string, p int) int {
	q := p
	for q < len(text) && isDigit(text[q]) {
		q++
	}
	return q - p
}

func isDigit(c byte) bool { return c >= '0' && c <= '9' }

// isLetterBefore reports whether the rune ending at byte i is a letter.
func isLetterBefore(text string, i int) bool {
	r, _ := utf8.DecodeLastRuneInString(text[:i])
	return unicode.IsLetter(r)
}

func isLetterAt(text string, i int) bool {
	r, _ := utf8.DecodeRuneInString(text[i:])
	return unicode.IsLetter(r)
}

// skipSpaceBack returns the start of the spaces and tabs that end at i.
func skipSpaceBack(text string, i int) int {
	for i > 0 && (text[i-1] == ' ' || text[i-1] == '\t') {
		i--
	}
	return i
}

// wordStartBack returns the start of the word (letters, an apostrophe or hyphen inside)
// that ends at i.
func wordStartBack(text string, i int) int {
	s := i
	for s > 0 {
		r, size := utf8.DecodeLastRuneInString(text[:s])
		if unicode.IsLetter(r) || (r == '\'' || r == '-') && s-size > 0 && isLetterBefore(text, s-size) && s < i {
			s -= size
			continue
		}
		break
	}
	return s
}

package redact

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// School names in lower case, as chats and quick transcripts write them, which the
// patterns of schools.go (capitalised names only) left whole (privacy leftovers of
// 0.10.0):
//
//   - after "basisschool", "kindcentrum" or "scholengemeenschap" and an article
//     ("basisschool de regenboog", "op het kindcentrum 't palet") → "basisschool
//     [schoolnaam]";
//   - after a school's abbreviation, in capitals or in lower case, with or without an
//     article ("obs de klimop", "op de cbs het mozaïek", "osg de hoven", "ikc noorderlicht"):
//     OBS, CBS, RKBS, PCBS, IKC, KC, OSG, RSG, CSG, SG, SBO; "SG" and "KC" in capitals
//     only ("sg het maakt niet uit"). OSG, RSG, CSG, SG and KC are new school
//     words, so a capitalised name after them is found here too ("OSG Hengelo", "RSG
//     Pantarijn");
//   - "het X college", "het X lyceum" and "het X gymnasium" in lower case ("het
//     vathorst college", "het stedelijk lyceum") → "het [schoolnaam]"; not without "het"
//     ("een goed lyceum", "een goed college gehad").
//
// The name is one word (hyphens inside; two where the first is an adjective that starts
// school names, "de vrije vogel"), no function word, kept word (a municipality, a
// codebook word), placeholder or number, and no word that ordinarily follows a school
// word ("basisschool de juf", "het hele college", "het vorige college": notSchoolName).
// The name may stand in quotation marks ("obs 'de klimop'"). "CBS" after "het" is the
// statistics office ("volgens het CBS het aantal"), not a Christian school ("de CBS",
// "op CBS"). In lower case "college" is also a lecture and "school" follows too much
// ("op school de hele dag") to be a school word of its own here.
func (r *Redactor) findSchoolsLower(text string) []Span {
	if !lowerSchoolText(text) {
		return nil
	}
	ws := schoolTokens(text)
	var out []Span
	for k := 0; k < len(ws); k++ {
		w := text[ws[k][0]:ws[k][1]]
		lw := strings.ToLower(w)
		switch {
		case lowerSchoolWord[lw] || schoolAbbreviation(w):
			abbr := !lowerSchoolWord[lw]
			if lw == "cbs" && k > 0 && articleWord(text[ws[k-1][0]:ws[k-1][1]]) && fold(text[ws[k-1][0]:ws[k-1][1]]) != "de" {
				continue // "volgens het CBS het aantal": the statistics office
			}
			j := k + 1
			article := j < len(ws) && quotedAdjacent(text, ws[k], ws[j]) && articleWord(text[ws[j][0]:ws[j][1]])
			if article {
				j++
			}
			if !article && !abbr || abbr && len(lw) == 2 && w != strings.ToUpper(w) {
				continue // "basisschool regenboog" is rare, "basisschool kinderen" is not; "sg het maakt"
			}
			if j >= len(ws) || !adjacent(text, ws[j-1], ws[j]) && !(j == k+1 && quotedAdjacent(text, ws[k], ws[j])) {
				continue
			}
			e, ok := r.lowerSchoolName(text, ws, j, abbr)
			if !ok {
				continue
			}
			s := ws[j][0]
			if article {
				s = ws[j-1][0] // the article goes with the name, as in schools.go
			}
			out = append(out, Span{s, e, School})
			k = j
		case lw == "college" || lw == "lyceum" || lw == "gymnasium":
			// "het vathorst college", "het da vinci college"; "stedelijk lyceum"
			if w != lw || k == 0 {
				continue
			}
			first := -1
			for b := k - 1; b >= 0 && b >= k-2 && adjacent(text, ws[b], ws[b+1]); b-- {
				bw := text[ws[b][0]:ws[b][1]]
				if articleWord(bw) {
					break
				}
				if f := fold(bw); b < k-1 && prefixes[f] && first >= 0 {
					first = b // "het da vinci college"
					continue
				}
				if !r.lowerNameWord(bw) || notSchoolName[fold(bw)] {
					break
				}
				first = b
			}
			if first < 0 {
				continue
			}
			hasHet := first > 0 && adjacent(text, ws[first-1], ws[first]) && fold(text[ws[first-1][0]:ws[first-1][1]]) == "het"
			if !hasHet {
				continue // "een goed lyceum", "naar college"; "het X college" names a school
			}
			out = append(out, Span{ws[first][0], ws[k][1], School})
		}
	}
	return out
}

// lowerSchoolWord are the school words in any case that a lower-case name may follow.
var lowerSchoolWord = map[string]bool{"basisschool": true, "kindcentrum": true, "scholengemeenschap": true}

// schoolAbbreviations are the abbreviations of school kinds, in lower case.
var schoolAbbreviations = map[string]bool{"obs": true, "cbs": true, "rkbs": true, "pcbs": true, "ikc": true,
	"kc": true, "osg": true, "rsg": true, "csg": true, "sg": true, "sbo": true}

// schoolAbbreviation reports whether w is one, all in capitals or all in lower case.
func schoolAbbreviation(w string) bool {
	l := strings.ToLower(w)
	return schoolAbbreviations[l] && (w == l || w == strings.ToUpper(w))
}

// lowerSchoolName returns the end of a school's name at word j: one word, or two where
// the first is an adjective school names start with ("de vrije vogel"). After an
// abbreviation the name may be capitalised ("OSG Hengelo"); after "basisschool" that is
// schools.go's.
func (r *Redactor) lowerSchoolName(text string, ws [][2]int, j int, abbr bool) (int, bool) {
	w := text[ws[j][0]:ws[j][1]]
	if !abbr && !unicode.IsLower(r0(w)) || !r.lowerNameWord(w) || notSchoolName[fold(w)] {
		return 0, false
	}
	if unicode.IsUpper(r0(w)) {
		// a capitalised name of up to three words: "RSG Pantarijn", "CSG Het Noordik"
		e := nameWords(text, ws[j][0])
		if e < 0 || !r.schoolName(text[ws[j][0]:e]) {
			return 0, false
		}
		return e, true
	}
	e := ws[j][1]
	if schoolAdjective[fold(w)] && j+1 < len(ws) && adjacent(text, ws[j], ws[j+1]) {
		if n := text[ws[j+1][0]:ws[j+1][1]]; r.lowerNameWord(n) && !notSchoolName[fold(n)] {
			e = ws[j+1][1]
		}
	}
	return e, true
}

// lowerNameWord reports whether w can be a word of a school's name: letters, no
// function word, kept word, surname prefix or placeholder, and two letters or more.
func (r *Redactor) lowerNameWord(w string) bool {
	if utf8.RuneCountInString(w) < 2 || hasDigit(w) || placeholderWords[w] {
		return false
	}
	f := fold(w)
	return !r.keep[f] && !lex().function[f] && !prefixes[f] && !dutchFunction[f]
}

// schoolAdjective are the adjectives that start two-word school names.
var schoolAdjective = map[string]bool{"vrije": true, "kleine": true, "grote": true, "gouden": true,
	"bonte": true, "blauwe": true, "groene": true, "rode": true, "witte": true, "zilveren": true,
	"open": true, "wijde": true, "vliegende": true, "lichtende": true}

// notSchoolName are words that follow a school word or stand before "college" without
// naming a school: the people and parts of a school, and the adjectives of a lecture.
var notSchoolName = map[string]bool{}

func init() {
	for _, w := range strings.Fields(`juf juffen meester meesters kinderen kind leerling leerlingen ouders ouder
		klas klassen groep groepen directeur directrice directie leerkracht leerkrachten docent docenten
		mentor mentoren conciërge concierge ib ib'er intern zorgcoördinator zorgcoordinator team school
		scholen tijd les lessen pauze gym speelplaats schoolplein plein gebouw buurt wijk straat zorg
		hele heel gehele meeste eerste tweede derde laatste volgende vorige andere ander zelfde nieuwe
		oude hoge lage beste goede ene enige echte gewone hoor ook nog wel niet al toen
		dan daar hier maar zo weer even altijd nooit soms vaak meer minder dus want omdat of en
		stadsdeel jongeren jongens meiden meisjes vrienden vriend vriendin vriendinnen ouderavond
		rapport cito toets toetsen huiswerk vakantie zomervakantie week weken jaar jaren dag dagen
		uur uren middag ochtend avond morgen gisteren vandaag eigenlijk gewoon echt heeft had hebben
		is was zijn waren wordt werd worden zit zat zitten gaat ging gaan komt kwam komen doet deed
		doen zegt zei zeggen mag moet kan wil zou zal`) {
		notSchoolName[w] = true
	}
}

// dutchFunction are Dutch function words that the function-word list (names that are
// function words) lacks.
var dutchFunction = map[string]bool{}

func init() {
	for _, w := range strings.Fields(`de het een en of in op aan bij met van voor naar uit om over door
		tot tegen zonder onder boven achter naast tussen ik jij je hij zij ze wij we jullie u zich
		mijn jouw zijn haar ons onze hun die dat deze dit wat wie waar wanneer hoe welke er niet
		geen ook nog al wel toch maar dus want omdat als dan toen zo daar hier is was elk elke ieder
		iedere welk ander`) {
		dutchFunction[w] = true
	}
}

// lowerSchoolText reports whether text can hold a pattern above, without splitting it
// into words: most texts hold none of their words.
func lowerSchoolText(text string) bool {
	for i := 0; i < len(text); i++ {
		if !asciiLetter(text[i]) || i > 0 && isWordByte(text[i-1]) {
			continue
		}
		e := i
		for e < len(text) && asciiLetter(text[e]) {
			e++
		}
		w := text[i:e]
		i = e
		for _, c := range lowerSchoolNeedles[min(len(w), len(lowerSchoolNeedles)-1)] {
			if w[0]|0x20 == c[0] && strings.EqualFold(w, c) {
				return true
			}
		}
	}
	return false
}

// lowerSchoolNeedles are the words of the patterns above by length.
var lowerSchoolNeedles = func() (t [19][]string) {
	for _, w := range []string{"basisschool", "kindcentrum", "scholengemeenschap", "college", "lyceum", "gymnasium",
		"obs", "cbs", "rkbs", "pcbs", "ikc", "kc", "osg", "rsg", "csg", "sg", "sbo"} {
		t[len(w)] = append(t[len(w)], w)
	}
	return t
}()

// schoolTokens returns the [start, end) of the words of text: runs of letters, digits
// and combining marks, with an apostrophe inside or before "t" ("'t palet") and
// hyphens between letters ("de vrije-vogel").
func schoolTokens(text string) [][2]int {
	var out [][2]int
	for i := 0; i < len(text); {
		c, n := runeAt(text, i)
		if (c == '\'' || c == '’') && i+n < len(text) && (text[i+n] == 't' || text[i+n] == 'T') && (i+n+1 == len(text) || notWordByte(text, i+n+1)) {
			out = append(out, [2]int{i, i + n + 1}) // "'t"
			i += n + 1
			continue
		}
		if notWordRune(c) {
			i += n
			continue
		}
		s := i
		for i < len(text) {
			c, n := runeAt(text, i)
			if c == '-' && i+1 < len(text) && !notWordByte(text, i+1) && i > s {
				i++
				continue
			}
			if notWordRune(c) {
				break
			}
			i += n
		}
		out = append(out, [2]int{s, i})
	}
	return out
}

// quotedAdjacent is adjacent, with an opening quotation mark allowed before b.
func quotedAdjacent(text string, a, b [2]int) bool {
	if adjacent(text, a, b) {
		return true
	}
	gap := strings.TrimLeft(text[a[1]:b[0]], " ")
	return len(gap) < len(text[a[1]:b[0]]) && (gap == "'" || gap == "\"" || gap == "‘" || gap == "“")
}

// articleWord reports whether w is "de", "het" or "'t" in any case.
func articleWord(w string) bool {
	return isArticle(w) || w == "'t" || w == "’t" || w == "'T" || w == "’T"
}

// adjacent reports whether only spaces (and no-break spaces) stand between words a and b.
func adjacent(text string, a, b [2]int) bool {
	return a[1] < b[0] && spaceRun(text, a[1]) == b[0]
}

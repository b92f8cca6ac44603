// Package redact removes what identifies a person from free text: names (listed or not),
// e-mail addresses, social-media handles, Dutch phone numbers, postcodes, BSNs, IBANs,
// dates of birth and street addresses. Each is replaced by a placeholder ("[naam]", "[telefoonnummer]").
//
// Names are found in three ways:
//
//   - Listed names (the respondents' real names and name-like ids, and study.yaml's
//     privacy.names) are matched word by word, case- and diacritic-insensitively (NFC and
//     NFD, "Zoe" = "Zoë"), with a possessive s ("Sannes", "Sanne's"). The parts of a
//     person's name are redacted alone as well ("Daan", "Jansen"), a privacy.names entry's
//     too; an organisation's name (privacy.organisations, or a privacy.names entry that
//     looks like one, see organisationLike: "Het Baken") matches as a whole phrase
//     only, never "het".
//   - Unlisted names: a capitalised word that is a given name or surname in the embedded
//     lists (names/NOTICE) is a name, unless it is a kept word (codebook, partner, role,
//     municipality) or a function word (Dan, Ben, Mei). A name that is also a Dutch word
//     ("Roos", "Visser", "Bakker") is taken for a name inside a sentence, not inside a
//     capitalised phrase ("Veilig Thuis", "Het Baken"), and at the start of a sentence only
//     when another name part follows ("Roos Bakker").
//   - Cues: a capitalised word after "mevrouw/meneer/juf/meester/Mr./Mrs.", "mijn
//     zoon/dochter", "ik heet", "called" is a name even when no list holds it.
//
// A name runs on over surname prefixes and following name parts ("Sanne de Vries").
// Text in capitals ("IK BEL MET EMMA VISSER") is read as capitalised, with stricter rules
// for names that are also words (names.go, markShouting); a camel-case double name
// ("MarieLouise") and a lower-case surname after a cue ("meneer van dijk") are names; a
// word that runs a listed name together with initials or digits ("jaydenvdb") is an
// account (cued.go, with numbers after their name and short dates of birth).
//
// Patterns are checked on their own terms: a BSN by the eleven-test, an IBAN of any
// country by its length and ISO 13616 checksum, a phone number by its digits (ten from
// 0, or +31/0031 and nine), whatever the separators; a date is a date of birth near
// "geboren"/"geb."/"born" or right after a name (a file "Emma Visser_12-03-2008.txt").
//
// Written by hand: no maintained Go library redacts Dutch text (the maintained tools,
// such as deduce, are Python), and the patterns are small enough to own and test.
package redact

import (
	"strings"
	"unicode/utf8"
)

// Kind is what a span identifies.
type Kind string

// The kinds of identifying detail.
const (
	Name     Kind = "name"
	Email    Kind = "email"
	Phone    Kind = "phone"
	Postcode Kind = "postcode"
	BSN      Kind = "bsn"
	IBAN     Kind = "iban"
	Birth    Kind = "birth"
	Address  Kind = "address"
	Handle   Kind = "handle" // a social-media account: "@daan_vd_berg2009", "snap daanvdb"
	Number   Kind = "number" // a student, client or case number after its name: "leerlingnummer 204518"
)

// Span is an identifying detail at bytes [Start, End) of a text.
type Span struct {
	Start, End int
	Kind       Kind
}

var placeholderText = map[string]map[Kind]string{
	"nl": {Name: "[naam]", Email: "[e-mail]", Phone: "[telefoonnummer]", Postcode: "[postcode]", BSN: "[BSN]", IBAN: "[IBAN]", Birth: "[geboortedatum]", Address: "[adres]", Handle: "[account]", Number: "[nummer]"},
	"en": {Name: "[name]", Email: "[e-mail]", Phone: "[phone number]", Postcode: "[postcode]", BSN: "[BSN]", IBAN: "[IBAN]", Birth: "[date of birth]", Address: "[address]", Handle: "[account]", Number: "[number]"},
}

// Options configures a Redactor.
type Options struct {
	// People are the names of persons: respondents' real names and ids that are names.
	// Each is redacted whole and part by part.
	People []string
	// Names are further names (study.yaml privacy.names): a person's name is redacted
	// whole and part by part, like People; an entry that looks like an organisation's
	// name (see organisationLike) as a whole phrase only.
	Names []string
	// Organisations are names redacted as a whole phrase only, capitalised as written
	// where they have several words (study.yaml privacy.organisations: "Het Baken").
	Organisations []string
	// Keep are words never taken for an unlisted name: codebook, partner, role and
	// municipality words. Each entry may hold several words.
	Keep []string
	// Lang is the placeholders' language, nl or en.
	Lang string
	// ListedOnly turns off the search for unlisted names.
	ListedOnly bool
	// Anchors are the words a person's name is glued to in a label ("JW_Bakker",
	// "Bergdorp_deVries"): role abbreviations and group values (glued_anchored.go).
	// Unlike Keep they do not stop a word from being a name ("Jo" of JO).
	Anchors []string
	// Respondents are the respondents' ids that file names are searched for, shown
	// there as "[respondent]" (paths_ids.go).
	Respondents []string
}

// Redactor removes identifying details from text; it is safe for concurrent use.
type Redactor struct {
	names        *names
	keep         map[string]bool
	placeholders map[Kind]string
	unlisted     bool
	anchors      map[string]bool
	ids          map[string]bool // the respondents' ids, by idKey (paths_ids.go)
	idLen        int             // the longest of them, in bytes
	pets         map[string]bool // pet forms of the listed names (pet_forms.go)
	// only090Schools leaves out the school rules added after 0.9.0 (capitals, "op de"):
	// the tests measure what they add.
	only090Schools bool
}

// idWords are words that make up test ids and speaker labels: never a part of a
// person's name on their own. A respondent id "R_test" is redacted whole, but its part
// "test" was redacted alone as a name too, so that "test response" in a message became
// "[naam] response"; "Speaker 1 Anna" keeps Anna as a part, not Speaker.
var idWords = map[string]bool{
	"test": true, "tests": true, "testing": true, "demo": true, "dummy": true, "proef": true,
	"voorbeeld": true, "example": true, "sample": true, "pilot": true, "preview": true,
	"admin": true, "user": true, "gebruiker": true, "respondent": true, "resp": true,
	"deelnemer": true, "participant": true, "anoniem": true, "anonymous": true,
	"onbekend": true, "onbekende": true, "unknown": true, "speaker": true, "spreker": true,
	"interviewer": true, "interviewee": true, "onderzoeker": true, "moderator": true,
}

// New returns a Redactor for opt.
func New(opt Options) *Redactor {
	ph := placeholderText[opt.Lang]
	if ph == nil {
		ph = placeholderText["nl"]
	}
	r := &Redactor{names: newNames(len(opt.People) + len(opt.Names)), keep: map[string]bool{}, placeholders: ph, unlisted: !opt.ListedOnly}
	l := lex()
	for _, p := range opt.People {
		words := wordsOf(p)
		if len(words) == 0 {
			continue
		}
		r.names.add(p, len(words) == 1 && common(fold(words[0])))
		// The parts of a name, not of an id with digits ("Response 12" is no "Response").
		if len(words) > 1 && !hasDigit(p) {
			for _, w := range words {
				f := fold(w)
				if utf8.RuneCountInString(f) < 2 || prefixes[f] || l.function[f] || idWords[f] {
					continue
				}
				r.names.add(w, common(f))
			}
		}
	}
	for _, n := range opt.Names {
		words := strings.FieldsFunc(n, notWordRune)
		if len(words) == 0 {
			continue
		}
		if organisationLike(words) {
			r.addOrganisation(n, words)
			continue
		}
		// A person's name ("Qwyntje Zorblat", "Jayden van der Berg"): whole and part by
		// part, like a respondent's, since a young person is mostly called by the given
		// name alone and the lists lack the rare names.
		r.names.add(n, allCommon(words))
		if len(words) > 1 {
			for _, w := range words {
				f := fold(w)
				if utf8.RuneCountInString(f) < 2 || prefixes[f] || l.function[f] {
					continue
				}
				r.names.add(w, common(f))
			}
		}
	}
	for _, n := range opt.Organisations {
		if words := strings.FieldsFunc(n, notWordRune); len(words) > 0 {
			r.addOrganisation(n, words)
		}
	}
	r.names.sort()
	r.pets = petForms(opt.People, opt.Names) // pet_forms.go
	r.anchors = anchorSet(opt.Anchors)       // glued_anchored.go
	r.addIDs(opt.Respondents)                // paths_ids.go
	for _, k := range opt.Keep {
		for _, w := range strings.FieldsFunc(k, notWordRune) {
			r.keep[fold(w)] = true
		}
	}
	return r
}

// addOrganisation lists an organisation's name ("Het Baken", "De Regenboog") as a whole
// phrase: multi-word, it matches only as written capitalised, so "het baken" stays.
func (r *Redactor) addOrganisation(n string, words []string) {
	r.names.add(n, allCommon(words) || len(words) > 1 && !allNames(words))
}

// organisationLike reports whether a privacy.names entry is an organisation's name rather
// than a person's: it has a digit or a function word other than a surname prefix ("Rots
// en Water"), it starts with an article and is no surname ("Het Baken", "De Wissel", not
// "De Vries"), or a word is or ends in an institution's word ("Veilig Thuis", "Mondriaan
// College", "Basisschool De Regenboog", not "Vlokhuis"). "Roos Bakker" and "Qwyntje
// Zorblat" are persons. The word lists know names, not Dutch at large, so this looks at
// the words an organisation's name is made of; privacy.organisations lists the others.
func organisationLike(words []string) bool {
	l := lex()
	if len(words) > 1 {
		if f := fold(words[0]); f == "het" || f == "t" || f == "the" || f == "de" && !allSurnames(words[1:]) {
			return true
		}
	}
	for _, w := range words {
		f := fold(w)
		if hasDigit(f) || !prefixes[f] && l.function[f] && !l.isName(f) || institutionWord[f] {
			return true
		}
		for _, suffix := range institutionSuffixes {
			if strings.HasSuffix(f, suffix) {
				return true
			}
		}
	}
	return false
}

// institutionWord and institutionSuffixes make a name an organisation's.
var (
	institutionWord = map[string]bool{"huis": true, "thuis": true, "zorg": true, "team": true, "club": true,
		"kerk": true, "moskee": true, "groep": true, "dienst": true, "bureau": true, "raad": true,
		"ziekenhuis": true, "buurthuis": true, "jeugdhuis": true, "wijkteam": true, "bv": true, "nv": true}
	institutionSuffixes = []string{"school", "college", "lyceum", "atheneum", "gymnasium", "academie",
		"centrum", "center", "stichting", "vereniging", "instituut", "kliniek", "praktijk", "opvang"}
)

// allSurnames reports whether every word but the surname prefixes is a surname in the lists.
func allSurnames(words []string) bool {
	for _, w := range words {
		if f := fold(w); !prefixes[f] && !lex().surname[f] {
			return false
		}
	}
	return true
}

// allNames reports whether every word but the surname prefixes is a given name or surname.
func allNames(words []string) bool {
	for _, w := range words {
		if f := fold(w); !prefixes[f] && !lex().isName(f) {
			return false
		}
	}
	return true
}

func allCommon(words []string) bool {
	for _, w := range words {
		if !common(fold(w)) {
			return false
		}
	}
	return true
}

// Find returns the identifying spans of text, in order, not overlapping.
func (r *Redactor) Find(text string) []Span {
	if text == "" {
		return nil
	}
	spans, dates := findPatterns(text)
	spelledEmailStart(text, spans) // chat_names.go
	spans = append(spans, findNames(text, r.names, r.keep, r.unlisted)...)
	spans = append(spans, findHandles(text, r.keep)...)
	spans = append(spans, findProfileURLs(text, r.names)...)                     // profile_urls.go
	spans = append(spans, findGluedNames(text, r.names)...)                      // names_glued.go
	spans = append(spans, r.findGluedAnchored(text)...)                          // glued_anchored.go
	spans = append(spans, r.findSchools(text)...)                                // schools.go
	spans = append(spans, r.findInitials(text)...)                               // initials.go
	spans = append(spans, findAddresses(text, r.keep)...)                        // addresses.go
	spans = append(spans, findDiminutives(text, r.names, r.keep, r.unlisted)...) // diminutives.go
	spans = append(spans, r.findPetForms(text)...)                               // pet_forms.go
	spans = append(spans, findSpoken(text)...)                                   // spoken.go
	spans = append(spans, r.findChatLowerNames(text)...)                         // chat_lower.go
	spans = append(spans, r.findGluedStudyNames(text)...)                        // names_glued_words.go
	if r.unlisted {
		spans = append(spans, r.findNameForms(text)...)             // names_forms.go
		spans = append(spans, findApostropheNames(text, r.keep)...) // apostrophe_names.go
		spans = append(spans, findChatNames(text, r.keep)...)       // chat_names.go
		spans = append(spans, findUnlistedHandles(text, r.keep)...) // handles_unlisted.go
		spans = append(spans, findDigitHandles(text, r.keep)...)    // handles_digits.go
	}
	// Overlapping details of one kind, or a name in an e-mail address, become one span;
	// a pattern inside another (a postcode in a phone number) is dropped: mergeSpans.
	out := mergeSpans(spans)
	out = initialAfterName(text, initialDot(text, out)) // initialDot: initials.go; initialAfterName: names_forms.go
	return birthAfterName(text, out, dates)
}

// birthAfterName marks a full date right after a name (only spaces, dashes or
// underscores between) as a date of birth: "Emma Visser_12-03-2008.txt".
func birthAfterName(text string, spans []Span, dates [][]int) []Span {
	if len(dates) == 0 {
		return spans
	}
	var out []Span
	for i, s := range spans {
		out = append(out, s)
		if s.Kind != Name {
			continue
		}
		for _, d := range dates {
			between := text[s.End:max(s.End, d[0])]
			if d[0] >= s.End && strings.Trim(between, " _-") == "" && len(between) <= 3 && (i+1 >= len(spans) || spans[i+1].Start >= d[1]) {
				out = append(out, Span{d[0], d[1], Birth})
			}
		}
	}
	return out
}

// Redact returns text with every identifying detail replaced by its placeholder.
func (r *Redactor) Redact(text string) string {
	out, _ := r.RedactMapped(text)
	return out
}

// RedactMapped is Redact, with the map from offsets in text to offsets in the result.
func (r *Redactor) RedactMapped(text string) (string, Map) {
	text = blankControls(text)
	spans := r.Find(text)
	if len(spans) == 0 {
		return text, Map{}
	}
	var b strings.Builder
	var m Map
	last, from, to := 0, 0, 0 // bytes in text; code points in text and in the result
	for _, s := range spans {
		gap := utf8.RuneCountInString(text[last:s.Start])
		from += gap
		to += gap
		b.WriteString(text[last:s.Start])
		ph := r.placeholders[s.Kind]
		b.WriteString(ph)
		n, p := utf8.RuneCountInString(text[s.Start:s.End]), utf8.RuneCountInString(ph)
		m.edits = append(m.edits, edit{from, from + n, to, to + p})
		from += n
		to += p
		last = s.End
	}
	b.WriteString(text[last:])
	return b.String(), m
}

// Map takes code point offsets in a text to offsets in its redacted form.
type Map struct{ edits []edit }

// edit is a replaced range: [from, to) of the text became [newFrom, newTo).
type edit struct{ from, to, newFrom, newTo int }

// Range returns the range [start, end) of the text (code points, end exclusive) in the
// redacted text: a bound inside a replaced detail moves to the placeholder's edge, so
// the range covers the whole placeholder.
func (m Map) Range(start, end int) (int, int) {
	return m.at(start, false), m.at(end, true)
}

func (m Map) at(p int, end bool) int {
	delta := 0
	for _, e := range m.edits {
		switch {
		case !end && p >= e.from && p < e.to:
			return e.newFrom
		case end && p > e.from && p < e.to:
			return e.newTo
		case p >= e.to:
			delta = e.newTo - e.to
		default:
			return p + delta
		}
	}
	return p + delta
}

// blankControls replaces the control characters of text but tab, line feed and carriage
// return (C0 and DEL: a vertical tab from a Word line break, a bell, an ESC that starts a
// terminal's colour codes) by spaces: one byte for one, so every offset stays. Published
// text goes through Redact, and a control character has no place in a CSV file read in a
// terminal, in HTML or in Markdown (attack 16: "\x1b[31m" reached report.html).
func blankControls(text string) string {
	i := 0
	for ; i < len(text); i++ {
		if c := text[i]; c < 0x20 && c != '\t' && c != '\n' && c != '\r' || c == 0x7f {
			break
		}
	}
	if i == len(text) {
		return text
	}
	b := []byte(text)
	for ; i < len(b); i++ {
		if c := b[i]; c < 0x20 && c != '\t' && c != '\n' && c != '\r' || c == 0x7f {
			b[i] = ' '
		}
	}
	return string(b)
}

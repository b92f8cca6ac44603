package redact

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// Names as chats and WhatsApp quotes write them, which the rules for capitalised text
// miss (attack 15b, F11):
//
//   - a single word in capitals inside an ordinary sentence ("Ik zag ANOUK op de markt",
//     "ANOUKS fiets", "TIMO'S jas"): a given name from the lists of four letters or
//     more (three-letter words in capitals are mostly acronyms: SID, ROC) that is no
//     Dutch word, function word, place, kept word or acronym of the
//     youth domain; runs of three words in capitals are markShouting's;
//   - a speaker in lower case at the start of a chat line, after an optional time
//     ("[14:02] jayden: ik kom zo", "jayden: ok"): a given name from the lists that is
//     no Dutch or function word, right before a colon.
func findChatNames(text string, keep map[string]bool) []Span {
	var out []Span
	l := lex()
	nameOK := func(f string) bool {
		return utf8.RuneCountInString(f) >= 3 && l.given[f] && !l.word[f] && !l.function[f] && !l.place[f] && !keep[f] && !acronyms[f]
	}
	line := true // at the start of a line (past a time stamp)
	for i := 0; i < len(text); {
		if c := text[i]; c >= 'a' && c <= 'z' && !line {
			for i < len(text) && (text[i] >= 'a' && text[i] <= 'z' || text[i] >= 0x80) {
				i++ // a word in lower case, in a line: neither rule reads it
			}
			for i < len(text) && text[i] >= 0x80 && !utf8.RuneStart(text[i]) {
				i++
			}
			continue
		}
		if c := text[i]; c < 0x80 && !(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z') {
			if c == '\n' || c == '\r' {
				line = true
			} else if line && !(strings.IndexByte(" \t[]:-.\"'>*", c) >= 0 || c >= '0' && c <= '9') {
				line = false
			}
			i++
			continue
		}
		r, n := utf8.DecodeRuneInString(text[i:])
		if !unicode.IsLetter(r) {
			if r == '\n' || r == '\r' {
				line = true
			} else if line && !(strings.ContainsRune(" \t[]:-.\"'>*", r) || unicode.IsDigit(r)) {
				line = false
			}
			i += n
			continue
		}
		s := i
		for i < len(text) {
			r, n := utf8.DecodeRuneInString(text[i:])
			if !unicode.IsLetter(r) && !unicode.Is(unicode.Mn, r) {
				break
			}
			i += n
		}
		w := text[s:i]
		atLine := line
		line = false
		if i < len(text) && isDigit(text[i]) || s > 0 && isDigit(text[s-1]) {
			continue
		}
		switch {
		case atLine && i < len(text) && text[i] == ':' && !unicode.IsUpper(r0(w)) && nameOK(fold(w)):
			out = append(out, Span{s, i, Name}) // "[14:02] jayden:"
		case len(w) >= 4 && unicode.IsUpper(r0(w)) && utf8.RuneCountInString(w) >= 4 && allUpper(w) && !shoutedNeighbour(text, s, i):
			f := fold(w) // only here: fold allocates for a word with capitals
			e := i
			if strings.HasPrefix(text[i:], "'S") || strings.HasPrefix(text[i:], "’S") {
				e += len(text[i:]) - len(strings.TrimLeft(text[i:], "'’")) + 1
			}
			if nameOK(f) || strings.HasSuffix(f, "s") && nameOK(f[:len(f)-1]) {
				out = append(out, Span{s, e, Name})
			}
		}
	}
	return out
}

func r0(w string) rune {
	r, _ := utf8.DecodeRuneInString(w)
	return r
}

// shoutedNeighbour reports whether the word at [s, e) has a word in capitals of two
// letters or more right before or after it: part of a run in capitals, where the rules
// for capitals (markShouting) decide.
func shoutedNeighbour(text string, s, e int) bool {
	caps := func(w string) bool {
		return utf8.RuneCountInString(w) >= 2 && allUpper(w) && strings.IndexFunc(w, unicode.IsLetter) >= 0
	}
	before := strings.TrimRight(text[:s], " \t")
	if k := strings.LastIndexFunc(before, notWordRune); caps(before[k+1:]) && len(before) < s {
		return true
	}
	after := strings.TrimLeft(text[e:], " \t")
	if k := strings.IndexFunc(after, notWordRune); k != 0 && len(after) < len(text)-e {
		if k < 0 {
			k = len(after)
		}
		return caps(after[:k])
	}
	return false
}

// acronyms are abbreviations of the youth domain and schooling written in capitals that
// the given-name lists also hold.
var acronyms = map[string]bool{"roc": true, "mbo": true, "hbo": true, "vwo": true, "havo": true, "vmbo": true,
	"ggd": true, "ggz": true, "jgz": true, "cjg": true, "mdo": true, "zat": true, "azc": true, "coa": true,
	"wmo": true, "bso": true, "pgb": true, "adhd": true, "ass": true, "avg": true, "ict": true, "app": true,
	"ova": true, "ama": true, "eva": false, "nova": true, "ida": true, "nina": false, "lea": false, "ben": true}

// spelledEmailStart moves the start of each e-mail span back over the words of a
// local part spelled out with "punt"/"dot" ("jayden punt devries at gmail punt com":
// 0.9.0 began the span at "devries" and published "jayden").
func spelledEmailStart(text string, spans []Span) {
	for k, s := range spans {
		if s.Kind != Email {
			continue
		}
		start := s.Start
		for {
			before := text[:start]
			trimmed := strings.TrimRight(before, " ")
			lower := strings.ToLower(trimmed)
			var dot string
			for _, d := range []string{"punt", "dot", "[punt]", "(punt)", "[dot]", "(dot)"} {
				if strings.HasSuffix(lower, d) && (len(lower) == len(d) || lower[len(lower)-len(d)-1] == ' ') {
					dot = d
					break
				}
			}
			if dot == "" || len(trimmed) == len(before) {
				break
			}
			w := strings.TrimRight(trimmed[:len(trimmed)-len(dot)], " ")
			p := len(w)
			for p > 0 && localPart(w[p-1]) {
				p--
			}
			if p == len(w) || len(w) == len(trimmed)-len(dot) {
				break
			}
			start = p
		}
		spans[k].Start = start
	}
}

package redact

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// Names in lower case in chat text ("ja ik zei tegen jamal dat het niet kon"), which the
// rules for names (a capital, a cue, a speaker before a colon) left whole (privacy
// leftovers of 0.10.0). Chat text is a stretch between stops (. ! ? : a line break, a
// quotation mark, a square bracket) of three words or more with no capital letter at
// all: an ordinary sentence starts with one, and a clause after ";" or in brackets is
// part of it ("Ik denk ...; je komt elkaar tegen bij de bakker"). In it a word is a name
// where it is
//
//   - a one-word name the study lists (a respondent's, a speaker's, privacy.names, or a
//     part of one), also where it is a Dutch word that elsewhere counts only
//     capitalised, if it is a given name ("roos", "bas" for a listed Roos, Bas): the
//     study knows a person of that name, and a chat about them writes it so; a surname
//     part that is a word and no given name ("bakker", "bos", "visser") only
//     capitalised, as before;
//   - a given name from the lists of three letters or more that is no Dutch word
//     (OpenTaal's list: "roos", "mark", "bas", "kim" stay), function word, surname
//     prefix, place, kept word, acronym or English word of chatEnglish.
//
// A possessive goes with the name ("jamals", "jamal's"), "s" glued on only to a name of
// four letters or more that is no word ("this" is no Thi's, "marks" no Mark's). A word glued to digits, "_", "@" or a dot with letters after it is left to the rules
// for handles and hosts. A surname in lower case goes with the name too
// (chatSurnameAfter: "lotte de vries", "ayoub bakkali"), and in a stretch with capitals
// the lower-case words are looked at as well, where a name must be no word of the
// dictionary at all ("Ik sprak met mohamed bouali"; an attack on 0.12's privacy found
// both published).
func (r *Redactor) findChatLowerNames(text string) []Span {
	var out []Span
	var words [][2]int // the words of a stretch, reused from stretch to stretch
	l := lex()
	for s := 0; s < len(text); {
		e := s
		caps := false
		for e < len(text) {
			if b := text[e]; b < utf8.RuneSelf {
				if chatStopByte[b] {
					break
				}
				caps = caps || 'A' <= b && b <= 'Z'
				e++
				continue
			}
			c, n := utf8.DecodeRuneInString(text[e:])
			if chatStop(c) {
				break
			}
			caps = caps || unicode.IsUpper(c)
			e += n
		}
		if e > s {
			out, words = r.chatUnitNames(text, s, e, l, out, caps, words[:0])
		}
		_, n := 0, 1
		if e < len(text) {
			_, n = runeAt(text, e)
		}
		s = e + n
	}
	return out
}

// chatStopByte holds chatStop's ASCII runes.
var chatStopByte = func() (t [utf8.RuneSelf]bool) {
	for c := range rune(utf8.RuneSelf) {
		t[c] = chatStop(c)
	}
	return t
}()

// chatStop reports whether c ends a stretch of chat text.
func chatStop(c rune) bool {
	switch c {
	case '.', '!', '?', ':', '\n', '\r', '"', '“', '”', '„', '«', '»', '[', ']', '\t':
		return true
	}
	return false
}

// chatUnitNames appends the names in the stretch text[s:e] to out: every word where the
// stretch holds no capital, the words in lower case otherwise (caps). words is room for
// the stretch's words, returned for the next stretch.
func (r *Redactor) chatUnitNames(text string, s, e int, l *lexicon, out []Span, caps bool, words [][2]int) ([]Span, [][2]int) {
	// A stretch with capitals is looked at only where a word in lower case may be a name:
	// most sentences hold none, and their words are not listed.
	if caps && !r.lowerCandidate(text, s, e, l) {
		return out, words
	}
	for i := s; i < e; {
		ws, we := nextLetters(text, i, e)
		if ws == we {
			break
		}
		words = append(words, [2]int{ws, we})
		i = we
	}
	if len(words) < 3 {
		return out, words
	}
	for wi := 0; wi < len(words); wi++ {
		w := words[wi]
		if w[0] > 0 && gluedByte(text[w[0]-1]) || w[1] < len(text) && (gluedByte(text[w[1]]) || text[w[1]] == '.' && w[1]+1 < len(text) && isLetterAt(text, w[1]+1)) {
			continue // "jayy_09", "anna.docx"
		}
		word := text[w[0]:w[1]]
		if utf8.RuneCountInString(word) < 3 {
			continue
		}
		if caps {
			if c, _ := utf8.DecodeRuneInString(word); !unicode.IsLower(c) {
				continue // a capitalised word: names.go's
			}
		}
		f := fold(word)
		e := w[1]
		if strings.HasPrefix(text[e:], "'s") || strings.HasPrefix(text[e:], "’s") {
			if k := e + len(text[e:]) - len(strings.TrimLeft(text[e:], "'’")) + 1; k == len(text) || notWordByte(text, k) {
				e = k // "jamal's"
			}
		}
		switch {
		case r.chatName(f, l):
		case len(f) > 4 && f[len(f)-1] == 's' && !l.given[f] && !l.word[f] && !sWords[f] && !l.word[f[:len(f)-1]] && r.chatName(f[:len(f)-1], l):
			// "jamals fiets"
		default:
			continue
		}
		if caps && (common(f) || l.dutchWord(f)) {
			// in a sentence with capitals, a name in lower case is no word at all ("Ik
			// sprak met mohamed"; "Een merel zat" stays, though a Merel is listed)
			continue
		}
		if e == w[1] {
			if k, end := chatSurnameAfter(text, words, wi, l); k > wi {
				wi, e = k, end // "lotte de vries", "yusuf el amrani", "ayoub bakkali"
			}
		}
		out = append(out, Span{w[0], e, Name})
	}
	return out, words
}

// chatSurnameAfter returns the last word of a surname written in lower case after the
// name words[i] in chat text, and its end ("lotte de vries", "sanne van dijk", "yusuf el
// amrani", "daan sijbrandij", "ayoub bakkali"; an attack on 0.12's privacy found each
// published as "[naam] de vries"): after surname prefixes, a surname the lists write
// after them or a word that is no Dutch word; without a prefix, a surname of the lists
// that is no Dutch word, or an unlisted word of five letters or more that is no Dutch,
// function or English word. It returns i where none follows; words must be one space
// apart.
func chatSurnameAfter(text string, words [][2]int, i int, l *lexicon) (int, int) {
	j, prefix, surnamePrefixed := i+1, "", false
	// words one or more spaces apart, or a hyphen ("el-amrani"; a review of the rule)
	apart := func(j int) bool {
		gap := text[words[j-1][1]:words[j][0]]
		return strings.Trim(gap, " ") == "" || gap == "-" && prefix != ""
	}
	for ; j < len(words) && apart(j); j++ {
		f := fold(text[words[j][0]:words[j][1]])
		if prefixes[f] && j+1 < len(words) {
			prefix = f
			surnamePrefixed = surnamePrefixed || realSurnamePrefix[f]
			continue
		}
		if gluedByte(text[words[j][0]-1]) || words[j][1] < len(text) && gluedByte(text[words[j][1]]) {
			return i, 0
		}
		plain := !l.word[f] && !dictWord(f) && !l.compound(f) && !l.function[f] && !prefixes[f] && !l.place[f] && !chatEnglish[f] && !acronyms[f] && !dutchFunction[f]
		switch {
		case prefix != "" && (l.prefixed[prefix+" "+f] || plain && utf8.RuneCountInString(f) >= 3 || surnamePrefixed && l.surname[f]):
		case prefix == "" && plain && (l.surname[f] && utf8.RuneCountInString(f) >= 3 || utf8.RuneCountInString(f) >= 5):
		default:
			return i, 0
		}
		// a double surname: "van der meer-bos"
		if k := j + 1; k < len(words) && text[words[j][1]:words[k][0]] == "-" && l.surname[fold(text[words[k][0]:words[k][1]])] {
			j = k
		}
		return j, words[j][1]
	}
	return i, 0
}

// realSurnamePrefix are the prefixes that come before a surname only, after which a
// surname of the lists that is also a word is one ("sophie vd berg", "van dijk"); "in",
// "op" and "de" alone also start a phrase ("jamal in de klas").
var realSurnamePrefix = map[string]bool{"van": true, "vd": true, "ter": true, "ten": true, "den": true, "der": true,
	"el": true, "al": true, "von": true, "du": true, "dos": true, "da": true}

// nextLetters returns the first word of letters (and marks) in text[i:e], as its start
// and end; start == end where there is none.
func nextLetters(text string, i, e int) (int, int) {
	for i < e {
		c, n := runeAt(text, i)
		if unicode.IsLetter(c) {
			break
		}
		i += n
	}
	ws := i
	for i < e {
		c, n := runeAt(text, i)
		if !unicode.IsLetter(c) && !unicode.Is(unicode.Mn, c) {
			break
		}
		i += n
	}
	return ws, i
}

// lowerCandidate reports whether text[s:e] holds a word in lower case of three letters
// or more that chatName takes, alone or with a possessive s.
func (r *Redactor) lowerCandidate(text string, s, e int, l *lexicon) bool {
	for i := s; i < e; {
		ws, we := nextLetters(text, i, e)
		if ws == we {
			return false
		}
		i = we
		if c, _ := utf8.DecodeRuneInString(text[ws:]); !unicode.IsLower(c) || we-ws < 3 {
			continue
		}
		if f := fold(text[ws:we]); r.chatName(f, l) || len(f) > 4 && f[len(f)-1] == 's' && r.chatName(f[:len(f)-1], l) {
			return true
		}
	}
	return false
}

// chatName reports whether the folded word is a name in chat text (see above).
func (r *Redactor) chatName(f string, l *lexicon) bool {
	return r.names.single(f) && !idWords[f] && (!common(f) || l.given[f]) ||
		r.unlisted && l.given[f] && !l.word[f] && !l.function[f] && !prefixes[f] && !l.place[f] && !r.keep[f] && !acronyms[f] && !dutchFunction[f] && !chatEnglish[f] && !chatSpeech[f]
}

// chatSpeech are words of speech that the given-name lists hold and the word lists lack
// ("AVG enzo": en zo), and "nan" (a value that is not a number).
var chatSpeech = map[string]bool{"enzo": true, "ofzo": true, "enso": true, "nan": true}

// sWords are the Dutch words (Debian's wdutch) that end in "s" after a given name of
// the lists that is no word: "brits", "jeans", "sinas" are no possessive of Brit, Jean
// or Sina.
var sWords = map[string]bool{"allons": true, "ambras": true, "brits": true, "charitas": true, "jeans": true,
	"judas": true, "kaats": true, "mais": true, "malus": true, "natalis": true, "noes": true, "peis": true,
	"rabies": true, "sinas": true, "trens": true, "abdis": true}

// gluedByte: a byte that glues a word into a handle or a number.
func gluedByte(c byte) bool { return isDigit(c) || c == '_' || c == '@' || c == '/' }

// chatEnglish are the English words that the given-name lists hold and that no Dutch
// word list does (so OpenTaal's list lets them through): read from the 207 lower-case
// words of Debian's wamerican that are given names of three letters or more and no
// Dutch word, keeping as names those a chat writes as names (john, tom, mike, martin,
// sander, robin, jasper, ...).
var chatEnglish = map[string]bool{}

func init() {
	for _, w := range strings.Fields(`abbey age akin alpha ate august basil berry bill blessing boas brain buck
		carry cars charity cherish cherry chuck cilia clay cliff crystal dale dawn deacon deny desire
		destiny dewy dick dicky din divine done duke dusty ebony eke else eve faith fares farina feline
		fem fer floor ginger glen grace griffin guy hale harm hazel heather heaven heavenly hero hilly
		hind holly hung ids ivy jay jelly jetty jewel joy justice kicky kitty lard laurel lean lien lily
		line lode lone lore luck lute mace mas marry merit meta mete miles misty moon moos nail nine
		ocean pearl pebbles precious prince princess prosper ran randy ravish ray ridge river rocky
		rosemary rowdy saber said semi shade shady shah shun silver sin sky sue summer sunny tamer
		taro ties tine ting tiny toke tuna valentine vanity wail wander ward wick wing yaw yip`) {
		chatEnglish[w] = true
	}
}

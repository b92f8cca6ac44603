package redact

import (
	"bufio"
	"embed"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// The name and word lists, with their licences in names/NOTICE.
//
//go:embed names/*.txt
var lists embed.FS

// lexicon holds the embedded lists, every entry folded (see fold).
type lexicon struct {
	given    map[string]bool // given names (Sanne, Daan, Busra)
	surname  map[string]bool // the words of surnames, prefixes left out (jansen, vries, amrani)
	word     map[string]bool // Dutch words spelled like a name (roos, visser, bakker)
	function map[string]bool // function words, months, days that are also names (dan, ben, mei)
	place    map[string]bool // places, countries, feasts and apps that are also surnames
	// prefixed holds the surnames of the lists that are written with a prefix, as their
	// last prefix and first word after it: "de vries", "den berg" (van den Berg), "ter
	// haar" (person_nouns.go).
	prefixed map[string]bool
	// prefixedTop holds those of the thousand commonest surnames (familienamen-top1000):
	// at a sentence's start, where "De Linde" and "De Hoop" are as often a school or an
	// organisation, only these are taken ("De Jong", "De Vries", "De Boer").
	prefixedTop map[string]bool
	// class holds every word of the maps above, of prefixes, surnamePrefix and cueIndex
	// with its wordClass bits: findNames looks a token up once (tokenize), not in each
	// map it asks about.
	class map[string]wordClass
}

// wordClass tells the lists a folded word is in, a bit per list.
type wordClass uint8

const (
	classGiven         wordClass = 1 << iota // lexicon.given
	classSurname                             // lexicon.surname
	classWord                                // lexicon.word
	classFunction                            // lexicon.function
	classPlace                               // lexicon.place
	classPrefix                              // prefixes
	classSurnamePrefix                       // surnamePrefix
	classCue                                 // a key of cueIndex: the first word of a cue
)

// classes returns the class map of l's lists.
func (l *lexicon) classes() map[string]wordClass {
	m := make(map[string]wordClass, len(l.given)+len(l.surname)+len(l.word)+len(l.function)+len(l.place))
	for _, x := range []struct {
		words map[string]bool
		c     wordClass
	}{{l.given, classGiven}, {l.surname, classSurname}, {l.word, classWord}, {l.function, classFunction},
		{l.place, classPlace}, {prefixes, classPrefix}, {surnamePrefix, classSurnamePrefix}} {
		for w, in := range x.words {
			if in {
				m[w] |= x.c
			}
		}
	}
	for w := range cueIndex {
		m[w] |= classCue
	}
	return m
}

// prefixes are the lower-case parts of Dutch (and Arabic, Romance) surnames that come before
// the capitalised part: "de Vries", "van der Meer", "van 't Hof", "El Amrani".
var prefixes = map[string]bool{
	"van": true, "de": true, "der": true, "den": true, "het": true, "t": true, "ter": true,
	"ten": true, "te": true, "in": true, "op": true, "el": true, "al": true, "la": true,
	"le": true, "du": true, "da": true, "dos": true, "das": true, "di": true, "del": true,
	"von": true, "s": true, "vd": true,
}

var lex = sync.OnceValue(loadLexicon)

// Preload reads the embedded name lists on a goroutine of its own, so that the first New
// finds them read: a run starts it before it reads its inputs, on the core the reading
// leaves free (the lists take some 20 ms of CPU to read).
func Preload() { go lex() }

func loadLexicon() *lexicon {
	l := &lexicon{given: map[string]bool{}, surname: map[string]bool{}, word: map[string]bool{}, function: map[string]bool{}, place: map[string]bool{}, prefixed: map[string]bool{}}
	l.prefixedTop = map[string]bool{}
	prefixedInto := l.prefixed
	read := func(file string, into map[string]bool, skipPrefixes bool) {
		f, err := lists.Open("names/" + file)
		if err != nil {
			panic("redact: embedded list missing: " + file) // a build without the lists is broken
		}
		defer f.Close()
		sc := bufio.NewScanner(f)
		for sc.Scan() {
			prefix := ""
			for _, w := range strings.FieldsFunc(sc.Text(), notWordRune) {
				w = fold(w)
				if skipPrefixes && prefixes[w] {
					prefix = w
					continue
				}
				if skipPrefixes && prefix != "" {
					l.prefixed[prefix+" "+w] = true
					prefixedInto[prefix+" "+w] = true
					prefix = ""
				}
				if utf8.RuneCountInString(w) < 2 {
					continue
				}
				into[w] = true
			}
		}
	}
	read("voornamen.txt", l.given, false)
	read("firstnames.txt", l.given, false)
	read("lastnames.txt", l.surname, true)
	prefixedInto = l.prefixedTop
	read("familienamen-top1000.txt", l.surname, true)
	prefixedInto = l.prefixed
	read("woorden.txt", l.word, false)
	read("functiewoorden.txt", l.function, false)
	read("plaatsen.txt", l.place, false)
	l.class = l.classes()
	return l
}

// isName reports whether the folded word is a given name or the word of a surname.
func (l *lexicon) isName(w string) bool { return l.given[w] || l.surname[w] }

// fold returns s in lower case without diacritics, in NFC's letters: "Zoë", "Zoe\u0308"
// (NFD) and "ZOE" all fold to "zoe", "Büşra" to "busra". Letters that Unicode does not
// decompose are mapped by hand where a name list spells them otherwise (ı, ø, ß, æ, ł).
func fold(s string) string {
	ascii := true
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			ascii = false
			break
		}
	}
	if ascii {
		return strings.ToLower(s)
	}
	var b strings.Builder
	for _, c := range norm.NFD.String(s) {
		switch {
		case unicode.Is(unicode.Mn, c):
		case c == 'ı':
			b.WriteByte('i')
		case c == 'ø' || c == 'Ø':
			b.WriteByte('o')
		case c == 'ß':
			b.WriteString("ss")
		case c == 'æ' || c == 'Æ':
			b.WriteString("ae")
		case c == 'ł' || c == 'Ł':
			b.WriteByte('l')
		default:
			b.WriteRune(unicode.ToLower(c))
		}
	}
	return b.String()
}

// notWordRune reports whether c separates words: words are runs of letters, digits and
// combining marks (so an NFD "Zoë" is one word).
func notWordRune(c rune) bool {
	if c < utf8.RuneSelf {
		return !('a' <= c|0x20 && c|0x20 <= 'z' || '0' <= c && c <= '9')
	}
	return !unicode.IsLetter(c) && !unicode.IsDigit(c) && !unicode.Is(unicode.Mn, c)
}

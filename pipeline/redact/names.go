package redact

import (
	"sort"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"
)

// token is a word of the text: a run of letters, digits and combining marks.
type token struct {
	start, end int       // bytes in the text
	fold       string    // folded (see fold)
	cap        bool      // starts with an upper-case letter (and is no acronym: OT, MDO)
	sentence   bool      // first word of a sentence, a line, a quote or a path part
	shout      bool      // in a run of words written in capitals ("KORTE LIJNEN MET DAAN"), see markShouting
	sep        string    // the text between the previous token and this one
	class      wordClass // the lists fold is in (lexicon.class)
}

// in reports whether the token's fold is in one of the lists of c.
func (t token) in(c wordClass) bool { return t.class&c != 0 }

// tokenize returns the words of text, appended to toks[:0].
func tokenize(text string, toks []token) []token {
	toks = toks[:0]
	class := lex().class
	start := -1
	last := 0
	emit := func(end int) {
		r, _ := utf8.DecodeRuneInString(text[start:])
		sep := text[last:start]
		w := text[start:end]
		t := token{start: start, end: end, fold: fold(w), cap: unicode.IsUpper(r) && (utf8.RuneCountInString(w) == 1 || !allUpper(w)), sep: sep}
		t.class = class[t.fold]
		// Most words follow a single space, which starts no sentence: the set of
		// sentence marks, with its non-ASCII runes, is searched only otherwise.
		if len(toks) == 0 {
			t.sentence = true
		} else if sep != " " {
			trimmed := strings.TrimSpace(sep)
			t.sentence = strings.ContainsAny(sep, ".!?…:;\n\"“”‘(/\\_•*>[") ||
				(trimmed == "-" || trimmed == "–" || trimmed == "—") && trimmed != sep
		}
		toks = append(toks, t)
		last = end
		start = -1
	}
	for i, c := range text {
		if notWordRune(c) {
			if start >= 0 {
				emit(i)
			}
		} else if start < 0 {
			start = i
		}
	}
	if start >= 0 {
		emit(len(text))
	}
	markShouting(text, toks)
	return toks
}

// markShouting marks the words of text written in capitals as capitalised (and shout):
// a text typed with caps lock ("IK BEL MET EMMA VISSER") writes names in capitals as
// well, where elsewhere a word in capitals is an acronym (OT, MDO, GGZ) and no name. A
// word counts when it is in a run of at least three words in capitals (two or more
// letters each, or a single letter between them), or when every word of the text with
// two or more letters is in capitals and there are at least two.
func markShouting(text string, toks []token) {
	// most texts have no two ASCII capitals in a row: nothing to mark (a word in
	// capitals has them but for one of a letter and non-ASCII capitals alone: "IJ", "ÉÉN")
	pair := false
	for i := 1; i < len(text) && !pair; i++ {
		c, p := text[i], text[i-1]
		pair = c >= 'A' && c <= 'Z' && p >= 'A' && p <= 'Z'
	}
	if !pair {
		return
	}
	upper := func(t token) bool {
		w := text[t.start:t.end]
		return utf8.RuneCountInString(w) >= 1 && allUpper(w) && strings.IndexFunc(w, unicode.IsLetter) >= 0
	}
	long := func(t token) bool { return utf8.RuneCountInString(text[t.start:t.end]) >= 2 }
	words, caps := 0, 0
	for _, t := range toks {
		if long(t) && strings.IndexFunc(text[t.start:t.end], unicode.IsLetter) >= 0 {
			words++
			if upper(t) {
				caps++
			}
		}
	}
	all := words >= 2 && caps == words
	for i := 0; i < len(toks); {
		if !upper(toks[i]) {
			i++
			continue
		}
		j := i
		for j < len(toks) && upper(toks[j]) {
			j++
		}
		if all || j-i >= 3 {
			for k := i; k < j; k++ {
				toks[k].cap, toks[k].shout = true, true
			}
		}
		i = j
	}
}

// camelName reports whether a word with a capital inside is made of given names or
// surnames ("MarieLouise", "JanWillem"), none of them a Dutch word.
func camelName(w string, l *lexicon) bool {
	part := func(p string) bool {
		f := fold(p)
		return utf8.RuneCountInString(f) >= 2 && l.isName(f) && !l.word[f] && !l.function[f]
	}
	start, parts := 0, 0
	prevLower := false
	for i, c := range w {
		if unicode.IsUpper(c) && prevLower {
			if !part(w[start:i]) {
				return false
			}
			start, parts = i, parts+1
		}
		prevLower = unicode.IsLower(c)
	}
	return parts > 0 && part(w[start:])
}

// allUpper reports whether strings.ToUpper(w) == w, without making the upper-case copy:
// a word is runs of letters, digits and marks, valid UTF-8, so it is its own upper case
// where every code point is.
func allUpper(w string) bool {
	for _, r := range w {
		if unicode.ToUpper(r) != r {
			return false
		}
	}
	return true
}

// tokenBufs holds token slices for reuse from text to text (a national study redacts
// 50,000 segments; growing a slice of tokens for each was half of tokenize).
var tokenBufs = sync.Pool{New: func() any { return new([]token) }}

// entry is a listed name as folded words; capOnly entries match only where the text
// capitalises the words the list capitalises (the name is also a Dutch word: "Roos").
type entry struct {
	words   []string
	caps    []bool
	capOnly bool
}

// names is the listed names, by first folded word, longest first.
type names struct {
	by     map[string][]entry
	seen   map[string]int  // the words joined → index in by[first word]
	starts map[string]bool // the first three bytes of each one-word name (listedPrefixed)
	// joined caches joinedNames (names_glued.go), made once the names are all added.
	joinedOnce sync.Once
	joined     []string
	joinedSet  map[string]bool
	// trigrams caches starts of ASCII lower-case letters as a bit set (names_glued_words.go).
	trigramsOnce sync.Once
	trigrams     []uint64
}

// newNames returns an empty list with room for about n names: a national survey's
// respondent ids are 100,000 names, and maps grown to that size one split at a time
// were rehashed some fifteen times over.
func newNames(n int) *names {
	return &names{by: make(map[string][]entry, n), seen: make(map[string]int, n), starts: map[string]bool{}}
}

func (n *names) add(name string, capOnly bool) {
	var e entry
	words := wordsOf(name)
	e.words, e.caps = make([]string, len(words)), make([]bool, len(words))
	for i, w := range words {
		r, _ := utf8.DecodeRuneInString(w)
		e.words[i], e.caps[i] = fold(w), unicode.IsUpper(r)
	}
	if len(e.words) == 0 {
		return
	}
	key, all := e.words[0], strings.Join(e.words, " ")
	if utf8.RuneCountInString(all) < 2 {
		return
	}
	e.capOnly = capOnly
	if i, ok := n.seen[all]; ok {
		if !capOnly {
			n.by[key][i].capOnly = false
		}
		return
	}
	n.seen[all] = len(n.by[key])
	n.by[key] = append(n.by[key], e)
	if len(e.words) == 1 && len(key) >= 3 {
		n.starts[key[:3]] = true
	}
}

// wordsOf is strings.FieldsFunc(s, notWordRune), without building a list for a name of
// ASCII letters and digits alone (a national survey's respondent ids: E000123).
func wordsOf(s string) []string {
	for i := 0; i < len(s); i++ {
		c := s[i]
		if !('a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9') {
			return strings.FieldsFunc(s, notWordRune)
		}
	}
	if s == "" {
		return nil
	}
	return []string{s}
}

// single reports whether the folded word is a listed name of one word.
func (n *names) single(w string) bool {
	for _, e := range n.by[w] {
		if len(e.words) == 1 {
			return true
		}
	}
	return false
}

// sort puts each first word's names longest first (after the last add).
func (n *names) sort() {
	n.seen = nil
	for _, list := range n.by {
		sort.SliceStable(list, func(i, j int) bool { return len(list[i].words) > len(list[j].words) })
	}
}

// common reports whether a folded word is also an ordinary word, so that a name made of
// it is matched only where the text capitalises it.
func common(w string) bool {
	l := lex()
	return l.word[w] || l.function[w] || prefixes[w]
}

// match returns how many tokens from i a listed name covers (0 for none). The last word
// may carry a possessive s ("Sannes"); words must be joined by spaces, hyphens, dots or
// underscores only ("Daan Jansen", "Daan_Jansen", not "Daan, Jansen").
func (n *names) match(toks []token, i int) int {
	try := func(key string, possessive bool) int {
		for _, e := range n.by[key] {
			k := len(e.words)
			if i+k > len(toks) {
				continue
			}
			ok := true
			for j := 0; j < k && ok; j++ {
				t := toks[i+j]
				w := t.fold
				if j == k-1 && possessive {
					w = strings.TrimSuffix(w, "s")
				}
				// A name that is also a word matches where the text capitalises it, and
				// in capitals, where every word is, only as a phrase or after a surname
				// prefix ("DE VISSER AAN DE KADE" is ambiguous, "ROOS VISSER" and "MET DE
				// VRIES" are not).
				capsOK := t.cap && (!t.shout || k > 1 || i > 0 && prefixes[toks[i-1].fold] && joined(t.sep))
				ok = w == e.words[j] && (j == 0 || joined(t.sep)) && (!e.capOnly || !e.caps[j] || capsOK)
			}
			if ok {
				return k
			}
		}
		return 0
	}
	t := toks[i]
	if len(n.by[t.fold]) > 0 { // most words start no listed name
		if k := try(t.fold, false); k > 0 {
			return k
		}
		if k := try(t.fold, true); k > 0 {
			return k
		}
	}
	if strings.HasSuffix(t.fold, "s") && utf8.RuneCountInString(t.fold) > 3 {
		if k := try(strings.TrimSuffix(t.fold, "s"), true); k == 1 {
			return 1
		}
	}
	return 0
}

func joined(sep string) bool {
	return sep != "" && strings.Trim(sep, " \u00a0\t-_.") == "" && strings.Count(sep, ".") <= 1
}

// joinedTok is joined for token t's separator, and also a space and an apostrophe
// before the prefix 't ("van 't Hek", "in 't Veld": attack 16p, F15).
func joinedTok(t token) bool {
	if joined(t.sep) {
		return true
	}
	if t.fold != "t" {
		return false
	}
	q := strings.TrimLeft(t.sep, " \u00a0")
	return q != t.sep && (q == "'" || q == "’")
}

// cues are the words after which a capitalised word is a name: titles and forms of
// address, family words, and "heet"/"called". Each is a sequence of folded words.
var cues = [][]string{
	{"mevrouw"}, {"mevr"}, {"mw"}, {"meneer"}, {"mijnheer"}, {"dhr"}, {"juf"}, {"juffrouw"},
	{"meester"}, {"mr"}, {"mrs"}, {"ms"}, {"miss"}, {"mister"}, {"dr"}, {"drs"}, {"prof"}, {"ir"}, {"zr"},
	{"zoon"}, {"dochter"}, {"zoontje"}, {"dochtertje"}, {"broer"}, {"broertje"}, {"zus"}, {"zusje"},
	{"neef"}, {"nichtje"}, {"vriend"}, {"vriendin"}, {"vriendje"}, {"vriendinnetje"}, {"collega"},
	{"moeder"}, {"vader"}, {"son"}, {"daughter"}, {"brother"}, {"sister"}, {"friend"}, {"colleague"},
	{"heet"}, {"heette"}, {"genaamd"}, {"noemen", "we"}, {"called"}, {"named"}, {"name", "is"},
	{"naam", "is"}, {"bijnaam"}, {"jongere"}, {"leerling"}, {"cliënt"}, {"client"},
	{"familie"}, {"fam"},
	{"interview"}, {"gesprek"}, {"transcript"}, {"transcriptie"}, {"respondent"}, {"deelnemer"},
	// attack 16p, F07, F05: nicknames, and a name after a form's label ("Naam: Stino")
	{"bijnaam", "is"}, {"roepnaam"}, {"roepnaam", "is"}, {"straatnaam", "is"}, {"naam"}, {"voornaam"}, // naam, voornaam: labels only (labelOnly)
	{"heet", "hij"}, {"heet", "ze"}, {"heet", "zij"}, {"heette", "hij"}, {"heette", "ze"},
	{"noemen", "ze", "hem"}, {"noemen", "ze", "haar"}, {"noemen", "we", "hem"}, {"noemen", "we", "haar"},
}

// labelCues are the cues that may stand before a name with a colon, as a form writes
// them ("Naam: Stino", "Roepnaam: Stino"); a transcript's speaker label ("Respondent:
// Tekst ...", "Leerling: Wiskunde vind ik leuk") is no such label. labelOnly are the
// cues that count only so: "de naam Jeugdzorg" is no name.
var (
	labelCues = map[string]bool{"naam": true, "voornaam": true, "roepnaam": true, "bijnaam": true}
	labelOnly = map[string]bool{"naam": true, "voornaam": true}
)

// surnamePrefix holds the prefixes that a surname written alone keeps ("de Vries").
var surnamePrefix = map[string]bool{"van": true, "de": true, "der": true, "den": true, "ter": true, "ten": true, "t": true, "el": true}

// abbreviation holds the cues that are written with a full stop ("Mr. Jansen").
var abbreviation = map[string]bool{"mevr": true, "mw": true, "dhr": true, "mr": true, "mrs": true, "ms": true, "dr": true,
	"drs": true, "prof": true, "ir": true, "zr": true}

// cueIndex holds the cues by their first (folded) word.
var cueIndex = func() map[string][][]string {
	m := map[string][][]string{}
	for _, c := range cues {
		f := make([]string, len(c))
		for i, w := range c {
			f[i] = fold(w)
		}
		m[f[0]] = append(m[f[0]], f)
	}
	// The longest cue first: "bijnaam is" before "bijnaam".
	for _, list := range m {
		sort.SliceStable(list, func(i, j int) bool { return len(list[i]) > len(list[j]) })
	}
	return m
}()

// cueAt returns how many tokens from i a cue covers.
func cueAt(toks []token, i int) int {
	if !toks[i].in(classCue) { // most words start no cue
		return 0
	}
	for _, c := range cueIndex[toks[i].fold] {
		if i+len(c) > len(toks) {
			continue
		}
		ok := true
		for j := 1; j < len(c) && ok; j++ {
			ok = toks[i+j].fold == c[j] && (joined(toks[i+j].sep) || toks[i+j].sep == " ")
		}
		if ok {
			return len(c)
		}
	}
	return 0
}

// findNames returns the spans of names in text: listed names first, then names nobody
// listed, found from the name lists and from cues. keep holds folded words that are never
// taken for an unlisted name (codebook, partner, role and municipality words).
func findNames(text string, listed *names, keep map[string]bool, unlisted bool) []Span {
	buf := tokenBufs.Get().(*[]token)
	toks := tokenize(text, *buf)
	defer func() {
		clear(toks) // let go of the text
		*buf = toks[:0]
		tokenBufs.Put(buf)
	}()
	if len(toks) == 0 {
		return nil
	}
	l := lex()
	var out []Span
	// placeholder reports whether t is the word of a placeholder ("[naam]"), so that
	// redacting twice changes nothing; "[Daan]" is no placeholder.
	placeholder := func(t token) bool {
		return t.start > 0 && text[t.start-1] == '[' && t.end < len(text) && text[t.end] == ']' &&
			placeholderWords[text[t.start:t.end]]
	}
	// namePart reports whether token j can continue a name: a capitalised word that is a
	// surname or given name, or any capitalised word that is no common or kept word.
	namePart := func(j int) bool {
		t := toks[j]
		// In capitals every word is capitalised: only a name from the lists continues one.
		return t.cap && !keep[t.fold] && (!t.in(classFunction) || surnameAfterPrefix(toks, j, l)) && !t.in(classPlace) && !placeholder(t) && !hasDigit(t.fold) &&
			(t.in(classGiven|classSurname) && !(t.shout && t.in(classWord)) || !t.in(classWord) && !t.shout)
	}
	// extend grows a name from token k over prefixes and following name parts.
	extend := func(k int) int {
		end := k
		for j := k + 1; j < len(toks); j++ {
			if !joinedTok(toks[j]) || strings.Contains(toks[j].sep, ".") {
				break
			}
			if toks[j].in(classPrefix) {
				continue
			}
			if namePart(j) {
				end = j
				continue
			}
			break
		}
		return end
	}
	emit := func(from, to int) int {
		// a surname's lower-case prefixes before it: "de Vries", "van der Meer"
		if toks[from].in(classSurname) {
			// Dutch capitalises the first prefix of a surname written without a given name
			// ("Van Leeuwen", "De Vries"), so the prefix may be capitalised.
			for from > 0 && toks[from-1].in(classSurnamePrefix) && joinedTok(toks[from]) {
				from--
			}
		}
		if unlisted {
			from = givenBefore(toks, from, keep, l, placeholder) // given_before.go
		}
		s, e := toks[from].start, toks[to].end
		// possessive: "Sanne's", "Sanne’s"
		for _, p := range []string{"'s", "’s", "'S", "’S"} {
			if strings.HasPrefix(text[e:], p) && (e+len(p) == len(text) || notWordByte(text, e+len(p))) {
				e += len(p)
			}
		}
		if len(out) > 0 && out[len(out)-1].End >= s {
			out[len(out)-1].End = max(e, out[len(out)-1].End)
		} else {
			out = append(out, Span{s, e, Name})
		}
		return to
	}
	for i := 0; i < len(toks); i++ {
		t := toks[i]
		if placeholder(t) {
			continue
		}
		if k := listed.match(toks, i); k > 0 {
			i = emit(i, i+k-1)
			continue
		}
		if hasDigit(t.fold) || !t.cap {
			if listedPrefixed(t.fold, listed) {
				out = append(out, Span{t.start, t.end, Handle}) // "jaydenvdb", "jayden2009"
				continue
			}
		}
		if !unlisted {
			continue
		}
		if k := cueAt(toks, i); k > 0 && i+k < len(toks) {
			j := i + k
			for j < len(toks) && toks[j].in(classPrefix) && (toks[j].cap || j > i+k) && j+1 < len(toks) && (toks[j+1].cap || toks[j+1].in(classPrefix)) {
				j++ // "mevrouw De Vries", "mevrouw Van der Meer"
			}
			sep := toks[i+k].sep
			// in capitals, a name from the lists after a cue ("MENEER MULDER")
			shoutName := j < len(toks) && toks[j].shout && utf8.RuneCountInString(toks[j].fold) >= 3 && !keep[toks[j].fold] &&
				!l.function[toks[j].fold] && !l.place[toks[j].fold] && !hasDigit(toks[j].fold) && l.isName(toks[j].fold) && !subjectVerb[toks[j].fold] &&
				!institutionWord[toks[j].fold] &&
				// past a prefix that is an article, a word the lists write after it only
				// where it ends the phrase: "MIJN MOEDER DE OUDE TELEFOON", "JUF DE GOEDE
				// ANTWOORDEN" are objects (a review of the capitals rules)
				!(j > i+k && articlePrefix[toks[j-1].fold] && j-1 == i+k && !(l.prefixedTop[toks[j-1].fold+" "+toks[j].fold] && phraseEnds(toks, j, l)))
			cue := toks[i+k-1].fold
			label := labelCues[cue] && strings.TrimSpace(sep) == ":" && strings.HasSuffix(sep, " ")
			cued := label || joined(sep) && !(labelOnly[cue] && k == 1)
			if j < len(toks) && (namePart(j) || shoutName) && cued && (!strings.Contains(sep, ".") || abbreviation[cue]) {
				from := i + k
				i = emit(from, extend(j))
				continue
			}
		}
		if t.cap && !l.isName(t.fold) && !keep[t.fold] && camelName(text[t.start:t.end], l) {
			i = emit(i, extend(i)) // "MarieLouise"
			continue
		}
		if k := lowerAfterCue(toks, i, l, keep); k > 0 {
			i = emit(i, k)
			continue
		}
		if afterPersonNoun(toks, i, l, keep) { // "Mentor Winter", "TANTE VISSER": person_nouns.go
			i = emit(i, extend(i))
			continue
		}
		if !t.cap || keep[t.fold] || t.in(classFunction|classPlace) || hasDigit(t.fold) || !l.isName(possessiveStem(t.fold, l)) {
			continue
		}
		if t.shout {
			// In capitals every word is capitalised and an acronym looks like a short
			// name ("OT"): a name of three letters or more is a name, but one that is
			// also a word ("VISSER", "PETER", "GELD") only beside another name part
			// ("EMMA VISSER", "ROOS BAKKER"), since the case no longer tells the noun.
			if utf8.RuneCountInString(t.fold) < 3 {
				continue
			}
			if l.word[possessiveStem(t.fold, l)] {
				after := extend(i) > i
				p := i - 1 // the word before, past surname prefixes ("JAYDEN VAN DER BERG")
				for p > 0 && prefixes[toks[p].fold] && joined(toks[p+1].sep) {
					p--
				}
				before := p >= 0 && joined(t.sep) && len(out) > 0 && out[len(out)-1].End == toks[p].end
				verb := l.given[t.fold] && i+1 < len(toks) && subjectVerb[toks[i+1].fold] && joined(toks[i+1].sep)
				if !after && !before && !verb {
					continue
				}
				if before && !after {
					// one name with the part before: "SANNE DE VRIES"
					out[len(out)-1].End = toks[i].end
					continue
				}
			}
			i = emit(i, extend(i))
			continue
		}
		if !l.word[possessiveStem(t.fold, l)] {
			// a name in the lists and no Dutch word: a name wherever it is capitalised
			i = emit(i, extend(i))
			continue
		}
		// A listed surname with its prefix capitalised ("met De Vries", "Voogd De Boer",
		// and at a sentence's start one of the commonest, "De Jong belde", where the
		// article's capital explains "De" but not "Jong": startName),
		// or any after a role and a capitalised prefix ("Pleegmoeder Ten Bos"): a name,
		// not a phrase such as "Het Baken" (person_nouns.go).
		if i > 0 && !t.sentence && joined(t.sep) && toks[i-1].cap && toks[i-1].in(classSurnamePrefix) && !institutionWord[t.fold] && // "De Raad voor de Kinderbescherming"
			(l.prefixed[toks[i-1].fold+" "+t.fold] && !toks[i-1].sentence || l.prefixedTop[toks[i-1].fold+" "+t.fold] && startName(toks, i, l) ||
				i > 1 && joined(toks[i-1].sep) && toks[i-2].cap && personNoun(toks[i-2].fold)) &&
			!(i > 1 && joined(toks[i-1].sep) && institutionLike(toks[i-2].fold)) { // "Jongerencentrum De Brug"
			i = emit(i, extend(i))
			continue
		}
		// A name that is also a word ("Roos", "Visser"): a name inside a sentence, unless
		// it is part of a capitalised phrase (an organisation: "Het Baken", "Veilig
		// Thuis"); at the start of a sentence only when a name part follows ("Roos Bakker").
		prevCap := i > 0 && joined(t.sep) && toks[i-1].cap && !l.isName(toks[i-1].fold) && !personNoun(toks[i-1].fold) && // person_nouns.go
			(!toks[i-1].sentence || toks[i-1].fold == "het" || toks[i-1].fold == "de" || toks[i-1].fold == "t") &&
			givenBefore(toks, i, keep, l, placeholder) == i // "met Gurbe Bos": an unlisted given name, no phrase
		if t.sentence {
			if e := extend(i); e > i || i+1 < len(toks) && subjectVerb[toks[i+1].fold] && joined(toks[i+1].sep) || withPerson(toks, i) || withRole(text, toks, i) || afterWhoQuestion(toks, i) {
				i = emit(i, e)
			}
			continue
		}
		// "een Bakker", "het 'Baken'", not "a) Visser": a list's letter is no English article
		if i > 0 && determiner[toks[i-1].fold] && !toks[i-1].cap && !(toks[i-1].fold == "a" && strings.Contains(t.sep, ")")) {
			continue // "het Rijk", "een Bakker": a noun
		}
		// an organisation: a word and an institution's word ("Sterk Huis", "Samen Zorg")
		org := i+1 < len(toks) && toks[i+1].cap && joined(toks[i+1].sep) && institutionWord[toks[i+1].fold]
		if !prevCap && !org && !(i+1 < len(toks) && toks[i+1].cap && joined(toks[i+1].sep) && !l.isName(toks[i+1].fold)) {
			i = emit(i, extend(i))
		}
	}
	return out
}

// startName reports whether token i, a common surname after its capitalised prefix at a
// sentence's start, is a name there: not in a heading of capitalised words ("De Weg Naar
// Huis") nor before a number ("De Weg 2"), unless the capitalised word after it is an
// initial or a name ("De Vries J. belde", "De Vries Jan belde": a review of the rule).
func startName(toks []token, i int, l *lexicon) bool {
	if i+1 >= len(toks) || !joined(toks[i+1].sep) {
		return true
	}
	n := toks[i+1]
	switch {
	case hasDigit(n.fold):
		return false
	case n.cap:
		return utf8.RuneCountInString(n.fold) == 1 || l.given[n.fold]
	}
	return true
}

// lowerAfterCue returns the last token of a surname written in lower case right after a
// cue ("meneer van dijk", "familie van der berg", "mevrouw jansen"): surname prefixes and
// a surname from the lists, which, where it is also a Dutch word, must follow a prefix.
// It returns 0 where there is none; i is the first token after the cue.
func lowerAfterCue(toks []token, i int, l *lexicon, keep map[string]bool) int {
	if i == 0 || toks[i].cap || !toks[i].in(classSurnamePrefix|classSurname) || !joined(toks[i].sep) || strings.Contains(toks[i].sep, ".") {
		return 0
	}
	k := cueBefore(toks, i)
	if k == 0 {
		return 0
	}
	// A surname that is also a word follows only a prefix that does not end in an
	// article: "van dijk", "van der berg", not "van de winkel" or "de bakker".
	j, namePrefix := i, false
	for j < len(toks) && toks[j].in(classSurnamePrefix) && j+1 < len(toks) && joined(toks[j+1].sep) {
		namePrefix = toks[j].fold != "de"
		j++
	}
	t := toks[j]
	f := t.fold
	if j > i && !joined(t.sep) || !t.in(classSurname) || keep[f] || t.in(classFunction) && !(namePrefix && t.cap) || t.in(classPlace) || institutionWord[f] || t.in(classWord) && !namePrefix {
		return 0
	}
	return j
}

// cueBefore reports whether a cue ends right before token i (its length, 0 for none).
func cueBefore(toks []token, i int) int {
	for n := 1; n <= 2 && n <= i; n++ {
		if k := cueAt(toks, i-n); k == n {
			return k
		}
	}
	return 0
}

// withPerson reports whether token i, a name that is also a word at a sentence's start,
// is followed by "en", a personal pronoun and a plural verb or the clause's end ("Roos en
// ik gingen", "2. Mulder en ik kennen", "Bakker en hij belden", "Visser en ik."): the
// subject of a sentence with two people. A one-word answer before "en" takes a singular
// verb ("Snel en ik werd geholpen", "Vlot en hij belde terug"), and "we" and "wij" take a
// plural one either way ("Vlot en we hadden korte lijnen"), so these count only at the
// clause's end; so does "zijn" or "haar" and a person ("Bakker en zijn collega"). A
// person noun ("Vader en ik"), an institution's word or a function word is no name there.
func withPerson(toks []token, i int) bool {
	t := toks[i]
	if i+2 >= len(toks) || personNoun(t.fold) || institutionWord[t.fold] || t.in(classFunction) ||
		toks[i+1].fold != "en" || toks[i+1].cap || strings.Trim(toks[i+1].sep, " \u00a0") != "" || strings.Trim(toks[i+2].sep, " \u00a0") != "" {
		return false
	}
	pronoun := toks[i+2].fold
	// "Bakker en zijn collega kwamen langs", "Visser en haar team": a third person's
	// possessive and a person after it (a review found it left)
	if (pronoun == "zijn" || pronoun == "haar") && i+3 < len(toks) && strings.Trim(toks[i+3].sep, " \u00a0") == "" &&
		(personNoun(toks[i+3].fold) || possessedPerson[toks[i+3].fold]) {
		return true
	}
	if !subjectPronoun[pronoun] {
		return false
	}
	if i+3 >= len(toks) || strings.ContainsAny(toks[i+3].sep, ",.;:!?") {
		return true // the clause ends after the pronoun
	}
	if pronoun == "we" || pronoun == "wij" {
		return false
	}
	v := toks[i+3].fold
	return strings.Trim(toks[i+3].sep, " \u00a0") == "" && (len(v) > 3 && strings.HasSuffix(v, "en") || v == "gaan" || v == "staan" || v == "zijn")
}

// withRole reports whether token i, a name that is also a word at a sentence's start, is
// followed by a person's role in brackets or as an apposition between commas ("Roos
// (wijkagent) belt mij", "Visser (de wijkagent)", "Visser, de nieuwe wijkagent, belt",
// "Bakker, onze jongerenwerker."): a word with its role is a person. A word before a
// comma and a sentence that goes on ("Snel, de wijkagent was er binnen tien minuten"),
// an institution's word ("School, de mentor en ik") and a function word are no name.
func withRole(text string, toks []token, i int) bool {
	t := toks[i]
	if i+1 >= len(toks) || institutionWord[t.fold] || t.in(classFunction) || personNoun(t.fold) {
		return false
	}
	open := strings.Trim(toks[i+1].sep, " \u00a0")
	if open != "(" && open != "," {
		return false
	}
	// the role, after at most two words in lower case ("de", "onze nieuwe")
	r := i + 1
	for n := 0; n < 2 && r+1 < len(toks) && !personNoun(toks[r].fold) && !toks[r].cap && strings.Trim(toks[r+1].sep, " \u00a0") == ""; n++ {
		r++
	}
	if !personNoun(toks[r].fold) || toks[r].cap {
		return false
	}
	// The role may go on to its place or team before it closes ("wijkagent Bergdorp",
	// "wijkagent in de wijk", "de wijkagent van hier"), not into a sentence ("Snel, de
	// wijkagent was er, ...").
	for n := 0; n < 4 && r+1 < len(toks) && strings.Trim(toks[r+1].sep, " \u00a0") == ""; n++ {
		next := toks[r+1]
		if !next.cap && !roleGoesOn[next.fold] && !(toks[r].fold == "de" || toks[r].fold == "het") {
			break
		}
		r++
	}
	last := r+1 >= len(toks)
	after := strings.TrimSpace(text[toks[r].end:]) // what closes the role
	if !last {
		after = strings.TrimSpace(toks[r+1].sep)
	}
	if open == "(" {
		return strings.HasPrefix(after, ")")
	}
	return last && after == "" || strings.HasPrefix(after, ",") || strings.HasPrefix(after, ".") || strings.HasPrefix(after, ";")
}

// roleGoesOn holds the words that carry a role on to its place ("van hier", "in de wijk").
var roleGoesOn = map[string]bool{"van": true, "in": true, "bij": true, "uit": true, "op": true, "voor": true, "de": true, "het": true,
	"der": true, "den": true, "hier": true, "daar": true, "onze": true, "ons": true, "mijn": true, "school": true, "wijk": true, "buurt": true, "team": true}

// afterWhoQuestion reports whether token i, a name that is also a word at a sentence's
// start, is the short answer to a question that asks who, in the same text, right after
// its question mark or a speaker's label ("Wie bel je dan? Visser.", "I: Met wie werk je
// samen? R: Roos, meestal.", "Wie? Visser of Roos"): the answer to "wie" is a person. The
// question starts with "wie" (after a preposition: "met wie", "bij wie") and is not "wie
// weet?"; the answer is the word alone, before a comma, a full stop, "of" or "en" ("Wie
// weet? Klein beginnen helpt" and "Weet je wie dat regelt? Kort gezegd: niemand" stay).
// An institution's word ("Bij wie kun je terecht? School.") or a function word is no
// name there.
func afterWhoQuestion(toks []token, i int) bool {
	t := toks[i]
	if i == 0 || institutionWord[t.fold] || t.in(classFunction) || personNoun(t.fold) {
		return false
	}
	if i+1 < len(toks) {
		next := toks[i+1]
		if !strings.ContainsAny(next.sep, ",.;!?") && !(joined(next.sep) && (next.fold == "of" || next.fold == "en" || answerAdverb[next.fold])) {
			return false
		}
	}
	end := i - 1 // the question's last word
	if !strings.Contains(t.sep, "?") {
		// a speaker's label between: "? R: Visser"
		if i < 2 || !strings.Contains(t.sep, ":") || !strings.Contains(toks[i-1].sep, "?") {
			return false
		}
		end = i - 2
	}
	start := end // the question's first word
	for start > 0 && !toks[start].sentence && end-start < 30 {
		start--
	}
	if !toks[start].sentence {
		return false
	}
	w := start
	if whoPreposition[toks[w].fold] && w < end {
		w++
	}
	return toks[w].fold == "wie" && !(w+1 == end && toks[end].fold == "weet")
}

// answerAdverb holds the words that follow a short answer ("Visser denk ik", "Roos
// meestal, soms Bakker").
var answerAdverb = map[string]bool{"denk": true, "natuurlijk": true, "meestal": true, "vooral": true, "eigenlijk": true, "altijd": true,
	"vaak": true, "toch": true, "gewoon": true, "meteen": true, "eerst": true}

// whoPreposition holds the prepositions before "wie" at a question's start.
var whoPreposition = map[string]bool{"met": true, "bij": true, "naar": true, "aan": true, "voor": true, "van": true, "op": true, "door": true}

// possessedPerson holds the people besides personNoun's that "zijn" or "haar" give a
// person ("Visser en zijn vrouw", "Bakker en haar collega's", "Mulder en zijn team").
var possessedPerson = map[string]bool{"collega": true, "collegas": true, "collega's": true, "vrouw": true, "man": true,
	"partner": true, "team": true, "kinderen": true, "ouders": true, "gezin": true}

// subjectPronoun holds the pronouns that make a word before "en" a person (withPerson).
var subjectPronoun = map[string]bool{"ik": true, "jij": true, "hij": true, "zij": true, "wij": true, "we": true}

// subjectVerb holds finite verbs that follow a person as the subject of a sentence
// ("Peter belde", "Kim kwam"); the copulas are left out: "Roos is een bloem".
var subjectVerb = map[string]bool{}

func init() {
	for _, w := range strings.Fields(`zei zegt belde belt kwam komt ging gaat had heeft vond vindt
		vertelde vertelt wilde wil wist weet deed doet zat zit werkt werkte woont woonde speelt speelde
		liep loopt stuurde stuurt vroeg vraagt schreef schrijft appte appt mailde mailt kreeg krijgt
		moest moet mocht mag kon kan zag ziet hoorde hoort dacht denkt bleef blijft kwamen gingen
		heb hebben gaf reageerde reageert regelde meldde meldt sprak spreekt antwoordde antwoordt nam pakte stelde`) {
		subjectVerb[w] = true
	}
}

// determiner holds the lower-case words before a noun that never come before a name.
var determiner = map[string]bool{"het": true, "een": true, "deze": true,
	"onze": true, "ons": true, "mijn": true, "jouw": true, "zijn": true, "haar": true, "hun": true, "elke": true, "ieder": true, "iedere": true, "the": true, "a": true}

// placeholderWords are the words of the placeholders.
var placeholderWords = map[string]bool{}

func init() {
	for _, ph := range placeholderText {
		for _, p := range ph {
			for _, w := range strings.FieldsFunc(p, notWordRune) {
				placeholderWords[w] = true
			}
		}
	}
}

// possessiveStem returns w without a possessive s where only the stem is a name
// ("sannes" → "sanne").
func possessiveStem(w string, l *lexicon) string {
	if l.isName(w) || !strings.HasSuffix(w, "s") || utf8.RuneCountInString(w) < 4 {
		return w
	}
	if s := strings.TrimSuffix(w, "s"); l.given[s] {
		return s
	}
	return w
}

// hasDigit reports whether s holds an ASCII digit (a byte loop: strings.ContainsAny
// builds its byte set on every call, and it is called for most words of every text).
func hasDigit(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= '0' && s[i] <= '9' {
			return true
		}
	}
	return false
}

func notWordByte(text string, i int) bool {
	r, _ := utf8.DecodeRuneInString(text[i:])
	return notWordRune(r)
}

package redact

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// The school patterns of schools.go, scanned by hand: as regular expressions they were
// 0.76 s of a national study's 10 s of CPU (the backtracker tried every capitalised
// word as the start of a name), the scanner reads each word once or a few times. Each
// scanner finds exactly what its expression did (schools_oracle_test.go keeps the
// expressions as the oracle, over every text of the example, the cases, the codebooks'
// fragments and random texts), with the expressions' quirks:
//
//   - a word boundary is an ASCII one, as regexp's \b: "élyceum" holds the word
//     "lyceum", "Collegeé" ends in "College";
//   - case-insensitive words match by Unicode's simple folding, as (?i) did: "ſchool"
//     (long s) and "\u212Ainderen" (Kelvin sign) are "school" and "kinderen";
//   - \s is ASCII white space (tab, newline, form feed, carriage return, space).

// isWordByte reports whether b is a byte of regexp's \w: [0-9A-Za-z_]. A byte of a
// multi-byte rune is none, as no rune beyond ASCII is a word rune for \b.
func isWordByte(b byte) bool { return wordBytes[b] }

var wordBytes = func() (t [256]bool) {
	for b := range 256 {
		t[b] = b == '_' || '0' <= b && b <= '9' || 'a' <= b|0x20 && b|0x20 <= 'z'
	}
	return t
}()

// boundary reports whether \b holds at byte i of text.
func boundary(text string, i int) bool {
	return (i > 0 && wordBytes[text[i-1]]) != (i < len(text) && wordBytes[text[i]])
}

// runeAt decodes the rune at byte i (utf8.RuneError, 1 for a bad byte, as regexp reads
// it). The hot loops write its ASCII case out (a call per byte was a tenth of Find).
func runeAt(text string, i int) (rune, int) {
	if c := text[i]; c < utf8.RuneSelf {
		return rune(c), 1
	}
	return utf8.DecodeRuneInString(text[i:])
}

// foldEq reports whether r equals the lower-case literal rune p under simple case folding.
func foldEq(r, p rune) bool {
	if r == p {
		return true
	}
	if r < utf8.RuneSelf && p < utf8.RuneSelf {
		return 'a' <= p && p <= 'z' && r|0x20 == p
	}
	for f := unicode.SimpleFold(p); f != p; f = unicode.SimpleFold(f) {
		if f == r {
			return true
		}
	}
	return false
}

// foldPrefix returns the end of lit (lower case) matched case-insensitively at byte i, or -1.
func foldPrefix(text string, i int, lit string) int {
	// bytes while both are ASCII: most words differ in their first two letters
	j := 0
	for ; j < len(lit) && i+j < len(text); j++ {
		c, p := text[i+j], lit[j]
		if c >= utf8.RuneSelf || p >= utf8.RuneSelf {
			break
		}
		if c != p && (c|0x20 != p || p < 'a' || p > 'z') {
			return -1
		}
	}
	if j == len(lit) {
		return i + j
	}
	i += j
	for _, p := range lit[j:] {
		if i >= len(text) {
			return -1
		}
		r, n := runeAt(text, i)
		if !foldEq(r, p) {
			return -1
		}
		i += n
	}
	return i
}

// skipWord returns the last byte of the ASCII word run at i (i itself if text[i] is no
// word byte): no \b holds inside the run, so a scan for words moves past it.
func skipWord(text string, i int) int {
	if !isWordByte(text[i]) {
		return i
	}
	for i+1 < len(text) && isWordByte(text[i+1]) {
		i++
	}
	return i
}

// spaceRun returns the end of the run of spaces and no-break spaces at i ([ \x{00a0}]*).
func spaceRun(text string, i int) int {
	for i < len(text) {
		switch {
		case text[i] == ' ':
			i++
		case text[i] == 0xc2 && i+1 < len(text) && text[i+1] == 0xa0:
			i += 2
		default:
			return i
		}
	}
	return i
}

// sepRun returns the end of the run of spaces, no-break spaces and hyphens at i.
func sepRun(text string, i int) int {
	for {
		if j := spaceRun(text, i); j > i {
			i = j
			continue
		}
		if i < len(text) && text[i] == '-' {
			i++
			continue
		}
		return i
	}
}

// whiteRun returns the end of the run of ASCII white space at i (\s*).
func whiteRun(text string, i int) int {
	for i < len(text) {
		switch text[i] {
		case ' ', '\t', '\n', '\f', '\r':
			i++
		default:
			return i
		}
	}
	return i
}

func isNameRune(r rune) bool { return unicode.IsLetter(r) || r == '\'' || r == '’' }

// capWord returns the end of a capitalised word at i (\p{Lu}[\p{L}'’]+), or -1.
func capWord(text string, i int) int {
	if i >= len(text) {
		return -1
	}
	r, n := runeAt(text, i)
	if !unicode.IsUpper(r) {
		return -1
	}
	j := runRunes(text, i+n, isNameRune)
	if j == i+n {
		return -1
	}
	return j
}

// runRunes returns the end of the run of runes from i that satisfy in.
func runRunes(text string, i int, in func(rune) bool) int {
	for i < len(text) {
		r, n := rune(text[i]), 1
		if r >= utf8.RuneSelf {
			r, n = utf8.DecodeRuneInString(text[i:])
		}
		if !in(r) {
			return i
		}
		i += n
	}
	return i
}

// schoolWordsFolded and schoolWordsExact are schoolWordRe's alternatives: a school word
// in any case, an abbreviation in capitals only.
var (
	schoolWordsFolded = []string{"basisschool", "basisscholen", "kindcentrum", "scholengemeenschap", "praktijkschool", "praktijkonderwijs", "mytylschool", "tyltylschool", "daltonschool", "montessorischool", "jenaplanschool", "vrije school", "brede school", "school", "mavo", "vmbo", "havo", "lyceum", "college"}
	schoolWordsExact  = []string{"OBS", "CBS", "RKBS", "PCBS", "SBO", "SO", "VSO", "IKC", "ISK", "SBAO", "ZMLK"}
)

// schoolWordsByFirst holds schoolWordsFolded by the byte a match can start with: the
// first letter in either case, and the first byte of the long s ("ſchool") and of the
// Kelvin sign ("\u212Aindcentrum"); schoolWordsExactByFirst schoolWordsExact by theirs.
var schoolWordsByFirst, schoolWordsExactByFirst = func() (folded, exact [256][]string) {
	for _, w := range schoolWordsFolded {
		for _, b := range firstBytes(w[0]) {
			folded[b] = append(folded[b], w)
		}
	}
	for _, w := range schoolWordsExact {
		exact[w[0]] = append(exact[w[0]], w)
	}
	return folded, exact
}()

// firstBytes returns the bytes a case-insensitive match of a word starting with the
// lower-case ASCII letter c can start with.
func firstBytes(c byte) []byte {
	out := []byte{c, c - 'a' + 'A'}
	for f := unicode.SimpleFold(rune(c)); f != rune(c); f = unicode.SimpleFold(f) {
		if f >= utf8.RuneSelf {
			out = append(out, string(f)[0])
		}
	}
	return out
}

// scanSchoolWords returns the [start, end) of every school word in text, in order and
// not overlapping (schoolWordRe.FindAllStringIndex).
func scanSchoolWords(text string) [][]int {
	var out [][]int
	for i := 0; i < len(text); i++ {
		c := text[i]
		if schoolWordsByFirst[c] == nil && schoolWordsExactByFirst[c] == nil || !boundary(text, i) {
			i = skipWord(text, i)
			continue
		}
		e := -1
		for _, w := range schoolWordsByFirst[c] {
			if e = foldPrefix(text, i, w); e >= 0 && boundary(text, e) {
				break
			}
			e = -1
		}
		if e < 0 {
			for _, w := range schoolWordsExactByFirst[c] {
				if strings.HasPrefix(text[i:], w) && boundary(text, i+len(w)) {
					e = i + len(w)
					break
				}
			}
		}
		if e >= 0 {
			out = append(out, []int{i, e})
			i = e - 1
		}
	}
	return out
}

// schoolArticles and namePrefixes are schoolNameAfterRe's article and the surname
// prefixes between the name's words.
var (
	schoolArticles = []string{"De", "Het", "'t", "de", "het"}
	namePrefixes   = []string{"de ", "het ", "van ", "der ", "den "}
)

// scanNameAfter returns the name right after a school word that ends at byte at: spaces,
// an optional article, then up to three capitalised words (schoolNameAfterRe's group on
// text[at:]); ok is false where there is none.
func scanNameAfter(text string, at int) (start, end int, ok bool) {
	s := spaceRun(text, at)
	if s == at {
		return 0, 0, false
	}
	for _, a := range schoolArticles {
		if strings.HasPrefix(text[s:], a) {
			if k := spaceRun(text, s+len(a)); k > s+len(a) {
				if e := nameWords(text, k); e >= 0 {
					return s, e, true
				}
			}
			break
		}
	}
	if e := nameWords(text, s); e >= 0 {
		return s, e, true
	}
	return 0, 0, false
}

// nameWords returns the end of a capitalised word at i and up to two more after spaces or
// hyphens, each maybe after a surname prefix ("Jan van Galen"), or -1.
func nameWords(text string, i int) int {
	e := capWord(text, i)
	if e < 0 {
		return -1
	}
	for range 2 {
		k := sepRun(text, e)
		if k == e {
			break
		}
		next := -1
		for _, p := range namePrefixes {
			if strings.HasPrefix(text[k:], p) {
				next = capWord(text, k+len(p))
				break
			}
		}
		if next < 0 {
			next = capWord(text, k)
		}
		if next < 0 {
			break
		}
		e = next
	}
	return e
}

// institutionWords are schoolNameBeforeRe's last words, capitalised as written.
var institutionWords = []string{"College", "Lyceum", "Scholengemeenschap", "School", "Gymnasium", "Atheneum", "Campus", "Mavo", "Vmbo", "Havo"}

// capStart reports whether a capitalised word can start at i: an upper-case rune with a
// word boundary before it (so a capital beyond ASCII starts one only after an ASCII word
// rune, as \b sees it). It returns the rune's size.
func capStart(text string, i int) (int, bool) {
	c := text[i]
	if c < utf8.RuneSelf {
		return 1, 'A' <= c && c <= 'Z' && (i == 0 || !isWordByte(text[i-1]))
	}
	if c < 0xc0 { // a continuation byte: no rune starts here
		return 1, false
	}
	r, n := utf8.DecodeRuneInString(text[i:])
	return n, unicode.IsUpper(r) && i > 0 && isWordByte(text[i-1])
}

// scanNameBefore returns schoolNameBeforeRe's matches as FindAllStringSubmatchIndex did:
// [start, end, name start, name end, word start, word end] of one to three capitalised
// words, each followed by spaces or a hyphen, and an institution's word.
func scanNameBefore(text string) [][]int {
	var out [][]int
	for i := 0; i < len(text); {
		n, ok := capStart(text, i)
		if !ok {
			i += n
			continue
		}
		// the ends of the words' separators, up to three words
		var seps [3]int
		k := 0
		for w := i; k < 3; k++ {
			e := capWord(text, w)
			if e < 0 {
				break
			}
			s := spaceRun(text, e)
			if s == e {
				if e >= len(text) || text[e] != '-' {
					break
				}
				s = e + 1
			}
			seps[k] = s
			w = s
		}
		found := false
		for ; k > 0 && !found; k-- {
			at := seps[k-1]
			for _, w := range institutionWords {
				if strings.HasPrefix(text[at:], w) && boundary(text, at+len(w)) {
					out = append(out, []int{i, at + len(w), i, at, at, at + len(w)})
					i = at + len(w)
					found = true
					break
				}
			}
		}
		if !found {
			i += n
		}
	}
	return out
}

// scanCompounds returns schoolCompoundRe's matches: a capitalised compound on -school or
// -college with at least three letters before it, maybe after a capitalised word and
// spaces ("Prinses Julianaschool").
func scanCompounds(text string) [][]int {
	var out [][]int
	for i := 0; i < len(text); {
		n, ok := capStart(text, i)
		if !ok {
			i += n
			continue
		}
		e := -1
		if we := runRunes(text, i+n, unicode.IsLetter); we > i+n {
			if s := spaceRun(text, we); s > we {
				e = compoundAt(text, s)
			}
		}
		if e < 0 {
			e = compoundAt(text, i)
		}
		if e < 0 {
			i += n
			continue
		}
		out = append(out, []int{i, e})
		i = e
	}
	return out
}

// compoundAt returns the end of \p{Lu}\p{L}{2,}(?:school|college)\b at i, or -1: the
// longest, as the greedy letters took it.
func compoundAt(text string, i int) int {
	if i >= len(text) {
		return -1
	}
	r, n := runeAt(text, i)
	if !unicode.IsUpper(r) {
		return -1
	}
	from := i + n
	end := runRunes(text, from, unicode.IsLetter)
	for q := end - len("school"); q >= from; q-- {
		for _, w := range [...]string{"school", "college"} {
			if q+len(w) <= end && text[q:q+len(w)] == w && boundary(text, q+len(w)) && utf8.RuneCountInString(text[from:q]) >= 2 {
				return q + len(w)
			}
		}
	}
	return -1
}

// attendWords are schoolAttendRe's words that say a child attends a school; digit marks
// "groep \d" and "klas \d".
var attendWords = []struct {
	lit   string
	digit bool
}{
	{"zit", false}, {"zat", false}, {"zitten", false}, {"zaten", false}, {"stapte over", false}, {"stapt over", false},
	{"overgestapt", false}, {"leerling", false}, {"leerlingen", false}, {"juf", false}, {"juffrouw", false},
	{"meester", false}, {"meesters", false}, {"leerkracht", false}, {"leerkrachten", false}, {"mentor", false},
	{"directeur", false}, {"directrice", false}, {"intern begeleider", false}, {"ib'er", false}, {"ib-er", false},
	{"zorgcoördinator", false}, {"zorgcoordinator", false}, {"groep ", true}, {"klas ", true}, {"brugklas", false},
	{"kinderen", false},
}

// attendByFirst holds attendWords by the bytes a match can start with (see
// schoolWordsByFirst).
var attendByFirst = func() (t [256][]int) {
	for k, w := range attendWords {
		for _, b := range firstBytes(w.lit[0]) {
			t[b] = append(t[b], k)
		}
	}
	return t
}()

// casedRune is (?i)\p{Ll}: a lower-case letter or one that folds to one.
func casedRune(r rune) bool {
	return unicode.Is(unicode.Ll, r) || unicode.Is(llFold, r)
}

var llFold = unicode.FoldCategory["Ll"]

// scanAttend returns schoolAttendRe's matches as [start, end, name start, name end]: a word
// that says a child attends, up to two words, "op/naar/van/bij", "de/het/'t" and one or
// two capitalised words.
func scanAttend(text string) [][]int {
	var out [][]int
	for i := 0; i < len(text); i++ {
		if attendByFirst[text[i]] == nil || !boundary(text, i) {
			i = skipWord(text, i)
			continue
		}
		for _, k := range attendByFirst[text[i]] {
			w := attendWords[k]
			t := foldPrefix(text, i, w.lit)
			if t < 0 {
				continue
			}
			if w.digit {
				if t >= len(text) || text[t] < '0' || text[t] > '9' {
					continue
				}
				t++
			}
			if s, e, ok := attendRest(text, t); ok {
				out = append(out, []int{i, e, s, e})
				i = e - 1
				break
			}
		}
	}
	return out
}

// attendRest matches the rest of schoolAttendRe after its word at t; it returns the name.
func attendRest(text string, t int) (start, end int, ok bool) {
	p0 := whiteRun(text, t)
	if p0 == t {
		return 0, 0, false
	}
	for k := 2; k >= 0; k-- {
		p, ok := p0, true
		for range k {
			e := runRunes(text, p, casedRune)
			s := whiteRun(text, e)
			if e == p || s == e {
				ok = false
				break
			}
			p = s
		}
		if !ok {
			continue
		}
		if s, e, ok := prepArticleName(text, p); ok {
			return s, e, true
		}
	}
	return 0, 0, false
}

// prepArticleName matches "op/naar/van/bij", "de/het/'t" (any case) and a name of one or
// two capitalised words at p.
func prepArticleName(text string, p int) (start, end int, ok bool) {
	p = foldedWordThenWhite(text, p, "op", "naar", "van", "bij")
	if p < 0 {
		return 0, 0, false
	}
	p = foldedWordThenWhite(text, p, "de", "het", "'t")
	if p < 0 {
		return 0, 0, false
	}
	e := capWord(text, p)
	if e < 0 {
		return 0, 0, false
	}
	if e < len(text) && (text[e] == ' ' || text[e] == '-') {
		if e2 := capWord(text, e+1); e2 >= 0 {
			e = e2
		}
	}
	return p, e, true
}

// foldedWordThenWhite returns the end of the white space after the first of lits (any
// case) at p, or -1.
func foldedWordThenWhite(text string, p int, lits ...string) int {
	for _, l := range lits {
		if e := foldPrefix(text, p, l); e >= 0 {
			if s := whiteRun(text, e); s > e {
				return s
			}
		}
	}
	return -1
}

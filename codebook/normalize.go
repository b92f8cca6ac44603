package codebook

import (
	"math/bits"
	"strings"
	"unicode"
	"unicode/utf8"
	"unsafe"

	"golang.org/x/text/runes"
	"golang.org/x/text/transform"
	"golang.org/x/text/unicode/norm"
)

// Normalized is a text prepared for pattern matching: lower case, accents folded, the ĳ
// ligature written as "ij", every run of punctuation and white space made one space, with
// one space before the first word and after the last, so that a word boundary is always a
// space. Pos maps every byte of Text back to the code point index in the original text
// that produced it; Breaks holds the byte offsets in Text of spaces that stand for a
// clause break (. , ; : ! ? and brackets), which a negation does not cross.
type Normalized struct {
	Text   string
	Pos    []int32
	Breaks []int32

	bytes []byte   // Text as bytes, for the matcher
	off   []int32  // per byte of Text: the byte offset in the original text of what produced it
	brk   []uint64 // Breaks as a bit set over the bytes of Text
	// brkNext and brkPrev hold per word of brk the first word at or after it, and the
	// last at or before it, that holds a break (-1: none), so that breakFrom and
	// breakBefore find a clause's ends in one step however long it is: scanning the
	// bit set word by word from every match made a text without punctuation quadratic.
	// They are filled on first use (breakWords); empty until then.
	brkNext, brkPrev []int32
	spc              []uint64 // the spaces of Text as a bit set: where its words start and end
	wide             []wideAt // the code points of the original text of more than one byte, in order
	bad              bool     // the original text is not valid UTF-8

	// work counts the matcher's steps over the text: the key finder's bytes (see
	// keyFinder.find), the rules tried at each key's hit, the words looked up (wordEnd,
	// wordBefore) and the 64-bit words of the bit sets scanned for them, the clause
	// breaks looked up, the bytes of punctuation read, the steps of the code point search
	// and of the sorting and dropping of matches. The linearity test
	// (autocode_scaling_test.go) compares it between a text and the same text sixteen
	// times over: the matcher walks through the text by these, so a walk from the text's
	// start at every match shows as quadratic work, under any load.
	work int
}

// wideAt is a code point of more than one byte in the original text: the byte offset
// after it and how many bytes more than code points the text has up to there. A code
// point's index is its byte offset less the extra bytes of the wide ones before it
// (codePoint): Dutch text has few, so the auto-coder keeps these instead of a code point
// index per byte (Pos, which Normalize fills from them).
type wideAt struct{ end, extra int32 }

// codePoint returns the code point index in the original text of its byte offset o (the
// start of a code point).
func (n *Normalized) codePoint(o int) int {
	w := n.wide
	if len(w) == 0 || int(w[0].end) > o {
		return o
	}
	lo, hi := 0, len(w) // w[lo].end <= o; the last such is before hi
	for hi-lo > 1 {
		if m := int(uint(lo+hi) >> 1); int(w[m].end) <= o {
			lo = m
		} else {
			hi = m
		}
	}
	return o - int(w[lo].extra)
}

// foldTable holds the folded form of the code points up to latinEnd, computed once; other
// code points are folded on the fly.
const latinEnd = 0x250

var foldTable [latinEnd]string

func init() {
	for r := rune(0); r < latinEnd; r++ {
		foldTable[r] = foldRune(r)
	}
}

// accentFold removes combining marks after canonical decomposition.
var accentFold = transform.Chain(norm.NFD, runes.Remove(runes.In(unicode.Mn)), norm.NFC)

// foldRune returns the folded form of r: lower-case letters and digits without accents,
// "" for a combining mark (it belongs to the letter before it), " " for anything else.
func foldRune(r rune) string {
	switch r {
	case 'ĳ', 'Ĳ':
		return "ij"
	case 'ß':
		return "ss"
	case 'æ', 'Æ':
		return "ae"
	case 'œ', 'Œ':
		return "oe"
	case 'ø', 'Ø':
		return "o"
	case 'ł', 'Ł':
		return "l"
	}
	if unicode.Is(unicode.Mn, r) {
		return ""
	}
	if !unicode.IsLetter(r) && !unicode.IsDigit(r) {
		return " "
	}
	s, _, err := transform.String(accentFold, string(r))
	if err != nil {
		s = string(r)
	}
	s = strings.ToLower(s)
	var b strings.Builder
	for _, c := range s {
		if unicode.IsLetter(c) || unicode.IsDigit(c) {
			b.WriteRune(c)
		}
	}
	if b.Len() == 0 {
		return " "
	}
	return b.String()
}

// asciiFold is the folded form of each byte that is an ASCII letter or digit (lower
// case), 0 for every other byte.
var asciiFold = func() (t [256]byte) {
	for c := byte('0'); c <= '9'; c++ {
		t[c] = c
	}
	for c := byte('a'); c <= 'z'; c++ {
		t[c], t[c-'a'+'A'] = c, c
	}
	return t
}()

// isBreak reports whether r ends a clause for the negation window.
func isBreak(r rune) bool {
	switch r {
	case '.', ',', ';', ':', '!', '?', '(', ')', '[', ']', '\n', '…', '–', '—':
		return true
	}
	return false
}

// Normalize prepares text for matching; see Normalized.
func Normalize(text string) Normalized {
	n := normalizeInto(text, Normalized{})
	n.Pos = make([]int32, len(n.off))
	for x, o := range n.off {
		n.Pos[x] = int32(n.codePoint(int(o)))
	}
	return n
}

// asciiKind sorts the ASCII bytes for normalizeInto: a letter or digit (asciiFold), a
// clause break (isBreak), another character that becomes a space, or not ASCII.
const (
	kindOther byte = iota // not ASCII: decoded and folded
	kindLetter
	kindSpace
	kindBreak
)

var asciiKind = func() (t [256]byte) {
	for c := 0; c < utf8.RuneSelf; c++ {
		switch {
		case asciiFold[c] != 0:
			t[c] = kindLetter
		case isBreak(rune(c)):
			t[c] = kindBreak
		default:
			t[c] = kindSpace
		}
	}
	return t
}()

// normalizeInto is Normalize writing into the buffers of old (reset to length 0), so that
// the auto-coder can reuse them from segment to segment.
//
// It writes by index, one byte of the text at a time for ASCII (each byte gives at most
// one byte), and keeps room for the rest of the text as it goes: b, pos and off have at least
// len(text)-j+1 bytes free at byte j of the text, the +1 for the closing space. Only a
// fold longer than its character (a rare upper-case letter whose lower case is longer in
// UTF-8) makes it grow them. A space is written for each run of characters that are
// neither letters nor digits, and a clause break recorded once per run, with the byte
// offset in the original text of the character its space stands for (the run's first).
func normalizeInto(text string, old Normalized) Normalized {
	b, off := old.bytes[:0], old.off[:0]
	if cap(b) < len(text)+2 || cap(off) < cap(b) {
		b, off = make([]byte, len(text)+2), make([]int32, len(text)+2)
	}
	b, off = b[:cap(b)], off[:cap(b)]
	st := normState{b: b, off: off, brk: bitsFor(old.brk, cap(b)/64+1), spc: bitsFor(old.spc, cap(b)/64+1),
		breaks: old.Breaks[:0], wide: old.wide[:0]}
	b[0], off[0], st.spc[0] = ' ', 0, 1
	k := 1 // bytes written
	for j := 0; j < len(text); {
		c := text[j]
		if f := asciiFold[c]; f != 0 {
			// A run of ASCII letters and digits, most of a Dutch text, in a loop of its own.
			for {
				b[k], off[k] = f, int32(j)
				k++
				if j++; j == len(text) {
					break
				}
				if f = asciiFold[text[j]]; f == 0 {
					break
				}
			}
			continue
		}
		if asciiKind[c] == kindSpace && b[k-1] != ' ' {
			// The common case inline: a space after a word.
			b[k], off[k] = ' ', int32(j)
			st.spc[k/64] |= 1 << (k % 64)
			st.lastBreak = false
			k++
			j++
			continue
		}
		k, j = st.other(text, k, j)
		b, off = st.b, st.off // grown by a long fold
	}
	st.space(k, len(text), false)
	k = st.k
	words := k/64 + 1
	// Text shares b's memory: b is never written after this point while Text is in use
	// (the matcher only reads it), and a copy of every segment's text was a tenth of the
	// auto-coder's time.
	return Normalized{Text: unsafe.String(unsafe.SliceData(b), k), Breaks: st.breaks,
		bytes: b[:k], off: off[:k], brk: st.brk[:words], brkNext: old.brkNext[:0], brkPrev: old.brkPrev[:0],
		spc: st.spc[:words], wide: st.wide, bad: st.bad}
}

// breakWords fills n.brkNext and n.brkPrev, on the first look past a word of n.brk
// without a break (most texts have a break in every 64 bytes, and never need them).
func (n *Normalized) breakWords() {
	brk, words := n.brk, len(n.brk)
	next, prev := n.brkNext[:0], n.brkPrev[:0]
	if cap(next) < words || cap(prev) < words {
		next, prev = make([]int32, words), make([]int32, words)
	}
	next, prev = next[:words], prev[:words]
	at := int32(-1)
	for w := range brk {
		if brk[w] != 0 {
			at = int32(w)
		}
		prev[w] = at
	}
	at = -1
	for w := len(brk) - 1; w >= 0; w-- {
		if brk[w] != 0 {
			at = int32(w)
		}
		next[w] = at
	}
	n.brkNext, n.brkPrev = next, prev
	n.work += 2 * words
}

// normState is what normalizeInto keeps besides its loop over letters: the buffers (b
// pos and off at their full capacity) and the clause breaks, and the last space written.
// A type of its own with the rare cases as methods, not a closure over normalizeInto's
// variables, which kept them out of registers in the loop over letters.
type normState struct {
	b         []byte
	off       []int32
	brk, spc  []uint64
	breaks    []int32
	wide      []wideAt
	bad       bool  // a byte that is not UTF-8 was met
	extra     int32 // the bytes more than code points so far
	lastBreak bool  // the space at k-1, if b[k-1] is one, is a clause break
	k         int   // bytes written, after space
}

// other handles the character at byte j of text (code point i) that is not an ASCII
// letter or digit, with k bytes written, and returns k and j after it.
func (st *normState) other(text string, k, j int) (int, int) {
	c := text[j]
	if c < utf8.RuneSelf {
		st.space(k, j, asciiKind[c] == kindBreak)
		return st.k, j + 1
	}
	r, size := utf8.DecodeRuneInString(text[j:])
	if r == utf8.RuneError && size == 1 {
		st.bad = true
	}
	if size > 1 {
		st.extra += int32(size - 1)
		st.wide = append(st.wide, wideAt{end: int32(j + size), extra: st.extra})
	}
	var f string
	if r < latinEnd {
		f = foldTable[r]
	} else {
		f = foldRune(r)
	}
	switch f {
	case "":
	case " ":
		st.space(k, j, isBreak(r))
		k = st.k
	default:
		if len(f) > size && cap(st.b)-k-len(f) < len(text)-j-size+1 {
			st.grow(k, len(f)+len(text)-j+1)
		}
		for x := 0; x < len(f); x++ {
			st.b[k], st.off[k] = f[x], int32(j)
			k++
		}
	}
	return k, j + size
}

// space writes the space for a character that is not a letter or digit, at byte j of
// the text (code point i), a clause break if brk, after k bytes written; st.k is the
// count after it.
func (st *normState) space(k, j int, brk bool) {
	st.k = k
	if st.b[k-1] == ' ' {
		if brk && !st.lastBreak {
			st.breaks = append(st.breaks, int32(k-1))
			st.brk[(k-1)/64] |= 1 << ((k - 1) % 64)
			st.lastBreak = true
		}
		return
	}
	st.b[k], st.off[k] = ' ', int32(j)
	st.spc[k/64] |= 1 << (k % 64)
	st.lastBreak = brk
	if brk {
		st.breaks = append(st.breaks, int32(k))
		st.brk[k/64] |= 1 << (k % 64)
	}
	st.k = k + 1
}

// grow gives st.b, st.pos and st.off room for at least n bytes after the first k (and the bit
// sets over them).
func (st *normState) grow(k, n int) {
	c := max(2*cap(st.b), k+n)
	b, off := make([]byte, c), make([]int32, c)
	copy(b, st.b[:k])
	copy(off, st.off[:k])
	brk, spc := make([]uint64, c/64+1), make([]uint64, c/64+1)
	copy(brk, st.brk)
	copy(spc, st.spc)
	st.b, st.off, st.brk, st.spc = b, off, brk, spc
}

// bitsFor returns x (or a new slice) as words zero words.
func bitsFor(x []uint64, words int) []uint64 {
	if cap(x) < words {
		return make([]uint64, words)
	}
	x = x[:words]
	clear(x)
	return x
}

// punctAfter returns the original text (of which n is the normalised form) from the
// character behind the space at byte sp of n.Text on: where the negation rules look at the
// punctuation itself (a question mark, a comma). That is the offset kept per byte (off),
// the run's first character for a run of them: walking the text from its start at every
// look made the auto-coder quadratic in a text's length.
func (n *Normalized) punctAfter(text string, sp int) string {
	if sp < 0 || sp >= len(n.off) {
		return ""
	}
	return text[n.off[sp]:]
}

// originalBytes returns the bytes [at, eat) of the original text behind the bytes [from,
// to) of the normalised text (of text) and its code point range [start, end), extended
// over the combining marks that belong to its last letter, as Original does; near is
// codePointNear's.
func (n *Normalized) originalBytes(text string, from, to int, near *int) (at, eat, start, end int) {
	at, last := int(n.off[from]), int(n.off[to-1])
	eat = last + 1
	if text[last] >= utf8.RuneSelf {
		_, size := utf8.DecodeRuneInString(text[last:])
		eat = last + size
	}
	for eat < len(text) && text[eat] >= utf8.RuneSelf { // a combining mark is never ASCII
		r, size := utf8.DecodeRuneInString(text[eat:])
		if !unicode.Is(unicode.Mn, r) {
			break
		}
		eat += size
	}
	return at, eat, n.codePointNear(at, near), n.codePointNear(eat, near)
}

// codePointNear is codePoint, its search starting from *near wide code points and left
// there: the spans of one text come nearly in order, so each search is a step or two.
func (n *Normalized) codePointNear(o int, near *int) int {
	w := n.wide
	i := min(*near, len(w)) // how many wide code points end at or before o
	for i > 0 && int(w[i-1].end) > o {
		i--
		n.work++ // back: the steps forward are at most these and len(w)
	}
	for i < len(w) && int(w[i].end) <= o {
		i++
	}
	*near = i
	if i == 0 {
		return o
	}
	return o - int(w[i-1].extra)
}

// Original returns the code point range [start, end) in the original text of the bytes
// [from, to) of the normalised text. runes is the original text as code points; the end
// is extended over combining marks that belong to the last letter.
func (n Normalized) Original(from, to int, runes []rune) (start, end int) {
	if from < 0 || to > len(n.Pos) || from >= to {
		return 0, 0
	}
	start = int(n.Pos[from])
	end = int(n.Pos[to-1]) + 1
	for end < len(runes) && unicode.Is(unicode.Mn, runes[end]) {
		end++
	}
	return start, end
}

// wordEnd returns the byte offset of the space that ends the word around byte i of the
// normalised text (i itself at a space, and i at or past its end), from the bit set of its
// spaces: wordEnd in one step where the byte loop walked every letter.
func (n *Normalized) wordEnd(i int) int {
	n.work++
	u := uint(i)
	w := u / 64
	if w >= uint(len(n.spc)) {
		return i
	}
	x := n.spc[w] >> (u % 64)
	for x == 0 { // past the word of bits that holds i: from the next word's first bit
		n.work++
		if w++; w >= uint(len(n.spc)) {
			return max(i, len(n.Text))
		}
		x, u = n.spc[w], w*64
	}
	return int(u) + bits.TrailingZeros64(x)
}

// wordBefore returns the word of the normalised text that ends at the space at byte end
// (walking back), and its start, as the function wordBefore does over Text.
func (n *Normalized) wordBefore(end int) (string, int) {
	n.work++
	j := uint(end - 1) // the last byte that may be the space before the word
	w := j / 64
	if w >= uint(len(n.spc)) {
		return wordBefore(n.Text, end)
	}
	x := n.spc[w] & (2<<(j%64) - 1) // the bits up to j; 2<<63 wraps to 0, all bits
	for x == 0 {
		n.work++
		if w--; w >= uint(len(n.spc)) { // below the first word
			return n.Text[:end], 0
		}
		x = n.spc[w]
	}
	start := int(w)*64 + 64 - bits.LeadingZeros64(x)
	return n.Text[start:end], start
}

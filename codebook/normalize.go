package codebook

import (
	"slices"
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

	bytes   []byte   // Text as bytes, for the automaton
	brk     []uint64 // Breaks as a bit set over the bytes of Text
	breakAt []int32  // per entry of Breaks: the byte offset in the original text of its Pos
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
func Normalize(text string) Normalized { return normalizeInto(text, nil, nil, nil, nil, nil) }

// normalizeInto is Normalize writing into the given buffers (reset to length 0), so that
// the auto-coder can reuse them from segment to segment.
func normalizeInto(text string, b []byte, pos []int32, breaks, breakAt []int32, brk []uint64) Normalized {
	if cap(b) < len(text)+2 {
		b = make([]byte, 0, len(text)+2)
		pos = make([]int32, 0, len(text)+2)
	}
	b, pos = b[:0], pos[:0]
	sp := spaces{breaks: breaks[:0], breakAt: breakAt[:0]}
	b = append(b, ' ')
	pos = append(pos, 0)
	i := int32(0) // code point index
	for j := 0; j < len(text); {
		c := text[j]
		if f := asciiFold[c]; f != 0 {
			// A run of ASCII letters and digits, most of a Dutch text, in a loop of its own.
			for {
				b = append(b, f)
				pos = append(pos, i)
				i++
				if j++; j == len(text) {
					break
				}
				if f = asciiFold[text[j]]; f == 0 {
					break
				}
			}
			continue
		}
		if c < utf8.RuneSelf {
			b, pos = sp.add(b, pos, i, int32(j), isBreak(rune(c)))
			j++
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(text[j:])
		j += size
		var f string
		if r < latinEnd {
			f = foldTable[r]
		} else {
			f = foldRune(r)
		}
		switch f {
		case "":
		case " ":
			b, pos = sp.add(b, pos, i, int32(j-size), isBreak(r))
		default:
			for k := 0; k < len(f); k++ {
				b = append(b, f[k])
				pos = append(pos, i)
			}
		}
		i++
	}
	b, pos = sp.add(b, pos, i, int32(len(text)), false)
	breaks, breakAt = sp.breaks, sp.breakAt
	words := len(b)/64 + 1
	if cap(brk) < words {
		brk = make([]uint64, words)
	} else {
		brk = brk[:words]
		clear(brk)
	}
	for _, at := range breaks {
		brk[at/64] |= 1 << (at % 64)
	}
	// Text shares b's memory: b is never written after this point while Text is in use
	// (the automaton only reads it), and a copy of every segment's text was a tenth of the
	// auto-coder's time.
	return Normalized{Text: unsafe.String(unsafe.SliceData(b), len(b)), Pos: pos, Breaks: breaks, bytes: b, brk: brk, breakAt: breakAt}
}

// spaces records the clause breaks of normalizeInto: a space for each run of characters
// that are neither letters nor digits, and a break recorded once per run, with the byte
// offset in the original text of the code point its space stands for. A type of its own
// rather than a closure over normalizeInto's buffers, which kept them out of registers in
// the loop over letters.
type spaces struct {
	breaks, breakAt []int32
	lastBreak       bool
	spaceAt         int32 // the byte offset in the original text behind the last space
}

// add writes the space for the character at code point at (byte byteAt of the original
// text), brk if it is a clause break.
func (s *spaces) add(b []byte, pos []int32, at, byteAt int32, brk bool) ([]byte, []int32) {
	if b[len(b)-1] == ' ' {
		if brk && !s.lastBreak {
			s.breaks = append(s.breaks, int32(len(b)-1))
			s.breakAt = append(s.breakAt, s.spaceAt)
			s.lastBreak = true
		}
		return b, pos
	}
	b = append(b, ' ')
	pos = append(pos, at)
	s.spaceAt = byteAt
	s.lastBreak = brk
	if brk {
		s.breaks = append(s.breaks, int32(len(b)-1))
		s.breakAt = append(s.breakAt, byteAt)
	}
	return b, pos
}

// punctAfter returns the original text (of which n is the normalised form) from the
// character behind the clause break at byte sp of n.Text on: where the negation rules
// look at the punctuation itself (a question mark, a comma). Its byte offset is kept per
// break (breakAt): walking the text from its start at every look made the auto-coder
// quadratic in a text's length. At a space that is no break it walks (never the case).
func (n Normalized) punctAfter(text string, sp int) string {
	if k, ok := slices.BinarySearch(n.Breaks, int32(sp)); ok && k < len(n.breakAt) {
		return text[n.breakAt[k]:]
	}
	if sp < 0 || sp >= len(n.Pos) {
		return ""
	}
	cp, i := int(n.Pos[sp]), 0
	for at := range text {
		if i == cp {
			return text[at:]
		}
		i++
	}
	return ""
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

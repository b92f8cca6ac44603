package codebook

import (
	"math/rand/v2"
	"slices"
	"strings"
	"testing"
	"unicode/utf8"
)

// fromCodePoint is the original text from code point cp on, walked from its start: what
// punctAt and questionAt looked at before Normalized kept the byte offset of each break.
func fromCodePoint(text string, cp int) string {
	i := 0
	for at := range text {
		if i == cp {
			return text[at:]
		}
		i++
	}
	return ""
}

// TestPunctAfter checks, at every clause break of random texts (ASCII, multi-byte letters,
// combining marks, invalid bytes, punctuation that folds to a space), that punctAfter is
// the text from the break's code point on.
func TestPunctAfter(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	pieces := []string{" ", ".", ",", "?", "! ", " (", ")", "\n", "…", "–", "ĳ", "é", "e\u0301", "\u0301",
		"\xff", "😀", "\xe2\x82", "—", "Ö", "ß", "\u00a0", "¿"}
	breaks := 0
	for k := 0; k < 5000; k++ {
		var b strings.Builder
		for m := rng.IntN(120); m > 0; m-- {
			if rng.IntN(2) == 0 {
				b.WriteString(pieces[rng.IntN(len(pieces))])
			} else {
				b.WriteString("abcdefgh"[:1+rng.IntN(8)])
			}
		}
		text := b.String()
		n := Normalize(text)
		for _, sp := range n.Breaks {
			breaks++
			if got, want := n.punctAfter(text, int(sp)), fromCodePoint(text, int(n.Pos[sp])); got != want {
				t.Fatalf("text %q: punctAfter(%d) = %q, want %q", text, sp, got, want)
			}
		}
	}
	if breaks < 10000 {
		t.Fatalf("only %d breaks tested", breaks)
	}
}

// refNormalized is what normalizeReference returns: Normalized as 0.7.0 made it.
type refNormalized struct {
	Text        string
	Pos, Breaks []int32
	brk         []uint64
	breakAt     []int32
}

// normalizeReference is normalizeInto as 0.7.0 wrote it (appending byte by byte, a code
// point index per byte, the byte offset of each break kept apart), the reference for
// TestNormalizeAsReference.
func normalizeReference(text string, b []byte, pos []int32, breaks, breakAt []int32, brk []uint64) refNormalized {
	if cap(b) < len(text)+2 {
		b = make([]byte, 0, len(text)+2)
		pos = make([]int32, 0, len(text)+2)
	}
	b, pos = b[:0], pos[:0]
	sp := refSpaces{breaks: breaks[:0], breakAt: breakAt[:0]}
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
	return refNormalized{Text: string(b), Pos: pos, Breaks: breaks, brk: brk, breakAt: breakAt}
}

type refSpaces struct {
	breaks, breakAt []int32
	lastBreak       bool
	spaceAt         int32 // the byte offset in the original text behind the last space
}

func (s *refSpaces) add(b []byte, pos []int32, at, byteAt int32, brk bool) ([]byte, []int32) {
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

// TestNormalizeAsReference compares normalizeInto, reusing its buffers from text to text
// as the auto-coder does, with normalizeReference on random texts (ASCII, multi-byte
// letters, a letter whose fold is longer than itself, combining marks, invalid bytes,
// punctuation): the same Text, Pos (from the byte offsets: codePoint), Breaks, break bit
// set, space bit set and punctuation behind every space.
func TestNormalizeAsReference(t *testing.T) {
	rng := rand.New(rand.NewPCG(3, 4))
	pieces := []string{" ", ".", ",", "?", "! ", " (", ")", "\n", "…", "–", "ĳ", "Ĳ", "é", "e\u0301", "\u0301",
		"\xff", "😀", "\xe2\x82", "—", "Ö", "ß", "\u00a0", "¿", "Ⱥ", "ȺȺȺȺ", "İ", "ﬃ", "日本", "  ", "'", "-", "Zorg", "WIJKTEAM"}
	var n Normalized
	grew := 0
	for k := 0; k < 4000; k++ {
		var b strings.Builder
		for m := rng.IntN(150); m > 0; m-- {
			if rng.IntN(2) == 0 {
				b.WriteString(pieces[rng.IntN(len(pieces))])
			} else {
				b.WriteString("abcdefghijklmnopqrstuvwxyz0123456789"[rng.IntN(30):][:1+rng.IntN(6)])
			}
		}
		text := b.String()
		if rng.IntN(50) == 0 {
			n = Normalized{} // fresh buffers now and then
		}
		n = normalizeInto(text, n)
		want := normalizeReference(text, nil, nil, nil, nil, nil)
		if len(n.Text) > len(text)+2 {
			grew++
		}
		if n.Text != want.Text || !slices.Equal(n.Breaks, want.Breaks) {
			t.Fatalf("text %q: normalised %q, breaks %v; want %q, %v", text, n.Text, n.Breaks, want.Text, want.Breaks)
		}
		if n.bad == utf8.ValidString(text) {
			t.Fatalf("text %q: bad = %v", text, n.bad)
		}
		if len(n.off) != len(n.Text) || len(n.bytes) != len(n.Text) {
			t.Fatalf("text %q: %d offsets, %d bytes for %d bytes of text", text, len(n.off), len(n.bytes), len(n.Text))
		}
		isBrk := map[int]bool{}
		for _, x := range want.Breaks {
			isBrk[int(x)] = true
		}
		for x := range n.off {
			if cp := n.codePoint(int(n.off[x])); cp != int(want.Pos[x]) {
				t.Fatalf("text %q: byte %d: code point %d, want %d", text, x, cp, want.Pos[x])
			}
			if got, w := n.punctAfter(text, x), fromCodePoint(text, int(want.Pos[x])); got != w {
				t.Fatalf("text %q: punctAfter(%d) = %q, want %q", text, x, got, w)
			}
			isSpace := n.Text[x] == ' '
			if n.spc[x/64]&(1<<(x%64)) != 0 != isSpace || n.isBreak(x) != isBrk[x] {
				t.Fatalf("text %q: byte %d: space or break bit wrong", text, x)
			}
			if isSpace && x > 0 {
				if w, s := n.wordBefore(x); w != refWordBefore(n.Text, x) || s != x-len(w) {
					t.Fatalf("text %q: wordBefore(%d) = %q, %d", text, x, w, s)
				}
			}
			if e := n.wordEnd(x); e != wordEnd(n.Text, x) {
				t.Fatalf("text %q: wordEnd(%d) = %d, want %d", text, x, e, wordEnd(n.Text, x))
			}
		}
		near := 0 // codePointNear over the offsets forwards, backwards and at random
		for _, x := range append(append(slices.Clone(n.off), reversed(n.off)...), n.off[rng.IntN(len(n.off))], 0, n.off[len(n.off)-1]) {
			if got, want := n.codePointNear(int(x), &near), n.codePoint(int(x)); got != want {
				t.Fatalf("text %q: codePointNear(%d) = %d, want %d", text, x, got, want)
			}
		}
		if e := n.wordEnd(len(n.Text) + 3); e != len(n.Text)+3 {
			t.Fatalf("wordEnd past the end = %d", e)
		}
		if cp := n.codePoint(len(text)); cp != utf8.RuneCountInString(text) {
			t.Fatalf("text %q: codePoint at the end %d, want %d", text, cp, utf8.RuneCountInString(text))
		}
		if p := Normalize(text); !slices.Equal(p.Pos, want.Pos) {
			t.Fatalf("text %q: Normalize's Pos %v, want %v", text, p.Pos, want.Pos)
		}
	}
	if grew == 0 {
		t.Fatal("no text grew while normalising (a fold longer than its letter)")
	}
}

// refWordBefore is wordBefore's byte loop.
func refWordBefore(t string, end int) string {
	w, _ := wordBefore(t, end)
	return w
}

func reversed(x []int32) []int32 {
	y := slices.Clone(x)
	slices.Reverse(y)
	return y
}

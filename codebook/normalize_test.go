package codebook

import (
	"math/rand/v2"
	"strings"
	"testing"
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

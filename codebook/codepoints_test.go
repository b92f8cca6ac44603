package codebook

import (
	"math/rand/v2"
	"strings"
	"testing"
)

// fromSlow is codePoints.from as punctAt walked before the index: range over the whole
// text, counting code points from its start.
func fromSlow(text string, cp int) string {
	i := 0
	for at := range text {
		if i == cp {
			return text[at:]
		}
		i++
	}
	return ""
}

// TestCodePointsFrom checks the index against the walk from the start on random texts of
// ASCII, multi-byte letters, combining marks and invalid bytes, at every code point and
// past the end.
func TestCodePointsFrom(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	pieces := []string{"a", "b", " ", ".", ",", "?", "ĳ", "é", "e\u0301", "\xff", "😀", "\xe2\x82", "—", "Ö", "ß"}
	for k := 0; k < 2000; k++ {
		var b strings.Builder
		for n := rng.IntN(400); n > 0; n-- {
			if rng.IntN(3) == 0 {
				b.WriteString(pieces[rng.IntN(len(pieces))])
			} else {
				b.WriteString("abcdefgh"[:1+rng.IntN(8)])
			}
		}
		text := b.String()
		c := codePoints{text: text}
		n := len([]rune(text))
		for cp := -1; cp <= n+cpStride+1; cp++ {
			if got, want := c.from(cp), fromSlow(text, max(cp, 0)); got != want {
				t.Fatalf("text %q: from(%d) = %q, want %q", text, cp, got, want)
			}
		}
	}
}

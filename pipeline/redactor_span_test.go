package pipeline

import (
	"math/rand/v2"
	"testing"
)

// runeOffsets must cut a text where string([]rune(text)[s:e]) does, for every s <= e
// that fits, on ASCII, multi-byte and invalid UTF-8 texts (where it declines).
func TestRuneOffsetsAsRunes(t *testing.T) {
	rng := rand.New(rand.NewPCG(16, 5))
	parts := []string{"a", "B", " ", "é", "€", "😀", "\xff", "ß"}
	for n := 0; n < 2000; n++ {
		var text string
		for k := rng.IntN(8); k > 0; k-- {
			text += parts[rng.IntN(len(parts))]
		}
		runes := []rune(text)
		for s := -1; s <= len(runes)+1; s++ {
			for e := s - 1; e <= len(runes)+1; e++ {
				from, to, ok := runeOffsets(text, s, e)
				fits := s >= 0 && s <= e && e <= len(runes)
				if !ok {
					if fits && string(runes) == text {
						t.Fatalf("%q [%d:%d]: declined", text, s, e)
					}
					continue
				}
				if !fits {
					t.Fatalf("%q [%d:%d]: cut at %d:%d, does not fit", text, s, e, from, to)
				}
				if got, want := text[from:to], string(runes[s:e]); got != want {
					t.Fatalf("%q [%d:%d]: %q, runes give %q", text, s, e, got, want)
				}
			}
		}
	}
}

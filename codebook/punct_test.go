package codebook

import (
	"math/rand/v2"
	"strings"
	"testing"
	"unicode"
)

// refPunctAt and refQuestionAt are punctAt and questionAt as they were, decoding every
// code point: the reference for their ASCII paths.
func refPunctAt(rest string, any string) bool {
	found := false
	for _, r := range rest {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			break
		}
		if strings.ContainsRune(any, r) {
			found = true
		} else if strings.ContainsRune(".!?", r) {
			return false
		}
	}
	return found
}

func refQuestionAt(rest string) bool {
	for _, r := range rest {
		if r == '?' {
			return true
		}
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			return false
		}
	}
	return false
}

// TestPunctAtAsReference compares punctAt and questionAt with their references on random
// runs of punctuation, spaces, letters, digits and non-ASCII characters.
func TestPunctAtAsReference(t *testing.T) {
	rng := rand.New(rand.NewPCG(5, 6))
	pieces := []string{".", ",", ";", ":", "!", "?", " ", "\n", "(", ")", "…", "–", "—", "¿", "«", "é", "a", "Z", "7", "\xff", "\u0301", "’", "日"}
	sets := []string{",;", ".!?", ".!?:", ",", "…"}
	for range 100000 {
		var b strings.Builder
		for m := rng.IntN(8); m > 0; m-- {
			b.WriteString(pieces[rng.IntN(len(pieces))])
		}
		s, any := b.String(), sets[rng.IntN(len(sets))]
		if got, want := punctAt(s, any, new(int)), refPunctAt(s, any); got != want {
			t.Fatalf("punctAt(%q, %q) = %v, want %v", s, any, got, want)
		}
		if got, want := questionAt(s, new(int)), refQuestionAt(s); got != want {
			t.Fatalf("questionAt(%q) = %v, want %v", s, got, want)
		}
	}
}

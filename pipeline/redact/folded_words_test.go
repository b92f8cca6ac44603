package redact

import (
	"math/rand/v2"
	"strings"
	"testing"
)

// hasWordFoldOracle is the test foldedWords.in replaced: a search of text for each of
// the three forms of each word.
func hasWordFoldOracle(text string, words ...string) bool {
	for _, w := range words {
		if strings.Contains(text, w) || strings.Contains(text, strings.ToUpper(w[:1])+w[1:]) || strings.Contains(text, strings.ToUpper(w)) {
			return true
		}
	}
	return false
}

// foldedWordLists are the lists findSpoken and findPhoneWords search for.
var foldedWordLists = []*foldedWords{mailWords, nulWord}

// TestFoldedWordsOracle checks foldedWords.in against the search it replaced, on the
// labelled sentences and on random texts made of the words' pieces in every case.
func TestFoldedWordsOracle(t *testing.T) {
	sentences, _ := readLabelled(t, "testdata/zinnen.txt")
	var texts []string
	for _, s := range sentences {
		texts = append(texts, s.text, strings.ToUpper(s.text), strings.ToLower(s.text))
	}
	pieces := []string{"m", "M", "ai", "AI", "aI", "l", "L", "nu", "NU", "Nu", "nU", "l ", "o", "O", "utlook", "ive", "IVE", "iv", "ë", " ", "ZIGGO", "Ziggo", "zIGGO", "hOme", "Home", "msn", "MSN", "Msn", "mSN", "prot", "on", "@", "\u212a"}
	rng := rand.New(rand.NewPCG(1, 16))
	for range 20000 {
		var b strings.Builder
		for range rng.IntN(12) {
			b.WriteString(pieces[rng.IntN(len(pieces))])
		}
		texts = append(texts, b.String())
	}
	for _, f := range foldedWordLists {
		words := f.words
		hits := 0
		for _, text := range texts {
			want := hasWordFoldOracle(text, words...)
			if got := f.in(text); got != want {
				t.Fatalf("%v in %q: %v, the search gives %v", words, text, got, want)
			}
			if want {
				hits++
			}
		}
		if hits == 0 || hits == len(texts) {
			t.Errorf("%v: %d of %d texts hold one: the texts do not tell", words, hits, len(texts))
		}
	}
}

// FuzzFoldedWords checks foldedWords.in against the search it replaced on any text.
func FuzzFoldedWords(f *testing.F) {
	for _, s := range []string{"mail", "MAIL", "Mail", "mAil", "nul zes", "NUL", "nUL", "jayden op Gmail", "HOTMAIL", "Ziggo", "zIGGO"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, text string) {
		for _, w := range foldedWordLists {
			if got, want := w.in(text), hasWordFoldOracle(text, w.words...); got != want {
				t.Fatalf("%v in %q: %v, the search gives %v", w.words, text, got, want)
			}
		}
	})
}

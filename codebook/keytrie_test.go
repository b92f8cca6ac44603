package codebook

import (
	"cmp"
	"math/rand/v2"
	"slices"
	"strings"
	"testing"

	"github.com/coregx/ahocorasick"
)

// automatonHits are the hits of an Aho-Corasick automaton over keys in the normalised
// text: the reference for keyFinder (coregx/ahocorasick's FindAllOverlapping, which the
// auto-coder used up to 0.7.0), sorted by start, end and key.
func automatonHits(a *ahocorasick.Automaton, n Normalized) []keyHit {
	var out []keyHit
	for _, h := range a.FindAllOverlapping(n.bytes) {
		out = append(out, keyHit{k: int32(h.PatternID), start: int32(h.Start), end: int32(h.End)})
	}
	sortHits(out)
	return out
}

func sortHits(h []keyHit) {
	slices.SortFunc(h, func(a, b keyHit) int {
		return cmp.Or(cmp.Compare(a.start, b.start), cmp.Compare(a.end, b.end), cmp.Compare(a.k, b.k))
	})
}

// matcherTexts are texts to compare matchers on: the development and held-out fragments
// (not the blind held-out set of a session), the benchmark's text, every pattern of the
// default codebook written out, and random texts of their words with inflections,
// capitals, accents, invalid bytes and punctuation.
func matcherTexts(t *testing.T, random int) []string {
	t.Helper()
	var texts, vocab []string
	for _, p := range append(slices.Clone(devSets), "testdata/heldout/fragments.yaml", "testdata/heldout2/fragments.yaml", "testdata/heldout3/fragments.yaml") {
		for _, f := range loadFragments(t, p) {
			texts = append(texts, f.Text)
			vocab = append(vocab, strings.Fields(f.Text)...)
		}
	}
	texts = append(texts, benchText())
	cb, err := Load(defaultBook)
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range cb.Factors {
		for _, c := range f.Codes {
			for _, p := range c.Patterns {
				p = strings.TrimPrefix(p, "!")
				texts = append(texts, strings.NewReplacer("*", "en", "...", "het").Replace(p))
				for _, w := range strings.Fields(p) {
					if w != "..." {
						for _, end := range []string{"", "en", "t", "d", "tje", "s"} {
							vocab = append(vocab, strings.ReplaceAll(w, "*", end))
						}
						vocab = append(vocab, "ge"+strings.ReplaceAll(w, "*", "d"))
					}
				}
			}
		}
	}
	punct := []string{" ", " ", " ", " ", ", ", ". ", "? ", "! ", "; ", ": ", " (", ") ", "… ", " – ", "\n", "'", "-"}
	odd := []string{"é", "ï", "ĳ", "Ĳ", "e\u0301", "ß", "Ω", "\xff", "ø", "\u00a0", "’", "Ⱥ"}
	rng := rand.New(rand.NewPCG(5, 6))
	for range random {
		var b strings.Builder
		for j := 1 + rng.IntN(60); j > 0; j-- {
			w := vocab[rng.IntN(len(vocab))]
			switch rng.IntN(12) {
			case 0:
				w = strings.ToUpper(w)
			case 1:
				k := rng.IntN(len(w) + 1)
				w = w[:k] + odd[rng.IntN(len(odd))] + w[k:]
			}
			b.WriteString(w)
			b.WriteString(punct[rng.IntN(len(punct))])
		}
		texts = append(texts, b.String())
	}
	return texts
}

// TestKeyFinderAsAutomaton: the key finder reports the same hits (key, start, end) as an
// Aho-Corasick automaton over the same keys, for the default codebook's patterns and
// partners on fixture and random texts.
func TestKeyFinderAsAutomaton(t *testing.T) {
	cb, err := Load(defaultBook)
	if err != nil {
		t.Fatal(err)
	}
	ac, err := NewAutoCoder(cb)
	if err != nil {
		t.Fatal(err)
	}
	texts := matcherTexts(t, 3000)
	for i, m := range []*matcher{ac.codes, cb.partnerMatcher()} {
		a, err := ahocorasick.NewBuilder().AddStrings(m.keyText).Build()
		if err != nil {
			t.Fatal(err)
		}
		var hits, spare []keyHit
		total := 0
		for _, text := range texts {
			n := Normalize(text)
			hits, spare = m.ac.find(&n, hits[:0], spare)
			for i := 1; i < len(hits); i++ {
				if hits[i].start < hits[i-1].start {
					t.Fatalf("text %q: hits not in order of their start: %v", text, hits)
				}
			}
			got := slices.Clone(hits)
			sortHits(got)
			if want := automatonHits(a, n); !slices.Equal(got, want) {
				t.Fatalf("text %q: %d hits, the automaton %d:\n%v\n%v", text, len(got), len(want), got, want)
			}
			total += len(got)
		}
		t.Logf("matcher %d: %d keys, %d hits compared", i, len(m.keyText), total)
		if total < 5000 {
			t.Errorf("matcher %d: only %d hits compared", i, total)
		}
	}
}

// TestKeyFinderRandomKeys compares the key finder with the automaton on random keys over
// a small alphabet (so that keys overlap and nest): keys after a space, compound keys,
// keys of one byte and compound keys with a space in them (the finder then looks at
// every byte).
func TestKeyFinderRandomKeys(t *testing.T) {
	rng := rand.New(rand.NewPCG(7, 8))
	word := func(n int) string {
		b := make([]byte, n)
		for i := range b {
			b[i] = "abcde "[rng.IntN(6)]
		}
		return string(b)
	}
	for round := range 300 {
		seen := map[string]bool{}
		var keys []string
		for range 1 + rng.IntN(40) {
			k := word(1 + rng.IntN(6))
			if rng.IntN(2) == 0 {
				k = " " + strings.TrimLeft(k, " ") + "x"[:rng.IntN(2)]
			} else if round%3 != 0 {
				k = strings.ReplaceAll(k, " ", "")
			}
			if k != "" && k != " " && !seen[k] {
				seen[k] = true
				keys = append(keys, k)
			}
		}
		if len(keys) == 0 {
			continue
		}
		f := newKeyFinder(keys)
		a, err := ahocorasick.NewBuilder().AddStrings(keys).Build()
		if err != nil {
			t.Fatal(err)
		}
		for range 20 {
			n := Normalize(word(rng.IntN(80)))
			hits, _ := f.find(&n, nil, nil)
			sortHits(hits)
			if want := automatonHits(a, n); !slices.Equal(hits, want) {
				t.Fatalf("keys %q, text %q: %v, the automaton %v", keys, n.Text, hits, want)
			}
		}
	}
}

// BenchmarkKeyFinder and BenchmarkKeyAutomaton find the default codebook's keys in the
// benchmark's text, side by side: the key finder and the Aho-Corasick automaton it
// replaced.
func BenchmarkKeyFinder(b *testing.B) {
	m, n := benchKeys(b)
	b.SetBytes(int64(len(n.Text)))
	b.ReportAllocs()
	var hits, spare []keyHit
	for b.Loop() {
		hits, spare = m.ac.find(&n, hits[:0], spare)
	}
}

func BenchmarkKeyAutomaton(b *testing.B) {
	m, n := benchKeys(b)
	a, err := ahocorasick.NewBuilder().AddStrings(m.keyText).Build()
	if err != nil {
		b.Fatal(err)
	}
	b.SetBytes(int64(len(n.Text)))
	b.ReportAllocs()
	for b.Loop() {
		a.FindAllOverlapping(n.bytes)
	}
}

func benchKeys(b *testing.B) (*matcher, Normalized) {
	cb, err := Load(defaultBook)
	if err != nil {
		b.Fatal(err)
	}
	ac, err := NewAutoCoder(cb)
	if err != nil {
		b.Fatal(err)
	}
	return ac.codes, Normalize(benchText())
}

// TestKeyFinderSkippingRandomKeys is TestKeyFinderRandomKeys with compound keys of at
// least three bytes, where the key finder moves through words by its shift table
// (keyFinder.skip): the same hits as the automaton, on texts of few letters where keys
// overlap and start everywhere.
func TestKeyFinderSkippingRandomKeys(t *testing.T) {
	rng := rand.New(rand.NewPCG(16, 17))
	word := func(n int, alphabet string) string {
		b := make([]byte, n)
		for i := range b {
			b[i] = alphabet[rng.IntN(len(alphabet))]
		}
		return string(b)
	}
	skipped := 0
	for round := range 400 {
		alphabet := "abcd"[:2+round%3]
		seen := map[string]bool{}
		var keys []string
		for range 1 + rng.IntN(30) {
			k := word(3+rng.IntN(6), alphabet)
			if rng.IntN(3) == 0 {
				k = " " + k
			}
			if !seen[k] {
				seen[k] = true
				keys = append(keys, k)
			}
		}
		f := newKeyFinder(keys)
		if f.skip == nil {
			continue
		}
		skipped++
		a, err := ahocorasick.NewBuilder().AddStrings(keys).Build()
		if err != nil {
			t.Fatal(err)
		}
		for range 20 {
			n := Normalize(word(rng.IntN(120), alphabet+"  "))
			hits, _ := f.find(&n, nil, nil)
			sortHits(hits)
			if want := automatonHits(a, n); !slices.Equal(hits, want) {
				t.Fatalf("keys %q, text %q: %v, the automaton %v", keys, n.Text, hits, want)
			}
		}
	}
	if skipped < 300 {
		t.Fatalf("only %d of 400 rounds had a shift table", skipped)
	}
}

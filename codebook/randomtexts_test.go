package codebook

import (
	"math/rand/v2"
	"strings"
)

// randomCodedTexts returns n random texts (seeded) made of the default codebook's pattern
// words, inflected ("-en", "-t", "ge-...-d", "-tje"), negation and clause words, and the
// fixtures' punctuation, upper case, accents, ligatures, combining marks and invalid
// bytes: texts in which many patterns fire, are negated, overlap and are excluded. The
// tests that compare the auto-coder's fast paths with simpler ones run on them.
func randomCodedTexts(n int, seed uint64) []string {
	cb, err := Load(defaultBook)
	if err != nil {
		panic(err)
	}
	var vocab []string
	for _, f := range cb.Factors {
		for _, c := range f.Codes {
			for _, p := range c.Patterns {
				for _, w := range strings.Fields(strings.TrimPrefix(p, "!")) {
					if w == "..." {
						continue
					}
					vocab = append(vocab, strings.ReplaceAll(w, "*", ""), strings.ReplaceAll(w, "*", "en"), strings.ReplaceAll(w, "*", "t"),
						"ge"+strings.ReplaceAll(w, "*", "d"), strings.ReplaceAll(w, "*", "tje"))
				}
			}
		}
	}
	for _, w := range append(DefaultNegations, "maar", "wel", "nee", "ja", "was", "het", "ik", "we", "dat", "die", "om", "vroeger",
		"zonder", "valt", "mee", "probleem", "geen", "niet", "nooit", "niks", "ho", "vergeet", "en", "of", "ontbreekt", "gestopt") {
		for range 20 {
			vocab = append(vocab, w)
		}
	}
	punct := []string{" ", " ", " ", " ", " ", ", ", ". ", "? ", "! ", "; ", ": ", " (", ") ", "… ", " – ", "\n", "  ", "'", "-", "?! "}
	odd := []string{"é", "ï", "ĳ", "Ĳ", "e\u0301", "ß", "Ω", "日本", "\xff", "\xc3", "ø", "\u00a0", "’", "😀", "İ", "Ⱥ"}
	r := rand.New(rand.NewPCG(seed, 2))
	texts := make([]string, 0, n)
	for range n {
		var b strings.Builder
		for j := 1 + r.IntN(60); j > 0; j-- {
			w := vocab[r.IntN(len(vocab))]
			switch r.IntN(12) {
			case 0:
				w = strings.ToUpper(w[:1]) + w[1:]
			case 1:
				k := r.IntN(len(w) + 1)
				w = w[:k] + odd[r.IntN(len(odd))] + w[k:]
			case 2:
				w = strings.ToUpper(w)
			}
			b.WriteString(w)
			b.WriteString(punct[r.IntN(len(punct))])
		}
		s := b.String()
		if r.IntN(3) == 0 {
			s = strings.TrimSpace(s)
		}
		texts = append(texts, s)
	}
	return texts
}

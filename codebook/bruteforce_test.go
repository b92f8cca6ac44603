package codebook

import (
	"fmt"
	"slices"
	"testing"
)

// The matcher finds where a rule can match through the key finder (keytrie.go) and
// filters a key's rules by the words after it (candidate.go); everything after a rule's
// span is found (negation, exclusions, the barrier a negation suggests, order) is the same
// code whichever way the span was found. bruteSpans is the simple way: every rule tried
// at every place it can start, a word's start (the space before it) or, for a compound
// rule, any byte. fastSpans is the matcher's way. The two must find the same spans.

type triedSpan struct{ rule, start, from, to int }

func bruteSpans(m *matcher, n *Normalized) []triedSpan {
	var out []triedSpan
	var stems lastStems
	t := n.Text
	for ri := range m.rules {
		r := &m.rules[ri]
		for s := 0; s < len(t); s++ {
			if !r.prefix && (t[s] != ' ' || s == len(t)-1) {
				continue
			}
			if from, to, ok := r.span(n, s, &stems); ok && leadAsWritten(r, t, s) {
				out = append(out, triedSpan{ri, s, from, to})
			}
		}
	}
	return sortedSpans(out)
}

// leadAsWritten reports whether the rule's leading function words (rule.leadWords) stand
// in t after the space at s as written: the matcher looks for them so (they do not
// inflect), where span would take "elkaar" for the pattern's "elkaars" by its stem.
func leadAsWritten(r *rule, t string, s int) bool {
	for _, w := range r.words[:r.leadWords()] {
		e := wordEnd(t, s+1)
		if t[s+1:e] != w.text {
			return false
		}
		s = e
	}
	return true
}

func fastSpans(m *matcher, n *Normalized) []triedSpan {
	var out []triedSpan
	var stems lastStems
	var fw following
	hits, _ := m.ac.find(n, nil, nil)
	for _, hit := range hits {
		kr := &m.keys[hit.k]
		cand := slices.Clone(kr.free)
		fw.of(n, n.wordEnd(int(hit.end)-1), maxGap+1)
		if fw.n > 0 {
			if g := byteIndex(kr.bytes, n.Text[fw.starts[0]]); g >= 0 {
				for i := range kr.next[g] {
					if c := &kr.next[g][i]; c.mayFollow(n.Text, &fw, 0) {
						cand = append(cand, c.rule)
					}
				}
			}
			if kr.gappedMay(&fw) {
				for i := range kr.gapped {
					if c := &kr.gapped[i]; c.mayFollowIn(n.Text, &fw) {
						cand = append(cand, c.rule)
					}
				}
			}
		}
		for _, ri := range cand {
			if from, to, ok := m.rules[ri].span(n, int(hit.start), &stems); ok {
				out = append(out, triedSpan{ri, int(hit.start), from, to})
			}
		}
	}
	return sortedSpans(out)
}

func sortedSpans(s []triedSpan) []triedSpan {
	slices.SortFunc(s, func(a, b triedSpan) int {
		if a.start != b.start {
			return a.start - b.start
		}
		if a.rule != b.rule {
			return a.rule - b.rule
		}
		return a.to - b.to
	})
	return slices.Compact(s)
}

// checkAsBruteForce fails t where the matcher's spans of text differ from bruteSpans'.
func checkAsBruteForce(t *testing.T, m *matcher, text string) int {
	n := normalizeInto(text, Normalized{})
	fast, brute := fastSpans(m, &n), bruteSpans(m, &n)
	if !slices.Equal(fast, brute) {
		t.Fatalf("text %q: the matcher's spans %v, every rule at every place %v", text, describe(m, fast), describe(m, brute))
	}
	return len(fast)
}

func describe(m *matcher, s []triedSpan) []string {
	var out []string
	for _, x := range s {
		out = append(out, fmt.Sprintf("%s %q @%d [%d,%d)", m.rules[x.rule].id, m.rules[x.rule].pattern, x.start, x.from, x.to))
	}
	return out
}

// TestMatcherAsBruteForce compares the matcher's spans with every rule tried at every
// place, on the example's segments and random texts of the default codebook's words.
func TestMatcherAsBruteForce(t *testing.T) {
	cb, err := Load(defaultBook)
	if err != nil {
		t.Fatal(err)
	}
	ac, err := NewAutoCoder(cb)
	if err != nil {
		t.Fatal(err)
	}
	texts := append(exampleSegments(t), randomCodedTexts(300, 11)...)
	if testing.Short() {
		texts = texts[:100]
	}
	found := 0
	for _, text := range texts {
		found += checkAsBruteForce(t, ac.codes, text)
	}
	if found < 500 {
		t.Fatalf("only %d spans found", found)
	}
}

// FuzzMatcherAsBruteForce is TestMatcherAsBruteForce on any text.
func FuzzMatcherAsBruteForce(f *testing.F) {
	cb, err := Load(defaultBook)
	if err != nil {
		f.Fatal(err)
	}
	ac, err := NewAutoCoder(cb)
	if err != nil {
		f.Fatal(err)
	}
	for _, s := range randomCodedTexts(20, 12) {
		f.Add(s)
	}
	f.Add("Het casusoverleg en de korte lijnen, nooit terugkoppeling. Ĳ")
	f.Fuzz(func(t *testing.T, s string) {
		checkAsBruteForce(t, ac.codes, s)
	})
}

package codebook

import (
	"slices"
	"strings"
)

// keyRules are the rules under one key, indexed by what the word after the
// key's last word must start with for the rule to match. The key finder finds a rule by
// its first words (see rule.keys), so a common first word ("ken", "vast", "zorg") brings
// many rules to every hit, and nearly all of them fail on their next word: looking up
// that word's first bytes first skips them without span's walk over the words and stems
// (a third of the auto-coder's time). The order in which a hit's rules are tried does
// not change the result: find sorts its matches on all their fields.
type keyRules struct {
	free   []int        // rules that span must check at every hit: no word after the key's, or a strong past form
	bytes  string       // the first bytes of the next word that the rules of next need, one per group
	next   [][]nextRule // per byte of bytes: the rules whose next word may start with it
	gapped []nextRule   // the rules with a gap before the next word: one of the next words may start so

	// A filter for all of gapped at once: the first two bytes of their beginnings
	// (pairBit), and the beginnings of one byte. None of a hit's next words starts so at
	// most hits (600 of 960 gapped rules at the benchmark's hits passed their own first
	// byte test, none matched).
	gapPairs  [1024 / 64]uint64
	gapSingle byteSet
}

// pairBit is the bit of keyRules.gapPairs for a word that starts with the bytes b0, b1.
func pairBit(b0, b1 byte) uint { return (uint(b0)*31 + uint(b1)) % 1024 }

// gappedMay reports whether one of the words of f starts as a beginning of a rule of
// gapped may: if not, no rule of gapped can match (mayFollowIn fails for each).
func (k *keyRules) gappedMay(f *following) bool {
	for i := 0; i < f.n; i++ {
		v := f.vals[i]
		if b := pairBit(byte(v), byte(v>>8)); k.gapPairs[b/64]&(1<<(b%64)) != 0 || k.gapSingle.has(byte(v)) {
			return true
		}
	}
	return false
}

// nextRule is a rule that needs the word after the key's last word to start with one of
// begins (all starting with the same byte).
type nextRule struct {
	rule   int
	begins []begin
	first  byteSet // after a gap: the first bytes of begins
}

// begin is a beginning a word must have, with its first eight bytes (fewer: zeros) as a
// little-endian number and the mask of those bytes, so that most words are told apart
// with one comparison.
type begin struct {
	s       string
	v, mask uint64
}

func newBegins(ss []string) []begin {
	out := make([]begin, len(ss))
	for i, s := range ss {
		out[i] = begin{s: s, v: load8(s)}
		for j := 0; j < min(len(s), 8); j++ {
			out[i].mask |= 0xff << (8 * j)
		}
	}
	return out
}

// load8 returns the first eight bytes of s as a little-endian number, zeros past its end.
func load8(s string) uint64 {
	if len(s) >= 8 {
		_ = s[7]
		return uint64(s[0]) | uint64(s[1])<<8 | uint64(s[2])<<16 | uint64(s[3])<<24 |
			uint64(s[4])<<32 | uint64(s[5])<<40 | uint64(s[6])<<48 | uint64(s[7])<<56
	}
	var v uint64
	for j := 0; j < len(s); j++ {
		v |= uint64(s[j]) << (8 * j)
	}
	return v
}

// of reports whether rest starts with b; v is load8(rest). No byte of a beginning is
// zero, so where rest is shorter than b the zeros of v do not compare equal.
func (b *begin) of(rest string, v uint64) bool {
	if v&b.mask != b.v {
		return false
	}
	return len(b.s) <= 8 || strings.HasPrefix(rest, b.s)
}

// byteSet is a set of bytes.
type byteSet [4]uint64

func (s *byteSet) add(b byte)            { s[b/64] |= 1 << (b % 64) }
func (s *byteSet) has(b byte) bool       { return s[b/64]&(1<<(b%64)) != 0 }
func (s *byteSet) meets(o *byteSet) bool { return s[0]&o[0]|s[1]&o[1]|s[2]&o[2]|s[3]&o[3] != 0 }

// add files rule i (r) under the key. The beginnings follow patWord.matchesWith: an open
// word starts with its text; a plain word is its text, or starts with its stem but the
// last two letters, or with "ge" and those (a participle), or is a strong past form of
// its verb (any beginning: the rule goes to free); a partner name's word is its text.
func (k *keyRules) add(r *rule, i int) {
	at := r.leadWords() + 1
	if at >= len(r.words) {
		k.free = append(k.free, i)
		return
	}
	w := r.words[at]
	begins := []string{w.text}
	if w.stem != "" && !w.open {
		if w.irregular {
			k.free = append(k.free, i)
			return
		}
		head := w.stem[:max(len(w.stem)-2, 1)]
		begins = append(begins, head, "ge"+head)
	}
	slices.Sort(begins)
	begins = slices.Compact(begins)
	if w.gap {
		c := nextRule{rule: i, begins: newBegins(begins)}
		for _, b := range begins {
			c.first.add(b[0])
			if len(b) == 1 {
				k.gapSingle.add(b[0])
			} else {
				pb := pairBit(b[0], b[1])
				k.gapPairs[pb/64] |= 1 << (pb % 64)
			}
		}
		k.gapped = append(k.gapped, c)
		return
	}
	for len(begins) > 0 {
		b := begins[0][0]
		j := 1
		for j < len(begins) && begins[j][0] == b {
			j++
		}
		g := strings.IndexByte(k.bytes, b)
		if g < 0 {
			g = len(k.bytes)
			k.bytes += string([]byte{b})
			k.next = append(k.next, nil)
		}
		k.next[g] = append(k.next[g], nextRule{rule: i, begins: newBegins(begins[:j])})
		begins = begins[j:]
	}
}

// following holds the words that span may try for the word after a key's last word:
// the next one, or up to maxGap more after a gap, none across a clause break or past the
// text's end; per word its start and load8 of the text from there, and the set of their
// first bytes.
type following struct {
	starts [maxGap + 1]int
	vals   [maxGap + 1]uint64
	n      int
	firsts byteSet
}

// of fills f for the key's last word that ends at the space e, with up to limit words
// (1: only the next word, for rules without a gap).
func (f *following) of(n *Normalized, e, limit int) {
	t := n.Text
	f.n, f.firsts = 0, byteSet{}
	for f.n < limit && e+1 < len(t) && !n.isBreak(e) {
		f.starts[f.n], f.vals[f.n] = e+1, load8(t[e+1:])
		f.firsts.add(t[e+1])
		f.n++
		e = n.wordEnd(e + 1)
	}
}

// mayFollow reports whether the rule can match where the word after the key's last word
// is word i of f. It is only a filter: span decides.
func (c *nextRule) mayFollow(t string, f *following, i int) bool {
	rest, v := t[f.starts[i]:], f.vals[i]
	for j := range c.begins {
		if c.begins[j].of(rest, v) {
			return true
		}
	}
	return false
}

// mayFollowIn reports whether one of the words of f may begin as the rule's next word
// must (a filter for a rule with a gap, as mayFollow).
func (c *nextRule) mayFollowIn(t string, f *following) bool {
	if !c.first.meets(&f.firsts) {
		return false
	}
	for i := 0; i < f.n; i++ {
		if c.first.has(t[f.starts[i]]) && c.mayFollow(t, f, i) {
			return true
		}
	}
	return false
}

// wordSet is a set of words that tells most other words apart by their first byte and
// length, and compares the rest with the few words of the set that start with the same
// byte: negated asks it for every word around a match, and hashing each was a tenth of
// the auto-coder's instructions.
type wordSet struct {
	m       map[string]bool
	lens    [256]uint32   // per first byte: bit l set for a word of length l (< 32) in m
	byFirst [256][]string // per first byte: the words of m (of fewer than 32 bytes)
	long    bool          // m has a word of 32 bytes or more
	empty   bool          // m holds "" (as true)
}

func newWordSet(m map[string]bool) *wordSet {
	s := &wordSet{m: m, empty: m[""]}
	for w, in := range m {
		switch {
		case !in || w == "":
		case len(w) >= 32:
			s.long = true
		default:
			s.lens[w[0]] |= 1 << len(w)
			s.byFirst[w[0]] = append(s.byFirst[w[0]], w)
		}
	}
	for i := range s.byFirst {
		slices.Sort(s.byFirst[i])
	}
	return s
}

func (s *wordSet) has(w string) bool {
	switch {
	case w == "":
		return s.empty // a word past the text's end: no hashing
	case len(w) >= 32:
		return s.long && s.m[w]
	}
	if s.lens[w[0]]&(1<<len(w)) == 0 {
		return false
	}
	for _, x := range s.byFirst[w[0]] {
		if x == w {
			return true
		}
	}
	return false
}

// stopWords, fillerWords and afterSet are afterStops, afterFillers and afterNegations as
// wordSets (made in the init that fills afterFillers).
var stopWords, fillerWords, afterSet *wordSet

// rarelySet, endedSet, notNegatingSet, pronounSet, interjectionSet and determinerSet are
// rarelyWords, endedWords, notNegating, afterPronouns, interjections and
// topicDeterminers as wordSets, for the look-ups that negated makes at every match: most
// words fail on their first byte and length, without hashing.
var rarelySet, endedSet, notNegatingSet, pronounSet, interjectionSet, determinerSet *wordSet

package codebook

import (
	"slices"
	"strings"
)

// keyRules are the rules under one automaton key, indexed by what the word after the
// key's last word must start with for the rule to match. The automaton finds a rule by
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
}

// nextRule is a rule that needs the word after the key's last word to start with one of
// begins (all starting with the same byte).
type nextRule struct {
	rule   int
	begins []string
	first  byteSet // after a gap: the first bytes of begins
}

// byteSet is a set of bytes.
type byteSet [4]uint64

func (s *byteSet) add(b byte)            { s[b/64] |= 1 << (b % 64) }
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
		c := nextRule{rule: i, begins: begins}
		for _, b := range begins {
			c.first.add(b[0])
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
		k.next[g] = append(k.next[g], nextRule{rule: i, begins: begins[:j:j]})
		begins = begins[j:]
	}
}

// mayFollow reports whether the rule can match where the text after the key's last word
// is rest (from the first byte of the next word on). It is only a filter: span decides.
func (c *nextRule) mayFollow(rest string) bool {
	for _, b := range c.begins {
		if strings.HasPrefix(rest, b) {
			return true
		}
	}
	return false
}

// nextWords returns the starts of the words that span may try for the word after the
// key's last word, which ends at the space e: the next one, or up to maxGap more after a
// gap, none across a clause break or past the text's end.
// firsts gets the first bytes of those words.
func nextWords(n Normalized, e int, starts *[maxGap + 1]int, firsts *byteSet) []int {
	t := n.Text
	k := 0
	*firsts = byteSet{}
	for k < len(starts) && e+1 < len(t) && !n.isBreak(e) {
		starts[k] = e + 1
		firsts.add(t[e+1])
		k++
		e = wordEnd(t, e+1)
	}
	return starts[:k]
}

// mayFollowIn reports whether one of the words at starts may begin as the rule's next
// word must (a filter for a rule with a gap, as mayFollow).
func (c *nextRule) mayFollowIn(t string, starts []int, firsts *byteSet) bool {
	if !c.first.meets(firsts) {
		return false
	}
	for _, s := range starts {
		if c.mayFollow(t[s:]) {
			return true
		}
	}
	return false
}

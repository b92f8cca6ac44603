package codebook

// candidate is a rule under one automaton key, with what the word after the key's last
// word must start with for the rule to match. The automaton finds a rule by its first
// words (see rule.keys), so a common first word ("ken", "vast", "zorg") brings many
// rules to every hit, and nearly all of them fail on their next word: looking at that
// word's first byte first skips them without span's walk over the words and stems
// (a third of the auto-coder's time).
type candidate struct {
	rule  int
	needs bool      // the rule has a word after the key's last word
	any   bool      // that word may start with any byte (a gap before it, or a strong past form)
	first [4]uint64 // else: the bytes it may start with, as a bit set
}

// newCandidate is rule i (r) as a candidate. The bytes follow patWord.matchesWith: an
// open word starts with its text; a plain word is its text, or starts with its stem but
// the last two letters, or with "ge" (a participle), or is a strong past form of its verb.
func newCandidate(r *rule, i int) candidate {
	c := candidate{rule: i}
	at := r.leadWords() + 1
	if at >= len(r.words) {
		return c
	}
	c.needs = true
	w := r.words[at]
	if w.gap || (w.stem != "" && !w.open && w.irregular) {
		c.any = true
		return c
	}
	c.add(w.text[0])
	if w.stem != "" && !w.open {
		c.add(w.stem[0]) // the stem's head starts with its first byte
		c.add('g')
	}
	return c
}

func (c *candidate) add(b byte) { c.first[b/64] |= 1 << (b % 64) }

// mayFollow reports whether the rule can match where the word after the key's last word
// starts with next (0: no word can follow, the text ends or a clause breaks). It is only
// a filter: span decides.
func (c *candidate) mayFollow(next byte) bool {
	switch {
	case !c.needs:
		return true
	case next == 0:
		return false // span stops at the text's end or a clause break, gap or not
	case c.any:
		return true
	}
	return c.first[next/64]&(1<<(next%64)) != 0
}

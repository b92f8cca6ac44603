package codebook

import (
	"cmp"
	"math/bits"
	"slices"

	"github.com/coregx/ahocorasick"
)

// keyFinder finds the matcher's keys (rule.keys) in a normalised text: every occurrence
// of every key, overlapping, as github.com/coregx/ahocorasick's FindAllOverlapping
// reports them (TestKeyFinderAsAutomaton compares the two on fixture and random texts).
//
// Why not that automaton alone: nearly every key starts with a space (a word's start),
// and the automaton steps through every byte of the text with a load from a transition
// table of 13,000 states × 64 byte classes (3.4 MB, far larger than the caches), and
// returns its hits in a new, growing slice (two thirds of the 121 kB the auto-coder
// allocated per text). A trie of the keys without their space, walked from each word's
// start, reads the first two or three bytes of most words and stops, and writes its hits
// into a buffer the caller reuses. Only the compound keys ("*overleg": anywhere in a word,
// 73 of 3,162 keys) go through the automaton, a small one that stays in the cache. No
// maintained Go package takes either shortcut: they scan every byte and allocate their
// results.
type keyFinder struct {
	// class maps a byte to its column in a trie row: 1 to stride-2 for the bytes of the
	// keys, stride-1 for the others, a column that is 0 in every row. Row s of next holds
	// the key index of the trie node at s in its column 0, and in the others the node
	// (premultiplied by stride) after the byte, or 0 for none (the root is never a child),
	// with hasKey set where that node ends a key: one load and one test per byte.
	class  [256]uint8
	stride int
	next   []int32

	compound   *ahocorasick.Automaton // the keys that do not start with a space, or nil
	compoundID []int32                // compound pattern index -> key index
}

// hasKey marks a transition of keyFinder.next to a node that ends a key.
const hasKey = 1 << 30

// keyHit is an occurrence of key k at the bytes [start, end) of the normalised text.
type keyHit struct {
	k          int32
	start, end int32
}

func newKeyFinder(keys []string) *keyFinder {
	f := &keyFinder{}
	var compound []string
	nc := 1
	for _, key := range keys {
		if len(key) < 2 || key[0] != ' ' {
			continue
		}
		for i := 1; i < len(key); i++ {
			if f.class[key[i]] == 0 {
				f.class[key[i]] = uint8(nc)
				nc++
			}
		}
	}
	if nc > 254 {
		// More than 253 distinct bytes after a space cannot happen in normalised keys (no
		// control byte survives normalising); every key goes to the automaton.
		f.class = [256]uint8{}
		nc = 1
	}
	f.stride = nc + 1
	for c, x := range f.class {
		if x == 0 {
			f.class[c] = uint8(nc) // the column of no key
		}
	}
	f.next = make([]int32, f.stride) // the root
	for k, key := range keys {
		if len(key) < 2 || key[0] != ' ' || nc == 1 {
			compound = append(compound, key)
			f.compoundID = append(f.compoundID, int32(k))
			continue
		}
		s, at := 0, 0
		for i := 1; i < len(key); i++ {
			at = s + int(f.class[key[i]])
			if f.next[at] == 0 {
				if len(f.next)+f.stride >= hasKey {
					panic("codebook: too many auto-coding keys") // a billion bytes of patterns
				}
				f.next[at] = int32(len(f.next))
				f.next = append(f.next, make([]int32, f.stride)...)
			}
			s = int(f.next[at] &^ hasKey)
		}
		f.next[at] |= hasKey
		f.next[s] = int32(k) // keys are distinct: one key per node
	}
	if len(compound) > 0 {
		// Build fails only without patterns or with an empty one; keys are never empty.
		f.compound, _ = ahocorasick.NewBuilder().AddStrings(compound).Build()
	}
	return f
}

// find appends to hits every occurrence of a key in n, in order of their start; spare is
// scratch for the compound keys' hits, returned for reuse.
func (f *keyFinder) find(n Normalized, hits, spare []keyHit) ([]keyHit, []keyHit) {
	t := n.Text
	next := f.next
	for w, x := range n.spc {
		for x != 0 {
			p := w*64 + bits.TrailingZeros64(x)
			x &= x - 1
			s := 0
			for i := p + 1; i < len(t); i++ {
				v := next[s+int(f.class[t[i]])]
				if v == 0 {
					break
				}
				s = int(v &^ hasKey)
				if v&hasKey != 0 {
					hits = append(hits, keyHit{k: next[s], start: int32(p), end: int32(i + 1)})
				}
			}
		}
	}
	if f.compound == nil {
		return hits, spare
	}
	spare = spare[:0]
	for _, h := range f.compound.FindAllOverlapping(n.bytes) {
		spare = append(spare, keyHit{k: f.compoundID[h.PatternID], start: int32(h.Start), end: int32(h.End)})
	}
	if len(spare) == 0 {
		return hits, spare
	}
	// Merge the compound keys' hits (few, in order of their end) into the others by
	// start, from the back: the matches then come nearly in order for sortMatches.
	slices.SortStableFunc(spare, func(a, b keyHit) int { return cmp.Compare(a.start, b.start) })
	i, j := len(hits)-1, len(spare)-1
	hits = append(hits, spare...)
	for at := len(hits) - 1; j >= 0; at-- {
		if i >= 0 && hits[i].start > spare[j].start {
			hits[at] = hits[i]
			i--
		} else {
			hits[at] = spare[j]
			j--
		}
	}
	return hits, spare
}

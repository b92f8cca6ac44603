package codebook

import (
	"math/bits"
	"strings"
)

// keyFinder finds the matcher's keys (rule.keys) in a normalised text: every occurrence
// of every key, overlapping, as an Aho-Corasick automaton over all of them reports them
// (TestKeyFinderAsAutomaton compares it with github.com/coregx/ahocorasick's
// FindAllOverlapping on fixture and random texts).
//
// Why not such an automaton: nearly every key starts with a space (a word's start), and
// the automaton steps through every byte of the text with a load from a transition table
// of 13,000 states × 64 byte classes (3.4 MB, far larger than the caches), each load
// waiting for the one before, and returns its hits in a new, growing slice (two thirds of
// the 121 kB the auto-coder allocated per text). A trie of the keys without their space,
// walked from each word's start, reads the first two or three bytes of most words and
// stops, and writes its hits into a buffer the caller reuses. The compound keys
// ("*overleg": anywhere in a word, 73 of 3,162 keys) have a trie of their own, walked only
// where the text's next two bytes begin one of them. No maintained Go package takes
// either shortcut: they scan every byte through one automaton and allocate their results.
type keyFinder struct {
	words    trie            // the keys that start with a space, without it
	compound trie            // the others, walked from any byte
	pairs    [1 << 10]uint64 // the compound keys' first two bytes (b0 | b1<<8) as a bit set
	shortest int             // the length of the shortest compound key
	spaced   bool            // a compound key holds a space (then every byte is looked at)

	// skip is a Wu-Manber shift table for the compound keys (made when the shortest is
	// at least 3 bytes long): for the byte pair that ends a window of shortest bytes
	// (hashed by skipIndex), how far the window may move on without passing the start of
	// a key; 0 where a key may start at the window's first byte.
	skip []uint8
}

// skipIndex hashes a byte pair for keyFinder.skip; pairs that share an index take the
// smaller shift, so a collision costs time, never a hit.
func skipIndex(b0, b1 byte) uint { return (uint(b0)<<6 ^ uint(b1)) & (1<<12 - 1) }

// trie is a trie of byte strings in one table. class maps a byte to its column in a row:
// 1 to stride-2 for the bytes of the strings, stride-1 for the others, a column that is 0
// in every row. Row s of next holds the key index of the node at s in its column 0, and
// in the others the node (premultiplied by stride) after the byte, or 0 for none (the root
// is never a child), with hasKey set where that node ends a key: one load and one test per
// byte of the text.
type trie struct {
	class  [256]uint8
	stride int
	next   []int32
}

// hasKey marks a transition of trie.next to a node that ends a key.
const hasKey = 1 << 30

// newTrie returns the trie of the strings ss, whose keys are ids (the strings distinct
// and not empty).
func newTrie(ss []string, ids []int32) trie {
	var t trie
	nc := 1
	for _, s := range ss {
		for i := 0; i < len(s); i++ {
			if t.class[s[i]] == 0 {
				t.class[s[i]] = uint8(nc)
				nc++
			}
		}
	}
	if nc == 256 { // every byte is in a string: the column of no byte needs one more
		panic("codebook: auto-coding keys use all 256 bytes")
	}
	t.stride = nc + 1
	for c, x := range t.class {
		if x == 0 {
			t.class[c] = uint8(nc)
		}
	}
	t.next = make([]int32, t.stride) // the root
	for k, s := range ss {
		n, at := 0, 0
		for i := 0; i < len(s); i++ {
			at = n + int(t.class[s[i]])
			if t.next[at] == 0 {
				if len(t.next)+t.stride >= hasKey {
					panic("codebook: too many auto-coding keys") // a billion bytes of patterns
				}
				t.next[at] = int32(len(t.next))
				t.next = append(t.next, make([]int32, t.stride)...)
			}
			n = int(t.next[at] &^ hasKey)
		}
		t.next[at] |= hasKey
		t.next[n] = ids[k]
	}
	return t
}

// walk appends to hits the keys that start at byte from of t (a hit's start is reported
// as start), shortest first.
func (tr *trie) walk(t string, from, start int, hits []keyHit) []keyHit {
	next, n := tr.next, 0
	for i := from; i < len(t); i++ {
		v := next[n+int(tr.class[t[i]])]
		if v == 0 {
			break
		}
		n = int(v &^ hasKey)
		if v&hasKey != 0 {
			hits = append(hits, keyHit{k: next[n], start: int32(start), end: int32(i + 1)})
		}
	}
	return hits
}

// compounds appends to hits the compound keys that start at the bytes [from, to) of t,
// in order of their start, walking the trie where the first two bytes may begin a key.
func (f *keyFinder) compounds(t string, from, to int, hits []keyHit) []keyHit {
	pairs := &f.pairs
	for i := from; i < to; i++ {
		p := uint(t[i])
		if i+1 < len(t) {
			p |= uint(t[i+1]) << 8
		}
		if pairs[p>>6&(1<<10-1)]&(1<<(p&63)) != 0 {
			hits = f.compound.walk(t, i, i, hits)
		}
	}
	return hits
}

// compoundsSkipping is compounds over the start bytes [from, to) of a word (to at most
// the word's end less f.shortest, plus one), moving on by f.skip: at a window of
// f.shortest bytes from i whose last two bytes have shift s > 0, no key starts at i to
// i+s-1, since such a key would hold those two bytes at an offset of its first
// f.shortest bytes whose shift is less than s.
func (f *keyFinder) compoundsSkipping(t string, from, to int, hits []keyHit) []keyHit {
	pairs, skip, last := &f.pairs, f.skip, f.shortest-1
	for i := from; i < to; {
		if s := skip[skipIndex(t[i+last-1], t[i+last])]; s > 0 {
			i += int(s)
			continue
		}
		if p := uint(t[i]) | uint(t[i+1])<<8; pairs[p>>6&(1<<10-1)]&(1<<(p&63)) != 0 {
			hits = f.compound.walk(t, i, i, hits)
		}
		i++
	}
	return hits
}

// keyHit is an occurrence of key k at the bytes [start, end) of the normalised text.
type keyHit struct {
	k          int32
	start, end int32
}

func newKeyFinder(keys []string) *keyFinder {
	f := &keyFinder{}
	var words, compound []string
	var wordIDs, compoundIDs []int32
	for k, key := range keys {
		if len(key) >= 2 && key[0] == ' ' {
			words, wordIDs = append(words, key[1:]), append(wordIDs, int32(k))
			continue
		}
		compound, compoundIDs = append(compound, key), append(compoundIDs, int32(k))
		if len(compound) == 1 || len(key) < f.shortest {
			f.shortest = len(key)
		}
		f.spaced = f.spaced || strings.IndexByte(key, ' ') >= 0
		if len(key) == 1 {
			for b := range 256 {
				f.pairs[(int(key[0])|b<<8)/64] |= 1 << ((int(key[0]) | b<<8) % 64)
			}
		} else if len(key) > 1 {
			p := int(key[0]) | int(key[1])<<8
			f.pairs[p/64] |= 1 << (p % 64)
		}
	}
	f.words, f.compound = newTrie(words, wordIDs), newTrie(compound, compoundIDs)
	if len(compound) > 0 && f.shortest >= 3 && !f.spaced {
		m := f.shortest
		f.skip = make([]uint8, 1<<12)
		for i := range f.skip {
			f.skip[i] = uint8(min(m-1, 255))
		}
		for _, key := range compound {
			for j := 0; j+1 < m; j++ { // the pairs of the key's first m bytes
				x := skipIndex(key[j], key[j+1])
				f.skip[x] = min(f.skip[x], uint8(min(m-2-j, 255)))
			}
		}
	}
	return f
}

// find appends to hits every occurrence of a key in n, in order of their start (and
// end); spare is scratch, returned for reuse.
//
// Its work (Normalized.work) is one step per byte of n: it walks from each word's start,
// and for the compounds from bytes inside words, no further than its longest key.
func (f *keyFinder) find(n *Normalized, hits, spare []keyHit) ([]keyHit, []keyHit) {
	t := n.Text
	n.work += len(t)
	for w, x := range n.spc {
		for x != 0 {
			p := w*64 + bits.TrailingZeros64(x)
			x &= x - 1
			hits = f.words.walk(t, p+1, p, hits)
		}
	}
	if len(f.compound.next) == f.compound.stride { // no compound keys
		return hits, spare
	}
	spare = spare[:0]
	if f.spaced {
		spare = f.compounds(t, 0, len(t), spare)
	} else {
		// A key without a space lies inside a word: only words as long as the shortest
		// key are looked at, and in them only where a key would fit.
		prev := -1 // the space before the word
		for w, x := range n.spc {
			for x != 0 {
				p := w*64 + bits.TrailingZeros64(x)
				x &= x - 1
				if p-prev-1 >= f.shortest {
					if f.skip != nil {
						spare = f.compoundsSkipping(t, prev+1, p-f.shortest+1, spare)
					} else {
						spare = f.compounds(t, prev+1, p-f.shortest+1, spare)
					}
				}
				prev = p
			}
		}
	}
	if len(spare) == 0 {
		return hits, spare
	}
	// Merge the compound keys' hits (few) into the others by start, from the back: the
	// matches then come nearly in order for sortMatches.
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

package redact

import (
	"unicode"
	"unicode/utf8"
)

// findGluedStudyNames returns the words that run a name the study lists (a respondent's,
// a speaker's, privacy.names) together with a place or a word without any seam
// ("janbergdorp", "ikbenjanvdberg" for a respondent Jan van den Berg), which
// names_glued.go (a seam of case, digits or "_") and joinedNames (the whole name run
// together) leave whole (privacy leftovers of 0.10.0). The word, in lower case or
// capitalised, of six letters or more and itself no name or Dutch word, is split into
// pieces: a listed one-word name of three letters or more, a surname prefix ("van",
// "vd", "der"), a kept word (a municipality, role or codebook word) or a place of four
// letters or more, and the chat words of gluedChatWords ("ik", "ben", "heet",
// "groetjes", "xx"; no short word that Dutch compounds hold, such as "is" or "en": with Bas
// listed, "basisscholen" is no bas + is + scholen). It is one "[naam]" where some split
// holds a listed name and either a kept word, a place or a chat word other than "ik"
// and "ben" ("groetjesdaan"), or three pieces or more ("ikbenjan"). So "basis" (bas +
// is), "vandaan" (van + daan: two pieces), "markt" and "semester" (Sem and Ester listed:
// two names) stay.
//
// Not covered: a name the study does not list ("pietbergdorp" with no Piet among its
// people: the lists' given names glued to any word would take too many Dutch
// compounds), a listed name glued to a word outside these lists ("janvoetbal",
// "sannehaarbroer"), a name of two letters ("mobergdorp"), and a word of fewer than
// six letters ("ikjan").
func (r *Redactor) findGluedStudyNames(text string) []Span {
	if len(r.names.starts) == 0 {
		return nil
	}
	var out []Span
	for i := 0; i < len(text); {
		c, n := runeAt(text, i)
		if !unicode.IsLetter(c) {
			i += n
			continue
		}
		s := i
		i = letterRunEnd(text, i)
		if i-s < 6 || s > 0 && (tokenByteOrLetter(text, s) || text[s-1] == '@') || i < len(text) && (isDigit(text[i]) || text[i] == '_') {
			continue
		}
		w := text[s:i]
		if !lowerAfterFirst(w) {
			continue // capitals inside: camel case is names_glued.go's
		}
		f := w
		if w[0] < 'a' || w[0] > 'z' || !asciiOnly(w) {
			f = fold(w)
		}
		if r.gluedStudyName(f) {
			out = append(out, Span{s, i, Name})
		}
	}
	return out
}

// letterRunEnd returns the end of the run of letters and combining marks at i.
func letterRunEnd(text string, i int) int {
	for i < len(text) {
		if c := text[i]; c < utf8.RuneSelf {
			if 'a' <= c|0x20 && c|0x20 <= 'z' {
				i++
				continue
			}
			return i
		}
		c, n := utf8.DecodeRuneInString(text[i:])
		if !unicode.IsLetter(c) && !unicode.Is(unicode.Mn, c) {
			return i
		}
		i += n
	}
	return i
}

// lowerAfterFirst reports whether w has no capital past its first letter.
func lowerAfterFirst(w string) bool {
	for k, c := range w {
		if k > 0 && (c >= 'A' && c <= 'Z' || c >= utf8.RuneSelf && unicode.IsUpper(c)) {
			return false
		}
	}
	return true
}

// asciiOnly reports whether w is all ASCII.
func asciiOnly(w string) bool {
	for k := 0; k < len(w); k++ {
		if w[k] >= utf8.RuneSelf {
			return false
		}
	}
	return true
}

// gluedStudyName reports whether the folded word splits as findGluedStudyNames says.
func (r *Redactor) gluedStudyName(f string) bool {
	if utf8.RuneCountInString(f) > 40 || !r.names.startsIn(f) {
		return false
	}
	l := lex()
	if l.isName(f) || l.word[f] || l.place[f] || r.keep[f] || r.names.single(f) {
		return false
	}
	// best[k]: the splits of f[:k], as (pieces, has a name, has a place or kept word);
	// kept as the most telling of each kind.
	type split struct {
		ok           bool
		pieces       int
		name, anchor bool
	}
	best := make([]split, len(f)+1)
	best[0] = split{ok: true}
	better := func(a, b split) bool { // a tells more than b
		score := func(x split) int {
			v := x.pieces
			if x.name {
				v += 100
			}
			if x.anchor {
				v += 10
			}
			return v
		}
		return !b.ok || score(a) > score(b)
	}
	for k := 0; k < len(f); k++ {
		if !best[k].ok {
			continue
		}
		for e := k + 2; e <= len(f); e++ {
			p := f[k:e]
			name := len(p) >= 3 && r.names.single(p) && !idWords[p]
			anchor := len(p) >= 4 && (r.keep[p] || l.place[p]) || gluedChatWords[p] && p != "ik" && p != "ben"
			if !name && !anchor && !gluedPrefixes[p] && !gluedChatWords[p] {
				continue
			}
			c := split{ok: true, pieces: best[k].pieces + 1, name: best[k].name || name, anchor: best[k].anchor || anchor}
			if better(c, best[e]) {
				best[e] = c
			}
		}
	}
	b := best[len(f)]
	return b.ok && b.name && b.pieces >= 2 && (b.anchor || b.pieces >= 3)
}

// startsIn reports whether a listed one-word name's first three letters occur in f, a
// cheap test before splitting it: a bit set for trigrams of ASCII lower-case letters,
// the map for the others.
func (n *names) startsIn(f string) bool {
	n.trigramsOnce.Do(func() {
		n.trigrams = make([]uint64, 26*26*26/64+1)
		for k := range n.starts {
			if t, ok := trigram(k); ok {
				n.trigrams[t/64] |= 1 << (t % 64)
			}
		}
	})
	for k := 0; k+3 <= len(f); k++ {
		if t, ok := trigram(f[k : k+3]); ok {
			if n.trigrams[t/64]&(1<<(t%64)) != 0 {
				return true
			}
		} else if n.starts[f[k:k+3]] {
			return true
		}
	}
	return false
}

// trigram numbers three ASCII lower-case letters.
func trigram(s string) (int, bool) {
	a, b, c := s[0]-'a', s[1]-'a', s[2]-'a'
	if a >= 26 || b >= 26 || c >= 26 {
		return 0, false
	}
	return (int(a)*26+int(b))*26 + int(c), true
}

// gluedPrefixes are the surname prefixes a glued name holds ("janvdberg", "vandenberg").
var gluedPrefixes = map[string]bool{"van": true, "vd": true, "vdn": true, "de": true, "der": true, "den": true,
	"ter": true, "ten": true, "vander": true, "vanden": true, "vande": true, "el": true}

// gluedChatWords are the words a chat name runs together with ("ikbenjan", "groetjesjan").
var gluedChatWords = map[string]bool{"ik": true, "ben": true, "heet": true, "hoi": true, "hey": true, "hai": true,
	"doei": true, "groetjes": true, "groet": true, "xx": true, "xxx": true, "naam": true, "official": true, "officieel": true}

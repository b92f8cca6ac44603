package redact

import (
	"strings"
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
// "groetjes"; no short word that Dutch compounds hold, such as "is" or "en": with Bas
// listed, "basisscholen" is no bas + is + scholen). It is one "[naam]" where some split holds a listed name and either a
// kept word or place, or three pieces or more. So "basis" (bas + is), "markt" and
// "semester" (Sem and Ester listed: two pieces) stay.
//
// Not covered: a name the study does not list ("pietbergdorp" with no Piet among its
// people), a listed name glued to a word outside these lists ("janvoetbal"), and a
// name that is itself a Dutch word run into another ("roosbergdorp" is found, "roosje"
// is diminutives.go's).
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
		for i < len(text) {
			c, n := runeAt(text, i)
			if !unicode.IsLetter(c) && !unicode.Is(unicode.Mn, c) {
				break
			}
			i += n
		}
		if i-s < 6 || s > 0 && (tokenByteOrLetter(text, s) || text[s-1] == '@') || i < len(text) && (isDigit(text[i]) || text[i] == '_') {
			continue
		}
		w := text[s:i]
		if lw := strings.ToLower(w); w[1:] != lw[1:] {
			continue // capitals inside: camel case is names_glued.go's
		}
		if r.gluedStudyName(fold(w)) {
			out = append(out, Span{s, i, Name})
		}
	}
	return out
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
			anchor := len(p) >= 4 && (r.keep[p] || l.place[p])
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
// cheap test before splitting it.
func (n *names) startsIn(f string) bool {
	for k := 0; k+3 <= len(f); k++ {
		if n.starts[f[k:k+3]] {
			return true
		}
	}
	return false
}

// gluedPrefixes are the surname prefixes a glued name holds ("janvdberg", "vandenberg").
var gluedPrefixes = map[string]bool{"van": true, "vd": true, "vdn": true, "de": true, "der": true, "den": true,
	"ter": true, "ten": true, "vander": true, "vanden": true, "vande": true, "el": true}

// gluedChatWords are the words a chat name runs together with ("ikbenjan", "groetjesjan").
var gluedChatWords = map[string]bool{"ik": true, "ben": true, "heet": true, "hoi": true, "hey": true, "hai": true,
	"doei": true, "groetjes": true, "groet": true, "xx": true, "xxx": true, "naam": true, "official": true, "officieel": true}

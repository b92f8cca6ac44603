package redact

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// A listed name is the researcher saying that this person must not be named, and young
// people are called by pet forms of it: "Rishaanie", "Rishy", "Rish" for a listed Rishaan
// (attack 16p, F16: 0.10.0 published "Rish kwam gisteren langs ..., hij heet eigenlijk
// [naam]", undoing its own placeholder). petForms are, for the first word of each listed
// name of five letters or more (the given name, as lists write it), the word with -ie,
// -y or -i (after a final vowel too: Sanne, Sannie). They are names where the text
// capitalises them and they are no function, place or kept word, nor a name that is also
// a Dutch word. Clipped forms ("Rish") are not found: clipped to four letters, listed
// names become Dutch words (Rozemarijn "Roze", Mandy "Mand", Sandra "Sand": review of
// 16p's rules).

// petForms returns the folded pet forms of the listed names' first words.
func petForms(lists ...[]string) map[string]bool {
	l := lex()
	out := map[string]bool{}
	for _, list := range lists {
		for _, n := range list {
			words := wordsOf(n)
			if len(words) == 0 || hasDigit(n) {
				continue
			}
			g := fold(words[0])
			runes := []rune(g)
			if len(runes) < 5 || prefixes[g] || l.function[g] || idWords[g] {
				continue
			}
			add := func(w string) {
				if w != g && !l.word[w] && !l.function[w] && !l.place[w] && !institutionWord[w] {
					out[w] = true
				}
			}
			stems := []string{g}
			if strings.ContainsRune("aeiou", runes[len(runes)-1]) {
				stems = append(stems, string(runes[:len(runes)-1]))
			}
			for _, st := range stems {
				for _, suffix := range []string{"ie", "y", "i"} {
					add(st + suffix)
				}
			}
		}
	}
	return out
}

// findPetForms returns the capitalised words of text that are pet forms of listed names.
func (r *Redactor) findPetForms(text string) []Span {
	if len(r.pets) == 0 {
		return nil
	}
	var out []Span
	start := -1
	check := func(end int) {
		w := text[start:end]
		c, _ := utf8.DecodeRuneInString(w)
		if !unicode.IsUpper(c) || len(w) < 4 || hasDigit(w) {
			return
		}
		if f := fold(w); r.pets[f] && !r.keep[f] {
			out = append(out, Span{start, end, Name})
		}
	}
	for i, c := range text {
		if notWordRune(c) {
			if start >= 0 {
				check(i)
				start = -1
			}
		} else if start < 0 {
			start = i
		}
	}
	if start >= 0 {
		check(len(text))
	}
	return out
}

package redact

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// Social-media handles ("@daan_vd_berg2009", "insta: noor_2008", "snap daanvdb") are
// the contact details young people give each other; written in lower case, they escape
// the name rules (which want a capital) and, where a part is a listed name, leave the
// rest standing ("@[naam]_vd_berg2009"). A handle is found two ways:
//
//   - after an "@" that no address character precedes (an e-mail address is matched by
//     its own pattern): the run of letters, digits, "_", "." and "-" after it, holding a
//     letter, trailing dots and dashes left out;
//   - after a platform's name ("insta", "snap", "tiktok", ...; optionally followed by
//     "naam", "account" or ".com/", and by ":", "=", "-", "is" or "heet"): the next word,
//     when it looks like a handle (see handleLike), so "ik snap het niet" and "snap je?"
//     keep their words.
//
// The whole handle becomes one placeholder, so no part of it is left.

// platforms are the cue words: a platform's name as people write it.
var platforms = map[string]bool{
	"insta": true, "instagram": true, "ig": true, "snap": true, "snapchat": true, "sc": true,
	"tiktok": true, "twitter": true, "facebook": true, "fb": true, "discord": true,
	"telegram": true, "threads": true, "bereal": true, "youtube": true, "twitch": true,
	"roblox": true, "fortnite": true, "steam": true, "psn": true, "xbox": true,
}

// platformStarts holds the first two letters of every platform's name.
var platformStarts = func() (t [26][26]bool) {
	for p := range platforms {
		t[p[0]-'a'][p[1]-'a'] = true
	}
	return t
}()

// accountWords may follow a platform's name, alone or joined to it ("snapnaam",
// "insta-account").
var accountWords = []string{"accountnaam", "gebruikersnaam", "username", "account", "naam", "name", "handle", "id"}

// handleRune reports whether c may be part of a handle.
func handleRune(c rune) bool {
	return c < utf8.RuneSelf && (c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '_' || c == '.' || c == '-') ||
		c >= utf8.RuneSelf && (unicode.IsLetter(c) || unicode.IsDigit(c) || unicode.Is(unicode.Mn, c))
}

// handleAt returns the end of the handle that starts at byte i of text (0 for none):
// a run of handle runes with a letter, trailing dots and dashes left out.
func handleAt(text string, i int) int {
	end := i
	for end < len(text) {
		c, n := utf8.DecodeRuneInString(text[end:])
		if !handleRune(c) {
			break
		}
		end += n
	}
	for end > i && (text[end-1] == '.' || text[end-1] == '-') {
		end--
	}
	if end < len(text) && text[end] == '@' {
		return 0 // the local part of an address
	}
	for _, c := range text[i:end] {
		if unicode.IsLetter(c) {
			return end
		}
	}
	return 0
}

// findHandles returns the spans of social-media handles in text.
func findHandles(text string, keep map[string]bool) []Span {
	var out []Span
	if strings.IndexByte(text, '@') >= 0 {
		for i := 0; i < len(text); i++ {
			if text[i] != '@' || i > 0 && localPart(text[i-1]) {
				continue
			}
			if end := handleAt(text, i+1); end > 0 {
				out = append(out, Span{i, end, Handle})
				i = end - 1
			}
		}
	}
	for _, p := range cuedHandles(text, keep) {
		if !coveredBy(out, p) {
			out = append(out, p)
		}
	}
	return out
}

func coveredBy(spans []Span, s Span) bool {
	for _, o := range spans {
		if s.Start < o.End && o.Start < s.End {
			return true
		}
	}
	return false
}

// cuedHandles returns the handles right after a platform's name in text.
func cuedHandles(text string, keep map[string]bool) []Span {
	var out []Span
	var buf [24]byte
	for i := 0; i < len(text); {
		// the next word of ASCII letters, in lower case in buf
		for i < len(text) && !asciiLetter(text[i]) {
			i++
		}
		start := i
		for i < len(text) && asciiLetter(text[i]) {
			i++
		}
		if start == i || i-start > len(buf) || start > 0 && handleRune(rune(text[start-1])) && text[start-1] != '.' || wordContinues(text, i) {
			continue
		}
		word := buf[:i-start]
		for k := range word {
			word[k] = text[start+k] | 0x20
		}
		// most words start with no platform's first two letters: no map lookups for them
		if len(word) < 2 || !platformStarts[word[0]-'a'][word[1]-'a'] || !platforms[string(word)] && !platformAccount(word) {
			continue
		}
		j := afterCue(text, i)
		if j >= len(text) || text[j] == '@' {
			continue // an "@" handle is found on its own
		}
		end := handleAt(text, j)
		if end > 0 && handleLike(fold(text[j:end]), keep) {
			out = append(out, Span{j, end, Handle})
			i = end
		}
	}
	return out
}

// platformAccount reports whether the lower-case word is a platform's name joined to an
// account word: "snapnaam", "instaaccount".
func platformAccount(word []byte) bool {
	for _, a := range accountWords {
		if n := len(word) - len(a); n > 0 && string(word[n:]) == a && platforms[string(word[:n])] {
			return true
		}
	}
	return false
}

func asciiLetter(b byte) bool { return b >= 'a' && b <= 'z' || b >= 'A' && b <= 'Z' }

// hasPrefixFold reports whether s starts with the lower-case ASCII word w, in any case.
func hasPrefixFold(s, w string) bool { return len(s) >= len(w) && strings.EqualFold(s[:len(w)], w) }

// afterCue returns where the handle after a platform's name ending at i may start: past
// an account word ("snap-naam", "insta account"), a web address's ".com/", and a
// separator (":", "=", "-", "is", "heet").
func afterCue(text string, i int) int {
	skipSpace := func(j int) int {
		for j < len(text) && (text[j] == ' ' || text[j] == '\t') {
			j++
		}
		return j
	}
	for _, w := range []string{".com/", ".nl/"} {
		if hasPrefixFold(text[i:], w) {
			return i + len(w)
		}
	}
	j := skipSpace(i)
	if j < len(text) && text[j] == '-' {
		j++
	}
	for _, a := range accountWords {
		if hasPrefixFold(text[j:], a) && !wordContinues(text, j+len(a)) {
			j = skipSpace(j + len(a))
			break
		}
	}
	if j < len(text) && strings.IndexByte(":=-", text[j]) >= 0 {
		return skipSpace(j + 1)
	}
	for _, w := range []string{"is", "heet", "was"} {
		if hasPrefixFold(text[j:], w) && !wordContinues(text, j+len(w)) {
			j = skipSpace(j + len(w))
			if j < len(text) && text[j] == ':' {
				j = skipSpace(j + 1)
			}
			return j
		}
	}
	return j
}

// wordContinues reports whether a letter (or a non-ASCII byte) is at byte i of text.
func wordContinues(text string, i int) bool {
	return i < len(text) && (asciiLetter(text[i]) || text[i] >= utf8.RuneSelf)
}

// handleLike reports whether h (folded, see fold), the word after a platform's name, is a
// handle rather than a word of the sentence: it holds "_", a dot between letters, or
// letters and digits ("noor_2008", "lisa.jansen", "noorb08"); or, being no Dutch word or
// function word ("het", "dat", "alles"), it is a name from the lists, or a given name of
// at least three letters followed by initials without a vowel or by another name
// ("daanvdb", "noorb", "daanjansen"; not "meteen" or "dingen"). Kept words (codebook, partners, roles,
// municipalities) are never handles.
func handleLike(h string, keep map[string]bool) bool {
	if keep[h] {
		return false
	}
	letters, digits := 0, 0
	for _, c := range h {
		switch {
		case unicode.IsLetter(c):
			letters++
		case c >= '0' && c <= '9':
			digits++
		}
	}
	if letters == 0 {
		return false
	}
	if strings.Contains(h, "_") || strings.Contains(strings.Trim(h, "."), ".") || digits > 0 && letters+digits >= 3 {
		return true
	}
	if strings.Contains(h, "-") {
		return false // "snap-achtig", a compound word
	}
	l := lex()
	f := h
	if l.function[f] || l.word[f] || l.place[f] || prefixes[f] || platforms[f] {
		return false
	}
	if l.isName(f) {
		return true
	}
	if utf8.RuneCountInString(f) < 5 {
		return false
	}
	runes := []rune(f)
	for n := len(runes) - 1; n >= 3; n-- {
		p, rest := string(runes[:n]), string(runes[n:])
		if !l.given[p] || l.word[p] || l.function[p] {
			continue
		}
		if !strings.ContainsAny(rest, "aeiouy") || utf8.RuneCountInString(rest) >= 3 && l.isName(rest) && !common(rest) {
			return true
		}
	}
	return false
}

package redact

import (
	"strings"
	"unicode/utf8"
)

// findUnlistedHandles returns accounts, personal websites and e-mail addresses of a young
// person nobody listed (attack 15b, F12: 0.9.0 knew handles only of listed names and
// after a platform's name):
//
//   - a lower-case word of name parts joined by "." or "_" with digits or initials
//     ("lisa.bakker12", "lisa_b", "noor.2008"): the first part a given name from the
//     lists of three letters or more that is no Dutch or function word, the others
//     names from the lists, initials without a vowel, surname prefixes or digits, and
//     at least one of them no prefix;
//   - a word with "_", digits, or a dot inside, right before "op" and a platform's name
//     ("jayy_09 op Discord");
//   - a host name that spells a given name and a surname from the lists, with prefixes
//     between ("www.jaydendevries.nl", "sannebakker.com"), as "[account]";
//   - "naam@host" without a top-level domain ("jayden@gmail"), as an e-mail address.
func findUnlistedHandles(text string, keep map[string]bool) []Span {
	var out []Span
	done := 0
	for m := 0; m < len(text); m++ {
		// A handle, host or address without a TLD holds one of these; the text is read
		// from each (most are a sentence's full stop) to the word around it.
		if c := text[m]; m < done || !(c == '.' || c == '_' || c == '@' || c >= '0' && c <= '9') {
			continue
		}
		i := m
		for i > 0 && (handleByte(text[i-1]) || text[i-1] == '@') {
			i--
		}
		j := m
		for j < len(text) && (handleByte(text[j]) || text[j] == '@') {
			j++
		}
		done = j
		if i > 0 && (isLetterBefore(text, i) || text[i-1] >= 'A' && text[i-1] <= 'Z') {
			continue // "Vries.csv", "ANOUK.nl": the word starts before
		}
		w := strings.TrimRight(text[i:j], ".-")
		e := i + len(w)
		switch {
		case w == "":
		case strings.Contains(w, "@"):
			if at := strings.IndexByte(w, '@'); at >= 2 && !strings.Contains(w[at:], ".") && len(w)-at > 3 && !strings.Contains(w[at+1:], "@") {
				out = append(out, Span{i, e, Email}) // "jayden@gmail"
			}
		case nameHandle(w, keep):
			out = append(out, Span{i, e, Handle})
		case personalHost(w, keep):
			out = append(out, Span{i, e, Handle})
		case strings.ContainsAny(w, "_.0123456789") && strings.IndexFunc(w, func(r rune) bool { return r >= 'a' && r <= 'z' }) >= 0 && beforePlatform(text[e:]):
			out = append(out, Span{i, e, Handle}) // "jayy_09 op Discord"
		}
	}
	return out
}

// handleByte: the bytes of a handle or host name as typed (ASCII lower case, digits,
// "_", ".", "-"); a capital ends it, so "Jayden.Bakker" is left to the name rules.
func handleByte(c byte) bool {
	return c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '_' || c == '.' || c == '-'
}

// nameHandle reports whether w is name parts joined by "." or "_" (see
// findUnlistedHandles).
func nameHandle(w string, keep map[string]bool) bool {
	if !strings.ContainsAny(w, "._") || strings.Contains(w, "..") {
		return false
	}
	parts := strings.FieldsFunc(w, func(r rune) bool { return r == '.' || r == '_' })
	if len(parts) < 2 {
		return false
	}
	l := lex()
	first := strings.TrimRight(parts[0], "0123456789")
	if utf8.RuneCountInString(first) < 3 || !l.given[first] || l.word[first] || l.function[first] || keep[first] {
		return false
	}
	other := false
	for _, p := range parts[1:] {
		letters := strings.TrimRight(p, "0123456789")
		switch {
		case letters == "":
			other = true // digits: "noor.2008"
		case prefixes[letters]:
		case topLevel[letters]:
			return false // a host or a file: "mac_os.csv"
		case l.isName(letters) && !keep[letters]:
			other = true
		case len(letters) <= 3 && !strings.ContainsAny(letters, "aeiouy"):
			other = true // initials: "lisa_b", "noor.vdb"
		default:
			return false
		}
	}
	return other
}

// topLevel are top-level domains and file name endings that a host or a file name ends
// in: "lisa.nl" is a host, "anna.docx" a file.
var topLevel = map[string]bool{"nl": true, "com": true, "org": true, "net": true, "eu": true, "be": true,
	"de": true, "info": true, "nu": true, "io": true, "txt": true, "csv": true, "docx": true, "xlsx": true,
	"pdf": true, "jpg": true, "png": true, "mp3": true, "mp4": true}

// personalHost reports whether w is a host name whose first label (past "www.") spells a
// given name and a surname from the lists, with surname prefixes between
// ("www.jaydendevries.nl").
func personalHost(w string, keep map[string]bool) bool {
	dot := strings.LastIndexByte(w, '.')
	if dot < 0 || !topLevel[w[dot+1:]] || w[dot+1:] == "txt" {
		return false
	}
	host := strings.TrimPrefix(w[:dot], "www.")
	if strings.ContainsAny(host, "._") || len(host) < 7 {
		return false
	}
	l := lex()
	for n := 3; n <= len(host)-3; n++ {
		given := host[:n]
		if !l.given[given] || l.word[given] || l.function[given] || keep[given] {
			continue
		}
		rest := strings.TrimLeft(host[n:], "-")
		for changed := true; changed; {
			changed = false
			for _, p := range []string{"vander", "vanden", "vande", "van", "der", "den", "de", "ter", "ten", "vd"} {
				if len(rest) > len(p)+2 && strings.HasPrefix(rest, p) && l.surname[rest[len(p):]] {
					rest = rest[len(p):]
					changed = true
					break
				}
			}
		}
		if l.surname[rest] && utf8.RuneCountInString(rest) >= 3 && !keep[rest] {
			return true
		}
	}
	return false
}

// beforePlatform reports whether "op" (or "on") and a platform's name follow.
func beforePlatform(after string) bool {
	f := strings.Fields(strings.ToLower(after[:min(len(after), 40)]))
	if len(f) < 2 || f[0] != "op" && f[0] != "on" {
		return false
	}
	return platforms[strings.TrimRight(f[1], ".,;:!?)")]
}

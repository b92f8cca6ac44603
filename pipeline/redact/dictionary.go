package redact

import (
	_ "embed"
	"strings"
	"unicode/utf8"
)

// dictionary holds the words of OpenTaal's Dutch and SCOWL's English word lists
// (names/NOTICE) that they write in lower case, folded, of 3 to dictMaxLetters letters, minus the names of the name
// lists: whether a capitalised word before a surname is a word ("Gezinsvoogd Bos",
// "Gisteren Jansen") or an unlisted given name ("Gurbe van der Wal"). Written by
// TestWriteDictionary.
//
// The file is front-coded and sorted: a block of dictBlock words starts after a line
// break with its first word in full; each next word is one byte, '0' plus the number of
// bytes it shares with the word before, and the rest of the word. It is searched where
// it is embedded, without reading it into a map first (no cost at start).
//
//go:embed names/woordenboek.fc
var dictionary string

const (
	dictBlock      = 32
	dictMaxLetters = 12
)

// dictWord reports whether the folded word w is in the dictionary.
func dictWord(w string) bool {
	d := dictionary
	// blockAt returns the start of the first block at or after byte p, or -1.
	blockAt := func(p int) int {
		i := strings.IndexByte(d[p:], '\n')
		if i < 0 || p+i+1 >= len(d) {
			return -1
		}
		return p + i + 1
	}
	// the last block whose first word is w or before it
	lo, hi := 0, len(d)
	for lo < hi {
		mid := int(uint(lo+hi) >> 1)
		if b := blockAt(mid); b < 0 || dictHead(d[b:]) > w {
			hi = mid
		} else {
			lo = mid + 1
		}
	}
	if lo == 0 {
		return false
	}
	b := blockAt(lo - 1)
	var buf [64]byte
	cur := append(buf[:0], dictHead(d[b:])...)
	for i := b + len(cur); ; {
		switch c := compareBytes(cur, w); {
		case c == 0:
			return true
		case c > 0:
			return false
		}
		if i >= len(d) || d[i] == '\n' {
			return false
		}
		n := int(d[i] - '0')
		j := i + 1
		for j < len(d) && !dictMark(d[j]) {
			j++
		}
		cur = append(cur[:n], d[i+1:j]...)
		i = j
	}
}

// compareBytes is strings.Compare(string(b), s) without the copy.
func compareBytes(b []byte, s string) int {
	for i := 0; i < len(b) && i < len(s); i++ {
		if b[i] != s[i] {
			if b[i] < s[i] {
				return -1
			}
			return 1
		}
	}
	return len(b) - len(s)
}

// dictMark reports whether byte c starts a word of a block (a line break, or the count of
// shared bytes, '0' to '`': a folded word's bytes are lower-case letters or UTF-8 above
// 0x7f).
func dictMark(c byte) bool { return c == '\n' || c >= '0' && c <= '`' }

// dictHead returns the first word of the block at the start of s.
func dictHead(s string) string {
	for j := 0; j < len(s); j++ {
		if dictMark(s[j]) {
			return s[:j]
		}
	}
	return s
}

// boundHead are first parts of compounds that the dictionary has no word for
// ("Stiefzus", "Exvriend").
var boundHead = map[string]bool{"stief": true, "ex": true, "schoon": true, "peet": true, "bonus": true, "half": true, "pleeg": true}

// compound reports whether the folded w is two words of the dictionary of four letters or
// more each, joined as Dutch joins a compound (with nothing, an s or an e between them):
// "huiswerkbegeleiding", "schoolverzuim", "wijkteamleden". Stricter than dutchWord's
// split (three letters), which takes names for compounds ("bak" + "kali"), it tells an
// ordinary word in lower case from a surname in chat text and code names.
func (l *lexicon) compound(w string) bool {
	word := func(w string) bool { return l.word[w] || dictWord(w) }
	for i := 4; i <= len(w)-4; i++ {
		if !utf8.RuneStart(w[i]) || !word(w[:i]) {
			continue
		}
		tail := w[i:]
		if word(tail) || len(tail) > 4 && (tail[0] == 's' || tail[0] == 'e') && word(tail[1:]) || l.compoundTail(tail) {
			return true
		}
	}
	return false
}

// compoundTail reports whether tail is itself two words of four letters or more
// ("sport" + "coach" of "buurtsportcoach").
func (l *lexicon) compoundTail(tail string) bool {
	word := func(w string) bool { return l.word[w] || dictWord(w) }
	for i := 4; i <= len(tail)-4; i++ {
		if utf8.RuneStart(tail[i]) && word(tail[:i]) && word(tail[i:]) {
			return true
		}
	}
	return false
}

// dutchWord reports whether the folded w is a Dutch word: in the dictionary, in
// woorden.txt (the words spelled like a name, which the dictionary leaves out), or two of
// them joined as Dutch joins the parts of a compound (with nothing, an s or an e between
// them), each of three letters or more and one of them of four (or a first part of
// boundHead): the list lacks many compounds ("jeugdzorgwerker", "vechtdal").
func (l *lexicon) dutchWord(w string) bool {
	word := func(w string) bool { return l.word[w] || dictWord(w) }
	if word(w) {
		return true
	}
	for i := 2; i <= len(w)-3; i++ {
		if !utf8.RuneStart(w[i]) || !word(w[:i]) && !boundHead[w[:i]] || i == 2 && !boundHead[w[:i]] {
			continue
		}
		tail := w[i:]
		if len(tail) < 4 && i < 4 && !boundHead[w[:i]] {
			continue // "hid" + "des" is no compound, "Hiddes" a name
		}
		if word(tail) || len(tail) > 4 && (tail[0] == 's' || tail[0] == 'e') && word(tail[1:]) {
			return true
		}
	}
	return false
}

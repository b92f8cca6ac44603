package redact

import (
	"bufio"
	"os"
	"slices"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"
)

// TestWriteDictionary writes names/woordenboek.fc from the OpenTaal word list of
// Debian's wdutch package (1:2.20.19-2) and SCOWL's English list of its wamerican
// package (2020.12.07-2): SAMENSPEL_WDUTCH=/usr/share/dict/dutch
// SAMENSPEL_WENGLISH=/usr/share/dict/american-english go test -run TestWriteDictionary
// ./pipeline/redact/. Without the variables it is skipped.
//
// Kept: the words the list writes in lower case, of letters only, of 3 to
// dictMaxLetters letters, folded, that are no name of the name lists (those the lists
// and woorden.txt already tell apart). The file is front-coded (dictionary.go).
func TestWriteDictionary(t *testing.T) {
	nl, en := os.Getenv("SAMENSPEL_WDUTCH"), os.Getenv("SAMENSPEL_WENGLISH")
	if nl == "" || en == "" {
		t.Skip("SAMENSPEL_WDUTCH or SAMENSPEL_WENGLISH not set")
	}
	l := lex()
	seen := map[string]bool{}
	for _, src := range []string{nl, en} {
		f, err := os.Open(src)
		if err != nil {
			t.Fatal(err)
		}
		sc := bufio.NewScanner(f)
		for sc.Scan() {
			w := sc.Text()
			n := utf8.RuneCountInString(w)
			if n < 3 || n > dictMaxLetters || w != strings.ToLower(w) || strings.IndexFunc(w, func(c rune) bool { return !unicode.IsLetter(c) }) >= 0 {
				continue
			}
			w = fold(w)
			if l.isName(w) {
				continue
			}
			seen[w] = true
		}
		f.Close()
		if err := sc.Err(); err != nil {
			t.Fatal(err)
		}
		t.Logf("%s: %d words so far", src, len(seen))
	}
	words := make([]string, 0, len(seen))
	for w := range seen {
		words = append(words, w)
	}
	slices.Sort(words)
	var b strings.Builder
	prev := ""
	for i, w := range words {
		if i%dictBlock == 0 {
			b.WriteString("\n" + w)
		} else {
			n := 0
			for n < len(w) && n < len(prev) && w[n] == prev[n] {
				n++
			}
			b.WriteByte(byte('0' + n))
			b.WriteString(w[n:])
		}
		prev = w
	}
	b.WriteString("\n")
	if err := os.WriteFile("names/woordenboek.fc", []byte(b.String()), 0o644); err != nil {
		t.Fatal(err)
	}
	t.Logf("%d words, %d bytes", len(words), b.Len())
}

package redact

import (
	"strings"
	"testing"
)

// TestDictionary decodes every word of names/woordenboek.fc and looks each up, and a
// changed form of each, and checks words that decide the rule of given_before.go.
func TestDictionary(t *testing.T) {
	var words []string
	for _, block := range strings.Split(strings.Trim(dictionary, "\n"), "\n") {
		cur := dictHead(block)
		words = append(words, cur)
		for i := len(cur); i < len(block); {
			j := i + 1
			for j < len(block) && !dictMark(block[j]) {
				j++
			}
			cur = cur[:block[i]-'0'] + block[i+1:j]
			words = append(words, cur)
			i = j
		}
	}
	if len(words) < 200000 {
		t.Fatalf("%d words", len(words))
	}
	in := map[string]bool{}
	for i, w := range words {
		if i > 0 && words[i-1] >= w {
			t.Fatalf("not sorted at %q, %q", words[i-1], w)
		}
		in[w] = true
	}
	for _, w := range words {
		if !dictWord(w) {
			t.Fatalf("%q not found", w)
		}
		for _, x := range []string{w + "q", w[:len(w)-1], "a" + w, w + "zz"} {
			if dictWord(x) != in[x] {
				t.Fatalf("dictWord(%q) = %v", x, !in[x])
			}
		}
	}
	for _, w := range []string{"gezinsvoogd", "rechter", "mentor", "meester", "juf", "wijkagent", "moeder", "oom",
		"gisteren", "volgens", "teamleider", "jeugdzorgwerker", "gezinscoach", "pleegmoeder", "buurjongen"} {
		if !lex().dutchWord(w) {
			t.Errorf("%q is no word", w)
		}
	}
	for _, w := range []string{"hiddes", "gurbe", "jurensley", "giandro", "shurandy", "ecrin", "aaa", "zzzzz", ""} {
		if lex().dutchWord(w) {
			t.Errorf("%q is a word", w)
		}
	}
	if dictWord("tjerk") {
		t.Error("tjerk, a given name of the lists, is in the dictionary") // woorden.txt holds it
	}
}

// BenchmarkDutchWord looks up words before a surname: roles, compounds the list lacks,
// and given names (no word: every split is tried).
func BenchmarkDutchWord(b *testing.B) {
	l := lex()
	words := []string{"gezinsvoogd", "jeugdzorgwerker", "gisteren", "gurbe", "jurensley", "shurandy", "hiddes"}
	b.ReportAllocs()
	for b.Loop() {
		for _, w := range words {
			l.dutchWord(w)
		}
	}
}

package redact

import (
	"strings"
	"testing"
	"unicode/utf8"
)

// FuzzRedact checks that any text redacts without a panic, that no listed name survives
// as a word, and that the offset map keeps every range inside the redacted text and in
// order.
func FuzzRedact(f *testing.F) {
	for _, s := range []string{
		"Daan Jansen zegt: bel 06-12345678.", "Sannes moeder, NL91-ABNA-0417-1643-00",
		"mevrouw De Vries (020) 123 45 67", "Zoe\u0308 geb. 12-03-2008", "\xff\xfe Daan",
		"[naam] Daan's", "[Daan] en [Jansen]", "Emma Visser_12-03-2008.txt", "+31 (0)6 12 34 56 78 0031",
	} {
		f.Add(s)
	}
	r := New(Options{People: []string{"Daan Jansen"}, Names: []string{"Het Baken"}})
	f.Fuzz(func(t *testing.T, text string) {
		out, m := r.RedactMapped(text)
		for _, w := range strings.FieldsFunc(out, notWordRune) {
			if f := fold(w); f == "daan" || f == "jansen" {
				t.Fatalf("%q left in %q", w, out)
			}
		}
		n, nOut := utf8.RuneCountInString(text), utf8.RuneCountInString(out)
		last := 0
		for p := 0; p <= n; p++ {
			s, e := m.Range(p, p)
			if s < 0 || e > nOut || s < last {
				t.Fatalf("offset %d maps to [%d,%d) of %d (after %d)", p, s, e, nOut, last)
			}
			last = s
		}
	})
}

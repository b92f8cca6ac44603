package codebook

import (
	"strings"
	"testing"
	"unicode"

	"golang.org/x/text/runes"
	"golang.org/x/text/transform"
	"golang.org/x/text/unicode/norm"
)

// foldSlow is Fold without the ASCII shortcut.
func foldSlow(s string) string {
	t := transform.Chain(norm.NFD, runes.Remove(runes.In(unicode.Mn)), norm.NFC)
	out, _, err := transform.String(t, s)
	if err != nil {
		out = s
	}
	return strings.Join(strings.FieldsFunc(strings.ToLower(out), func(r rune) bool {
		return unicode.IsSpace(r) || r == '_'
	}), " ")
}

func TestFoldASCIIShortcutChangesNothing(t *testing.T) {
	for _, s := range []string{
		"", " ", "Helemaal mee oneens", "  Mee_eens\t", "N.v.t.", "Bereiken > Korte lijnen",
		"Zorgcoördinator", "Casuïstiekoverleg", "ÉÉN  twee", "Weet niet\u00a0", "a\u0301b",
	} {
		if got, want := Fold(s), foldSlow(s); got != want {
			t.Errorf("Fold(%q) = %q, want %q", s, got, want)
		}
	}
}

func BenchmarkFoldLabel(b *testing.B) {
	for b.Loop() {
		Fold("Helemaal mee oneens")
	}
}

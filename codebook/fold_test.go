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

// TestScaleValueExactAndFolded checks that a label written as the codebook writes it and
// the same label in other case or accents give the same value.
func TestScaleValueExactAndFolded(t *testing.T) {
	s := Scale{
		Answers: Answers{{Value: 1, Labels: []string{"Helemaal mee oneens"}}, {Value: 4, Labels: []string{"Mee eens", "Agree"}}},
		Missing: []string{"Weet niet", "N.v.t."},
	}
	for _, c := range []struct {
		label   string
		value   float64
		missing bool
		ok      bool
	}{
		{"Mee eens", 4, false, true},
		{"mee  EENS", 4, false, true},
		{"Agree", 4, false, true},
		{"Helemaal mee oneens", 1, false, true},
		{"Weet niet", 0, true, true},
		{"weet niet ", 0, true, true},
		{"", 0, true, true},
		{"Soms", 0, false, false},
	} {
		v, m, ok := s.Value(c.label)
		if v != c.value || m != c.missing || ok != c.ok {
			t.Errorf("Value(%q) = %v, %v, %v; want %v, %v, %v", c.label, v, m, ok, c.value, c.missing, c.ok)
		}
	}
}

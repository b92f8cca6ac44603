package model

import "testing"

// Place reads in both languages: the fatal errors about a file name their place in the
// study's language.
func TestPlace(t *testing.T) {
	p := Place("Zeeveen", 3, "K1")
	if p.Error() != `sheet "Zeeveen", row 3, column "K1"` || Dutch(p) != `blad "Zeeveen", regel 3, kolom "K1"` {
		t.Errorf("Place: %q / %q", p.Error(), Dutch(p))
	}
	err := Reasonf("%s: %s: %w", "%s: %s: %v", "enquete.xlsx", Place("", 1, ""), NewKind("required column missing", "verplichte kolom ontbreekt"))
	if Dutch(err) != "enquete.xlsx: regel 1: verplichte kolom ontbreekt" || err.Error() != "enquete.xlsx: row 1: required column missing" {
		t.Errorf("in a reason: %q / %q", err.Error(), Dutch(err))
	}
}

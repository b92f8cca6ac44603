package ingest

import "testing"

// A copy's or second download's mark is no part of the name a name_pattern reads
// (attack 17, F08); a name without one is kept as written.
func TestWithoutCopyMark(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{"JW02_Bergdorp - Kopie", "JW02_Bergdorp"},
		{"JW02_Bergdorp - Copy", "JW02_Bergdorp"},
		{"JW02_Bergdorp - Copy (2)", "JW02_Bergdorp"},
		{"JW05_Zeeveen (1)", "JW05_Zeeveen"},
		{"Kopie van JW02_Bergdorp", "JW02_Bergdorp"},
		{"Copy of JW02_Bergdorp - Kopie", "JW02_Bergdorp"},
		{"JW02_Bergdorp kopie", "JW02_Bergdorp"},
		{"JW02_Bergdorp copy 2", "JW02_Bergdorp"},
		{"JW02_Bergdorp", "JW02_Bergdorp"},
		{"JW02_Bergen (NH)", "JW02_Bergen (NH)"},
		{"JW02_Kopiedorp", "JW02_Kopiedorp"},
		{"(1)", "(1)"},
	} {
		if got := WithoutCopyMark(c.in); got != c.want {
			t.Errorf("WithoutCopyMark(%q) = %q, want %q", c.in, got, c.want)
		}
	}
}

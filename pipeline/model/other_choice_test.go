package model

import "testing"

// A survey's "other" choice is no municipality: a later file's or table's municipality
// takes its place, and a real municipality is never replaced by one.
func TestMergeRespondentOtherChoice(t *testing.T) {
	for _, c := range []struct{ a, b, want string }{
		{"-oth-", "Kreekdijk", "Kreekdijk"},
		{"Anders, namelijk:", "Kreekdijk", "Kreekdijk"},
		{"Kreekdijk", "-oth-", "Kreekdijk"},
		{"-oth-", "Overig", "-oth-"},
		{"Bergdorp", "Zeeveen", "Bergdorp"},
		{"", "Zeeveen", "Zeeveen"},
	} {
		got := MergeRespondent(Respondent{Municipality: c.a}, Respondent{Municipality: c.b}).Municipality
		if got != c.want {
			t.Errorf("%q then %q: %q, want %q", c.a, c.b, got, c.want)
		}
	}
	if !IsOtherChoice(" Other (please specify) ") || IsOtherChoice("Overige gemeenten") {
		t.Error("IsOtherChoice")
	}
}

package redact

import "testing"

// An answer written with its option's number ("(4) Mee eens", as LimeSurvey and SPSS
// exports give it) is no name: "Mee" is a surname too, and rejects.csv showed
// "(4) [naam] eens" (a review of 0.12). A name after such a number still goes.
func TestAnswerAfterItsNumber(t *testing.T) {
	r := New(Options{})
	for in, want := range map[string]string{
		"(4) Mee eens":      "(4) Mee eens",
		"4 Mee eens":        "4 Mee eens",
		"2. Mee oneens":     "2. Mee oneens",
		"b) Mee eens":       "b) Mee eens",
		"(4) Emma zei dat":  "(4) [naam] zei dat",
		"3) Sanne de Vries": "3) [naam]",
		"(1234) Mee eens":   "(1234) [naam] eens",
	} {
		if got := r.Redact(in); got != want {
			t.Errorf("Redact(%q) = %q, want %q", in, got, want)
		}
	}
}

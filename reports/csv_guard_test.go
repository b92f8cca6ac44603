package reports

import "testing"

// TestGuardFormulaParts: every part that a spreadsheet splitting at ';', a tab or a line
// break reads as a cell of its own is guarded (attack 15b, F06), as the first is.
func TestGuardFormulaParts(t *testing.T) {
	for in, want := range map[string]string{
		"Ik ken haar persoonlijk;=cmd|' /C calc'!A0;en dat werkt.": "Ik ken haar persoonlijk;'=cmd|' /C calc'!A0;en dat werkt.",
		"We vertrouwen elkaar;=1+2;echt waar.":                     "We vertrouwen elkaar;'=1+2;echt waar.",
		"=1+2;=3":                                                  "'=1+2;'=3",
		"a; @SUM(A1)":                                              "a;' @SUM(A1)",
		"a;\"=1+2\"":                                               "a;'\"=1+2\"",
		"a\t+1":                                                    "a\t'+1",
		"regel\n-1":                                                "regel\n'-1",
		"a\r\n=1":                                                  "a\r\n'=1",
		"a;b; c":                                                   "a;b; c",
		"a, =1+2":                                                  "a, =1+2", // quoted by encoding/csv where ',' splits
		"geen":                                                     "geen",
		"":                                                         "",
	} {
		if got := guardFormula(in); got != want {
			t.Errorf("guardFormula(%q) = %q, want %q", in, got, want)
		}
	}
}

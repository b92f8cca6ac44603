package pipeline

import (
	"testing"

	"github.com/samenspel/samenspel/codebook"
)

func TestProposeAnswer(t *testing.T) {
	cb, err := codebook.Load("../data/codebooks/samenwerking.yaml")
	if err != nil {
		t.Fatal(err)
	}
	sc := cb.Scales[0]
	for _, tc := range []struct {
		label   string
		value   float64
		missing bool
		found   bool
	}{
		{"Zeer mee eens", 5, false, true},
		{"zeer mee oneens", 1, false, true},
		{"Strongly Agree", 5, false, true}, // in the codebook's English labels already, but as a wording too
		{"Somewhat disagree", 2, false, true},
		{"4 - Mee eens", 4, false, true},
		{"4. Mee eens", 4, false, true},
		{"(2) Mee oneens", 2, false, true},
		{"Mee eens (4)", 4, false, true},
		{"9 - Heel erg eens", 0, false, false}, // 9 is not on the scale
		{"Weet ik niet", 0, true, true},
		{"Niet van toepassing", 0, true, true},
		{"Mee eends", 4, false, true}, // a typo, one letter off
		{"Blauw", 0, false, false},
	} {
		p := ProposeAnswer(sc, tc.label)
		if p.Found != tc.found || (p.Found && (p.Value != tc.value || p.Missing != tc.missing)) {
			t.Errorf("%q: %+v, want value %v missing %v found %v", tc.label, p, tc.value, tc.missing, tc.found)
		}
	}
}

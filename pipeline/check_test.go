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
		// Attack 16, F12: a negation is no typo. "Helemaal niet mee eens" was proposed as
		// 5 (five edits from "Helemaal mee eens"), "Niet eens" as 4.
		{"Helemaal niet mee eens", 1, false, true},
		{"Helemaal niet eens", 1, false, true},
		{"Niet eens", 2, false, true},
		{"Niet helemaal mee eens", 0, false, false}, // "not quite": no proposal, never 1 or 5
		{"Helemaal mee oneen", 1, false, true},      // a typo that keeps its negation
		// F14: the label beside a number counts where the scale knows it with another value.
		{"1 - Helemaal mee eens", 5, false, true},
		{"5 - Helemaal mee oneens", 1, false, true},
		{"2 - Mee eens", 4, false, true},
		{"Mee eens (2)", 4, false, true},
		{"3 - Neutraal", 3, false, true},
		{"1 - Helemaal mee oneens", 1, false, true},
	} {
		p := ProposeAnswer(sc, tc.label)
		if p.Found != tc.found || (p.Found && (p.Value != tc.value || p.Missing != tc.missing)) {
			t.Errorf("%q: %+v, want value %v missing %v found %v", tc.label, p, tc.value, tc.missing, tc.found)
		}
	}
}

// TestProposeCodeNegated: a code name that negates a facilitator's name is never proposed
// as that facilitator (attack 16, F13); it is the barrier the codebook's negated map gives,
// or nothing.
func TestProposeCodeNegated(t *testing.T) {
	cb, err := codebook.Load("../data/codebooks/samenwerking.yaml")
	if err != nil {
		t.Fatal(err)
	}
	var ids, names []string
	for _, f := range cb.Factors {
		for _, c := range f.Codes {
			ids, names = append(ids, c.ID), append(names, c.ID)
			for _, l := range []string{c.Label.In("nl"), c.Label.In("en")} {
				ids, names = append(ids, c.ID), append(names, l)
				ids, names = append(ids, c.ID), append(names, f.Label.In("nl")+" > "+l)
			}
		}
	}
	for _, tc := range []struct{ name, want string }{
		{"Bereiken: geen korte lijnen", "bereiken.onbereikbaar"},
		{"Kennen: geen vertrouwen", "kennen.wantrouwen"},
		{"Geen contactpersoon", "bereiken.onbereikbaar"},
		{"Kennen: geen persoonlijk contact", "kennen.onbekend"},
		{"Bereiken: geen overleg", ""}, // not in the negated map: no proposal
		{"Informeren: geen transparantie", "informeren.transparantie"},
		{"Korte lijntjes", "bereiken.korte_lijnen"}, // no negation: the nearest code as before
		{"No short lines", "bereiken.onbereikbaar"},
	} {
		got, _, _ := proposeCode(cb, tc.name, names, ids)
		if got != tc.want {
			t.Errorf("%q: proposed %q, want %q", tc.name, got, tc.want)
		}
		if c, ok := cb.Code(got); ok && c.Valence == codebook.Facilitator && polarity(tc.name) != [2]int{} && cb.Negated[got] != got {
			t.Errorf("%q: a negated name proposed as the facilitator %s", tc.name, got)
		}
	}
}

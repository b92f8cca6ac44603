package codebook

import "testing"

// TestResolveValenceOfGroup: a code tree split by direction ("Kennen\Belemmerend\
// Vertrouwen") counted a barrier passage as the facilitator its leaf names; a path
// whose groups name the other valence is now unmapped, one that names the code's own
// valence or none resolves as before, and a shared leaf is settled by the valence.
func TestResolveValenceOfGroup(t *testing.T) {
	cb := &Codebook{Factors: []Factor{
		{ID: "kennen", Label: Text{"nl": "Elkaar kennen"}, Codes: []Code{
			{ID: "kennen.vertrouwen", Label: Text{"nl": "Vertrouwen"}, Valence: Facilitator},
			{ID: "kennen.wantrouwen", Label: Text{"nl": "Wantrouwen"}, Valence: Barrier},
		}},
		{ID: "bereiken", Label: Text{"nl": "Elkaar bereiken"}, Codes: []Code{
			{ID: "bereiken.anders_plus", Label: Text{"nl": "Anders"}, Valence: Facilitator},
			{ID: "bereiken.anders_min", Label: Text{"nl": "Anders"}, Valence: Barrier},
			{ID: "bereiken.korte_lijnen", Label: Text{"nl": "Korte lijnen"}, Valence: Facilitator},
		}},
		{ID: "negatief", Label: Text{"nl": "Negatieve beeldvorming"}, Codes: []Code{
			{ID: "negatief.imago", Label: Text{"nl": "Imago"}, Valence: Facilitator},
		}},
	}}
	cb.Prepare()
	for name, want := range map[string]string{
		`Kennen\Belemmerend\Vertrouwen`:                      "",
		`Kennen\Faciliterend\Vertrouwen`:                     "kennen.vertrouwen",
		`Kennen\Belemmerend\Wantrouwen`:                      "kennen.wantrouwen",
		"Belemmerende factoren > Elkaar kennen > Vertrouwen": "",
		"Barrières > Elkaar bereiken > Korte lijnen":         "",
		"Drempels > Korte lijnen":                            "",
		"Succesfactoren > Korte lijnen":                      "bereiken.korte_lijnen",
		"Elkaar bereiken > Belemmerend > Anders":             "bereiken.anders_min",
		"Elkaar bereiken > Bevorderend > Anders":             "bereiken.anders_plus",
		"Positief en negatief > Vertrouwen":                  "kennen.vertrouwen", // both valences named: says nothing
		"Negatieve beeldvorming > Imago":                     "negatief.imago",    // a factor names no valence
		"Overig > Vertrouwen":                                "kennen.vertrouwen",
	} {
		id, ok := cb.Resolve(name)
		if id != want || ok != (want != "") {
			t.Errorf("Resolve(%q) = %q, %v; want %q", name, id, ok, want)
		}
	}
	if id, v, ok := cb.ValenceConflict(`Kennen\Belemmerend\Vertrouwen`); !ok || id != "kennen.vertrouwen" || v != Barrier {
		t.Errorf("ValenceConflict = %q, %q, %v", id, v, ok)
	}
	for _, name := range []string{`Kennen\Faciliterend\Vertrouwen`, "Vertrouwen", "Overig > Vertrouwen", "Onbekend > Iets"} {
		if _, _, ok := cb.ValenceConflict(name); ok {
			t.Errorf("ValenceConflict(%q) = true", name)
		}
	}
}

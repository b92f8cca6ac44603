package codebook

import "testing"

func TestDefaultCodebookLoads(t *testing.T) {
	cb, err := Load("../data/codebooks/samenwerking.yaml")
	if err != nil {
		t.Fatal(err)
	}
	// Three factors and the fourth, werkwijze (way of working and yield).
	if len(cb.Factors) != 4 || cb.Factors[3].ID != "werkwijze" {
		t.Fatalf("factors = %d, want 4 ending with werkwijze", len(cb.Factors))
	}
	for _, tc := range []struct{ name, want string }{
		{"bereiken.korte_lijnen", "bereiken.korte_lijnen"},
		{"Bereiken > Korte lijnen", "bereiken.korte_lijnen"},
		{"Bereiken::Korte lijnen", "bereiken.korte_lijnen"},
		{`elkaar bereiken\korte lijnen`, "bereiken.korte_lijnen"},
		{"Korte Lijnen", "bereiken.korte_lijnen"},
		{"Short lines", "bereiken.korte_lijnen"},
		{"Regelmatig casuistiekoverleg", "bereiken.overleg"},
	} {
		got, ok := cb.Resolve(tc.name)
		if !ok || got != tc.want {
			t.Errorf("Resolve(%q) = %q, %v; want %q", tc.name, got, ok, tc.want)
		}
	}
	if _, ok := cb.Resolve("Iets anders"); ok {
		t.Error("unknown name resolved")
	}
	_, s, ok := cb.Item("b4")
	if !ok || s.ID != "bereiken" {
		t.Fatalf("item b4: %v %v", s.ID, ok)
	}
	if v, m, ok := s.Value("helemaal MEE eens"); !ok || m || v != 5 {
		t.Errorf("Value = %v %v %v", v, m, ok)
	}
	if _, m, ok := s.Value("Weet niet"); !ok || !m {
		t.Error("Weet niet should be missing")
	}
	if s.Reversed(2) != 4 {
		t.Error("reverse of 2 on 1..5 should be 4")
	}
	if r, ok := cb.Role("Jeugdhulpverlener"); !ok || r.Abbrev != "JZ" {
		t.Errorf("role: %+v %v", r, ok)
	}
}

// TestDefaultCodebookComplete: every code of the default codebook has a definition,
// inclusion and exclusion criteria and an example quote in Dutch and English, aliases and
// patterns, and the whole codebook validates.
func TestDefaultCodebookComplete(t *testing.T) {
	cb, err := Load("../data/codebooks/samenwerking.yaml")
	if err != nil {
		t.Fatal(err)
	}
	n := 0
	for _, f := range cb.Factors {
		for _, c := range f.Codes {
			n++
			for name, txt := range map[string]Text{"label": c.Label, "definition": c.Definition, "include": c.Include, "exclude": c.Exclude, "example": c.Example} {
				if txt["nl"] == "" || txt["en"] == "" {
					t.Errorf("%s: %s lacks Dutch or English", c.ID, name)
				}
			}
			if len(c.Patterns) == 0 || len(c.Aliases) == 0 || (c.Valence != Facilitator && c.Valence != Barrier) {
				t.Errorf("%s: patterns, aliases or valence missing", c.ID)
			}
		}
	}
	if n < 14 {
		t.Errorf("%d codes, want at least 14", n)
	}
}

func TestNearest(t *testing.T) {
	cands := []string{"role", "municipality", "leeftijd"}
	for _, tc := range []struct{ name, want string }{
		{"municpality", "municipality"}, // the typo: one letter left out
		{"Municipality", "municipality"},
		{"rol", "role"},
		{"gemeente", ""}, // nothing close: no guess
		{"leeftyd", "leeftijd"},
	} {
		if got := Nearest(tc.name, cands); got != tc.want {
			t.Errorf("Nearest(%q) = %q, want %q", tc.name, got, tc.want)
		}
	}
	if got := DidYouMean("municpality", cands); got != `; did you mean "municipality"?` {
		t.Errorf("DidYouMean = %q", got)
	}
}

// ATLAS.ti users prefix a code with its group and a colon; it resolves like MAXQDA's ">"
// where the name as a whole is unknown.
func TestResolveGroupColon(t *testing.T) {
	cb, err := Load("../data/codebooks/samenwerking.yaml")
	if err != nil {
		t.Fatal(err)
	}
	for name, want := range map[string]string{
		"Bereiken: korte lijnen":         "bereiken.korte_lijnen",
		"Elkaar bereiken: Korte lijnen":  "bereiken.korte_lijnen",
		"Bereiken > Korte lijnen":        "bereiken.korte_lijnen",
		"Bereiken::Korte lijnen":         "bereiken.korte_lijnen",
		"Onbekend: iets anders":          "",
		"Bereiken: korte lijnen: extra?": "",
	} {
		if got, _ := cb.Resolve(name); got != want {
			t.Errorf("Resolve(%q) = %q, want %q", name, got, want)
		}
	}
}

package codebook

import (
	"reflect"
	"testing"
)

// TestResolveSharedAndLastPart: a label two codes share maps onto neither (it went to the
// first code, silently); an alias beats another code's label; a path's last part maps
// under a group that names the code's factor, and under any other group with ByLastPart.
func TestResolveSharedAndLastPart(t *testing.T) {
	cb := &Codebook{Factors: []Factor{
		{ID: "kennen", Label: Text{"nl": "Elkaar kennen"}, Codes: []Code{
			{ID: "kennen.anders", Label: Text{"nl": "Anders"}},
			{ID: "kennen.persoonlijk", Label: Text{"nl": "Persoonlijk contact"}},
		}},
		{ID: "bereiken", Label: Text{"nl": "Elkaar bereiken"}, Codes: []Code{
			{ID: "bereiken.anders", Label: Text{"nl": "Anders"}},
			{ID: "bereiken.korte_lijnen", Label: Text{"nl": "Korte lijnen"}, Aliases: []string{"Persoonlijk contact"}},
		}},
	}}
	cb.Prepare()
	for name, want := range map[string]string{
		"Anders":                                 "",
		"anders":                                 "",
		"Elkaar kennen > Anders":                 "kennen.anders",
		"Bereiken > Anders":                      "bereiken.anders",
		"Persoonlijk contact":                    "bereiken.korte_lijnen", // the alias wins
		"Samenwerking > Bereiken > Korte lijnen": "bereiken.korte_lijnen",
		"Overig > Korte lijnen":                  "bereiken.korte_lijnen",
		"Overig > Anders":                        "",
		"Bereiken: korte lijnen":                 "bereiken.korte_lijnen",
	} {
		id, ok := cb.Resolve(name)
		if id != want || ok != (want != "") {
			t.Errorf("Resolve(%q) = %q, %v; want %q", name, id, ok, want)
		}
	}
	if got := cb.SharedName("anders"); !reflect.DeepEqual(got, []string{"kennen.anders", "bereiken.anders"}) {
		t.Errorf("SharedName(anders) = %v", got)
	}
	if got := cb.SharedName("Overig > Anders"); len(got) != 2 {
		t.Errorf("SharedName(Overig > Anders) = %v", got)
	}
	if got := cb.SharedName("Elkaar kennen > Anders"); got != nil {
		t.Errorf("SharedName of a resolved path = %v", got)
	}
	for name, want := range map[string]bool{
		"Overig > Korte lijnen": true, "Bereiken > Korte lijnen": false,
		"Samenwerking > Bereiken > Korte lijnen": false, "Korte lijnen": false, "Bereiken: korte lijnen": false,
	} {
		if got := cb.ByLastPart(name); got != want {
			t.Errorf("ByLastPart(%q) = %v, want %v", name, got, want)
		}
	}
}

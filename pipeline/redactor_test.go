package pipeline

import (
	"testing"

	"github.com/samenspel/samenspel/pipeline/protected"
)

func TestIDIsName(t *testing.T) {
	for id, want := range map[string]bool{
		"Daan Jansen": true, "Sanne": true, "R07": true, "daan2": true, "JO-12": true,
		"12": false, "0042": false, "moeder": false, "a": false, "r1": false,
	} {
		if got := idIsName(id); got != want {
			t.Errorf("idIsName(%q) = %v, want %v", id, got, want)
		}
	}
}

func TestPseudonymiseCoders(t *testing.T) {
	d := &protected.Dataset{Codings: []protected.Coding{
		{Coder: "Marieke"}, {Coder: "auto"}, {Coder: "Anouk"}, {Coder: "Marieke"}, {Coder: ""},
	}}
	if m := pseudonymiseCoders(d, false); m != nil || d.Codings[0].Coder != "Marieke" {
		t.Fatal("off changed the coders")
	}
	m := pseudonymiseCoders(d, true)
	var got []string
	for _, c := range d.Codings {
		got = append(got, c.Coder)
	}
	want := []string{"Coder 2", "auto", "Coder 1", "Coder 2", ""}
	for i := range want {
		if got[i] != want[i] {
			t.Fatalf("coders %q, want %q", got, want)
		}
	}
	if m.of("Marieke") != "Coder 2" || m.of("") != "" || m.of("auto") != "auto" {
		t.Errorf("of: %v", m)
	}
}

package pipeline

import (
	"strings"
	"testing"

	"github.com/samenspel/samenspel/pipeline/protected"
)

func TestIDIsName(t *testing.T) {
	for id, want := range map[string]bool{
		"Daan Jansen": true, "Sanne": true, "R07": true, "daan2": true, "JO-12": true,
		"12": false, "042": false, "0042": true, "moeder": false, "a": false, "r1": false,
		"555013": true, "4711": true, "2024": false, "1999": false, "piet.jansen": true, "k_devries": true,
		"kees@example.org": true, "moeder.": false, ".x": false,
		"jdevries": true, "mvdberg": true, "anouk": true, "vader": false, "ab": false, "test": false,
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

// A coder's name that holds a respondent's listed name, a part of it, or contact details
// makes every coder pseudonymised; ordinary coder names, even names in the lexicon, do not.
func TestCodersToHide(t *testing.T) {
	red := NewRedactor([]string{"Xylia Qwertyz", "R07"}, "nl")
	for coders, want := range map[string]bool{
		"Marieke|Anouk":             false,
		"Marieke|Coder Qwertyz":     true,
		"Xylia|Anouk":               true,
		"anouk@hogeschool.nl|Bram":  true,
		"Bram|Bram 06-12345678":     true,
		"Marieke|" + LearnedCoder:   false,
		"Team R07|Marieke":          true,
		"Codeur 1|Codeur 2|Codeur3": false,
	} {
		d := &protected.Dataset{}
		for _, c := range strings.Split(coders, "|") {
			d.Codings = append(d.Codings, protected.Coding{Coder: c})
		}
		if got := codersToHide(d, red); got != want {
			t.Errorf("%s: codersToHide = %v, want %v", coders, got, want)
		}
	}
}

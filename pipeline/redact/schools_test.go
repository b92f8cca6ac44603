package redact

import "testing"

// TestSchoolsAndInitials: named schools become "[schoolnaam]" (the kind of school stays),
// initials with a surname one "[naam]"; ordinary words, organisations written with
// initials and list markers stay (0.8.0 left every school and the initials whole).
func TestSchoolsAndInitials(t *testing.T) {
	r := New(Options{Keep: []string{"Bergdorp", "school"}})
	for _, tc := range []struct{ in, want string }{
		{"Ze zit op basisschool De Regenboog.", "Ze zit op basisschool [schoolnaam]."},
		{"OBS De Klimop en CBS Het Anker", "OBS [schoolnaam] en CBS [schoolnaam]"},
		{"Hij zit op het Vathorst College.", "Hij zit op het [schoolnaam]."},
		{"Het Mondriaan-College belt.", "Het [schoolnaam] belt."},
		{"Hij zit op de Tweemaster.", "Hij zit op de [schoolnaam]."},
		{"De juf van de Regenboog en groep 7 van de Klimop", "De juf van de [schoolnaam] en groep 7 van de [schoolnaam]"},
		{"Het ZAT van het Lindecollege", "Het ZAT van het [schoolnaam]"},
		{"J. de Vries zei het.", "[naam] zei het."},
		{"J.W. Bakker belde, J.d.V. ook, J.v.d.B. niet.", "[naam] belde, [naam] ook, [naam] niet."},
		{"Jdv zei dat meneer K. het wist.", "[naam] zei dat meneer [naam] het wist."},
		{"Ik sprak J. Pieterszoon gisteren.", "Ik sprak [naam] gisteren."},
		// stays
		{"We gaan naar school. De jongeren zijn blij.", "We gaan naar school. De jongeren zijn blij."},
		{"De school in Bergdorp en de Basisschool", "De school in Bergdorp en de Basisschool"},
		{"Het college van B en W", "Het college van B en W"},
		{"De jongeren gaan naar Het Anker voor bijles.", "De jongeren gaan naar Het Anker voor bijles."},
		{"De RvdK, de PvdA en de OvJ", "De RvdK, de PvdA en de OvJ"},
		{"A. Inleiding", "A. Inleiding"},
		{"N.v.t., i.v.m. de AVG", "N.v.t., i.v.m. de AVG"},
		{"ZE ZIT OP DE BRUG", "ZE ZIT OP DE BRUG"},
		{"Ik ken meneer K. Daarna ging het goed.", "Ik ken meneer [naam]. Daarna ging het goed."},
	} {
		if got := r.Redact(tc.in); got != tc.want {
			t.Errorf("Redact(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
	if got := New(Options{Lang: "en"}).Redact("She attends OBS De Klimop."); got != "She attends OBS [schoolname]." {
		t.Errorf("en: %q", got)
	}
}

// TestSchoolsInCapitalsAndAfterOp: a school's name in capitals after a school word or
// before an institution's word, and a name after a bare "op de", which 0.9.0 left whole.
func TestSchoolsInCapitalsAndAfterOp(t *testing.T) {
	r := New(Options{Keep: []string{"Bergdorp", "school"}})
	for _, tc := range []struct{ in, want string }{
		{"Ze zit op OBS DE REGENBOOG.", "Ze zit op OBS [schoolnaam]."},
		{"HIJ ZIT OP HET STEDELIJK LYCEUM.", "HIJ ZIT OP HET [schoolnaam]."},
		{"BASISSCHOOL 'T KOMPAS IN BERGDORP", "BASISSCHOOL [schoolnaam] IN BERGDORP"},
		{"Ze zit nu al twee jaar op de Regenboog.", "Ze zit nu al twee jaar op de [schoolnaam]."},
		{"Op de Klimop is het rustig.", "Op de [schoolnaam] is het rustig."},
		// stays
		{"ZE ZIT OP DE BRUG", "ZE ZIT OP DE BRUG"},
		{"HET COLLEGE VAN B EN W", "HET COLLEGE VAN B EN W"},
		{"OP DE NIEUWE SCHOOL", "OP DE NIEUWE SCHOOL"},
		{"Op de Jumbo-parkeerplaats is vaak overlast.", "Op de Jumbo-parkeerplaats is vaak overlast."},
		{"Ze woont op de Bergdorp-kant.", "Ze woont op de Bergdorp-kant."},
		{"Dat staat op de [schoolnaam].", "Dat staat op de [schoolnaam]."},
	} {
		if got := r.Redact(tc.in); got != tc.want {
			t.Errorf("Redact(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}

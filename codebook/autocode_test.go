package codebook

import (
	"errors"
	"fmt"
	"strings"
	"testing"
)

// testBook is a small codebook for the auto-coder's tests.
func testBook() *Codebook {
	cb := &Codebook{
		Factors: []Factor{{ID: "bereiken", Codes: []Code{
			{ID: "korte_lijnen", Valence: Facilitator, Patterns: []string{"korte lijn*", "snel schakelen"}},
			{ID: "overleg", Valence: Facilitator, Patterns: []string{"*overleg", "mdo"}},
			{ID: "overleg_woord", Valence: Facilitator, Patterns: []string{"overleg"}},
			{ID: "contactpersoon", Valence: Facilitator, Patterns: []string{"vast* contactpersoon"}},
			{ID: "onbereikbaar", Valence: Barrier, Patterns: []string{"niet bereikbaar", "lange lijn*", "geen terugkoppeling"}},
			{ID: "terugkoppeling", Valence: Facilitator, Patterns: []string{"terugkoppel*"}},
			{ID: "kennen", Valence: Facilitator, Patterns: []string{"kennen elkaar", "vertrouw*"}},
			{ID: "wijzijn", Valence: Facilitator, Patterns: []string{"wij zijn"}},
			{ID: "creche", Valence: Facilitator, Patterns: []string{"crèche"}},
		}}},
		Partners: []Partner{
			{ID: "jongerenwerk", Label: Text{"nl": "Jongerenwerk"}, Synonyms: []string{"jongerenwerker*"}},
			{ID: "veilig_thuis", Label: Text{"nl": "Veilig Thuis"}},
			{ID: "school", Label: Text{"nl": "School"}, Synonyms: []string{"*school", "scholen"}},
		},
	}
	cb.Prepare()
	return cb
}

func codes(ms []Match) string {
	var s []string
	for _, m := range ms {
		s = append(s, fmt.Sprintf("%s[%d:%d]%q", m.Code, m.Start, m.End, m.Span))
	}
	return strings.Join(s, " ")
}

func TestAutoCoder(t *testing.T) {
	ac, err := NewAutoCoder(testBook())
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct{ text, want string }{
		// Wildcard at a word's end, case and punctuation.
		{"We hebben KORTE LIJNEN, echt.", `korte_lijnen[10:22]"KORTE LIJNEN"`},
		{"Korte lijn.", `korte_lijnen[0:10]"Korte lijn"`},
		{"kortelijnen", ``},
		// Compounds only where the pattern asks: "*overleg" matches casusoverleg,
		// "overleg" only the word.
		{"Het casusoverleg helpt.", `overleg[4:16]"casusoverleg"`},
		{"Het overleg helpt.", `overleg[4:11]"overleg" overleg_woord[4:11]"overleg"`},
		// A plain word matches its inflections (Dutch stemming).
		{"overleggen", `overleg[0:10]"overleggen" overleg_woord[0:10]"overleggen"`},
		{"De afspraak is duidelijk", ``},
		// Accents folded both ways; offsets in code points of the original.
		{"In het casuïstiekoverleg zeggen wij zijn", `overleg[7:24]"casuïstiekoverleg" wijzijn[32:40]"wij zijn"`},
		{"Naar de creche en de crèche", `creche[8:14]"creche" creche[21:27]"crèche"`},
		// The ĳ ligature is ij; decomposed accents stay with their letter.
		{"ĳ zĳn: wĳ zĳn er", `wijzijn[7:13]"wĳ zĳn"`},
		{"cre\u0300che", "creche[0:7]\"cre\u0300che\""},
		// Wildcard inside a multi-word pattern.
		{"Er is een vaste contactpersoon.", `contactpersoon[10:30]"vaste contactpersoon"`},
		{"Er is een vaste andere contactpersoon.", ``},
		// Negation before a facilitator turns it off; not across a clause break.
		{"We hebben geen korte lijnen.", ``},
		{"Er is nauwelijks overleg", ``},
		{"Er is weinig vertrouwen", ``},
		{"Nooit echt snel schakelen", ``},
		{"Dat is niet zo. Korte lijnen hebben we wel.", `korte_lijnen[16:28]"Korte lijnen"`},
		{"Niet handig, maar korte lijnen wel", `korte_lijnen[18:30]"korte lijnen"`},
		// Negation after: "we kennen elkaar niet", but "niet alleen" is not a negation.
		{"We kennen elkaar niet.", ``},
		{"We kennen elkaar niet alleen van school.", `kennen[3:16]"kennen elkaar"`},
		// Barrier patterns carry their own negation and are never turned off; the
		// facilitator inside them is.
		{"Ze zijn niet bereikbaar", `onbereikbaar[8:23]"niet bereikbaar"`},
		{"Er komt geen terugkoppeling", `onbereikbaar[8:27]"geen terugkoppeling"`},
		{"Lange lijnen en terugkoppeling", `onbereikbaar[0:12]"Lange lijnen" terugkoppeling[16:30]"terugkoppeling"`},
		{"", ``},
		{"!!!", ``},
	} {
		if got := codes(ac.Code(tc.text)); got != tc.want {
			t.Errorf("Code(%q)\n got %s\nwant %s", tc.text, got, tc.want)
		}
	}
}

func TestPartnersIn(t *testing.T) {
	cb := testBook()
	for _, tc := range []struct {
		text string
		want []string
	}{
		{"De jongerenwerkers en Veilig Thuis", []string{"jongerenwerk", "veilig_thuis"}},
		{"Op de basisschool en andere scholen", []string{"school"}},
		{"veiligheid thuis", nil},
		{"", nil},
	} {
		got := cb.PartnersIn(tc.text)
		if strings.Join(got, ",") != strings.Join(tc.want, ",") {
			t.Errorf("PartnersIn(%q) = %v, want %v", tc.text, got, tc.want)
		}
	}
}

func TestPatternCannotMatch(t *testing.T) {
	for _, p := range []string{"", "*", "!!!", "ko*rt", "korte **"} {
		if _, err := compileRule("x", p); !errors.Is(err, ErrPattern) {
			t.Errorf("compileRule(%q) = %v, want ErrPattern", p, err)
		}
	}
	cb := &Codebook{Factors: []Factor{{ID: "f", Codes: []Code{{ID: "c", Patterns: []string{"ko*rt"}}}}}}
	if _, err := NewAutoCoder(cb); !errors.Is(err, ErrPattern) {
		t.Errorf("NewAutoCoder = %v, want ErrPattern", err)
	}
}

func TestNormalizeOffsets(t *testing.T) {
	n := Normalize("Één, ĳs!")
	if n.Text != " een ijs " {
		t.Fatalf("Text = %q", n.Text)
	}
	// "ijs" comes from code points 5 (ĳ) and 6 (s).
	if n.Pos[5] != 5 || n.Pos[6] != 5 || n.Pos[7] != 6 {
		t.Errorf("Pos = %v", n.Pos)
	}
}

func FuzzAutoCoder(f *testing.F) {
	ac, err := NewAutoCoder(testBook())
	if err != nil {
		f.Fatal(err)
	}
	// The default codebook too: negated facilitators give spans that start at the
	// negation, before the pattern.
	cb, err := Load(defaultBook)
	if err != nil {
		f.Fatal(err)
	}
	def, err := NewAutoCoder(cb)
	if err != nil {
		f.Fatal(err)
	}
	f.Add("We hebben geen korte lijnen met het casusoverleg.")
	f.Add("cre\u0300che ĳ \xff")
	f.Add("Géén terugkoppeling, nooit een vast aanspreekpunt; het lukt niet om de wijkagent te bellen.")
	f.Fuzz(func(t *testing.T, s string) {
		runes := []rune(s)
		for _, m := range append(ac.Code(s), def.Code(s)...) {
			if m.Start < 0 || m.End > len(runes) || m.Start >= m.End || string(runes[m.Start:m.End]) != m.Span {
				t.Fatalf("bad match %+v in %q", m, s)
			}
		}
	})
}

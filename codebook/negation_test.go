package codebook

import (
	"errors"
	"strings"
	"testing"
)

// negBook is a small codebook with a facilitator, its barrier and one without.
func negBook() *Codebook {
	cb := &Codebook{
		Negations: []string{"geen", "niet", "nooit", "zelden", "ontbreekt", "zonder"},
		Negated:   map[string]string{"terugkoppeling": "geen_terugkoppeling", "overleg_fac": "overleg_fac_weg"},
		Factors: []Factor{{ID: "f", Codes: []Code{
			{ID: "terugkoppeling", Valence: Facilitator, Patterns: []string{"terugkoppeling", "laten weten"}},
			{ID: "geen_terugkoppeling", Valence: Barrier, Patterns: []string{"zwart gat", "hoor* niets"}},
			{ID: "overleg_fac", Valence: Facilitator, Patterns: []string{"*overleg"}},
			{ID: "overleg_fac_weg", Valence: Barrier},
			{ID: "afspraken", Valence: Facilitator, Patterns: []string{"afspraak", "kennen elkaar"}},
			{ID: "wachtlijst", Valence: Barrier, Patterns: []string{"wachtlijst"}},
		}}},
	}
	cb.Prepare()
	return cb
}

func TestNegationSuggestsBarrier(t *testing.T) {
	ac, err := NewAutoCoder(negBook())
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct{ text, want string }{
		// The absence forms.
		{"Ik heb nog nooit een terugkoppeling gehad.", `geen_terugkoppeling[11:35]"nooit een terugkoppeling"`},
		{"Er is geen overleg meer.", `overleg_fac_weg[6:18]"geen overleg"`},
		{"We hebben zelden casusoverleg", `overleg_fac_weg[10:29]"zelden casusoverleg"`},
		{"Terugkoppeling ontbreekt vaak.", `geen_terugkoppeling[0:24]"Terugkoppeling ontbreekt"`},
		{"Het lukt niet om ze het te laten weten.", `geen_terugkoppeling[9:38]"niet om ze het te laten weten"`},
		// A facilitator without a barrier is just not coded.
		{"Er is geen afspraak.", ``},
		{"We kennen elkaar niet", ``},
		// Not across a clause break or "maar"; "niet alleen" is no negation.
		{"Niet altijd. Terugkoppeling krijg ik wel", `terugkoppeling[13:27]"Terugkoppeling"`},
		{"Geen tijd maar wel terugkoppeling", `terugkoppeling[19:33]"terugkoppeling"`},
		{"Niet alleen terugkoppeling, ook advies", `terugkoppeling[12:26]"terugkoppeling"`},
		// A barrier negated is not coded; one that carries its own negation stays.
		{"Er is geen wachtlijst", ``},
		{"Ik hoor niets, een zwart gat", `geen_terugkoppeling[3:13]"hoor niets" geen_terugkoppeling[19:28]"zwart gat"`},
		// Stemming: plural, verb forms, participle.
		{"De afspraken zijn goed", `afspraken[3:12]"afspraken"`},
		{"Ze kent elkaar", `afspraken[3:14]"kent elkaar"`},
		{"We kenden elkaar al", `afspraken[3:16]"kenden elkaar"`},
		// Accents and offsets in code points with a negated span.
		{"Één keer géén terugkoppeling", `geen_terugkoppeling[9:28]"géén terugkoppeling"`},
	} {
		if got := codes(ac.Code(tc.text)); got != tc.want {
			t.Errorf("Code(%q)\n got %s\nwant %s", tc.text, got, tc.want)
		}
	}
	ms := ac.Code("Geen terugkoppeling")
	if len(ms) != 1 || ms[0].Rule != "negated terugkoppeling: terugkoppeling" {
		t.Errorf("rule = %+v, want the facilitator and pattern named", ms)
	}
}

func TestNegatedUnknownCode(t *testing.T) {
	cb := negBook()
	cb.Negated["terugkoppeling"] = "bestaat_niet"
	if _, err := NewAutoCoder(cb); err == nil || !strings.Contains(err.Error(), "bestaat_niet") {
		t.Errorf("NewAutoCoder = %v, want the unknown code named", err)
	}
	cb.Negated = map[string]string{"wachtlijst": "geen_terugkoppeling"}
	var found bool
	for _, p := range cb.Validate() {
		if errors.Is(p.Err, ErrValence) && strings.Contains(p.Reason, "wachtlijst") {
			found = true
		}
	}
	if !found {
		t.Errorf("Validate did not report a barrier as the negated facilitator: %v", cb.Validate())
	}
}

// TestDutchStems pins the stemmer's behaviour on the codebook's vocabulary (see stem.go):
// a change of the Snowball version that changes these shows here.
func TestDutchStems(t *testing.T) {
	for _, tc := range []struct {
		a, b string
		same bool
	}{
		{"afspraak", "afspraken", true},
		{"kennen", "ken", true},
		{"kennen", "kent", true},
		{"kennen", "kende", true},
		{"bellen", "gebeld", true},
		{"delen", "gedeeld", true},
		{"lijn", "lijnen", true},
		{"terugkoppeling", "terugkoppelingen", true},
		{"signaal", "signalen", true},
		{"contactpersoon", "contactpersonen", true},
		{"overleg", "overleggen", true},
		{"verwachting", "verwachtingen", true},
		{"wachtlijst", "wachtlijsten", true},
		{"vertrouwen", "vertrouwt", true},
		{"horen", "hoort", true},
		{"melding", "melden", false},
		{"korte", "kortste", true}, // -te taken for a verb ending: harmless here
		{"rol", "roddel", false},
		{"wist", "weten", false}, // irregular: written as a pattern of its own
		{"weten", "wet", true},   // over-stemming: "wet" (law) and "weten" share a stem
	} {
		if got := sameStem(tc.b, stemKey(tc.a)); got != tc.same {
			t.Errorf("sameStem(%q, stem(%q)=%q) = %v, want %v (stem %q)", tc.b, tc.a, stemKey(tc.a), got, tc.same, stemKey(tc.b))
		}
	}
}

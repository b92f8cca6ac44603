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
		// Strong past forms (irregularVerbs) and diminutives (dediminutive).
		{"weten", "wist", true},
		{"krijgen", "kreeg", true},
		{"geven", "gaf", true},
		{"zitten", "zat", false}, // "zat" is also the ZAT
		{"lijn", "lijntjes", true},
		{"overleg", "overlegje", true},
		{"bellen", "belletje", true},
	} {
		if got := sameStem(tc.b, stemKey(tc.a)); got != tc.same {
			t.Errorf("sameStem(%q, stem(%q)=%q) = %v, want %v (stem %q)", tc.b, tc.a, stemKey(tc.a), got, tc.same, stemKey(tc.b))
		}
	}
}

// TestGapPatterns checks "..." in a pattern: up to maxGap words between two pattern words,
// not across a clause break, and patterns that cannot be compiled.
func TestGapPatterns(t *testing.T) {
	cb := &Codebook{
		Negations: []string{"geen", "niet", "nooit"},
		Negated:   map[string]string{"terug": "geen_terug"},
		Factors: []Factor{{ID: "f", Codes: []Code{
			{ID: "terug", Valence: Facilitator, Patterns: []string{"koppel* ... terug", "laat ... weten"}},
			{ID: "geen_terug", Valence: Barrier, Patterns: []string{"hoor* ... niets"}},
		}}},
	}
	cb.Prepare()
	ac, err := NewAutoCoder(cb)
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct{ text, want string }{
		{"Ze koppelt terug", `terug[3:16]"koppelt terug"`},
		{"Ze koppelt het morgen wel terug", `terug[3:31]"koppelt het morgen wel terug"`},
		// Four words between is the most; a fifth is too many.
		{"Hij koppelt dat altijd heel netjes terug", `terug[4:40]"koppelt dat altijd heel netjes terug"`},
		{"Hij koppelt dat altijd heel erg netjes terug", ``},
		// Not across a clause break.
		{"Ik koppel. Terug naar huis", ``},
		// Stemmed words on both sides; a negation in the gap negates.
		{"Ze laten het me weten", `terug[3:21]"laten het me weten"`},
		{"Ze laten het me nooit weten", `geen_terug[3:27]"laten het me nooit weten"`},
		{"Niemand? Ze laat me niet weten", `geen_terug[12:30]"laat me niet weten"`},
		{"Ik hoor daarna niets meer", `geen_terug[3:20]"hoor daarna niets"`},
		{"Ze koppelen het niet terug", `geen_terug[3:26]"koppelen het niet terug"`},
	} {
		if got := codes(ac.Code(tc.text)); got != tc.want {
			t.Errorf("Code(%q)\n got %s\nwant %s", tc.text, got, tc.want)
		}
	}
	for _, bad := range []string{"... terug", "koppel ...", "a ... ... b"} {
		cb.Factors[0].Codes[0].Patterns = []string{bad}
		if _, err := NewAutoCoder(cb); !errors.Is(err, ErrPattern) {
			t.Errorf("pattern %q: err %v, want ErrPattern", bad, err)
		}
	}
}

// TestNegationScope checks the negation forms beside the plain ones: a wish with "maar",
// an inverted subject after the pattern, and the phrases in which "niet" or "geen" says
// something positive.
func TestNegationScope(t *testing.T) {
	cb := negBook()
	cb.Negations = append(cb.Negations, "vroeger")
	ac, err := NewAutoCoder(cb)
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct{ text, want string }{
		{"Was het maar zo dat we terugkoppeling kregen", `geen_terugkoppeling[0:37]"Was het maar zo dat we terugkoppeling"`},
		{"Had ik maar eens terugkoppeling", `geen_terugkoppeling[0:31]"Had ik maar eens terugkoppeling"`},
		// "maar" without a wish still ends the scope.
		{"Niet veel maar wel terugkoppeling", `terugkoppeling[19:33]"terugkoppeling"`},
		{"Terugkoppeling krijg ik nooit", `geen_terugkoppeling[0:29]"Terugkoppeling krijg ik nooit"`},
		{"Terugkoppeling krijg ik eigenlijk nooit", `geen_terugkoppeling[0:39]"Terugkoppeling krijg ik eigenlijk nooit"`},
		{"Terugkoppeling krijg ik van hen nooit op tijd", `terugkoppeling[0:14]"Terugkoppeling"`},
		// A clause that ends in "niet" or "nooit", for barriers too; a wish right after.
		{"Terugkoppeling hebben wij hier gewoon niet.", `geen_terugkoppeling[0:42]"Terugkoppeling hebben wij hier gewoon niet"`},
		{"Een wachtlijst hebben wij niet", ``},
		{"Terugkoppeling? Was het maar zo", `geen_terugkoppeling[0:28]"Terugkoppeling? Was het maar"`},
		// A short answer right after the pattern.
		{"Terugkoppeling? Eigenlijk nooit.", `geen_terugkoppeling[0:31]"Terugkoppeling? Eigenlijk nooit"`},
		{"Terugkoppeling? Ja. Nooit een probleem", `terugkoppeling[0:14]"Terugkoppeling"`},
		{"Het is geen probleem om terugkoppeling te vragen", `terugkoppeling[24:38]"terugkoppeling"`},
		{"Het duurde niet lang voor ik terugkoppeling kreeg", `terugkoppeling[29:43]"terugkoppeling"`},
		{"Het is niet moeilijk om ze te laten weten", `terugkoppeling[30:41]"laten weten"`},
		// "vroeger" anywhere in the clause, also before a facilitator without a barrier
		// (afspraken has none in negBook); "geen idee" reaches like "om".
		{"Vroeger kregen we van iedereen altijd netjes terugkoppeling", `geen_terugkoppeling[0:59]"Vroeger kregen we van iedereen altijd netjes terugkoppeling"`},
		{"Vroeger hadden we elke maand een afspraak met school", ``},
		{"Ik heb geen idee of ze het ooit laten weten", `geen_terugkoppeling[7:43]"geen idee of ze het ooit laten weten"`},
		// A barrier is turned off only by a negation before it.
		{"Geen wachtlijst", ``},
		{"De wachtlijst, daar doe ik niets aan. Wachtlijst niets aan te doen", `wachtlijst[3:13]"wachtlijst" wachtlijst[38:48]"Wachtlijst"`},
	} {
		if got := codes(ac.Code(tc.text)); got != tc.want {
			t.Errorf("Code(%q)\n got %s\nwant %s", tc.text, got, tc.want)
		}
	}
}

// TestNegationOverruled checks that a pattern as written beats the barrier a negation
// would suggest on the same words.
func TestNegationOverruled(t *testing.T) {
	cb := &Codebook{
		Negations: []string{"niet"},
		Negated:   map[string]string{"rol": "onbekend", "contact": "onbereikbaar"},
		Factors: []Factor{{ID: "f", Codes: []Code{
			{ID: "rol", Valence: Facilitator, Patterns: []string{"mijn taak", "niet mijn taak"}},
			{ID: "contact", Valence: Facilitator, Patterns: []string{"weet wie ik moet bellen"}},
			{ID: "onbekend", Valence: Barrier, Patterns: []string{"weet niet wie"}},
			{ID: "onbereikbaar", Valence: Barrier},
		}}},
	}
	cb.Prepare()
	ac, err := NewAutoCoder(cb)
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct{ text, want string }{
		{"Dat is niet mijn taak", `rol[7:21]"niet mijn taak"`},
		{"Dat is mijn taak", `rol[7:16]"mijn taak"`},
		{"Ik weet niet wie ik moet bellen", `onbekend[3:16]"weet niet wie"`},
		// Without a pattern that says otherwise, the negation still suggests the barrier.
		{"Dat is niet echt mijn taak", `onbekend[7:26]"niet echt mijn taak"`},
	} {
		if got := codes(ac.Code(tc.text)); got != tc.want {
			t.Errorf("Code(%q)\n got %s\nwant %s", tc.text, got, tc.want)
		}
	}
}

// TestExclusionPatterns checks "!pattern": the code's overlapping matches, and the barrier
// a negated one would suggest, are left out; other codes and other places are not.
func TestExclusionPatterns(t *testing.T) {
	cb := &Codebook{
		Negations: []string{"niet"},
		Negated:   map[string]string{"vertrouwen": "wantrouwen"},
		Factors: []Factor{{ID: "f", Codes: []Code{
			{ID: "vertrouwen", Valence: Facilitator, Patterns: []string{"vertrouwen", "!vertrouwen in dat"}},
			{ID: "wantrouwen", Valence: Barrier},
			{ID: "afspraken", Valence: Facilitator, Patterns: []string{"afspraak", "!afspraak met de jongere"}},
		}}},
	}
	cb.Prepare()
	ac, err := NewAutoCoder(cb)
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct{ text, want string }{
		{"Ik heb vertrouwen in dat gebouw", ``},
		{"Ik heb niet veel vertrouwen in dat plan", ``},
		{"Ze vertrouwen elkaar", `vertrouwen[3:13]"vertrouwen"`},
		{"Een afspraak met de jongere, en een afspraak met school", `afspraken[36:44]"afspraak"`},
	} {
		if got := codes(ac.Code(tc.text)); got != tc.want {
			t.Errorf("Code(%q)\n got %s\nwant %s", tc.text, got, tc.want)
		}
	}
}

// TestIrregularFirstWord checks that a pattern whose first word is a strong verb is found
// at its past form, which does not start like the stem.
func TestIrregularFirstWord(t *testing.T) {
	cb := &Codebook{Factors: []Factor{{ID: "f", Codes: []Code{
		{ID: "terug", Valence: Facilitator, Patterns: []string{"krijg ... terug", "weet wie"}},
	}}}}
	cb.Prepare()
	ac, err := NewAutoCoder(cb)
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct{ text, want string }{
		{"Ik kreeg het bericht terug", `terug[3:26]"kreeg het bericht terug"`},
		{"Ik wist wie het was", `terug[3:11]"wist wie"`},
	} {
		if got := codes(ac.Code(tc.text)); got != tc.want {
			t.Errorf("Code(%q)\n got %s\nwant %s", tc.text, got, tc.want)
		}
	}
}

// TestNegationRulesOfDutch checks the negation rules that come from how Dutch says
// something is or is not so: "wel en niet" is no negation, "dat" or "die" right after a
// pattern may be a demonstrative before a clause-final "niet", a barrier said to be no
// problem is off, a question answered with "nee" is denied, and "hier" and "daar" stand
// between a verb and its negation like the pronouns.
func TestNegationRulesOfDutch(t *testing.T) {
	cb := &Codebook{
		Negations: []string{"geen", "niet", "nooit", "zonder"},
		Negated:   map[string]string{"vertrouwen": "wantrouwen", "rollen": "onbekend", "terugkoppeling": "geen_terugkoppeling"},
		Factors: []Factor{{ID: "f", Codes: []Code{
			{ID: "vertrouwen", Valence: Facilitator, Patterns: []string{"vertrouw"}},
			{ID: "wantrouwen", Valence: Barrier, Patterns: []string{"wantrouw*"}},
			{ID: "rollen", Valence: Facilitator, Patterns: []string{"wat het wijkteam"}},
			{ID: "onbekend", Valence: Barrier},
			{ID: "smoelenboek", Valence: Facilitator, Patterns: []string{"sociale kaart"}},
			{ID: "terugkoppeling", Valence: Facilitator, Patterns: []string{"terugkoppeling"}},
			{ID: "geen_terugkoppeling", Valence: Barrier},
			{ID: "privacy", Valence: Barrier, Patterns: []string{"privacy"}},
			{ID: "wachtlijst", Valence: Barrier, Patterns: []string{"wachtlijst*"}},
		}}},
	}
	cb.Prepare()
	ac, err := NewAutoCoder(cb)
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct{ text, want string }{
		// A demonstrative before a clause-final "niet"; a clause it starts is not read.
		{"Ik vertrouw dat gewoon niet.", `wantrouwen[3:27]"vertrouw dat gewoon niet"`},
		{"Ik vertrouw die jongen niet", `wantrouwen[3:27]"vertrouw die jongen niet"`},
		{"Ik vertrouw dat niemand het doorvertelt", `vertrouwen[3:11]"vertrouw"`},
		{"De sociale kaart die we hebben klopt niet meer", `smoelenboek[3:16]"sociale kaart"`},
		// "wel en niet", "wel of niet": both, or left open.
		{"Ik weet wat het wijkteam wel en niet doet", `rollen[8:24]"wat het wijkteam"`},
		{"Ik weet wat het wijkteam wel of niet", `rollen[8:24]"wat het wijkteam"`},
		{"Ik weet niet wat het wijkteam doet", `onbekend[8:29]"niet wat het wijkteam"`},
		// A barrier that is no problem or no bother.
		{"Privacy is bij ons eigenlijk nooit een probleem", ``},
		{"Privacy is bij ons geen enkel probleem", ``},
		{"Privacy is bij ons een probleem", `privacy[0:7]"Privacy"`},
		{"Privacy is bij ons niet zo'n issue", ``},
		{"Privacy is niet echt een probleem", ``},
		{"Privacy is geen onderwerp, maar wel een probleem", `privacy[0:7]"Privacy"`},
		// A question answered with no; not a statement followed by "nee".
		{"Wachtlijsten? Daar hebben wij nooit last van.", ``},
		{"Wantrouwen tussen school en wijkteam? Nee, nooit gemerkt.", ``},
		{"Wantrouwen tussen school en wijkteam. Nee, echt.", `wantrouwen[0:10]"Wantrouwen"`},
		{"Vertrouwen tussen school en wijkteam? Nee.", `wantrouwen[0:41]"Vertrouwen tussen school en wijkteam? Nee"`},
		{"Vertrouwen tussen school en wijkteam? Ja, zeker.", `vertrouwen[0:10]"Vertrouwen"`},
		// "het gaat niet om": not about it, not without it; "het lukt niet om" still negates.
		{"Het gaat niet om de terugkoppeling zelf", `terugkoppeling[20:34]"terugkoppeling"`},
		{"Het gaat mij niet om de terugkoppeling", `terugkoppeling[24:38]"terugkoppeling"`},
		{"Het lukt niet om terugkoppeling te krijgen", `geen_terugkoppeling[9:31]"niet om terugkoppeling"`},
		// A contrast without its verb: the negation is the other half's.
		{"Omdat de vader hem vertrouwde en mij niet.", `vertrouwen[19:29]"vertrouwde"`},
		{"Ze geven terugkoppeling en de school niet.", `terugkoppeling[9:23]"terugkoppeling"`},
		{"Terugkoppeling en overleg hebben we niet.", `geen_terugkoppeling[0:40]"Terugkoppeling en overleg hebben we niet"`},
		// "zonder" takes a noun phrase: without a referral, not without the feedback.
		{"Je krijgt zonder verwijzing terugkoppeling", `terugkoppeling[28:42]"terugkoppeling"`},
		{"Je werkt zonder echte terugkoppeling", `geen_terugkoppeling[9:36]"zonder echte terugkoppeling"`},
		{"Ze belden zonder dat ik terugkoppeling kreeg", `geen_terugkoppeling[10:38]"zonder dat ik terugkoppeling"`},
		// "ho maar" and "vergeet het maar" as short answers.
		{"En terugkoppeling, ho maar.", `geen_terugkoppeling[3:21]"terugkoppeling, ho"`},
		{"Terugkoppeling? Vergeet het maar.", `geen_terugkoppeling[0:23]"Terugkoppeling? Vergeet"`},
		{"Terugkoppeling? Ho, wacht even.", `terugkoppeling[0:14]"Terugkoppeling"`},
		// "vroeger" ends a facilitator with no barrier of its own too; ended forms at the
		// clause's end ("is gestopt", "opgeheven") say it is no more.
		{"De sociale kaart van de gemeente is opgeheven", ``},
		{"De terugkoppeling van het wijkteam aan school is gestopt.", `geen_terugkoppeling[3:56]"terugkoppeling van het wijkteam aan school is gestopt"`},
		{"De wachtlijst is gestopt", `wachtlijst[3:13]"wachtlijst"`},
		// "zelden", "nauwelijks", "amper" right after the pattern or at the clause's end.
		{"Terugkoppeling geven ze zelden", `geen_terugkoppeling[0:30]"Terugkoppeling geven ze zelden"`},
		{"Terugkoppeling krijgen wij van de school eigenlijk nauwelijks.", `geen_terugkoppeling[0:61]"Terugkoppeling krijgen wij van de school eigenlijk nauwelijks"`},
		// A barrier that falls short of what was feared ("valt mee"), in the clause or as
		// the answer to a question; "Niet echt." answers no.
		{"De wachtlijst valt eigenlijk wel mee", ``},
		{"Wantrouwen? Valt wel mee, hoor.", ``},
		{"Wantrouwen? Valt niet te zeggen.", `wantrouwen[0:10]"Wantrouwen"`},
		{"Terugkoppeling van school? Niet echt.", `geen_terugkoppeling[0:31]"Terugkoppeling van school? Niet"`},
		{"Terugkoppeling van school? Niet altijd, wel vaak.", `terugkoppeling[0:14]"Terugkoppeling"`},
		// A topic taken up again after a comma (left dislocation); not after a full stop,
		// nor where the pattern's clause is no topic; a barrier's only at its end.
		{"Terugkoppeling naar school, ja, daar zijn we niet goed in.", `geen_terugkoppeling[0:49]"Terugkoppeling naar school, ja, daar zijn we niet"`},
		{"De terugkoppeling, die krijg ik nooit", `geen_terugkoppeling[3:37]"terugkoppeling, die krijg ik nooit"`},
		{"Terugkoppeling krijg ik. Daar ben ik niet ontevreden over.", `terugkoppeling[0:14]"Terugkoppeling"`},
		{"Ze geven terugkoppeling, dat weet ik niet", `terugkoppeling[9:23]"terugkoppeling"`},
		{"Privacy, daar mag ik niets over zeggen", `privacy[0:7]"Privacy"`},
		{"Privacy, nou, dat is bij ons nooit een probleem", ``},
		// A concession: "wel" ends the clause and "maar" follows in the sentence or starts
		// the next; neither the facilitator nor its barrier is suggested.
		{"Die vertrouw ik wel, de wijkagent, maar hij vertelt alles door.", ``},
		{"Die vertrouw ik wel. Maar op school is dat anders.", ``},
		{"Die vertrouw ik wel. Ze doet wat ze zegt, maar ze is druk.", `vertrouwen[4:12]"vertrouw"`},
		{"Ik vertrouw hem wel en hij mij, maar dat duurde lang.", `vertrouwen[3:11]"vertrouw"`},
		// "hier" and "daar" do not count towards the words an absence word may follow.
		{"Terugkoppeling wordt hier gewoon niet gegeven", `geen_terugkoppeling[0:37]"Terugkoppeling wordt hier gewoon niet"`},
	} {
		if got := codes(ac.Code(tc.text)); got != tc.want {
			t.Errorf("Code(%q)\n got %s\nwant %s", tc.text, got, tc.want)
		}
	}
}

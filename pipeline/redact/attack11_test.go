package redact

import (
	"strings"
	"testing"
)

// redactCases checks r.Redact on each input.
func redactCases(t *testing.T, r *Redactor, cases [][2]string) {
	t.Helper()
	for _, c := range cases {
		if got := r.Redact(c[0]); got != c[1] {
			t.Errorf("Redact(%q)\n got %q\nwant %q", c[0], got, c[1])
		}
	}
}

// A person's full name in privacy.names is redacted part by part, like a respondent's;
// an organisation's name only as a phrase (the third attack of 0.5.0, F8).
func TestNamesPartByPart(t *testing.T) {
	r := New(Options{
		Names:         []string{"Qwyntje Zorblat", "Brammert Vlokhuis", "Tjits", "Jayden van der Berg", "Het Baken", "De Wissel", "Mondriaan College", "Rots en Water"},
		Organisations: []string{"Ut Bakkie"},
	})
	redactCases(t, r, [][2]string{
		{"Korte lijnen met Qwyntje en met Zorblat, en met Brammert.", "Korte lijnen met [naam] en met [naam], en met [naam]."},
		{"Ik sprak brammert gisteren, en Vlokhuis ook.", "Ik sprak [naam] gisteren, en [naam] ook."},
		{"Jayden belde; Van der Berg ook.", "[naam] belde; [naam] ook."},
		{"Ze klom op de berg, van der berg.", "Ze klom op de berg, van der berg."}, // "Berg" is a word: capitalised only
		{"Het Baken belde; het baken in de haven.", "[naam] belde; het baken in de haven."},
		{"Bij De Wissel en bij de wissel.", "Bij [naam] en bij de wissel."},
		{"Het Mondriaan College, het college.", "Het [naam], het college."},
		{"Rots en Water is een training; water drinken.", "[naam] is een training; water drinken."},
		{"In Ut Bakkie, een bakkie koffie.", "In [naam], een bakkie koffie."},
	})
	for _, org := range []string{"Het Baken", "De Wissel", "Mondriaan College", "Basisschool De Regenboog", "Veilig Thuis", "Rots en Water", "Team 3"} {
		if !organisationLike(wordsOf(org)) {
			t.Errorf("%q is taken for a person", org)
		}
	}
	for _, p := range []string{"Qwyntje Zorblat", "Brammert Vlokhuis", "De Vries", "Roos Bakker", "Jayden van der Berg"} {
		if organisationLike(wordsOf(p)) {
			t.Errorf("%q is taken for an organisation", p)
		}
	}
}

// TestMeasureCaps measures the labelled sentences typed in capitals ("IK BEL MET EMMA
// VISSER"; the third attack of 0.5.0, F22, found no name in capitals redacted). Its bars
// are TestMeasure's but for unlisted names, where a name that is also a word ("PETER",
// "VISSER") is found only beside another name part, after a cue or before a verb: 0.80;
// and 3.5 false positives per 1,000 words. At its first run: listed 40/40, unlisted
// 66/79, 6 false positives (2.1 per 1,000 words).
func TestMeasureCaps(t *testing.T) {
	measureWith(t, "testdata/zinnen.txt", 300, 3.5, strings.ToUpper)
}

// Names in capitals, camel-case double names and a surname in lower case after a cue.
func TestCapsAndCues(t *testing.T) {
	r := New(Options{Names: []string{"Emma"}, People: []string{"Roos Visser"}, Keep: []string{"Bergdorp", "wijkteam"}})
	redactCases(t, r, [][2]string{
		{"KORTE LIJNEN MET DAAN JANSEN EN SANNE DE VRIES VAN HET WIJKTEAM.", "KORTE LIJNEN MET [naam] EN [naam] VAN HET WIJKTEAM."},
		{"IK BEL MET EMMA VISSER, 06-12345678.", "IK BEL MET [naam], [telefoonnummer]."},
		{"ROOS VISSER BELDE. DE BAKKER BAKT BROOD.", "[naam] BELDE. DE BAKKER BAKT BROOD."},
		{"Het OT en het MDO met de GGZ in BERGDORP.", "Het OT en het MDO met de GGZ in BERGDORP."},
		{"ZE WOONT IN BERGDORP EN ZIT OP VOETBAL", "ZE WOONT IN BERGDORP EN ZIT OP VOETBAL"},
		{"MarieLouise belde, JanWillem ook; YouTube niet.", "[naam] belde, [naam] ook; YouTube niet."},
		{"Ik sprak meneer van dijk en de familie van der berg, en mevrouw jansen.", "Ik sprak meneer [naam] en de familie [naam], en mevrouw [naam]."},
		{"De man van de winkel, meneer van de winkel.", "De man van de winkel, meneer van de winkel."},
		{"DAT WAS EMMA'S IDEE.", "DAT WAS [naam] IDEE."},
	})
}

// Account names built from a listed name, profile and WhatsApp links, Discord tags, a
// date of birth with a two-digit year and numbers after their name (F3).
func TestAccountsNumbersBirth(t *testing.T) {
	r := New(Options{People: []string{"Jayden van der Berg", "Fatima El Amrani", "Mark Bos", "Noor Roos"}, Names: []string{"Tjits"}})
	redactCases(t, r, [][2]string{
		{"Hij zit op snap als jaydenvdb, of jayden2009.", "Hij zit op snap als [account], of [account]."},
		{"https://www.instagram.com/jayden.vdberg/ en tiktok.com/@fatimaa_ea", "https://www.instagram.com/[account]/ en tiktok.com/[account]"},
		{"discord tjits#1234 of speler_7#0042.", "discord [account] of [account]."},
		{"App haar op wa.me/31612345678 of https://api.whatsapp.com/send?phone=31612345678.", "App haar op [telefoonnummer] of [telefoonnummer]."},
		{"Zij is geb. 14-3-'09 en hij geboren 1/2/10.", "Zij is geb. [geboortedatum] en hij geboren [geboortedatum]."},
		{"kenteken 12-ABC-3, leerlingnummer 204518, dossiernummer 2024-00123, cliëntnr. 88.", "kenteken [nummer], leerlingnummer [nummer], dossiernummer [nummer], cliëntnr. [nummer]."},
		// ordinary words that start with a listed name, and numbers without a cue
		{"Op de markt in het noorden hangen de roosters; markten en marktplein.", "Op de markt in het noorden hangen de roosters; markten en marktplein."},
		{"Het huisnummer is 12, groep 7, in 14-3 kwam hij.", "Het huisnummer is 12, groep 7, in 14-3 kwam hij."},
	})
}

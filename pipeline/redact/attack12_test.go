package redact

import "testing"

// The forms the fourth attack (on 0.6.0) found published: birth dates in other forms
// after a cue (F7), numbers with a prefix, separator or short cue and an eight-digit BSN
// (F9), profile links of other platforms (F8), listed names glued into a handle (F19)
// and a mobile number without its 0 (F20); and the ordinary words around them kept.
func TestAttack12Forms(t *testing.T) {
	r := New(Options{People: []string{"Daan de Vries", "Jan-Willem ten Brink"}, Names: []string{"Dylan", "Shanice", "Bas", "Mark", "Sem", "Mo"}, Lang: "nl"})
	redactCases(t, r, [][2]string{
		{"geboortedatum: 2009-03-12", "geboortedatum: [geboortedatum]"},
		{"2009-03-12 is zijn geboortedatum", "[geboortedatum] is zijn geboortedatum"},
		{"geboren 2009, geb. 2009", "geboren [geboortedatum], geb. [geboortedatum]"},
		{"hij is geboren in maart 2009", "hij is geboren in [geboortedatum]"},
		{"hij is jarig op 12/03", "hij is jarig op [geboortedatum]"},
		{"zijn verjaardag is 12 maart", "zijn verjaardag is [geboortedatum]"},
		{"geboren in maart 2009, geb: 12/03/09.", "geboren in [geboortedatum], geb: [geboortedatum]."},
		{"leerlingnummer: LN-204519", "leerlingnummer: [nummer]"},
		{"leerling nr. 204519", "leerling nr. [nummer]"},
		{"dossier 2024/0412", "dossier [nummer]"},
		{"BSN: 12345678", "BSN: [BSN]"},
		{"x.com/dylanv en t.me/dylanv", "x.com/[account] en t.me/[account]"},
		{"https://www.linkedin.com/in/daandevries/ en reddit.com/u/dylanv.", "https://www.linkedin.com/[account]/ en reddit.com/[account]."},
		{"vinted.nl/member/12345-dylanv, steamcommunity.com/id/dylanv", "vinted.nl/[account], steamcommunity.com/[account]"},
		{"DylanV belde, dylan_v en xDylanx", "[naam] belde, [naam] en [naam]"},
		{"Dylan_2009 en DeVries en tenBrink", "[naam] en [naam] en [naam]"},
		{"zijn nummer is 6 12 34 56 78", "zijn nummer is [telefoonnummer]"},
		{"devries en tenbrink, portfolio.nl/daandevries.", "[naam] en [naam], portfolio.nl/[account]."},
		// Ordinary words and numbers stay.
		{"de basis van de markt in het semester, de moeder", "de basis van de markt in het semester, de moeder"},
		{"het dossier is dik en de leerling nam nooit 3 boeken mee", "het dossier is dik en de leerling nam nooit 3 boeken mee"},
		{"ik bel je om 6 uur, in 2009 was het anders", "ik bel je om 6 uur, in 2009 was het anders"},
		{"op 2024-05-01 hadden we overleg; zie www.gemeente.nl/jeugd en nu.nl/artikel/123", "op 2024-05-01 hadden we overleg; zie www.gemeente.nl/jeugd en nu.nl/artikel/123"},
		{"McDonald, YouTube, iPhone, WhatsApp, COVID19", "McDonald, YouTube, iPhone, WhatsApp, COVID19"},
	})
}

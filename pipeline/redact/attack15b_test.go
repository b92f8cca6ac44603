package redact

import "testing"

// TestAttack15b holds what attack 15b found published (F03-F05, F07, F08, F10-F12) and the
// look-alikes each new rule must keep.
func TestAttack15b(t *testing.T) {
	r := New(Options{Names: []string{"Sanne Wolters", "Roos Kuipers"}})
	for in, want := range map[string]string{
		// F03
		"De familie ter Haar kwam":                         "De familie [naam] kwam",
		"Mevrouw Ter Haar-De Groot belde":                  "Mevrouw [naam] belde",
		"Ik sprak Jeroen ter Haar en mevrouw Van der Meer": "Ik sprak [naam] en mevrouw [naam]",
		"De familie van de stad kwam":                      "De familie van de stad kwam",
		"Ik ging naar het huis van de Meer":                "Ik ging naar het huis van de Meer",
		// F04
		"Mevrouw D'Souza en meneer d'Ancona": "Mevrouw [naam] en meneer [naam]",
		"O'Neill's moeder":                   "[naam] moeder",
		"d'r fiets is weg, 't is koud":       "d'r fiets is weg, 't is koud",
		"Hij zei: 'Dat klopt.'":              "Hij zei: 'Dat klopt.'",
		// F05
		"bel +32 470 12 34 56 of 0032 470 123456":        "bel [telefoonnummer] of [telefoonnummer]",
		"+212 6 12 34 56 78 en +599 9 123 4567":          "[telefoonnummer] en [telefoonnummer]",
		"Het scoorde +5 punten, p = 0.00496611104878371": "Het scoorde +5 punten, p = 0.00496611104878371",
		"mean 4.001666339962032":                         "mean 4.001666339962032",
		// F07
		"Sannetje kwam, Sannetjes moeder ook": "[naam] kwam, [naam] moeder ook",
		"Roosje en een roosje":                "[naam] en een roosje",
		"Beetje raar. Een beetje. Meisje.":    "Beetje raar. Een beetje. Meisje.",
		// F08
		"Geboortedatum 2009.03.12 staat er": "Geboortedatum [geboortedatum] staat er",
		"versie 2.3.12 van 2019":            "versie 2.3.12 van 2019",
		// F10
		"De postcode is 1234-AB":                     "De postcode is [postcode]",
		"Zijn scooter is DK-123-B, auto 12-ABC-3":    "Zijn scooter is [nummer], auto [nummer]",
		"Client ID: 98765432":                        "Client ID: [nummer]",
		"Het leerlingnummer van hem was 204518":      "Het leerlingnummer van hem was [nummer]",
		"Ik heb een idee: 12 mensen, ID-kaart 12345": "Ik heb een idee: 12 mensen, ID-kaart 12345",
		"- id: h001 op 12-03-09, COVID-19":           "- id: h001 op 12-03-09, COVID-19",
		// F11
		"Ik zag ANOUK, ANOUKS fiets en TIMO'S jas":          "Ik zag [naam], [naam] fiets en [naam] jas",
		"[14:02] jayden: ik kom zo":                         "[14:02] [naam]: ik kom zo",
		"Mail hem op jayden punt devries at gmail punt com": "Mail hem op [e-mail]",
		"Hij zit op het ROC, de HAVO en VMBO":               "Hij zit op het ROC, de HAVO en VMBO",
		"noot: dit klopt":                                   "noot: dit klopt",
		// F12
		"stond lisa.bakker12 als naam":                            "stond [account] als naam",
		"als jayy_09 op Discord":                                  "als [account] op Discord",
		"www.jaydendevries.nl is van hem":                         "[account] is van hem",
		"Mail naar jayden@gmail":                                  "Mail naar [e-mail]",
		"zie www.gemeente.nl, anna.docx en mac_csv, versie 1.2.3": "zie www.gemeente.nl, anna.docx en mac_csv, versie 1.2.3",
	} {
		if got := r.Redact(in); got != want {
			t.Errorf("Redact(%q) = %q, want %q", in, got, want)
		}
	}
}

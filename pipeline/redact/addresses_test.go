package redact

import "testing"

// TestAddresses holds the addresses attack 15b (F02) found published, and look-alikes
// that must stay.
func TestAddresses(t *testing.T) {
	r := New(Options{Keep: []string{"Heidekamp"}})
	for in, want := range map[string]string{
		"Ze woont aan de Grote Markt 12 boven de winkel":   "Ze woont aan de [adres] boven de winkel",
		"Hij woont aan de Lange Dreef 88 bij zijn oma":     "Hij woont aan de [adres] bij zijn oma",
		"op de Oude Gracht 140":                            "op de [adres]",
		"Hij woont aan de Nieuwe Weg 3, goed.":             "Hij woont aan de [adres], goed.",
		"in de Beukenhorst 33 en Molenakker 12a":           "in de [adres] en [adres]",
		"Zij woont op Damrak 12 driehoog":                  "Zij woont op [adres] driehoog",
		"in de Dorpsstr. 12 en daarna in Kerkstraat12.":    "in de [adres] en daarna in [adres].",
		"aan de Esdoornstraat nummer 4 zei ze":             "aan de [adres] zei ze",
		"Zuiderhaven 4, Vlinderwei 9-2 en Lindeveld 5 bis": "[adres], [adres] en [adres]",
		"ze woont op de Kwekerij 4":                        "ze woont op de [adres]",
		"HIJ WOONT OP DE DORPSSTRAAT 12":                   "HIJ WOONT OP DE [adres]",
		// look-alikes
		"een nieuwe weg 3 keer":            "een nieuwe weg 3 keer",
		"De Weg 2 was lang":                "De Weg 2 was lang",
		"Het Zomerkamp 2024 was leuk":      "Het Zomerkamp 2024 was leuk",
		"Akkoord 2 keer":                   "Akkoord 2 keer",
		"Bergdorp-Noord 30 en Heidekamp 3": "Bergdorp-Noord 30 en Heidekamp 3",
		"Groep 8 en Week 2, hoofdstuk 3":   "Groep 8 en Week 2, hoofdstuk 3",
		"Hij woont op Texel 12 jaar":       "Hij woont op Texel 12 jaar",
		"Ze woont in Amsterdam 12 jaar":    "Ze woont in Amsterdam 12 jaar",
		"Het Sportveld 2,5 keer zo groot":  "Het Sportveld 2,5 keer zo groot",
	} {
		if got := r.Redact(in); got != want {
			t.Errorf("Redact(%q) = %q, want %q", in, got, want)
		}
	}
}

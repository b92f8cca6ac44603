package pipeline

import (
	"strings"
	"testing"
)

func TestRedact(t *testing.T) {
	r := NewRedactor([]string{"Christina", "Christina M", "Zoë de Boer", "R07"}, "nl")
	for _, tc := range []struct{ in, want string }{
		{"Mail me op jan.jansen@voorbeeld.nl graag", "Mail me op [e-mail] graag"},
		{"Bel 06-12345678 of +31 6 12345678", "Bel [telefoonnummer] of [telefoonnummer]"},
		{"Het nummer is 010-1234567.", "Het nummer is [telefoonnummer]."},
		{"Ze woont op 1234 AB in de wijk", "Ze woont op [postcode] in de wijk"},
		{"BSN 111222333 staat in het dossier", "BSN [BSN] staat in het dossier"},
		{"Geen BSN: 123456789", "Geen BSN: 123456789"}, // fails the eleven-test
		{"IBAN NL91ABNA0417164300 ook", "IBAN [IBAN] ook"},
		{"Christina M zei het, en Christina ook", "[naam] zei het, en [naam] ook"},
		{"Met zoë gepraat; Zoë de Boer kwam", "Met [naam] gepraat; [naam] kwam"},
		{"Respondent R07 vertelde", "Respondent [naam] vertelde"},
		{"Christinas fiets", "Christinas fiets"}, // not a whole word
	} {
		if got := r.Redact(tc.in); got != tc.want {
			t.Errorf("Redact(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
	en := NewRedactor([]string{"Sem"}, "en")
	if got := en.Redact("Sem called 06 1234 5678"); got != "[name] called [phone number]" {
		t.Errorf("en: %q", got)
	}
	// A person called "Naam" must not turn the placeholder [naam] into [[naam]].
	naam := NewRedactor([]string{"Naam", "Jan Naam"}, "nl")
	if got := naam.Redact("Naam en Jan Naam en Naam Naam"); got != "[naam] en [naam] en [naam] [naam]" {
		t.Errorf("placeholder matched as a name: %q", got)
	}
	if strings.Contains(r.Redact("Christina"), "Christina") {
		t.Error("leak")
	}
}

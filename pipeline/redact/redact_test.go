package redact

import (
	"strings"
	"testing"
)

func TestRedact(t *testing.T) {
	r := New(Options{Names: []string{"Christina", "Christina M", "Zoë de Boer", "Het Baken"}, People: []string{"R07", "Daan Jansen", "Zoë Dekker"}, Keep: []string{"Veilig Thuis", "Bergdorp"}})
	for _, tc := range []struct{ in, want string }{
		{"Mail me op jan.jansen@voorbeeld.nl graag", "Mail me op [e-mail] graag"},
		{"Mail naar jan [at] school [punt] nl of jan(at)school.nl.", "Mail naar [e-mail] of [e-mail]."},
		{"Zijn adres is k.bos apenstaartje wijkteam punt nl, of kbos at gmail dot com", "Zijn adres is [e-mail], of [e-mail]"},
		{"Stuur het naar jan @ school . nl en klaar", "Stuur het naar [e-mail] en klaar"},
		{"Hij at een broodje. Daarna ging hij naar huis.", "Hij at een broodje. Daarna ging hij naar huis."},
		{"Ze at soep punt uit, net als vroeger.", "Ze at soep punt uit, net als vroeger."},
		{"Bel 06-12345678 of +31 6 12345678", "Bel [telefoonnummer] of [telefoonnummer]"},
		{"Het nummer is 010-1234567.", "Het nummer is [telefoonnummer]."},
		{"Bel (020) 123 45 67 of (020) 1234567.", "Bel [telefoonnummer] of [telefoonnummer]."},
		{"Mobiel 06–12345678, 06/12345678, 06.12.34.56.78", "Mobiel [telefoonnummer], [telefoonnummer], [telefoonnummer]"},
		{"Of 0031 6 1234 5678 en +31 (0)20 123 4567", "Of [telefoonnummer] en [telefoonnummer]"},
		{"Ze woont op 1234 AB in de wijk", "Ze woont op [postcode] in de wijk"},
		{"BSN 111222333 staat in het dossier", "BSN [BSN] staat in het dossier"},
		{"BSN 123 456 782 of 123.456.782", "BSN [BSN] of [BSN]"},
		{"Kenmerk 123456789", "Kenmerk 123456789"}, // fails the eleven-test
		// After "BSN" eight or nine digits are a BSN whatever the eleven-test: an old
		// eight-digit one or a typing error identifies as well (attack 12, F9).
		{"Geen BSN: 123456789", "Geen BSN: [BSN]"},
		{"IBAN NL91ABNA0417164300 ook", "IBAN [IBAN] ook"},
		{"iban nl91abna0417164300, BE68539007547034 en NL91-ABNA-0417-1643-00.", "iban [IBAN], [IBAN] en [IBAN]."},
		{"Rekening NL91ABNA0417164301 klopt niet", "Rekening NL91ABNA0417164301 klopt niet"}, // checksum
		{"Christina M zei het, en Christina ook", "[naam] zei het, en [naam] ook"},
		{"Met zoë gepraat; Zoë de Boer kwam", "Met [naam] gepraat; [naam] kwam"},
		{"Respondent R07 vertelde", "Respondent [naam] vertelde"},
		{"Daan Jansen vertelde het, daarna Daan, en Jansen knikte.", "[naam] vertelde het, daarna [naam], en [naam] knikte."},
		{"Zoe Dekker en Zoe\u0308 kwamen", "[naam] en [naam] kwamen"},
		{"Sannes moeder en Sanne's fiets", "[naam] moeder en [naam] fiets"},
		{"Het Baken is een school; het gaat goed met het kind.", "[naam] is een school; het gaat goed met het kind."},
		{"We belden Veilig Thuis in Bergdorp.", "We belden Veilig Thuis in Bergdorp."},
		{"Ik sprak mevrouw Dekker en meneer De Vries.", "Ik sprak mevrouw [naam] en meneer [naam]."},
		{"Mijn zoon Ecrin en ik heet Shurandy.", "Mijn zoon [naam] en ik heet [naam]."},
		{"Mr. Smith and Mrs. Jones came.", "Mr. [name] and Mrs. [name] came."},
		{"Ze is geboren op 12-03-2008 in Utrecht.", "Ze is geboren op [geboortedatum] in Utrecht."},
		{"Het was op 12-03-2008 druk.", "Het was op 12-03-2008 druk."},
		{"Hij woont aan de Dorpsstraat 12a.", "Hij woont aan de [adres]."},
		{"Interview Sanne de Vries.csv", "Interview [naam].csv"},
		{"interviews/Interview Ecrin Kaya.txt", "interviews/Interview [naam].txt"},
		{"Emma Visser_12-03-2008.txt", "[naam]_[geboortedatum].txt"},
		{"Roos zei dat Roos Bakker belde; de roos bloeit.", "[naam] zei dat [naam] belde; de roos bloeit."},
		{"Roos is een bloem.", "Roos is een bloem."},
	} {
		rr := r
		if strings.Contains(tc.in, "Mr.") {
			rr = New(Options{Lang: "en"})
		}
		if got := rr.Redact(tc.in); got != tc.want {
			t.Errorf("Redact(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
	en := New(Options{People: []string{"Sem"}, Lang: "en"})
	if got := en.Redact("Sem called 06 1234 5678"); got != "[name] called [phone number]" {
		t.Errorf("en: %q", got)
	}
	// A person called "Naam" must not turn the placeholder [naam] into [[naam]].
	naam := New(Options{People: []string{"Naam", "Jan Naam"}})
	if got := naam.Redact("Naam en Jan Naam en Naam Naam"); got != "[naam] en [naam] en [naam] [naam]" {
		t.Errorf("placeholder matched as a name: %q", got)
	}
	if got := naam.Redact(naam.Redact("Naam")); got != "[naam]" {
		t.Errorf("redacting twice: %q", got)
	}
}

func TestMap(t *testing.T) {
	r := New(Options{People: []string{"Daan Jansen"}})
	text := "Daan Jansen zegt: korte lijnen met de wijkagent."
	out, m := r.RedactMapped(text)
	runes, outRunes := []rune(text), []rune(out)
	for _, span := range []string{"korte lijnen", "wijkagent", "Jansen zegt"} {
		i := strings.Index(text, span)
		start := len([]rune(text[:i]))
		end := start + len([]rune(span))
		s, e := m.Range(start, end)
		got := string(outRunes[s:e])
		want := r.Redact(string(runes[start:end]))
		if span == "Jansen zegt" {
			want = "[naam] zegt"
		}
		if got != want {
			t.Errorf("span %q maps to %q, want %q", span, got, want)
		}
	}
}

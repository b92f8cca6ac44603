package redact

import (
	"math/rand/v2"
	"strings"
	"testing"
)

// TestPhoneForms: the Dutch ways of writing a phone number, and numbers that are none.
func TestPhoneForms(t *testing.T) {
	r := New(Options{ListedOnly: true})
	for _, p := range []string{
		"06 - 12 34 56 78", "+31-6-12345678", "(06) 12345678", "06 12 34 56 78", "0612-345678",
		"+31 6 1234 5678", "00 31 6 12345678", "+316-12345678", "06-123 456 78", "020-6 123 456",
		"06\u201112345678", "06\u221212345678", "020\u00a0123\u00a04567", "(020)-1234567", "+31 (0) 20 - 123 45 67",
	} {
		if got := r.Redact("bel " + p + " nu"); got != "bel [telefoonnummer] nu" {
			t.Errorf("%q: %q", p, got)
		}
	}
	// Not phone numbers: years, a date, seven digits, nine digits from 06, a time.
	for _, s := range []string{"in 2008 en 2010", "12-03-2008", "1234567", "06-1234567", "om 10.30 uur"} {
		if got := r.Redact(s); got != s {
			t.Errorf("%q became %q", s, got)
		}
	}
}

// TestIBANs: ISO 13616 lengths and checksums of several countries, in any grouping.
func TestIBANs(t *testing.T) {
	r := New(Options{ListedOnly: true})
	for _, s := range []string{"NL91ABNA0417164300", "nl91 abna 0417 1643 00", "BE68 5390 0754 7034",
		"DE89370400440532013000", "FR14 2004 1010 0505 0001 3M02 606", "GB29-NWBK-6016-1331-9268-19",
		"ES91 2100 0418 4502 0005 1332", "TR33 0006 1005 1978 6457 8413 26"} {
		if got := r.Redact("op " + s + " gestort"); got != "op [IBAN] gestort" {
			t.Errorf("%q: %q", s, got)
		}
	}
	for _, s := range []string{"NL91ABNA0417164301", "XX91ABNA0417164300", "NL91ABNA041716430"} {
		if got := r.Redact(s); got != s {
			t.Errorf("not an IBAN %q became %q", s, got)
		}
	}
}

// A phone number right after a street name is a phone number, whole: the address rule
// took "Dorpsstraat 0612" and left "345678" (second attack #4).
func TestAddressDoesNotEatAPhoneNumber(t *testing.T) {
	r := New(Options{ListedOnly: true})
	for in, want := range map[string]string{
		"Ik woon Dorpsstraat 0612345678 hoor.": "Ik woon Dorpsstraat [telefoonnummer] hoor.",
		"bel Brouwersgracht 0655555555":        "bel Brouwersgracht [telefoonnummer]",
		"Ik woon Dorpsstraat 12 hoor.":         "Ik woon [adres] hoor.",
		"Ik woon Dorpsstraat 12a.":             "Ik woon [adres].",
	} {
		if got := r.Redact(in); got != want {
			t.Errorf("%q: %q, want %q", in, got, want)
		}
	}
}

// The digit checks of findPatterns skip an expression only where it cannot match: on
// random texts of digits, separators, capitalised words and street words, every match
// must pass its check.
func TestPatternChecksAreImplied(t *testing.T) {
	rng := rand.New(rand.NewPCG(16, 11))
	pieces := []string{"0", "1", "2", "3", "6", "9", "12", "2008", "06", "+31", " ", "  ", "\t", "\n", "-", ".", "/", "(", ")",
		"NL", "91", "ABNA", "Kerk", "straat", "laan", "weg", "Burgemeester ", "Visser", "a", "bis", "AB"}
	for n := 0; n < 200000; n++ {
		var b strings.Builder
		for k := rng.IntN(14); k > 0; k-- {
			b.WriteString(pieces[rng.IntN(len(pieces))])
		}
		s := b.String()
		digits, run := countDigits(s)
		for _, c := range []struct {
			name    string
			matches bool
			checked bool
		}{
			{"iban", ibanRe.MatchString(s), run >= 2},
			{"bsn", bsnRe.MatchString(s), digits >= 9 && run >= 3},
			{"phone", len(findPhones(s)) > 0, digits >= 8},
			{"postcode", postcodeRe.MatchString(s), run >= 4},
			{"address", addressRe.MatchString(s), streetBeforeNumber(s)},
		} {
			if c.matches && !c.checked {
				t.Fatalf("%s matches %q, but its check skips the text", c.name, s)
			}
		}
	}
}

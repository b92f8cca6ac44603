package ingest

import (
	"errors"
	"strings"
	"testing"
)

// A name fits a pattern in one way or is an error: the first reading of
// "Kevin_Oosterhuis_Bergdorp" by "{respondent}_{municipality}" put the surname into the
// municipality, a group value that is published (attack 13, name-pattern-surname-as-municipality).
func TestNamePatternOneReading(t *testing.T) {
	for _, c := range []struct {
		pattern, name string
		want          nameVariables // respondent, role, municipality; zero: an ambiguous name
		ambiguous     bool
	}{
		{pattern: "{respondent}_{municipality}", name: "JW01_Bergdorp.txt", want: nameVariables{respondent: "JW01", municipality: "Bergdorp"}},
		{pattern: "{respondent}_{municipality}", name: "Kevin_Oosterhuis_Bergdorp.txt", ambiguous: true},
		{pattern: "{respondent}_{municipality}", name: "JW01_Bergen_op_Zoom.txt", ambiguous: true},
		{pattern: "{role}{nr}_{municipality}", name: "JW01_Bergen_op_Zoom.txt", want: nameVariables{respondent: "JW01", role: "JW", municipality: "Bergen_op_Zoom"}},
		{pattern: "{municipality}-{role}{nr}", name: "Bergdorp-JW01.docx", want: nameVariables{respondent: "JW01", role: "JW", municipality: "Bergdorp"}},
		{pattern: "{voornaam}_{achternaam}_{municipality}", name: "Kevin_Oosterhuis_Bergdorp.txt", want: nameVariables{respondent: "Kevin_Oosterhuis_Bergdorp", municipality: "Bergdorp"}},
		{pattern: "{role}{municipality}", name: "JWBergdorp.txt", ambiguous: true},
		{pattern: "{role}{nr}", name: "JW012.txt", want: nameVariables{respondent: "JW012", role: "JW"}},
		// The shortest and the longest reading agree on the municipality, a third does not.
		{pattern: "{a}_{municipality}_{b}", name: "x_m_m_m", ambiguous: true},
		// Readings that differ in the respondent only: the shortest, as documented.
		{pattern: "{respondent}_{part}", name: "videos_10_selected", want: nameVariables{respondent: "videos"}},
	} {
		np, err := compileNamePattern(c.pattern)
		if err != nil {
			t.Fatal(err)
		}
		v, ok, err := np.match(c.name, nil)
		if c.ambiguous {
			if !errors.Is(err, ErrAmbiguousName) || ok {
				t.Errorf("%s by %s: %v, %v; want ErrAmbiguousName", c.name, c.pattern, ok, err)
			} else if !strings.Contains(err.Error(), c.name) || !strings.Contains(err.Error(), "or {") {
				t.Errorf("%s by %s: %v; want the file and both readings", c.name, c.pattern, err)
			}
			continue
		}
		if err != nil || !ok || v.respondent != c.want.respondent || v.role != c.want.role || v.municipality != c.want.municipality {
			t.Errorf("%s by %s: %+v, %v, %v; want %+v", c.name, c.pattern, v, ok, err, c.want)
		}
	}
}

// FuzzNamePattern: any pattern that compiles reads any name without a panic, and a name
// it reads is either one reading or an ErrAmbiguousName, never both.
func FuzzNamePattern(f *testing.F) {
	f.Add("{respondent}_{municipality}", "Kevin_Oosterhuis_Bergdorp.txt")
	f.Add("{role}{nr}_{municipality}", "JW01_Bergen_op_Zoom.docx")
	f.Add("{municipality}-{role}{nr}", "Bergdorp-JW01")
	f.Add("{a}{b}{c}", "xyz")
	f.Fuzz(func(t *testing.T, pattern, name string) {
		np, err := compileNamePattern(pattern)
		if err != nil || np == nil {
			return
		}
		_, ok, err := np.match(name, nil)
		if ok && err != nil {
			t.Fatalf("%q by %q: a reading and an error %v", name, pattern, err)
		}
		if err != nil && !errors.Is(err, ErrAmbiguousName) {
			t.Fatalf("%q by %q: %v", name, pattern, err)
		}
	})
}

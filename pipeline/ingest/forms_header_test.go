package ingest

import (
	"strings"
	"testing"
)

// Microsoft Forms names its time columns differently per language and version: any
// start column with any completion or last-modified column is Forms.
func TestIsFormsHeader(t *testing.T) {
	for _, c := range []struct {
		header string
		want   bool
	}{
		{"ID|Start time|Completion time|Email|Name|Q1", true},
		{"Id|Begintijd|Tijd van voltooien|E-mail|Naam|Q1", true},
		{"Id|Begintijd|Voltooiingstijd|E-mail|Naam|Q1", true}, // attack 13: was generic
		{"Id|Begintijd|Tijd van laatste wijziging|Naam|Q1", true},
		{"Tijdstempel|Q1", true}, // Google Forms
		{"Respondent|Begintijd|Q1", false},
		{"Respondent|Voltooiingstijd|Q1", false},
	} {
		if got := isFormsHeader(strings.Split(c.header, "|")); got != c.want {
			t.Errorf("%s: %v, want %v", c.header, got, c.want)
		}
	}
}

package main

import "testing"

// The command init and synth print can be pasted as it is: a folder with a space was
// printed bare, so `analyse run` got two arguments.
func TestShellArg(t *testing.T) {
	for in, want := range map[string]string{
		"studie":                     "studie",
		"../data/example":            "../data/example",
		`C:\Onderzoek\wijk-a`:        `C:\Onderzoek\wijk-a`,
		"Mijn onderzoek":             `"Mijn onderzoek"`,
		"onderzoek 's-Hertogenbosch": `"onderzoek 's-Hertogenbosch"`,
		`prijs $5`:                   `'prijs $5'`,
		`it's "x"`:                   `'it'\''s "x"'`,
		"":                           `""`,
		`C:\Onderzoek\Mijn studie`:   `"C:\Onderzoek\Mijn studie"`,
		`\\server\share\studie a`:    `'\\server\share\studie a'`,
	} {
		if got := shellArg(in); got != want {
			t.Errorf("shellArg(%q) = %s, want %s", in, got, want)
		}
	}
}

package ingest

import (
	"strings"
	"testing"
)

// A numbered speaker who speaks once is a turn of their own; a numbered interviewer label
// is the interviewer's; another label that opens one line stays in the turn before it,
// with a warning naming the line, not the label (attack 13, speaker-once).
func TestSplitTranscriptSpeakerOnce(t *testing.T) {
	for _, c := range []struct {
		what, text string
		want       []string // the respondent's turns
		warnLines  string   // "" for no warning
	}{
		{"R1 once", "I: Hoe is het contact?\nR1: We hebben korte lijnen.\nR2: Ik ken hem.\nI: En met school?\nR2: Gaat wel.\n",
			[]string{"We hebben korte lijnen.", "Ik ken hem.", "Gaat wel."}, ""},
		{"R3 once after R2", "I: Vraag?\nR2: Ja.\nR3: Ik krijg nooit terugkoppeling.\nI: Dank.\nR2: Graag.\n",
			[]string{"Ja.", "Ik krijg nooit terugkoppeling.", "Graag."}, ""},
		{"P2 by P1", "Q1: Vraag?\nP1: Ja.\nP2: Nee.\nQ2: En?\nP1: Misschien.\nP1: Of niet.\n",
			[]string{"Ja.", "Nee.", "Misschien.", "Of niet."}, ""},
		{"a name once", "I: Vraag?\nR: Ja.\nI: En toen?\nAnneke: Ik was er ook bij.\nR: Dat klopt.\n",
			[]string{"Ja.", "Dat klopt."}, "(4)"},
	} {
		ds := splitTranscript("f.txt", "f.txt", "R1", c.text, Options{})
		var got []string
		for _, s := range ds.Segments {
			if !s.Interviewer {
				got = append(got, s.Text)
			}
		}
		if strings.Join(got, "|") != strings.Join(c.want, "|") {
			t.Errorf("%s: respondent turns %q; want %q", c.what, got, c.want)
		}
		switch {
		case c.warnLines == "" && len(ds.Warnings) > 0:
			t.Errorf("%s: warnings %v", c.what, ds.Warnings)
		case c.warnLines != "" && (len(ds.Warnings) != 1 || !strings.Contains(ds.Warnings[0].Err.Error(), c.warnLines) || strings.Contains(ds.Warnings[0].Err.Error(), "Anneke")):
			t.Errorf("%s: warnings %v; want one naming line %s and not the label", c.what, ds.Warnings, c.warnLines)
		}
	}
}

// The labels of lines that open like a speaker once stay in the text, so the warning
// carries those that may be names for the redactor (OnceSpeakerNames): in a file split
// at speakers, before the first speaker, and in a file of paragraphs; a label the text
// also writes in lower case ("Dus:" beside "dus") is a word (readers14).
func TestOnceSpeakerNames(t *testing.T) {
	for _, c := range []struct {
		what, text string
		want       string
	}{
		{"after the respondent", "I: Vraag?\nR: Ja.\nZwarbeltje: Ik was er ook bij.\nI: En?\nR: Nee.\n", "Zwarbeltje"},
		{"before the first speaker", "Trijntje Zwarbel: welkom.\nI: Vraag?\nR: Ja.\nI: En?\nR: Nee.\n", "Trijntje Zwarbel"},
		{"paragraphs", "Zwarbeltje: hoi.\n\nWe hebben korte lijnen.\n", "Zwarbeltje"},
		{"a word", "I: Vraag?\nR: Ja, dus dat.\nDus: nee.\nI: En?\nR: Nee.\n", ""},
	} {
		ds := splitTranscript("f.txt", "f.txt", "R1", c.text, Options{})
		var got []string
		for _, w := range ds.Warnings {
			got = append(got, OnceSpeakerNames(w.Err)...)
			if strings.Contains(w.Err.Error(), "Zwarbel") {
				t.Errorf("%s: the warning names the label: %v", c.what, w.Err)
			}
		}
		if strings.Join(got, "|") != c.want {
			t.Errorf("%s: names %q; want %q", c.what, got, c.want)
		}
	}
}

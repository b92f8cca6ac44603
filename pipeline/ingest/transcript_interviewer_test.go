package ingest

import (
	"strings"
	"testing"

	"github.com/samenspel/samenspel/pipeline/model"
)

// The interviewer by whole label words; V as vraag or vrouw by the file; interviewer:
// in study.yaml settles every file where a label it names speaks (attack 14,
// v1-vrouw-is-interviewer, numbered-participant-is-interviewer).
func TestMarkInterviewers(t *testing.T) {
	for _, c := range []struct {
		what, text string
		named      []string
		want       string // the labels of the respondent's turns, in order
		warn       string // "" for no warning, else a part of its Dutch text
	}{
		{"vrouw beside man", "Interviewer: Vraag?\nM1: Ja.\nV1: Ik ken hem.\nM2: Nee.\nV2: Nooit.\nInterviewer: En?\nV1: Korte lijnen.\nM1: Gaat wel.\n",
			nil, "M1 V1 M2 V2 V1 M1", ""},
		{"numbered vrouw beside interviewer", "I: Vraag?\nV1: Ja.\nV2: Nee.\nI: En?\nV1: Misschien.\n", nil, "V1 V2 V1", ""},
		{"participant words", "Interviewer: Vraag?\nOnderzoeksdeelnemer 1: Ja.\nInterviewee 2: Nee.\nR3: Ik ken hem.\nInterviewer: Dank.\nOnderzoeksdeelnemer 1: Graag.\n",
			nil, "Onderzoeksdeelnemer 1 Interviewee 2 R3 Onderzoeksdeelnemer 1", ""},
		{"participant labels, each speaking once", "Interviewer: Vraag?\nR1: a.\nDeelnemer 3: b.\nRespondent 4: c.\nP1: d.\nM1: e.\nV1: f.\nInterviewee 2: g.\nOnderzoeksdeelnemer 5: h.\nInterviewer: Dank.\n",
			nil, "R1 Deelnemer 3 Respondent 4 P1 M1 V1 Interviewee 2 Onderzoeksdeelnemer 5", ""},
		{"interviewer words", "Interviewer Anna: Vraag?\nR: Ja.\nOnderzoeker 2: En?\nR: Nee.\nInt.: Dank.\nR: Graag.\nGespreksleidster: Tot ziens.\n", nil, "R R R", ""},
		{"vraag and antwoord", "V: Hoe gaat het?\nA: Goed.\nV: En met school?\nA: Korte lijnen.\n", nil, "A A", ""},
		{"vraag and a name", "V: Hoe gaat het?\nAnneke: Goed.\nV: En met school?\nAnneke: Korte lijnen.\n", nil, "Anneke Anneke", ""},
		{"V beside I", "I: Hoe gaat het?\nV: Goed.\nR: Ook goed.\nI: En?\nV: Nee.\n", nil, "V R V", "naast het label van de interviewer I zijn ze gelezen als deelnemers"},
		{"V beside a named interviewer", "Interviewer Anna: Hoe gaat het?\nV: Goed.\nR: Ook goed.\nI: En?\nV: Nee.\n", nil, "V R V", "naast het label van de interviewer I zijn"},
		{"V beside a group", "V: Hoe gaat het?\nR1: Goed.\nR2: Ook.\nV: En?\nR1: Nee.\n", nil, "R1 R2 R1", "ze zijn gelezen als de interviewer"},
		{"V beside I, named", "I: Hoe gaat het?\nV: Goed.\nR: Ook goed.\nI: En?\nV: Nee.\n", []string{"I"}, "V R V", ""},
		{"V named", "I: Hoe gaat het?\nV: Goed.\nR: Ook goed.\nI: En?\nV: Nee.\n", []string{"I", "V"}, "R", ""},
		{"interviewed researcher", "Interviewer: Wat doet u?\nOnderzoeker: Ik bel de wijkagent.\nInterviewer: En?\nOnderzoeker: Korte lijnen.\n", []string{"Interviewer"}, "Onderzoeker Onderzoeker", ""},
		{"named elsewhere", "I: Vraag?\nR: Ja.\n", []string{"Qwyntje"}, "R", ""},
	} {
		ds := splitTranscript("f.txt", "f.txt", "R1", c.text, Options{Interviewers: c.named})
		var got []string
		lines := strings.Split(c.text, "\n")
		for i, s := range ds.Segments {
			if !s.Interviewer {
				label, _, _ := strings.Cut(lines[segmentLine(c.text, ds.Segments[i].Start)], ":")
				got = append(got, label)
			}
		}
		if g := strings.Join(got, " "); g != c.want {
			t.Errorf("%s: respondent turns of %q; want %q", c.what, g, c.want)
		}
		var warns []string
		for _, w := range ds.Warnings {
			warns = append(warns, model.Dutch(w.Err))
		}
		switch {
		case c.warn == "" && len(warns) > 0:
			t.Errorf("%s: warnings %q", c.what, warns)
		case c.warn != "" && (len(warns) != 1 || strings.Contains(warns[0], "Anna") || !strings.Contains(warns[0], c.warn) || !strings.Contains(warns[0], "interviewer:") || ds.Warnings[0].File != "f.txt"):
			t.Errorf("%s: warnings %q; want one saying %q and naming interviewer:", c.what, warns, c.warn)
		}
	}
}

// segmentLine is the number (from 0) of the line of text that holds code point offset at.
func segmentLine(text string, at int) int {
	return strings.Count(string([]rune(text)[:at]), "\n")
}

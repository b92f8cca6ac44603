package ingest

import "testing"

// TestSubHeader reads a header in two rows (a group header over the items, the ids
// below) as one, and leaves a first data row alone: one without a respondent id whose
// answers name no item, and one that names a respondent.
func TestSubHeader(t *testing.T) {
	cb := loadCodebook(t)
	two := "Respondent;Gemeente;Stellingen over elkaar kennen;;\n;;K1;K2;B4\nr1;Utrecht;4;Mee eens;2\n"
	ds := readSurvey(t, writeFile(t, "twee.csv", []byte(two)), Options{Codebook: cb})
	same(t, "answers", answers(ds), []string{"r1 K1 4", "r1 K2 4 (Mee eens)", "r1 B4 2"})
	if n := len(ds.Respondents); n != 1 {
		t.Errorf("%d respondents, want 1 (the row of ids is a header)", n)
	}
	// An anonymous first response (no id) under a one-row header is data.
	one := "Respondent;K1;K2\n;4;Mee eens\nr2;3;1\n"
	ds = readSurvey(t, writeFile(t, "een.csv", []byte(one)), Options{Codebook: cb})
	if n := len(ds.Respondents); n != 2 {
		t.Errorf("%d respondents, want 2", n)
	}
	// A first row with an id is data, whatever it holds.
	ids := "Respondent;Groep;\nr1;K1;K2\n"
	ds = readSurvey(t, writeFile(t, "ids.csv", []byte(ids)), Options{Codebook: cb})
	if n := len(ds.Respondents); n != 1 || len(answers(ds)) != 0 {
		t.Errorf("%d respondents, %v; want r1 and no answers", n, answers(ds))
	}
}

// TestSubHeaderRepeatedOrTexts reads as one header a second row that repeats
// "Respondent" above the ids (A1 not merged), and a row of question texts under the ids
// (a third row too: group header, ids, texts); a first response without an id, and a
// row whose item cells are answers, stay data.
func TestSubHeaderRepeatedOrTexts(t *testing.T) {
	cb := loadCodebook(t)
	for name, tc := range map[string]struct {
		csv     string
		answers []string
		n       int
	}{
		"repeated": {"Respondent;Kennen;\nRespondent;K1;K2\nr1;4;Mee eens\n", []string{"r1 K1 4", "r1 K2 4 (Mee eens)"}, 1},
		"id name":  {"ID;Kennen;\nRespondentnummer;K1;K2\nr1;4;2\n", []string{"r1 K1 4", "r1 K2 2"}, 1},
		"texts": {"Respondent;K1;K2;Toelichting\n;Ik ken de jongerenwerkers in mijn wijk persoonlijk.;K2;Uw toelichting\nr1;4;2;Goed\n",
			[]string{"r1 K1 4", "r1 K2 2"}, 1},
		"three rows": {"Respondent;Kennen;\n;K1;K2\n;Ik ken de jongerenwerkers in mijn wijk persoonlijk.;\n;4;2\n",
			[]string{"e:4 K1 4", "e:4 K2 2"}, 1},
		"anonymous first": {"Respondent;K1;K2\n;Mee eens;1\nr2;3;1\n", []string{"e:2 K1 4 (Mee eens)", "e:2 K2 1", "r2 K1 3", "r2 K2 1"}, 2},
		// K1's cell a rejected label, and no id: a rejected row (survey_norespondent.go),
		// no longer a respondent with a missing K2.
		"text of another item": {"Respondent;K1;K2\n;Ik weet wie ik moet bellen bij het wijkteam.;\nr2;3;1\n",
			[]string{"r2 K1 3", "r2 K2 1"}, 1},
	} {
		ds := readSurvey(t, writeFile(t, "e.csv", []byte(tc.csv)), Options{Codebook: cb})
		same(t, name+": answers", answers(ds), tc.answers)
		if len(ds.Respondents) != tc.n {
			t.Errorf("%s: %d respondents, want %d", name, len(ds.Respondents), tc.n)
		}
	}
}

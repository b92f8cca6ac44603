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

package ingest

import (
	"reflect"
	"strings"
	"testing"
)

// Numbered code columns are code columns; "Codering" is one where the table has no Code
// column; other columns named like codes are named in a warning (attack 13,
// code-columns-ignored).
func TestCodeColumns(t *testing.T) {
	for _, c := range []struct {
		header []string
		cols   map[string]int
		want   []int
		warn   string
	}{
		{[]string{"Respondent", "Tekst", "Code 1", "Code_2", "codes 3", "Code (4)", "Codeur"}, map[string]int{"respondent": 0, "text": 1, "coder": 6}, []int{2, 3, 4, 5}, ""},
		{[]string{"Respondent", "Tekst", "Code", "Code 2"}, map[string]int{"respondent": 0, "text": 1, "code": 2}, []int{3}, ""},
		{[]string{"Respondent", "Tekst", "Codering", "Subcode"}, map[string]int{"respondent": 0, "text": 1}, []int{2}, `"Subcode"`},
		{[]string{"Respondent", "Tekst", "Code", "Codering", "Code toelichting"}, map[string]int{"respondent": 0, "text": 1, "code": 2}, nil, `"Codering", "Code toelichting"`},
	} {
		got, w := codeColumns("c.csv", c.header, c.cols, nil)
		if !reflect.DeepEqual(got, c.want) {
			t.Errorf("%q: code columns %v; want %v", c.header, got, c.want)
		}
		if (c.warn == "") != (len(w) == 0) || c.warn != "" && !strings.Contains(w[0].Err.Error(), c.warn) {
			t.Errorf("%q: warnings %v; want one naming %s", c.header, w, c.warn)
		}
	}
}

// A row's codes in Code 1..3 are its codings, each cell split like a code cell.
func TestReadGenericCodeColumns(t *testing.T) {
	path := writeFile(t, "c.csv", []byte("Respondent;Segment;Tekst;Code 1;Code 2;Code 3;Codeur\nR1;1;een;Korte lijnen;Vertrouwen;;A\nR2;2;twee;;;\"A; B\";A\nR3;3;drie;;;;A\n"))
	ds, err := ReadInterviews(path, Options{Format: "generic"})
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, c := range ds.Codings {
		got = append(got, c.Segment+":"+c.Raw)
	}
	if want := "1:Korte lijnen|1:Vertrouwen|2:A|2:B|3:"; strings.Join(got, "|") != want {
		t.Errorf("codings %q; want %s", got, want)
	}
}

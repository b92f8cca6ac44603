package ingest

import (
	"os"
	"path/filepath"
	"testing"
)

// Attack 12 F1: two respondents' rows under one id are two segments, each with its own
// codings; the ids given them do not depend on the order of the rows; one respondent's
// id reused for another text is still a reject.
func TestSharedSegmentIDsWithinFile(t *testing.T) {
	dir := t.TempDir()
	write := func(name, body string) string {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
		return p
	}
	a := write("a.csv", "Respondent;Segment;Tekst;Code;Codeur\n"+
		"R01;1;Ja, dat klopt.;bereiken.korte_lijnen;Anouk\n"+
		"R02;1;Ja, dat klopt.;informeren.geen_terugkoppeling;Anouk\n"+
		"R02;1;Ja, dat klopt.;informeren.privacy;Anouk\n"+
		"R02;2;Nee.;informeren.privacy;Anouk\n"+
		"R02;1;Iets anders.;kennen.rollen;Anouk\n"+
		"R01;1#R02;Al bezet.;kennen.rollen;Anouk\n")
	ds, err := ReadInterviews(a, Options{})
	if err != nil {
		t.Fatal(err)
	}
	checkDataset(t, ds, summary{
		Respondents: []string{"R01|||", "R02|||"},
		Segments: []string{
			"1#R01|R01||Ja, dat klopt.",
			"1#R02#2|R02||Ja, dat klopt.",
			"2|R02||Nee.",
			"1#R02|R01||Al bezet.",
		},
		Codings: []string{
			"1#R01|bereiken.korte_lijnen|Anouk",
			"1#R02#2|informeren.geen_terugkoppeling|Anouk",
			"1#R02#2|informeren.privacy|Anouk",
			"2|informeren.privacy|Anouk",
			"1#R02|kennen.rollen|Anouk",
		},
		Rejects: []string{
			`a.csv|row 6, column "Segment"|1|segment "1" had another text on an earlier row: segment id reused for a different text`,
		},
		Files: "a.csv generic read=6 accepted=5 rejected=1",
	})

	// The same rows in another order: the same segments under the same ids.
	b := write("b.csv", "Respondent;Segment;Tekst;Code;Codeur\n"+
		"R02;1;Ja, dat klopt.;informeren.geen_terugkoppeling;Bram\n"+
		"R01;1;Ja, dat klopt.;bereiken.korte_lijnen;Bram\n")
	ds, err = ReadInterviews(b, Options{})
	if err != nil {
		t.Fatal(err)
	}
	checkDataset(t, ds, summary{
		Respondents: []string{"R02|||", "R01|||"},
		Segments:    []string{"1#R02|R02||Ja, dat klopt.", "1#R01|R01||Ja, dat klopt."},
		Codings:     []string{"1#R02|informeren.geen_terugkoppeling|Bram", "1#R01|bereiken.korte_lijnen|Bram"},
		Files:       "b.csv generic read=2 accepted=2 rejected=0",
	})
}

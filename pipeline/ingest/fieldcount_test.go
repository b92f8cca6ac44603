package ingest

import (
	"errors"
	"os"
	"path/filepath"
	"testing"
)

// An unquoted ";" in a coded segment's text (attack 11 F2) made the rest of the text the
// code and the code the coder; the row is rejected with its row and reason. A trailing
// ";" (an empty field after the last column) is no shift.
func TestSegmentRowWithUnquotedDelimiter(t *testing.T) {
	path := filepath.Join(t.TempDir(), "codering.csv")
	os.WriteFile(path, []byte("Respondent;Segment;Tekst;Code;Codeur\n"+
		"R01;s1;Korte lijnen.;bereiken.korte_lijnen;Anouk\n"+
		"R02;s2;We bellen elkaar; dat gaat via school;bereiken.korte_lijnen;Anouk\n"+
		"R03;s3;Met school.;bereiken.korte_lijnen;Anouk;\n"), 0o644)
	ds, err := ReadInterviews(path, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if len(ds.Rejects) != 1 {
		t.Fatalf("rejects %v: want the row of R02", ds.Rejects)
	}
	r := ds.Rejects[0]
	if r.Row != 3 || !errors.Is(r.Err, ErrFieldCount) ||
		r.Reason() != "wrong number of fields: the row has 6 fields, the header 5; a value holds an unquoted delimiter" {
		t.Errorf("reject %v: want row 3, the survey reader's reason", r)
	}
	for _, c := range ds.Codings {
		if c.Raw != "bereiken.korte_lijnen" || c.Coder != "Anouk" {
			t.Errorf("coding %+v: a shifted row was read", c)
		}
	}
	if f := ds.Files[0]; f.Read != 3 || f.Accepted != 2 || f.Rejected != 1 {
		t.Errorf("count %+v: want 3 = 2 + 1", f)
	}
}

package ingest

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
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

// Attack 12 F17: a shifted row whose fields still fit: the header ends in ";" (its
// empty last column takes the coder), or the row lacks its coder (ending in ";" or
// not), so that the coder cell holds the code. Rows that end in ";" like their header,
// and a row without a coder that is not shifted, are read.
func TestSegmentRowShiftedWithinTheHeader(t *testing.T) {
	dir := t.TempDir()
	cb := loadCodebook(t)
	for _, tc := range []struct {
		body     string
		rejected map[int]string // row -> reason's start
		bare     int            // rejects without a codebook
	}{
		{"Respondent;Segment;Tekst;Code;Codeur;\n" +
			"R01;s1;Korte lijnen.;bereiken.korte_lijnen;Anouk;\n" +
			"R02;s2;We bellen elkaar; dat gaat via school;bereiken.korte_lijnen;Anouk\n",
			map[int]string{3: "wrong number of fields: the row has 6 fields, the header 5;"}, 1},
		{"Respondent;Segment;Tekst;Code;Codeur\n" +
			"R01;s1;Korte lijnen.;bereiken.korte_lijnen;Anouk\n" +
			"R02;s2;We bellen elkaar; dat gaat goed;bereiken.korte_lijnen;\n" +
			"R03;s3;Met school.;bereiken.korte_lijnen\n" +
			"R04;s4;We appen; soms bellen we;Bereiken > Korte lijnen\n",
			map[int]string{3: `row read shifted: the coder column holds "bereiken.korte_lijnen"`, 5: `row read shifted: the coder column holds "Bereiken > Korte lijnen"`}, 0},
	} {
		path := filepath.Join(dir, "codering.csv")
		os.WriteFile(path, []byte(tc.body), 0o644)
		ds, err := ReadInterviews(path, Options{Codebook: cb})
		if err != nil {
			t.Fatal(err)
		}
		if len(ds.Rejects) != len(tc.rejected) {
			t.Errorf("%q: rejects %v, want rows %v", tc.body, ds.Rejects, tc.rejected)
		}
		for _, r := range ds.Rejects {
			if want, ok := tc.rejected[r.Row]; !ok || !strings.HasPrefix(r.Reason(), want) {
				t.Errorf("reject %v: want %q", r, want)
			}
		}
		for _, c := range ds.Codings {
			if c.Raw != "bereiken.korte_lijnen" || (c.Coder != "Anouk" && c.Coder != "") {
				t.Errorf("coding %+v: a shifted row was read", c)
			}
		}
		// Without a codebook the second file's shift cannot be seen; the first's can.
		if ds, _ := ReadInterviews(path, Options{}); len(ds.Rejects) != tc.bare {
			t.Errorf("without a codebook: rejects %v, want %d", ds.Rejects, tc.bare)
		}
	}
}

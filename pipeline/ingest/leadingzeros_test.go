package ingest

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/samenspel/samenspel/pipeline/model"
)

func TestZerosDiffer(t *testing.T) {
	known := map[string]bool{"1": true, "R7": true, "0042": true, "JW01": true, "0": true}
	for id, want := range map[string]bool{
		"001": true, "01": true, "R007": true, "42": true, "042": true, "JW1": true, "JW001": true, "000": true,
		"1": false, "002": false, "R8": false, "Anna": false, "": false, "1a": false, "100": false,
	} {
		if got := zerosDiffer(id, known); got != want {
			t.Errorf("zerosDiffer(%q) = %v, want %v", id, got, want)
		}
	}
}

// The reason of a coded row whose respondent "001" the table holds as 1 (attack 11 F13)
// says so, in both languages; the row stays rejected.
func TestUnknownRespondentLeadingZeros(t *testing.T) {
	path := filepath.Join(t.TempDir(), "codering.csv")
	os.WriteFile(path, []byte("Respondent;Segment;Tekst;Code;Codeur\n001;s1;Korte lijnen.;bereiken.korte_lijnen;Anouk\n003;s2;Elke week.;kennen.persoonlijk;Anouk\n"), 0o644)
	ds, err := ReadInterviews(path, Options{Known: map[string]bool{"1": true, "2": true}})
	if err != nil {
		t.Fatal(err)
	}
	if len(ds.Rejects) != 2 || len(ds.Segments) != 0 {
		t.Fatalf("rejects %v, segments %v: want both rows rejected", ds.Rejects, ds.Segments)
	}
	zeros, other := ds.Rejects[0], ds.Rejects[1]
	if !errors.Is(zeros.Err, ErrUnknownRespondent) || !strings.Contains(zeros.Reason(), "differs from it only by leading zeros") ||
		!strings.Contains(model.Dutch(zeros.Err), "alleen in voorloopnullen") {
		t.Errorf("reason %q / %q: want the leading zeros named", zeros.Reason(), model.Dutch(zeros.Err))
	}
	if want := `"003" is not in the respondents table: unknown respondent`; other.Reason() != want {
		t.Errorf("reason %q, want %q", other.Reason(), want)
	}
	if strings.Contains(zeros.Reason(), `"1"`) {
		t.Errorf("reason %q names the table's id", zeros.Reason())
	}
}

package ingest

import (
	"errors"
	"testing"
)

// A segment table saved as CSV keeps Excel's error values: one under the code rejects
// the row, one in a name column is a rejected cell of the accepted row, never the
// respondent's name (readers14; the workbook paths: cases ingest/segment_broken_cells_*).
func TestSegmentTableBrokenCells(t *testing.T) {
	path := writeFile(t, "c.csv", []byte("Respondent;Naam;Tekst;Code;Codeur\nR1;#N/A;Korte lijnen met de wijkagent.;Korte lijnen;A\nR2;Noor;Vertrouwen is er.;#NAME?;A\n"))
	ds, err := ReadInterviews(path, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if f := ds.Files[0]; f.Read != 2 || f.Accepted != 1 || f.Rejected != 1 {
		t.Errorf("counts %+v; want 2 = 1 + 1", f)
	}
	var rows, cells int
	for _, r := range ds.Rejects {
		if !errors.Is(r.Err, ErrBrokenCell) {
			t.Errorf("reject %+v", r)
			continue
		}
		switch {
		case r.Cell && r.Row == 2 && r.Column == "Naam":
			cells++
		case !r.Cell && r.Row == 3 && r.Column == "Code" && r.Value == "#NAME?":
			rows++
		default:
			t.Errorf("reject %+v", r)
		}
	}
	if rows != 1 || cells != 1 {
		t.Errorf("rejects %+v; want the row of #NAME? and the cell of #N/A", ds.Rejects)
	}
	for _, r := range ds.Respondents {
		if r.Name == "#N/A" {
			t.Errorf("respondent %s named %q", r.ID, r.Name)
		}
	}
}

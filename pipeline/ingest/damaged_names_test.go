package ingest

import (
	"errors"
	"fmt"
	"slices"
	"strings"
	"testing"
)

// Damaged cells in name columns (readers16; the case ingest/xlsx_damaged_name_cells):
// a survey's Naam, Voornaam and Achternaam are rejected cells, and a coded-segment
// table's coder cell beside a code rejects its row as damaged, naming the coder column,
// its name cell a rejected cell; the same on the fast sheet reader and on excelize.
func TestDamagedNameCellsBothReaders(t *testing.T) {
	dir := "../../testdata/cases/ingest/xlsx_damaged_name_cells/"
	want := map[string][]string{
		"enquete.xlsx":  {"3 Naam cell", "4 Voornaam cell", "5 Achternaam cell"},
		"codering.xlsx": {"3 Codeur 1 row", "4 Codeur 2 row", "5 Naam cell"},
	}
	for _, fast := range []bool{true, false} {
		for name, w := range want {
			useFastReader = fast
			read := ReadInterviews
			if name == "enquete.xlsx" {
				read = ReadSurvey
			}
			ds, err := read(dir+name, Options{Codebook: loadCodebook(t)})
			useFastReader = true
			if err != nil {
				t.Fatalf("fast %v, %s: %v", fast, name, err)
			}
			var got []string
			for _, r := range ds.Rejects {
				kind := "row"
				if r.Cell {
					kind = "cell"
				}
				got = append(got, fmt.Sprintf("%d %s %s", r.Row, r.Column, kind))
				if !errors.Is(r.Err, ErrBrokenCell) || !strings.Contains(r.Err.Error(), "damaged cell") || r.Value != "" {
					t.Errorf("fast %v, %s row %d: %v (value %q)", fast, name, r.Row, r.Err, r.Value)
				}
			}
			if !slices.Equal(got, w) {
				t.Errorf("fast %v, %s: rejects %q, want %q", fast, name, got, w)
			}
		}
	}
}

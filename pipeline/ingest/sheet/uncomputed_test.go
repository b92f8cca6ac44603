package sheet

import (
	"slices"
	"testing"
)

// Uncomputed names the cells with a formula and no cached value, which Row gives as "",
// as excelize does; a formula cached as "" (t="str") is computed, and not named.
func TestUncomputed(t *testing.T) {
	w, err := Open("../testdata/broken_cells.xlsx", Limits{MaxEntries: 100, MaxEntrySize: 1 << 20, MaxTotalSize: 1 << 20, MaxXMLDepth: 100})
	if err != nil {
		t.Fatal(err)
	}
	rows, err := w.Rows("Enquete")
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	got := map[int][]int{}
	for rows.Next() {
		if u := rows.Uncomputed(); len(u) > 0 {
			got[rows.Line()] = slices.Clone(u)
		}
		if rows.Line() == 5 && (rows.Row()[4] != "" || rows.Row()[7] != "") {
			t.Errorf("row 5: %q", rows.Row())
		}
	}
	if err := rows.Err(); err != nil {
		t.Fatal(err)
	}
	if len(got) != 1 || !slices.Equal(got[5], []int{4}) {
		t.Errorf("uncomputed %v, want row 5: [4] (E5)", got)
	}
}

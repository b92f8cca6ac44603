package ingest

import (
	"fmt"
	"path/filepath"
	"testing"

	"github.com/xuri/excelize/v2"
)

// An Excel boolean reads as TRUE or FALSE in both readers, past the rows whose formatted
// values the excelize path samples too: before, excelize read a boolean below row 101
// as 1 or 0, a valid answer, where the fast reader gave TRUE (an answer no scale has).
func TestBooleansBothReaders(t *testing.T) {
	f := excelize.NewFile()
	defer f.Close()
	f.SetSheetRow("Sheet1", "A1", &[]any{"respondent", "K1"})
	n := formatSampleRows + 50
	for i := 0; i < n; i++ {
		var v any = 3
		switch i {
		case 5, n - 10:
			v = true
		case n - 5:
			v = false
		}
		f.SetSheetRow("Sheet1", fmt.Sprintf("A%d", i+2), &[]any{fmt.Sprintf("r%d", i), v})
	}
	path := filepath.Join(t.TempDir(), "booleans.xlsx")
	if err := f.SaveAs(path); err != nil {
		t.Fatal(err)
	}
	for _, fast := range []bool{true, false} {
		useFastReader = fast
		got, _ := readAll(t, path, "")
		useFastReader = true
		want := map[int]string{5: "TRUE", n - 10: "TRUE", n - 5: "FALSE", 6: "3", n - 1: "3"}
		for i, w := range want {
			if c := got[i+1].Cells[1]; c != w {
				t.Errorf("fast reader %v: row %d: %q, want %q", fast, got[i+1].Line, c, w)
			}
		}
	}
}

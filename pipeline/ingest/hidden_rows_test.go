package ingest

import (
	"fmt"
	"path/filepath"
	"testing"

	"github.com/xuri/excelize/v2"
)

// Rows hidden in Excel (filtered-out test responses, attack 11 F18) are read, as every
// row is, and named in a warning with their count and first rows; an empty hidden row
// is not counted. The fast reader and excelize agree.
func TestSurveyHiddenRowsWarned(t *testing.T) {
	f := excelize.NewFile()
	rows := [][]any{{"Respondent", "Gemeente", "K1"}, {"E1", "Bergdorp", 4}, {"E2", "Bergdorp", 5}, {"TEST1", "Bergdorp", 1}, {"TEST2", "Bergdorp", 1}}
	for i, r := range rows {
		if err := f.SetSheetRow("Sheet1", fmt.Sprintf("A%d", i+1), &r); err != nil {
			t.Fatal(err)
		}
	}
	for _, r := range []int{4, 5, 7} { // 7 is hidden and empty
		if err := f.SetRowVisible("Sheet1", r, false); err != nil {
			t.Fatal(err)
		}
	}
	path := filepath.Join(t.TempDir(), "enquete.xlsx")
	if err := f.SaveAs(path); err != nil {
		t.Fatal(err)
	}
	const want = `"Sheet1": 2 row(s) hidden in Excel (by a filter or Hide; rows 4, 5) were read as data, as every row is; delete them from the sheet if they are not (test responses, duplicates)`
	for _, fast := range []bool{true, false} {
		useFastReader = fast
		ds, err := ReadSurvey(path, Options{Codebook: loadCodebook(t)})
		useFastReader = true
		if err != nil {
			t.Fatal(err)
		}
		same(t, "answers", answers(ds), []string{"E1 K1 4", "E2 K1 5", "TEST1 K1 1", "TEST2 K1 1"})
		var got []string
		for _, w := range withoutItemMissing(ds.Warnings) {
			got = append(got, w.Err.Error())
		}
		same(t, fmt.Sprintf("warnings (fast reader %v)", fast), got, []string{want})
	}
}

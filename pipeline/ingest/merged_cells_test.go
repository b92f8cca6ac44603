package ingest

import (
	"fmt"
	"path/filepath"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"
)

// A municipality and a role merged over the rows of each group (attack 13 merged-cells)
// hold their value in the range's first cell only: the sheet is read again with the
// value in every row of the range, as Excel shows it, and a warning names the ranges. A
// cell of the range that holds a value of its own keeps it; a range over two columns (a
// header) is left alone. The fast reader and excelize agree.
func TestSurveyMergedCellsFilled(t *testing.T) {
	f := excelize.NewFile()
	rows := [][]any{
		{"Respondent", "Gemeente", "Functie", "K1"},
		{"E1", "Bergdorp", "Jongerenwerker", 4}, {"E2", nil, nil, 5}, {"E3", nil, nil, 3},
		{"E4", "Zeeveen", "Wijkteam", 2}, {"E5", nil, nil, 1},
		{"E6", "Lindewaard", nil, 2},
	}
	for i, r := range rows {
		if err := f.SetSheetRow("Sheet1", fmt.Sprintf("A%d", i+1), &r); err != nil {
			t.Fatal(err)
		}
	}
	for _, m := range [][2]string{{"B2", "B4"}, {"C2", "C4"}, {"B5", "B6"}, {"C5", "C7"}, {"E1", "F1"}} {
		if err := f.MergeCell("Sheet1", m[0], m[1]); err != nil {
			t.Fatal(err)
		}
	}
	path := filepath.Join(t.TempDir(), "enquete.xlsx")
	if err := f.SaveAs(path); err != nil {
		t.Fatal(err)
	}
	for _, fast := range []bool{true, false} {
		useFastReader = fast
		ds, err := ReadSurvey(path, Options{Codebook: loadCodebook(t)})
		useFastReader = true
		if err != nil {
			t.Fatal(err)
		}
		var got []string
		for _, r := range ds.Respondents {
			got = append(got, r.ID+" "+r.Municipality+" "+r.Role)
		}
		// excelize's MergeCell keeps the other cells' values (Excel empties them): E6's
		// Lindewaard is its own and stays.
		same(t, fmt.Sprintf("respondents (fast reader %v)", fast), got, []string{
			"E1 Bergdorp Jongerenwerker", "E2 Bergdorp Jongerenwerker", "E3 Bergdorp Jongerenwerker",
			"E4 Zeeveen Wijkteam", "E5 Zeeveen Wijkteam", "E6 Lindewaard Wijkteam",
		})
		same(t, "answers", answers(ds), []string{"E1 K1 4", "E2 K1 5", "E3 K1 3", "E4 K1 2", "E5 K1 1", "E6 K1 2"})
		var warned []string
		for _, w := range ds.Warnings {
			if strings.Contains(w.Err.Error(), "merged") {
				warned = append(warned, w.Err.Error())
			}
		}
		same(t, "warnings", warned, []string{`"Sheet1": 4 range(s) of cells merged over rows (B2:B4, C2:C4, B5:B6, C5:C7) are read with the range's value in every row of it, as Excel shows them (the file holds it in the first row only); check that this is what the rows mean`})
	}
}

func TestMergedFillKeepsOwnValues(t *testing.T) {
	fill := newMergedFill(mergedDown([]string{"B2:B4", "A1:A3", "C3:D5", "D2:D3"}, 1))
	if fill == nil || len(fill.ranges) != 2 {
		t.Fatalf("ranges %+v", fill)
	}
	var got []string
	for line, row := range [][]string{{"E1", "x", "", ""}, {"E2", "", "", "own"}, {"E3", "mine"}, {"E4"}} {
		got = append(got, strings.Join(fill.apply(line+2, row), "|"))
	}
	same(t, "rows", got, []string{"E1|x||", "E2|x||own", "E3|mine", "E4"}) // E4 is below B2:B4
}

// The respondents table alike: a role merged over its rows is every row's role.
func TestRespondentsMergedCellsFilled(t *testing.T) {
	f := excelize.NewFile()
	rows := [][]any{{"Respondent", "Gemeente", "Rol"}, {"JW01", "Bergdorp", "Jongerenwerker"}, {"JW02", nil, nil}, {"WA01", "Zeeveen", "Wijkagent"}}
	for i, r := range rows {
		if err := f.SetSheetRow("Sheet1", fmt.Sprintf("A%d", i+1), &r); err != nil {
			t.Fatal(err)
		}
	}
	for _, m := range [][2]string{{"B2", "B3"}, {"C2", "C3"}} {
		if err := f.MergeCell("Sheet1", m[0], m[1]); err != nil {
			t.Fatal(err)
		}
	}
	path := filepath.Join(t.TempDir(), "respondenten.xlsx")
	if err := f.SaveAs(path); err != nil {
		t.Fatal(err)
	}
	ds, err := ReadRespondents(path, Options{})
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, r := range ds.Respondents {
		got = append(got, r.ID+" "+r.Municipality+" "+r.Role)
	}
	same(t, "respondents", got, []string{"JW01 Bergdorp Jongerenwerker", "JW02 Bergdorp Jongerenwerker", "WA01 Zeeveen Wijkagent"})
	if len(ds.Warnings) != 1 || !strings.Contains(ds.Warnings[0].Err.Error(), "(B2:B3, C2:C3)") {
		t.Errorf("warnings %v", ds.Warnings)
	}
}

// A workbook with a sheet per municipality, merged cells in the second sheet only: that
// sheet is read again, the first once, and ids stay one respondent each.
func TestSurveyMergedCellsSecondSheet(t *testing.T) {
	f := excelize.NewFile()
	if _, err := f.NewSheet("Zeeveen"); err != nil {
		t.Fatal(err)
	}
	for sheet, rows := range map[string][][]any{
		"Sheet1":  {{"Respondent", "Gemeente", "Functie", "K1"}, {"E1", "Bergdorp", "Wijkteam", 4}, {"E2", "Bergdorp", "Wijkteam", 5}},
		"Zeeveen": {{"Respondent", "Gemeente", "Functie", "K1"}, {"E3", "Zeeveen", "Jongerenwerker", 3}, {"E4", nil, nil, 2}},
	} {
		for i, r := range rows {
			if err := f.SetSheetRow(sheet, fmt.Sprintf("A%d", i+1), &r); err != nil {
				t.Fatal(err)
			}
		}
	}
	if err := f.MergeCell("Zeeveen", "C2", "C3"); err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(t.TempDir(), "enquete.xlsx")
	if err := f.SaveAs(path); err != nil {
		t.Fatal(err)
	}
	ds, err := ReadSurvey(path, Options{Codebook: loadCodebook(t)})
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, r := range ds.Respondents {
		got = append(got, r.ID+" "+r.Municipality+" "+r.Role)
	}
	same(t, "respondents", got, []string{"E1 Bergdorp Wijkteam", "E2 Bergdorp Wijkteam", "E3 Zeeveen Jongerenwerker", "E4  Jongerenwerker"})
	if len(ds.Rejects) != 0 {
		t.Errorf("rejects %v", ds.Rejects)
	}
	n := 0
	for _, w := range ds.Warnings {
		if strings.Contains(w.Err.Error(), `"Zeeveen": 1 range(s) of cells merged over rows (C2:C3)`) {
			n++
		}
	}
	if n != 1 {
		t.Errorf("warnings %v", ds.Warnings)
	}
}

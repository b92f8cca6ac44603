package ingest

import (
	"testing"
)

// A workbook's broken cells (testdata/broken_cells.xlsx, written by broken_cells.py):
// an Excel error value under an item (#DIV/0!), in the municipality (#N/A, a VLOOKUP
// that found none) and in the open column (#VALUE!), a formula without a cached value
// under an item, and a formula whose cached result is "" (t="str"), which is computed
// and empty. Before, the #N/A was a municipality of its own, the uncomputed formula an
// answer not given, and #DIV/0! an unknown label. Now each is rejected, the row of the
// #N/A as a whole, naming sheet, row and column, the same on the fast path and on
// excelize's.
func TestSurveyBrokenCells(t *testing.T) {
	for _, fast := range []bool{true, false} {
		useFastReader = fast
		ds := readSurvey(t, "testdata/broken_cells.xlsx", Options{Codebook: loadCodebook(t)})
		useFastReader = true
		same(t, "rejects", rejects(ds), []string{
			`broken_cells.xlsx | sheet "Enquete", row 3, column "K2" | #DIV/0! | cell without a value: the Excel error value #DIV/0! (a formula that could not compute its value); correct the formula or type the value`,
			`broken_cells.xlsx | sheet "Enquete", row 4, column "Gemeente" | #N/A | cell without a value: the Excel error value #N/A (a formula that could not compute its value); correct the formula or type the value`,
			`broken_cells.xlsx | sheet "Enquete", row 5, column "K2" |  | cell without a value: a formula without a computed value (the workbook was saved without computing it); open it in Excel or LibreOffice and save it again, or type the value`,
			`broken_cells.xlsx | sheet "Enquete", row 6, column "Toelichting" | #VALUE! | cell without a value: the Excel error value #VALUE! (a formula that could not compute its value); correct the formula or type the value`,
		})
		var ids []string
		for _, r := range ds.Respondents {
			ids = append(ids, r.ID+" "+r.Municipality)
		}
		same(t, "respondents", ids, []string{"E001 Zeeveen", "E002 Zeeveen", "E004 Bergdorp", "E005 Bergdorp"})
		f := ds.Files[0]
		if f.Read != 5 || f.Accepted != 4 || f.Rejected != 1 || f.Cells != 16 || f.CellsAccepted != 14 || f.CellsRejected != 2 {
			t.Errorf("fast reader %v: counts %+v", fast, f)
		}
	}
}

// The same values in a text file read the same way: a sheet saved as CSV keeps "#N/A".
func TestSurveyErrorValuesInCSV(t *testing.T) {
	ds := readSurvey(t, writeFile(t, "e.csv", []byte("Respondent;Gemeente;K1\nr1;#N/A;4\nr2;Bergdorp;#n/a\nr3;Bergdorp;#Ref\n")), Options{Codebook: loadCodebook(t)})
	same(t, "rejects", rejects(ds), []string{
		`e.csv | row 2, column "Gemeente" | #N/A | cell without a value: the Excel error value #N/A (a formula that could not compute its value); correct the formula or type the value`,
		`e.csv | row 3, column "K1" | #n/a | cell without a value: the Excel error value #N/A (a formula that could not compute its value); correct the formula or type the value`,
		`e.csv | row 4, column "K1" | #Ref | unknown answer label: "#Ref" is not an answer of scale kennen`,
	})
}

// A respondents table's #N/A municipality (a VLOOKUP that found none) rejects its row,
// naming the cell, rather than make "#N/A" a municipality.
func TestRespondentsBrokenCell(t *testing.T) {
	ds, err := ReadRespondents(writeFile(t, "r.csv", []byte("Respondent;Gemeente;Functie\nr1;#N/A;School\nr2;Bergdorp;School\n")), Options{})
	if err != nil {
		t.Fatal(err)
	}
	same(t, "rejects", rejects(ds), []string{
		`r.csv | row 2, column "Gemeente" | #N/A | cell without a value: the Excel error value #N/A (a formula that could not compute its value); correct the formula or type the value`,
	})
	if len(ds.Respondents) != 1 || ds.Respondents[0].ID != "r2" || ds.Files[0].Rejected != 1 || ds.Files[0].Accepted != 1 {
		t.Errorf("respondents %+v, files %+v", ds.Respondents, ds.Files)
	}
}

package ingest

import (
	"archive/zip"
	"bytes"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/samenspel/samenspel/pipeline/ingest/sheet"
	"github.com/xuri/excelize/v2"
)

// readSlow reads a sheet through excelize alone, as OpenRows did before the fast reader.
func readSlow(t *testing.T, path, sheet string) []tableRow {
	t.Helper()
	in, err := readInput(path)
	if err != nil {
		t.Fatal(err)
	}
	defer in.close()
	r, err := openExcelize(in, sheet)
	if err != nil {
		t.Fatalf("%s: %v", path, err)
	}
	defer r.Close()
	var out []tableRow
	for r.nextWorkbookRow() {
		out = append(out, tableRow{r.line, r.row})
	}
	if r.err != nil {
		t.Fatalf("%s: %v", path, r.err)
	}
	return out
}

// Every workbook in the repository reads the same through the fast reader as through
// excelize, and the fast reader reads most of them itself.
func TestFastWorkbooksReadAsExcelize(t *testing.T) {
	var paths []string
	filepath.WalkDir("../..", func(p string, d fs.DirEntry, err error) error {
		if err == nil && d.IsDir() && (d.Name() == ".git" || d.Name() == "output") {
			return filepath.SkipDir
		}
		if err == nil && strings.EqualFold(filepath.Ext(p), ".xlsx") {
			paths = append(paths, p)
		}
		return nil
	})
	fast := 0
	for _, p := range paths {
		in, err := readInput(p)
		if err != nil {
			t.Fatal(err)
		}
		r, err := openFastWorkbook(in, "")
		in.close()
		if errors.Is(err, ErrUnknownFormat) {
			continue // not a zip archive at all (fatal/xlsx_not_a_zip): no workbook to compare
		}
		if err != nil {
			t.Fatalf("%s: %v", p, err)
		}
		if r == nil {
			continue
		}
		r.Close()
		fast++
		if err := readErr(p); errors.Is(err, sheet.ErrMalformed) {
			// Refused on purpose (cells out of order), as a table that cannot be read.
			if !errors.Is(err, ErrNotTable) {
				t.Errorf("%s: %v does not wrap ErrNotTable", p, err)
			}
			continue
		}
		got, _ := readAll(t, p, "")
		if want := readSlow(t, p, ""); !reflect.DeepEqual(got, want) {
			t.Errorf("%s:\n fast %v\n slow %v", p, got, want)
		}
	}
	if len(paths) == 0 || fast < len(paths)*8/10 {
		t.Errorf("the fast reader read %d of %d workbooks", fast, len(paths))
	}
}

// readErr reads every row of a table and returns the error that ended it.
func readErr(path string) error {
	r, err := OpenRows(path, "")
	if err != nil {
		return err
	}
	defer r.Close()
	for r.Next() {
	}
	return r.Err()
}

// Where the fast reader meets a number format whose dates depend on the value, excelize
// takes over from that row on, and the rows come out as excelize alone gives them.
func TestFastReaderHandsOverToExcelize(t *testing.T) {
	f := excelize.NewFile()
	elapsed, _ := f.NewStyle(&excelize.Style{NumFmt: 46}) // [h]:mm:ss
	f.SetSheetRow("Sheet1", "A1", &[]any{"respondent", "duur", "B1"})
	for i := 2; i <= 150; i++ {
		f.SetSheetRow("Sheet1", fmt.Sprintf("A%d", i), &[]any{fmt.Sprintf("r%d", i), 0.5, i % 5})
	}
	f.SetCellStyle("Sheet1", "B120", "B120", elapsed)
	path := filepath.Join(t.TempDir(), "overgave.xlsx")
	if err := f.SaveAs(path); err != nil {
		t.Fatal(err)
	}
	in, err := readInput(path)
	if err != nil {
		t.Fatal(err)
	}
	if fast, err := openFastWorkbook(in, ""); err != nil || fast == nil {
		t.Fatalf("the fast reader did not open the workbook: %v", err)
	} else {
		fast.Close()
	}
	r, err := openWorkbook(in, "")
	if err != nil {
		t.Fatal(err)
	}
	defer in.close()
	src := r.src // its fields are read only once the end of the sheet came over the channel
	var got []tableRow
	for r.Next() {
		got = append(got, tableRow{r.Line(), r.Row()})
	}
	if err := r.Err(); err != nil {
		t.Fatal(err)
	}
	if src.fast != nil || src.book == nil {
		t.Error("excelize did not take over")
	}
	r.Close()
	if want := readSlow(t, path, ""); !reflect.DeepEqual(got, want) || len(got) != 150 {
		t.Errorf("%d rows\n got  %v\n want %v", len(got), got[115:125], want[115:125])
	}
}

// A sheet that unpacks far beyond its packed size is refused by the fast reader as
// CheckArchive refuses it.
func TestFastReaderZipBomb(t *testing.T) {
	f := excelize.NewFile()
	f.SetCellValue("Sheet1", "A1", "x")
	var book bytes.Buffer
	f.Write(&book)
	zr, _ := zip.NewReader(bytes.NewReader(book.Bytes()), int64(book.Len()))
	var out bytes.Buffer
	zw := zip.NewWriter(&out)
	for _, e := range zr.File {
		w, _ := zw.Create(e.Name)
		if e.Name == "xl/worksheets/sheet1.xml" {
			w.Write([]byte(`<worksheet><sheetData>`))
			w.Write(make([]byte, 0))
			spaces := bytes.Repeat([]byte(" "), 1<<20)
			for i := 0; i < 64; i++ {
				w.Write(spaces)
			}
			w.Write([]byte(`</sheetData></worksheet>`))
			continue
		}
		rc, _ := e.Open()
		io.Copy(w, rc)
		rc.Close()
	}
	zw.Close()
	path := filepath.Join(t.TempDir(), "bom.xlsx")
	os.WriteFile(path, out.Bytes(), 0o644)
	r, err := OpenRows(path, "")
	if err == nil {
		for r.Next() {
		}
		err = r.Err()
		r.Close()
	}
	if !errors.Is(err, ErrTooLarge) || !strings.Contains(err.Error(), "bom.xlsx") || !strings.Contains(err.Error(), "zip bomb") {
		t.Errorf("got %v", err)
	}
}

// A Dutch long date in March ("15 maart 2024") is a date like one in February; it used
// to stay a serial number, since "maart" does not begin with "mar" and was not a month
// the date detection knew.
func TestDutchMarchIsADate(t *testing.T) {
	f := excelize.NewFile()
	code := "[$-413]d mmmm yyyy"
	long, _ := f.NewStyle(&excelize.Style{CustomNumFmt: &code})
	f.SetSheetRow("Sheet1", "A1", &[]any{"respondent", "ingevuld"})
	f.SetSheetRow("Sheet1", "A2", &[]any{"r1", 45337}) // 2024-02-15
	f.SetSheetRow("Sheet1", "A3", &[]any{"r2", 45366}) // 2024-03-15
	f.SetCellStyle("Sheet1", "B2", "B3", long)
	path := filepath.Join(t.TempDir(), "maart.xlsx")
	if err := f.SaveAs(path); err != nil {
		t.Fatal(err)
	}
	want := []tableRow{{1, []string{"respondent", "ingevuld"}}, {2, []string{"r1", "2024-02-15"}}, {3, []string{"r2", "2024-03-15"}}}
	if got, _ := readAll(t, path, ""); !reflect.DeepEqual(got, want) {
		t.Errorf("fast reader: got %v, want %v", got, want)
	}
	if got := readSlow(t, path, ""); !reflect.DeepEqual(got, want) {
		t.Errorf("excelize: got %v, want %v", got, want)
	}
}

// A boolean cell reads as TRUE or FALSE, as Excel shows it, in the fast reader and through
// excelize alike, and in an item column it is a rejected cell: before, it was read as 1
// or 0, and TRUE became the answer 1 ("Helemaal mee oneens") of a 1..5 scale.
func TestBooleanCellIsNoAnswer(t *testing.T) {
	f := excelize.NewFile()
	defer f.Close()
	f.SetSheetRow("Sheet1", "A1", &[]any{"Respondent", "K1", "K2", "Akkoord"})
	f.SetSheetRow("Sheet1", "A2", &[]any{"R1", true, 4, true})
	f.SetSheetRow("Sheet1", "A3", &[]any{"R2", 2, false, false})
	path := filepath.Join(t.TempDir(), "bool.xlsx")
	if err := f.SaveAs(path); err != nil {
		t.Fatal(err)
	}
	want := []tableRow{
		{1, []string{"Respondent", "K1", "K2", "Akkoord"}},
		{2, []string{"R1", "TRUE", "4", "TRUE"}},
		{3, []string{"R2", "2", "FALSE", "FALSE"}},
	}
	if got, _ := readAll(t, path, ""); !reflect.DeepEqual(got, want) {
		t.Errorf("fast reader:\n got %#v\nwant %#v", got, want)
	}
	if got := readSlow(t, path, ""); !reflect.DeepEqual(got, want) {
		t.Errorf("excelize:\n got %#v\nwant %#v", got, want)
	}
	ds := readSurvey(t, path, Options{Codebook: loadCodebook(t)})
	same(t, "answers", answers(ds), []string{"R1 K2 4", "R2 K1 2"})
	same(t, "rejects", rejects(ds), []string{
		`bool.xlsx | sheet "Sheet1", row 2, column "K1" | TRUE | unknown answer label: TRUE is a true/false cell (an Excel boolean), not an answer of scale kennen`,
		`bool.xlsx | sheet "Sheet1", row 3, column "K2" | FALSE | unknown answer label: FALSE is a true/false cell (an Excel boolean), not an answer of scale kennen`,
	})
	if got := ds.Respondents[0].Attributes["akkoord"]; got != "TRUE" {
		t.Errorf("attribute %q, want TRUE", got)
	}
}

// Attack 12 F12: a sheet the fast reader gives up on after formatSampleRows rows, and
// that excelize ends before the same row, is an error naming file, sheet and row, not
// a nil-pointer panic (excelize's formatted rows are closed by then). The workbook is
// the example's codering.xlsx with two bytes of sheet1.xml changed (rows 345 and 371).
func TestSheetDamagedMidwayIsAnError(t *testing.T) {
	_, err := ReadInterviews("testdata/interviews/damaged_midsheet.xlsx", Options{})
	if !errors.Is(err, ErrNotTable) {
		t.Fatalf("got %v, want ErrNotTable", err)
	}
	for _, want := range []string{"damaged_midsheet.xlsx", `sheet "Codering", row 371`, "fewer than the 370 rows", "damaged"} {
		if !strings.Contains(err.Error(), want) {
			t.Errorf("%q lacks %q", err, want)
		}
	}
}

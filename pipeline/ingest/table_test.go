package ingest

import (
	"archive/zip"
	"bytes"
	"errors"
	"fmt"
	"math/rand"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"
)

type tableRow struct {
	Line  int
	Cells []string
}

func readAll(t *testing.T, path, sheet string) ([]tableRow, string) {
	t.Helper()
	r, err := OpenRows(path, sheet)
	if err != nil {
		t.Fatalf("OpenRows: %v", err)
	}
	defer r.Close()
	var out []tableRow
	for r.Next() {
		out = append(out, tableRow{r.Line(), r.Row()})
	}
	if err := r.Err(); err != nil {
		t.Fatalf("Err: %v", err)
	}
	return out, r.Sheet()
}

func writeFile(t *testing.T, name string, data []byte) string {
	t.Helper()
	p := filepath.Join(t.TempDir(), name)
	if err := os.WriteFile(p, data, 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

func TestOpenRowsCSV(t *testing.T) {
	cases := []struct {
		name string
		data []byte
		want []tableRow
	}{
		{"bom before quoted field, semicolons, CRLF",
			[]byte("\xef\xbb\xbf\"respondent\";\"B1\"\r\n\"r1\";\"3,5\"\r\n"),
			[]tableRow{{1, []string{"respondent", "B1"}}, {2, []string{"r1", "3,5"}}}},
		{"commas, quoted newline counts as one row",
			[]byte("id,tekst\n1,\"regel een\nregel twee\"\n2,kort\n"),
			[]tableRow{{1, []string{"id", "tekst"}}, {2, []string{"1", "regel een\nregel twee"}}, {3, []string{"2", "kort"}}}},
		{"tabs, ragged rows",
			[]byte("a\tb\tc\n1\t2\n"),
			[]tableRow{{1, []string{"a", "b", "c"}}, {2, []string{"1", "2"}}}},
		{"semicolon wins over commas inside quotes",
			[]byte("\"a,b\";c\n1;2\n"),
			[]tableRow{{1, []string{"a,b", "c"}}, {2, []string{"1", "2"}}}},
		{"windows-1252",
			[]byte("naam;functie\nJos\xe9;co\xf6rdinator \x80\n"),
			[]tableRow{{1, []string{"naam", "functie"}}, {2, []string{"José", "coördinator €"}}}},
		{"stray quote read lazily from the record that needs it",
			[]byte("id;tekst\n1;\"goed\"\n2;hij zei \"nee\" en ging\n"),
			[]tableRow{{1, []string{"id", "tekst"}}, {2, []string{"1", "goed"}}, {3, []string{"2", "hij zei \"nee\" en ging"}}}},
		{"utf-16le with bom (Excel unicode text)",
			utf16le("\ufeffid\ttekst\r\n1\tjeugdzorg\r\n"),
			[]tableRow{{1, []string{"id", "tekst"}}, {2, []string{"1", "jeugdzorg"}}}},
		{"one column",
			[]byte("id\n1\n"),
			[]tableRow{{1, []string{"id"}}, {2, []string{"1"}}}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			got, sheet := readAll(t, writeFile(t, "t.csv", c.data), "ignored")
			if sheet != "" {
				t.Errorf("sheet = %q, want empty", sheet)
			}
			if !reflect.DeepEqual(got, c.want) {
				t.Errorf("got %#v\nwant %#v", got, c.want)
			}
		})
	}
}

func utf16le(s string) []byte {
	var b bytes.Buffer
	for _, r := range s {
		b.WriteByte(byte(r))
		b.WriteByte(byte(r >> 8))
	}
	return b.Bytes()
}

func TestOpenRowsXLSX(t *testing.T) {
	f := excelize.NewFile()
	defer f.Close()
	f.SetSheetName("Sheet1", "Eerste")
	f.SetSheetRow("Eerste", "A1", &[]any{"respondent", "datum", "B1"})
	f.SetSheetRow("Eerste", "A2", &[]any{"r1", time.Date(2024, 3, 5, 0, 0, 0, 0, time.UTC), 3.25})
	// A row left empty (row 3) and a cell with a number format that rounds.
	f.SetSheetRow("Eerste", "A4", &[]any{"r2", time.Date(2023, 11, 30, 14, 30, 0, 0, time.UTC), 4})
	style, _ := f.NewStyle(&excelize.Style{NumFmt: 1}) // "0"
	f.SetCellStyle("Eerste", "C2", "C2", style)
	dmy := "d-m-yyyy"
	custom, _ := f.NewStyle(&excelize.Style{CustomNumFmt: &dmy})
	f.SetCellValue("Eerste", "D2", 45000)
	f.SetCellStyle("Eerste", "D2", "D2", custom)
	f.NewSheet("Tweede")
	f.SetSheetRow("Tweede", "A1", &[]any{"x"})
	path := filepath.Join(t.TempDir(), "book.xlsx")
	if err := f.SaveAs(path); err != nil {
		t.Fatal(err)
	}
	got, sheet := readAll(t, path, "")
	want := []tableRow{
		{1, []string{"respondent", "datum", "B1"}},
		{2, []string{"r1", "2024-03-05", "3.25", "2023-03-15"}},
		{3, nil},
		{4, []string{"r2", "2023-11-30 14:30:00", "4"}},
	}
	if sheet != "Eerste" || !reflect.DeepEqual(got, want) {
		t.Errorf("sheet %q got %#v\nwant %#v", sheet, got, want)
	}
	got, sheet = readAll(t, path, "tweede")
	if sheet != "Tweede" || len(got) != 1 || got[0].Cells[0] != "x" {
		t.Errorf("sheet by name: %q %#v", sheet, got)
	}
	if _, err := OpenRows(path, "Derde"); err == nil || !strings.Contains(err.Error(), `"Derde"`) || !strings.Contains(err.Error(), `"Eerste"`) {
		t.Errorf("missing sheet: %v", err)
	}
}

func TestOpenRowsNotAWorkbook(t *testing.T) {
	p := writeFile(t, "enquete.xlsx", []byte("this is just text\n"))
	_, err := OpenRows(p, "")
	if !errors.Is(err, ErrNotTable) || !strings.Contains(err.Error(), "enquete.xlsx") {
		t.Errorf("got %v", err)
	}
	p = writeFile(t, "oud.xls", []byte{0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1})
	if _, err := OpenRows(p, ""); !errors.Is(err, ErrNotTable) || !strings.Contains(err.Error(), ".xls") {
		t.Errorf("got %v", err)
	}
	if _, err := OpenRows(filepath.Join(t.TempDir(), "missing.csv"), ""); err == nil || !strings.Contains(err.Error(), "missing.csv") {
		t.Errorf("got %v", err)
	}
}

func TestOpenRowsZipBomb(t *testing.T) {
	var buf bytes.Buffer
	z := zip.NewWriter(&buf)
	w, _ := z.Create("xl/worksheets/sheet1.xml")
	zeros := make([]byte, 1<<20)
	for i := 0; i < 64; i++ { // 64 MiB of zeros compress about 1000-fold
		w.Write(zeros)
	}
	z.Close()
	p := writeFile(t, "bom.xlsx", buf.Bytes())
	_, err := OpenRows(p, "")
	if !errors.Is(err, ErrTooLarge) || !strings.Contains(err.Error(), "bom.xlsx") {
		t.Errorf("got %v", err)
	}
}

func TestParseNumber(t *testing.T) {
	good := map[string]float64{
		"3": 3, "3.5": 3.5, "3,5": 3.5, " -2 ": -2, "+4": 4, "1.234,5": 1234.5, "1,234.5": 1234.5,
		"1.234.567": 1234567, "1,234,567": 1234567, "1 234": 1234, "1\u00a0234,5": 1234.5,
		",5": 0.5, "0": 0, "1,234": 1.234, "12.345.678,9": 12345678.9,
	}
	for s, want := range good {
		if got, ok := ParseNumber(s); !ok || got != want {
			t.Errorf("ParseNumber(%q) = %v, %v; want %v", s, got, ok, want)
		}
	}
	for _, s := range []string{"", "-", "abc", "3a", "1,2,3", "1.2.3", "1,234.5,6", "NaN", "Inf", "1e400", "1 23", ",", "1.234,5.6", "2024-03-05"} {
		if got, ok := ParseNumber(s); ok {
			t.Errorf("ParseNumber(%q) = %v, want not a number", s, got)
		}
	}
}

func TestFindColumns(t *testing.T) {
	header := []string{"\ufeffDeelnemer", "Gemeente", "Functie", "Tekst", "Rol"}
	fields := map[string][]string{
		"respondent":   respondentHeaders,
		"municipality": municipalityHeaders,
		"role":         roleHeaders,
		"name":         nameHeaders,
	}
	got, err := FindColumns(header, fields, nil)
	want := map[string]int{"respondent": 0, "municipality": 1, "role": 4}
	if err != nil || !reflect.DeepEqual(got, want) {
		t.Errorf("got %v, %v; want %v", got, err, want)
	}
	got, err = FindColumns(header, fields, map[string]string{"role": "functie", "B1": "Q12_1"})
	want = map[string]int{"respondent": 0, "municipality": 1, "role": 2}
	if err != nil || !reflect.DeepEqual(got, want) {
		t.Errorf("explicit: got %v, %v; want %v", got, err, want)
	}
	if _, err := FindColumns(header, fields, map[string]string{"name": "Voornaam"}); !errors.Is(err, ErrMissingColumn) || !strings.Contains(err.Error(), "Voornaam") {
		t.Errorf("explicit missing: %v", err)
	}
}

// Past the first rows, a column's dates are still dates: the reader learns the date
// columns from the formatted values of the first rows and reads the rest raw.
func TestOpenRowsXLSXDatesAfterSample(t *testing.T) {
	f := excelize.NewFile()
	defer f.Close()
	f.SetSheetRow("Sheet1", "A1", &[]any{"respondent", "ingevuld", "K1"})
	day := time.Date(2025, 1, 1, 0, 0, 0, 0, time.UTC)
	n := formatSampleRows + 50
	for i := 0; i < n; i++ {
		f.SetSheetRow("Sheet1", fmt.Sprintf("A%d", i+2), &[]any{fmt.Sprintf("r%d", i), day.AddDate(0, 0, i), 3.5})
	}
	path := filepath.Join(t.TempDir(), "many.xlsx")
	if err := f.SaveAs(path); err != nil {
		t.Fatal(err)
	}
	got, _ := readAll(t, path, "")
	last := got[len(got)-1]
	if last.Line != n+1 || last.Cells[1] != day.AddDate(0, 0, n-1).Format("2006-01-02") || last.Cells[2] != "3.5" {
		t.Errorf("last row %#v", last)
	}
}

// bigSheetWorkbook writes a minimal workbook whose one sheet is more than size bytes of
// XML, with long cells of random letters (which pack far under the ratio limit, and make
// few rows to read), and returns its path and number of rows.
func bigSheetWorkbook(t *testing.T, dir string, size int) (string, int) {
	t.Helper()
	var sheet bytes.Buffer
	sheet.WriteString(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>`)
	rng := rand.New(rand.NewSource(1))
	rows := 0
	text := make([]byte, 4000)
	for sheet.Len() < size {
		rows++
		fmt.Fprintf(&sheet, `<row r="%d">`, rows)
		for c := 0; c < 4; c++ {
			rng.Read(text)
			for i := range text {
				text[i] = 'a' + text[i]%26
			}
			fmt.Fprintf(&sheet, `<c r="%c%d" t="inlineStr"><is><t>%s</t></is></c>`, 'A'+c, rows, text)
		}
		sheet.WriteString(`</row>`)
	}
	sheet.WriteString(`</sheetData></worksheet>`)
	path := filepath.Join(dir, "groot.xlsx")
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for name, content := range map[string]string{
		"[Content_Types].xml":        `<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>`,
		"_rels/.rels":                `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
		"xl/workbook.xml":            `<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="Blad1" sheetId="1" r:id="rId1"/></sheets></workbook>`,
		"xl/_rels/workbook.xml.rels": `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>`,
		"xl/worksheets/sheet1.xml":   sheet.String(),
	} {
		w, _ := zw.CreateHeader(&zip.FileHeader{Name: name, Method: zip.Store}) // quick to write and read
		w.Write([]byte(content))
	}
	zw.Close()
	if err := os.WriteFile(path, buf.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	return path, rows
}

// Issue 12: excelize unpacks a sheet over its UnzipXMLSizeLimit (16 MiB by default) to a
// file in the temporary folder, and a killed run left it there (300 MB). The reader keeps
// every part in memory: the temporary folder stays empty while and after a workbook
// with such a sheet is read.
func TestLargeSheetLeavesNoTemporaryFile(t *testing.T) {
	// No part of an archive that checkArchive lets through is over the spill limit.
	if workbookOptions.UnzipXMLSizeLimit < MaxArchiveSize {
		t.Errorf("excelize spills parts over %d bytes; archives may hold %d", workbookOptions.UnzipXMLSizeLimit, int64(MaxArchiveSize))
	}
	dir := t.TempDir()
	path, n := bigSheetWorkbook(t, dir, excelize.StreamChunkSize+1<<20)
	tmp := filepath.Join(dir, "tmp")
	if err := os.Mkdir(tmp, 0o700); err != nil {
		t.Fatal(err)
	}
	t.Setenv("TMPDIR", tmp)
	empty := func(when string) bool {
		t.Helper()
		entries, _ := os.ReadDir(tmp)
		for _, e := range entries {
			t.Errorf("%s: %s in the temporary folder", when, e.Name())
		}
		return len(entries) == 0
	}
	// The sheet is over excelize's limit: with its default options it spills.
	book, err := excelize.OpenFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if entries, _ := os.ReadDir(tmp); len(entries) == 0 {
		t.Fatal("excelize's defaults did not spill this sheet: the test shows nothing")
	}
	book.Close()
	if !empty("after excelize closed its defaults") {
		return
	}

	rows, err := OpenRows(path, "")
	if err != nil {
		t.Fatal(err)
	}
	read := 0
	for rows.Next() {
		if read++; read == 10 {
			empty("while reading")
		}
	}
	if err := rows.Err(); err != nil || read != n {
		t.Errorf("read %d of %d rows: %v", read, n, err)
	}
	rows.Close()
	empty("after reading")
}

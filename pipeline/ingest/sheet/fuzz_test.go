package sheet

import (
	"archive/zip"
	"bytes"
	"encoding/xml"
	"errors"
	"io"
	"os"
	"path/filepath"
	"reflect"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"
)

// FuzzSheetXML reads arbitrary sheet XML: the reader never panics or hangs, and where
// the XML is well formed and the reader does not leave it to excelize, every cell is
// what excelize reads, but for damaged cells (Rows.Damaged), which it gives as "".
func FuzzSheetXML(f *testing.F) {
	base := excelize.NewFile()
	code := "d-m-yyyy"
	base.NewStyle(&excelize.Style{CustomNumFmt: &code})
	base.NewStyle(&excelize.Style{NumFmt: 46})
	base.SetCellValue("Sheet1", "A1", "gedeeld")
	base.SetCellValue("Sheet1", "A2", "tweede")
	var book bytes.Buffer
	if err := base.Write(&book); err != nil {
		f.Fatal(err)
	}
	f.Add([]byte(sheetHead + `<sheetData><row r="1"><c r="A1" t="s"><v>1</v></c><c r="C1" s="1"><v>45000.5</v></c></row></sheetData></worksheet>`))
	f.Add([]byte(sheetHead + `<sheetData><row><c t="inlineStr"><is><r><t>a</t></r><t>b</t></is></c><c t="b"><v>0</v></c></row><row r="5"/></sheetData></worksheet>`))
	f.Add([]byte(sheetHead + `<sheetData><row r="2"><c r="B2"><f>1+1</f></c><c r="D2" t="str"><v>x &amp; y</v></c></row></sheetData></worksheet>`))
	// readers14: a row as wide as Excel allows, a style that is no number, a shared string past the table
	f.Add([]byte(sheetHead + `<sheetData><row r="1"><c r="A1"><v>1</v></c><c r="XFD1" t="inlineStr"><is><t>ver</t></is></c></row><row r="2"><c r="B2" s="abc"><v>5</v></c><c r="C2" t="s"><v>99</v></c></row></sheetData></worksheet>`))
	// readers15: damaged cells read on, as "" (an index that is no number, a damaged cell after a formula)
	f.Add([]byte(sheetHead + `<sheetData><row r="1"><c r="A1" t="s"><v>abc</v></c><c t="s" s="x"><f>A1</f><v>0</v></c><c r="D1"><v>2</v></c></row></sheetData></worksheet>`))
	dir := f.TempDir()
	f.Fuzz(func(t *testing.T, body []byte) {
		if len(body) > 1<<16 {
			return
		}
		path := filepath.Join(dir, "fuzz.xlsx")
		writeWithSheet(t, path, book.Bytes(), body)
		got, err := fast(path)
		if err != nil {
			if !errors.Is(err, ErrUnsupported) && !errors.Is(err, ErrTooDeep) && !errors.Is(err, ErrTooLarge) && !errors.Is(err, ErrMalformed) {
				t.Fatalf("an error that is neither a limit, ErrMalformed nor ErrUnsupported: %v", err)
			}
			return
		}
		if !wellFormed(body) {
			return // excelize stops silently at the first XML error; nothing to compare
		}
		want, err := oracle(t, path)
		if err != nil {
			return
		}
		for name, rows := range want {
			g := got[name]
			if len(g) != len(rows) {
				t.Fatalf("sheet %q: %d rows, excelize %d\n got  %q\n want %q", name, len(g), len(rows), g, rows)
			}
			for i := range rows {
				if (len(rows[i]) != 0 || len(g[i]) != 0) && !reflect.DeepEqual(g[i], rows[i]) && !sameButDamaged(t, path, name, i+1, g[i], rows[i]) {
					t.Fatalf("sheet %q row %d:\n got  %q\n want %q", name, i+1, g[i], rows[i])
				}
			}
		}
	})
}

func writeWithSheet(t *testing.T, path string, book, body []byte) {
	zr, err := zip.NewReader(bytes.NewReader(book), int64(len(book)))
	if err != nil {
		t.Fatal(err)
	}
	var out bytes.Buffer
	zw := zip.NewWriter(&out)
	for _, e := range zr.File {
		w, _ := zw.Create(e.Name)
		if e.Name == "xl/worksheets/sheet1.xml" {
			w.Write(body)
			continue
		}
		rc, _ := e.Open()
		io.Copy(w, rc)
		rc.Close()
	}
	zw.Close()
	if err := os.WriteFile(path, out.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
}

// wellFormed reports whether encoding/xml reads data to its end without an error.
func wellFormed(data []byte) bool {
	d := xml.NewDecoder(bytes.NewReader(data))
	for {
		_, err := d.Token()
		if err == io.EOF {
			return true
		}
		if err != nil {
			return false
		}
	}
}

// FuzzArchive opens arbitrary bytes as a workbook under small limits and reads every
// sheet: never a panic, an error that is a limit, ErrMalformed or ErrUnsupported, and
// never more inflated than the limits allow (by at most the one byte that shows a limit
// broken).
func FuzzArchive(f *testing.F) {
	for _, seed := range []func() *excelize.File{
		func() *excelize.File {
			b := excelize.NewFile()
			b.SetCellValue("Sheet1", "A1", "gedeeld")
			b.SetCellValue("Sheet1", "B2", 3.5)
			return b
		},
		func() *excelize.File {
			b := excelize.NewFile()
			sw, _ := b.NewStreamWriter("Sheet1")
			sw.SetRow("A1", []any{"r1", 1, true, time.Date(2024, 3, 5, 0, 0, 0, 0, time.UTC)})
			sw.Flush()
			return b
		},
	} {
		var buf bytes.Buffer
		if err := seed().Write(&buf); err != nil {
			f.Fatal(err)
		}
		f.Add(buf.Bytes())
	}
	limits := Limits{MaxEntries: 64, MaxEntrySize: 1 << 20, MaxTotalSize: 3 << 19, MaxRatio: 50, RatioFloor: 1 << 16, MaxXMLDepth: 32}
	f.Fuzz(func(t *testing.T, data []byte) {
		z, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
		if err != nil {
			return
		}
		w, err := OpenZip("fuzz.xlsx", z, limits)
		if err == nil {
			for _, name := range w.Sheets() {
				rows, err2 := w.Rows(name)
				if err2 != nil {
					err = err2
					continue
				}
				for rows.Next() {
					for i := range rows.Len() {
						_ = rows.Cell(i)
					}
					_ = rows.Row()
				}
				if rows.Err() != nil {
					err = rows.Err()
				}
				rows.Close()
			}
			if got := w.inflated.Load(); got > limits.MaxTotalSize+1 {
				t.Fatalf("inflated %d bytes, the limit is %d", got, limits.MaxTotalSize)
			}
		}
		if err != nil && !errors.Is(err, ErrUnsupported) && !errors.Is(err, ErrTooDeep) && !errors.Is(err, ErrTooLarge) && !errors.Is(err, ErrMalformed) {
			t.Fatalf("an error that is neither a limit, ErrMalformed nor ErrUnsupported: %v", err)
		}
	})
}

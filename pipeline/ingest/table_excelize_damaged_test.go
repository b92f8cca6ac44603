package ingest

import (
	"archive/zip"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/samenspel/samenspel/pipeline/ingest/sheet"
)

// handWorkbook writes a workbook of one sheet "S" whose second row holds the cell given
// as XML, beside shared strings "Respondent" and "Tekst"; dtd gives its workbook part a
// document type declaration, which the fast sheet reader leaves to excelize.
func handWorkbook(t *testing.T, cell string, dtd bool) string {
	t.Helper()
	return handWorkbookRows(t, `<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c></row><row r="2"><c r="A2" t="inlineStr"><is><t>R1</t></is></c>`+cell+`</row>`, dtd)
}

// handHeaderWorkbook is handWorkbook with the cell in the header row.
func handHeaderWorkbook(t *testing.T, cell string, dtd bool) string {
	t.Helper()
	return handWorkbookRows(t, `<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c>`+cell+`</row><row r="2"><c r="A2" t="inlineStr"><is><t>R1</t></is></c></row>`, dtd)
}

// handWorkbookRows is handWorkbook with the sheet data given.
func handWorkbookRows(t *testing.T, sheetData string, dtd bool) string {
	t.Helper()
	const ns = `xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"`
	doctype := ""
	if dtd {
		doctype = "<!DOCTYPE workbook>"
	}
	parts := [][2]string{
		{"[Content_Types].xml", `<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/><Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/></Types>`},
		{"_rels/.rels", `<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>`},
		{"xl/workbook.xml", `<?xml version="1.0"?>` + doctype + `<workbook ` + ns + ` xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="S" sheetId="1" r:id="rId1"/></sheets></workbook>`},
		{"xl/_rels/workbook.xml.rels", `<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/></Relationships>`},
		{"xl/sharedStrings.xml", `<?xml version="1.0"?><sst ` + ns + ` count="2" uniqueCount="2"><si><t>Respondent</t></si><si><t>Tekst</t></si></sst>`},
		{"xl/worksheets/sheet1.xml", `<?xml version="1.0"?><worksheet ` + ns + `><sheetData>` + sheetData + `</sheetData></worksheet>`},
	}
	path := filepath.Join(t.TempDir(), "w.xlsx")
	f, err := os.Create(path)
	if err != nil {
		t.Fatal(err)
	}
	z := zip.NewWriter(f)
	for _, p := range parts {
		w, err := z.Create(p[0])
		if err != nil {
			t.Fatal(err)
		}
		w.Write([]byte(p[1]))
	}
	if err := z.Close(); err != nil {
		t.Fatal(err)
	}
	f.Close()
	return path
}

// readAllRows reads every row of the workbook's first sheet, or the error that stopped it.
func readAllRows(path string) ([][]string, error) {
	rows, err := OpenRows(path, "")
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out [][]string
	for rows.Next() {
		out = append(out, rows.Row())
	}
	return out, rows.Err()
}

// excelize reads a cell it cannot decode as empty (a shared string index out of range,
// a style that is no number) or as the first shared string (an index that is no number),
// without an error. Both workbook paths now give such a cell as "" and name it, with
// the same reason, as a damaged cell (CellFaultsAt; readers15: 0.9.0 stopped the run),
// and a damaged cell in the header stops the reading, naming sheet, row and cell; the
// cells excelize does decode read the same on both paths (readers14).
func TestExcelizeDamagedCells(t *testing.T) {
	for name, c := range map[string]struct{ cell, want string }{
		"shared string out of range": {`<c r="B2" t="s"><v>99</v></c>`, `shared string index "99"`},
		"shared string not a number": {`<c r="B2" t="s"><v>abc</v></c>`, `shared string index "abc"`},
		"style not a number":         {`<c r="B2" s="abc"><v>5</v></c>`, `the cell's style "abc" is no number`},
	} {
		var reasons []string
		for _, dtd := range []bool{false, true} {
			rows, err := OpenRows(handWorkbook(t, c.cell, dtd), "")
			if err != nil {
				t.Fatal(err)
			}
			var got [][]string
			for rows.Next() {
				got = append(got, rows.Row())
			}
			err = rows.Err()
			f := rows.CellFaultsAt(2)
			rows.Close()
			if err != nil || len(got) != 2 || got[1][0] != "R1" || tableCell(got[1], 1) != "" {
				t.Errorf("%s (excelize from the start: %v): rows %q, error %v; want B2 read as empty", name, dtd, got, err)
				continue
			}
			d := f.damage(1)
			if !errors.Is(d, sheet.ErrDamagedCell) || !strings.Contains(d.Error(), c.want) {
				t.Errorf("%s (excelize from the start: %v): damage %v; want %q", name, dtd, d, c.want)
				continue
			}
			if b := brokenCell("", 1, f); !errors.Is(b, ErrBrokenCell) {
				t.Errorf("%s: brokenCell %v", name, b)
			}
			reasons = append(reasons, d.Error())
		}
		if len(reasons) == 2 && reasons[0] != reasons[1] {
			t.Errorf("%s: the paths differ: %q and %q", name, reasons[0], reasons[1])
		}
		// In the header: the table's columns are not known.
		header := strings.Replace(c.cell, `r="B2"`, `r="C1"`, 1)
		for _, dtd := range []bool{false, true} {
			path := handHeaderWorkbook(t, header, dtd)
			got, err := readAllRows(path)
			if !errors.Is(err, sheet.ErrMalformed) || !strings.Contains(err.Error(), `sheet "S", row 1`) || !strings.Contains(err.Error(), "cell C1") {
				t.Errorf("%s in the header (excelize from the start: %v): rows %q, error %v; want a malformed worksheet at row 1, cell C1", name, dtd, got, err)
			}
		}
	}
	for name, c := range map[string]struct{ cell, want string }{
		"rich text inline":    {`<c r="B2" t="inlineStr"><is><r><t>a</t></r><r><rPr><b/></rPr><t>b</t></r></is></c>`, "ab"},
		"inline with a value": {`<c r="B2" t="inlineStr"><v>tekst</v></c>`, "tekst"},
		"unknown type":        {`<c r="B2" t="x"><v>tekst</v></c>`, "tekst"},
		"style out of range":  {`<c r="B2" s="999"><v>5</v></c>`, "5"},
		"ISO date":            {`<c r="B2" t="d"><v>2024-03-01T10:00:00</v></c>`, "2024-03-01T10:00:00"},
	} {
		for _, dtd := range []bool{false, true} {
			got, err := readAllRows(handWorkbook(t, c.cell, dtd))
			if err != nil || len(got) != 2 || len(got[1]) != 2 || got[1][1] != c.want {
				t.Errorf("%s (excelize from the start: %v): rows %q, error %v; want B2 %q", name, dtd, got, err, c.want)
			}
		}
	}
}

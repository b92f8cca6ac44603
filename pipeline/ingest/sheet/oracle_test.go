package sheet

import (
	"archive/zip"
	"bytes"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"math/rand"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"
)

// testLimits are the ingest package's archive limits.
var testLimits = Limits{MaxEntries: 20000, MaxEntrySize: 2 << 30, MaxTotalSize: 4 << 30,
	MaxRatio: 200, RatioFloor: 1 << 20, MaxXMLDepth: 256}

// oracle reads every sheet with excelize as the ingest package did before this package:
// raw values, and for a cell whose formatted value differs, CellText of both.
func oracle(t *testing.T, path string) (map[string][][]string, error) {
	t.Helper()
	opts := Options
	opts.UnzipXMLSizeLimit = 64 << 20
	f, err := excelize.OpenFile(path, opts)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	date1904 := false
	if props, err := f.GetWorkbookProps(); err == nil && props.Date1904 != nil {
		date1904 = *props.Date1904
	}
	out := map[string][][]string{}
	for _, name := range f.GetSheetList() {
		raw, err := f.Rows(name)
		if err != nil {
			return nil, err
		}
		view, err := f.Rows(name)
		if err != nil {
			return nil, err
		}
		var rows [][]string
		for raw.Next() {
			if !view.Next() {
				return nil, fmt.Errorf("sheet %q: views out of step", name)
			}
			cells, err := raw.Columns(excelize.Options{RawCellValue: true})
			if err != nil {
				return nil, err
			}
			shown, err := view.Columns()
			if err != nil {
				return nil, err
			}
			for i := range cells {
				if i < len(shown) && shown[i] != cells[i] {
					cells[i] = CellText(cells[i], shown[i], date1904)
				}
			}
			rows = append(rows, cells)
		}
		raw.Close()
		view.Close()
		out[name] = rows
	}
	return out, nil
}

// fast reads every sheet with this package.
func fast(path string) (map[string][][]string, error) {
	w, err := Open(path, testLimits)
	if err != nil {
		return nil, err
	}
	defer w.Close()
	out := map[string][][]string{}
	for _, name := range w.Sheets() {
		rows, err := w.Rows(name)
		if err != nil {
			return nil, err
		}
		var all [][]string
		for rows.Next() {
			if rows.Line() != len(all)+1 {
				return nil, fmt.Errorf("sheet %q: line %d after %d rows", name, rows.Line(), len(all))
			}
			row := rows.Row()
			// The bytes are the strings.
			if rows.Len() != len(row) {
				return nil, fmt.Errorf("sheet %q row %d: Len %d, Row %d cells", name, rows.Line(), rows.Len(), len(row))
			}
			for i, cell := range row {
				if string(rows.Cell(i)) != cell {
					return nil, fmt.Errorf("sheet %q row %d cell %d: Cell %q, Row %q", name, rows.Line(), i, rows.Cell(i), cell)
				}
			}
			all = append(all, row)
		}
		rows.Close()
		if err := rows.Err(); err != nil {
			return nil, err
		}
		out[name] = all
	}
	return out, nil
}

// compare checks that this package reads path as excelize does, or says it does not
// read it; it reports whether it read it.
func compare(t *testing.T, path string) bool {
	t.Helper()
	got, err := fast(path)
	if errors.Is(err, ErrUnsupported) {
		t.Logf("%s: left to excelize: %v", path, err)
		return false
	}
	if errors.Is(err, ErrMalformed) {
		t.Logf("%s: refused on purpose: %v", path, err)
		return false
	}
	if err != nil {
		t.Errorf("%s: %v", path, err)
		return false
	}
	want, err := oracle(t, path)
	if err != nil {
		t.Errorf("%s: excelize: %v", path, err)
		return false
	}
	for name, rows := range want {
		g := got[name]
		if len(g) != len(rows) {
			t.Errorf("%s: sheet %q: %d rows, excelize %d", path, name, len(g), len(rows))
			continue
		}
		for i := range rows {
			if len(rows[i]) == 0 && len(g[i]) == 0 {
				continue
			}
			if !reflect.DeepEqual(g[i], rows[i]) && !sameButDamaged(t, path, name, i+1, g[i], rows[i]) {
				t.Errorf("%s: sheet %q row %d:\n got  %q\n want %q", path, name, i+1, g[i], rows[i])
			}
		}
	}
	if len(got) != len(want) {
		t.Errorf("%s: %d sheets, excelize %d", path, len(got), len(want))
	}
	return true
}

// sameButDamaged reports whether the fast reader's row (got) is excelize's (want) but for
// the row's damaged cells (damaged.go), which the fast reader gives as "" and excelize
// as "", as another cell's text, or not at all.
func sameButDamaged(t *testing.T, path, sheet string, line int, got, want []string) bool {
	t.Helper()
	w, err := Open(path, testLimits)
	if err != nil {
		return false
	}
	defer w.Close()
	rows, err := w.Rows(sheet)
	if err != nil {
		return false
	}
	defer rows.Close()
	var damaged []Damage
	for rows.Next() {
		if rows.Line() == line {
			damaged = rows.Damaged()
			break
		}
	}
	if len(damaged) == 0 {
		return false
	}
	want = append([]string(nil), want...)
	for _, d := range damaged {
		if d.Col < len(want) {
			want[d.Col] = ""
		}
	}
	trim := func(r []string) []string {
		for len(r) > 0 && r[len(r)-1] == "" {
			r = r[:len(r)-1]
		}
		return r
	}
	return reflect.DeepEqual(trim(append([]string(nil), got...)), trim(want))
}

// Every workbook in the repository reads as excelize reads it.
func TestFixturesMatchExcelize(t *testing.T) {
	root, err := filepath.Abs("../../..")
	if err != nil {
		t.Fatal(err)
	}
	var paths []string
	filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return nil
		}
		if d.IsDir() && (d.Name() == ".git" || d.Name() == "output") {
			return filepath.SkipDir
		}
		if strings.EqualFold(filepath.Ext(p), ".xlsx") {
			paths = append(paths, p)
		}
		return nil
	})
	if len(paths) < 5 {
		t.Fatalf("found only %d workbooks under %s", len(paths), root)
	}
	read, damaged := 0, 0
	for _, p := range paths {
		if compare(t, p) {
			read++
		} else if _, err := fast(p); errors.Is(err, ErrMalformed) || damagedWorkbook(t, p) {
			damaged++ // the cases of damaged files, which no reader should read, and those refused on purpose
		}
	}
	t.Logf("%d of %d workbooks read by the fast reader, %d damaged on purpose, the rest left to excelize", read, len(paths), damaged)
	if read*10 < (len(paths)-damaged)*8 {
		t.Errorf("only %d of %d workbooks (%d damaged) read by the fast reader", read, len(paths), damaged)
	}
}

// Random workbooks written by excelize, with both of its writers, read as excelize
// reads them.
func TestRandomWorkbooksMatchExcelize(t *testing.T) {
	rng := rand.New(rand.NewSource(16))
	dir := t.TempDir()
	n := 60
	if testing.Short() {
		n = 10
	}
	for i := 0; i < n; i++ {
		p := filepath.Join(dir, fmt.Sprintf("random%d.xlsx", i))
		if err := randomWorkbook(rng, p, i%3 == 0); err != nil {
			t.Fatal(err)
		}
		if !compare(t, p) {
			t.Errorf("%s: an excelize workbook left to excelize", p)
		}
	}
}

var (
	randomText = []string{"", "jeugdwerker", "a < b & c > d", `"quoted" 'single'`, "  spaces  ", "line\nbreak",
		"crlf\r\nline", "tab\there", "_x000D_ escaped", "_x005F_x0041_", "café ñ 漢字 😀", "3", "04", "1e3", "TRUE",
		"=SUM(A1)", "2024-03-05", "]]>", "<![CDATA[x]]>", "&amp;", "x\u00a0y", strings.Repeat("lang ", 300)}
	customFormats = []string{"d-m-yyyy", "dd/mm/yyyy hh:mm", "yyyy-mm-dd", "h:mm", "hh:mm:ss AM/PM", "mmm yyyy",
		"d mmmm yyyy", "[$-413]d mmmm yyyy", "mm:ss.0", "yyyy", "dddd", `"dag "d`, "0.00", "#,##0.00 €",
		"0%", "0.00E+00", "@", "mm/yyyy", "d-mmm", "General", `[Red]0.00;[Blue]-0.00`, "000", "00000", "00"}
)

func randomWorkbook(rng *rand.Rand, path string, stream bool) error {
	f := excelize.NewFile()
	defer f.Close()
	var styles []int
	for _, id := range []int{0, 1, 2, 9, 11, 14, 15, 16, 17, 18, 19, 20, 21, 22, 27, 32, 45, 47, 49, 57} {
		s, err := f.NewStyle(&excelize.Style{NumFmt: id})
		if err != nil {
			return err
		}
		styles = append(styles, s)
	}
	for _, code := range customFormats {
		s, err := f.NewStyle(&excelize.Style{CustomNumFmt: &code})
		if err != nil {
			return err
		}
		styles = append(styles, s)
	}
	value := func() any {
		switch rng.Intn(12) {
		case 0:
			return nil
		case 1, 2:
			return randomText[rng.Intn(len(randomText))]
		case 3:
			return rng.Intn(5) + 1
		case 4:
			return rng.NormFloat64() * 1000
		case 5:
			return []float64{0, -0.5, 1e20, 1e-10, 123456789012345678, 0.1 + 0.2, 45000, 45000.75, 0.25}[rng.Intn(9)]
		case 6:
			return rng.Intn(2) == 0
		case 7, 8:
			return time.Date(1900+rng.Intn(200), time.Month(1+rng.Intn(12)), 1+rng.Intn(28), rng.Intn(24), rng.Intn(60), rng.Intn(60), 0, time.UTC)
		case 9:
			return time.Duration(rng.Intn(86400)) * time.Second
		case 10:
			return float32(rng.Float64())
		}
		return int64(rng.Int63n(1 << 40))
	}
	rows, cols := 1+rng.Intn(60), 1+rng.Intn(12)
	if stream {
		sw, err := f.NewStreamWriter("Sheet1")
		if err != nil {
			return err
		}
		for r := 1; r <= rows; r++ {
			if rng.Intn(5) == 0 {
				continue // a row left out
			}
			row := make([]any, cols)
			for c := range row {
				v := value()
				switch rng.Intn(6) {
				case 0:
					row[c] = excelize.Cell{StyleID: styles[rng.Intn(len(styles))], Value: v}
				case 1:
					row[c] = excelize.Cell{Formula: "1+1", Value: v}
				default:
					row[c] = v
				}
			}
			cell, _ := excelize.CoordinatesToCellName(1, r)
			if err := sw.SetRow(cell, row); err != nil {
				return err
			}
		}
		if err := sw.Flush(); err != nil {
			return err
		}
	} else {
		f.NewSheet("Tweede & <derde>")
		for _, sheet := range []string{"Sheet1", "Tweede & <derde>"} {
			for r := 1; r <= rows; r++ {
				for c := 1; c <= cols; c++ {
					if rng.Intn(3) == 0 {
						continue // sparse
					}
					cell, _ := excelize.CoordinatesToCellName(c, r)
					switch rng.Intn(10) {
					case 0:
						f.SetCellRichText(sheet, cell, []excelize.RichTextRun{
							{Text: "vet ", Font: &excelize.Font{Bold: true}}, {Text: randomText[rng.Intn(len(randomText))]}})
					case 1:
						f.SetCellFormula(sheet, cell, "1+2")
					default:
						if err := f.SetCellValue(sheet, cell, value()); err != nil {
							return err
						}
					}
					if rng.Intn(3) == 0 {
						f.SetCellStyle(sheet, cell, cell, styles[rng.Intn(len(styles))])
					}
				}
			}
		}
		if rng.Intn(2) == 0 {
			f.SetWorkbookProps(&excelize.WorkbookPropsOptions{Date1904: boolPtr(true)})
		}
	}
	return f.SaveAs(path)
}

func boolPtr(b bool) *bool { return &b }

// withSheetXML writes a workbook whose first sheet's XML is body; edit, if not nil, may
// change any entry.
func withSheetXML(t testing.TB, name, body string, edit func(entry string, data []byte) []byte) string {
	t.Helper()
	f := excelize.NewFile()
	code := "d-m-yyyy"
	f.NewStyle(&excelize.Style{CustomNumFmt: &code}) // style 1
	f.NewStyle(&excelize.Style{NumFmt: 46})          // style 2: varies
	f.SetCellValue("Sheet1", "A1", "gedeeld")
	f.SetCellValue("Sheet1", "A2", "tweede")
	var buf bytes.Buffer
	if err := f.Write(&buf); err != nil {
		t.Fatal(err)
	}
	zr, err := zip.NewReader(bytes.NewReader(buf.Bytes()), int64(buf.Len()))
	if err != nil {
		t.Fatal(err)
	}
	var out bytes.Buffer
	zw := zip.NewWriter(&out)
	for _, e := range zr.File {
		w, _ := zw.Create(e.Name)
		rc, _ := e.Open()
		data, _ := io.ReadAll(rc)
		rc.Close()
		if e.Name == "xl/worksheets/sheet1.xml" {
			data = []byte(body)
		}
		if edit != nil {
			data = edit(e.Name, data)
		}
		w.Write(data)
	}
	zw.Close()
	p := filepath.Join(t.TempDir(), name)
	if err := os.WriteFile(p, out.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

const sheetHead = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">`

// Hand-written sheet XML of the kinds other writers produce reads as excelize reads it.
func TestHandWrittenSheetsMatchExcelize(t *testing.T) {
	cases := map[string]string{
		"plain": sheetHead + `<sheetData><row r="1"><c r="A1" t="s"><v>0</v></c><c r="C1" t="s"><v>1</v></c></row>
<row r="3"><c r="B3"><v>3.5</v></c><c r="D3" s="1"><v>45000</v></c><c r="E3" s="1"><v>45000.5</v></c></row></sheetData></worksheet>`,
		"no references": sheetHead + `<sheetData><row><c><v>1</v></c><c t="b"><v>1</v></c><c t="e"><v>#N/A</v></c></row><row><c/><c t="str"><f>A1&amp;"x"</f><v>1x</v></c></row></sheetData></worksheet>`,
		"prefixed": `<?xml version="1.0"?><x:worksheet xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><x:sheetData>
<x:row r="2"><x:c r="B2" t="inlineStr"><x:is><x:t>inline &amp; &#233;&#x4E2D;</x:t></x:is></x:c><x:c r="C2"><x:v>7</x:v></x:c></x:row></x:sheetData></x:worksheet>`,
		"rich inline": sheetHead + `<sheetData><row r="1"><c r="A1" t="inlineStr"><is><r><rPr><b/></rPr><t xml:space="preserve">vet </t></r><r><t>en niet</t></r><rPh sb="0" eb="1"><t>ふり</t></rPh></is></c>
<c r="B1" t="inlineStr"><is><t>a_x000D_b</t></is></c><c r="C1" t="inlineStr"><is><t><![CDATA[<cdata> & co]]></t></is></c></row></sheetData></worksheet>`,
		"comments and odd numbers": sheetHead + `<!-- made by hand --><sheetData><row r="1"><c r="A1"><v>1E-3</v></c><c r="B1"><v> 3 </v></c><c r="C1"><v>-0</v></c><c r="D1" t="d"><v>2024-03-05T00:00:00Z</v></c>
<c r="E1"><f>NOW()</f></c><c r="F1" s="1"><v>abc</v></c><c r="G1"><!-- x --><v>4<!-- y -->2</v></c></row><row r="4" spans="1:2"/></sheetData></worksheet>`,
		"line ends":      sheetHead + "<sheetData><row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>een\r\ntwee\rdrie&#13;vier</t></is></c></row></sheetData></worksheet>",
		"pretty printed": sheetHead + "\n  <sheetData>\n    <row r=\"1\">\n      <c r=\"A1\">\n        <v>5</v>\n      </c>\n    </row>\n  </sheetData>\n</worksheet>",
		// Only the cells present are kept, a row as wide as its last cell (readers14).
		"far right": sheetHead + `<sheetData><row r="1"><c r="A1"><v>1</v></c><c r="XFC1"><f>A1</f></c><c r="XFD1" t="inlineStr"><is><t>ver</t></is></c></row>
<row r="2"><c r="C2" t="s"><v>0</v></c><c r="AA2"><v>2</v></c></row><row r="3"><c r="XFD3"><v>3</v></c></row></sheetData></worksheet>`,
		"attribute with >": sheetHead + `<sheetData><row r="1" x14ac:dyDescent="a>b"><c r="A1" t='n'><v>8</v></c></row></sheetData></worksheet>`,
	}
	for name, body := range cases {
		t.Run(name, func(t *testing.T) {
			if !compare(t, withSheetXML(t, "hand.xlsx", body, nil)) {
				t.Errorf("left to excelize")
			}
		})
	}
	// What the reader leaves to excelize.
	unsupported := map[string]string{
		"rows out of order":    sheetHead + `<sheetData><row r="2"><c r="A2"><v>1</v></c></row><row r="1"><c r="A1"><v>2</v></c></row></sheetData></worksheet>`,
		"bad reference":        sheetHead + `<sheetData><row r="1"><c r="1A"><v>1</v></c></row></sheetData></worksheet>`,
		"doctype":              `<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "b">]>` + sheetHead[len(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?>`):] + `<sheetData/></worksheet>`,
		"other encoding":       `<?xml version="1.0" encoding="windows-1252"?>` + sheetHead[len(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?>`):] + `<sheetData/></worksheet>`,
		"value-dependent date": sheetHead + `<sheetData><row r="1"><c r="A1" s="2"><v>1.5</v></c></row></sheetData></worksheet>`,
		"unknown entity":       sheetHead + `<sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>&nbsp;</t></is></c></row></sheetData></worksheet>`,
		"control character":    sheetHead + "<sheetData><row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>a\x01b</t></is></c></row></sheetData></worksheet>",
	}
	strict := func(entry string, data []byte) []byte {
		if entry == "xl/workbook.xml" {
			return bytes.ReplaceAll(data, []byte("http://schemas.openxmlformats.org/spreadsheetml/2006/main"), []byte("http://purl.oclc.org/ooxml/spreadsheetml/main"))
		}
		return data
	}
	if _, err := fast(withSheetXML(t, "strict.xlsx", sheetHead+`<sheetData/></worksheet>`, strict)); !errors.Is(err, ErrUnsupported) {
		t.Errorf("strict OOXML: got %v, want ErrUnsupported", err)
	}
	for name, body := range unsupported {
		t.Run(name, func(t *testing.T) {
			_, err := fast(withSheetXML(t, "odd.xlsx", body, nil))
			if !errors.Is(err, ErrUnsupported) {
				t.Errorf("got %v, want ErrUnsupported", err)
			}
		})
	}
}

// Cells out of order in a row are an error, not a row read shifted: excelize appends a
// cell whose reference lies before the previous one's after it, and so would put its
// value, and every later one, in the wrong column.
func TestCellsOutOfOrder(t *testing.T) {
	for name, row := range map[string]string{
		"backwards":        `<c r="B1"><v>1</v></c><c r="A1"><v>2</v></c>`,
		"twice":            `<c r="A1"><v>1</v></c><c r="A1"><v>2</v></c>`,
		"after an implied": `<c><v>1</v></c><c r="A1" t="inlineStr"><is><t>x</t></is></c>`,
		"general way":      `<c r="C1"><f>1+1</f><v>2</v></c><c r="B1"><f>1</f><v>1</v></c>`,
	} {
		t.Run(name, func(t *testing.T) {
			_, err := fast(withSheetXML(t, "order.xlsx", sheetHead+`<sheetData><row r="1">`+row+`</row></sheetData></worksheet>`, nil))
			if !errors.Is(err, ErrMalformed) || errors.Is(err, ErrUnsupported) || !strings.Contains(err.Error(), `sheet "Sheet1", row 1: cell`) {
				t.Errorf("got %v, want ErrMalformed naming the sheet, row and cell", err)
			}
		})
	}
	// The error names the row as Excel numbers it, after rows left out.
	_, err := fast(withSheetXML(t, "late.xlsx", sheetHead+`<sheetData><row r="1"><c r="A1"><v>1</v></c></row><row r="7"><c r="B7"><v>1</v></c><c r="B7"><v>2</v></c></row></sheetData></worksheet>`, nil))
	if !errors.Is(err, ErrMalformed) || !strings.Contains(err.Error(), `row 7: cell B7 comes after a cell of column B`) {
		t.Errorf("got %v", err)
	}
	// Empty cells before, and references that skip columns, are in order.
	p := withSheetXML(t, "gaps.xlsx", sheetHead+`<sheetData><row r="1"><c r="A1"/><c r="A1" s="0"/><c r="C1"><v>3</v></c><c><v>4</v></c><c r="F1"><v>6</v></c></row></sheetData></worksheet>`, nil)
	if !compare(t, p) {
		t.Error("left to excelize")
	}
}

func TestLimits(t *testing.T) {
	deep := sheetHead + "<sheetData><row r=\"1\"><c r=\"A1\"><v>" + strings.Repeat("<x>", 300) + strings.Repeat("</x>", 300) + "</v></c></row></sheetData></worksheet>"
	if _, err := fast(withSheetXML(t, "deep.xlsx", deep, nil)); !errors.Is(err, ErrTooDeep) {
		t.Errorf("deep: got %v", err)
	}
	// A sheet of 64 MiB that packs a thousand-fold.
	bomb := sheetHead + "<sheetData>" + strings.Repeat(" ", 64<<20) + "</sheetData></worksheet>"
	_, err := fast(withSheetXML(t, "bomb.xlsx", bomb, nil))
	if !errors.Is(err, ErrTooLarge) || !strings.Contains(err.Error(), "zip bomb") {
		t.Errorf("bomb: got %v", err)
	}
	small := testLimits
	small.MaxEntries = 3
	p := withSheetXML(t, "many.xlsx", sheetHead+"<sheetData/></worksheet>", nil)
	if _, err := Open(p, small); !errors.Is(err, ErrTooLarge) {
		t.Errorf("entries: got %v", err)
	}
}

// Attack 12 F23: a cell whose start tag is broken lost its type and with it its value,
// by excelize too and without a word: a malformed worksheet, named by row. (A
// shared-string index beyond the shared strings is a damaged cell: TestDamagedCells.)
func TestBrokenCellsAreMalformed(t *testing.T) {
	for name, tc := range map[string]struct {
		row  string
		want string
	}{
		"attributes":      {`<c r="A2" t=</"inlineStr"><is><t>Jongerenwerker</t></is></c>`, `row 2: a cell whose attributes are broken`},
		"attribute quote": {`<c r="A2" t="inlineStr" s=1><is><t>x</t></is></c>`, `row 2: a cell whose attributes are broken`},
	} {
		t.Run(name, func(t *testing.T) {
			body := sheetHead + `<sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>Respondent</t></is></c></row><row r="2">` + tc.row + `</row></sheetData></worksheet>`
			_, err := fast(withSheetXML(t, "broken.xlsx", body, nil))
			if !errors.Is(err, ErrMalformed) || errors.Is(err, ErrUnsupported) || !strings.Contains(err.Error(), tc.want) {
				t.Errorf("got %v, want ErrMalformed with %q", err, tc.want)
			}
		})
	}
	// Attributes in single quotes, with spaces round "=", are whole.
	p := withSheetXML(t, "quotes.xlsx", sheetHead+`<sheetData><row r="1"><c r='A1' t = 'inlineStr' ><is><t>x</t></is></c></row></sheetData></worksheet>`, nil)
	if !compare(t, p) {
		t.Error("left to excelize")
	}
}

func damagedWorkbook(t *testing.T, path string) bool {
	t.Helper()
	z, err := zip.OpenReader(path)
	if err != nil {
		return true // not even a zip archive (a download cut off: testdata/cases/fatal)
	}
	defer z.Close()
	for _, f := range z.File {
		if !strings.HasPrefix(f.Name, "xl/") || !strings.HasSuffix(f.Name, ".xml") {
			continue
		}
		rc, err := f.Open()
		if err != nil {
			return true
		}
		data, err := io.ReadAll(rc)
		rc.Close()
		if err != nil || !wellFormed(data) {
			return true
		}
	}
	return false
}

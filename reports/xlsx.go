package reports

import (
	"archive/zip"
	"bufio"
	"bytes"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"math"
	"runtime"
	"sort"
	"strconv"
	"strings"
	"sync"
	"unicode/utf8"

	"github.com/klauspost/compress/flate"
	"github.com/xuri/excelize/v2"

	"github.com/samenspel/samenspel/pipeline/model"
	"github.com/samenspel/samenspel/pipeline/results"
)

// maxSheetName is Excel's limit on a sheet name's length.
const maxSheetName = 31

// tablesXLSX writes every table as a sheet of one workbook, formatted for people: a bold,
// frozen header row with an autofilter, headers and ids (codes, factors, scales, roles,
// tests) in the study's language (xlsx_labels.go), column widths from the contents, and
// number formats by column kind; numbers stay numbers, so Excel shows them with the
// reader's decimal mark. Sheets keep the names of the CSV files they mirror. Text is
// always stored as a string, never as a formula.
func tablesXLSX(res *results.Results) (out []byte, err error) {
	f := excelize.NewFile()
	defer f.Close()
	// excelize writes the parts of streamed sheets in map order; collecting them and
	// writing them sorted keeps the workbook byte-identical from run to run.
	// The sheets' data rows, by part name, put in when the parts are zipped (xlsx_rows.go).
	rows := map[string]sheetData{}
	f.SetZipWriter(func(w io.Writer) excelize.ZipWriter {
		return &sortedZip{w: w, parts: map[string]*bytes.Buffer{}, rows: rows}
	})
	fail := func(sheet string, e error) error {
		return model.Reasonf("%w: tables.xlsx, sheet %q: %v", "%v: tables.xlsx, blad %q: %v", ErrWrite, sheet, e)
	}
	if err := f.SetDocProps(&excelize.DocProperties{
		Creator:  res.Tool,
		Title:    res.Title,
		Created:  "2000-01-01T00:00:00Z", // fixed: outputs hold no clock time
		Modified: "2000-01-01T00:00:00Z",
	}); err != nil {
		return nil, fail("", err)
	}
	st, err := newSheetStyles(f)
	if err != nil {
		return nil, fail("", err)
	}

	parked := map[string]any{} // table parts kept out of f.Pkg while sheets are added
	lx := newSheetLabels(res)
	used := map[string]bool{}
	first := true
	for _, t := range res.Tables {
		if t == nil {
			continue
		}
		name := sheetName(t.Name, used)
		if first {
			if err := f.SetSheetName("Sheet1", name); err != nil {
				return nil, fail(name, err)
			}
			first = false
		} else if _, err := f.NewSheet(name); err != nil {
			return nil, fail(name, err)
		}
		if err := writeSheet(f, name, len(used), t, st, lx, rows); err != nil {
			return nil, fail(name, err)
		}
		if !sheetRowsByExcelize {
			parkTables(f, parked)
		}
	}
	for k, v := range parked {
		f.Pkg.Store(k, v)
	}
	if first { // no tables: an empty workbook still opens
		if err := f.SetSheetName("Sheet1", "tables"); err != nil {
			return nil, fail("tables", err)
		}
	}
	var buf bytes.Buffer
	if err := f.Write(&buf); err != nil {
		return nil, fail("", err)
	}
	return buf.Bytes(), nil
}

type sheetStyles struct {
	header, text, integer, float, share, p, boolean int
}

func newSheetStyles(f *excelize.File) (sheetStyles, error) {
	var s sheetStyles
	var err error
	mk := func(st *excelize.Style) int {
		if err != nil {
			return 0
		}
		var id int
		id, err = f.NewStyle(st)
		return id
	}
	s.header = mk(&excelize.Style{Font: &excelize.Font{Bold: true}, Fill: excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{"E8EEF4"}}})
	s.text = mk(&excelize.Style{NumFmt: 49}) // "@": typed text stays text when edited
	s.integer = mk(&excelize.Style{NumFmt: 1})
	s.float = mk(&excelize.Style{NumFmt: 2})
	pct := "0.0%"
	s.share = mk(&excelize.Style{CustomNumFmt: &pct})
	pfmt := "[<0.001]0.00E+00;0.000"
	s.p = mk(&excelize.Style{CustomNumFmt: &pfmt})
	s.boolean = mk(&excelize.Style{})
	return s, err
}

func (s sheetStyles) forKind(k results.Kind) int {
	switch k {
	case results.Int:
		return s.integer
	case results.Float:
		return s.float
	case results.Share:
		return s.share
	case results.P:
		return s.p
	case results.Bool:
		return s.boolean
	}
	return s.text
}

// MaxSheetRows is the most data rows a sheet of tables.xlsx holds: below Excel's limit of
// 1,048,576 rows, with room for the header and a closing note. A longer table (millions of
// rejects) is cut there, with a note that points to its complete CSV.
var MaxSheetRows = 1_000_000

// writeSheet writes table t as the sheet name, the index-th of the workbook (from 1).
// Its data rows go into rows under the sheet's part name unless sheetRowsByExcelize is
// set or a text needs excelize's own treatment (rowsWritable); then SetRow writes them.
func writeSheet(f *excelize.File, name string, index int, t *results.Table, st sheetStyles, lx sheetLabels, rows map[string]sheetData) error {
	data := t.Rows
	cut := 0
	if len(data) > MaxSheetRows {
		data, cut = data[:MaxSheetRows], len(data)-MaxSheetRows
	}
	sw, err := f.NewStreamWriter(name)
	if err != nil {
		return err
	}
	ncol := len(t.Columns)
	if ncol == 0 {
		return sw.Flush()
	}
	heads := make([]string, ncol)
	for i, c := range t.Columns {
		heads[i] = lx.head(c.Name)
	}
	// Every cell as people read it (labels for ids), made once: the column widths need
	// it and so do the rows.
	vals := make([]any, len(data)*ncol)
	for r, row := range data {
		for i, c := range t.Columns {
			if i >= len(row) {
				continue
			}
			if s, ok := row[i].(string); ok && c.Kind == results.Text {
				vals[r*ncol+i] = lx.cell(t, row, c.Name, s)
			} else {
				vals[r*ncol+i] = row[i]
			}
		}
	}
	// Widths from the header and the longest value as a person reads it.
	var scratch []byte
	for i := range t.Columns {
		w := utf8.RuneCountInString(heads[i]) + 3 // room for the filter button
		for r := range data {
			var n int
			n, scratch = cellRunes(vals[r*ncol+i], scratch)
			w = max(w, n)
		}
		width := math.Min(math.Max(float64(w)+1, 8), 60)
		if err := sw.SetColWidth(i+1, i+1, width); err != nil {
			return err
		}
	}
	if err := sw.SetPanes(&excelize.Panes{Freeze: true, YSplit: 1, TopLeftCell: "A2", ActivePane: "bottomLeft"}); err != nil {
		return err
	}
	head := make([]any, ncol)
	for i := range t.Columns {
		head[i] = excelize.Cell{StyleID: st.header, Value: heads[i]}
	}
	if err := sw.SetRow("A1", head); err != nil {
		return err
	}
	var note string
	if cut > 0 {
		note = lx.res.Text(fmt.Sprintf("Nog %d regels staan hier niet (Excel bevat er ongeveer een miljoen): de hele tabel staat in tables/%s.csv", cut, t.Name),
			fmt.Sprintf("%d more rows are not shown here (Excel holds about a million): the complete table is tables/%s.csv", cut, t.Name))
	}
	if !sheetRowsByExcelize && rowsWritable(vals) && rowsWritable([]any{note}) {
		styles := make([]int, ncol)
		for i, c := range t.Columns {
			styles[i] = st.forKind(c.Kind)
		}
		n := len(data)
		rows[fmt.Sprintf("xl/worksheets/sheet%d.xml", index)] = sheetData{
			size: 40 * len(vals),
			write: func(w io.Writer) error {
				buf := bufio.NewWriterSize(w, 64<<10)
				sheetRows(buf, 2, vals, ncol, styles, st.text)
				if cut > 0 {
					sheetRows(buf, n+2, []any{note}, 1, []int{st.text}, st.text)
				}
				return buf.Flush()
			},
		}
	} else {
		cells := make([]any, ncol) // SetRow writes the row out and keeps nothing of it
		for r := range data {
			for i, c := range t.Columns {
				cells[i] = sheetCell(vals[r*ncol+i], st.forKind(c.Kind), st.text)
			}
			if err := sw.SetRow("A"+strconv.Itoa(r+2), cells); err != nil {
				return err
			}
		}
		if cut > 0 {
			if err := sw.SetRow("A"+strconv.Itoa(len(data)+2), []any{excelize.Cell{StyleID: st.text, Value: note}}); err != nil {
				return err
			}
		}
	}
	last, err := excelize.CoordinatesToCellName(ncol, len(data)+1)
	if err != nil {
		return err
	}
	// An Excel table gives the header row its filter buttons; it needs unique headers.
	if uniqueHeaders(heads) {
		noStripes := false
		if err := sw.AddTable(&excelize.Table{
			Range:          "A1:" + last,
			Name:           tableName(name, index),
			StyleName:      "TableStyleLight1",
			ShowRowStripes: &noStripes,
		}); err != nil {
			return err
		}
	}
	return sw.Flush()
}

// cellRunes is the length in characters of results.FormatCell(v), formatting numbers
// into scratch rather than a new string; it returns scratch for the next call.
func cellRunes(v any, scratch []byte) (int, []byte) {
	switch x := v.(type) {
	case string:
		return utf8.RuneCountInString(x), scratch
	case int:
		scratch = strconv.AppendInt(scratch[:0], int64(x), 10)
		return len(scratch), scratch
	case float64:
		if math.IsNaN(x) || math.IsInf(x, 0) {
			return 0, scratch
		}
		if x == 0 {
			return 1, scratch
		}
		scratch = strconv.AppendFloat(scratch[:0], x, 'g', -1, 64)
		return len(scratch), scratch
	}
	return utf8.RuneCountInString(results.FormatCell(v)), scratch
}

// parkTables moves every table part but the latest out of the workbook's package into
// parked, to be put back before the workbook is written. excelize's AddTable finds the
// next table's number by decoding every table part there is: with a table a sheet
// that is quadratic (on the example's 30 sheets 36 ms, 4% of the run). The latest part
// holds the highest number, so the next table still gets the one after it.
func parkTables(f *excelize.File, parked map[string]any) {
	latest, latestN := "", -1
	f.Pkg.Range(func(k, v any) bool {
		name := k.(string)
		num, ok := strings.CutPrefix(name, "xl/tables/table")
		num, ok2 := strings.CutSuffix(num, ".xml")
		n, err := strconv.Atoi(num)
		if !ok || !ok2 || err != nil {
			return true
		}
		if n > latestN {
			if latest != "" {
				parked[latest], _ = f.Pkg.Load(latest)
			}
			latest, latestN = name, n
		} else {
			parked[name] = v
		}
		return true
	})
	for k := range parked {
		if k != latest {
			f.Pkg.Delete(k)
		}
	}
}

// sheetRowsByExcelize makes writeSheet write every data row with excelize's SetRow, as
// it did before xlsx_rows.go, and tables be added without parkTables: the tests compare
// the two workbooks.
var sheetRowsByExcelize = false

// sheetCell turns a table cell into a stream cell: numbers as numbers, text as a string
// value (the stream writer never reads a string as a formula), empty for nil and
// non-finite floats.
func sheetCell(v any, style, textStyle int) excelize.Cell {
	switch x := v.(type) {
	case string:
		return excelize.Cell{StyleID: textStyle, Value: x}
	case int:
		return excelize.Cell{StyleID: style, Value: x}
	case float64:
		if math.IsNaN(x) || math.IsInf(x, 0) {
			return excelize.Cell{StyleID: style}
		}
		return excelize.Cell{StyleID: style, Value: x}
	case bool:
		return excelize.Cell{StyleID: style, Value: x}
	}
	return excelize.Cell{StyleID: style}
}

func uniqueHeaders(heads []string) bool {
	seen := map[string]bool{}
	for _, h := range heads {
		k := strings.ToLower(h)
		if h == "" || seen[k] {
			return false
		}
		seen[k] = true
	}
	return true
}

// tableName makes an Excel table name: letters, digits and underscores, starting with
// a letter, unique by its sheet's number.
func tableName(sheet string, index int) string {
	var b strings.Builder
	for _, r := range sheet {
		if r < 128 && (r == '_' || r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9') {
			b.WriteRune(r)
		} else {
			b.WriteByte('_')
		}
	}
	return fmt.Sprintf("T%d_%s", index, b.String())
}

// sheetName makes a valid, unique sheet name: at most 31 characters, none of : \ / ? * [ ].
func sheetName(name string, used map[string]bool) string {
	clean := strings.Map(func(r rune) rune {
		if strings.ContainsRune(`:\/?*[]`, r) {
			return '_'
		}
		return r
	}, strings.Trim(name, "'"))
	if clean == "" {
		clean = "table"
	}
	base := truncateRunes(clean, maxSheetName)
	cand := base
	for i := 2; used[strings.ToLower(cand)]; i++ {
		suffix := fmt.Sprintf("~%d", i)
		cand = truncateRunes(clean, maxSheetName-len(suffix)) + suffix
	}
	used[strings.ToLower(cand)] = true
	return cand
}

func truncateRunes(s string, n int) string {
	if utf8.RuneCountInString(s) <= n {
		return s
	}
	r := []rune(s)
	return string(r[:n])
}

// sortedZip collects the workbook's parts and writes them in name order, with
// "[Content_Types].xml" first and no modification times. The parts are compressed side
// by side on every processor, with klauspost/compress's deflate at level 5: on the
// national study's workbook (49 MB of sheet XML) that took 0.35 CPU seconds where
// archive/zip's own deflate took 0.78, for a file 9% larger (5.6 against 5.1 MB).
type sortedZip struct {
	w     io.Writer
	parts map[string]*bytes.Buffer
	rows  map[string]sheetData // data rows to put into a sheet's part (xlsx_rows.go)
}

// xlsxDeflateLevel is the compression level of the workbook's parts: klauspost/compress's
// fastest. Measured on the national study's two largest sheets (12.6 MB of their XML,
// instructions counted under cachegrind, 2026-12-02): level 5 (used before) 548 million
// instructions for 13.98% of the size, level 3 370 million for 14.71%, level 1 272
// million for 15.07%; on the national study with a CSV survey the workbook's
// compression was 0.67 of the 0.93 CPU seconds its sheets took to write.
const xlsxDeflateLevel = 1

func (z *sortedZip) Create(name string) (io.Writer, error) {
	b := &bytes.Buffer{}
	z.parts[name] = b
	return b, nil
}

func (z *sortedZip) AddFS(fs.FS) error {
	return errors.New("reports: adding a file system to a workbook is not supported")
}

func (z *sortedZip) Close() error {
	names := make([]string, 0, len(z.parts))
	for n := range z.parts {
		names = append(names, n)
	}
	sort.Slice(names, func(i, j int) bool {
		ci, cj := names[i] == "[Content_Types].xml", names[j] == "[Content_Types].xml"
		if ci != cj {
			return ci
		}
		return names[i] < names[j]
	})
	// Each part as it is, or a sheet's part in two pieces with its data rows written
	// between them, before its "</sheetData>".
	type part struct {
		head, tail []byte
		rows       func(io.Writer) error
		size       int
	}
	parts := make([]part, len(names))
	for i, n := range names {
		b := z.parts[n].Bytes()
		parts[i] = part{head: b, size: len(b)}
	}
	for n, rows := range z.rows {
		i := sort.SearchStrings(names[1:], n) + 1
		if i >= len(names) || names[i] != n {
			return model.Reasonf("%s: %w", "%s: %v", n, errors.New("reports: no such sheet in the workbook"))
		}
		head, tail, err := splitAtRows(parts[i].head)
		if err != nil {
			return model.Reasonf("%s: %w", "%s: %v", n, err)
		}
		parts[i] = part{head: head, tail: tail, rows: rows.write, size: len(head) + rows.size}
	}
	clear(z.parts) // parts holds them now; each is let go once compressed
	clear(z.rows)
	type packedPart struct {
		b   bytes.Buffer
		crc uint32
		n   int
		err error
	}
	packed := make([]packedPart, len(names))
	next := make(chan int)
	var wg sync.WaitGroup
	for range min(runtime.GOMAXPROCS(0), len(names)) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			var fw *flate.Writer // one compressor a goroutine, reset for each part
			for i := range next {
				pk := &packed[i]
				if fw == nil {
					var err error
					if fw, err = flate.NewWriter(&pk.b, xlsxDeflateLevel); err != nil {
						pk.err = err
						continue
					}
				} else {
					fw.Reset(&pk.b)
				}
				cw := &crcWriter{w: fw}
				_, err := cw.Write(parts[i].head)
				if err == nil && parts[i].rows != nil {
					err = parts[i].rows(cw)
				}
				if err == nil {
					_, err = cw.Write(parts[i].tail)
				}
				if err == nil {
					err = fw.Close()
				}
				pk.crc, pk.n, pk.err = cw.crc, cw.n, err
				parts[i] = part{}
			}
		}()
	}
	// The largest parts first, so that no processor is left with a big one at the end.
	order := make([]int, len(names))
	for i := range order {
		order[i] = i
	}
	sort.SliceStable(order, func(a, b int) bool { return parts[order[a]].size > parts[order[b]].size })
	for _, i := range order {
		next <- i
	}
	close(next)
	wg.Wait()
	zw := zip.NewWriter(z.w)
	for i, n := range names {
		pk := &packed[i]
		if pk.err != nil {
			return pk.err
		}
		fw, err := zw.CreateRaw(&zip.FileHeader{
			Name:               n,
			Method:             zip.Deflate,
			CreatorVersion:     20,
			ReaderVersion:      20,
			CRC32:              pk.crc,
			CompressedSize64:   uint64(pk.b.Len()),
			UncompressedSize64: uint64(pk.n),
		})
		if err != nil {
			return err
		}
		if _, err := fw.Write(pk.b.Bytes()); err != nil {
			return err
		}
	}
	return zw.Close()
}

// splitAtRows splits a sheet's part before its "</sheetData>", where its data rows go.
// The part must be one with the header row alone, as writeSheet left it.
func splitAtRows(part []byte) (head, tail []byte, err error) {
	end := []byte("</sheetData>")
	if bytes.Count(part, end) != 1 || !bytes.Contains(part, []byte(`<sheetData><row r="1">`)) || bytes.Contains(part, []byte(`<row r="2"`)) {
		return nil, nil, errors.New("reports: the sheet is not one with only its header row")
	}
	i := bytes.Index(part, end)
	return part[:i], part[i:], nil
}

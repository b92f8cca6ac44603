package ingest

import (
	"bytes"
	"math"
	"path/filepath"
	"strconv"
	"strings"

	"github.com/samenspel/samenspel/pipeline/model"
	"github.com/xuri/excelize/v2"
)

// ErrNotTable is wrapped by OpenRows when a file is neither a readable .xlsx workbook nor
// a delimited text file.
var ErrNotTable = model.NewKind("not a readable table", "geen leesbare tabel")

// Rows iterates over the rows of one sheet of an .xlsx workbook or of a .csv file.
//
//	rows, err := OpenRows(path, "")
//	if err != nil { ... }
//	defer rows.Close()
//	for rows.Next() {
//		cells := rows.Row() // rows.Line() is the row number as Excel shows it
//	}
//	if err := rows.Err(); err != nil { ... }
//
// A workbook is read by the fast sheet reader (package sheet, see table_xlsx.go), or
// where that does not read it through excelize's streaming iterator over the sheet's
// unpacked XML, which stays in memory (no temporary file); no parsed copy of all rows is
// built either way.
// A text file is decoded once and its records parsed as they are read. Cells are returned as the file holds them: numbers with full precision
// (not as the cell's number format rounds them), dates as ISO yyyy-mm-dd (with
// " hh:mm:ss" where the cell holds a time of day), text as typed. Rows are not padded:
// a row may be shorter than the header, and callers pad.
type Rows struct {
	path  string
	sheet string
	line  int
	row   []string
	err   error
	// hidden: the current row is hidden in Excel; hiddenRows counts the hidden rows with
	// a value, hiddenFirst holds the first of them (for the warning).
	hidden      bool
	hiddenRows  int
	hiddenFirst []int

	// .xlsx
	fast      *fastSheet // the fast reader, until it ends or hands over to excelize
	book      *excelize.File
	raw, view *excelize.Rows // the same sheet twice: raw values and formatted values
	date1904  bool
	// viewed counts the rows read with their formatted values; dateShown holds, per
	// column, a formatted date or time seen there, by which later rows' serial numbers
	// are written as dates without formatting every cell again.
	viewed    int
	dateShown map[int]string
	// booleans: the workbook has boolean cells (table_bool.go), so every row is read
	// formatted too, as past the sampled rows a boolean would read as 1 or 0.
	booleans bool
	// formulas: a worksheet of the workbook holds a formula (excelize path); uncomputed
	// are the current row's cells with a formula and no cached value, uncomputedAt those
	// of the rows handed out so far (table_uncomputed.go).
	formulas     bool
	uncomputed   []int
	uncomputedAt map[int][]int
	// damaged are the current row's damaged cells, damagedAt those of the rows handed
	// out so far, sheetDamaged the excelize path's of the whole sheet, valued whether a
	// row with a value was handed out (table_damaged_cells.go).
	damaged      []damagedCell
	damagedAt    map[int][]damagedCell
	sheetDamaged map[int][]damagedCell
	valued       bool
	// A workbook's rows are decoded ahead by a goroutine reading src (the fields above
	// belong to it), so that excelize's XML decoding runs beside the caller's work.
	src     *Rows
	ahead   chan []prefetched
	batch   []prefetched
	stop    chan struct{}
	stopped chan struct{}
	// aheadLeft is the current row's fastRowsLeft as src had it.
	aheadLeft int
	// merged are the sheet's merged ranges once its rows have ended; fill, when set,
	// puts a range's value into every row of it (merged_cells.go).
	merged []string
	fill   *mergedFill

	// .csv
	text *textTable
	pos  int // offset of the next record
	phys int // line of the next record
	buf  fieldBuf
	// chunk is the text the current rows' cells are cut from, and cells the room the
	// rows' slices are cut from (nextRecord); with reuse, every row is in reused.
	chunk  textChunk
	cells  []string
	reuse  bool
	reused []string

	// owned is the input the Rows read for itself (OpenRows), closed with them.
	owned *input
}

// OpenRows opens one sheet of an .xlsx workbook (sheet "" means the first sheet) or a
// .csv file (sheet is ignored). The format follows the file's content: a zip archive is
// read as a workbook, anything else as delimited text. The file is read once, read-only;
// a path that is not a regular file (a folder, device or pipe) is refused.
//
// A record of a text file whose quote does not close where the file's records do is
// left out (see ErrUnclosedQuote); Rejects lists those of the whole file.
func OpenRows(path string, sheet string) (*Rows, error) {
	in, err := readInput(path)
	if err != nil {
		return nil, err
	}
	r, err := in.rows(sheet)
	if err != nil {
		in.close()
		return nil, err
	}
	r.owned = in
	return r, nil
}

// openTable opens the rows of the input a Read function opened, or of path.
func openTable(path string, opt Options) (*Rows, error) {
	if opt.in != nil && opt.in.path == path {
		return opt.in.rows(opt.Sheet)
	}
	return OpenRows(path, opt.Sheet)
}

// rows opens the input as a table: a workbook's sheet, or delimited text.
func (in *input) rows(sheet string) (*Rows, error) {
	ext := strings.ToLower(filepath.Ext(in.path))
	switch {
	case isZip(in.data):
		return openWorkbook(in, sheet)
	case bytes.HasPrefix(in.data, []byte{0xD0, 0xCF, 0x11, 0xE0}):
		return nil, model.Reasonf("%s: an old binary Excel (.xls) or encrypted workbook; save it as .xlsx or .csv: %w", "%s: een oud binair Excel-bestand (.xls) of een versleutelde werkmap; sla het op als .xlsx of .csv: %v", in.path, ErrNotTable)
	case ext == ".xlsx" || ext == ".xlsm":
		return nil, model.Reasonf("%s: not an Excel workbook (no zip archive inside): %w", "%s: geen Excel-werkmap (er zit geen zip-archief in): %v", in.path, ErrNotTable)
	}
	if in.text == nil {
		t, err := newTextTable(in.data)
		if err != nil {
			return nil, model.Reasonf("%s: %w", "%s: %v", in.path, err)
		}
		in.text = t
	}
	return &Rows{path: in.path, text: in.text, phys: 1}, nil
}

// Rejects returns the records of a text file that were left out, for the whole file
// (none for a workbook).
func (r *Rows) Rejects() []model.Reject {
	t := r.text
	if r.src != nil {
		t = r.src.text
	}
	if t == nil {
		return nil
	}
	return t.rejects(r.path)
}

// maxUnzipSize is the unpacked size excelize may hold, as a second line of defence behind
// checkArchive. excelize unpacks a worksheet or shared strings table larger than its
// UnzipXMLSizeLimit to a file in the temporary folder; a run that is killed leaves that
// file behind. With the limit at the whole size, every part stays in memory and no
// temporary file is made, whatever happens to the run.
const maxUnzipSize = MaxArchiveSize

// workbookOptions are the excelize options of every workbook read.
var workbookOptions = excelize.Options{
	ShortDatePattern:  "yyyy-mm-dd",
	LongTimePattern:   "hh:mm:ss",
	UnzipSizeLimit:    maxUnzipSize,
	UnzipXMLSizeLimit: maxUnzipSize,
}

// workbook opens the input as an excelize workbook, once.
func (in *input) workbook() (*excelize.File, error) {
	if in.book != nil {
		return in.book, nil
	}
	if _, err := in.archive(); err != nil {
		return nil, err
	}
	book, err := excelize.OpenReader(bytes.NewReader(in.data), workbookOptions)
	if err != nil {
		return nil, model.Reasonf("%s: not a readable Excel workbook (%v): %w", "%s: geen leesbare Excel-werkmap (%v): %v", in.path, err, ErrNotTable)
	}
	in.book = book
	return book, nil
}

func openWorkbook(in *input, sheet string) (*Rows, error) {
	src, err := openFastWorkbook(in, sheet)
	if src == nil && err == nil {
		src, err = openExcelize(in, sheet)
	}
	if err != nil {
		return nil, err
	}
	front := &Rows{path: in.path, sheet: src.sheet, src: src,
		ahead: make(chan []prefetched, 4), stop: make(chan struct{}), stopped: make(chan struct{})}
	go front.prefetch()
	return front, nil
}

// openExcelize opens a sheet through excelize.
func openExcelize(in *input, sheet string) (*Rows, error) {
	path := in.path
	book, err := in.workbook()
	if err != nil {
		return nil, err
	}
	name, err := pickSheet(path, book.GetSheetList(), sheet)
	if err != nil {
		return nil, err
	}
	r := &Rows{path: path, sheet: name, book: book, booleans: hasBooleans(book), formulas: hasFormulas(book),
		sheetDamaged: excelizeDamaged(book, name)} // cells excelize would drop: table_excelize_damaged.go
	if props, err := book.GetWorkbookProps(); err == nil && props.Date1904 != nil {
		r.date1904 = *props.Date1904
	}
	if r.raw, err = book.Rows(name); err != nil {
		return nil, model.Reasonf("%s: sheet %q: %v: %w", "%s: blad %q: %v: %v", path, name, err, ErrNotTable)
	}
	if r.view, err = book.Rows(name); err != nil {
		r.raw.Close()
		return nil, model.Reasonf("%s: sheet %q: %v: %w", "%s: blad %q: %v: %v", path, name, err, ErrNotTable)
	}
	return r, nil
}

// pickSheet finds the sheet asked for ("" for the first) in a workbook's list,
// forgiving case and accents as headers do.
func pickSheet(path string, sheets []string, sheet string) (string, error) {
	if len(sheets) == 0 {
		return "", model.Reasonf("%s: the workbook has no sheets: %w", "%s: de werkmap heeft geen bladen: %v", path, ErrNotTable)
	}
	if sheet == "" {
		return sheets[0], nil
	}
	for _, s := range sheets {
		if s == sheet {
			return s, nil
		}
	}
	for _, s := range sheets {
		if foldName(s) == foldName(sheet) {
			return s, nil
		}
	}
	return "", model.Reasonf("%s: no sheet %q (sheets: %s): %w", "%s: geen blad %q (bladen: %s): %v", path, sheet, quoteList(sheets), ErrNotTable)
}

// prefetched is a row decoded ahead, or the end of the sheet (end, with err if any).
type prefetched struct {
	row    []string
	line   int
	hidden bool
	left   int // the rows the sheet's dimension says are left (fastRowsLeft)
	// uncomputed are the row's cells with a formula and no cached value
	uncomputed []int
	damaged    []damagedCell // table_damaged_cells.go
	end        bool
	err        error
	merged     []string // at the end: the sheet's merged ranges (merged_cells.go)
}

// prefetchBatch is how many rows travel together from the decoding goroutine.
const prefetchBatch = 256

// prefetchCells is how many cells a batch holds at most (prefetch).
const prefetchCells = 1 << 15

// prefetch decodes the sheet's rows from r.src and hands them over in batches until the
// sheet ends or Close stops it.
func (r *Rows) prefetch() {
	defer close(r.stopped)
	batch := make([]prefetched, 0, prefetchBatch)
	cells := 0 // the batch's cells, empty ones included
	for {
		more := r.src.nextWorkbookRow()
		if more {
			batch = append(batch, prefetched{row: r.src.row, line: r.src.line, hidden: r.src.hidden, left: r.src.fastRowsLeft(), uncomputed: r.src.uncomputed, damaged: r.src.damaged})
			cells += len(r.src.row)
		} else {
			batch = append(batch, prefetched{end: true, err: r.src.err, merged: r.src.mergedRefs()})
		}
		// A batch of wide rows (a cell in column XFD makes a row 16,384 cells, 256 kB)
		// goes as soon as it holds prefetchCells: 256 such rows in each of the channel's
		// batches held 330 MB and made the collector scan them again and again.
		if len(batch) == prefetchBatch || cells >= prefetchCells || !more {
			cells = 0
			select {
			case r.ahead <- batch:
			case <-r.stop:
				return
			}
			if !more {
				return
			}
			batch = make([]prefetched, 0, prefetchBatch)
		}
	}
}

// nextPrefetched takes the next decoded row.
func (r *Rows) nextPrefetched() bool {
	if len(r.batch) == 0 {
		batch, ok := <-r.ahead
		if !ok || len(batch) == 0 {
			return false
		}
		r.batch = batch
	}
	p := r.batch[0]
	r.batch = r.batch[1:]
	if p.end {
		r.err, r.row = p.err, nil
		r.ahead = nil
		r.merged = p.merged
		return false
	}
	r.row, r.line, r.hidden, r.aheadLeft = p.row, p.line, p.hidden, p.left
	r.noteUncomputed(p.line, p.uncomputed)
	if !r.noteDamaged(p.line, p.row, p.damaged) { // table_damaged_cells.go
		r.ahead = nil
		return false
	}
	if r.fill != nil {
		r.row = r.fill.apply(r.line, r.row) // merged_cells.go
	}
	if p.hidden && !emptyRow(p.row) {
		r.hiddenRows++
		if len(r.hiddenFirst) < maxHiddenShown {
			r.hiddenFirst = append(r.hiddenFirst, p.line)
		}
	}
	return true
}

func quoteList(list []string) string {
	q := make([]string, len(list))
	for i, s := range list {
		q[i] = strconv.Quote(s)
	}
	return strings.Join(q, ", ")
}

// Next advances to the next row; it returns false at the end or on an error (see Err).
func (r *Rows) Next() bool {
	if r.err != nil {
		return false
	}
	if r.src != nil {
		if r.ahead == nil {
			return false
		}
		return r.nextPrefetched()
	}
	if r.book != nil || r.fast != nil {
		return r.nextWorkbookRow()
	}
	if r.text != nil {
		return r.nextRecord()
	}
	return false
}

// Row returns the cells of the current row. The slice belongs to the caller.
func (r *Rows) Row() []string { return r.row }

// Line returns the current row's number as Excel shows it: 1-based, the header row
// included. In a .csv file each record counts as one row, also when a quoted cell holds
// line breaks, and so does an empty line (returned as an empty row) and a record left
// out for an unclosed quote.
func (r *Rows) Line() int { return r.line }

// Sheet returns the sheet name, or "" for a .csv file.
func (r *Rows) Sheet() string { return r.sheet }

// Delimited reports whether the rows are of delimited text (a .csv file), not a workbook.
func (r *Rows) Delimited() bool { return r.text != nil }

// LinesLeft is the number of line breaks after the current row of delimited text, a
// bound on the rows to come within the file's last line for preallocating; for a
// workbook the fast reader reads, the rows its dimension says are left (sheet.RowsHint:
// a national survey's respondents were grown row by row, some 130 MB allocated and
// copied for 100,000 rows); 0 for any other workbook.
func (r *Rows) LinesLeft() int {
	if r.src != nil {
		return r.aheadLeft
	}
	if r.fast != nil {
		return r.fastRowsLeft()
	}
	if r.text == nil || r.pos >= len(r.text.text) {
		return 0
	}
	return bytes.Count(r.text.text[r.pos:], []byte{'\n'})
}

// fastRowsLeft is the rows the fast reader's sheet says are left after the current one
// (sheet.RowsHint); 0 without the fast reader.
func (r *Rows) fastRowsLeft() int {
	if r.fast == nil {
		return 0
	}
	return max(0, r.fast.rows.RowsHint()-r.line)
}

// TextBytesLeft is the bytes of delimited text after the current row; 0 for a workbook.
func (r *Rows) TextBytesLeft() int {
	if r.src != nil || r.text == nil || r.pos >= len(r.text.text) {
		return 0
	}
	return len(r.text.text) - r.pos
}

// Path returns the file the rows come from.
func (r *Rows) Path() string { return r.path }

// Err returns the error that stopped Next, naming file, sheet and row.
func (r *Rows) Err() error { return r.err }

// Close releases the rows, and the file where OpenRows read it.
func (r *Rows) Close() error {
	var err error
	if r.src != nil {
		// Stop the decoding goroutine before its workbook closes under it.
		close(r.stop)
		<-r.stopped
		err = r.src.Close()
		r.src = nil
		r.ahead = nil
	}
	if r.fast != nil {
		r.fast.close()
		r.fast = nil
	}
	if r.raw != nil {
		r.raw.Close()
		r.raw = nil
	}
	if r.view != nil {
		r.view.Close()
		r.view = nil
	}
	r.book = nil // the input holds it
	r.text = nil
	if r.owned != nil {
		r.owned.close()
		r.owned = nil
	}
	return err
}

func (r *Rows) fail(err error) bool {
	r.err = model.Reasonf("%s: %s: %w", "%s: %s: %v", r.path, model.Place(r.sheet, r.line+1, ""), err)
	r.row = nil
	return false
}

// formatSampleRows is how many rows are read twice, raw and formatted, to learn which
// columns hold dates. Formatting every cell of a large sheet doubled the reading time;
// survey exports keep one format per column, so the first rows tell.
const formatSampleRows = 100

func (r *Rows) nextWorkbookRow() bool {
	if r.fast != nil {
		return r.nextFastRow()
	}
	more := r.raw.Next()
	if r.view != nil && r.view.Next() != more {
		return r.fail(model.Reasonf("worksheet could not be read consistently: %w", "het werkblad kon niet consistent worden gelezen: %v", ErrNotTable))
	}
	if !more {
		if err := r.raw.Error(); err != nil {
			return r.fail(model.Reasonf("%v: %w", "%v: %v", err, ErrNotTable))
		}
		return false
	}
	raw, err := r.raw.Columns(excelize.Options{RawCellValue: true})
	if err != nil {
		return r.fail(model.Reasonf("%v: %w", "%v: %v", err, ErrNotTable))
	}
	r.hidden = r.raw.GetRowOpts().Hidden
	r.line++
	r.uncomputed = r.excelizeUncomputed(raw) // table_uncomputed.go
	r.damaged = r.blankDamaged(raw)          // table_damaged_cells.go
	if r.view == nil {
		for i, shown := range r.dateShown {
			if i < len(raw) && raw[i] != "" {
				raw[i] = cellText(raw[i], shown, r.date1904)
			}
		}
		r.row = raw
		return true
	}
	view, err := r.view.Columns()
	if err != nil {
		return r.fail(model.Reasonf("%v: %w", "%v: %v", err, ErrNotTable))
	}
	for i := range raw {
		if i < len(view) && view[i] != raw[i] {
			if text := cellText(raw[i], view[i], r.date1904); text != raw[i] {
				// A boolean says nothing about its column's other cells (a date format
				// does); a workbook with booleans is read formatted to its end.
				if text != "TRUE" && text != "FALSE" {
					if r.dateShown == nil {
						r.dateShown = map[int]string{}
					}
					r.dateShown[i] = view[i]
				}
				raw[i] = text
			}
		}
	}
	if r.viewed++; r.viewed >= formatSampleRows && !r.booleans {
		r.view.Close()
		r.view = nil
	}
	r.blankDamaged(raw) // a formatted value of a damaged cell too
	r.row = raw
	return true
}

// textEncoding is how a delimited file is encoded.
type textEncoding int

const (
	encUTF8 textEncoding = iota
	encUTF16LE
	encUTF16BE
	encWindows1252
	encMacintosh
)

func (e textEncoding) String() string {
	return [...]string{"UTF-8", "UTF-16LE", "UTF-16BE", "Windows-1252", "Macintosh"}[e]
}

// sniffDelimiter counts ';', ',' and tab outside quotes on the first line and picks the
// most frequent; a tie goes to ';' (Dutch Excel), then ',', then tab. A file with none
// is one column wide.
func sniffDelimiter(head []byte) rune {
	counts := map[byte]int{}
	quoted := false
	for _, c := range head {
		if c == '"' {
			quoted = !quoted
			continue
		}
		if quoted {
			continue
		}
		if c == '\n' || c == '\r' {
			if counts[';']+counts[',']+counts['\t'] > 0 {
				break
			}
			continue
		}
		if c == ';' || c == ',' || c == '\t' {
			counts[c]++
		}
	}
	best, n := byte(','), 0
	for _, c := range []byte{';', ',', '\t'} {
		if counts[c] > n {
			best, n = c, counts[c]
		}
	}
	return rune(best)
}

// nextRecord reads the next record of a text file, past those left out.
//
// A record's cells are cut from a string of the text that holds it and the records
// after it, made once for textChunkSize bytes of records, and its slice from room for
// many rows' cells: a national survey's 100,000 rows were as many strings and slices,
// 80 MB allocated for nothing kept. A cell a reader keeps keeps its chunk alive as it
// kept its row before, so readers copy what they keep of a row (as they did).
func (r *Rows) nextRecord() bool {
	t := r.text
	for r.pos < len(t.text) {
		r.buf.reset(t.text)
		rec := t.scanRecord(r.pos, r.phys, t.multiline, &r.buf)
		start := r.pos
		r.pos, r.phys = rec.next, r.phys+rec.lines
		r.line++
		switch {
		case rec.broken != nil:
			continue // in t.broken: the Read functions count it as a reject
		case rec.blank:
			r.row = nil
		default:
			if start < r.chunk.at || rec.next > r.chunk.at+len(r.chunk.s) {
				r.chunk = textChunk{s: string(t.text[start:min(len(t.text), max(start+textChunkSize, rec.next))]), at: start}
			}
			n := len(r.buf.fields)
			var row []string
			switch {
			case r.reuse:
				if cap(r.reused) < n {
					r.reused = make([]string, n)
				}
				row = r.reused[:n]
			default:
				if cap(r.cells)-len(r.cells) < n {
					r.cells = make([]string, 0, max(rowCellsRoom, n))
				}
				row = r.cells[len(r.cells) : len(r.cells)+n : len(r.cells)+n]
				r.cells = r.cells[:len(r.cells)+n]
			}
			r.row = r.buf.strings(&r.chunk, row)
		}
		return true
	}
	r.row = nil
	return false
}

// reuseRow makes the rows of a text file that Next reads from now on share one slice,
// which the next call to Next overwrites: for a reader that keeps no row's slice (it
// copies the cells it keeps), and so saves the room for every row's (43 MB of a
// national survey's 100,000 rows). Rows of a workbook are not affected. It returns the
// function that ends the sharing.
func (r *Rows) reuseRow() (end func()) {
	if r.text == nil {
		return func() {}
	}
	r.reuse = true
	return func() { r.reuse = false }
}

// textChunkSize is how many bytes of a text file's records one string holds at least
// (nextRecord); rowCellsRoom is how many cells one allocation makes room for.
const (
	textChunkSize = 64 << 10
	rowCellsRoom  = 4096
)

// ParseNumber reads a number as researchers' files write it: "3", "3.5", "3,5",
// "-2", "1.234,5" and "1,234.5" (thousands separators with the other mark as decimal),
// "1.234.567" and "1 234" (groups of three). A lone separator is a decimal mark: in a
// Dutch export "1,234" means 1.234, and survey values are rarely in the thousands.
// ok is false for anything else, including NaN and infinities.
func ParseNumber(s string) (float64, bool) {
	s = strings.TrimSpace(s)
	s = strings.ReplaceAll(s, "\u00a0", " ")
	if s == "" || len(s) > 64 {
		return 0, false
	}
	sign := ""
	switch s[0] {
	case '-', '+':
		sign, s = s[:1], strings.TrimSpace(s[1:])
	}
	if s == "" {
		return 0, false
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		if !(c >= '0' && c <= '9') && c != '.' && c != ',' && c != ' ' {
			return 0, false
		}
	}
	if strings.Contains(s, " ") {
		// Spaces only as thousands separators: "1 234" or "1 234,5".
		if !groupsOfThree(strings.Split(strings.FieldsFunc(s, func(r rune) bool { return r == ',' || r == '.' })[0], " ")) {
			return 0, false
		}
		s = strings.ReplaceAll(s, " ", "")
	}
	dots, commas := strings.Count(s, "."), strings.Count(s, ",")
	var intPart, frac string
	switch {
	case dots == 0 && commas == 0:
		intPart = s
	case dots > 0 && commas > 0:
		dec := byte('.')
		if strings.LastIndexByte(s, ',') > strings.LastIndexByte(s, '.') {
			dec = ',' // 1.234,5
		}
		i := strings.LastIndexByte(s, dec)
		intPart, frac = s[:i], s[i+1:]
		if strings.IndexByte(intPart, dec) >= 0 {
			return 0, false
		}
		thousands := "," // 1,234.5
		if dec == ',' {
			thousands = "."
		}
		if !groupsOfThree(strings.Split(intPart, thousands)) {
			return 0, false
		}
		intPart = strings.ReplaceAll(intPart, thousands, "")
	default:
		sep := "."
		if commas > 0 {
			sep = ","
		}
		parts := strings.Split(s, sep)
		if len(parts) == 2 {
			intPart, frac = parts[0], parts[1]
		} else {
			if !groupsOfThree(parts) {
				return 0, false
			}
			intPart = strings.Join(parts, "")
		}
	}
	if intPart == "" && frac == "" {
		return 0, false
	}
	if intPart == "" {
		intPart = "0"
	}
	text := sign + intPart
	if frac != "" {
		text += "." + frac
	}
	v, err := strconv.ParseFloat(text, 64)
	if err != nil || math.IsInf(v, 0) || math.IsNaN(v) {
		return 0, false
	}
	return v, true
}

// groupsOfThree reports whether parts read as thousands groups: a first group of one to
// three digits, then groups of exactly three.
func groupsOfThree(parts []string) bool {
	if len(parts) == 0 || len(parts[0]) == 0 || len(parts[0]) > 3 {
		return false
	}
	for _, p := range parts[1:] {
		if len(p) != 3 {
			return false
		}
	}
	return true
}

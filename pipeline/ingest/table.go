package ingest

import (
	"bufio"
	"bytes"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"math"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/xuri/excelize/v2"
	"golang.org/x/text/encoding/charmap"
	"golang.org/x/text/encoding/unicode"
	"golang.org/x/text/transform"
)

// ErrNotTable is wrapped by OpenRows when a file is neither a readable .xlsx workbook nor
// a delimited text file.
var ErrNotTable = errors.New("not a readable table")

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
// A workbook is read through excelize's streaming iterator, so memory stays flat in the
// number of rows. Cells are returned as the file holds them: numbers with full precision
// (not as the cell's number format rounds them), dates as ISO yyyy-mm-dd (with
// " hh:mm:ss" where the cell holds a time of day), text as typed. Rows are not padded:
// a row may be shorter than the header, and callers pad.
type Rows struct {
	path  string
	sheet string
	line  int
	row   []string
	err   error

	// .xlsx
	book      *excelize.File
	raw, view *excelize.Rows // the same sheet twice: raw values and formatted values
	date1904  bool
	// viewed counts the rows read with their formatted values; dateShown holds, per
	// column, a formatted date or time seen there, by which later rows' serial numbers
	// are written as dates without formatting every cell again.
	viewed    int
	dateShown map[int]string
	// A workbook's rows are decoded ahead by a goroutine reading src (the fields above
	// belong to it), so that excelize's XML decoding runs beside the caller's work.
	src     *Rows
	ahead   chan []prefetched
	batch   []prefetched
	stop    chan struct{}
	stopped chan struct{}

	// .csv
	file    *os.File
	csv     *csv.Reader
	enc     textEncoding
	comma   rune
	lazy    bool
	records int // records returned so far
}

// OpenRows opens one sheet of an .xlsx workbook (sheet "" means the first sheet) or a
// .csv file (sheet is ignored). The format follows the file's content: a zip archive is
// read as a workbook, anything else as delimited text.
func OpenRows(path string, sheet string) (*Rows, error) {
	head, err := readHead(path, 8)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	ext := strings.ToLower(filepath.Ext(path))
	switch {
	case bytes.HasPrefix(head, []byte("PK\x03\x04")):
		return openWorkbook(path, sheet)
	case bytes.HasPrefix(head, []byte{0xD0, 0xCF, 0x11, 0xE0}):
		return nil, fmt.Errorf("%s: an old binary Excel (.xls) or encrypted workbook; save it as .xlsx or .csv: %w", path, ErrNotTable)
	case ext == ".xlsx" || ext == ".xlsm":
		return nil, fmt.Errorf("%s: not an Excel workbook (no zip archive inside): %w", path, ErrNotTable)
	}
	return openCSV(path)
}

func readHead(path string, n int) ([]byte, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	buf := make([]byte, n)
	k, err := io.ReadFull(f, buf)
	if err != nil && err != io.ErrUnexpectedEOF && err != io.EOF {
		return nil, err
	}
	return buf[:k], nil
}

// Workbook size limits handed to excelize as a second line of defence behind CheckArchive.
const (
	maxUnzipSize    = 4 << 30 // 4 GiB uncompressed in all
	maxUnzipXMLSize = 64 << 20
)

func openWorkbook(path, sheet string) (*Rows, error) {
	if err := CheckArchive(path); err != nil {
		return nil, err
	}
	book, err := excelize.OpenFile(path, excelize.Options{
		ShortDatePattern:  "yyyy-mm-dd",
		LongTimePattern:   "hh:mm:ss",
		UnzipSizeLimit:    maxUnzipSize,
		UnzipXMLSizeLimit: maxUnzipXMLSize,
	})
	if err != nil {
		return nil, fmt.Errorf("%s: not a readable Excel workbook (%v): %w", path, err, ErrNotTable)
	}
	sheets := book.GetSheetList()
	if len(sheets) == 0 {
		book.Close()
		return nil, fmt.Errorf("%s: the workbook has no sheets: %w", path, ErrNotTable)
	}
	name := sheets[0]
	if sheet != "" {
		name = ""
		for _, s := range sheets {
			if s == sheet {
				name = s
				break
			}
		}
		if name == "" {
			for _, s := range sheets { // forgive case and accents, as headers do
				if foldName(s) == foldName(sheet) {
					name = s
					break
				}
			}
		}
		if name == "" {
			book.Close()
			return nil, fmt.Errorf("%s: no sheet %q (sheets: %s): %w", path, sheet, quoteList(sheets), ErrNotTable)
		}
	}
	r := &Rows{path: path, sheet: name, book: book}
	if props, err := book.GetWorkbookProps(); err == nil && props.Date1904 != nil {
		r.date1904 = *props.Date1904
	}
	if r.raw, err = book.Rows(name); err != nil {
		book.Close()
		return nil, fmt.Errorf("%s: sheet %q: %v: %w", path, name, err, ErrNotTable)
	}
	if r.view, err = book.Rows(name); err != nil {
		r.raw.Close()
		book.Close()
		return nil, fmt.Errorf("%s: sheet %q: %v: %w", path, name, err, ErrNotTable)
	}
	front := &Rows{path: path, sheet: name, src: r,
		ahead: make(chan []prefetched, 4), stop: make(chan struct{}), stopped: make(chan struct{})}
	go front.prefetch()
	return front, nil
}

// prefetched is a row decoded ahead, or the end of the sheet (end, with err if any).
type prefetched struct {
	row  []string
	line int
	end  bool
	err  error
}

// prefetchBatch is how many rows travel together from the decoding goroutine.
const prefetchBatch = 256

// prefetch decodes the sheet's rows from r.src and hands them over in batches until the
// sheet ends or Close stops it.
func (r *Rows) prefetch() {
	defer close(r.stopped)
	batch := make([]prefetched, 0, prefetchBatch)
	for {
		more := r.src.nextWorkbookRow()
		if more {
			batch = append(batch, prefetched{row: r.src.row, line: r.src.line})
		} else {
			batch = append(batch, prefetched{end: true, err: r.src.err})
		}
		if len(batch) == prefetchBatch || !more {
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
		return false
	}
	r.row, r.line = p.row, p.line
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
	if r.book != nil {
		return r.nextWorkbookRow()
	}
	if r.csv != nil {
		return r.nextRecord()
	}
	return false
}

// Row returns the cells of the current row. The slice belongs to the caller.
func (r *Rows) Row() []string { return r.row }

// Line returns the current row's number as Excel shows it: 1-based, the header row
// included. In a .csv file each record counts as one row, also when a quoted cell holds
// line breaks.
func (r *Rows) Line() int { return r.line }

// Sheet returns the sheet name, or "" for a .csv file.
func (r *Rows) Sheet() string { return r.sheet }

// Path returns the file the rows come from.
func (r *Rows) Path() string { return r.path }

// Err returns the error that stopped Next, naming file, sheet and row.
func (r *Rows) Err() error { return r.err }

// Close releases the file.
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
	if r.raw != nil {
		r.raw.Close()
		r.raw = nil
	}
	if r.view != nil {
		r.view.Close()
		r.view = nil
	}
	if r.book != nil {
		err = r.book.Close()
		r.book = nil
	}
	if r.file != nil {
		err = r.file.Close()
		r.file = nil
	}
	r.csv = nil
	return err
}

func (r *Rows) fail(err error) bool {
	loc := r.path
	if r.sheet != "" {
		loc += fmt.Sprintf(": sheet %q", r.sheet)
	}
	r.err = fmt.Errorf("%s, row %d: %w", loc, r.line+1, err)
	r.row = nil
	return false
}

// formatSampleRows is how many rows are read twice, raw and formatted, to learn which
// columns hold dates. Formatting every cell of a large sheet doubled the reading time;
// survey exports keep one format per column, so the first rows tell.
const formatSampleRows = 100

func (r *Rows) nextWorkbookRow() bool {
	more := r.raw.Next()
	if r.view != nil && r.view.Next() != more {
		return r.fail(fmt.Errorf("worksheet could not be read consistently: %w", ErrNotTable))
	}
	if !more {
		if err := r.raw.Error(); err != nil {
			return r.fail(fmt.Errorf("%v: %w", err, ErrNotTable))
		}
		return false
	}
	raw, err := r.raw.Columns(excelize.Options{RawCellValue: true})
	if err != nil {
		return r.fail(fmt.Errorf("%v: %w", err, ErrNotTable))
	}
	r.line++
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
		return r.fail(fmt.Errorf("%v: %w", err, ErrNotTable))
	}
	for i := range raw {
		if i < len(view) && view[i] != raw[i] {
			if text := cellText(raw[i], view[i], r.date1904); text != raw[i] {
				if r.dateShown == nil {
					r.dateShown = map[int]string{}
				}
				r.dateShown[i] = view[i]
				raw[i] = text
			}
		}
	}
	if r.viewed++; r.viewed >= formatSampleRows {
		r.view.Close()
		r.view = nil
	}
	r.row = raw
	return true
}

var (
	dateView  = regexp.MustCompile(`^\d{1,4}[-/.]\d{1,2}[-/.]\d{1,4}([ T]\d{1,2}:\d{2}(:\d{2}(\.\d+)?)?( ?[AaPp][Mm])?)?$`)
	timeView  = regexp.MustCompile(`^\d{1,2}:\d{2}(:\d{2}(\.\d+)?)?( ?[AaPp][Mm])?$`)
	monthView = regexp.MustCompile(`(?i)\b(jan|feb|mar|mrt|apr|may|mei|jun|jul|aug|sep|oct|okt|nov|dec)[a-z]*\b.*\d|\d.*\b(jan|feb|mar|mrt|apr|may|mei|jun|jul|aug|sep|oct|okt|nov|dec)`)
)

// cellText chooses what a cell says: its raw value, except for a date or time, which the
// raw value holds as a serial day number and the formatted value shows as a date; that
// becomes ISO 8601 so that it reads the same whatever the author's locale.
func cellText(raw, view string, date1904 bool) string {
	serial, err := strconv.ParseFloat(raw, 64)
	if err != nil || math.IsNaN(serial) || math.IsInf(serial, 0) || serial < 0 || serial > 2958466 {
		return raw
	}
	isTime := timeView.MatchString(view)
	if !isTime && !dateView.MatchString(view) && !monthView.MatchString(view) {
		return raw
	}
	if isTime && serial < 1 {
		secs := int(math.Round(serial * 86400))
		return fmt.Sprintf("%02d:%02d:%02d", secs/3600%24, secs/60%60, secs%60)
	}
	t, err := excelize.ExcelDateToTime(serial, date1904)
	if err != nil {
		return raw
	}
	t = t.Round(1e9)
	if t.Hour() == 0 && t.Minute() == 0 && t.Second() == 0 {
		return t.Format("2006-01-02")
	}
	return t.Format("2006-01-02 15:04:05")
}

// textEncoding is how a delimited file is encoded.
type textEncoding int

const (
	encUTF8 textEncoding = iota
	encUTF16LE
	encUTF16BE
	encWindows1252
)

func (e textEncoding) String() string {
	return [...]string{"UTF-8", "UTF-16LE", "UTF-16BE", "Windows-1252"}[e]
}

// openCSV opens a delimited text file: it finds the encoding (a byte-order mark, valid
// UTF-8, or else Windows-1252 as Excel on Windows writes it) and the delimiter (the most
// frequent of ';', ',' and tab outside quotes in the header), and strips the byte-order
// mark, which encoding/csv would otherwise take for part of the first cell.
func openCSV(path string) (*Rows, error) {
	enc, err := sniffEncoding(path)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	r := &Rows{path: path, enc: enc}
	head, err := r.decodedHead(64 << 10)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	if bytes.IndexByte(head, 0) >= 0 {
		return nil, fmt.Errorf("%s: binary content, not a text table: %w", path, ErrNotTable)
	}
	r.comma = sniffDelimiter(head)
	if err := r.reopen(); err != nil {
		return nil, err
	}
	return r, nil
}

// sniffEncoding reads the whole file once: a file that is valid UTF-8 throughout is
// UTF-8; one byte that is not makes it Windows-1252.
func sniffEncoding(path string) (textEncoding, error) {
	f, err := os.Open(path)
	if err != nil {
		return 0, err
	}
	defer f.Close()
	br := bufio.NewReaderSize(f, 64<<10)
	bom, _ := br.Peek(3)
	switch {
	case bytes.HasPrefix(bom, []byte{0xEF, 0xBB, 0xBF}):
		return encUTF8, nil
	case bytes.HasPrefix(bom, []byte{0xFF, 0xFE}):
		return encUTF16LE, nil
	case bytes.HasPrefix(bom, []byte{0xFE, 0xFF}):
		return encUTF16BE, nil
	}
	buf := make([]byte, 64<<10)
	var carry []byte
	for {
		n, err := br.Read(buf[len(carry):])
		chunk := buf[:len(carry)+n]
		// Hold back an incomplete rune at the end of the chunk for the next read.
		keep := 0
		if err == nil {
			for k := 1; k <= utf8.UTFMax-1 && k <= len(chunk); k++ {
				if utf8.RuneStart(chunk[len(chunk)-k]) {
					if !utf8.FullRune(chunk[len(chunk)-k:]) {
						keep = k
					}
					break
				}
			}
		}
		if !utf8.Valid(chunk[:len(chunk)-keep]) {
			return encWindows1252, nil
		}
		carry = append(carry[:0], chunk[len(chunk)-keep:]...)
		copy(buf, carry)
		if err == io.EOF {
			if len(carry) > 0 {
				return encWindows1252, nil
			}
			return encUTF8, nil
		}
		if err != nil {
			return 0, err
		}
	}
}

// decoder wraps the file so that it reads as UTF-8 without a byte-order mark.
func (r *Rows) decoder(f io.Reader) io.Reader {
	switch r.enc {
	case encUTF16LE:
		return transform.NewReader(f, unicode.UTF16(unicode.LittleEndian, unicode.ExpectBOM).NewDecoder())
	case encUTF16BE:
		return transform.NewReader(f, unicode.UTF16(unicode.BigEndian, unicode.ExpectBOM).NewDecoder())
	case encWindows1252:
		return transform.NewReader(f, charmap.Windows1252.NewDecoder())
	}
	return transform.NewReader(f, unicode.BOMOverride(transform.Nop))
}

func (r *Rows) decodedHead(n int64) ([]byte, error) {
	f, err := os.Open(r.path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	return io.ReadAll(io.LimitReader(r.decoder(f), n))
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

// reopen starts reading from the top, skipping the records already returned; it is how
// a file with a stray quote is read again with LazyQuotes from the record that needed it.
func (r *Rows) reopen() error {
	if r.file != nil {
		r.file.Close()
	}
	f, err := os.Open(r.path)
	if err != nil {
		return fmt.Errorf("%s: %w", r.path, err)
	}
	r.file = f
	c := csv.NewReader(bufio.NewReaderSize(r.decoder(f), 64<<10))
	c.Comma = r.comma
	c.FieldsPerRecord = -1
	c.LazyQuotes = r.lazy
	r.csv = c
	for i := 0; i < r.records; i++ {
		if _, err := c.Read(); err != nil {
			return fmt.Errorf("%s: file changed while reading: %w", r.path, err)
		}
	}
	return nil
}

func (r *Rows) nextRecord() bool {
	rec, err := r.csv.Read()
	if err == io.EOF {
		return false
	}
	if err != nil {
		var pe *csv.ParseError
		if !r.lazy && errors.As(err, &pe) && (errors.Is(pe.Err, csv.ErrQuote) || errors.Is(pe.Err, csv.ErrBareQuote)) {
			r.lazy = true
			if err := r.reopen(); err != nil {
				r.err = err
				return false
			}
			return r.nextRecord()
		}
		return r.fail(err)
	}
	r.records++
	r.line++
	r.row = rec
	return true
}

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

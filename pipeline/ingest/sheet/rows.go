package sheet

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"strconv"
)

// maxRows and maxColumns are Excel's (and excelize's) limits.
const (
	maxRows    = 1048576
	maxColumns = 16384
)

// Rows iterates over the rows of one worksheet:
//
//	rows, err := book.Rows("Sheet1")
//	for rows.Next() {
//		cells := rows.Row() // rows.Line() is the row number as Excel shows it
//	}
//	if err := rows.Err(); err != nil { ... }
//
// Every row number from 1 to the last row in the sheet comes once; a row the sheet
// leaves out comes as nil. A row holds its cells up to the last one with a value or a
// formula; cells before it without a value are "".
type Rows struct {
	book   *Workbook
	name   string
	rc     io.ReadCloser
	s      *scanner
	line   int // the row returned last
	next   int // the number of the row read ahead, 0 if none
	ahead  []string
	row    []string
	err    error
	done   bool
	width  int
	text   []byte
	intern *[internSlots]string
}

// Rows opens the worksheet called name.
func (w *Workbook) Rows(name string) (*Rows, error) {
	for i, n := range w.sheets {
		if n != name {
			continue
		}
		if w.targets[i] == "" {
			return nil, fmt.Errorf("%s: sheet %q is not a worksheet in the archive: %w", w.path, name, ErrUnsupported)
		}
		rc, err := w.open(w.targets[i])
		if err != nil {
			return nil, err
		}
		return &Rows{book: w, name: name, rc: rc, s: newScanner(rc, w.limits.MaxXMLDepth), intern: new([internSlots]string)}, nil
	}
	return nil, fmt.Errorf("%s: no sheet %q: %w", w.path, name, ErrUnsupported)
}

// Next advances to the next row; it returns false at the end of the sheet or on an
// error (see Err).
func (r *Rows) Next() bool {
	if r.err != nil {
		return false
	}
	if r.next == 0 && !r.done {
		r.readRow()
		if r.err != nil {
			return false
		}
	}
	if r.next == 0 {
		return false
	}
	r.line++
	if r.line < r.next {
		r.row = nil
		return true
	}
	r.row, r.ahead, r.next = r.ahead, nil, 0
	return true
}

// Row returns the cells of the current row. The slice belongs to the caller.
func (r *Rows) Row() []string { return r.row }

// Line returns the current row's number as Excel shows it.
func (r *Rows) Line() int { return r.line }

// Err returns the error that stopped Next; it wraps ErrUnsupported unless a limit was
// broken.
func (r *Rows) Err() error { return r.err }

// Close releases the sheet.
func (r *Rows) Close() error {
	if r.rc != nil {
		r.rc.Close()
		r.rc = nil
	}
	return nil
}

func (r *Rows) fail(err error) {
	if r.err != nil {
		return
	}
	loc := fmt.Sprintf("%s: sheet %q, row %d", r.book.path, r.name, r.line+1)
	if errors.Is(err, ErrTooLarge) || errors.Is(err, ErrTooDeep) || errors.Is(err, ErrUnsupported) {
		r.err = fmt.Errorf("%s: %w", loc, err)
	} else {
		r.err = fmt.Errorf("%s: %v: %w", loc, err, ErrUnsupported)
	}
	r.done = true
}

// readRow reads up to and through the next <row> into ahead and next, or sets done at
// the end of the sheet data.
func (r *Rows) readRow() {
	s := r.s
	for {
		switch s.next() {
		case tokEOF:
			if err := s.failed(); err != nil {
				r.fail(err)
			}
			r.done = true
			return
		case tokEnd:
			if string(s.name) == "sheetData" {
				r.done = true
				return
			}
		case tokStart:
			if string(s.name) != "row" {
				continue
			}
			num := r.line + 1
			if r.next != 0 {
				num = r.next + 1
			}
			if v := attr(s.attrs, "r"); v != nil {
				n, err := strconv.Atoi(string(v))
				if err != nil || n <= r.line {
					r.fail(fmt.Errorf("row number %q out of order", v))
					return
				}
				num = n
			}
			if num > maxRows {
				r.fail(fmt.Errorf("row %d beyond the %d rows a sheet holds", num, maxRows))
				return
			}
			r.next = num
			r.ahead = nil
			if !s.selfClose {
				r.readCells()
			}
			return
		}
	}
}

// readCells reads the cells of the row whose start tag was just read.
func (r *Rows) readCells() {
	s := r.s
	depth := s.depth
	col := 0
	var cells []string
	for {
		switch s.next() {
		case tokEOF:
			if err := s.failed(); err != nil {
				r.fail(err)
			} else {
				r.fail(errors.New("XML ends inside a row"))
			}
			return
		case tokEnd:
			if s.depth < depth {
				if len(cells) > r.width {
					r.width = len(cells)
				}
				r.ahead = cells
				return
			}
		case tokStart:
			if string(s.name) != "c" || s.depth != depth+1 && !(s.selfClose && s.depth == depth) {
				s.skip()
				continue
			}
			ref, typ, style := cellAttrs(s.attrs)
			if ref != nil {
				c, ok := columnOf(ref)
				if !ok {
					r.fail(fmt.Errorf("cell reference %q", ref))
					return
				}
				col = c
			} else {
				col++
			}
			val, formula, ok := r.readCell(typ, style)
			if !ok {
				return
			}
			if val != "" || formula {
				if cells == nil {
					cells = make([]string, 0, max(r.width, col))
				}
				for len(cells) < col-1 {
					cells = append(cells, "")
				}
				cells = append(cells, val)
			}
		}
	}
}

// readCell reads the cell whose start tag was just read: its value as excelize gives it
// with RawCellValue (a date as ISO 8601), and whether it holds a formula.
func (r *Rows) readCell(t, styleAttr []byte) (string, bool, bool) {
	s := r.s
	typ := cellType(t)
	style := 0
	if styleAttr != nil {
		n, err := strconv.Atoi(string(styleAttr))
		if err != nil {
			r.fail(fmt.Errorf("cell style %q", styleAttr))
			return "", false, false
		}
		style = n
	}
	if s.selfClose {
		return "", false, true
	}
	if val, ok := r.shortCell(typ, style); ok {
		return val, false, true
	}
	depth := s.depth
	var v, inline string
	var hasV, hasIS, formula bool
	for {
		switch s.next() {
		case tokEOF:
			if err := s.failed(); err != nil {
				r.fail(err)
			} else {
				r.fail(errors.New("XML ends inside a cell"))
			}
			return "", false, false
		case tokEnd:
			if s.depth >= depth {
				continue
			}
			val, err := r.value(typ, style, v, hasV, inline, hasIS)
			if err != nil {
				r.fail(err)
				return "", false, false
			}
			return val, formula, true
		case tokStart:
			if s.depth != depth+1 && !(s.selfClose && s.depth == depth) {
				s.skip()
				continue
			}
			switch string(s.name) {
			case "v":
				text, ok := r.elementText()
				if !ok {
					return "", false, false
				}
				v, hasV = text, true
			case "f":
				formula = true
				s.skip()
			case "is":
				var err error
				if r.text, err = readRichText(s, r.text[:0]); err != nil {
					r.fail(err)
					return "", false, false
				}
				if bytes.Contains(r.text, []byte("_x")) {
					inline = unescapeBSTR(string(r.text))
				} else {
					inline = r.str(r.text)
				}
				hasIS = true
			default:
				s.skip()
			}
		}
	}
}

// shortCell reads the two shapes most cells take, <v>text</v></c> and
// <is><t>text</t></is></c>, straight from the buffer when the whole cell is there and
// its text needs no decoding; ok is false for anything else, with nothing read.
func (r *Rows) shortCell(typ cellKind, style int) (string, bool) {
	s := r.s
	b := s.buf[s.pos:s.end]
	var open, close string
	switch {
	case typ == cellInline && len(b) > 7 && string(b[:7]) == "<is><t>":
		open, close = "<is><t>", "</t></is></c>"
	case typ != cellInline && len(b) > 3 && string(b[:3]) == "<v>":
		open, close = "<v>", "</v></c>"
	default:
		return "", false
	}
	i := len(open)
	for i < len(b) && i < 64 && b[i] != '<' {
		i++
	}
	if i+len(close) > len(b) || string(b[i:i+len(close)]) != close || !plain(b[len(open):i]) {
		return "", false
	}
	text := b[len(open):i]
	if typ == cellInline && bytes.Contains(text, []byte("_x")) {
		return "", false
	}
	val, err := r.value(typ, style, r.str(text), true, r.str(text), true)
	if err != nil {
		return "", false // the general path reports it
	}
	s.pos += i + len(close)
	s.depth--
	s.kind, s.name = tokEnd, s.buf[s.pos-2:s.pos-1]
	return val, true
}

// elementText reads the text of a <v>; a short value is interned, since survey answers
// repeat a handful of values millions of times.
func (r *Rows) elementText() (string, bool) {
	s := r.s
	if s.selfClose {
		return "", true
	}
	depth := s.depth
	s.next()
	// The usual case, <v>text</v>, read without copying: the end tag is checked in the
	// buffer, since reading another token may move the bytes the text points to.
	if s.kind == tokText && plain(s.text) {
		if s.end-s.pos >= 4 && string(s.buf[s.pos:s.pos+4]) == "</v>" {
			s.pos += 4
			s.depth--
			s.kind, s.name = tokEnd, s.buf[s.pos-2:s.pos-1]
			return r.str(s.text), true
		}
		r.text = append(r.text[:0], s.text...)
		s.next()
	} else {
		r.text = r.text[:0]
	}
	for {
		var err error
		switch s.kind {
		case tokEOF:
			if err := s.failed(); err != nil {
				r.fail(err)
			} else {
				r.fail(errors.New("XML ends inside a value"))
			}
			return "", false
		case tokEnd:
			if s.depth < depth {
				return string(r.text), true
			}
		case tokStart:
			s.skip()
		case tokText:
			r.text, err = appendText(r.text, s.text)
		case tokCDATA:
			r.text, err = appendCDATA(r.text, s.text)
		}
		if err != nil {
			r.fail(err)
			return "", false
		}
		s.next()
	}
}

// str returns b as a string, from a direct-mapped cache of short strings.
func (r *Rows) str(b []byte) string {
	if len(b) == 1 {
		return oneByte[b[0]]
	}
	if len(b) > 16 {
		return string(b)
	}
	h := uint32(2166136261)
	for _, c := range b {
		h = (h ^ uint32(c)) * 16777619
	}
	slot := &r.intern[h&(internSlots-1)]
	if *slot == string(b) && (len(b) > 0 || *slot == "") {
		return *slot
	}
	*slot = string(b)
	return *slot
}

const internSlots = 4096

// oneByte holds every one-byte string: most answers on a scale are one digit.
var oneByte = func() (t [256]string) {
	for i := range t {
		t[i] = string([]byte{byte(i)})
	}
	return
}()

// cellAttrs reads a cell's r, t and s attributes in one pass.
func cellAttrs(attrs []byte) (ref, typ, style []byte) {
	for {
		name, val, rest, ok := nextAttr(attrs)
		if !ok {
			return
		}
		switch string(name) {
		case "r":
			ref = val
		case "t":
			typ = val
		case "s":
			style = val
		}
		attrs = rest
	}
}

type cellKind int8

const (
	cellNumber cellKind = iota // no t, t="n", and any t excelize does not know
	cellShared
	cellInline
	cellAsIs // str, b, e, d: the value as written
)

func cellType(t []byte) cellKind {
	switch string(t) {
	case "s":
		return cellShared
	case "inlineStr":
		return cellInline
	case "str", "b", "e", "d":
		return cellAsIs
	}
	return cellNumber
}

// value is a cell's value as excelize's getValueFrom gives it with RawCellValue, and
// for a number in a date or time format, the date as ISO 8601.
func (r *Rows) value(typ cellKind, style int, v string, hasV bool, inline string, hasIS bool) (string, error) {
	switch typ {
	case cellShared:
		if v == "" {
			return "", nil
		}
		i, err := strconv.Atoi(v)
		if err != nil || i < 0 || i >= len(r.book.shared) {
			return "", fmt.Errorf("shared string index %q of %d", v, len(r.book.shared))
		}
		return r.book.shared[i], nil
	case cellInline:
		if hasIS {
			return inline, nil
		}
		return v, nil
	case cellAsIs:
		return v, nil
	}
	if !hasV || style <= 0 || style >= len(r.book.styles) {
		return v, nil
	}
	kind := r.book.styles[style]
	if kind == showsVaries {
		if _, err := strconv.ParseFloat(v, 64); err == nil {
			return "", fmt.Errorf("a number format whose dates depend on the value: %w", ErrUnsupported)
		}
		return v, nil
	}
	return dateText(v, kind, r.book.date1904), nil
}

// columnOf reads the column of a cell reference such as "AB12" (1-based).
func columnOf(ref []byte) (int, bool) {
	col, i := 0, 0
	for ; i < len(ref); i++ {
		c := ref[i] | 0x20
		if c < 'a' || c > 'z' {
			break
		}
		col = col*26 + int(c-'a'+1)
		if col > maxColumns {
			return 0, false
		}
	}
	if i == 0 || i == len(ref) {
		return 0, false
	}
	row := 0
	for _, c := range ref[i:] {
		if c < '0' || c > '9' {
			return 0, false
		}
		row = row*10 + int(c-'0')
		if row > maxRows {
			return 0, false
		}
	}
	return col, row > 0
}

package sheet

import (
	"bytes"
	"errors"
	"io"
	"runtime"
	"slices"
	"strconv"

	"github.com/samenspel/samenspel/pipeline/model"
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
//
// Row builds the row's strings (short ones shared from a small cache, since survey
// answers repeat a handful of values); Len and Cell give the same values as bytes, valid
// until the next call of Next, without building a string.
type Rows struct {
	book *Workbook
	name string
	rc   io.ReadCloser
	s    *scanner
	line int // the row returned last
	next int // the number of the row read ahead, 0 if none
	cur  bool
	// hiddenNext: the row read ahead is hidden (hidden="1", by a filter or Hide); hidden:
	// the current one is.
	hiddenNext, hidden bool
	err                error
	done               bool
	// The row read ahead (the current one once Next reached it): the cells' values end
	// to end in vals, the i-th cell kept ending at ends[i].
	vals   []byte
	ends   []int32
	shared []int32 // per cell, the shared string it holds, or -1
	// cols are the columns (1-based) of the cells in vals, ends and shared: only the
	// cells with a value or a formula are kept, so that a row with a cell in column XFD
	// costs its cells, not 16,384 (readers14); width is the row's last column.
	cols  []int32
	width int
	// uncomputed are the cells (0-based) of the row read ahead that hold a formula
	// without a cached value: "" in Row, as excelize gives them (Uncomputed). A formula
	// cached as an empty string (t="str") is not one.
	uncomputed []int
	// damaged are the damaged cells of the row read ahead (damaged.go).
	damaged []Damage
	cell    []byte // scratch: a value made here (a date, a shared string)
	text    []byte // scratch: a value's text as decoded
	inline  []byte // scratch: an inline string's text
	intern  *[internSlots]string
	room    []string // where Row cuts the rows' slices from
	// lastRow is the last row the sheet's <dimension> names (0 until read, or when the
	// sheet has none); size is the sheet's inflated size (RowsHint).
	lastRow int
	size    uint64
	// merged are the sheet's merged ranges (<mergeCell ref="B2:B11">, after the sheet
	// data), read once the rows have ended.
	merged []string
}

// Rows opens the worksheet called name.
func (w *Workbook) Rows(name string) (*Rows, error) {
	for i, n := range w.sheets {
		if n != name {
			continue
		}
		if w.targets[i] == "" {
			return nil, model.Reasonf("%s: sheet %q is not a worksheet in the archive: %w", "%s: blad %q is geen werkblad in het archief: %v", w.path, name, ErrUnsupported)
		}
		rc, err := w.open(w.targets[i])
		if err != nil {
			return nil, err
		}
		if f := w.entries[w.targets[i]]; f.UncompressedSize64 >= aheadFrom && runtime.GOMAXPROCS(0) > 1 {
			rc = newAheadReader(rc)
		}
		return &Rows{book: w, name: name, rc: rc, s: newScanner(rc, w.limits.MaxXMLDepth), intern: new([internSlots]string), size: w.entries[w.targets[i]].UncompressedSize64}, nil
	}
	return nil, model.Reasonf("%s: no sheet %q: %w", "%s: geen blad %q: %v", w.path, name, ErrUnsupported)
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
		r.cur, r.hidden = false, false
		return true
	}
	r.cur, r.next, r.hidden = true, 0, r.hiddenNext
	return true
}

// Hidden reports whether the current row is hidden in Excel (its row element says
// hidden="1", as a filter or Hide rows writes it). A row the sheet leaves out is not.
func (r *Rows) Hidden() bool { return r.cur && r.hidden }

// Row returns the cells of the current row, nil for a row without values. The slice
// belongs to the caller.
func (r *Rows) Row() []string {
	if !r.cur || r.width == 0 {
		return nil
	}
	// The rows' slices are cut from room for many (rowCellsRoom cells), not made one by
	// one: 100,000 rows of 27 cells were as many allocations of 432 bytes.
	w := r.width
	if cap(r.room)-len(r.room) < w {
		r.room = make([]string, 0, max(rowCellsRoom, w))
	}
	row := r.room[len(r.room) : len(r.room)+w : len(r.room)+w]
	r.room = r.room[:len(r.room)+w]
	prev := int32(0)
	for i, e := range r.ends {
		c := r.cols[i] - 1
		if k := r.shared[i]; k >= 0 {
			row[c] = r.book.shared[k]
		} else {
			row[c] = r.str(r.vals[prev:e])
		}
		prev = e
	}
	return row
}

// Uncomputed returns the cells (0-based) of the current row that hold a formula without
// a cached value (a workbook written by a program that does not compute formulas, or
// saved with calculation off): Row gives them as "", as excelize does, though no one
// left them empty. The slice holds until the next call of Next.
func (r *Rows) Uncomputed() []int {
	if !r.cur {
		return nil
	}
	return r.uncomputed
}

// Len returns the number of cells in the current row (as len(Row())).
func (r *Rows) Len() int {
	if !r.cur {
		return 0
	}
	return r.width
}

// Cell returns the value of cell i (0-based) of the current row, as Row()[i] holds it;
// the bytes hold until the next call of Next.
func (r *Rows) Cell(i int) []byte {
	if !r.cur || i < 0 || i >= r.width {
		return nil
	}
	k := i // a row without empty cells, as most are
	if len(r.cols) != r.width {
		var ok bool
		if k, ok = slices.BinarySearch(r.cols, int32(i+1)); !ok {
			return nil
		}
	}
	start := int32(0)
	if k > 0 {
		start = r.ends[k-1]
	}
	return r.vals[start:r.ends[k]]
}

// RowsHint is about how many rows the sheet has, for sizing what a reader keeps of
// them: the last row its <dimension ref="A1:AA100001"> names, which the sheet states
// before its rows (so once Next has returned the first row), but at most one row per
// minRowBytes of the sheet's XML, so that a false dimension cannot make a reader
// reserve more than the sheet's own size allows; 0 when the sheet names none. Only a
// hint: the rows read are what Next returns.
func (r *Rows) RowsHint() int {
	return int(min(uint64(r.lastRow), r.size/minRowBytes))
}

// minRowBytes is fewer bytes than any row with a value takes in a sheet's XML
// (<row r="1"><c r="A1"><v>1</v></c></row> is 38).
const minRowBytes = 32

// dimensionLastRow is the row number of the last cell of a dimension reference
// ("A1:AA100001" and "B7" give 100001 and 7); 0 for anything else.
func dimensionLastRow(ref []byte) int {
	if i := bytes.LastIndexByte(ref, ':'); i >= 0 {
		ref = ref[i+1:]
	}
	ref = bytes.TrimLeft(ref, "$ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz")
	n, err := strconv.Atoi(string(ref))
	if err != nil || n < 0 || n > maxRows {
		return 0
	}
	return n
}

// Line returns the current row's number as Excel shows it.
func (r *Rows) Line() int { return r.line }

// Err returns the error that stopped Next; it wraps ErrUnsupported unless a limit was
// broken (ErrTooLarge, ErrTooDeep) or the sheet is malformed (ErrMalformed).
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
	row := r.line + 1
	if r.next > 0 {
		row = r.next // the row being read, after rows the sheet leaves out
	}
	loc := model.Reasonf("%s: %v", "%s: %v", r.book.path, model.Place(r.name, row, ""))
	if errors.Is(err, ErrTooLarge) || errors.Is(err, ErrTooDeep) || errors.Is(err, ErrUnsupported) || errors.Is(err, ErrMalformed) {
		r.err = model.Reasonf("%s: %w", "%s: %v", loc, err)
	} else {
		r.err = model.Reasonf("%s: %v: %w", "%s: %v: %v", loc, err, ErrUnsupported)
	}
	r.done = true
}

// readRow reads up to and through the next <row> into vals, ends and next, or sets done
// at the end of the sheet data.
func (r *Rows) readRow() {
	s := r.s
	r.vals, r.ends, r.shared, r.uncomputed, r.damaged = r.vals[:0], r.ends[:0], r.shared[:0], r.uncomputed[:0], r.damaged[:0]
	r.cols, r.width = r.cols[:0], 0
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
				r.readMerged() // merged.go
				return
			}
		case tokStart:
			if string(s.name) == "dimension" {
				r.lastRow = dimensionLastRow(attr(s.attrs, "ref"))
				continue
			}
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
					r.fail(model.Reasonf("row number %q out of order", "rijnummer %q buiten de volgorde", v))
					return
				}
				num = n
			}
			if num > maxRows {
				r.fail(model.Reasonf("row %d beyond the %d rows a sheet holds", "rij %d voorbij de %d rijen die een blad kan bevatten", num, maxRows))
				return
			}
			r.next = num
			r.hiddenNext = false
			if v := attr(s.attrs, "hidden"); v != nil {
				r.hiddenNext = string(v) == "1" || string(v) == "true"
			}
			if !s.selfClose {
				r.readCells()
			}
			return
		}
	}
}

// readCells reads the cells of the row whose start tag was just read: each through
// fastCell where it can, else token by token.
func (r *Rows) readCells() {
	s := r.s
	depth := s.depth
	col := 0
	for {
		switch r.fastCell(&col) {
		case fastCell:
			continue
		case fastRowEnd:
			return
		}
		switch s.next() {
		case tokEOF:
			if err := s.failed(); err != nil {
				r.fail(err)
			} else {
				r.fail(model.NewKind("XML ends inside a row", "de XML houdt op midden in een rij"))
			}
			return
		case tokEnd:
			if s.depth < depth {
				return
			}
		case tokStart:
			if string(s.name) != "c" || s.depth != depth+1 && !(s.selfClose && s.depth == depth) {
				s.skip()
				continue
			}
			ref, typ, style, whole := cellAttrs(s.attrs)
			if !whole {
				// `<c r="C6" t=</"inlineStr">`: read up to the break, the type is lost and
				// the cell with it (attack 12 F23), by excelize too.
				r.fail(model.Reasonf("a cell whose attributes are broken (%q): %w", "een cel met kapotte attributen (%q): %v", bytes.TrimSpace(s.attrs), ErrMalformed))
				return
			}
			next, ok := r.column(ref, col)
			if !ok {
				return
			}
			col = next
			if !r.readCell(col, typ, style) {
				return
			}
		}
	}
}

// column returns the column of a cell: its reference's, or the one after the previous
// cell.
func (r *Rows) column(ref []byte, prev int) (int, bool) {
	if ref == nil {
		if prev >= maxColumns {
			r.fail(model.Reasonf("a cell beyond column %d", "een cel voorbij kolom %d", maxColumns))
			return 0, false
		}
		return prev + 1, true
	}
	c, ok := columnOf(ref)
	if !ok {
		r.fail(model.Reasonf("cell reference %q", "celverwijzing %q", ref))
		return 0, false
	}
	return c, true
}

// put adds a cell's value in column col (1-based) to the row, with empty cells before
// it; a cell without a value and without a formula adds nothing. shared is the index of
// the shared string the value is, or -1. Cells come left to right, as every writer
// writes them; a cell at or left of one already put is an error (ErrMalformed), since
// excelize would put it after that one.
func (r *Rows) put(col int, val []byte, shared int32, formula bool) bool {
	if len(val) == 0 && !formula {
		return true
	}
	if col <= r.width {
		r.fail(model.Reasonf("cell %s%d comes after a cell of column %s: the row's cells are out of order (or one is there twice), and read in order its values would land in other columns: %w", "cel %s%d komt na een cel van kolom %s: de cellen van de rij staan in de verkeerde volgorde (of een staat er twee keer), en op volgorde gelezen zouden de waarden in andere kolommen belanden: %v",
			columnName(col), r.next, columnName(r.width), ErrMalformed))
		return false
	}
	r.vals = append(r.vals, val...)
	r.ends = append(r.ends, int32(len(r.vals)))
	r.shared = append(r.shared, shared)
	r.cols = append(r.cols, int32(col))
	r.width = col
	return true
}

// readCell reads, token by token, the cell in column col whose start tag was just read,
// and puts its value: the value excelize gives with RawCellValue (a date as ISO 8601).
func (r *Rows) readCell(col int, t, styleAttr []byte) bool {
	s := r.s
	typ := cellType(t)
	style := 0
	var damage error // a damaged cell: read to its end, given as "" (damaged.go)
	if styleAttr != nil {
		n, err := strconv.Atoi(string(styleAttr))
		if err != nil {
			damage = StyleDamage(styleAttr)
		}
		style = n
	}
	if s.selfClose {
		if damage != nil {
			r.damaged = append(r.damaged, Damage{col - 1, damage})
		}
		return true
	}
	depth := s.depth
	r.text, r.inline = r.text[:0], r.inline[:0]
	var hasV, hasIS, formula bool
	for {
		switch s.next() {
		case tokEOF:
			if err := s.failed(); err != nil {
				r.fail(err)
			} else {
				r.fail(model.NewKind("XML ends inside a cell", "de XML houdt op midden in een cel"))
			}
			return false
		case tokEnd:
			if s.depth >= depth {
				continue
			}
			if damage != nil {
				r.damaged = append(r.damaged, Damage{col - 1, damage})
				return true
			}
			val, shared, err := r.value(typ, style, r.text, hasV, r.inline, hasIS)
			if errors.Is(err, ErrDamagedCell) {
				r.damaged = append(r.damaged, Damage{col - 1, err})
				return true
			}
			if err != nil {
				r.fail(err)
				return false
			}
			// A formula whose result is the empty string (=IF(A2="";"";A2)) is cached
			// as t="str" with an empty <v>: computed, and empty.
			if formula && len(val) == 0 && string(t) != "str" {
				r.uncomputed = append(r.uncomputed, col-1)
			}
			return r.put(col, val, shared, formula)
		case tokStart:
			if s.depth != depth+1 && !(s.selfClose && s.depth == depth) {
				s.skip()
				continue
			}
			switch string(s.name) {
			case "v":
				if !r.elementText() {
					return false
				}
				hasV = true
			case "f":
				formula = true
				s.skip()
			case "is":
				var err error
				if r.inline, err = readRichText(s, r.inline[:0]); err != nil {
					r.fail(err)
					return false
				}
				if bytes.Contains(r.inline, []byte("_x")) {
					r.inline = []byte(unescapeBSTR(string(r.inline)))
				}
				hasIS = true
			default:
				s.skip()
			}
		}
	}
}

// elementText reads the text of a <v> into r.text (replacing an earlier one, as
// encoding/xml does).
func (r *Rows) elementText() bool {
	s := r.s
	r.text = r.text[:0]
	if s.selfClose {
		return true
	}
	depth := s.depth
	for {
		var err error
		switch s.next() {
		case tokEOF:
			if err := s.failed(); err != nil {
				r.fail(err)
			} else {
				r.fail(model.NewKind("XML ends inside a value", "de XML houdt op midden in een waarde"))
			}
			return false
		case tokEnd:
			if s.depth < depth {
				return true
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
			return false
		}
	}
}

// str returns b as a string, from a direct-mapped cache of strings of up to
// maxInterned bytes: an answer label ("Helemaal mee oneens") is made once, not once a
// cell.
func (r *Rows) str(b []byte) string {
	if len(b) == 1 {
		return oneByte[b[0]]
	}
	if len(b) > maxInterned {
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

// maxInterned is the longest string str caches; rowCellsRoom is how many cells one
// allocation of Row makes room for.
const (
	maxInterned  = 48
	rowCellsRoom = 4096
)

// oneByte holds every one-byte string: most answers on a scale are one digit.
var oneByte = func() (t [256]string) {
	for i := range t {
		t[i] = string([]byte{byte(i)})
	}
	return
}()

// cellAttrs reads a cell's r, t and s attributes in one pass; whole is false where
// something other than white space is left that is no name="value" (broken markup).
func cellAttrs(attrs []byte) (ref, typ, style []byte, whole bool) {
	for {
		name, val, rest, ok := nextAttr(attrs)
		if !ok {
			whole = len(bytes.TrimSpace(attrs)) == 0
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
	cellAsIs // str, e, d: the value as written
	cellBool // b: TRUE or FALSE, as Excel shows it (see boolText)
)

func cellType(t []byte) cellKind {
	switch string(t) {
	case "s":
		return cellShared
	case "inlineStr":
		return cellInline
	case "b":
		return cellBool
	case "str", "e", "d":
		return cellAsIs
	}
	return cellNumber
}

// columnName is the letters of a column (1-based): 1 is A, 27 AA.
func columnName(col int) string {
	var b []byte
	for ; col > 0; col = (col - 1) / 26 {
		b = append([]byte{byte('A' + (col-1)%26)}, b...)
	}
	return string(b)
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

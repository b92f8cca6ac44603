package sheet

import (
	"bytes"
	"strconv"

	"github.com/samenspel/samenspel/pipeline/model"
)

// The shapes nearly every cell of a survey sheet takes, as Excel, LibreOffice, openpyxl
// and excelize write them, are read here straight from the scanner's buffer, without
// tokens or copies:
//
//	<c r="D2" s="1" t="n"><v>3</v></c>
//	<c r="A2" t="s"><v>17</v></c>
//	<c r="B2" t="inlineStr"><is><t>Gemeente 0</t></is></c>
//	<c r="C2" s="4"/>
//
// (attributes in any order, t="..." of any type, <t xml:space="preserve">). A cell in any
// other shape (a formula, a rich text run, a comment, a prefix, a value that needs more
// than entity decoding) goes to readCell, token by token, and so does one that does not
// lie whole in the buffer.

// fastResult is what fastCell did.
type fastResult int8

const (
	fastNone   fastResult = iota // nothing read: the next token goes the general way
	fastCell                     // a cell read and put
	fastRowEnd                   // the row's end tag read
)

// fastWindow is how many bytes the buffer holds ahead where the input has them, so that
// a cell lies whole in it.
const fastWindow = 4096

// fastCell reads the next cell of a row (or the row's end tag) where it has one of the
// shapes above and lies whole in the buffer; col is the previous cell's column and
// becomes this one's. Whitespace before it is skipped (a row's text is ignored anyway).
func (r *Rows) fastCell(col *int) fastResult {
	s := r.s
	for s.end-s.pos < fastWindow && s.fill() {
	}
	b := s.buf[s.pos:s.end]
	i := 0
	for i < len(b) && isSpace(b[i]) {
		i++
	}
	s.pos += i
	b = b[i:]
	if len(b) < 6 || b[0] != '<' {
		return fastNone
	}
	if b[1] == '/' {
		if string(b[:6]) == "</row>" {
			s.pos += 6
			s.depth--
			return fastRowEnd
		}
		return fastNone
	}
	if b[1] != 'c' || b[2] != ' ' && b[2] != '>' && b[2] != '/' || s.depth+3 > s.maxDepth {
		return fastNone
	}
	// The start tag's attributes: name="value" or name='value', one space apart or more.
	var ref, t, st []byte
	j := 2
	self := false
	for {
		for j < len(b) && isSpace(b[j]) {
			j++
		}
		if j >= len(b) {
			return fastNone
		}
		if b[j] == '>' {
			j++
			break
		}
		if b[j] == '/' {
			if j+1 < len(b) && b[j+1] == '>' {
				j += 2
				self = true
				break
			}
			return fastNone
		}
		k := j
		for k < len(b) && b[k] != '=' && b[k] != '>' && !isSpace(b[k]) {
			k++
		}
		if k+1 >= len(b) || b[k] != '=' || b[k+1] != '"' && b[k+1] != '\'' {
			return fastNone
		}
		q, end := b[k+1], k+2
		for end < len(b) && b[end] != q {
			end++
		}
		if end == len(b) {
			return fastNone
		}
		val := b[k+2 : end]
		switch string(b[j:k]) {
		case "r":
			ref = val
		case "t":
			t = val
		case "s":
			st = val
		}
		j = end + 1
	}
	typ := cellType(t)
	style := 0
	if st != nil {
		n, ok := smallInt(st)
		if !ok {
			return fastNone
		}
		style = n
	}
	// The content: nothing, <v>text</v> or <is><t>text</t></is>.
	var text []byte
	var hasV, hasIS bool
	rest := b[j:]
	switch {
	case self:
	case len(rest) >= 4 && string(rest[:4]) == "</c>":
		j += 4
	case len(rest) >= 3 && string(rest[:3]) == "<v>":
		k := textEnd(rest[3:])
		if k < 0 || len(rest) < 3+k+8 || string(rest[3+k:3+k+8]) != "</v></c>" {
			return fastNone
		}
		text, hasV = rest[3:3+k], true
		j += 3 + k + 8
	case len(rest) >= 7 && string(rest[:4]) == "<is>":
		open := 0
		switch {
		case string(rest[4:7]) == "<t>":
			open = 7
		case bytes.HasPrefix(rest[4:], []byte(`<t xml:space="preserve">`)):
			open = 4 + len(`<t xml:space="preserve">`)
		default:
			return fastNone
		}
		k := textEnd(rest[open:])
		if k < 0 || len(rest) < open+k+13 || string(rest[open+k:open+k+13]) != "</t></is></c>" {
			return fastNone
		}
		text, hasIS = rest[open:open+k], true
		j += open + k + 13
	default:
		return fastNone
	}
	if !plain(text) {
		var err error
		if r.text, err = appendText(r.text[:0], text); err != nil {
			return fastNone // readCell says why
		}
		text = r.text
	}
	if hasIS && bytes.Contains(text, []byte("_x")) {
		return fastNone
	}
	c := *col + 1
	if ref != nil {
		var ok bool
		if c, ok = columnOf(ref); !ok {
			return fastNone // readCells reports it
		}
	} else if c > maxColumns {
		return fastNone
	}
	var v, inline []byte
	if hasV {
		v = text
	} else {
		inline = text
	}
	val, shared, err := r.value(typ, style, v, hasV, inline, hasIS)
	if err != nil {
		return fastNone // readCell reports it
	}
	if c <= r.width && len(val) > 0 {
		return fastNone // readCell reports it
	}
	r.put(c, val, shared, false)
	*col = c
	s.pos += j
	return fastCell
}

// textEnd returns the index of the first '<' in b, or -1; most values are a few bytes.
func textEnd(b []byte) int {
	for i := 0; i < len(b) && i < 16; i++ {
		if b[i] == '<' {
			return i
		}
	}
	if len(b) <= 16 {
		return -1
	}
	if i := bytes.IndexByte(b[16:], '<'); i >= 0 {
		return 16 + i
	}
	return -1
}

// smallInt reads a run of up to nine decimal digits.
func smallInt(b []byte) (int, bool) {
	if len(b) == 0 || len(b) > 9 {
		return 0, false
	}
	n := 0
	for _, c := range b {
		if c < '0' || c > '9' {
			return 0, false
		}
		n = n*10 + int(c-'0')
	}
	return n, true
}

// value is a cell's value as excelize's getValueFrom gives it with RawCellValue, but a
// boolean as TRUE or FALSE (as it gives it formatted), and for a number in a date or time
// format, the date as ISO 8601: v is the text of its
// <v>, inline that of its <is>. shared is the index of the shared string it is, or -1.
// The bytes returned are v's, inline's, or r.cell's.
func (r *Rows) value(typ cellKind, style int, v []byte, hasV bool, inline []byte, hasIS bool) ([]byte, int32, error) {
	switch typ {
	case cellShared:
		if len(v) == 0 {
			return nil, -1, nil
		}
		i, ok := smallInt(v)
		if !ok {
			n, err := strconv.Atoi(string(v))
			if err != nil {
				n = -1
			}
			i = n
		}
		if i < 0 || i >= len(r.book.shared) {
			// No reader can say what the cell holds (excelize reads it as empty, an
			// answer lost without a word: attack 12 F23); Excel calls the file damaged.
			// It is a damaged cell (damaged.go).
			return nil, -1, SharedIndexDamage(v, len(r.book.shared))
		}
		r.cell = append(r.cell[:0], r.book.shared[i]...)
		return r.cell, int32(i), nil
	case cellInline:
		if hasIS {
			return inline, -1, nil
		}
		return v, -1, nil
	case cellAsIs:
		return v, -1, nil
	case cellBool:
		return boolText(v), -1, nil
	}
	if !hasV || style <= 0 || style >= len(r.book.styles) {
		return v, -1, nil
	}
	switch kind := r.book.styles[style]; {
	case kind >= showsPadded:
		r.cell = append(r.cell[:0], paddedText(v, int(kind-showsPadded))...)
		return r.cell, -1, nil
	case kind == showsNumber:
		return v, -1, nil
	case kind == showsVaries:
		if _, err := strconv.ParseFloat(string(v), 64); err == nil {
			return nil, -1, model.Reasonf("a number format whose dates depend on the value: %w", "een getalnotatie waarvan de datums van de waarde afhangen: %v", ErrUnsupported)
		}
		return v, -1, nil
	default:
		r.cell = append(r.cell[:0], dateText(string(v), kind, r.book.date1904)...)
		return r.cell, -1, nil
	}
}

package ingest

import (
	"bytes"
	"fmt"
	"strings"
	"unicode/utf8"

	"github.com/samenspel/samenspel/pipeline/model"
	"golang.org/x/text/encoding/charmap"
	"golang.org/x/text/encoding/unicode"
)

// ErrUnclosedQuote is the reason for a record of a delimited text file that could not be
// read: a quoted field that does not close where the file's records do. The reject names
// the line where the quote opened; reading goes on at the next line.
var ErrUnclosedQuote = model.NewKind("unclosed quote", "niet gesloten aanhalingsteken")

// A delimited text file is read here, not by encoding/csv: encoding/csv stops at the
// first quote it cannot close, or (with LazyQuotes) lets that quote swallow every line up
// to the next quote, so that the rows in between vanish into one cell; it cannot report
// where the quote opened and go on. No maintained Go CSV library resynchronises. The
// reader below parses as encoding/csv does with LazyQuotes (RFC 4180 quoting, "" for a
// quote, a bare quote read as a character, CRLF and LF alike, variable field counts) and
// adds the judgement of a quoted field that runs across lines:
//
// A file shows whether its records may span lines. When two or more records do so
// plausibly (see below), line breaks in quoted fields are normal there (open answers in a
// LimeSurvey or Qualtrics export), and a quoted field across lines is broken only when it
//   - runs to the end of the file unclosed,
//   - runs over a line that holds a whole record's delimiters (as many as the header has,
//     and at least minSwallowDelims), that is, it swallowed a record,
//   - runs over more than maxQuotedLines lines, or
//   - leaves its record with another number of fields than the file's records have.
//
// Where no other record spans lines, a quoted field across lines is broken unless its
// record has the file's number of fields (two or more) and its continuation lines hold
// fewer delimiters than a record: so one question text with a line break in a header
// still reads, and an unclosed quote, which swallows the delimiters of the lines after
// it, does not.
//
// A broken record is left out from its start to the end of the line where the quote
// opened, and reading goes on at the next line.
const (
	widthSample      = 200
	minSwallowDelims = 4
	maxQuotedLines   = 1000
)

// What a broken quote did, as its reject says it. The reasons name no line (the reject's
// location does), so that a summary can count a file's broken quotes as one kind.
const (
	whyEnd      = "runs to the end of the file"
	whySwallows = "runs on over a line that holds the delimiters of a whole record"
	whyAlone    = "runs on over the next line, and no other record of the file spans lines"
)

var whyLong = fmt.Sprintf("runs on over more than %d lines", maxQuotedLines)

// whyDutch says the same in Dutch.
var whyDutch = map[string]string{
	whyEnd:      "loopt door tot het einde van het bestand",
	whySwallows: "loopt door over een regel met de scheidingstekens van een heel record",
	whyAlone:    "loopt door over de volgende regel, en geen ander record van het bestand beslaat meer regels",
	whyLong:     fmt.Sprintf("loopt door over meer dan %d regels", maxQuotedLines),
}

// textTable is a delimited text file decoded and judged once; Rows iterate over it.
type textTable struct {
	text []byte // UTF-8 without byte-order mark
	enc  textEncoding
	// guessed: the file is CR-only and not UTF-8, its encoding chosen by crOnlyEncoding.
	guessed bool
	// mixed are the lines of a UTF-8 file read as Windows-1252 or Mac OS Roman
	// (encoding_mixed.go).
	mixed []int
	// mixedEnc is the encoding those lines were read in: Windows-1252 or Mac OS Roman.
	mixedEnc textEncoding
	comma    byte
	// width is the number of fields the file's records have: the most frequent count
	// over its first widthSample lines (ties go to the larger); widths counts the lines
	// of each number of fields in that sample.
	width  int
	widths map[int]int
	// multiline is true where records may span lines (see above).
	multiline bool
	header    []string // the first record read, to name columns in rejects
	broken    []brokenRecord
}

// brokenRecord is a record left out.
type brokenRecord struct {
	row   int    // the record's row as Rows numbers them
	line  int    // the line where the quote opened
	field int    // 0-based index of the quoted field
	value string // the line from the quote on
	why   string // what the quote did
}

// newTextTable decodes a delimited text file and judges its records. The encoding is a
// byte-order mark's, else UTF-8 where the whole file is valid UTF-8, else Windows-1252
// (what Excel on Windows writes); where the lines end in a carriage return alone, Mac OS
// Roman (what Excel for Mac writes as "CSV (Macintosh)") or Windows-1252, as the file's
// accented letters fit (encoding_guess.go), with a warning; the delimiter the most
// frequent of ';', ',' and tab outside quotes on the first line.
//
// A file whose lines end in a carriage return alone, with no line feed anywhere, has its
// carriage returns read as line ends: read as one line, its header would hold every
// record and not a row would be read.
func newTextTable(data []byte) (*textTable, error) {
	t := &textTable{}
	var err error
	t.enc = sniffEncoding(data)
	crOnly := bytes.IndexByte(data, '\n') < 0 && bytes.IndexByte(data, '\r') >= 0 && t.enc != encUTF16LE && t.enc != encUTF16BE
	// UTF-8 with lines in another encoding, before a CR-only file's guess for the whole.
	mixed, lines, other := mixedLines(data, t.enc, crOnly) // encoding_mixed.go
	if mixed == nil && crOnly && t.enc == encWindows1252 {
		t.enc, t.guessed = crOnlyEncoding(data), true // encoding_guess.go
	}
	if mixed != nil {
		t.text, t.enc, t.mixed, t.mixedEnc = mixed, encUTF8, lines, other
	} else if t.text, err = decodeTable(data, t.enc); err != nil {
		return nil, model.Reasonf("not readable as %s text: %v: %w", "niet leesbaar als %s-tekst: %v: %v", t.enc, err, ErrNotTable)
	}
	if crOnly {
		t.text = bytes.ReplaceAll(t.text, []byte{'\r'}, []byte{'\n'})
	}
	head := t.text[:min(len(t.text), 64<<10)]
	if bytes.IndexByte(head, 0) >= 0 {
		return nil, model.Reasonf("binary content, not a text table: %w", "binaire inhoud, geen teksttabel: %v", ErrNotTable)
	}
	t.comma = byte(sniffDelimiter(head))
	t.width = t.sampleWidth()
	if bytes.IndexByte(t.text, '"') >= 0 {
		plausible, broken := t.scanAll(true)
		if plausible >= 2 {
			t.multiline, t.broken = true, broken
		} else {
			_, t.broken = t.scanAll(false)
		}
	}
	var buf fieldBuf
	for p, line := 0, 1; p < len(t.text); {
		buf.reset(t.text)
		rec := t.scanRecord(p, line, t.multiline, &buf)
		if rec.broken == nil && !rec.blank {
			t.header = buf.strings(nil, make([]string, len(buf.fields)))
			break
		}
		p, line = rec.next, line+rec.lines
	}
	return t, nil
}

// sniffEncoding finds a text file's encoding: a byte-order mark, else UTF-8 where all of
// it is valid UTF-8, else Windows-1252.
func sniffEncoding(data []byte) textEncoding {
	switch {
	case bytes.HasPrefix(data, []byte{0xEF, 0xBB, 0xBF}):
		return encUTF8
	case bytes.HasPrefix(data, []byte{0xFF, 0xFE}):
		return encUTF16LE
	case bytes.HasPrefix(data, []byte{0xFE, 0xFF}):
		return encUTF16BE
	case utf8.Valid(data):
		return encUTF8
	}
	return encWindows1252
}

// decodeTable returns the text as UTF-8 without a byte-order mark.
func decodeTable(data []byte, enc textEncoding) ([]byte, error) {
	switch enc {
	case encUTF16LE:
		return unicode.UTF16(unicode.LittleEndian, unicode.ExpectBOM).NewDecoder().Bytes(data)
	case encUTF16BE:
		return unicode.UTF16(unicode.BigEndian, unicode.ExpectBOM).NewDecoder().Bytes(data)
	case encWindows1252:
		return charmap.Windows1252.NewDecoder().Bytes(data)
	case encMacintosh:
		return charmap.Macintosh.NewDecoder().Bytes(data)
	}
	return bytes.TrimPrefix(data, []byte{0xEF, 0xBB, 0xBF}), nil
}

// sampleWidth counts the fields of the first lines as if no record spanned lines, keeps
// the counts in t.widths and returns the most frequent count.
func (t *textTable) sampleWidth() int {
	counts := map[int]int{}
	t.widths = counts
	for p, n := 0, 0; p < len(t.text) && n < widthSample; {
		line, next := t.lineAt(p)
		p = next
		if len(line) == 0 {
			continue
		}
		n++
		fields, quoted := 1, false
		for _, c := range line {
			switch {
			case c == '"':
				quoted = !quoted
			case c == t.comma && !quoted:
				fields++
			}
		}
		counts[fields]++
	}
	best, most := 0, 0
	for w, n := range counts {
		if n > most || (n == most && w > best) {
			best, most = w, n
		}
	}
	return best
}

// lineAt returns the line that starts at p without its line end, and the offset of the
// next line. CRLF ends a line like LF; a CR before the end of the file is dropped, as
// encoding/csv does.
func (t *textTable) lineAt(p int) (line []byte, next int) {
	rest := t.text[p:]
	i := bytes.IndexByte(rest, '\n')
	if i < 0 {
		line, next = rest, len(t.text)
	} else {
		line, next = rest[:i], p+i+1
	}
	if n := len(line); n > 0 && line[n-1] == '\r' {
		line = line[:n-1]
	}
	return line, next
}

// scanAll scans every record in the given mode and returns how many spanned lines
// without being broken, and the broken ones.
func (t *textTable) scanAll(multiline bool) (plausible int, broken []brokenRecord) {
	for p, line, row := 0, 1, 1; p < len(t.text); row++ {
		rec := t.scanRecord(p, line, multiline, nil)
		if rec.broken != nil {
			rec.broken.row = row
			broken = append(broken, *rec.broken)
		} else if rec.spans {
			plausible++
		}
		p, line = rec.next, line+rec.lines
	}
	return plausible, broken
}

// scanned is one record as scanRecord found it.
type scanned struct {
	next   int  // offset where the next record starts
	lines  int  // lines the record took (for a broken one: up to its quote's line)
	blank  bool // an empty line
	spans  bool // a quoted field ran across lines and was accepted
	broken *brokenRecord
}

// fieldBuf collects a record's fields; nil collects nothing (a scan that only judges).
//
// Most fields are a run of the text as it stands (unquoted, or quoted without a "" or
// a line break): such a field is kept as its offsets in the text, and the row's strings
// are cut from a string of the text that Rows makes once for many rows (textChunk), so
// that reading a record copies and allocates nothing. A field that is not one run (a ""
// read as a quote, a line break inside quotes) is built in buf.
type fieldBuf struct {
	// text is the text the fields are cut from: a slice p of it starts at offset
	// cap(text)-cap(p).
	text   []byte
	buf    []byte
	fields []fieldSpan
	// The field being read: a run of the text from start to stop, or (inBuf) bytes of
	// buf from start on; empty while it holds nothing.
	start, stop int
	inBuf       bool
	empty       bool
}

// fieldSpan is a field read: text[from:to], or buf[from:to] where inBuf.
type fieldSpan struct {
	from, to int
	inBuf    bool
}

func (b *fieldBuf) reset(text []byte) {
	if b != nil {
		b.text = text
		b.buf, b.fields = b.buf[:0], b.fields[:0]
		b.empty, b.inBuf = true, false
	}
}

// add appends p, a slice of the text.
func (b *fieldBuf) add(p []byte) {
	if b == nil {
		return
	}
	off := cap(b.text) - cap(p)
	switch {
	case b.empty:
		b.start, b.stop, b.inBuf, b.empty = off, off+len(p), false, false
	case !b.inBuf && off == b.stop:
		b.stop += len(p)
	default:
		b.spill(p)
	}
}

// addByte appends c: the next byte of the text's run where the text holds c there (a
// bare quote, a line feed inside quotes), else a byte of buf.
func (b *fieldBuf) addByte(c byte) {
	if b == nil {
		return
	}
	if !b.empty && !b.inBuf && b.stop < len(b.text) && b.text[b.stop] == c {
		b.stop++
		return
	}
	b.spill([]byte{c})
}

// spill appends p to the field in buf, moving the field there first.
func (b *fieldBuf) spill(p []byte) {
	if b.empty || !b.inBuf {
		from := len(b.buf)
		if !b.empty {
			b.buf = append(b.buf, b.text[b.start:b.stop]...)
		}
		b.start, b.inBuf, b.empty = from, true, false
	}
	b.buf = append(b.buf, p...)
}

func (b *fieldBuf) end() {
	if b == nil {
		return
	}
	switch {
	case b.empty:
		b.fields = append(b.fields, fieldSpan{})
	case b.inBuf:
		b.fields = append(b.fields, fieldSpan{b.start, len(b.buf), true})
	default:
		b.fields = append(b.fields, fieldSpan{b.start, b.stop, false})
	}
	b.empty, b.inBuf = true, false
}

// strings returns the fields, each cut from chunk (the text from offset at on) where it
// is a run of the text inside it, else from one string of the row's other bytes, as
// encoding/csv cuts a row's fields from one string. A nil chunk takes every field from
// one string of the row.
func (b *fieldBuf) strings(chunk *textChunk, out []string) []string {
	var rest string
	if chunk == nil {
		n := 0
		for _, f := range b.fields {
			n += f.to - f.from
		}
		var sb strings.Builder
		sb.Grow(n)
		for _, f := range b.fields {
			if f.inBuf {
				sb.Write(b.buf[f.from:f.to])
			} else {
				sb.Write(b.text[f.from:f.to])
			}
		}
		rest = sb.String()
		prev := 0
		for i, f := range b.fields {
			out[i] = rest[prev : prev+f.to-f.from]
			prev += f.to - f.from
		}
		return out
	}
	if len(b.buf) > 0 {
		rest = string(b.buf)
	}
	for i, f := range b.fields {
		switch {
		case f.to == f.from:
			out[i] = ""
		case f.inBuf:
			out[i] = rest[f.from:f.to]
		default:
			out[i] = chunk.s[f.from-chunk.at : f.to-chunk.at]
		}
	}
	return out
}

// textChunk is a string of the text from offset at on.
type textChunk struct {
	s  string
	at int
}

// scanRecord reads the record that starts at offset p on line line, into dst where not
// nil, and judges its quoted fields (see the comment at the top of this file).
func (t *textTable) scanRecord(p, line int, multiline bool, dst *fieldBuf) scanned {
	ln, next := t.lineAt(p)
	if len(ln) == 0 {
		return scanned{next: next, lines: 1, blank: true}
	}
	lineEnd := p + len(ln) // where the current line's text ends, for offsets into it
	lines := 1
	comma := t.comma
	swallow := max(t.width-1, minSwallowDelims) // a continuation line with a record's delimiters
	strictDelims := max(t.width-1, 1)           // continuation delimiters of a record in all
	fields := 0
	// The quoted field being read, and the first one that ran across lines.
	type quote struct {
		line, field, start, end int // its line, field index, and the offsets of its line from the quote
		resync, lines           int // where reading goes on if it is broken, and the lines up to it
	}
	var q, first quote
	spans := false
	broken := func(q quote, why string) scanned {
		b := &brokenRecord{line: q.line, field: q.field, value: string(t.text[q.start:q.end]), why: why}
		return scanned{next: q.resync, lines: q.lines, broken: b}
	}
	for {
		if len(ln) == 0 || ln[0] != '"' {
			i := bytes.IndexByte(ln, comma)
			if i < 0 {
				dst.add(ln)
				dst.end()
				fields++
				break
			}
			dst.add(ln[:i])
			dst.end()
			fields++
			ln = ln[i+1:]
			continue
		}
		q = quote{line: line + lines - 1, field: fields, start: lineEnd - len(ln), end: lineEnd, resync: next, lines: lines}
		ln = ln[1:]
		spanned, lineDelims, contDelims := 0, 0, 0
		endsRecord := false
	quoted:
		for {
			i := bytes.IndexByte(ln, '"')
			seg := ln
			if i >= 0 {
				seg = ln[:i]
			}
			if spanned > 0 {
				d := bytes.Count(seg, []byte{comma})
				lineDelims += d
				contDelims += d
			}
			dst.add(seg)
			if i >= 0 {
				ln = ln[i+1:]
				switch {
				case len(ln) > 0 && ln[0] == '"': // "" is a quote
					dst.addByte('"')
					ln = ln[1:]
				case len(ln) > 0 && ln[0] == comma:
					ln = ln[1:]
					break quoted
				case len(ln) == 0:
					endsRecord = true
					break quoted
				default: // a bare quote inside the field, read as a character
					dst.addByte('"')
				}
				continue
			}
			// The line ends inside the quotes.
			if spanned > 0 {
				if multiline && lineDelims >= swallow {
					return broken(q, whySwallows)
				}
				if !multiline && contDelims >= strictDelims {
					return broken(q, whyAlone)
				}
			}
			if next >= len(t.text) {
				if spanned > 0 {
					return broken(q, whyEnd)
				}
				// Unclosed on the last line: it swallows nothing. Like encoding/csv, the
				// field keeps the line's end, if it has one.
				if t.text[next-1] == '\n' {
					dst.addByte('\n')
				}
				endsRecord = true
				break quoted
			}
			if spanned++; spanned > maxQuotedLines {
				return broken(q, whyLong)
			}
			if !multiline && t.width < 2 {
				return broken(q, whyAlone)
			}
			dst.addByte('\n')
			start := next
			ln, next = t.lineAt(next)
			lineEnd = start + len(ln)
			lines++
			lineDelims = 0
		}
		if spanned > 0 {
			if multiline && lineDelims >= swallow {
				return broken(q, whySwallows)
			}
			if !multiline && contDelims >= strictDelims {
				return broken(q, whyAlone)
			}
			if !spans {
				first, spans = q, true
			}
		}
		dst.end()
		fields++
		if endsRecord {
			break
		}
	}
	if spans && fields != t.width {
		return broken(first, fmt.Sprintf("runs on over the next line and leaves its record with %d fields where the file's records have %d",
			fields, t.width))
	}
	return scanned{next: next, lines: lines, spans: spans}
}

// rejects returns the broken records as rejects of the file.
func (t *textTable) rejects(path string) []model.Reject {
	out := make([]model.Reject, 0, len(t.broken))
	for _, b := range t.broken {
		col := columnLetter(b.field)
		if b.field < len(t.header) && t.header[b.field] != "" {
			col = t.header[b.field]
		}
		out = append(out, model.Reject{File: path, Row: b.row, Line: b.line, Column: col, Value: b.value,
			Err: model.Reasonf("%[1]w: the quoted field that opens on this line in column %[2]q %[3]s; the line is left out and reading goes on at the next line",
				"%[1]v: het veld tussen aanhalingstekens dat op deze regel in kolom %[2]q opent, %[4]s; de regel wordt overgeslagen en het lezen gaat verder op de volgende regel",
				ErrUnclosedQuote, col, b.why, whyDutch[b.why])})
	}
	return out
}

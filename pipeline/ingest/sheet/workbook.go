package sheet

import (
	"archive/zip"
	"bytes"
	"errors"
	"io"
	"path"
	"strconv"
	"strings"
	"sync/atomic"

	"github.com/klauspost/compress/flate"
	"github.com/samenspel/samenspel/pipeline/model"
)

var (
	// ErrUnsupported is wrapped by every error other than a limit's and ErrMalformed: the workbook, or
	// something in it, is outside what this package reads, and excelize should read it.
	ErrUnsupported = model.NewKind("not read by the fast sheet reader", "niet gelezen door de snelle bladlezer")
	// ErrTooLarge is wrapped when an archive breaks a size or count limit.
	ErrTooLarge = model.NewKind("archive over the size limits", "archief boven de groottegrenzen")
	// ErrTooDeep is wrapped when XML nests deeper than Limits.MaxXMLDepth.
	ErrTooDeep = model.NewKind("XML nested too deep", "XML te diep genest")
	// ErrMalformed is wrapped when a sheet holds what no reader should read as a table:
	// a cell whose reference lies at or before the previous cell's in its row. excelize
	// appends such a cell after the others, so that every value after it would be read
	// in another column.
	ErrMalformed = model.NewKind("malformed worksheet", "misvormd werkblad")
)

// Limits bound what an archive may make this package inflate and parse; the ingest
// package passes its own archive limits.
type Limits struct {
	MaxEntries   int   // entries in the archive
	MaxEntrySize int64 // inflated bytes of one entry
	MaxTotalSize int64 // inflated bytes of all entries read
	MaxRatio     int64 // inflated/packed size of an entry over RatioFloor bytes; 0: no bound
	RatioFloor   int64
	MaxXMLDepth  int
}

// Workbook is an open .xlsx archive with its sheet list, shared strings and number
// formats read.
type Workbook struct {
	path     string
	closer   io.Closer // the file Open opened, or nil
	limits   Limits
	entries  map[string]*zip.File
	inflated atomic.Int64 // bytes inflated from all entries, by Rows on another goroutine too

	sheets   []string
	targets  []string // archive path of each sheet's XML, "" when it is not a worksheet
	date1904 bool
	shared   []string
	styles   []formatKind // by cellXfs index
}

// Open opens the workbook at path and reads its workbook part, relationships, styles
// and shared strings. An error wraps ErrUnsupported, ErrTooLarge or ErrTooDeep.
func Open(filePath string, limits Limits) (*Workbook, error) {
	zr, err := zip.OpenReader(filePath)
	if err != nil && !errors.Is(err, zip.ErrInsecurePath) {
		return nil, model.Reasonf("%s: %v: %w", "%s: %v: %v", filePath, err, ErrUnsupported)
	}
	w, err := OpenZip(filePath, &zr.Reader, limits)
	if err != nil {
		zr.Close()
		return nil, err
	}
	w.closer = zr
	return w, nil
}

// OpenZip is Open for an archive already open (and, in the ingest package, already
// checked against its limits); path names it in errors.
func OpenZip(path string, z *zip.Reader, limits Limits) (*Workbook, error) {
	// klauspost/compress inflates a fifth faster than compress/flate (0.21 against 0.27
	// CPU seconds for the 81 MB sheet of BenchmarkSheetReader), and inflating is a
	// third of reading a sheet. archive/zip still checks each entry's size and CRC-32.
	z.RegisterDecompressor(zip.Deflate, flate.NewReader)
	w := &Workbook{path: path, limits: limits, entries: map[string]*zip.File{}}
	if len(z.File) > limits.MaxEntries {
		return nil, model.Reasonf("%s: the archive holds %d entries, more than the %d allowed: %w", "%s: het archief bevat %d onderdelen, meer dan de toegestane %d: %v",
			path, len(z.File), limits.MaxEntries, ErrTooLarge)
	}
	for _, f := range z.File {
		name := strings.ReplaceAll(f.Name, "\\", "/")
		if _, dup := w.entries[name]; dup {
			return nil, model.Reasonf("%s: entry %q twice in the archive: %w", "%s: onderdeel %q staat twee keer in het archief: %v", path, name, ErrUnsupported)
		}
		w.entries[name] = f
	}
	if err := w.readParts(); err != nil {
		return nil, err
	}
	return w, nil
}

// Close releases the archive.
func (w *Workbook) Close() error {
	if w.closer != nil {
		return w.closer.Close()
	}
	return nil
}

// Sheets returns the sheet names in workbook order.
func (w *Workbook) Sheets() []string { return w.sheets }

// Date1904 reports whether serial day numbers count from 1904.
func (w *Workbook) Date1904() bool { return w.date1904 }

// open inflates an entry through the size limits.
func (w *Workbook) open(name string) (io.ReadCloser, error) {
	f, ok := w.entries[name]
	if !ok {
		return nil, model.Reasonf("%s: no %s in the archive: %w", "%s: geen %s in het archief: %v", w.path, name, ErrUnsupported)
	}
	if f.UncompressedSize64 > uint64(w.limits.MaxEntrySize) {
		return nil, model.Reasonf("%s: entry %q would unpack to %d bytes, more than the %d allowed: %w", "%s: onderdeel %q zou uitpakken tot %d bytes, meer dan de toegestane %d: %v",
			w.path, name, f.UncompressedSize64, w.limits.MaxEntrySize, ErrTooLarge)
	}
	rc, err := f.Open()
	if err != nil {
		return nil, model.Reasonf("%s: entry %q: %v: %w", "%s: onderdeel %q: %v: %v", w.path, name, err, ErrUnsupported)
	}
	limit := w.limits.MaxEntrySize
	if byRatio := int64(f.CompressedSize64) * w.limits.MaxRatio; w.limits.MaxRatio > 0 && byRatio < limit {
		limit = max(byRatio, w.limits.RatioFloor)
	}
	return &boundedReader{w: w, rc: rc, name: name, limit: limit, packed: f.CompressedSize64}, nil
}

// boundedReader counts the bytes an entry inflates to and stops at its limit and at the
// archive's.
type boundedReader struct {
	w      *Workbook
	rc     io.ReadCloser
	name   string
	n      int64
	limit  int64
	packed uint64
	empty  int // reads in a row that gave nothing
}

func (b *boundedReader) Read(p []byte) (int, error) {
	// Never inflate more than one byte past a limit, however large the buffer read into
	// (the scanner's grows to hold a long token).
	allow := min(b.limit-b.n, b.w.limits.MaxTotalSize-b.w.inflated.Load()) + 1
	if allow < 1 {
		allow = 1
	}
	if int64(len(p)) > allow {
		p = p[:allow]
	}
	n, err := b.rc.Read(p)
	if n == 0 && err == nil {
		// A damaged stream that gives nothing and no error would keep io.ReadFull and
		// the scanner asking forever.
		if b.empty++; b.empty > 100 {
			err = io.ErrNoProgress
		}
	} else {
		b.empty = 0
	}
	b.n += int64(n)
	total := b.w.inflated.Add(int64(n))
	switch {
	case b.n > b.limit && b.limit == b.w.limits.MaxEntrySize:
		return 0, model.Reasonf("%s: entry %q unpacks to more than the %d bytes allowed: %w", "%s: onderdeel %q pakt uit tot meer dan de toegestane %d bytes: %v",
			b.w.path, b.name, b.w.limits.MaxEntrySize, ErrTooLarge)
	case b.n > b.limit:
		return 0, model.Reasonf("%s: entry %q unpacks to more than %d times its packed size of %d bytes, far beyond real documents (a zip bomb?): %w", "%s: onderdeel %q pakt uit tot meer dan %d keer zijn ingepakte grootte van %d bytes, ver boven echte documenten (een zipbom?): %v",
			b.w.path, b.name, b.w.limits.MaxRatio, b.packed, ErrTooLarge)
	case total > b.w.limits.MaxTotalSize:
		return 0, model.Reasonf("%s: the archive unpacks to more than the %d bytes allowed: %w", "%s: het archief pakt uit tot meer dan de toegestane %d bytes: %v",
			b.w.path, b.w.limits.MaxTotalSize, ErrTooLarge)
	}
	if err != nil && err != io.EOF {
		err = model.Reasonf("%s: entry %q is damaged: %v: %w", "%s: onderdeel %q is beschadigd: %v: %v", b.w.path, b.name, err, ErrUnsupported)
	}
	return n, err
}

func (b *boundedReader) Close() error { return b.rc.Close() }

// scanPart runs each over the start tags of a part; each may read further tokens.
func (w *Workbook) scanPart(name string, each func(s *scanner) error) error {
	rc, err := w.open(name)
	if err != nil {
		return err
	}
	defer rc.Close()
	s := newScanner(rc, w.limits.MaxXMLDepth)
	for s.next() != tokEOF {
		if s.kind == tokStart {
			if err := each(s); err != nil {
				return model.Reasonf("%s: %s: %w", "%s: %s: %v", w.path, name, err)
			}
		}
	}
	if err := s.failed(); err != nil {
		if errors.Is(err, ErrTooLarge) || errors.Is(err, ErrTooDeep) {
			return model.Reasonf("%s: %s: %w", "%s: %s: %v", w.path, name, err)
		}
		return model.Reasonf("%s: %s: %v: %w", "%s: %s: %v: %v", w.path, name, err, ErrUnsupported)
	}
	return nil
}

const (
	strictNS        = "http://purl.oclc.org/ooxml/"
	officeDocument  = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument"
	worksheetRel    = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet"
	workbookPart    = "xl/workbook.xml"
	workbookRels    = "xl/_rels/workbook.xml.rels"
	sharedStrings   = "xl/sharedStrings.xml"
	stylesPart      = "xl/styles.xml"
	rootRels        = "_rels/.rels"
	maxSharedString = 1 << 24 // entries in the shared string table
)

// readParts reads where excelize reads: the workbook named by the root relationships
// (only xl/workbook.xml is accepted, since excelize takes styles and shared strings from
// fixed paths beside it), its sheets and their targets, xl/styles.xml and
// xl/sharedStrings.xml.
func (w *Workbook) readParts() error {
	var docs []string
	err := w.scanPart(rootRels, func(s *scanner) error {
		if string(s.name) == "Relationship" && string(attr(s.attrs, "Type")) == officeDocument {
			docs = append(docs, string(attr(s.attrs, "Target")))
		}
		return nil
	})
	if err != nil {
		return err
	}
	if len(docs) == 0 || strings.TrimPrefix(docs[0], "/") != workbookPart {
		return model.Reasonf("%s: the workbook part is not %s: %w", "%s: het werkmapdeel is niet %s: %v", w.path, workbookPart, ErrUnsupported)
	}
	var ids []string
	err = w.scanPart(workbookPart, func(s *scanner) error {
		switch string(s.name) {
		case "workbook":
			if bytes.Contains(s.attrs, []byte(strictNS)) {
				return model.Reasonf("strict OOXML: %w", "strikte OOXML: %v", ErrUnsupported)
			}
		case "workbookPr":
			// As encoding/xml reads a bool for excelize: 1, t, true in any case.
			w.date1904, _ = strconv.ParseBool(string(bytes.TrimSpace(attr(s.attrs, "date1904"))))
		case "sheet":
			name, err := appendText(nil, attr(s.attrs, "name"))
			if err != nil {
				return model.Reasonf("sheet name: %v: %w", "bladnaam: %v: %v", err, ErrUnsupported)
			}
			id := attrQ(s.attrs, "r:id")
			if id == nil {
				return model.Reasonf("sheet %q without r:id: %w", "blad %q zonder r:id: %v", name, ErrUnsupported)
			}
			w.sheets = append(w.sheets, string(name))
			ids = append(ids, string(id))
		}
		return nil
	})
	if err != nil {
		return err
	}
	rels := map[string]string{}
	err = w.scanPart(workbookRels, func(s *scanner) error {
		if string(s.name) == "Relationship" {
			id, typ, target := string(attr(s.attrs, "Id")), string(attr(s.attrs, "Type")), string(attr(s.attrs, "Target"))
			if typ == worksheetRel {
				if _, dup := rels[id]; !dup {
					rels[id] = target
				}
			}
		}
		return nil
	})
	if err != nil {
		return err
	}
	for _, id := range ids {
		target, ok := rels[id]
		if ok {
			if strings.HasPrefix(target, "/") {
				target = strings.TrimPrefix(path.Clean(target), "/")
			} else {
				target = path.Clean("xl/" + target)
			}
			if strings.HasPrefix(target, "../") || strings.Contains(target, "\\") || strings.Contains(target, "%") {
				return model.Reasonf("%s: sheet target %q: %w", "%s: doel %q van het blad: %v", w.path, target, ErrUnsupported)
			}
			if _, ok = w.entries[target]; !ok {
				target = ""
			}
		}
		w.targets = append(w.targets, target)
	}
	if _, ok := w.entries[stylesPart]; ok {
		if err := w.readStyles(); err != nil {
			return err
		}
	}
	if _, ok := w.entries[sharedStrings]; ok {
		if err := w.readShared(); err != nil {
			return err
		}
	}
	return nil
}

// readStyles reads the number format of every cell format (cellXfs) and what it shows.
func (w *Workbook) readStyles() error {
	custom := map[int]string{}
	var xfs []int
	var section string // the child of styleSheet being read
	err := w.scanPart(stylesPart, func(s *scanner) error {
		level := s.depth // open ancestors of this element
		if !s.selfClose {
			level--
		}
		switch {
		case level == 1:
			section = string(s.name)
		case level == 2 && section == "numFmts" && string(s.name) == "numFmt":
			id, err := strconv.Atoi(string(attr(s.attrs, "numFmtId")))
			if err != nil {
				return model.Reasonf("numFmt without a numFmtId: %w", "numFmt zonder numFmtId: %v", ErrUnsupported)
			}
			code := attr(s.attrs, "formatCode16")
			if len(code) == 0 {
				code = attr(s.attrs, "formatCode")
			}
			text, err := appendText(nil, code)
			if err != nil {
				return model.Reasonf("formatCode: %v: %w", "formatCode: %v: %v", err, ErrUnsupported)
			}
			if _, dup := custom[id]; !dup {
				custom[id] = string(text)
			}
		case level == 2 && section == "cellXfs" && string(s.name) == "xf":
			id := 0
			if v := attr(s.attrs, "numFmtId"); v != nil {
				n, err := strconv.Atoi(string(v))
				if err != nil {
					return model.Reasonf("xf numFmtId %q: %w", "xf numFmtId %q: %v", v, ErrUnsupported)
				}
				id = n
			}
			xfs = append(xfs, id)
		}
		return nil
	})
	if err != nil {
		return err
	}
	w.styles = make([]formatKind, len(xfs))
	for i, id := range xfs {
		if i == 0 {
			continue // excelize never formats a cell of style 0
		}
		if code, ok := custom[id]; ok {
			w.styles[i] = kindOfCode(code)
		} else {
			w.styles[i] = kindOfBuiltin(id)
		}
	}
	return nil
}

// readShared reads the shared string table: each <si>'s text, rich text runs joined in
// order, phonetic runs (rPh) left out, _xHHHH_ escapes decoded.
func (w *Workbook) readShared() error {
	var text []byte
	err := w.scanPart(sharedStrings, func(s *scanner) error {
		if string(s.name) != "si" {
			return nil
		}
		var err error
		text, err = readRichText(s, text[:0])
		if err != nil {
			return err
		}
		if len(w.shared) >= maxSharedString {
			return model.Reasonf("more than %d shared strings: %w", "meer dan %d gedeelde teksten: %v", maxSharedString, ErrTooLarge)
		}
		w.shared = append(w.shared, unescapeBSTR(string(text)))
		return nil
	})
	return err
}

// readRichText reads the content of an <si> or <is> element whose start tag was just
// read, as excelize's xlsxSI.String does: the text of its own <t>, then that of the <t>
// of each <r> run; everything else (rPh, phoneticPr) is skipped.
func readRichText(s *scanner, dst []byte) ([]byte, error) {
	if s.selfClose {
		return dst, nil
	}
	var own, runs []byte
	depth := s.depth
	for {
		switch s.next() {
		case tokEOF:
			return dst, model.Reasonf("XML ends inside a string: %w", "de XML houdt op midden in een tekst: %v", ErrUnsupported)
		case tokEnd:
			if s.depth < depth {
				return append(append(dst, own...), runs...), nil
			}
		case tokStart:
			switch {
			case string(s.name) == "t" && s.depth == depth+1:
				// A later <t> replaces an earlier one, as encoding/xml does.
				var err error
				if own, err = readText(s, own[:0]); err != nil {
					return dst, err
				}
			case string(s.name) == "r" && s.depth == depth+1:
				var run []byte
				rdepth := s.depth
				for !(s.kind == tokEnd && s.depth < rdepth) {
					if s.next() == tokEOF {
						return dst, model.Reasonf("XML ends inside a run: %w", "de XML houdt op midden in een tekstdeel: %v", ErrUnsupported)
					}
					if s.kind == tokStart {
						if string(s.name) == "t" && s.depth == rdepth+1 {
							var err error
							if run, err = readText(s, run[:0]); err != nil {
								return dst, err
							}
						} else {
							s.skip()
						}
					}
				}
				runs = append(runs, run...)
			default:
				s.skip()
			}
		}
	}
}

// readText appends the decoded character data of the element whose start tag was just
// read, up to its end tag; nested elements and their text are skipped, as encoding/xml
// skips them for a chardata field.
func readText(s *scanner, dst []byte) ([]byte, error) {
	if s.selfClose {
		return dst, nil
	}
	depth := s.depth
	for {
		var err error
		switch s.next() {
		case tokEOF:
			return dst, model.Reasonf("XML ends inside text: %w", "de XML houdt op midden in tekst: %v", ErrUnsupported)
		case tokEnd:
			if s.depth < depth {
				return dst, nil
			}
		case tokStart:
			s.skip()
		case tokText:
			if plain(s.text) {
				dst = append(dst, s.text...)
			} else if dst, err = appendText(dst, s.text); err != nil {
				return dst, model.Reasonf("%v: %w", "%v: %v", err, ErrUnsupported)
			}
		case tokCDATA:
			if dst, err = appendCDATA(dst, s.text); err != nil {
				return dst, model.Reasonf("%v: %w", "%v: %v", err, ErrUnsupported)
			}
		}
	}
}

// unescapeBSTR decodes the _xHHHH_ escapes by which OOXML writes characters XML cannot
// hold, as excelize does: each escape becomes its character, _x005F_ an underscore.
func unescapeBSTR(s string) string {
	if !strings.Contains(s, "_x") {
		return s
	}
	var b strings.Builder
	for i := 0; i < len(s); {
		if i+7 <= len(s) && s[i] == '_' && s[i+1] == 'x' && s[i+6] == '_' && isHex(s[i+2:i+6]) {
			n, _ := strconv.ParseUint(s[i+2:i+6], 16, 32)
			switch {
			case n == 0x5F:
				b.WriteByte('_')
			case n >= 0xD800 && n <= 0xDFFF:
				// strconv.Unquote refuses a lone surrogate, and excelize writes nothing.
			default:
				b.WriteRune(rune(n))
			}
			i += 7
			continue
		}
		b.WriteByte(s[i])
		i++
	}
	return b.String()
}

func isHex(s string) bool {
	for i := 0; i < len(s); i++ {
		c := s[i]
		if !(c >= '0' && c <= '9' || c >= 'a' && c <= 'f' || c >= 'A' && c <= 'F') {
			return false
		}
	}
	return true
}

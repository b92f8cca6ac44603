package ingest

import (
	"archive/zip"
	"bytes"
	"encoding/binary"
	"encoding/xml"
	"errors"
	"io"
	"os"
	"path/filepath"
	"strings"

	"github.com/samenspel/samenspel/pipeline/model"
	"golang.org/x/text/encoding/htmlindex"
)

// Limits for the zip archives that researchers hand in (.xlsx, .docx, .qdpx). A real
// workbook, document or interview project stays far below them; a zip bomb does not.
// They are checked on the archive's central directory, before anything is unpacked:
// archive/zip fails an entry that unpacks to more than its header declares
// (zip.ErrFormat), so the declared sizes bound what reading can cost, and a refused
// archive costs no more memory than its directory.
const (
	// MaxWorkbookEntries, MaxDocumentEntries and MaxProjectEntries are the most entries
	// a workbook (a few parts per sheet), a Word document and a REFI-QDA project (one
	// source file per document, with its media) may hold.
	MaxWorkbookEntries = 10000
	MaxDocumentEntries = 10000
	MaxProjectEntries  = 100000
	// MaxArchiveSize is the most bytes all entries together may unpack to.
	MaxArchiveSize = 4 << 30
	// MaxCompressionRatio bounds the whole archive: all entries together may unpack to
	// at most this many times the archive's size on disk (or to ratioFloor, where that
	// is more), however the bytes are spread over entries. Office XML packs 3 to 15
	// times; zip bombs pack a thousand times and more.
	MaxCompressionRatio = 100
	ratioFloor          = 1 << 20
	// MaxXMLDepth is the deepest element nesting accepted in any XML document read from
	// an archive. QDA-XML code trees and Word documents stay well under a hundred.
	MaxXMLDepth = 256
)

// archiveKind is what an archive is read as, for its cap on entries and its errors.
type archiveKind struct {
	name       string
	maxEntries int
	nl         string // the name in Dutch, with its article
}

var (
	workbookArchive = archiveKind{"workbook", MaxWorkbookEntries, "de werkmap"}
	documentArchive = archiveKind{"Word document", MaxDocumentEntries, "het Word-document"}
	projectArchive  = archiveKind{"REFI-QDA project", MaxProjectEntries, "het REFI-QDA-project"}
)

// in is the kind's name in both languages, for model.Reasonf.
func (k archiveKind) in() error { return model.Translated(k.name, k.nl) }

// archiveKindOf is the kind an archive's file name suggests; a zip archive of another name
// gets the largest cap on entries.
func archiveKindOf(path string) archiveKind {
	switch strings.ToLower(filepath.Ext(path)) {
	case ".xlsx", ".xlsm":
		return workbookArchive
	case ".docx":
		return documentArchive
	case ".qdpx":
		return projectArchive
	}
	return archiveKind{"zip archive", MaxProjectEntries, "het zip-archief"}
}

// isZip reports whether data starts like a zip archive.
func isZip(data []byte) bool { return bytes.HasPrefix(data, []byte("PK\x03\x04")) }

// checkArchive opens a zip archive held in data and checks it against the limits of its
// kind: the number of entries (read from the end record before the directory is parsed,
// so a directory of millions of entries is not built in memory), the size of all entries
// together, and that size against the archive's size on disk. An archive over a limit
// gives an error wrapping ErrTooLarge.
func checkArchive(path string, data []byte, kind archiveKind) (*zip.Reader, error) {
	if n, ok := zipEntryCount(data); ok && n > uint64(kind.maxEntries) {
		return nil, model.Reasonf("%s: the %s holds %d entries, more than the %d allowed: %w", "%s: %s bevat %d onderdelen, meer dan de toegestane %d: %v",
			path, kind.in(), n, kind.maxEntries, ErrTooLarge)
	}
	z, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil && !errors.Is(err, zip.ErrInsecurePath) {
		return nil, model.Reasonf("%s: not a readable zip archive: %v: %w", "%s: geen leesbaar zip-archief: %v: %v", path, err, ErrUnknownFormat)
	}
	if len(z.File) > kind.maxEntries {
		return nil, model.Reasonf("%s: the %s holds %d entries, more than the %d allowed: %w", "%s: %s bevat %d onderdelen, meer dan de toegestane %d: %v",
			path, kind.in(), len(z.File), kind.maxEntries, ErrTooLarge)
	}
	bound := max(uint64(len(data))*MaxCompressionRatio, ratioFloor)
	if bound > MaxArchiveSize {
		bound = MaxArchiveSize
	}
	var total uint64
	for _, f := range z.File {
		total += f.UncompressedSize64
		if total > bound || total < f.UncompressedSize64 { // the second test catches wrapping
			if bound == MaxArchiveSize {
				return nil, model.Reasonf("%s: the %s unpacks to more than the %d bytes allowed: %w", "%s: %s pakt uit tot meer dan de toegestane %d bytes: %v",
					path, kind.in(), int64(MaxArchiveSize), ErrTooLarge)
			}
			return nil, model.Reasonf("%s: the %s unpacks to more than %d times its %d bytes on disk, far beyond real documents (a zip bomb?): %w", "%s: %s pakt uit tot meer dan %d keer zijn %d bytes op schijf, ver boven echte documenten (een zipbom?): %v",
				path, kind.in(), MaxCompressionRatio, len(data), ErrTooLarge)
		}
	}
	return z, nil
}

// zipEntryCount reads the number of entries from a zip archive's end of central
// directory record (or its zip64 form); ok is false where there is none to read, and
// archive/zip then judges the file.
func zipEntryCount(data []byte) (n uint64, ok bool) {
	const eocdLen = 22
	if len(data) < eocdLen {
		return 0, false
	}
	// The record sits at the end, after a comment of at most 65535 bytes.
	from := max(len(data)-eocdLen-65535, 0)
	i := bytes.LastIndex(data[from:], []byte("PK\x05\x06"))
	if i < 0 {
		return 0, false
	}
	i += from
	if i+eocdLen > len(data) {
		return 0, false
	}
	n = uint64(binary.LittleEndian.Uint16(data[i+10:]))
	if n != 0xFFFF {
		return n, true
	}
	// zip64: a locator of 20 bytes before the record points to the zip64 end record,
	// whose entry count is a uint64 at offset 32.
	if i < 20 || !bytes.Equal(data[i-20:i-16], []byte("PK\x06\x07")) {
		return n, true
	}
	off := binary.LittleEndian.Uint64(data[i-12:])
	if off > uint64(len(data)) || uint64(len(data))-off < 56 || !bytes.Equal(data[off:off+4], []byte("PK\x06\x06")) {
		return n, true
	}
	return binary.LittleEndian.Uint64(data[off+32:]), true
}

// zipArchive is an archive held in memory: entries are unpacked into byte slices on
// request and never written to disk, so an entry's own path (which may hold "../" or an
// absolute path) is never used to create a file.
type zipArchive struct {
	path    string
	entries map[string]*zip.File // by name with "\" made "/"
	order   []string
}

// openArchive opens the input as a zip archive of the given kind, after checking it
// against the limits.
func openArchive(in *input, kind archiveKind) (*zipArchive, error) {
	z, err := checkArchive(in.path, in.data, kind)
	if err != nil {
		return nil, err
	}
	a := &zipArchive{path: in.path, entries: map[string]*zip.File{}}
	for _, f := range z.File {
		if f.FileInfo().IsDir() {
			continue
		}
		name := strings.ReplaceAll(f.Name, "\\", "/")
		if _, dup := a.entries[name]; dup {
			continue
		}
		a.entries[name] = f
		a.order = append(a.order, name)
	}
	return a, nil
}

// names returns the entry names in archive order.
func (a *zipArchive) names() []string { return a.order }

// has reports whether the archive holds an entry by that name.
func (a *zipArchive) has(name string) bool {
	_, ok := a.entries[name]
	return ok
}

// find returns the name of the entry whose name equals name ignoring case, or "".
func (a *zipArchive) find(name string) string {
	if a.has(name) {
		return name
	}
	for _, n := range a.order {
		if strings.EqualFold(n, name) {
			return n
		}
	}
	return ""
}

// read unpacks an entry. archive/zip stops it at the size its header declares, which
// checkArchive has bounded.
func (a *zipArchive) read(name string) ([]byte, error) {
	f, ok := a.entries[name]
	if !ok {
		return nil, model.Reasonf("%s: no entry %q in the archive: %w", "%s: geen onderdeel %q in het archief: %v", a.path, name, os.ErrNotExist)
	}
	rc, err := f.Open()
	if err != nil {
		return nil, model.Reasonf("%s: entry %q cannot be opened: %v: %w", "%s: onderdeel %q kan niet worden geopend: %v: %v", a.path, name, err, ErrUnknownFormat)
	}
	defer rc.Close()
	b := make([]byte, 0, min(f.UncompressedSize64, MaxArchiveSize))
	buf := bytesWriter{&b}
	if _, err := io.Copy(buf, rc); err != nil {
		return nil, model.Reasonf("%s: entry %q is damaged: %v: %w", "%s: onderdeel %q is beschadigd: %v: %v", a.path, name, err, ErrUnknownFormat)
	}
	return b, nil
}

// ErrXMLTooDeep is wrapped by errors for XML nested deeper than MaxXMLDepth.
var ErrXMLTooDeep = model.NewKind("XML nested too deep", "XML te diep genest")

// checkXMLDepth reads an XML document's tokens and fails on a document that is not well
// formed or nests elements deeper than max. encoding/xml never expands entities other
// than the five predefined ones and character references, so an entity bomb (billion
// laughs) fails here as an unknown entity instead of growing.
func checkXMLDepth(data []byte, max int) error {
	d := xml.NewDecoder(bytes.NewReader(data))
	d.Strict = true
	d.CharsetReader = charsetReader
	depth := 0
	for {
		tok, err := d.RawToken()
		if err == io.EOF {
			if depth != 0 {
				return model.Reasonf("XML ends inside an element: %w", "de XML houdt op midden in een element: %v", io.ErrUnexpectedEOF)
			}
			return nil
		}
		if err != nil {
			return err
		}
		switch tok.(type) {
		case xml.StartElement:
			depth++
			if depth > max {
				return model.Reasonf("line %d: elements nested more than %d deep: %w", "regel %d: elementen meer dan %d diep genest: %v", lineOf(d), max, ErrXMLTooDeep)
			}
		case xml.EndElement:
			depth--
		}
	}
}

func lineOf(d *xml.Decoder) int {
	line, _ := d.InputPos()
	return line
}

// charsetReader lets encoding/xml read documents that declare an encoding other than
// UTF-8 (windows-1252, ISO-8859-1, UTF-16, ...), as older tools write them.
func charsetReader(label string, input io.Reader) (io.Reader, error) {
	enc, err := htmlindex.Get(label)
	if err != nil {
		return nil, model.Reasonf("XML declares encoding %q, which is not known: %w", "de XML noemt de codering %q, die niet bekend is: %v", label, ErrUnknownFormat)
	}
	return enc.NewDecoder().Reader(input), nil
}

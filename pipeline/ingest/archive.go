package ingest

import (
	"archive/zip"
	"bytes"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"os"
	"strings"

	"golang.org/x/text/encoding/htmlindex"
)

// Limits for the zip archives that researchers hand in (.xlsx, .docx, .qdpx). A real
// interview project or workbook stays far below them; a zip bomb does not.
const (
	// MaxArchiveEntries is the most entries an archive may hold.
	MaxArchiveEntries = 20000
	// MaxArchiveSize is the most bytes all entries together may hold uncompressed.
	MaxArchiveSize = 4 << 30
	// MaxEntrySize is the most bytes one entry may hold uncompressed.
	MaxEntrySize = 2 << 30
	// MaxCompressionRatio is the highest uncompressed/compressed ratio allowed for an
	// entry of more than ratioFloor bytes. Spreadsheet XML compresses about 10 to 50
	// times; zip bombs compress a thousand times and more.
	MaxCompressionRatio = 200
	ratioFloor          = 1 << 20
	// MaxXMLDepth is the deepest element nesting accepted in any XML document read from
	// an archive. QDA-XML code trees and Word documents stay well under a hundred.
	MaxXMLDepth = 256
)

// CheckArchive checks a zip archive (.xlsx, .docx, .qdpx) against the size, entry-count
// and compression-ratio limits before anything reads it. It decompresses every entry to
// nowhere, counting bytes, so sizes that the zip headers understate are caught too. An
// archive over a limit gives an error wrapping ErrTooLarge.
func CheckArchive(path string) error {
	z, err := zip.OpenReader(path)
	if err != nil && !errors.Is(err, zip.ErrInsecurePath) {
		return fmt.Errorf("%s: not a readable zip archive: %v: %w", path, err, ErrUnknownFormat)
	}
	defer z.Close()
	_, err = checkEntries(path, &z.Reader, false)
	return err
}

// zipArchive is an archive held in memory: entries are read into byte slices on request
// and never written to disk, so an entry's own path (which may hold "../" or an absolute
// path) is never used to create a file.
type zipArchive struct {
	path    string
	entries map[string]*zip.File // by name with "\" made "/"
	order   []string
	data    map[string][]byte
}

// openArchive opens a zip archive after checking it against the limits.
func openArchive(path string) (*zipArchive, error) {
	raw, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	return openArchiveBytes(path, raw)
}

// openArchiveBytes is openArchive for an archive already in memory; path names it in
// errors.
func openArchiveBytes(path string, raw []byte) (*zipArchive, error) {
	z, err := zip.NewReader(bytes.NewReader(raw), int64(len(raw)))
	if err != nil && !errors.Is(err, zip.ErrInsecurePath) {
		return nil, fmt.Errorf("%s: not a readable zip archive: %v: %w", path, err, ErrUnknownFormat)
	}
	data, err := checkEntries(path, z, true)
	if err != nil {
		return nil, err
	}
	a := &zipArchive{path: path, entries: map[string]*zip.File{}, data: data}
	for _, f := range z.File {
		name := strings.ReplaceAll(f.Name, "\\", "/")
		if _, dup := a.entries[name]; dup {
			continue
		}
		a.entries[name] = f
		a.order = append(a.order, name)
	}
	return a, nil
}

// checkEntries enforces the limits by decompressing every entry, counting the bytes that
// really come out. With keep it returns the contents by entry name.
func checkEntries(path string, z *zip.Reader, keep bool) (map[string][]byte, error) {
	if len(z.File) > MaxArchiveEntries {
		return nil, fmt.Errorf("%s: the archive holds %d entries, more than the %d allowed: %w",
			path, len(z.File), MaxArchiveEntries, ErrTooLarge)
	}
	var data map[string][]byte
	if keep {
		data = map[string][]byte{}
	}
	var total int64
	for _, f := range z.File {
		if f.FileInfo().IsDir() {
			continue
		}
		if f.UncompressedSize64 > MaxEntrySize {
			return nil, fmt.Errorf("%s: entry %q would unpack to %d bytes, more than the %d allowed: %w",
				path, f.Name, f.UncompressedSize64, MaxEntrySize, ErrTooLarge)
		}
		rc, err := f.Open()
		if err != nil {
			return nil, fmt.Errorf("%s: entry %q cannot be opened: %v: %w", path, f.Name, err, ErrUnknownFormat)
		}
		// Read no more than the entry may hold: its size limit, and for a large entry
		// MaxCompressionRatio times its packed size, so a bomb is stopped early.
		limit := int64(MaxEntrySize)
		if byRatio := int64(f.CompressedSize64) * MaxCompressionRatio; byRatio < limit {
			limit = max(byRatio, ratioFloor)
		}
		var sink io.Writer = io.Discard
		var buf bytes.Buffer
		if keep {
			sink = &buf
		}
		n, err := io.Copy(sink, io.LimitReader(rc, limit+1))
		rc.Close()
		if err != nil {
			return nil, fmt.Errorf("%s: entry %q is damaged: %v: %w", path, f.Name, err, ErrUnknownFormat)
		}
		if n > limit {
			if limit == MaxEntrySize {
				return nil, fmt.Errorf("%s: entry %q unpacks to more than the %d bytes allowed: %w",
					path, f.Name, MaxEntrySize, ErrTooLarge)
			}
			return nil, fmt.Errorf("%s: entry %q unpacks to more than %d times its packed size of %d bytes, far beyond real documents (a zip bomb?): %w",
				path, f.Name, MaxCompressionRatio, f.CompressedSize64, ErrTooLarge)
		}
		total += n
		if total > MaxArchiveSize {
			return nil, fmt.Errorf("%s: the archive unpacks to more than the %d bytes allowed: %w",
				path, int64(MaxArchiveSize), ErrTooLarge)
		}
		if keep {
			data[strings.ReplaceAll(f.Name, "\\", "/")] = buf.Bytes()
		}
	}
	return data, nil
}

// names returns the entry names in archive order.
func (a *zipArchive) names() []string { return a.order }

// has reports whether the archive holds an entry by that name.
func (a *zipArchive) has(name string) bool {
	_, ok := a.data[name]
	return ok
}

// find returns the name of the entry whose name equals name ignoring case, or "".
func (a *zipArchive) find(name string) string {
	if a.has(name) {
		return name
	}
	for _, n := range a.order {
		if strings.EqualFold(n, name) {
			if _, ok := a.data[n]; ok {
				return n
			}
		}
	}
	return ""
}

// read returns an entry's contents.
func (a *zipArchive) read(name string) ([]byte, error) {
	b, ok := a.data[name]
	if !ok {
		return nil, fmt.Errorf("%s: no entry %q in the archive: %w", a.path, name, os.ErrNotExist)
	}
	return b, nil
}

// ErrXMLTooDeep is wrapped by errors for XML nested deeper than MaxXMLDepth.
var ErrXMLTooDeep = errors.New("XML nested too deep")

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
				return fmt.Errorf("XML ends inside an element: %w", io.ErrUnexpectedEOF)
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
				return fmt.Errorf("line %d: elements nested more than %d deep: %w", lineOf(d), max, ErrXMLTooDeep)
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
		return nil, fmt.Errorf("XML declares encoding %q, which is not known: %w", label, ErrUnknownFormat)
	}
	return enc.NewDecoder().Reader(input), nil
}

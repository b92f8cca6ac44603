package ingest

import (
	"archive/zip"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"github.com/samenspel/samenspel/pipeline/regularfile"

	"github.com/samenspel/samenspel/pipeline/ingest/sav"
	"github.com/samenspel/samenspel/pipeline/ingest/sheet"
	"github.com/samenspel/samenspel/pipeline/model"
	"github.com/xuri/excelize/v2"
)

// MaxInputSize is the most bytes an input file may hold. An export of a national survey
// stays far below it; the bound keeps a stray disk image or video from being read into
// memory.
const MaxInputSize = 1 << 30

// ErrNotRegular is wrapped by the error for an input that is not a regular file: a
// folder, a device (/dev/zero), a named pipe (FIFO) or a socket. Reading one would hang
// or never end.
var ErrNotRegular = model.NewKind("not a regular file", "geen gewoon bestand")

// input is one input file as the readers see it: its bytes, read once through one
// read-only open, and the sha256 of exactly those bytes. Everything that recognises a
// format or reads rows works on data, so that what is hashed is what is analysed and a
// file that changes during a run cannot give the detection and the reading different
// contents.
type input struct {
	path   string
	data   []byte
	sha256 string

	// Decoded forms, made on first use and shared by format detection and reading.
	text *textTable     // a delimited text file
	book *excelize.File // a workbook
	// The workbook in the fast reader (table_xlsx.go), opened once for all its sheets.
	zip       *zip.Reader
	zipErr    error
	fast      *sheet.Workbook
	fastErr   error
	fastTried bool
}

// openInput opens an input read-only without waiting for a writer (regularfile.Open).
// Tests replace it to count the opens.
var openInput = regularfile.Open

// inputRules: an input is a regular file of at most MaxInputSize bytes.
var inputRules = regularfile.Rules{
	Max: MaxInputSize, NotRegular: ErrNotRegular, TooLarge: ErrTooLarge,
	Hint:   [2]string{"give the path of an export file", "geef het pad van een exportbestand"},
	Holder: [2]string{"an input", "een invoerbestand"},
}

// readInput reads an input file once: one read-only open, a check that it is a regular
// file no larger than MaxInputSize, and all of its bytes, hashed. Errors name the file.
func readInput(path string) (*input, error) {
	f, err := openInput(path)
	if err != nil {
		return nil, err // *fs.PathError names the file
	}
	defer f.Close()
	data, err := regularfile.Read(f, path, inputRules)
	if err != nil {
		return nil, err
	}
	sum := sha256.Sum256(data)
	return &input{path: path, data: data, sha256: hex.EncodeToString(sum[:])}, nil
}

// bytesWriter appends to a byte slice.
type bytesWriter struct{ b *[]byte }

func (w bytesWriter) Write(p []byte) (int, error) {
	*w.b = append(*w.b, p...)
	return len(p), nil
}

// close releases what the decoded forms hold.
func (in *input) close() {
	if in.book != nil {
		in.book.Close()
		in.book = nil
	}
	if in.fast != nil {
		in.fast.Close()
		in.fast = nil
	}
}

// loadInput returns the input a Read function opened for path, or reads path when a
// format reader is called directly (as tests do).
func loadInput(path string, opt Options) (*input, error) {
	if opt.in != nil && opt.in.path == path {
		return opt.in, nil
	}
	return readInput(path)
}

// readOnce is how ReadInterviews, ReadSurvey and ReadRespondents read a file: one read
// of path, then read, which finds the input in opt, then the accounting: the sha256 and
// size of the bytes read, and the records of a text file that could not be read
// (unclosed quotes) as rejects.
func readOnce(path string, opt Options, survey bool, read func(string, Options) (model.Dataset, error)) (model.Dataset, error) {
	in, err := readInput(path)
	if err != nil {
		return model.Dataset{}, err
	}
	defer in.close()
	opt.in = in
	ds, several, err := readSheets(in, opt, survey, read) // a workbook's sheets: sheets.go
	if !several && err == nil {
		ds, err = read(path, opt)
	}
	// A workbook with a sheet per coder stops a run; `analyse check` lists it beside the
	// rest of what the file holds (pipeline/check_stops.go).
	if err != nil && !errors.Is(err, ErrSheetPerCoder) {
		return model.Dataset{}, err
	}
	in.account(&ds)
	return ds, err
}

// account puts the input's hash and size on its FileCount and adds the records the text
// reader left out (rows read = accepted + rejected then counts them), each among the
// reader's rejects of the file in line order.
func (in *input) account(ds *model.Dataset) {
	var broken []model.Reject
	if in.text != nil {
		broken = in.text.rejects(in.path)
	}
	counted := false
	for i := range ds.Files {
		fc := &ds.Files[i]
		if fc.Path != in.path {
			continue
		}
		fc.SHA256, fc.Bytes = in.sha256, int64(len(in.data))
		if !counted { // a reader gives one FileCount per input
			fc.Read += len(broken)
			fc.Rejected += len(broken)
			counted = true
		}
	}
	ds.Rejects = mergeRejects(ds.Rejects, broken)
}

// mergeRejects inserts each of add (in row order) before the first reject of the same
// file with a later row, keeping the order of rejects otherwise.
func mergeRejects(rejects, add []model.Reject) []model.Reject {
	if len(add) == 0 {
		return rejects
	}
	out := make([]model.Reject, 0, len(rejects)+len(add))
	j := 0
	for _, r := range rejects {
		for j < len(add) && r.File == add[j].File && r.Row > add[j].Row {
			out = append(out, add[j])
			j++
		}
		out = append(out, r)
	}
	return append(out, add[j:]...)
}

// openSav reads an SPSS system file from the input.
func openSav(path string, opt Options) (*sav.File, error) {
	in, err := loadInput(path, opt)
	if err != nil {
		return nil, err
	}
	if len(in.data) > sav.MaxFileSize {
		return nil, model.Reasonf("%s: larger than %d bytes: %w", "%s: groter dan %d bytes: %v", path, sav.MaxFileSize, sav.ErrFormat)
	}
	f, err := sav.Parse(in.data)
	if err != nil {
		return nil, model.Reasonf("%s: %w", "%s: %v", path, err)
	}
	return f, nil
}

// ReadFile reads a file the way inputs are read, for the files beside them (the codebook,
// study.yaml): one read-only open, a regular file no larger than MaxInputSize, and the
// sha256 of exactly the bytes returned.
func ReadFile(path string) (data []byte, sha256 string, err error) {
	in, err := readInput(path)
	if err != nil {
		return nil, "", err
	}
	return in.data, in.sha256, nil
}

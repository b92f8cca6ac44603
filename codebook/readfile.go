package codebook

import (
	"github.com/samenspel/samenspel/pipeline/model"
	"github.com/samenspel/samenspel/pipeline/regularfile"
)

// A codebook names files beside it (calibration:, model:), and a study names the codebook.
// os.ReadFile on a named pipe waits for a writer forever, and on /dev/zero reads without
// end: a codebook whose calibration: was a FIFO hung the run, `analyse check` and
// `codebook check` (attack 14, calibration-fifo-hangs), where an input file of the same
// kind was refused at once (ingest.readInput). readRegular is that check for the files
// the codebook package opens itself: the codebook (.yaml, .xlsx, .qdc), its calibration,
// its model, and the codebook AddAliases and FileSHA256 read.

// MaxFileSize is the most bytes a codebook, calibration or model file may hold; the
// default codebook's model, the largest of them, is about 1 MB.
const MaxFileSize = 256 << 20

// ErrNotRegular is wrapped by the error for a codebook, calibration or model path that
// is not a regular file: a folder, a device, a named pipe (FIFO) or a socket.
var ErrNotRegular = model.NewKind("not a regular file", "geen gewoon bestand")

// ErrTooLarge is wrapped by the error for a codebook, calibration or model file larger
// than MaxFileSize.
var ErrTooLarge = model.NewKind("file too large", "bestand te groot")

// fileRules: a codebook's file is a regular file of at most MaxFileSize bytes.
var fileRules = regularfile.Rules{
	Max: MaxFileSize, NotRegular: ErrNotRegular, TooLarge: ErrTooLarge,
	Hint:   [2]string{"give the path of a file", "geef het pad van een bestand"},
	Holder: [2]string{"a codebook's file", "een bestand van een codeboek"},
}

// readRegular reads the file at path: one read-only open that does not wait for a
// writer, then regularfile.Read's checks and its bytes. Errors name the file and what it
// is.
func readRegular(path string) ([]byte, error) {
	f, err := regularfile.Open(path)
	if err != nil {
		return nil, err // *fs.PathError names the file; fs.ErrNotExist stays visible
	}
	defer f.Close()
	return regularfile.Read(f, path, fileRules)
}

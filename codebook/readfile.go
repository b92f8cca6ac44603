package codebook

import (
	"io"
	"io/fs"
	"os"
	"syscall"

	"github.com/samenspel/samenspel/pipeline/model"
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

// readRegular reads the file at path: one read-only open that does not wait for a
// writer (O_NONBLOCK, no effect on a regular file), a check on the open file that it is
// a regular file (a symbolic link is followed to what it names and judged by that) of
// at most MaxFileSize bytes, then its bytes. Errors name the file and what it is.
func readRegular(path string) ([]byte, error) {
	f, err := os.OpenFile(path, os.O_RDONLY|syscall.O_NONBLOCK, 0)
	if err != nil {
		return nil, err // *fs.PathError names the file; fs.ErrNotExist stays visible
	}
	defer f.Close()
	fi, err := f.Stat()
	if err != nil {
		return nil, model.Reasonf("%s: %w", "%s: %v", path, err)
	}
	if !fi.Mode().IsRegular() {
		en, nl := specialKind(fi.Mode())
		return nil, model.Reasonf("%[1]s: %[2]s, %[4]w: give the path of a file", "%[1]s: %[3]s, %[4]v: geef het pad van een bestand", path, en, nl, ErrNotRegular)
	}
	if fi.Size() > MaxFileSize {
		return nil, model.Reasonf("%s: %d bytes, more than the %d a codebook's file may hold: %w", "%s: %d bytes, meer dan de %d die een bestand van een codeboek mag bevatten: %v", path, fi.Size(), int64(MaxFileSize), ErrTooLarge)
	}
	data, err := io.ReadAll(io.LimitReader(f, MaxFileSize+1))
	if err != nil {
		return nil, model.Reasonf("%s: %w", "%s: %v", path, err)
	}
	if len(data) > MaxFileSize {
		return nil, model.Reasonf("%s: more than the %d bytes a codebook's file may hold: %w", "%s: meer dan de %d bytes die een bestand van een codeboek mag bevatten: %v", path, int64(MaxFileSize), ErrTooLarge)
	}
	return data, nil
}

// specialKind says in English and Dutch what a file that is not regular is.
func specialKind(m fs.FileMode) (en, nl string) {
	switch {
	case m.IsDir():
		return "a folder", "een map"
	case m&fs.ModeNamedPipe != 0:
		return "a named pipe (FIFO)", "een named pipe (FIFO)"
	case m&fs.ModeSocket != 0:
		return "a socket", "een socket"
	case m&fs.ModeDevice != 0, m&fs.ModeCharDevice != 0:
		return "a device", "een apparaat"
	}
	return "a special file", "een bijzonder bestand"
}

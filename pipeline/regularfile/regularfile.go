// Package regularfile reads a file a study names (an input, a codebook, its calibration,
// its model) only when it is a regular file of at most a given size. os.ReadFile on a
// named pipe waits for a writer forever, and on /dev/zero reads without end; a folder or
// a socket gives an error no researcher can act on. Read refuses them at once, with the
// file and what it is, in English and Dutch. The standard library has the pieces (an open
// with O_NONBLOCK, Stat on the open file, a LimitReader), not the rule; this is it, once
// for ingest and codebook.
package regularfile

import (
	"io"
	"io/fs"
	"os"
	"slices"
	"syscall"

	"github.com/samenspel/samenspel/pipeline/model"
)

// Open opens path read-only without waiting for a writer (O_NONBLOCK: a named pipe opens
// at once, so that Read can refuse it; on a regular file the flag has no effect).
func Open(path string) (*os.File, error) {
	return os.OpenFile(path, os.O_RDONLY|syscall.O_NONBLOCK, 0)
}

// Rules are what Read allows and how its errors speak.
type Rules struct {
	// Max is the most bytes the file may hold.
	Max int64
	// NotRegular and TooLarge are the kinds the errors wrap (model.NewKind).
	NotRegular, TooLarge error
	// Hint ends the error for a file that is not regular ("give the path of a file"),
	// Holder names what may hold Max bytes ("an input"), each in English and Dutch.
	Hint, Holder [2]string
}

// Read reads f, opened at path: a check on the open file that it is a regular file (a
// symbolic link is judged by what it names) of at most r.Max bytes, then its bytes, read
// as they are, not as Stat said (a file may grow; some, under /proc, say size 0): the
// limit holds either way. Errors name the file.
func Read(f *os.File, path string, r Rules) ([]byte, error) {
	fi, err := f.Stat()
	if err != nil {
		return nil, model.Reasonf("%s: %w", "%s: %v", path, err)
	}
	if !fi.Mode().IsRegular() {
		en, nl := Kind(fi.Mode())
		return nil, model.Reasonf("%[1]s: %[2]s, %[4]w: %[5]s", "%[1]s: %[3]s, %[4]v: %[6]s", path, en, nl, r.NotRegular, r.Hint[0], r.Hint[1])
	}
	if fi.Size() > r.Max {
		return nil, model.Reasonf("%[1]s: %[2]d bytes, more than the %[3]d %[4]s may hold: %[6]w", "%[1]s: %[2]d bytes, meer dan de %[3]d die %[5]s mag bevatten: %[6]v", path, fi.Size(), r.Max, r.Holder[0], r.Holder[1], r.TooLarge)
	}
	// Read into data itself, not through io.Copy's buffer: a national survey's 31 MB
	// were copied twice.
	data := make([]byte, 0, fi.Size()+1)
	src := io.LimitReader(f, r.Max+1)
	for {
		if len(data) == cap(data) {
			data = slices.Grow(data, 64<<10) // the file grew since Stat
		}
		n, err := src.Read(data[len(data):cap(data)])
		data = data[:len(data)+n]
		if err == io.EOF {
			break
		}
		if err != nil {
			return nil, model.Reasonf("%s: %w", "%s: %v", path, err)
		}
	}
	if int64(len(data)) > r.Max {
		return nil, model.Reasonf("%[1]s: more than the %[2]d bytes %[3]s may hold: %[5]w", "%[1]s: meer dan de %[2]d bytes die %[4]s mag bevatten: %[5]v", path, r.Max, r.Holder[0], r.Holder[1], r.TooLarge)
	}
	return data, nil
}

// Kind says in English and Dutch what a file that is not regular is.
func Kind(m fs.FileMode) (en, nl string) {
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

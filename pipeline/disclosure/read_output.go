package disclosure

import (
	"github.com/samenspel/samenspel/pipeline/model"
	"github.com/samenspel/samenspel/pipeline/regularfile"
)

// The attack reads an output folder that someone hands it (`analyse check -disclosure
// OUT`), so its files are read as the inputs are: a table, manifest.json or review.qdpx
// that is a named pipe, a device or a folder is an error naming it (os.ReadFile would
// wait for a writer on a FIFO, or read a device for ever), and one larger than
// MaxOutputFileSize is refused before it is read into memory.

// MaxOutputFileSize is the largest output file the attack reads: 1 GiB, some twenty
// times the autocodings table of a national study (100,000 segments).
const MaxOutputFileSize = 1 << 30

var (
	// ErrOutputNotRegular: an output file is a FIFO, a device, a socket or a folder.
	ErrOutputNotRegular = model.NewKind("not a regular file", "geen gewoon bestand")
	// ErrOutputTooLarge: an output file is larger than MaxOutputFileSize.
	ErrOutputTooLarge = model.NewKind("file too large", "bestand te groot")
)

var outputRules = regularfile.Rules{
	Max: MaxOutputFileSize, NotRegular: ErrOutputNotRegular, TooLarge: ErrOutputTooLarge,
	Hint:   [2]string{"give the output folder of a run", "geef de uitvoermap van een run"},
	Holder: [2]string{"an output file", "een uitvoerbestand"},
}

// readOutput reads one file of an output folder (see above). An error that the file
// cannot be opened is os.OpenFile's (*fs.PathError, os.IsNotExist works on it).
func readOutput(path string) ([]byte, error) {
	f, err := regularfile.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	return regularfile.Read(f, path, outputRules)
}

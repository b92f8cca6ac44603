package regularfile

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"

	"github.com/samenspel/samenspel/pipeline/model"
)

var (
	errNotRegular = model.NewKind("not a regular file", "geen gewoon bestand")
	errTooLarge   = model.NewKind("file too large", "bestand te groot")
	rules         = Rules{Max: 8, NotRegular: errNotRegular, TooLarge: errTooLarge,
		Hint: [2]string{"give a file", "geef een bestand"}, Holder: [2]string{"a test file", "een testbestand"}}
)

func read(t *testing.T, path string) ([]byte, error) {
	t.Helper()
	f, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	return Read(f, path, rules)
}

// TestRead: a regular file is read whole; a folder, a named pipe (without waiting for a
// writer) and a file over the limit are refused, naming the file and what it is.
func TestRead(t *testing.T) {
	dir := t.TempDir()
	small := filepath.Join(dir, "small.txt")
	if err := os.WriteFile(small, []byte("12345678"), 0o600); err != nil {
		t.Fatal(err)
	}
	if data, err := read(t, small); err != nil || string(data) != "12345678" {
		t.Errorf("small: %q, %v", data, err)
	}
	big := filepath.Join(dir, "big.txt")
	if err := os.WriteFile(big, []byte("123456789"), 0o600); err != nil {
		t.Fatal(err)
	}
	if _, err := read(t, big); !errors.Is(err, errTooLarge) || !strings.Contains(err.Error(), "big.txt: 9 bytes, more than the 8 a test file may hold") {
		t.Errorf("big: %v", err)
	}
	if _, err := read(t, dir); !errors.Is(err, errNotRegular) || !strings.Contains(err.Error(), "a folder") || !strings.HasSuffix(err.Error(), "give a file") {
		t.Errorf("folder: %v", err)
	}
	fifo := filepath.Join(dir, "fifo")
	if err := syscall.Mkfifo(fifo, 0o600); err != nil {
		t.Skip("no named pipes here:", err)
	}
	if _, err := read(t, fifo); !errors.Is(err, errNotRegular) || !strings.Contains(err.Error(), "a named pipe (FIFO)") {
		t.Errorf("fifo: %v", err)
	}
}

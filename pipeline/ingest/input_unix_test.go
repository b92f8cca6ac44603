//go:build unix

package ingest

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"
)

// Issue 12: a named pipe or /dev/zero given as an input hung the run. Both are refused
// at once, with an error that names the file and says what it is.
func TestSpecialFilesAreRefused(t *testing.T) {
	dir := t.TempDir()
	fifo := filepath.Join(dir, "enquete.csv")
	if err := syscall.Mkfifo(fifo, 0o600); err != nil {
		t.Skipf("mkfifo: %v", err)
	}
	inputs := map[string]string{fifo: "named pipe", dir: "folder"}
	if fi, err := os.Stat("/dev/zero"); err == nil && fi.Mode()&os.ModeDevice != 0 {
		inputs["/dev/zero"] = "device"
	}
	for path, kind := range inputs {
		for name, read := range map[string]func(string, Options) error{
			"ReadSurvey":      func(p string, o Options) error { _, err := ReadSurvey(p, o); return err },
			"ReadInterviews":  func(p string, o Options) error { _, err := ReadInterviews(p, o); return err },
			"ReadRespondents": func(p string, o Options) error { _, err := ReadRespondents(p, o); return err },
			"OpenRows":        func(p string, o Options) error { _, err := OpenRows(p, ""); return err },
		} {
			done := make(chan error, 1)
			go func() { done <- read(path, Options{}) }()
			select {
			case err := <-done:
				if !errors.Is(err, ErrNotRegular) || !strings.Contains(err.Error(), path) || !strings.Contains(err.Error(), kind) {
					t.Errorf("%s(%s): %v", name, path, err)
				}
			case <-time.After(5 * time.Second):
				t.Fatalf("%s(%s) hangs", name, path) // the goroutine stays blocked; the test binary ends
			}
		}
	}
}

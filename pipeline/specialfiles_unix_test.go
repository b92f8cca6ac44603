//go:build unix

package pipeline

import (
	"errors"
	"os"
	"path/filepath"
	"syscall"
	"testing"
	"time"

	"github.com/samenspel/samenspel/pipeline/ingest"
)

// A named pipe as the codebook or as study.yaml is refused with an error, as inputs are:
// 0.1 waited for a writer forever.
func TestFIFOAsCodebookOrStudyIsRefused(t *testing.T) {
	dir := t.TempDir()
	fifo := filepath.Join(dir, "codebook.yaml")
	if err := syscall.Mkfifo(fifo, 0o600); err != nil {
		t.Skip("mkfifo:", err)
	}
	os.WriteFile(filepath.Join(dir, "a.csv"), []byte("respondent;K1\n1;4\n"), 0o644)
	os.WriteFile(filepath.Join(dir, "study.yaml"), []byte("codebook: codebook.yaml\nsurvey: [a.csv]\n"), 0o644)
	done := make(chan error, 1)
	go func() {
		s, err := LoadStudy(dir)
		if err == nil {
			_, err = Execute(s, "test")
		}
		done <- err
	}()
	select {
	case err := <-done:
		if !errors.Is(err, ingest.ErrNotRegular) {
			t.Errorf("codebook FIFO: error %v, want ErrNotRegular", err)
		}
	case <-time.After(10 * time.Second):
		t.Fatal("a FIFO as the codebook hangs the run")
	}

	dir2 := t.TempDir()
	if err := syscall.Mkfifo(filepath.Join(dir2, "study.yaml"), 0o600); err != nil {
		t.Skip("mkfifo:", err)
	}
	go func() { _, err := LoadStudy(dir2); done <- err }()
	select {
	case err := <-done:
		if !errors.Is(err, ingest.ErrNotRegular) {
			t.Errorf("study.yaml FIFO: error %v, want ErrNotRegular", err)
		}
	case <-time.After(10 * time.Second):
		t.Fatal("a FIFO as study.yaml hangs")
	}
}

package reports

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestWriteReportsAFileItCannotWrite puts a file where the figures' folder belongs: the
// background writers cannot make it, and Write returns ErrWrite naming a figure, after
// every other file is written, rather than succeeding or panicking.
func TestWriteReportsAFileItCannotWrite(t *testing.T) {
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "figures"), []byte("in the way"), 0o644); err != nil {
		t.Fatal(err)
	}
	res := exampleResults()
	res.Figures.DPI = 30
	_, err := Write(dir, res)
	if !errors.Is(err, ErrWrite) || !strings.Contains(err.Error(), "figures/") {
		t.Fatalf("Write: %v, want ErrWrite for a figure", err)
	}
	if _, err := os.Stat(filepath.Join(dir, "tables", "cooccurrence.csv")); err != nil {
		t.Errorf("the tables were not written: %v", err)
	}
	if _, err := os.Stat(filepath.Join(dir, "manifest.json")); err == nil {
		t.Error("manifest.json was written although a figure was not")
	}
}

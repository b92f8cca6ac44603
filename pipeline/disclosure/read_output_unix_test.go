//go:build unix

package disclosure

import (
	"errors"
	"os"
	"path/filepath"
	"syscall"
	"testing"
	"time"
)

// An output file that is a FIFO, a device or a folder is an error naming it: 0.9.0 read
// the tables with os.ReadFile, so a FIFO hung the check, /dev/null read as an empty table
// and /dev/zero filled the memory.
func TestReadPublishedRefusesSpecialFiles(t *testing.T) {
	manifest := `{"tool": "samenspel analyse 0.9.0", "min_cell": 5}`
	table := "group_by,group,n\nall,all,12\n"
	for _, tc := range []struct {
		name string
		make func(path string) error
	}{
		{"fifo table", func(p string) error { return syscall.Mkfifo(p, 0o600) }},
		{"device table", func(p string) error { return os.Symlink("/dev/zero", p) }},
		{"folder table", func(p string) error { return os.Mkdir(p, 0o755) }},
		{"fifo manifest", func(p string) error { return syscall.Mkfifo(p, 0o600) }},
		{"fifo review", func(p string) error { return syscall.Mkfifo(p, 0o600) }},
	} {
		dir := t.TempDir()
		os.MkdirAll(filepath.Join(dir, "tables"), 0o755)
		os.WriteFile(filepath.Join(dir, "tables", "scales.csv"), []byte(table), 0o644)
		special := filepath.Join(dir, "tables", "quotes.csv")
		switch tc.name {
		case "fifo manifest":
			special = filepath.Join(dir, "manifest.json")
		case "fifo review":
			special = filepath.Join(dir, "review.qdpx")
		}
		if special != filepath.Join(dir, "manifest.json") {
			os.WriteFile(filepath.Join(dir, "manifest.json"), []byte(manifest), 0o644)
		}
		if err := tc.make(special); err != nil {
			t.Skip(tc.name, err)
		}
		done := make(chan error, 1)
		go func() { _, err := ReadPublished(dir); done <- err }()
		select {
		case err := <-done:
			if !errors.Is(err, ErrOutputNotRegular) {
				t.Errorf("%s: error %v, want ErrOutputNotRegular", tc.name, err)
			}
		case <-time.After(10 * time.Second):
			t.Fatalf("%s: ReadPublished hangs", tc.name)
		}
	}
}

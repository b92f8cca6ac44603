//go:build unix

package pipeline

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/samenspel/samenspel/codebook"
	"github.com/samenspel/samenspel/pipeline/ingest"
	"github.com/samenspel/samenspel/pipeline/model"
)

// Attack 14, calibration-fifo-hangs: a codebook whose calibration: or model: named a
// named pipe hung the run, `analyse check` and `codebook check` (os.ReadFile waits for
// a writer), also with the auto-coder off. Such a file, a device or a folder there is
// now refused with an error naming the codebook, the key and what the file is; a run
// that does not use the auto-coder does not open either file at all.
func TestSpecialFileBesideCodebook(t *testing.T) {
	src, err := os.ReadFile("../data/codebooks/samenwerking.yaml")
	if err != nil {
		t.Fatal(err)
	}
	const calLine = "calibration: samenwerking.calibration.yaml"
	if !strings.Contains(string(src), calLine) {
		t.Fatalf("the default codebook has no line %q", calLine)
	}
	for _, c := range []struct {
		what, key, special string // special: "fifo", "dir" or "device"
	}{
		{"calibration FIFO", "calibration", "fifo"},
		{"model FIFO", "model", "fifo"},
		{"calibration folder", "calibration", "dir"},
		{"calibration device", "calibration", "device"},
		{"model device", "model", "device"},
	} {
		dir := t.TempDir()
		target := filepath.Join(dir, "special")
		switch c.special {
		case "fifo":
			if err := syscall.Mkfifo(target, 0o600); err != nil {
				t.Skip("mkfifo:", err)
			}
		case "dir":
			os.Mkdir(target, 0o755)
		case "device":
			if fi, err := os.Stat("/dev/zero"); err != nil || fi.Mode()&os.ModeDevice == 0 {
				t.Skip("no /dev/zero")
			}
			os.Symlink("/dev/zero", target) // a link in the study to a device
		}
		cb := string(src)
		if c.key == "calibration" {
			cb = strings.Replace(cb, calLine, "calibration: special", 1)
		} else {
			os.WriteFile(filepath.Join(dir, "samenwerking.calibration.yaml"), mustRead(t, "../data/codebooks/samenwerking.calibration.yaml"), 0o644)
			cb = strings.Replace(cb, calLine, calLine+"\nmodel: special", 1)
		}
		os.WriteFile(filepath.Join(dir, "codebook.yaml"), []byte(cb), 0o644)
		os.WriteFile(filepath.Join(dir, "a.csv"), []byte("Respondent;Segment;Tekst;Code;Codeur\nJW01;1;We hebben korte lijnen.;Korte lijnen;A\n"), 0o644)
		for _, on := range []bool{true, false} {
			yaml := "codebook: codebook.yaml\ninterviews: [{path: a.csv}]\nprivacy: {min_cell: 1}\nautocode: {enabled: " + map[bool]string{true: "true", false: "false"}[on] + "}\n"
			os.WriteFile(filepath.Join(dir, "study.yaml"), []byte(yaml), 0o644)
			err := withTimeLimit(t, c.what, func() error {
				s, err := LoadStudy(dir)
				if err == nil {
					_, err = Execute(s, "test")
				}
				return err
			})
			switch {
			case !on && err != nil:
				t.Errorf("%s, auto-coder off: %v; want the file left unopened and the run done", c.what, err)
			case on && !errors.Is(err, codebook.ErrNotRegular):
				t.Errorf("%s: run error %v; want ErrNotRegular", c.what, err)
			case on && (!strings.Contains(err.Error(), "codebook.yaml") || !strings.Contains(err.Error(), c.key) || !strings.Contains(err.Error(), "special")):
				t.Errorf("%s: run error %q does not name the codebook, the key and the file", c.what, err)
			}
		}
		// `analyse codebook check` and `convert` read the codebook with both files.
		err := withTimeLimit(t, c.what, func() error { _, err := codebook.Load(filepath.Join(dir, "codebook.yaml")); return err })
		if !errors.Is(err, codebook.ErrNotRegular) {
			t.Errorf("%s: codebook.Load: %v; want ErrNotRegular", c.what, err)
		}
	}
}

// The codebook itself as a named pipe, through the codebook package's own readers
// (codebook check, convert, add aliases, the manifest's hash), in each format.
func TestSpecialFileAsCodebookFile(t *testing.T) {
	dir := t.TempDir()
	for _, name := range []string{"cb.yaml", "cb.xlsx", "cb.qdc"} {
		fifo := filepath.Join(dir, name)
		if err := syscall.Mkfifo(fifo, 0o600); err != nil {
			t.Skip("mkfifo:", err)
		}
		for what, f := range map[string]func() error{
			"Load":       func() error { _, err := codebook.Load(fifo); return err },
			"FileSHA256": func() error { _, err := codebook.FileSHA256(fifo); return err },
			"AddAliases": func() error { return codebook.AddAliases(fifo, nil, nil) },
		} {
			if what == "AddAliases" && name != "cb.yaml" {
				continue
			}
			if err := withTimeLimit(t, what+" "+name, f); !errors.Is(err, codebook.ErrNotRegular) || !strings.Contains(err.Error(), "named pipe") || !strings.Contains(model.Dutch(err), "een named pipe (FIFO), geen gewoon bestand") {
				t.Errorf("%s(%s): %v; want ErrNotRegular naming a named pipe, in Dutch too", what, name, err)
			}
		}
	}
	// An input's error said what the file is in English inside the Dutch text.
	_, _, err := ingest.ReadFile(filepath.Join(dir, "cb.yaml"))
	if got := model.Dutch(err); !strings.Contains(got, "een named pipe (FIFO), geen gewoon bestand") {
		t.Errorf("an input FIFO in Dutch: %s", got)
	}
}

// withTimeLimit runs f with a time limit: a call that hangs fails the test (its goroutine stays
// blocked until the test binary ends).
func withTimeLimit(t *testing.T, what string, f func() error) error {
	t.Helper()
	done := make(chan error, 1)
	go func() { done <- f() }()
	select {
	case err := <-done:
		return err
	case <-time.After(10 * time.Second):
		t.Fatalf("%s hangs", what)
		return nil
	}
}

func mustRead(t *testing.T, path string) []byte {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

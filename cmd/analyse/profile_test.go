package main

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"
)

// TestProfileNeverOverwrites: -cpuprofile and -trace name a new file; an existing one
// (here a stand-in for a researcher's own file) is refused with exit 2 and left as it
// was, and nothing is read or written.
func TestProfileNeverOverwrites(t *testing.T) {
	for _, flag := range []string{"-cpuprofile", "-trace"} {
		t.Run(flag, func(t *testing.T) {
			dir := t.TempDir()
			keep := filepath.Join(dir, "notes.txt")
			if err := os.WriteFile(keep, []byte("mijn aantekeningen"), 0o644); err != nil {
				t.Fatal(err)
			}
			var stdout, stderr bytes.Buffer
			out := filepath.Join(dir, "out")
			code := run([]string{"run", "../../data/example", "-o", out, "-quiet", flag, keep}, &stdout, &stderr)
			if code != exitUsage {
				t.Fatalf("exit %d, want %d; stderr %s", code, exitUsage, stderr.String())
			}
			if b, _ := os.ReadFile(keep); string(b) != "mijn aantekeningen" {
				t.Fatalf("the existing file was changed: %q", b)
			}
			if _, err := os.Stat(out); !os.IsNotExist(err) {
				t.Fatalf("output written although the run was refused: %v", err)
			}
		})
	}
}

// TestProfileWritten: a run with -cpuprofile or -trace leaves a non-empty file.
func TestProfileWritten(t *testing.T) {
	for _, flag := range []string{"-cpuprofile", "-trace"} {
		t.Run(flag, func(t *testing.T) {
			dir := t.TempDir()
			prof := filepath.Join(dir, "run.out")
			var stdout, stderr bytes.Buffer
			if code := run([]string{"run", "../../data/example", "-o", filepath.Join(dir, "out"), "-quiet", flag, prof}, &stdout, &stderr); code != 0 {
				t.Fatalf("exit %d: %s", code, stderr.String())
			}
			if st, err := os.Stat(prof); err != nil || st.Size() == 0 {
				t.Fatalf("no file: %v", err)
			}
		})
	}
}

// TestTraceStages: a traced run marks its stages in the trace, as log events of category
// "stage" whose messages are the stages' names (the trace's string table holds them as
// written).
func TestTraceStages(t *testing.T) {
	dir := t.TempDir()
	tr := filepath.Join(dir, "run.trace")
	var stdout, stderr bytes.Buffer
	if code := run([]string{"run", "../../data/example", "-o", filepath.Join(dir, "out"), "-quiet", "-trace", tr}, &stdout, &stderr); code != 0 {
		t.Fatalf("exit %d: %s", code, stderr.String())
	}
	b, err := os.ReadFile(tr)
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"stage", "reading inputs", "protecting", "analysing", "done"} {
		if !bytes.Contains(b, []byte(want)) {
			t.Errorf("the trace holds no %q", want)
		}
	}
}

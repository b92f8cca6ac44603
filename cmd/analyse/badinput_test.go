package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"
)

// newStudy scaffolds a study with `analyse init` and returns its folder.
func newStudy(t *testing.T) string {
	t.Helper()
	dir := filepath.Join(t.TempDir(), "studie")
	var so, se bytes.Buffer
	if code := run([]string{"init", dir}, &so, &se); code != 0 {
		t.Fatalf("init: exit %d: %s", code, se.String())
	}
	return dir
}

func TestInitStudyRuns(t *testing.T) {
	dir := newStudy(t)
	var so, se bytes.Buffer
	if code := run([]string{"run", dir}, &so, &se); code != 0 {
		t.Fatalf("a fresh init study should run: exit %d: %s", code, se.String())
	}
	if _, err := os.Stat(filepath.Join(dir, "output", "report.html")); err != nil {
		t.Error(err)
	}
	// init refuses to overwrite.
	if code := run([]string{"init", dir}, &so, &se); code != exitBadInput {
		t.Errorf("init over a study: exit %d", code)
	}
}

func TestUsageAndHelp(t *testing.T) {
	for _, tc := range []struct {
		args []string
		code int
	}{
		{nil, exitUsage},
		{[]string{"frobnicate"}, exitUsage},
		{[]string{"run"}, exitUsage},
		{[]string{"run", "a", "b"}, exitUsage},
		{[]string{"run", "--nope", "x"}, exitUsage},
		{[]string{"run", "--help"}, exitOK},
		{[]string{"init", "--help"}, exitOK},
		{[]string{"version"}, exitOK},
		{[]string{"--help"}, exitOK},
	} {
		var so, se bytes.Buffer
		if got := run(tc.args, &so, &se); got != tc.code {
			t.Errorf("analyse %v: exit %d, want %d (%s)", tc.args, got, tc.code, se.String())
		}
		if len(tc.args) == 2 && tc.args[1] == "--help" && !strings.Contains(se.String(), "Example:") {
			t.Errorf("analyse %v: help without an example: %s", tc.args, se.String())
		}
	}
}

// TestBadInputWritesNothing: each fatal problem gives one line naming the file (and key,
// sheet or column), exit status 1, and nothing under OUT.
func TestBadInputWritesNothing(t *testing.T) {
	for _, tc := range []struct {
		name   string
		break_ func(t *testing.T, dir string)
		want   []string
	}{
		{"missing study.yaml", func(t *testing.T, dir string) {
			os.Remove(filepath.Join(dir, "study.yaml"))
		}, []string{"study.yaml", "missing"}},
		{"codebook does not parse", func(t *testing.T, dir string) {
			os.WriteFile(filepath.Join(dir, "codebook.yaml"), []byte("factors: [\n"), 0o644)
		}, []string{"codebook.yaml"}},
		{"unknown key", func(t *testing.T, dir string) {
			appendFile(t, filepath.Join(dir, "study.yaml"), "\nminimum_cel: 3\n")
		}, []string{"study.yaml", `unknown key "minimum_cel"`}},
		{"input is not a workbook", func(t *testing.T, dir string) {
			os.WriteFile(filepath.Join(dir, "interviews", "codering.xlsx"), []byte("dit is geen werkmap"), 0o644)
		}, []string{"codering.xlsx"}},
		{"required column missing", func(t *testing.T, dir string) {
			writeSheet(t, filepath.Join(dir, "interviews", "codering.xlsx"), []string{"Respondent", "Code", "Codeur"}, []string{"R01", "x", "A"})
		}, []string{"codering.xlsx"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			dir := newStudy(t)
			tc.break_(t, dir)
			out := filepath.Join(t.TempDir(), "out")
			var so, se bytes.Buffer
			code := run([]string{"run", dir, "-o", out}, &so, &se)
			if code != exitBadInput {
				t.Fatalf("exit %d, want 1; stderr %s", code, se.String())
			}
			msg := se.String()
			if strings.Count(strings.TrimSpace(msg), "\n") > 0 && !strings.Contains(msg, "codebook") {
				t.Errorf("more than one line: %q", msg)
			}
			for _, w := range tc.want {
				if !strings.Contains(msg, w) {
					t.Errorf("error %q does not name %q", msg, w)
				}
			}
			if strings.Contains(msg, "goroutine") || strings.Contains(msg, "panic") {
				t.Errorf("stack trace: %s", msg)
			}
			if _, err := os.Stat(out); !os.IsNotExist(err) {
				t.Errorf("output written after a fatal error")
			}
		})
	}
}

func appendFile(t *testing.T, path, s string) {
	t.Helper()
	f, err := os.OpenFile(path, os.O_APPEND|os.O_WRONLY, 0)
	if err != nil {
		t.Fatal(err)
	}
	f.WriteString(s)
	f.Close()
}

func writeSheet(t *testing.T, path string, header, row []string) {
	t.Helper()
	f := newWorkbook(header, row)
	if err := f.SaveAs(path); err != nil {
		t.Fatal(err)
	}
}

func newWorkbook(header, row []string) *excelize.File {
	f := excelize.NewFile()
	for i, h := range header {
		c, _ := excelize.CoordinatesToCellName(i+1, 1)
		f.SetCellStr("Sheet1", c, h)
	}
	for i, v := range row {
		c, _ := excelize.CoordinatesToCellName(i+1, 2)
		f.SetCellStr("Sheet1", c, v)
	}
	return f
}

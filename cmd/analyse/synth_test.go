package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestSynthCommand(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "studie")
	small := []string{"synth", "-o", dir, "-municipalities", "3", "-respondents", "60", "-segments", "40", "-formats", "xlsx,csv"}
	var out, errb bytes.Buffer
	if code := run(small, &out, &errb); code != exitOK {
		t.Fatalf("exit %d: %s", code, errb.String())
	}
	for _, f := range []string{"study.yaml", "codebook.yaml", "respondents.csv", "interviews/segments.csv", "survey/survey.xlsx", "survey/survey.csv"} {
		if _, err := os.Stat(filepath.Join(dir, f)); err != nil {
			t.Errorf("%s: %v", f, err)
		}
	}
	if !strings.Contains(out.String(), "analyse run "+dir) {
		t.Errorf("summary does not say how to run the study:\n%s", out.String())
	}
	if errb.Len() > 0 {
		t.Errorf("stderr is not a terminal, yet it got %q", errb.String())
	}

	cases := []struct {
		args []string
		code int
		says string
	}{
		{small, exitBadInput, "already holds study.yaml, codebook.yaml"},
		{append(small, "-force"), exitOK, ""},
		{[]string{"synth", "--help"}, exitOK, "Example:"},
		{[]string{"synth"}, exitUsage, "-o DIR"},
		{[]string{"synth", "-o", dir, "-items", "0", "-force"}, exitUsage, "items 0"},
		{[]string{"synth", "-o", dir, "-formats", "ods", "-force"}, exitUsage, `survey format "ods"`},
		{[]string{"synth", "-o", dir, "-nope"}, exitUsage, "-nope"},
		{[]string{"synth", "-o", dir, "-waves", "2024,volgend jaar", "-force"}, exitUsage, `"volgend jaar" is not a year`},
		{[]string{"synth", "-o", dir, "-codes", "2", "-force"}, exitUsage, "codes 2"},
		{[]string{"synth", "-o", dir, "extra"}, exitUsage, "unexpected argument"},
	}
	for _, c := range cases {
		out.Reset()
		errb.Reset()
		if code := run(c.args, &out, &errb); code != c.code || !strings.Contains(errb.String()+out.String(), c.says) {
			t.Errorf("%v: exit %d, want %d saying %q; stderr %q", c.args, code, c.code, c.says, errb.String())
		}
	}
}

// analyse synth and analyse init never overwrite what they did not write: a researcher's
// codebook or export in the folder stays byte for byte, with or without -force, and a link
// at one of their paths is never written through.
func TestSynthAndInitKeepOtherFiles(t *testing.T) {
	mine := []byte("# my own codebook\n")
	for _, tc := range []struct {
		name string
		file string
		args func(dir string) []string
		says string
	}{
		{"synth codebook", "codebook.yaml", func(d string) []string { return []string{"synth", "-o", d, "-respondents", "20", "-segments", "10"} }, "already holds codebook.yaml"},
		{"synth -force codebook", "codebook.yaml", func(d string) []string {
			return []string{"synth", "-o", d, "-respondents", "20", "-segments", "10", "-force"}
		}, "no study.yaml written by analyse synth"},
		{"synth -force segments", "interviews/segments.csv", func(d string) []string { return []string{"synth", "-o", d, "-segments", "10", "-force"} }, "no study.yaml written by analyse synth"},
		{"init codebook", "codebook.yaml", func(d string) []string { return []string{"init", d} }, "already holds codebook.yaml"},
		{"init export", "interviews/codering.xlsx", func(d string) []string { return []string{"init", d} }, "never overwrites"},
		{"init survey", "enquete/enquete.xlsx", func(d string) []string { return []string{"init", d} }, "never overwrites"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			dir := t.TempDir()
			path := filepath.Join(dir, tc.file)
			os.MkdirAll(filepath.Dir(path), 0o755)
			if err := os.WriteFile(path, mine, 0o644); err != nil {
				t.Fatal(err)
			}
			var out, errb bytes.Buffer
			if code := run(tc.args(dir), &out, &errb); code == exitOK || !strings.Contains(errb.String(), tc.says) {
				t.Errorf("exit %d, stderr %q; want a refusal saying %q", code, errb.String(), tc.says)
			}
			if got, _ := os.ReadFile(path); !bytes.Equal(got, mine) {
				t.Errorf("%s was overwritten: %q", tc.file, got)
			}
			if _, err := os.Stat(filepath.Join(dir, "study.yaml")); err == nil {
				t.Error("study.yaml was written beside the refused file")
			}
		})
	}
	// A link at a synthetic study's file is not written through, even with -force.
	dir := filepath.Join(t.TempDir(), "syn")
	args := []string{"synth", "-o", dir, "-respondents", "20", "-segments", "10", "-formats", "csv"}
	var out, errb bytes.Buffer
	if code := run(args, &out, &errb); code != exitOK {
		t.Fatalf("exit %d: %s", code, errb.String())
	}
	outside := filepath.Join(t.TempDir(), "elsewhere.csv")
	os.WriteFile(outside, mine, 0o644)
	link := filepath.Join(dir, "respondents.csv")
	os.Remove(link)
	if err := os.Symlink(outside, link); err != nil {
		t.Fatal(err)
	}
	if code := run(append(args, "-force"), &out, &errb); code == exitOK || !strings.Contains(errb.String(), "not a regular file") {
		t.Errorf("link: exit %d, stderr %q", code, errb.String())
	}
	if got, _ := os.ReadFile(outside); !bytes.Equal(got, mine) {
		t.Errorf("written through the link: %q", got)
	}
}

// TestSynthCodesCodersWaves writes the studies of the benchmark's codebook and wave
// rows: 200 codes and 5 coders, and two waves.
func TestSynthCodesCodersWaves(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "codes")
	var out, errb bytes.Buffer
	args := []string{"synth", "-o", dir, "-municipalities", "3", "-respondents", "30", "-segments", "60", "-codes", "200", "-coders", "5", "-lang", "en"}
	if code := run(args, &out, &errb); code != exitOK {
		t.Fatalf("exit %d: %s", code, errb.String())
	}
	if !strings.Contains(out.String(), "60 segments, 5 coders, 200 codes") {
		t.Errorf("summary does not name the codes and coders:\n%s", out.String())
	}
	cb, err := os.ReadFile(filepath.Join(dir, "codebook.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	if n := strings.Count(string(cb), "\n      - id: "); n != 200 {
		t.Errorf("codebook.yaml holds %d codes, want 200", n)
	}
	dir = filepath.Join(t.TempDir(), "waves")
	out.Reset()
	if code := run([]string{"synth", "-o", dir, "-municipalities", "3", "-respondents", "30", "-segments", "0", "-waves", "2024, 2025", "-formats", "csv"}, &out, &errb); code != exitOK {
		t.Fatalf("exit %d: %s", code, errb.String())
	}
	study, err := os.ReadFile(filepath.Join(dir, "study.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(study), "path: survey/survey-2025.csv\n    format: generic\n    wave: 2025") {
		t.Errorf("study.yaml does not name the 2025 wave:\n%s", study)
	}
}

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
		{small, exitBadInput, "already holds a study"},
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

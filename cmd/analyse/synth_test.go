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

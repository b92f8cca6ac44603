package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

const testCodebook = "../../data/codebooks/samenwerking.yaml"

func runCB(args ...string) (int, string, string) {
	var out, errb bytes.Buffer
	code := runCodebook(newUI(args), args, &out, &errb)
	return code, out.String(), errb.String()
}

func TestCodebookCheck(t *testing.T) {
	code, out, errs := runCB("check", testCodebook)
	if code != 0 || !strings.Contains(out, "ok: 4 factors, 25 codes") {
		t.Fatalf("check = %d\n%s%s", code, out, errs)
	}
	bad := filepath.Join(t.TempDir(), "kapot.yaml")
	_ = os.WriteFile(bad, []byte("name: x\nfactors:\n  - id: f\n    label: {nl: F}\n    codes:\n      - {id: a, label: {nl: A}, valence: goed}\n"), 0o644)
	code, _, errs = runCB("check", bad)
	if code != 1 || !strings.Contains(errs, `kapot.yaml: line 6: code "a": unknown valence "goed"`) {
		t.Errorf("check bad = %d\n%s", code, errs)
	}
	if code, _, errs = runCB("check", filepath.Join(t.TempDir(), "nergens.yaml")); code != 1 || errs == "" {
		t.Errorf("check missing = %d %s", code, errs)
	}
}

func TestCodebookConvert(t *testing.T) {
	dir := t.TempDir()
	x, q, md := filepath.Join(dir, "cb.xlsx"), filepath.Join(dir, "cb.qdc"), filepath.Join(dir, "cb.md")
	for _, args := range [][]string{{"convert", testCodebook, x}, {"convert", x, q}, {"convert", x, md, "-lang", "en"}, {"check", q}} {
		if code, out, errs := runCB(args...); code != 0 {
			t.Fatalf("%v = %d\n%s%s", args, code, out, errs)
		}
	}
	if b, _ := os.ReadFile(md); !strings.Contains(string(b), "Short lines") {
		t.Error("English appendix lacks the English labels")
	}
}

func TestCodebookUsage(t *testing.T) {
	for _, tc := range []struct {
		args []string
		code int
		has  string
	}{
		{nil, 2, "Usage"},
		{[]string{"frobnicate"}, 2, "unknown subcommand"},
		{[]string{"check"}, 2, "give one codebook file"},
		{[]string{"convert", "a.yaml"}, 2, "give an input and an output file"},
		{[]string{"convert", "a.yaml", "b.txt"}, 2, "must end in"},
		{[]string{"convert", "a.yaml", "b.md", "-lang", "fr"}, 2, "want nl or en"},
		{[]string{"check", "--help"}, 0, "Example:"},
		{[]string{"convert", "-h"}, 0, "Example:"},
		{[]string{"--help"}, 0, "Examples:"},
	} {
		code, out, errs := runCB(tc.args...)
		if code != tc.code || !strings.Contains(out+errs, tc.has) {
			t.Errorf("%v = %d, want %d with %q\n%s%s", tc.args, code, tc.code, tc.has, out, errs)
		}
	}
}

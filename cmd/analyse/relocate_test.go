package main

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"
)

// The same study in another folder, given by an absolute or a relative path, gives the
// same bytes: 0.1 wrote the absolute local path into unmapped_codes.csv, tables.xlsx and
// the manifest when the study was named by one.
func TestSameStudyElsewhereGivesSameOutputs(t *testing.T) {
	if testing.Short() {
		t.Skip("runs the example study twice")
	}
	tmp := t.TempDir()
	var outs []string
	for i, place := range []string{filepath.Join(tmp, "a"), filepath.Join(tmp, "b", "elders", "diep")} {
		if err := copyTree("../../data/example", filepath.Join(place, "data", "example"), "output"); err != nil {
			t.Fatal(err)
		}
		if err := copyTree("../../data/codebooks", filepath.Join(place, "data", "codebooks"), ""); err != nil {
			t.Fatal(err)
		}
		study := filepath.Join(place, "data", "example")
		if i == 1 { // the second by a relative path
			wd, _ := os.Getwd()
			rel, err := filepath.Rel(wd, study)
			if err != nil {
				t.Fatal(err)
			}
			study = rel
		}
		out := filepath.Join(tmp, "out"+string(rune('1'+i)))
		var so, se bytes.Buffer
		if code := run([]string{"run", study, "-o", out, "-quiet"}, &so, &se); code != 0 {
			t.Fatalf("exit %d: %s", code, se.String())
		}
		outs = append(outs, out)
	}
	for _, f := range []string{"manifest.json", "tables.xlsx", "tables/unmapped_codes.csv", "tables/rejects.csv", "report.md"} {
		a, err1 := os.ReadFile(filepath.Join(outs[0], f))
		b, err2 := os.ReadFile(filepath.Join(outs[1], f))
		if err1 != nil || err2 != nil {
			t.Fatalf("%s: %v %v", f, err1, err2)
		}
		if !bytes.Equal(a, b) {
			t.Errorf("%s differs between the two places", f)
		}
		if bytes.Contains(a, []byte(tmp)) {
			t.Errorf("%s holds the local path %s", f, tmp)
		}
	}
}

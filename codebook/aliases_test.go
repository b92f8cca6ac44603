package codebook

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// Aliases go into the YAML codebook in place: the comments stay, the codebook loads, and
// the new labels and names resolve.
func TestAddAliasesKeepsCommentsAndResolves(t *testing.T) {
	src, err := os.ReadFile("../data/codebooks/samenwerking.yaml")
	if err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(t.TempDir(), "codebook.yaml")
	os.WriteFile(path, src, 0o644)
	copyCalibration(t, filepath.Dir(path))
	err = AddAliases(path,
		[]AnswerAlias{
			{Scale: "kennen", Label: "Zeer mee eens", Value: 5},
			{Scale: "kennen", Label: "4 - Mee eens", Value: 4},
			{Scale: "kennen", Label: "Weet ik niet", Missing: true},
			{Scale: "kennen", Label: "Zeer mee eens", Value: 5}, // twice: added once
		},
		[]CodeAlias{{Code: "bereiken.korte_lijnen", Name: "Bereiken: korte lijnen"}})
	if err != nil {
		t.Fatal(err)
	}
	got, _ := os.ReadFile(path)
	comments := func(b []byte) (n int) {
		for _, l := range strings.Split(string(b), "\n") {
			if strings.HasPrefix(strings.TrimSpace(l), "#") {
				n++
			}
		}
		return n
	}
	if comments(got) != comments(src) || comments(src) == 0 {
		t.Errorf("%d comment lines after, %d before", comments(got), comments(src))
	}
	// Only the edited line differs: blank lines and layout are kept.
	srcLines, gotLines := strings.Split(string(src), "\n"), strings.Split(string(got), "\n")
	changed := 0
	for i := range min(len(srcLines), len(gotLines)) {
		if srcLines[i] != gotLines[i] {
			changed++
		}
	}
	if len(srcLines) != len(gotLines) || changed > 4 { // the four edited lines
		t.Errorf("%d lines changed, %d lines before and %d after", changed, len(srcLines), len(gotLines))
	}
	if strings.Count(string(got), "Zeer mee eens") != 1 {
		t.Errorf("the alias is written %d times", strings.Count(string(got), "Zeer mee eens"))
	}
	cb, err := Load(path)
	if err != nil {
		t.Fatal(err)
	}
	for _, sc := range cb.Scales {
		// The answers are shared by an anchor, so every scale sharing them knows the label.
		if v, missing, ok := sc.Value("Zeer mee eens"); !ok || missing || v != 5 {
			t.Errorf("scale %s: Zeer mee eens = %v %v %v", sc.ID, v, missing, ok)
		}
		if sc.ID == "kennen" {
			if _, missing, ok := sc.Value("Weet ik niet"); !ok || !missing {
				t.Errorf("Weet ik niet is not missing in kennen")
			}
		}
	}
	if id, _ := cb.Resolve("Bereiken: korte lijnen"); id != "bereiken.korte_lijnen" {
		t.Errorf("code alias resolves to %q", id)
	}
	if err := AddAliases(filepath.Join(t.TempDir(), "cb.xlsx"), nil, nil); err == nil {
		t.Error("an .xlsx codebook was edited")
	}
}

// A codebook saved on Windows keeps its CRLF line ends.
func TestAddAliasesKeepsCRLF(t *testing.T) {
	src, _ := os.ReadFile("../data/codebooks/samenwerking.yaml")
	path := filepath.Join(t.TempDir(), "codebook.yaml")
	os.WriteFile(path, []byte(strings.ReplaceAll(string(src), "\n", "\r\n")), 0o644)
	copyCalibration(t, filepath.Dir(path))
	if err := AddAliases(path, []AnswerAlias{{Scale: "kennen", Label: "Zeer mee eens", Value: 5}}, nil); err != nil {
		t.Fatal(err)
	}
	got, _ := os.ReadFile(path)
	if n := strings.Count(string(got), "\n"); n == 0 || strings.Count(string(got), "\r\n") != n {
		t.Errorf("%d line ends, %d of them CRLF", n, strings.Count(string(got), "\r\n"))
	}
	if _, err := Load(path); err != nil {
		t.Fatal(err)
	}
}

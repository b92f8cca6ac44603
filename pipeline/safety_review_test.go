package pipeline

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestCheckOutputRefusesReviewInside: a reviewed review.qdpx named under autocode.review
// that lies in the output folder (an earlier run's output, saved in place by a QDA tool)
// makes CheckOutput refuse that folder, naming the file and autocode.review; the same
// review file outside the output folder is fine (attack 12 F11).
func TestCheckOutputRefusesReviewInside(t *testing.T) {
	dir := t.TempDir()
	out := filepath.Join(dir, "out")
	write := func(p, s string) {
		t.Helper()
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(s), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write(filepath.Join(out, "review.qdpx"), "the researcher's review")
	// Reviewed in place: the file is no longer as the run wrote it.
	write(filepath.Join(out, "manifest.json"), `{"tool": "samenspel analyse 0.6.0", "outputs": [{"path": "review.qdpx", "sha256": "0123"}]}`)
	write(filepath.Join(dir, "reviewed", "review.qdpx"), "a copy")
	s := &Study{Path: filepath.Join(dir, "study.yaml"), Dir: dir, Codebook: "codebook.yaml"}
	for _, review := range []string{"out/review.qdpx", "out/*.qdpx"} {
		s.Autocode.Review = []Input{{Path: review}}
		err := s.CheckOutput(out)
		if !errors.Is(err, ErrUnsafeOutput) || !strings.Contains(err.Error(), "out/review.qdpx (autocode.review)") {
			t.Errorf("review %s inside -o: got %v, want a refusal naming out/review.qdpx (autocode.review)", review, err)
		}
	}
	// The reviewed copy outside, and the output as the run wrote it (a changed output is
	// refused on its own, TestCheckOutputRefusesChangedOutput).
	write(filepath.Join(out, "manifest.json"), `{"tool": "samenspel analyse 0.6.0", "outputs": [{"path": "review.qdpx", "sha256": "`+fileSHA256(filepath.Join(out, "review.qdpx"))+`"}]}`)
	s.Autocode.Review = []Input{{Path: "reviewed/review.qdpx"}}
	if err := s.CheckOutput(out); err != nil {
		t.Errorf("review outside -o: got %v, want no refusal", err)
	}
}

// TestCheckOutputRefusesChangedOutput: an earlier output whose report was edited in
// place, or that holds an empty folder of the researcher's, is not replaced (both were
// deleted by the next run); the folder files macOS and Windows make do not block it.
func TestCheckOutputRefusesChangedOutput(t *testing.T) {
	dir := t.TempDir()
	out := filepath.Join(dir, "out")
	os.MkdirAll(filepath.Join(out, "tables"), 0o755)
	os.WriteFile(filepath.Join(out, "report.md"), []byte("# Rapport\n"), 0o644)
	os.WriteFile(filepath.Join(out, "tables", "sample.csv"), []byte("a\n1\n"), 0o644)
	manifest := `{"tool": "samenspel analyse 0.12.0", "outputs": [{"path": "report.md", "sha256": "` + fileSHA256(filepath.Join(out, "report.md")) +
		`"}, {"path": "tables/sample.csv", "sha256": "` + fileSHA256(filepath.Join(out, "tables", "sample.csv")) + `"}]}`
	os.WriteFile(filepath.Join(out, "manifest.json"), []byte(manifest), 0o644)
	os.WriteFile(filepath.Join(out, ".DS_Store"), []byte{0, 0, 0, 1}, 0o644)
	os.WriteFile(filepath.Join(out, "tables", "Thumbs.db"), []byte{0xd0, 0xcf}, 0o644)
	os.WriteFile(filepath.Join(out, "._report.md"), []byte{0, 5, 22, 7}, 0o644)
	os.WriteFile(filepath.Join(out, "._tables"), []byte{0, 5, 22, 7}, 0o644)
	os.WriteFile(filepath.Join(out, "desktop.ini"), []byte("[.ShellClassInfo]\n"), 0o644)
	s := &Study{Path: filepath.Join(dir, "study.yaml"), Dir: dir, Codebook: "codebook.yaml"}
	if err := s.CheckOutput(out); err != nil {
		t.Fatalf("unchanged output: %v", err)
	}
	os.Mkdir(filepath.Join(out, "figures-oud"), 0o755)
	if err := s.CheckOutput(out); !errors.Is(err, ErrUnsafeOutput) || !strings.Contains(err.Error(), "figures-oud/") {
		t.Errorf("empty folder of the researcher's: got %v, want a refusal naming figures-oud/", err)
	}
	os.Remove(filepath.Join(out, "figures-oud"))
	os.WriteFile(filepath.Join(out, "~$report.docx"), []byte("Anouk"), 0o644)
	if err := s.CheckOutput(out); !errors.Is(err, ErrUnsafeOutput) || !strings.Contains(err.Error(), "close the document first") {
		t.Errorf("a document open in Word: got %v, want a refusal saying to close it", err)
	}
	os.Remove(filepath.Join(out, "~$report.docx"))
	os.WriteFile(filepath.Join(out, "._notities.txt"), []byte{0, 5, 22, 7}, 0o644)
	if err := s.CheckOutput(out); !errors.Is(err, ErrUnsafeOutput) || !strings.Contains(err.Error(), "._notities.txt") {
		t.Errorf("the ._ twin of no output: got %v, want a refusal naming it", err)
	}
	os.Remove(filepath.Join(out, "._notities.txt"))
	os.WriteFile(filepath.Join(out, "report.md"), []byte("# Rapport\n\nMijn aanvulling.\n"), 0o644)
	if err := s.CheckOutput(out); !errors.Is(err, ErrUnsafeOutput) || !strings.Contains(err.Error(), "report.md, which was changed") {
		t.Errorf("edited report: got %v, want a refusal naming report.md as changed", err)
	}
}

// TestCheckOutputNamesALink: -o naming a link to a folder is refused, and the message says
// it is a link and names the folder (it said "is a file").
func TestCheckOutputNamesALink(t *testing.T) {
	dir := t.TempDir()
	real := filepath.Join(dir, "uitvoer")
	os.Mkdir(real, 0o755)
	link := filepath.Join(dir, "naar-uitvoer")
	if err := os.Symlink(real, link); err != nil {
		t.Skip(err)
	}
	s := &Study{Path: filepath.Join(dir, "studie", "study.yaml"), Dir: filepath.Join(dir, "studie"), Codebook: "codebook.yaml"}
	err := s.CheckOutput(link)
	if !errors.Is(err, ErrUnsafeOutput) || !strings.Contains(err.Error(), "is a link") || !strings.Contains(err.Error(), real) {
		t.Errorf("got %v, want a refusal saying -o is a link to %s", err, real)
	}
	if err := Publish(link, func(string) error { return nil }); !errors.Is(err, ErrUnsafeOutput) || !strings.Contains(err.Error(), "is a link") {
		t.Errorf("Publish: got %v, want a refusal saying it is a link", err)
	}
}

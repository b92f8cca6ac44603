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
	write(filepath.Join(out, "manifest.json"), `{"tool": "samenspel analyse 0.6.0", "outputs": [{"path": "review.qdpx", "sha256": "x"}]}`)
	write(filepath.Join(dir, "reviewed", "review.qdpx"), "a copy")
	s := &Study{Path: filepath.Join(dir, "study.yaml"), Dir: dir, Codebook: "codebook.yaml"}
	for _, review := range []string{"out/review.qdpx", "out/*.qdpx"} {
		s.Autocode.Review = []Input{{Path: review}}
		err := s.CheckOutput(out)
		if !errors.Is(err, ErrUnsafeOutput) || !strings.Contains(err.Error(), "out/review.qdpx (autocode.review)") {
			t.Errorf("review %s inside -o: got %v, want a refusal naming out/review.qdpx (autocode.review)", review, err)
		}
	}
	s.Autocode.Review = []Input{{Path: "reviewed/review.qdpx"}}
	if err := s.CheckOutput(out); err != nil {
		t.Errorf("review outside -o: got %v, want no refusal", err)
	}
}

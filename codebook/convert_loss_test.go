package codebook

import (
	"path/filepath"
	"testing"
)

// TestLost: the Excel codebook gives the default codebook back whole (its calibration
// included, which 0.7.0 dropped), the REFI-QDA one loses the study-level parts, and a
// code set is what only YAML holds.
func TestLost(t *testing.T) {
	cb, err := Load(filepath.Join("..", "data", "codebooks", "samenwerking.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	lost, err := Lost(cb, filepath.Join(dir, "cb.xlsx"))
	if err != nil {
		t.Fatal(err)
	}
	if len(lost) != 0 {
		t.Errorf("xlsx loses %v", lost)
	}
	lost, err = Lost(cb, filepath.Join(dir, "cb.qdc"))
	if err != nil {
		t.Fatal(err)
	}
	got := map[string]int{}
	for _, l := range lost {
		got[l.Part] = l.N
	}
	for part, n := range map[string]int{"scales": len(cb.Scales), "roles": len(cb.Roles), "partners": len(cb.Partners), "the calibration": 1} {
		if got[part] != n {
			t.Errorf("qdc: %s lost %d, want %d (all: %v)", part, got[part], n, lost)
		}
	}
	for _, part := range []string{"codes", "codes' patterns", "codes' aliases", "codes' definitions"} {
		if got[part] != 0 {
			t.Errorf("qdc loses %d %s: the code descriptions carry them", got[part], part)
		}
	}
	cb.Sets = []CodeSet{{Name: "kern", Members: []string{cb.Factors[0].Codes[0].ID}}}
	lost, err = Lost(cb, filepath.Join(dir, "cb.xlsx"))
	if err != nil {
		t.Fatal(err)
	}
	if len(lost) != 1 || lost[0] != (Loss{"code sets", 1}) {
		t.Errorf("xlsx with a code set loses %v, want one code set", lost)
	}
	if lost, _ := Lost(cb, filepath.Join(dir, "cb.md")); lost != nil {
		t.Errorf("md: %v", lost)
	}
}

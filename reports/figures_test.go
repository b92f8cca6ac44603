package reports

import (
	"os"
	"path/filepath"
	"testing"
)

// TestFiguresRender draws every figure of the example results in both formats. With
// SAMENSPEL_FIGURES_DIR set, the PNGs are kept there for looking at.
func TestFiguresRender(t *testing.T) {
	res := exampleResults()
	figs, err := buildFigures(res)
	if err != nil {
		t.Fatal(err)
	}
	want := []string{"factors_by_role", "valence_by_factor", "survey_items", "municipalities_kennen", "municipalities_bereiken", "municipalities_informeren", "cooccurrence", "partners", "agreement"}
	if len(figs) != len(want) {
		t.Fatalf("got %d figures, want %d", len(figs), len(want))
	}
	keep := os.Getenv("SAMENSPEL_FIGURES_DIR")
	for i, f := range figs {
		if f.Name != want[i] {
			t.Errorf("figure %d is %s, want %s", i, f.Name, want[i])
		}
		if keep == "" {
			continue // Write's tests draw them; here only to look at
		}
		png, err := f.renderPNG()
		if err != nil {
			t.Fatal(err)
		}
		svg, err := f.renderSVG()
		if err != nil {
			t.Fatal(err)
		}
		if keep != "" {
			os.WriteFile(filepath.Join(keep, f.Name+".png"), png, 0o644)
			os.WriteFile(filepath.Join(keep, f.Name+".svg"), svg, 0o644)
		}
	}
}

func BenchmarkFigures(b *testing.B) {
	res := exampleResults()
	for b.Loop() {
		figs, err := buildFigures(res)
		if err != nil {
			b.Fatal(err)
		}
		for _, f := range figs {
			if _, err := f.renderPNG(); err != nil {
				b.Fatal(err)
			}
			if _, err := f.renderSVG(); err != nil {
				b.Fatal(err)
			}
		}
	}
}

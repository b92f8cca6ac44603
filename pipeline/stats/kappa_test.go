package stats

import (
	"encoding/csv"
	"math"
	"os"
	"strconv"
	"strings"
	"testing"
)

func closeTo(got, want, tol float64) bool { return math.Abs(got-want) <= tol }

func TestCohenKappaTwoByTwo(t *testing.T) {
	// {{both, first only}, {second only, neither}} = {{20, 5}, {10, 15}}:
	// p_o = 35/50 = 0.7, p_e = (25*30 + 25*20)/50^2 = 0.5, kappa = 0.2/0.5 = 0.4 exactly
	// (the worked 2×2 example of Cohen's kappa, e.g. Wikipedia "Cohen's kappa").
	got := CohenKappa([][]float64{{20, 5}, {10, 15}})
	if !closeTo(got, 0.4, 1e-15) {
		t.Errorf("CohenKappa = %v, want 0.4", got)
	}
}

func TestCohenKappaLabels(t *testing.T) {
	// The same 50 units as labels: 20 yes/yes, 5 yes/no, 10 no/yes, 15 no/no, plus three
	// units that one coder left uncoded (empty label), which must not count.
	var a, b []string
	add := func(n int, x, y string) {
		for range n {
			a = append(a, x)
			b = append(b, y)
		}
	}
	add(20, "ja", "ja")
	add(5, "ja", "nee")
	add(10, "nee", "ja")
	add(15, "nee", "nee")
	add(2, "", "ja")
	add(1, "nee", "")
	if got := CohenKappaLabels(a, b); !closeTo(got, 0.4, 1e-15) {
		t.Errorf("CohenKappaLabels = %v, want 0.4", got)
	}
	if got := CohenKappaLabels([]string{"", "x"}, []string{"y", ""}); !math.IsNaN(got) {
		t.Errorf("no unit with both labels: got %v, want NaN", got)
	}
}

func TestCohenKappaUndefined(t *testing.T) {
	for name, confusion := range map[string][][]float64{
		"empty table":       {{0, 0}, {0, 0}},
		"one category only": {{12, 0}, {0, 0}},
		"NaN count":         {{1, math.NaN()}, {2, 3}},
	} {
		if got := CohenKappa(confusion); !math.IsNaN(got) {
			t.Errorf("%s: CohenKappa = %v, want NaN", name, got)
		}
	}
	// Perfect agreement with variation is 1, not NaN.
	if got := CohenKappa([][]float64{{3, 0}, {0, 4}}); got != 1 {
		t.Errorf("perfect agreement: %v, want 1", got)
	}
}

func TestKappaPanics(t *testing.T) {
	for name, f := range map[string]func(){
		"not square":      func() { CohenKappa([][]float64{{1, 2}, {3}}) },
		"empty":           func() { CohenKappa(nil) },
		"negative":        func() { CohenKappa([][]float64{{1, -2}, {3, 4}}) },
		"unknown weights": func() { WeightedKappa([][]float64{{1, 2}, {3, 4}}, 0) },
		"labels length":   func() { CohenKappaLabels([]string{"a"}, nil) },
		"fleiss ragged":   func() { FleissKappa([][]float64{{1, 2}, {3}}) },
	} {
		func() {
			defer func() {
				r := recover()
				if s, ok := r.(string); !ok || !strings.HasPrefix(s, "stats: ") {
					t.Errorf("%s: recovered %v, want a panic starting \"stats: \"", name, r)
				}
			}()
			f()
		}()
	}
}

// readConfusion reads a square table of counts from a CSV file with a header row and
// '#' comment lines.
func readConfusion(t *testing.T, path string) [][]float64 {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	r := csv.NewReader(f)
	r.Comment = '#'
	records, err := r.ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	var table [][]float64
	for _, rec := range records[1:] {
		row := make([]float64, len(rec))
		for i, s := range rec {
			if row[i], err = strconv.ParseFloat(s, 64); err != nil {
				t.Fatal(err)
			}
		}
		table = append(table, row)
	}
	return table
}

func TestWeightedKappaAgainstR(t *testing.T) {
	// R 4.2 with psych (Debian r-cran-psych), on testdata/weighted_kappa_4x4.csv:
	//
	//	x <- as.matrix(read.csv("testdata/weighted_kappa_4x4.csv", comment.char="#"))
	//	k <- psych::cohen.kappa(x)
	//	print(k$kappa, digits=15)           # 0.56290124299959
	//	print(k$weighted.kappa, digits=15)  # 0.764764764764765   (quadratic, the default)
	//	w <- abs(outer(1:4, 1:4, "-"))
	//	print(psych::cohen.kappa(x, w=w)$weighted.kappa, digits=15)  # 0.665642508584855
	x := readConfusion(t, "testdata/weighted_kappa_4x4.csv")
	for _, c := range []struct {
		name      string
		got, want float64
	}{
		{"unweighted", CohenKappa(x), 0.56290124299959},
		{"quadratic", WeightedKappa(x, Quadratic), 0.764764764764765},
		{"linear", WeightedKappa(x, Linear), 0.665642508584855},
	} {
		if !closeTo(c.got, c.want, 1e-12) {
			t.Errorf("%s kappa = %.15g, want %.15g (R psych::cohen.kappa)", c.name, c.got, c.want)
		}
	}
	// Two categories: every weighting gives Cohen's kappa.
	two := [][]float64{{20, 5}, {10, 15}}
	if got := WeightedKappa(two, Linear); !closeTo(got, 0.4, 1e-15) {
		t.Errorf("2×2 linear weighted kappa = %v, want 0.4", got)
	}
	if got := WeightedKappa([][]float64{{0, 0}, {0, 9}}, Quadratic); !math.IsNaN(got) {
		t.Errorf("no variation: weighted kappa = %v, want NaN", got)
	}
}

func TestFleissKappa(t *testing.T) {
	// The worked example of Wikipedia's "Fleiss' kappa" article: 10 subjects, 14 raters,
	// 5 categories, P̄ = 0.378, P̄_e = 0.213, kappa = 0.210 (0.20993070442195522 with
	// the same formula in NumPy).
	counts := [][]float64{
		{0, 0, 0, 0, 14},
		{0, 2, 6, 4, 2},
		{0, 0, 3, 5, 6},
		{0, 3, 9, 2, 0},
		{2, 2, 8, 1, 1},
		{7, 7, 0, 0, 0},
		{3, 2, 6, 3, 0},
		{2, 5, 3, 2, 2},
		{6, 5, 2, 1, 0},
		{0, 2, 2, 3, 7},
	}
	if got := FleissKappa(counts); !closeTo(got, 0.210, 0.0005) || !closeTo(got, 0.20993070442195522, 1e-12) {
		t.Errorf("FleissKappa = %.15g, want 0.210 (0.20993070442195522)", got)
	}
	// With two raters Fleiss' kappa is Scott's pi: for {{20,5},{10,15}} the subjects are
	// 20 × (2,0), 15 × (0,2) and 15 × (1,1); pooled p = (40+15)/100 = 0.55 yes, 0.45 no,
	// p_e = 0.3025 + 0.2025 = 0.505, p_o = 0.7, pi = 0.195/0.495 = 13/33 (Scott 1955).
	var scott [][]float64
	for range 20 {
		scott = append(scott, []float64{2, 0})
	}
	for range 15 {
		scott = append(scott, []float64{0, 2}, []float64{1, 1})
	}
	if got := FleissKappa(scott); !closeTo(got, 13.0/33, 1e-14) {
		t.Errorf("two raters: FleissKappa = %v, want Scott's pi 13/33", got)
	}
	for name, c := range map[string][][]float64{
		"no subjects":        nil,
		"unequal raters":     {{2, 1}, {1, 1}},
		"one rater":          {{1, 0}, {0, 1}},
		"no variation":       {{3, 0}, {3, 0}},
		"NaN count":          {{math.NaN(), 1}, {1, 1}},
		"infinite raters":    {{math.Inf(1), 0}},
		"all in one subject": {{0, 0}},
	} {
		if got := FleissKappa(c); !math.IsNaN(got) {
			t.Errorf("%s: FleissKappa = %v, want NaN", name, got)
		}
	}
}

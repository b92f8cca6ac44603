package stats

import (
	"encoding/csv"
	"math"
	"math/rand/v2"
	"os"
	"slices"
	"sort"
	"strconv"
	"testing"

	"gonum.org/v1/gonum/stat"
)

// readCoders reads a units × coders CSV file with a header row and '#' comments; "NA" is
// a coder who did not code the unit.
func readCoders(t *testing.T, path string) [][]float64 {
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
	var units [][]float64
	for _, rec := range records[1:] {
		row := make([]float64, len(rec))
		for i, s := range rec {
			if s == "NA" {
				row[i] = math.NaN()
				continue
			}
			if row[i], err = strconv.ParseFloat(s, 64); err != nil {
				t.Fatal(err)
			}
		}
		units = append(units, row)
	}
	return units
}

func TestKrippendorffAgainstR(t *testing.T) {
	// testdata/presence_alpha.R (R 4.2.2, no packages: alpha from the coincidence matrix
	// of Krippendorff 2011) on testdata/presence_200x3.csv prints
	//
	//	[1] 0.445094217024042        nominal alpha
	//	[1] 0.666666666666667        percent agreement (unanimous) of pairable units
	//	    2.5%    97.5%            20,000 unit resamples, set.seed(2026)
	//	0.329043 0.554240
	//
	// Our interval uses 1000 resamples from another generator; the Monte Carlo error of
	// its 2.5% and 97.5% points is about 0.005 here, so 0.02 is a four-error margin.
	units := readCoders(t, "testdata/presence_200x3.csv")
	if got := KrippendorffAlpha(units, Nominal); !closeTo(got, 0.445094217024042, 1e-12) {
		t.Errorf("alpha = %.15g, want 0.445094217024042 (R)", got)
	}
	if got := PercentAgreement(units); !closeTo(got, 2.0/3, 1e-12) {
		t.Errorf("percent agreement = %.15g, want 0.666666666666667 (R)", got)
	}
	lo, hi := KrippendorffBootstrap(units, Nominal, 1000, 42)
	if !closeTo(lo, 0.329043, 0.02) || !closeTo(hi, 0.554240, 0.02) {
		t.Errorf("bootstrap interval [%.4f, %.4f], want about [0.3290, 0.5542] (R)", lo, hi)
	}
	t.Logf("bootstrap interval [%.4f, %.4f]; R with 20,000 resamples [0.3290, 0.5542]", lo, hi)
}

func TestKrippendorffResamplesByPattern(t *testing.T) {
	// Drawing the counts per pattern as a multinomial and drawing units one by one must
	// give the same bootstrap distribution: compare mean and percentiles of 4000
	// resamples each (bootstrap sd about 0.057: Monte Carlo error of the mean 0.001, of
	// the 2.5% and 97.5% points about 0.004).
	units := readCoders(t, "testdata/presence_200x3.csv")
	d, _ := newAlphaData(units, Nominal)
	if len(d.mult)*10 >= d.pairable() {
		t.Fatalf("%d patterns for %d units: the public path would not draw by pattern", len(d.mult), d.pairable())
	}
	summary := func(a []float64) (mean, lo, hi float64) {
		a = slices.Clone(a)
		slices.Sort(a)
		for _, x := range a {
			mean += x
		}
		return mean / float64(len(a)), a[len(a)/40], a[len(a)-len(a)/40-1]
	}
	m1, lo1, hi1 := summary(d.resamples(Nominal, 4000, rand.NewPCG(1, 2), true))
	m2, lo2, hi2 := summary(d.resamples(Nominal, 4000, rand.NewPCG(3, 4), false))
	if !closeTo(m1, m2, 0.006) || !closeTo(lo1, lo2, 0.02) || !closeTo(hi1, hi2, 0.02) {
		t.Errorf("by pattern: mean %.4f [%.4f, %.4f]; by unit: mean %.4f [%.4f, %.4f]", m1, lo1, hi1, m2, lo2, hi2)
	}
	t.Logf("by pattern: mean %.4f [%.4f, %.4f]; by unit: mean %.4f [%.4f, %.4f]", m1, lo1, hi1, m2, lo2, hi2)
	if lo, hi := KrippendorffInterval(nil); !math.IsNaN(lo) || !math.IsNaN(hi) {
		t.Errorf("no resamples: [%v, %v], want NaN", lo, hi)
	}
}

func TestKrippendorffBootstrapSeeded(t *testing.T) {
	units := krippendorff2011()
	a := KrippendorffResamples(units, Ordinal, 200, 7)
	b := KrippendorffResamples(units, Ordinal, 200, 7)
	if !slices.Equal(a, b) {
		t.Error("the same seed gave different resamples")
	}
	c := KrippendorffResamples(units, Ordinal, 200, 8)
	if slices.Equal(a, c) {
		t.Error("seeds 7 and 8 gave the same resamples")
	}
	alpha := KrippendorffAlpha(units, Ordinal)
	lo, hi := KrippendorffBootstrap(units, Ordinal, 1000, 7)
	if !(lo <= alpha && alpha <= hi && hi <= 1) {
		t.Errorf("interval [%v, %v] does not hold alpha %v below 1", lo, hi, alpha)
	}
}

func TestKrippendorffBootstrapUndefined(t *testing.T) {
	m := math.NaN()
	for name, units := range map[string][][]float64{
		"single coder":      {{1}, {0}},
		"no pairable units": {{1, m}, {m, 0}},
		"no variation":      {{1, 1}, {1, 1}},
		"infinite value":    {{1, math.Inf(-1)}, {0, 1}},
	} {
		lo, hi := KrippendorffBootstrap(units, Nominal, 100, 1)
		if !math.IsNaN(lo) || !math.IsNaN(hi) {
			t.Errorf("%s: interval [%v, %v], want NaN", name, lo, hi)
		}
	}
	// A value on 1 of 40 units is missed by about (39/40)^40 = 36% of resamples, too many
	// for an honest interval.
	rare := [][]float64{{1, 1}}
	for range 39 {
		rare = append(rare, []float64{0, 0})
	}
	if got := KrippendorffAlpha(rare, Nominal); got != 1 {
		t.Fatalf("rare value: alpha %v, want 1", got)
	}
	rs := KrippendorffResamples(rare, Nominal, 1000, 3)
	undefined := 0
	for _, a := range rs {
		if math.IsNaN(a) {
			undefined++
		}
	}
	if undefined < 300 || undefined > 430 {
		t.Errorf("%d of 1000 resamples undefined, want about 360", undefined)
	}
	if lo, hi := KrippendorffBootstrap(rare, Nominal, 1000, 3); !math.IsNaN(lo) || !math.IsNaN(hi) {
		t.Errorf("rare value: interval [%v, %v], want NaN", lo, hi)
	}
}

func TestKrippendorffBootstrapPanics(t *testing.T) {
	defer func() {
		if r := recover(); r != "stats: bootstrap needs at least one sample" {
			t.Errorf("recovered %v", r)
		}
	}()
	KrippendorffBootstrap(krippendorff2011(), Nominal, 0, 1)
}

func BenchmarkKrippendorffBootstrap(b *testing.B) {
	units := binaryCoders(5000)
	b.ResetTimer()
	for b.Loop() {
		KrippendorffBootstrap(units, Nominal, 1000, 1)
	}
}

// TestKrippendorffIntervalBySelection checks the interval against sorting and
// stat.Quantile (as it was computed before), on random resamples with ties, NaNs and
// lengths from 1 to 3,000.
func TestKrippendorffIntervalBySelection(t *testing.T) {
	r := rand.New(rand.NewPCG(2, 3))
	for trial := range 3000 {
		n := 1 + r.IntN(60)
		if trial%10 == 0 {
			n = 1 + r.IntN(3000)
		}
		x := make([]float64, n)
		for i := range x {
			switch r.IntN(4) {
			case 0:
				x[i] = float64(r.IntN(5)) / 4
			case 1:
				x[i] = math.NaN()
			default:
				x[i] = r.Float64()*2 - 1
			}
		}
		var defined []float64
		for _, v := range x {
			if !math.IsNaN(v) {
				defined = append(defined, v)
			}
		}
		wantLo, wantHi := math.NaN(), math.NaN()
		if len(defined) > 0 && float64(len(defined)) >= minDefinedShare*float64(n) {
			sort.Float64s(defined)
			wantLo, wantHi = stat.Quantile(0.025, stat.Empirical, defined, nil), stat.Quantile(0.975, stat.Empirical, defined, nil)
		}
		lo, hi := KrippendorffInterval(x)
		if !same(lo, wantLo) || !same(hi, wantHi) {
			t.Fatalf("trial %d (%d resamples): [%v, %v], sorting gives [%v, %v]", trial, n, lo, hi, wantLo, wantHi)
		}
	}
}

package stats

import (
	"math"
	"math/rand/v2"
	"slices"
	"testing"
)

// krippendorff2011 is the reliability data of Krippendorff (2011), "Computing
// Krippendorff's alpha-reliability", section C: 4 observers (columns A..D) × 12 units
// (rows), values 1..5, NaN where an observer did not code the unit. Unit 12 has a single
// value and is not pairable.
func krippendorff2011() [][]float64 {
	m := math.NaN()
	return [][]float64{
		{1, 1, m, 1},
		{2, 2, 3, 2},
		{3, 3, 3, 3},
		{3, 3, 3, 3},
		{2, 2, 2, 2},
		{1, 2, 3, 4},
		{4, 4, 4, 4},
		{1, 1, 2, 1},
		{2, 2, 2, 2},
		{m, 5, 5, 5},
		{m, m, 1, 1},
		{m, m, 3, m},
	}
}

func TestKrippendorffAlphaPublished(t *testing.T) {
	// Krippendorff (2011), section C ("nominal data, any number of observers, missing
	// data") gives nominal alpha = 0.743 (0.743421 to six decimals), and for the same data
	// ordinal 0.815, interval 0.849 and ratio 0.797. The same matrix is the "C" example of
	// R's irr::kripp.alpha documentation.
	data := krippendorff2011()
	for _, c := range []struct {
		level Level
		want  float64
		tol   float64
	}{
		{Nominal, 0.743421, 5e-7},
		{Ordinal, 0.815, 5e-4},
		{Interval, 0.849, 5e-4},
		{Ratio, 0.797, 5e-4},
	} {
		if got := KrippendorffAlpha(data, c.level); !closeTo(got, c.want, c.tol) {
			t.Errorf("%v alpha = %.6f, want %v (Krippendorff 2011)", c.level, got, c.want)
		}
	}
}

func TestKrippendorffAlphaTwoCodersBinary(t *testing.T) {
	// Two coders, code presence as in the table {{20, 5}, {10, 15}} (20 units both
	// applied the code, 5 only coder A, 10 only coder B, 15 neither). Hand calculation
	// after Krippendorff (2011, section A, two observers, no missing data): n = 100
	// pairable values, n_1 = 2*20 + 5 + 10 = 55, n_0 = 45, coincidences o_01 = o_10 = 15:
	//
	//	alpha = 1 - (n - 1) (o_01 + o_10) / (2 n_0 n_1) = 1 - 99 * 30 / 4950 = 0.4
	//
	// which agrees with Scott's pi 13/33 (TestFleissKappa) through
	// alpha = 1 - (n - 1)/n (1 - pi) = 1 - 0.99 * 20/33 = 0.4.
	var units [][]float64
	add := func(k int, a, b float64) {
		for range k {
			units = append(units, []float64{a, b})
		}
	}
	add(20, 1, 1)
	add(5, 1, 0)
	add(10, 0, 1)
	add(15, 0, 0)
	got := KrippendorffAlpha(units, Nominal)
	if !closeTo(got, 0.4, 1e-14) {
		t.Errorf("binary alpha = %.15g, want 0.4 (hand calculation)", got)
	}
	if got := PercentAgreement(units); !closeTo(got, 0.7, 1e-15) {
		t.Errorf("percent agreement = %v, want 0.7", got)
	}
}

func TestKrippendorffAlphaUndefined(t *testing.T) {
	m := math.NaN()
	for name, units := range map[string][][]float64{
		"no units":                 nil,
		"single coder":             {{1}, {2}, {3}},
		"no pairable units":        {{1, m}, {m, 2}, {3, m}},
		"all values identical":     {{1, 1}, {1, 1, 1}, {1, m}},
		"zero variance, fractions": {{0.1, 0.1, 0.1}, {0.1, 0.1, 0.1}},
		"infinite value":           {{1, 2}, {math.Inf(1), 2}},
	} {
		for _, level := range []Level{Nominal, Ordinal, Interval, Ratio} {
			if got := KrippendorffAlpha(units, level); !math.IsNaN(got) {
				t.Errorf("%s, %v: alpha = %v, want NaN", name, level, got)
			}
		}
	}
	if got := KrippendorffAlpha([][]float64{{1, 2}, {-1, 2}}, Ratio); !math.IsNaN(got) {
		t.Errorf("negative ratio value: alpha = %v, want NaN", got)
	}
	if got := KrippendorffAlpha([][]float64{{1, 2}, {-1, 2}}, Interval); math.IsNaN(got) {
		t.Errorf("negative interval value: alpha is NaN, want a number")
	}
	if got := PercentAgreement([][]float64{{1, m}, {m}}); !math.IsNaN(got) {
		t.Errorf("no pairable units: percent agreement = %v, want NaN", got)
	}
}

func TestKrippendorffAlphaPerfect(t *testing.T) {
	units := [][]float64{{0, 0}, {1, 1, math.NaN()}, {1, 1, 1}, {3, 3}}
	for _, level := range []Level{Nominal, Ordinal, Interval, Ratio} {
		if got := KrippendorffAlpha(units, level); got != 1 {
			t.Errorf("%v: perfect agreement gives %v, want 1", level, got)
		}
	}
	if got := PercentAgreement(units); got != 1 {
		t.Errorf("percent agreement = %v, want 1", got)
	}
}

func TestKrippendorffAlphaInvariance(t *testing.T) {
	// The order of coders and of units does not matter, and -0 is 0.
	data := krippendorff2011()
	shuffled := make([][]float64, len(data))
	for i, row := range data {
		r := []float64{row[3], row[1], row[0], row[2]}
		shuffled[len(data)-1-i] = r
	}
	for _, level := range []Level{Nominal, Ordinal, Interval, Ratio} {
		a, b := KrippendorffAlpha(data, level), KrippendorffAlpha(shuffled, level)
		if !closeTo(a, b, 1e-12) {
			t.Errorf("%v: %v after reordering, want %v", level, b, a)
		}
	}
	negZero := math.Copysign(0, -1)
	if a, b := KrippendorffAlpha([][]float64{{0, 0}, {1, 0}}, Nominal), KrippendorffAlpha([][]float64{{negZero, 0}, {1, 0}}, Nominal); a != b {
		t.Errorf("-0 and 0 differ: %v vs %v", a, b)
	}
}

func TestKrippendorffPanics(t *testing.T) {
	defer func() {
		if r := recover(); r != "stats: unknown level of measurement" {
			t.Errorf("recovered %v", r)
		}
	}()
	KrippendorffAlpha(krippendorff2011(), Level(0))
}

// binaryCoders returns n units × 2 coders of code presence that agree on about 80% of
// units, from a fixed seed.
func binaryCoders(n int) [][]float64 {
	rng := rand.New(rand.NewPCG(1, 2))
	units := make([][]float64, n)
	for i := range units {
		a := float64(rng.IntN(2))
		b := a
		if rng.Float64() < 0.2 {
			b = 1 - a
		}
		units[i] = []float64{a, b}
	}
	return units
}

func BenchmarkKrippendorffAlpha(b *testing.B) {
	units := binaryCoders(50000)
	b.ResetTimer()
	for b.Loop() {
		KrippendorffAlpha(units, Nominal)
	}
}

// textbookAlpha is Krippendorff's (2011) computation step by step: the full coincidence
// matrix o_ck, its marginals n_c, the matrix of δ²_ck, then
// alpha = 1 - (n - 1) sum o_ck δ²_ck / sum n_c n_k δ²_ck. It is slow and obvious, and
// checks the shortcuts of KrippendorffAlpha.
func textbookAlpha(units [][]float64, level Level) float64 {
	var values []float64
	index := map[float64]int{}
	for _, row := range units {
		for _, v := range row {
			if !math.IsNaN(v) {
				index[v] = 0
			}
		}
	}
	for v := range index {
		values = append(values, v)
	}
	slices.Sort(values)
	for i, v := range values {
		index[v] = i
	}
	V := len(values)
	o := make([][]float64, V)
	for i := range o {
		o[i] = make([]float64, V)
	}
	for _, row := range units {
		var vs []float64
		for _, v := range row {
			if !math.IsNaN(v) {
				vs = append(vs, v)
			}
		}
		if len(vs) < 2 {
			continue
		}
		for i := range vs {
			for j := range vs {
				if i != j {
					o[index[vs[i]]][index[vs[j]]] += 1 / float64(len(vs)-1)
				}
			}
		}
	}
	nc := make([]float64, V)
	var n float64
	for c := range o {
		for k := range o {
			nc[c] += o[c][k]
		}
		n += nc[c]
	}
	delta := func(c, k int) float64 {
		switch level {
		case Nominal:
			if c == k {
				return 0
			}
			return 1
		case Ordinal:
			lo, hi := min(c, k), max(c, k)
			var s float64
			for g := lo; g <= hi; g++ {
				s += nc[g]
			}
			s -= (nc[c] + nc[k]) / 2
			return s * s
		case Interval:
			d := values[c] - values[k]
			return d * d
		default:
			if values[c]+values[k] == 0 {
				return 0
			}
			d := (values[c] - values[k]) / (values[c] + values[k])
			return d * d
		}
	}
	var do, de float64
	for c := range o {
		for k := range o {
			do += o[c][k] * delta(c, k)
			de += nc[c] * nc[k] * delta(c, k)
		}
	}
	if de == 0 {
		return math.NaN()
	}
	return 1 - (n-1)*do/de
}

func TestKrippendorffAlphaTextbook(t *testing.T) {
	for _, level := range []Level{Nominal, Ordinal, Interval, Ratio} {
		want := textbookAlpha(krippendorff2011(), level)
		if got := KrippendorffAlpha(krippendorff2011(), level); !closeTo(got, want, 1e-12) {
			t.Errorf("%v: %v, textbook %v", level, got, want)
		}
	}
	// Random data: 1..5 coders, 1..40 units, values 0..6 or fractional, 20% missing.
	rng := rand.New(rand.NewPCG(11, 12))
	for trial := range 300 {
		units := make([][]float64, 1+rng.IntN(40))
		coders := 1 + rng.IntN(5)
		for u := range units {
			units[u] = make([]float64, coders)
			for c := range units[u] {
				switch {
				case rng.Float64() < 0.2:
					units[u][c] = math.NaN()
				case trial%2 == 0:
					units[u][c] = float64(rng.IntN(7))
				default:
					units[u][c] = float64(rng.IntN(5)) * 0.7
				}
			}
		}
		for _, level := range []Level{Nominal, Ordinal, Interval, Ratio} {
			got, want := KrippendorffAlpha(units, level), textbookAlpha(units, level)
			if math.IsNaN(want) != math.IsNaN(got) || (!math.IsNaN(want) && !closeTo(got, want, 1e-9)) {
				t.Fatalf("trial %d, %v: %v, textbook %v for %v", trial, level, got, want, units)
			}
		}
	}
}

func FuzzKrippendorffAlpha(f *testing.F) {
	f.Add([]byte{3, 1, 2, 255, 1, 1, 2}, uint8(1))
	f.Add([]byte{2, 0, 0, 0, 0}, uint8(4))
	f.Fuzz(func(t *testing.T, data []byte, lv uint8) {
		if len(data) == 0 {
			return
		}
		coders := 1 + int(data[0])%6
		var units [][]float64
		for i := 1; i+coders <= len(data); i += coders {
			row := make([]float64, coders)
			for c := range row {
				switch b := data[i+c]; {
				case b == 255:
					row[c] = math.NaN()
				case b == 254:
					row[c] = math.Inf(1)
				default:
					row[c] = float64(b) - 10
				}
			}
			units = append(units, row)
		}
		level := Level(1 + int(lv)%4)
		a := KrippendorffAlpha(units, level)
		if !math.IsNaN(a) && (a > 1+1e-9 || math.IsInf(a, 0)) {
			t.Fatalf("alpha %v for %v", a, units)
		}
		if want := textbookAlpha(units, level); !math.IsNaN(a) && !closeTo(a, want, 1e-6*math.Max(1, math.Abs(want))) {
			t.Fatalf("alpha %v, textbook %v for %v", a, want, units)
		}
		PercentAgreement(units)
		if len(units) < 30 {
			KrippendorffBootstrap(units, level, 20, 1)
		}
	})
}

package stats

import (
	"math"
	"testing"
)

// R 4.2.2:
//
//	> print(p.adjust(c(0.01, 0.04, NA, 0.03, 0.005, 0.5), "BH"), digits = 15)
//	[1] 0.025 0.050    NA 0.050 0.025 0.500
//	> p.adjust(c(0.02, 0.02, 0.9), "BH")
//	[1] 0.03 0.03 0.90
func TestBHAdjustMatchesR(t *testing.T) {
	got := BHAdjust([]float64{0.01, 0.04, math.NaN(), 0.03, 0.005, 0.5})
	want := []float64{0.025, 0.05, math.NaN(), 0.05, 0.025, 0.5}
	for i := range want {
		if math.IsNaN(want[i]) {
			isNaN(t, "BH of NaN", got[i])
			continue
		}
		near(t, "BH", got[i], want[i], 1e-15)
	}
	for i, w := range []float64{0.03, 0.03, 0.9} {
		near(t, "BH ties", BHAdjust([]float64{0.02, 0.02, 0.9})[i], w, 1e-15)
	}
	if got := Adjust("none", []float64{0.2}); got[0] != 0.2 {
		t.Errorf("Adjust none = %v", got)
	}
	near(t, "Adjust holm", Adjust("holm", []float64{0.01, 0.04})[1], 0.04, 0)
}

// R 4.2.2, psych 2.2.9:
//
//	> cohen.kappa(matrix(c(20,5,10,15), 2, byrow=TRUE))$confid
//	unweighted kappa 0.151092290476661      0.4 0.648907709523339
//	> cohen.kappa(matrix(c(22,3,2, 4,17,5, 1,3,18), 3, byrow=TRUE))$confid
//	unweighted kappa 0.495373866263413 0.639807897545358 0.784241928827303
func TestCohenKappaIntervalMatchesPsych(t *testing.T) {
	for _, tc := range []struct {
		m         [][]float64
		k, lo, hi float64
	}{
		{[][]float64{{20, 5}, {10, 15}}, 0.4, 0.151092290476661, 0.648907709523339},
		{[][]float64{{22, 3, 2}, {4, 17, 5}, {1, 3, 18}}, 0.639807897545358, 0.495373866263413, 0.784241928827303},
	} {
		k, lo, hi := CohenKappaInterval(tc.m)
		near(t, "kappa", k, tc.k, 1e-13)
		near(t, "kappa lower", lo, tc.lo, 1e-12)
		near(t, "kappa upper", hi, tc.hi, 1e-12)
	}
	// Perfect agreement: psych clips the bounds at 1.
	k, lo, hi := CohenKappaInterval([][]float64{{3, 0}, {0, 4}})
	if k != 1 || hi != 1 || lo != 1 {
		t.Errorf("perfect agreement: %v [%v, %v]", k, lo, hi)
	}
	_, lo, hi = CohenKappaInterval([][]float64{{0, 0}, {0, 0}})
	isNaN(t, "empty lower", lo)
	isNaN(t, "empty upper", hi)
}

// threeCoders is 12 units coded 0/1 by three coders, two values missing.
func threeCoders() [][]float64 {
	nan := math.NaN()
	a := []float64{1, 1, 0, 0, 1, 0, 1, 1, 0, 0, 1, 0}
	b := []float64{1, 0, 0, 0, 1, 0, 1, 1, 1, 0, 1, nan}
	c := []float64{1, 1, 0, 1, 1, 0, 0, 1, 0, nan, 1, 1}
	units := make([][]float64, len(a))
	for i := range a {
		units[i] = []float64{a[i], b[i], c[i]}
	}
	return units
}

// R 4.2.2, psych 2.2.9. cohen.kappa of a matrix of three raters drops every unit that a
// rater missed (na.omit) before averaging; LightKappa uses each pair's shared units, so
// the reference is the mean of cohen.kappa over the pairs' columns (which drops only
// that pair's incomplete units); on complete units the two agree:
//
//	> r <- cbind(c(1,1,0,0,1,0,1,1,0,0,1,0), c(1,0,0,0,1,0,1,1,1,0,1,NA),
//	+            c(1,1,0,1,1,0,0,1,0,NA,1,1))
//	> k <- sapply(list(c(1,2), c(1,3), c(2,3)), function(p) cohen.kappa(r[, p])$kappa)
//	> k; mean(k)
//	[1] 0.633333333333333 0.440677966101695 0.166666666666667
//	[1] 0.413559322033898
//	> cohen.kappa(na.omit(r))$av.kappa
//	[1] 0.444444444444444
func TestLightKappaMatchesPsych(t *testing.T) {
	units := threeCoders()
	near(t, "Light's kappa", LightKappa(units), 0.413559322033898, 1e-14)
	near(t, "kappa 1-2", PairKappa(units, 0, 1), 0.633333333333333, 1e-14)
	near(t, "kappa 1-3", PairKappa(units, 0, 2), 0.440677966101695, 1e-14)
	near(t, "kappa 2-3", PairKappa(units, 1, 2), 0.166666666666667, 1e-14)
	near(t, "complete units only", LightKappa(append(units[:9:9], units[10])), 0.444444444444444, 1e-14)
	isNaN(t, "one coder", LightKappa([][]float64{{1}, {0}}))
}

// R 4.2.2, the textbook definitions (r as in TestLightKappaMatchesPsych):
//
//	> m <- rowSums(!is.na(r)); ones <- rowSums(r == 1, na.rm = TRUE)
//	> u <- m >= 2 & ones > 0; sum(ones[u] == m[u]) / sum(u)
//	[1] 0.444444444444444
//	> # Krippendorff (2011) coincidences o, n = sum(o), nc = rowSums(o):
//	> Ao <- sum(diag(o))/n; Ae <- sum(nc*(nc-1))/(n*(n-1)); c(Ao, Ae, (Ao-Ae)/(1-Ae))
//	[1] 0.705882352941177 0.491978609625668 0.421052631578947
func TestPositiveAndChanceAgreementMatchR(t *testing.T) {
	units := threeCoders()
	near(t, "positive agreement", PositiveAgreement(units), 0.444444444444444, 1e-14)
	ao, ae := KrippendorffAgreement(units)
	near(t, "observed agreement", ao, 0.705882352941177, 1e-14)
	near(t, "chance agreement", ae, 0.491978609625668, 1e-14)
	near(t, "alpha from both", (ao-ae)/(1-ae), KrippendorffAlpha(units, Nominal), 1e-14)
	near(t, "alpha", KrippendorffAlpha(units, Nominal), 0.421052631578947, 1e-14)
	// Two coders: a / (a + b + c) of the 2×2 table {{20, 5}, {10, 15}}.
	var two [][]float64
	for _, c := range []struct {
		n    int
		x, y float64
	}{{20, 1, 1}, {5, 1, 0}, {10, 0, 1}, {15, 0, 0}} {
		for range c.n {
			two = append(two, []float64{c.x, c.y})
		}
	}
	near(t, "a/(a+b+c)", PositiveAgreement(two), 20.0/35, 1e-15)
	isNaN(t, "never applied", PositiveAgreement([][]float64{{0, 0}, {0, math.NaN()}}))
}

// R 4.2.2, rstatix 0.7.2 (rows with a missing Ozone left out first: kruskal_effsize
// counts n as the rows of its data):
//
//	> d <- na.omit(airquality[, c("Ozone", "Month")])
//	> kruskal_effsize(d, Ozone ~ Month)
//	effsize 0.227626813568621 (eta2[H]), magnitude large
func TestEtaSquaredHMatchesRstatix(t *testing.T) {
	kw := KruskalWallis(airquality(t))
	near(t, "eta²_H", kw.EtaSquaredH, 0.227626813568621, 1e-12)
	if m := EtaSquaredMagnitude(kw.EtaSquaredH); m != Large {
		t.Errorf("magnitude %q", m)
	}
	isNaN(t, "eta²_H with n = k", KruskalWallis([][]float64{{1}, {2}}).EtaSquaredH)
}

// The thresholds of rstatix (get_eta_squared_magnitude: 0.06, 0.14; wilcox_effsize: 0.3,
// 0.5) and Cohen's (1988) w thresholds for Cramér's V of a 2 × k table.
func TestMagnitudes(t *testing.T) {
	for _, tc := range []struct {
		got  Magnitude
		want Magnitude
	}{
		{EtaSquaredMagnitude(0.059), Small}, {EtaSquaredMagnitude(0.06), Moderate},
		{EtaSquaredMagnitude(0.14), Large}, {RMagnitude(-0.31), Moderate},
		{RMagnitude(0.29), Small}, {RMagnitude(0.5), Large},
		{CramersVMagnitude(0.29, 2), Small}, {CramersVMagnitude(0.3, 2), Moderate},
		{CramersVMagnitude(0.36, 3), Large}, {EtaSquaredMagnitude(math.NaN()), ""},
	} {
		if tc.got != tc.want {
			t.Errorf("got %q, want %q", tc.got, tc.want)
		}
	}
	for a, want := range map[float64]string{0.8: "reliable", 0.799: "tentative", 0.667: "tentative", 0.6: "unreliable"} {
		if got := AlphaReliability(a); got != want {
			t.Errorf("AlphaReliability(%v) = %q", a, got)
		}
	}
}

// R 4.2.2, psych 2.2.9:
//
//	> x <- matrix(c(4,5,4,3, 2,3,NA,2, 5,5,4,4, 3,NA,3,2, 4,4,5,NA, 1,2,2,1, 3,3,4,3,
//	+               NA,4,4,5, 2,2,3,3, 5,4,5,4), ncol = 4, byrow = TRUE)
//	> alpha(x, use = "pairwise")$total$raw_alpha
//	[1] 0.940594059405941
//	> alpha(x, use = "complete.obs")$total$raw_alpha    # psych drops no row here; see below
//	[1] 0.938912938912939
func TestPairwiseAlphaMatchesPsych(t *testing.T) {
	nan := math.NaN()
	x := [][]float64{{4, 5, 4, 3}, {2, 3, nan, 2}, {5, 5, 4, 4}, {3, nan, 3, 2}, {4, 4, 5, nan},
		{1, 2, 2, 1}, {3, 3, 4, 3}, {nan, 4, 4, 5}, {2, 2, 3, 3}, {5, 4, 5, 4}}
	a, n := PairwiseAlpha(x)
	near(t, "pairwise alpha", a, 0.940594059405941, 1e-13)
	if n != 10 {
		t.Errorf("n = %d, want 10", n)
	}
	a, _ = PairwiseAlpha([][]float64{{1, nan}, {2, nan}, {3, 4}})
	isNaN(t, "pair with one respondent in common", a)
}

package stats

import (
	"math"
	"testing"
)

// modSeries returns ((i*a) mod m) / scale for i = 1..n, computed alike in Go and R
// (the R calls below write it ((1:n*a) %% m)/scale), so that long samples without ties
// need not be pasted.
func modSeries(n, a, m int, scale float64) []float64 {
	out := make([]float64, n)
	for i := range out {
		out[i] = float64(((i+1)*a)%m) / scale
	}
	return out
}

// oddSeries returns ((((i*a) mod m)*2+1) / 2000 for i = 1..n: values that never equal a
// modSeries value over 1000.
func oddSeries(n, a, m int) []float64 {
	out := make([]float64, n)
	for i := range out {
		out[i] = float64((((i+1)*a)%m)*2+1) / 2000
	}
	return out
}

var (
	// wilcox.test's help page (Hollander & Wolfe 1973, p. 29): depression scale at the
	// first (x) and second (y) visit.
	depressionX = []float64{1.83, 0.50, 1.62, 2.48, 1.68, 1.88, 1.55, 3.06, 1.30}
	depressionY = []float64{0.878, 0.647, 0.598, 2.05, 1.06, 1.29, 1.06, 3.14, 1.29}
	// Scale scores of 20 respondents in two waves (means of four items): ties and zeros.
	likertX = []float64{3.5, 4, 2.75, 3, 4.25, 3.5, 2, 4, 3.75, 3, 4.5, 3.25, 2.5, 4, 3.5, 3, 4.75, 3.25, 2.25, 3.5}
	likertY = []float64{3, 3.5, 2.75, 2.5, 4, 3.75, 2.25, 3.25, 3, 3, 4, 3, 2.5, 3.5, 3.25, 3.25, 4, 2.75, 2.5, 3}
)

// R 4.2.2, rstatix 0.7.2 (coin 1.4), every value printed with sprintf("%.17g"):
//
//	> wilcox.test(x, y, paired = TRUE)        # x, y = depressionX, depressionY
//	Wilcoxon signed rank exact test: V = 40, p = 0.0390625
//	> d <- data.frame(id = rep(1:9, 2), g = factor(rep(c("x", "y"), each = 9)), v = c(x, y))
//	> wilcox_effsize(d, v ~ g, paired = TRUE)$effsize
//	0.69107369071894098
//	> x <- c(1.2, 3.4, 2.2, 5.1, 4.4, 0.3, 2.9); y <- c(2.0, 1.1, 2.5, 1.6, 0.2, 0.9, 0.4)
//	> wilcox.test(x, y, paired = TRUE)
//	Wilcoxon signed rank exact test: V = 22, p = 0.21875000000000006
//	> i <- 1:49; wilcox.test(((i*7919) %% 10007)/1000, ((i*104729) %% 10009)/1000, paired = TRUE)
//	Wilcoxon signed rank exact test: V = 639, p = 0.79770412521787304
func TestWilcoxonSignedRankExact(t *testing.T) {
	w := WilcoxonSignedRank(depressionX, depressionY)
	if !w.Exact || w.N != 9 || w.Pairs != 9 || w.Zeros != 0 || w.Ties {
		t.Errorf("result %+v, want exact over 9 pairs", w)
	}
	near(t, "V", w.V, 40, 0)
	near(t, "p", w.P, 0.0390625, 1e-15)
	near(t, "r", w.R, 0.69107369071894098, 1e-12)
	if !(w.Z > 0) {
		t.Errorf("Z = %v, want positive: the first visit scores higher", w.Z)
	}

	w = WilcoxonSignedRank([]float64{1.2, 3.4, 2.2, 5.1, 4.4, 0.3, 2.9}, []float64{2.0, 1.1, 2.5, 1.6, 0.2, 0.9, 0.4})
	near(t, "V (upper tail)", w.V, 22, 0)
	near(t, "p (upper tail)", w.P, 0.21875000000000006, 1e-15)

	w = WilcoxonSignedRank(modSeries(49, 7919, 10007, 1000), modSeries(49, 104729, 10009, 1000))
	if !w.Exact || w.N != 49 {
		t.Errorf("49 pairs: %+v, want exact", w)
	}
	near(t, "V (49 pairs)", w.V, 639, 0)
	near(t, "p (49 pairs)", w.P, 0.79770412521787304, 1e-14)
}

// R 4.2.2, rstatix 0.7.2:
//
//	> wilcox.test(x2, y2, paired = TRUE)      # x2, y2 = likertX, likertY
//	Wilcoxon signed rank test with continuity correction: V = 137, p = 0.0038820923586936071
//	(warnings: cannot compute exact p-value with ties; with zeroes)
//	> d <- data.frame(id = rep(1:20, 2), g = factor(rep(c("x", "y"), each = 20)), v = c(x2, y2))
//	> wilcox_effsize(d, v ~ g, paired = TRUE)$effsize
//	0.62563763042458376
//	> i <- 1:60; x3 <- ((i*7919) %% 10007)/1000; y3 <- ((i*104729) %% 10009)/1000
//	> wilcox.test(x3, y3, paired = TRUE)      # no ties, no zeros, but n >= 50
//	Wilcoxon signed rank test with continuity correction: V = 954, p = 0.77685358393455073
//	> wilcox_effsize(data.frame(id = rep(i, 2), g = factor(rep(c("x", "y"), each = 60)),
//	+                           v = c(x3, y3)), v ~ g, paired = TRUE)$effsize
//	0.037064775574697
//	> wilcox.test(c(1, 2, 3), c(1, 2, 3), paired = TRUE)$p.value    # all zeros
//	NaN
//	> wilcox.test(3, 1, paired = TRUE)$p.value
//	1
func TestWilcoxonSignedRankNormal(t *testing.T) {
	w := WilcoxonSignedRank(likertX, likertY)
	if w.Exact || w.Zeros != 3 || w.N != 17 || w.Pairs != 20 || !w.Ties {
		t.Errorf("result %+v, want the normal approximation over 17 of 20 pairs", w)
	}
	near(t, "V", w.V, 137, 0)
	near(t, "p", w.P, 0.0038820923586936071, 1e-14)
	near(t, "r (Pratt)", w.R, 0.62563763042458376, 1e-12)

	w = WilcoxonSignedRank(modSeries(60, 7919, 10007, 1000), modSeries(60, 104729, 10009, 1000))
	if w.Exact || w.Ties || w.Zeros != 0 {
		t.Errorf("60 pairs: %+v, want the normal approximation without ties", w)
	}
	near(t, "V (60 pairs)", w.V, 954, 0)
	near(t, "p (60 pairs)", w.P, 0.77685358393455073, 1e-14)
	near(t, "r (60 pairs)", w.R, 0.037064775574697, 1e-13)

	w = WilcoxonSignedRank([]float64{1, 2, 3}, []float64{1, 2, 3})
	isNaN(t, "p of zero differences", w.P)
	isNaN(t, "r of zero differences", w.R)
	if w.Zeros != 3 || w.N != 0 {
		t.Errorf("zeros %+v", w)
	}
	w = WilcoxonSignedRank([]float64{3, math.NaN(), 4}, []float64{1, 2, math.Inf(1)})
	near(t, "p of one pair", w.P, 1, 0)
	if w.Pairs != 1 {
		t.Errorf("pairs = %d, want 1: pairs with a missing value are left out", w.Pairs)
	}
}

// R 4.2.2, rstatix 0.7.2:
//
//	> x <- c(0.80, 0.83, 1.89, 1.04, 1.45, 1.38, 1.91, 1.64, 0.73, 1.46)
//	> y <- c(1.15, 0.88, 0.90, 0.74, 1.21)   # wilcox.test's help page
//	> wilcox.test(x, y)
//	Wilcoxon rank sum exact test: W = 35, p = 0.2544122544122544
//	> wilcox_effsize(data.frame(g = factor(rep(c("x", "y"), c(10, 5))), v = c(x, y)), v ~ g)$effsize
//	0.31622776601683789
//	> a <- ((1:49*7919) %% 10007)/1000; b <- (((1:45*6151) %% 9973)*2+1)/2000
//	> wilcox.test(a, b)                        # no ties, 49 and 45: exact
//	Wilcoxon rank sum exact test: W = 1154, p = 0.70080426366821846
//	> wilcox_effsize(data.frame(g = factor(rep(c("x", "y"), c(49, 45))), v = c(a, b)), v ~ g)$effsize
//	0.040203866824775662
func TestMannWhitneyExact(t *testing.T) {
	x := []float64{0.80, 0.83, 1.89, 1.04, 1.45, 1.38, 1.91, 1.64, 0.73, 1.46}
	y := []float64{1.15, 0.88, 0.90, 0.74, 1.21}
	m := MannWhitney(x, y)
	if !m.Exact || m.NX != 10 || m.NY != 5 || m.Ties {
		t.Errorf("result %+v, want exact", m)
	}
	near(t, "W", m.W, 35, 0)
	near(t, "p", m.P, 0.2544122544122544, 1e-15)
	near(t, "r", m.R, 0.31622776601683789, 1e-12)
	if !(m.Z > 0) {
		t.Errorf("Z = %v, want positive: x tends to be higher", m.Z)
	}

	m = MannWhitney(modSeries(49, 7919, 10007, 1000), oddSeries(45, 6151, 9973))
	if !m.Exact {
		t.Errorf("49 and 45: %+v, want exact", m)
	}
	near(t, "W (49, 45)", m.W, 1154, 0)
	near(t, "p (49, 45)", m.P, 0.70080426366821846, 1e-13)
	near(t, "r (49, 45)", m.R, 0.040203866824775662, 1e-13)
}

// R 4.2.2, rstatix 0.7.2:
//
//	> wilcox.test(x2, y2[1:15])                # likertX, the first 15 of likertY: ties
//	Wilcoxon rank sum test with continuity correction: W = 185.5, p = 0.23908898498367004
//	> wilcox_effsize(data.frame(g = factor(rep(c("x", "y"), c(20, 15))), v = c(x2, y2[1:15])), v ~ g)$effsize
//	0.20183720723394133
//	> a <- ((1:60*7919) %% 10007)/1000; b <- (((1:40*6151) %% 9973)*2+1)/2000
//	> wilcox.test(a, b)                        # no ties, but 60 values: normal
//	Wilcoxon rank sum test with continuity correction: W = 1265, p = 0.64995808765240737
//	> wilcox_effsize(data.frame(g = factor(rep(c("x", "y"), c(60, 40))), v = c(a, b)), v ~ g)$effsize
//	0.045733840407468966
//	> wilcox.test(c(2, 2, 2), c(2, 2, 2, 2))$p.value
//	NaN
func TestMannWhitneyNormal(t *testing.T) {
	m := MannWhitney(likertX, likertY[:15])
	if m.Exact || !m.Ties {
		t.Errorf("result %+v, want the normal approximation", m)
	}
	near(t, "W", m.W, 185.5, 0)
	near(t, "p", m.P, 0.23908898498367004, 1e-14)
	near(t, "r", m.R, 0.20183720723394133, 1e-12)

	m = MannWhitney(modSeries(60, 7919, 10007, 1000), oddSeries(40, 6151, 9973))
	if m.Exact || m.Ties {
		t.Errorf("60 and 40: %+v, want normal without ties", m)
	}
	near(t, "W (60, 40)", m.W, 1265, 0)
	near(t, "p (60, 40)", m.P, 0.64995808765240737, 1e-14)
	near(t, "r (60, 40)", m.R, 0.045733840407468966, 1e-13)

	m = MannWhitney([]float64{2, 2, 2}, []float64{2, 2, 2, 2})
	isNaN(t, "p of identical values", m.P)
	isNaN(t, "r of identical values", m.R)
	m = MannWhitney([]float64{1, 2}, []float64{math.NaN()})
	isNaN(t, "p with an empty sample", m.P)
}

// The exact null distributions sum to 2^n and choose(nx+ny, nx) and are symmetric.
func TestExactRankDistributions(t *testing.T) {
	c := signedRankCounts(20)
	total := 0.0
	for s, v := range c {
		total += v
		if v != c[len(c)-1-s] {
			t.Fatalf("signed-rank counts not symmetric at %d", s)
		}
	}
	near(t, "2^20", total, 1<<20, 0)
	c = rankSumCounts(7, 5)
	total = 0
	for w, v := range c {
		total += v
		if v != c[len(c)-1-w] {
			t.Fatalf("rank-sum counts not symmetric at %d", w)
		}
	}
	near(t, "choose(12, 7)", total, 792, 0)
}

// R 4.2.2, rstatix 0.7.2:
//
//	> k <- kruskal.test(list(x2, y2, c(3, 2.5, 4, 3.75, 2, 3.5, 3, 4.25)))
//	Kruskal-Wallis chi-squared = 1.8397684571175978, df = 2, p = 0.39856518087903037
//	> kruskal_effsize(data.frame(g = factor(rep(c("a", "b", "c"), c(20, 20, 8))),
//	+                            v = c(x2, y2, c(3, 2.5, 4, 3.75, 2, 3.5, 3, 4.25))), v ~ g)$effsize
//	-0.0035607009529422702
func TestKruskalWallisThreeWaves(t *testing.T) {
	kw := KruskalWallis([][]float64{likertX, likertY, {3, 2.5, 4, 3.75, 2, 3.5, 3, 4.25}})
	near(t, "H", kw.H, 1.8397684571175978, 1e-12)
	near(t, "p", kw.P, 0.39856518087903037, 1e-12)
	near(t, "eta²_H", kw.EtaSquaredH, -0.0035607009529422702, 1e-14)
	if kw.DF != 2 || kw.N != 48 {
		t.Errorf("df = %d, n = %d", kw.DF, kw.N)
	}
}

package stats

import (
	"cmp"
	"math"
	"slices"

	"gonum.org/v1/gonum/stat/distuv"
)

// ExactRankLimit is the sample size below which the Wilcoxon tests use the exact null
// distribution, as R's wilcox.test with exact = NULL: the signed-rank test with fewer
// than 50 non-zero differences, the rank-sum test with fewer than 50 values in each
// sample, and in both only without ties (and, paired, without zero differences).
const ExactRankLimit = 50

// SignedRankResult is the outcome of a Wilcoxon signed-rank test of paired values.
type SignedRankResult struct {
	V     float64 // sum of the ranks of |d| over the positive differences d = x - y
	Pairs int     // complete pairs (both values finite)
	N     int     // pairs with a non-zero difference: the n of the test
	Zeros int     // pairs with a zero difference, left out of the test
	Ties  bool    // tied |d| among the non-zero differences
	Exact bool    // the p value is from the exact null distribution of V
	P     float64 // two-sided
	// Z is the standardised statistic that rstatix::wilcox_effsize takes from
	// coin::wilcoxsign_test (asymptotic, zero.method "Pratt", no continuity correction),
	// positive when the x values tend to be higher; R = |Z| / sqrt(Pairs).
	Z, R float64
}

// WilcoxonSignedRank tests whether paired values x and y differ in location (Wilcoxon
// 1945), two-sided, as R's wilcox.test(x, y, paired = TRUE) with its defaults:
//
//	d_i = x_i - y_i over the complete pairs, zero differences dropped (n non-zero left),
//	V = sum of the midranks of |d_i| over the d_i > 0.
//
// With n < ExactRankLimit, no tied |d_i| and no zero difference, p is exact:
// p = min(1, 2 P(V' >= V)) when V > n(n+1)/4, else min(1, 2 P(V' <= V)), with V' the
// signed-rank statistic under the null (every subset of ranks equally likely). Otherwise
// p is the normal approximation with continuity and tie correction:
//
//	z = (V - n(n+1)/4 - sign(V - n(n+1)/4)/2) / sqrt(n(n+1)(2n+1)/24 - sum_t (t³-t)/48),
//	p = 2 min(Φ(z), 1 - Φ(z)),
//
// with t the sizes of the groups of tied |d_i|.
//
// The effect size is rstatix::wilcox_effsize's r = |Z| / sqrt(m) over the m complete
// pairs, zeros included, with Z coin's (Pratt 1959) standardised statistic: the |d_i|
// of all m pairs are ranked, zeros included, and with a_i those midranks over the
// non-zero d_i, Z = (sum_{d_i>0} a_i - sum a_i / 2) / sqrt(sum a_i² / 4).
//
// NaN and infinite values are missing (their pair is left out). P, Z and R are NaN when
// no non-zero difference is left. Written here because gonum has no rank tests; it
// panics when x and y differ in length.
func WilcoxonSignedRank(x, y []float64) SignedRankResult {
	if len(x) != len(y) {
		panic("stats: WilcoxonSignedRank of samples of different length")
	}
	nan := math.NaN()
	res := SignedRankResult{P: nan, Z: nan, R: nan}
	var d []float64
	for i := range x {
		if isFinite(x[i]) && isFinite(y[i]) {
			d = append(d, x[i]-y[i])
		}
	}
	res.Pairs = len(d)
	abs := make([]float64, len(d))
	for i, v := range d {
		abs[i] = math.Abs(v)
	}
	// Pratt's ranks: of all |d|, zeros included.
	pratt, _ := midranks(abs)
	var nonzero []float64
	var sumA, sumA2, posA float64
	for i, v := range d {
		if v == 0 {
			res.Zeros++
			continue
		}
		nonzero = append(nonzero, math.Abs(v))
		a := pratt[i]
		sumA += a
		sumA2 += a * a
		if v > 0 {
			posA += a
		}
	}
	res.N = len(nonzero)
	if res.N == 0 {
		return res
	}
	ranks, ties := midranks(nonzero)
	res.Ties = ties > 0
	j := 0
	for _, v := range d {
		if v == 0 {
			continue
		}
		if v > 0 {
			res.V += ranks[j]
		}
		j++
	}
	n := float64(res.N)
	mean := n * (n + 1) / 4
	if res.N < ExactRankLimit && !res.Ties && res.Zeros == 0 {
		res.Exact = true
		dist := signedRankCounts(res.N)
		var p float64
		if res.V > mean {
			p = upperTail(dist, int(res.V)) // P(V' >= V)
		} else {
			p = lowerTail(dist, int(res.V)) // P(V' <= V)
		}
		res.P = math.Min(1, 2*p)
	} else {
		sigma := math.Sqrt(n*(n+1)*(2*n+1)/24 - ties/48)
		z := res.V - mean
		z = (z - sign(z)*0.5) / sigma
		res.P = twoSidedNormal(z)
	}
	if sumA2 > 0 {
		res.Z = (posA - sumA/2) / math.Sqrt(sumA2/4)
		res.R = math.Abs(res.Z) / math.Sqrt(float64(res.Pairs))
	}
	return res
}

// RankSumResult is the outcome of a Wilcoxon-Mann-Whitney rank-sum test of two
// independent samples.
type RankSumResult struct {
	W      float64 // R's W = U of x: the rank sum of x minus nx(nx+1)/2
	NX, NY int     // finite values in each sample
	Ties   bool    // tied values in the pooled sample
	Exact  bool    // the p value is from the exact null distribution of W
	P      float64 // two-sided
	// Z is the standardised statistic that rstatix::wilcox_effsize takes from
	// coin::wilcox_test (asymptotic, no continuity correction), positive when the x
	// values tend to be higher; R = |Z| / sqrt(NX + NY).
	Z, R float64
}

// MannWhitney tests whether two independent samples differ in location (Wilcoxon 1945;
// Mann & Whitney 1947), two-sided, as R's wilcox.test(x, y) with its defaults:
//
//	W = sum of the midranks of x in the pooled sample - nx(nx+1)/2.
//
// With nx < ExactRankLimit, ny < ExactRankLimit and no ties, p is exact:
// p = min(1, 2 P(W' >= W)) when W > nx ny / 2, else min(1, 2 P(W' <= W)), with W' the
// statistic under the null (every choice of nx of the N = nx + ny ranks equally
// likely). Otherwise p is the normal approximation with continuity and tie correction:
//
//	z = (W - nx ny/2 - sign(W - nx ny/2)/2) / sqrt(nx ny/12 (N + 1 - sum_t (t³-t)/(N(N-1)))),
//	p = 2 min(Φ(z), 1 - Φ(z)).
//
// The effect size is rstatix::wilcox_effsize's r = |Z| / sqrt(N), with Z coin's
// standardised statistic without continuity correction, which is z above with the
// correction left out (its variance is the permutation variance of the rank sum,
// ties included).
//
// NaN and infinite values are missing. P, Z and R are NaN when a sample is empty or
// every value is the same.
func MannWhitney(x, y []float64) RankSumResult {
	nan := math.NaN()
	res := RankSumResult{P: nan, Z: nan, R: nan}
	var pooled []float64
	for _, v := range x {
		if isFinite(v) {
			pooled = append(pooled, v)
		}
	}
	res.NX = len(pooled)
	for _, v := range y {
		if isFinite(v) {
			pooled = append(pooled, v)
		}
	}
	res.NY = len(pooled) - res.NX
	if res.NX == 0 || res.NY == 0 {
		return res
	}
	ranks, ties := midranks(pooled)
	res.Ties = ties > 0
	nx, ny := float64(res.NX), float64(res.NY)
	for _, r := range ranks[:res.NX] {
		res.W += r
	}
	res.W -= nx * (nx + 1) / 2
	mean := nx * ny / 2
	nn := nx + ny
	variance := nx * ny / 12 * (nn + 1 - ties/(nn*(nn-1)))
	if res.NX < ExactRankLimit && res.NY < ExactRankLimit && !res.Ties {
		res.Exact = true
		dist := rankSumCounts(res.NX, res.NY)
		var p float64
		if res.W > mean {
			p = upperTail(dist, int(res.W))
		} else {
			p = lowerTail(dist, int(res.W))
		}
		res.P = math.Min(1, 2*p)
	} else if variance > 0 {
		z := res.W - mean
		res.P = twoSidedNormal((z - sign(z)*0.5) / math.Sqrt(variance))
	}
	if variance > 0 {
		res.Z = (res.W - mean) / math.Sqrt(variance)
		res.R = math.Abs(res.Z) / math.Sqrt(nn)
	}
	return res
}

// midranks returns the ranks of x, ties given their mean rank (R's rank with
// ties.method "average"), and the tie term sum_t (t³ - t) over the groups of tied
// values.
func midranks(x []float64) (ranks []float64, ties float64) {
	type obs struct {
		v float64
		i int
	}
	sorted := make([]obs, len(x))
	for i, v := range x {
		sorted[i] = obs{v, i}
	}
	// Tied values get the same rank whatever their order: no stable sort needed.
	slices.SortFunc(sorted, func(a, b obs) int { return cmp.Compare(a.v, b.v) })
	ranks = make([]float64, len(x))
	for i := 0; i < len(sorted); {
		j := i
		for j < len(sorted) && sorted[j].v == sorted[i].v {
			j++
		}
		mid := float64(i+j+1) / 2
		for m := i; m < j; m++ {
			ranks[sorted[m].i] = mid
		}
		t := float64(j - i)
		ties += t*t*t - t
		i = j
	}
	return ranks, ties
}

// signedRankCounts returns, for s = 0 .. n(n+1)/2, the number of subsets of the ranks
// 1..n whose sum is s: the null distribution of V times 2^n (R's csignrank). The counts
// stay below 2^49 for n < 50, exact in a float64.
func signedRankCounts(n int) []float64 {
	c := make([]float64, n*(n+1)/2+1)
	c[0] = 1
	top := 0
	for i := 1; i <= n; i++ {
		top += i
		for s := top; s >= i; s-- {
			c[s] += c[s-i]
		}
	}
	return c
}

// rankSumCounts returns, for w = 0 .. nx ny, the number of ways to choose nx of the ranks
// 1..nx+ny whose sum minus nx(nx+1)/2 is w: the null distribution of W times
// choose(nx+ny, nx) (R's cwilcox). It only adds, so no count loses precision to
// cancellation.
func rankSumCounts(nx, ny int) []float64 {
	// c[k][w]: ways to choose k of the ranks seen so far with sum minus k(k+1)/2 = w.
	// Taking rank i as the k-th chosen adds i - k to w.
	maxW := nx * ny
	c := make([][]float64, nx+1)
	for k := range c {
		c[k] = make([]float64, maxW+1)
	}
	c[0][0] = 1
	for i := 1; i <= nx+ny; i++ {
		for k := min(i, nx); k >= 1; k-- {
			shift := i - k
			if shift > ny {
				continue // the k-th of k chosen among i ranks is at most rank k + ny
			}
			prev, cur := c[k-1], c[k]
			for w := maxW; w >= shift; w-- {
				cur[w] += prev[w-shift]
			}
		}
	}
	return c[nx]
}

// lowerTail returns P(X <= v) of a distribution given by counts over 0 .. len-1.
func lowerTail(counts []float64, v int) float64 {
	var below, total float64
	for s, c := range counts {
		total += c
		if s <= v {
			below += c
		}
	}
	return below / total
}

// upperTail returns P(X >= v) of a distribution given by counts over 0 .. len-1.
func upperTail(counts []float64, v int) float64 {
	var above, total float64
	for s, c := range counts {
		total += c
		if s >= v {
			above += c
		}
	}
	return above / total
}

// twoSidedNormal returns 2 min(Φ(z), 1 - Φ(z)), NaN for NaN.
func twoSidedNormal(z float64) float64 {
	if math.IsNaN(z) {
		return math.NaN()
	}
	return 2 * distuv.UnitNormal.CDF(-math.Abs(z))
}

func sign(x float64) float64 {
	switch {
	case x > 0:
		return 1
	case x < 0:
		return -1
	}
	return 0
}

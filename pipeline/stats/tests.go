package stats

import (
	"cmp"
	"math"
	"slices"
	"sync"

	"gonum.org/v1/gonum/stat"
	"gonum.org/v1/gonum/stat/distuv"
)

// KruskalWallisResult is the outcome of a Kruskal-Wallis rank sum test.
type KruskalWallisResult struct {
	H              float64 // tie-corrected statistic
	DF             int     // groups with at least one value, minus one
	P              float64 // upper tail of chi-square with DF degrees of freedom
	EpsilonSquared float64 // H / (N-1)
	EtaSquaredH    float64 // (H - k + 1) / (N - k)
	N              int     // values in the test
	Groups         int     // groups with at least one value
}

// KruskalWallis tests whether k groups come from the same distribution (Kruskal & Wallis
// 1952), with the correction for ties, as R's kruskal.test:
//
//	H = (12/(N(N+1)) sum_i R_i²/n_i - 3(N+1)) / (1 - sum_t (t³-t)/(N³-N))
//
// with R_i the rank sum of group i over the midranks of all N values and t the sizes of
// the tie groups; p = P(chi²_{k-1} >= H). The effect size is epsilon squared,
// E² = H/(N-1) (Tomczak & Tomczak 2014), and eta squared based on H,
// eta²_H = (H - k + 1)/(N - k) (Tomczak & Tomczak 2014, as rstatix::kruskal_effsize), with k the
// non-empty groups; eta²_H is NaN when N = k. For R's airquality data
// kruskal.test(Ozone ~ Month) gives H = 29.267, df = 4, p = 6.90e-06.
//
// NaN and infinite values are missing; empty groups are left out. H, P and E² are NaN with
// fewer than two non-empty groups or when every value is the same (no ranks to compare).
// Written here because gonum has no rank tests; the chi-square tail is gonum's.
func KruskalWallis(groups [][]float64) KruskalWallisResult {
	nan := math.NaN()
	res := KruskalWallisResult{H: nan, P: nan, EpsilonSquared: nan, EtaSquaredH: nan}
	rk := rankGroups(groups)
	for _, n := range rk.sizes {
		if n > 0 {
			res.Groups++
		}
	}
	res.N = rk.n
	if res.Groups > 0 {
		res.DF = res.Groups - 1
	}
	if res.Groups < 2 {
		return res
	}
	nf := float64(rk.n)
	sum := 0.0
	for i, n := range rk.sizes {
		if n > 0 {
			sum += rk.sums[i] * rk.sums[i] / float64(n)
		}
	}
	h := 12/(nf*(nf+1))*sum - 3*(nf+1)
	corr := 1 - rk.ties/(nf*nf*nf-nf)
	if !(corr > 1e-12) {
		return res
	}
	h /= corr
	if h < 0 { // rounding when every group has the same mean rank
		h = 0
	}
	res.H = h
	res.P = distuv.ChiSquared{K: float64(res.DF)}.Survival(h)
	res.EpsilonSquared = h / (nf - 1)
	if k := float64(res.Groups); nf > k {
		res.EtaSquaredH = (h - k + 1) / (nf - k)
	}
	return res
}

// DunnComparison is one pair of groups in Dunn's test.
type DunnComparison struct {
	A, B   int     // indices of the two groups in the input
	NA, NB int     // their sizes
	Z      float64 // positive when group A has the higher mean rank
	P      float64 // two-sided, not adjusted for multiple comparisons
	R      float64 // effect size Z / sqrt(NA + NB)
}

// Dunn returns Dunn's (1964) pairwise comparisons of mean ranks after a Kruskal-Wallis
// test, for every pair A < B of groups, with the correction for ties:
//
//	z = (Rbar_A - Rbar_B) / sqrt((N(N+1)/12 - sum_t (t³-t)/(12(N-1))) (1/n_A + 1/n_B))
//
// over the midranks of all N values, and two-sided p = 2 P(Z >= |z|) (as dunn.test and
// FSA::dunnTest with method "none"; adjust the p values with HolmAdjust). The effect size
// is r = z / sqrt(n_A + n_B) (Rosenthal 1991).
//
// NaN and infinite values are missing. Z, P and R are NaN for a pair with an empty group
// and for every pair when all values are the same.
func Dunn(groups [][]float64) []DunnComparison {
	rk := rankGroups(groups)
	nf := float64(rk.n)
	s2 := math.NaN()
	// Every value tied leaves no variance of ranks; the ratio guards against rounding.
	if rk.n > 1 && 1-rk.ties/(nf*nf*nf-nf) > 1e-12 {
		s2 = nf*(nf+1)/12 - rk.ties/(12*(nf-1))
	}
	var out []DunnComparison
	for a := 0; a < len(groups); a++ {
		for b := a + 1; b < len(groups); b++ {
			c := DunnComparison{A: a, B: b, NA: rk.sizes[a], NB: rk.sizes[b], Z: math.NaN(), P: math.NaN(), R: math.NaN()}
			if c.NA > 0 && c.NB > 0 && s2 > 0 {
				se := math.Sqrt(s2 * (1/float64(c.NA) + 1/float64(c.NB)))
				c.Z = (rk.sums[a]/float64(c.NA) - rk.sums[b]/float64(c.NB)) / se
				c.P = math.Min(1, 2*distuv.UnitNormal.Survival(math.Abs(c.Z)))
				c.R = c.Z / math.Sqrt(float64(c.NA+c.NB))
			}
			out = append(out, c)
		}
	}
	return out
}

// ranked holds the midranks of groups of values pooled together.
type ranked struct {
	n     int       // values ranked
	sizes []int     // values per group
	sums  []float64 // rank sum per group
	ties  float64   // sum over tie groups of t³ - t
}

// rankGroups pools the finite values of all groups, gives tied values their mean rank and
// returns per-group rank sums. Hand-written: gonum has no ranking with midranks.
//
// The pooled values are held in a buffer reused from call to call (rankBufs): a
// national study ranks 100,000 scale scores per grouping, twice (Kruskal-Wallis, then
// Dunn), and growing a fresh slice each time was 80 MB of its garbage. The order of
// tied values after the (unstable) sort does not matter: each gets the same midrank, and
// a group's rank sum adds its midranks in ascending order of value either way.
func rankGroups(groups [][]float64) ranked {
	n := 0
	for _, xs := range groups {
		n += len(xs)
	}
	buf := rankBufs.Get().(*[]rankObs)
	all := (*buf)[:0]
	if cap(all) < n {
		all = make([]rankObs, 0, n)
	}
	rk := ranked{sizes: make([]int, len(groups)), sums: make([]float64, len(groups))}
	for g, xs := range groups {
		for _, v := range xs {
			if isFinite(v) {
				all = append(all, rankObs{v, g})
				rk.sizes[g]++
			}
		}
	}
	slices.SortFunc(all, func(a, b rankObs) int { return cmp.Compare(a.v, b.v) })
	rk.n = len(all)
	for i := 0; i < len(all); {
		j := i
		for j < len(all) && all[j].v == all[i].v {
			j++
		}
		mid := float64(i+j+1) / 2 // mean of ranks i+1 .. j
		for m := i; m < j; m++ {
			rk.sums[all[m].g] += mid
		}
		t := float64(j - i)
		rk.ties += t*t*t - t
		i = j
	}
	*buf = all[:0]
	rankBufs.Put(buf)
	return rk
}

// rankObs is a value and its group, for rankGroups.
type rankObs struct {
	v float64
	g int
}

// rankBufs are rankGroups's buffers of pooled values.
var rankBufs = sync.Pool{New: func() any { return new([]rankObs) }}

// ChiSquareResult is the outcome of Pearson's chi-square test of independence.
type ChiSquareResult struct {
	X2          float64 // Pearson's statistic
	DF          int     // (rows-1)(columns-1)
	P           float64 // upper tail of chi-square with DF degrees of freedom
	CramersV    float64 // sqrt(X2 / (N (min(rows, columns) - 1)))
	N           float64 // total count
	MinExpected float64 // smallest expected count
	LowExpected int     // cells with an expected count below 5
}

// ChiSquareIndependence runs Pearson's chi-square test of independence on a contingency
// table of counts (rows × columns), without continuity correction (as R's
// chisq.test(m, correct = FALSE)):
//
//	E_ij = row_i col_j / N,  X² = sum_ij (O_ij - E_ij)² / E_ij,  df = (r-1)(c-1)
//
// with Cramér's (1946) V = sqrt(X² / (N (min(r, c) - 1))) as the effect size. Agresti's
// (2007, table 2.5) gender × party table gives X² = 30.070, df = 2, V = 0.1044.
// LowExpected counts the cells with an expected count below 5, where the chi-square
// approximation is doubtful (Cochran 1954).
//
// X2, P and V are NaN when the table has fewer than two rows or columns, rows of different
// lengths, a negative or non-finite count, or a row or column that sums to zero (its
// expected counts are zero, as in R). The statistic is gonum's stat.ChiSquare; the
// expected counts and Cramér's V are added here.
func ChiSquareIndependence(table [][]float64) ChiSquareResult {
	nan := math.NaN()
	res := ChiSquareResult{X2: nan, P: nan, CramersV: nan, MinExpected: nan}
	r := len(table)
	if r < 2 || len(table[0]) < 2 {
		return res
	}
	c := len(table[0])
	rows := make([]float64, r)
	cols := make([]float64, c)
	for i, row := range table {
		if len(row) != c {
			return res
		}
		for j, o := range row {
			if !isFinite(o) || o < 0 {
				return res
			}
			rows[i] += o
			cols[j] += o
			res.N += o
		}
	}
	res.DF = (r - 1) * (c - 1)
	for _, m := range append(append([]float64(nil), rows...), cols...) {
		if m == 0 {
			return res
		}
	}
	obs := make([]float64, 0, r*c)
	exp := make([]float64, 0, r*c)
	res.MinExpected = math.Inf(1)
	for i, row := range table {
		for j, o := range row {
			e := rows[i] * cols[j] / res.N
			obs, exp = append(obs, o), append(exp, e)
			res.MinExpected = math.Min(res.MinExpected, e)
			if e < 5 {
				res.LowExpected++
			}
		}
	}
	x2 := stat.ChiSquare(obs, exp)
	res.X2 = x2
	res.P = distuv.ChiSquared{K: float64(res.DF)}.Survival(x2)
	res.CramersV = math.Sqrt(x2 / (res.N * float64(min(r, c)-1)))
	return res
}

package stats

import (
	"cmp"
	"math"
	"slices"

	"gonum.org/v1/gonum/stat/distuv"
)

// checkSquare panics unless confusion is a non-empty square matrix of non-negative
// counts; NaN counts are allowed and make the caller's result NaN.
func checkSquare(confusion [][]float64) {
	k := len(confusion)
	if k == 0 {
		panic("stats: empty confusion matrix")
	}
	for _, row := range confusion {
		if len(row) != k {
			panic("stats: confusion matrix is not square")
		}
		for _, x := range row {
			if x < 0 {
				panic("stats: negative count in confusion matrix")
			}
		}
	}
}

// CohenKappa returns Cohen's kappa for two coders from their confusion matrix, where
// confusion[i][j] counts the units that the first coder put in category i and the second
// in category j:
//
//	p_o = sum_i n_ii / N
//	p_e = sum_i (n_i. * n_.i) / N^2
//	kappa = (p_o - p_e) / (1 - p_e)
//
// (Cohen 1960, "A coefficient of agreement for nominal scales", Educational and
// Psychological Measurement 20(1):37-46). For a code's presence the 2×2 table is
// {{both, first only}, {second only, neither}}.
//
// The result is NaN when the table is empty (N = 0), when p_e = 1 (both coders used a
// single, same category: no variation, so chance agreement is already perfect), or when a
// count is NaN or infinite. CohenKappa panics if confusion is not square or holds a
// negative count.
func CohenKappa(confusion [][]float64) float64 {
	checkSquare(confusion)
	k := len(confusion)
	rows := make([]float64, k)
	cols := make([]float64, k)
	var n, diag float64
	for i, row := range confusion {
		for j, x := range row {
			rows[i] += x
			cols[j] += x
			n += x
		}
		diag += row[i]
	}
	if n == 0 || math.IsNaN(n) || math.IsInf(n, 0) {
		return math.NaN()
	}
	var chance float64
	for i := range rows {
		chance += rows[i] * cols[i]
	}
	po := diag / n
	pe := chance / (n * n)
	if pe >= 1 {
		return math.NaN()
	}
	return (po - pe) / (1 - pe)
}

// CohenKappaLabels returns Cohen's kappa for two coders who each gave one label per unit:
// a[u] and b[u] are the labels of unit u. The categories are the distinct labels of both
// coders; the confusion matrix they span goes to CohenKappa, whose formula and NaN cases
// apply. An empty label means the coder did not code the unit; such a unit is left out.
// The result is NaN when no unit has both labels. CohenKappaLabels panics if a and b
// differ in length.
func CohenKappaLabels(a, b []string) float64 {
	if len(a) != len(b) {
		panic("stats: label slices of different length")
	}
	var pairs [][2]string
	for u := range a {
		if a[u] != "" && b[u] != "" {
			pairs = append(pairs, [2]string{a[u], b[u]})
		}
	}
	return kappaOfPairs(pairs)
}

// kappaOfPairs returns CohenKappa of the confusion matrix that pairs of labels span: the
// categories are the distinct labels of both coders, in sorted order; NaN for no pair.
func kappaOfPairs[T cmp.Ordered](pairs [][2]T) float64 {
	if len(pairs) == 0 {
		return math.NaN()
	}
	index := map[T]int{}
	for _, p := range pairs {
		index[p[0]] = 0
		index[p[1]] = 0
	}
	labels := make([]T, 0, len(index))
	for l := range index {
		labels = append(labels, l)
	}
	slices.Sort(labels)
	for i, l := range labels {
		index[l] = i
	}
	confusion := make([][]float64, len(labels))
	for i := range confusion {
		confusion[i] = make([]float64, len(labels))
	}
	for _, p := range pairs {
		confusion[index[p[0]]][index[p[1]]]++
	}
	return CohenKappa(confusion)
}

// Weighting chooses the disagreement weights of WeightedKappa.
type Weighting int

const (
	// Linear weights a disagreement between categories i and j by |i - j|.
	Linear Weighting = iota + 1
	// Quadratic weights a disagreement between categories i and j by (i - j)^2.
	Quadratic
)

// WeightedKappa returns Cohen's weighted kappa for two coders from their confusion matrix
// over ordered categories (row and column i are the same category, in order):
//
//	kappa_w = 1 - sum_ij w_ij n_ij / sum_ij w_ij (n_i. * n_.j / N)
//
// with disagreement weights w_ij = |i - j| (Linear) or (i - j)^2 (Quadratic) (Cohen 1968,
// "Weighted kappa", Psychological Bulletin 70(4):213-220; as psych::cohen.kappa in R,
// whose default weights are quadratic). Scaling the weights does not change kappa_w.
//
// The result is NaN when the table is empty, when the expected weighted disagreement is
// zero (no variation), or when a count is NaN or infinite. WeightedKappa panics if
// confusion is not square, holds a negative count, or w is not Linear or Quadratic.
func WeightedKappa(confusion [][]float64, w Weighting) float64 {
	checkSquare(confusion)
	var weight func(i, j int) float64
	switch w {
	case Linear:
		weight = func(i, j int) float64 { return math.Abs(float64(i - j)) }
	case Quadratic:
		weight = func(i, j int) float64 { d := float64(i - j); return d * d }
	default:
		panic("stats: unknown kappa weighting")
	}
	k := len(confusion)
	rows := make([]float64, k)
	cols := make([]float64, k)
	var n float64
	for i, row := range confusion {
		for j, x := range row {
			rows[i] += x
			cols[j] += x
			n += x
		}
	}
	if n == 0 || math.IsNaN(n) || math.IsInf(n, 0) {
		return math.NaN()
	}
	var observed, expected float64
	for i, row := range confusion {
		for j, x := range row {
			observed += weight(i, j) * x
			expected += weight(i, j) * rows[i] * cols[j] / n
		}
	}
	if expected == 0 {
		return math.NaN()
	}
	return 1 - observed/expected
}

// FleissKappa returns Fleiss' kappa for a fixed number of raters per subject, from
// counts[i][j], the number of raters who put subject i in category j:
//
//	P_i = (sum_j n_ij^2 - n) / (n (n - 1))      agreement on subject i, n raters each
//	P̄ = sum_i P_i / N,  p_j = sum_i n_ij / (N n),  P̄_e = sum_j p_j^2
//	kappa = (P̄ - P̄_e) / (1 - P̄_e)
//
// (Fleiss 1971, "Measuring nominal scale agreement among many raters", Psychological
// Bulletin 76(5):378-382). With two raters it equals Scott's pi.
//
// The result is NaN when there are no subjects, when subjects differ in their number of
// raters or have fewer than two, when P̄_e = 1 (every rating in one category: no
// variation), or when a count is NaN or infinite. FleissKappa panics if rows differ in
// length or a count is negative.
func FleissKappa(counts [][]float64) float64 {
	if len(counts) == 0 {
		return math.NaN()
	}
	k := len(counts[0])
	for _, row := range counts {
		if len(row) != k {
			panic("stats: subjects with different numbers of categories")
		}
		for _, x := range row {
			if x < 0 {
				panic("stats: negative count")
			}
		}
	}
	raters := math.NaN()
	totals := make([]float64, k)
	var pbar float64
	for i, row := range counts {
		var n, sq float64
		for j, x := range row {
			n += x
			sq += x * x
			totals[j] += x
		}
		if i == 0 {
			raters = n
		}
		if n != raters || n < 2 || math.IsInf(n, 0) {
			return math.NaN()
		}
		pbar += (sq - n) / (n * (n - 1))
	}
	subjects := float64(len(counts))
	pbar /= subjects
	var pe float64
	for _, t := range totals {
		p := t / (subjects * raters)
		pe += p * p
	}
	if pe >= 1 {
		return math.NaN()
	}
	return (pbar - pe) / (1 - pe)
}

// CohenKappaInterval returns Cohen's kappa with its large-sample 95% confidence interval
// kappa ± 1.96 SE, with the variance of Fleiss, Cohen & Everitt (1969, "Large sample
// standard errors of kappa and weighted kappa", Psychological Bulletin 72(5):323-327),
// as psych::cohen.kappa reports it. With p_ij = n_ij / N, p_i. and p_.j the margins,
// p_o and p_e as in CohenKappa:
//
//	var = ( sum_i p_ii ((1 - p_e) - (p_.i + p_i.)(1 - p_o))^2
//	      + (1 - p_o)^2 sum_{i != j} p_ij (p_.i + p_j.)^2
//	      - (p_o p_e - 2 p_e + p_o)^2 ) / (N (1 - p_e)^4)
//
// The bounds are NaN where kappa is, and are clipped to [-1, 1] as psych does.
// CohenKappaInterval panics as CohenKappa does.
func CohenKappaInterval(confusion [][]float64) (kappa, lower, upper float64) {
	kappa = CohenKappa(confusion)
	if math.IsNaN(kappa) {
		return kappa, math.NaN(), math.NaN()
	}
	k := len(confusion)
	rows := make([]float64, k)
	cols := make([]float64, k)
	var n float64
	for i, row := range confusion {
		for j, x := range row {
			rows[i] += x
			cols[j] += x
			n += x
		}
	}
	var po, pe float64
	for i := range rows {
		rows[i] /= n
		cols[i] /= n
		po += confusion[i][i] / n
		pe += rows[i] * cols[i]
	}
	var a, b float64
	for i, row := range confusion {
		for j, x := range row {
			p := x / n
			if i == j {
				d := (1 - pe) - (cols[i]+rows[i])*(1-po)
				a += p * d * d
			} else {
				s := cols[i] + rows[j]
				b += p * s * s
			}
		}
	}
	c := po*pe - 2*pe + po
	v := (a + (1-po)*(1-po)*b - c*c) / (n * math.Pow(1-pe, 4))
	if v < 1e-14 { // rounding at perfect agreement
		v = 0
	}
	z := distuv.UnitNormal.Quantile(0.975)
	se := math.Sqrt(v)
	return kappa, math.Max(-1, kappa-z*se), math.Min(1, kappa+z*se)
}

// LightKappa returns the mean of Cohen's kappa over every pair of coders (Light 1971,
// "Measures of response agreement for qualitative data", Psychological Bulletin 76(5):
// 365-377), as psych::cohen.kappa's av.kappa for more than two raters. units[u][c] is the
// category (any float) that coder c gave unit u, NaN where the coder did not code it;
// each pair's kappa is over the units both coded. Pairs whose kappa is NaN (no shared
// unit, no variation) are left out of the mean; the result is NaN when every pair's is.
func LightKappa(units [][]float64) float64 {
	coders := 0
	for _, row := range units {
		coders = max(coders, len(row))
	}
	var sum float64
	var pairs int
	for a := 0; a < coders; a++ {
		for b := a + 1; b < coders; b++ {
			if k := PairKappa(units, a, b); !math.IsNaN(k) {
				sum += k
				pairs++
			}
		}
	}
	if pairs == 0 {
		return math.NaN()
	}
	return sum / float64(pairs)
}

// PairKappa returns Cohen's kappa of coders a and b (columns of units, layout as in
// LightKappa) over the units both coded.
func PairKappa(units [][]float64, a, b int) float64 {
	var pairs [][2]float64
	for _, row := range units {
		if a >= len(row) || b >= len(row) || math.IsNaN(row[a]) || math.IsNaN(row[b]) {
			continue
		}
		pairs = append(pairs, [2]float64{row[a], row[b]})
	}
	return kappaOfPairs(pairs)
}

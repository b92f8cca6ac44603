package stats

import (
	"math"
	"sync"

	"gonum.org/v1/gonum/stat/distuv"
)

// validLevel reports whether a confidence level lies strictly between 0 and 1.
func validLevel(level float64) bool { return level > 0 && level < 1 }

// TInterval returns the two-sided confidence interval for a mean from a sample's mean,
// standard deviation (n-1 denominator) and size:
//
//	mean ± t_{1-(1-level)/2, n-1} * sd / sqrt(n)
//
// (Student 1908; as R's t.test). Both bounds are NaN when n < 2, when sd or mean is not
// finite, or when level is not in (0, 1). A zero sd gives the interval [mean, mean].
func TInterval(mean, sd float64, n int, level float64) (lo, hi float64) {
	if n < 2 || !validLevel(level) || !isFinite(mean) || !isFinite(sd) || sd < 0 {
		return math.NaN(), math.NaN()
	}
	t := tQuantile(n-1, 1-(1-level)/2)
	half := t * sd / math.Sqrt(float64(n))
	return mean - half, mean + half
}

// tQuantiles remembers the quantiles of Student's t that TInterval asked for: a study's
// tables ask for the same few (one per group size) thousands of times, and each costs an
// inverse incomplete beta function.
var tQuantiles sync.Map // [2]float64{df, p} -> float64

// tQuantile is the p quantile of Student's t with df degrees of freedom (gonum
// distuv.StudentsT), computed once per df and p.
func tQuantile(df int, p float64) float64 {
	k := [2]float64{float64(df), p}
	if q, ok := tQuantiles.Load(k); ok {
		return q.(float64)
	}
	q := distuv.StudentsT{Mu: 0, Sigma: 1, Nu: float64(df)}.Quantile(p)
	tQuantiles.Store(k, q)
	return q
}

// WilsonInterval returns the Wilson (1927) score interval for a proportion of k successes
// in n trials, without continuity correction (Newcombe 1998, method 3; as R's
// prop.test(k, n, correct = FALSE)):
//
//	(p + z²/2n ± z sqrt(p(1-p)/n + z²/4n²)) / (1 + z²/n),  p = k/n,  z = Φ⁻¹(1-(1-level)/2)
//
// Newcombe's example, 81 of 263 at 95%, gives 0.2553 to 0.3662. Both bounds are NaN when
// n < 1, k < 0, k > n, or level is not in (0, 1).
func WilsonInterval(k, n int, level float64) (lo, hi float64) {
	if n < 1 || k < 0 || k > n || !validLevel(level) {
		return math.NaN(), math.NaN()
	}
	z := distuv.UnitNormal.Quantile(1 - (1-level)/2)
	nn := float64(n)
	p := float64(k) / nn
	z2 := z * z
	centre := p + z2/(2*nn)
	half := z * math.Sqrt(p*(1-p)/nn+z2/(4*nn*nn))
	den := 1 + z2/nn
	lo, hi = (centre-half)/den, (centre+half)/den
	// Rounding can leave the bounds a hair outside [0, 1] at k = 0 or k = n.
	return math.Max(0, lo), math.Min(1, hi)
}

// FeldtInterval returns Feldt's (1965) confidence interval for Cronbach's alpha of k items
// answered by n respondents (Feldt, Woodruff & Salih 1987; as psych::alpha.ci):
//
//	lo = 1 - (1-alpha) * F_{1-(1-level)/2}(n-1, (n-1)(k-1))
//	hi = 1 - (1-alpha) * F_{(1-level)/2}(n-1, (n-1)(k-1))
//
// Both bounds are NaN when alpha is not finite, n < 2, k < 2, or level is not in (0, 1).
func FeldtInterval(alpha float64, n, k int, level float64) (lo, hi float64) {
	if !isFinite(alpha) || n < 2 || k < 2 || !validLevel(level) {
		return math.NaN(), math.NaN()
	}
	d1 := float64(n - 1)
	f := distuv.F{D1: d1, D2: d1 * float64(k-1)}
	lo = 1 - (1-alpha)*f.Quantile(1-(1-level)/2)
	hi = 1 - (1-alpha)*f.Quantile((1-level)/2)
	return lo, hi
}

// isFinite reports whether x is neither NaN nor infinite.
func isFinite(x float64) bool { return !math.IsNaN(x) && !math.IsInf(x, 0) }

package stats

import (
	"math"
	"sort"

	"gonum.org/v1/gonum/stat"
)

// Description summarises a sample of scores or answers.
type Description struct {
	N            int     // values that are not NaN
	Mean         float64 // arithmetic mean
	SD           float64 // standard deviation, n-1 denominator
	CILow        float64 // 95% t-interval for the mean (TInterval)
	CIHigh       float64
	Median       float64 // R's quantile type 7 at 0.5
	ShareAgree   float64 // share of values >= the agree threshold, in [0, 1]
	AgreeCount   int     // values >= the agree threshold
	AgreeDefined bool    // false when no threshold was given
}

// Describe returns n, mean, sd (n-1), the 95% t-interval of the mean, the median and the
// share of values at or above agreeFrom ("share agreeing"):
//
//	mean = sum_i x_i / n,  sd = sqrt(sum_i (x_i - mean)² / (n-1)),
//	share = #{x_i >= agreeFrom} / n
//
// NaN and infinite values are missing and left out. Undefined results are NaN: every
// statistic when no value is left (n = 0); sd and the interval when n = 1; the share when
// agreeFrom is NaN (no threshold). A sample without spread has sd 0 and the interval [mean, mean].
func Describe(x []float64, agreeFrom float64) Description {
	vals := make([]float64, 0, len(x))
	for _, v := range x {
		if isFinite(v) {
			vals = append(vals, v)
		}
	}
	nan := math.NaN()
	d := Description{N: len(vals), Mean: nan, SD: nan, CILow: nan, CIHigh: nan, Median: nan, ShareAgree: nan}
	if d.N == 0 {
		return d
	}
	d.Mean = stat.Mean(vals, nil)
	if d.N > 1 {
		d.SD = stat.StdDev(vals, nil)
		d.CILow, d.CIHigh = TInterval(d.Mean, d.SD, d.N, 0.95)
	}
	sort.Float64s(vals)
	d.Median = quantile7Sorted(vals, 0.5)
	if !math.IsNaN(agreeFrom) {
		d.AgreeDefined = true
		for _, v := range vals {
			if v >= agreeFrom {
				d.AgreeCount++
			}
		}
		d.ShareAgree = float64(d.AgreeCount) / float64(d.N)
	}
	return d
}

// Median returns the median of the finite values (NaN and Inf are missing): the middle
// value, or the mean of the two middle values (R's quantile type 7 at 0.5). It is NaN
// when no value is left.
func Median(x []float64) float64 { return Quantile7(x, 0.5) }

// Quantile7 returns R's default sample quantile (Hyndman & Fan 1996, type 7) of the values
// that are finite (NaN and Inf are missing):
//
//	h = (n-1)p,  Q(p) = x_(floor h) + (h - floor h)(x_(floor h + 1) - x_(floor h)),
//
// with x_(0) .. x_(n-1) the sorted values. It is NaN when no value is left or p is not in
// [0, 1]. Hand-written because gonum's stat.Quantile offers only the empirical and
// linear-interpolation (type 4) definitions, which do not give the usual median for an
// even n.
func Quantile7(x []float64, p float64) float64 {
	vals := make([]float64, 0, len(x))
	for _, v := range x {
		if isFinite(v) {
			vals = append(vals, v)
		}
	}
	sort.Float64s(vals)
	return quantile7Sorted(vals, p)
}

func quantile7Sorted(sorted []float64, p float64) float64 {
	n := len(sorted)
	if n == 0 || !(p >= 0 && p <= 1) {
		return math.NaN()
	}
	h := float64(n-1) * p
	lo := int(math.Floor(h))
	if lo >= n-1 {
		return sorted[n-1]
	}
	return sorted[lo] + (h-float64(lo))*(sorted[lo+1]-sorted[lo])
}

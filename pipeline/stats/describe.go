package stats

import (
	"math"
	"sort"
	"sync"

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
	// The finite values go into a buffer reused from call to call (median7 may sort
	// them, so x is not used in place): a national study describes every item in every
	// group, and a fresh copy of each was 60 MB of its garbage.
	buf := describeBufs.Get().(*[]float64)
	defer describeBufs.Put(buf)
	vals := (*buf)[:0]
	for _, v := range x {
		if isFinite(v) {
			vals = append(vals, v)
		}
	}
	*buf = vals[:0]
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
	d.Median = median7(vals)
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

// describeBufs are Describe's buffers of finite values.
var describeBufs = sync.Pool{New: func() any { return new([]float64) }}

// maxCounted is the most distinct values for which median7 counts instead of sorting.
const maxCounted = 16

// median7 returns quantile7Sorted(vals sorted, 0.5) for finite values, and may sort vals
// in place. Answers on a scale take a handful of values, so the median of 100,000 of
// them is found by counting each value (at most maxCounted, ascending) and walking the
// counts to the one or two middle positions: the same order statistics that sorting
// finds. With more distinct values, or a zero (sorting leaves -0 and 0 in either order,
// and the median could be either), vals are sorted.
func median7(vals []float64) float64 {
	var values [maxCounted]float64
	var counts [maxCounted]int
	k := 0
	for _, v := range vals {
		j := 0
		for j < k && values[j] != v {
			j++
		}
		if j == k {
			if k == maxCounted || v == 0 {
				sort.Float64s(vals)
				return quantile7Sorted(vals, 0.5)
			}
			// Keep values ascending: insert v in its place.
			j = k
			for j > 0 && values[j-1] > v {
				values[j], counts[j] = values[j-1], counts[j-1]
				j--
			}
			values[j], counts[j] = v, 0
			k++
		}
		counts[j]++
	}
	n := len(vals)
	if n == 0 {
		return math.NaN()
	}
	// at returns the value at position i of the sorted values.
	at := func(i int) float64 {
		for j := range k {
			if i < counts[j] {
				return values[j]
			}
			i -= counts[j]
		}
		return values[k-1]
	}
	h := float64(n-1) * 0.5
	lo := int(math.Floor(h))
	if lo >= n-1 {
		return at(n - 1)
	}
	a := at(lo)
	return a + (h-float64(lo))*(at(lo+1)-a)
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

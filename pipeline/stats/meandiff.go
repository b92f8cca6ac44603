package stats

import (
	"math"

	"gonum.org/v1/gonum/stat"
	"gonum.org/v1/gonum/stat/distuv"
)

// MeanDifference is the difference between two means with its t-test and interval.
type MeanDifference struct {
	Estimate float64 // mean(x - y) paired; mean(x) - mean(y) independent
	SE       float64 // standard error of Estimate
	T        float64 // Estimate / SE
	DF       float64 // degrees of freedom (Welch-Satterthwaite for independent samples)
	P        float64 // two-sided
	CILow    float64 // Estimate ± t_{1-(1-level)/2, DF} SE
	CIHigh   float64
	NX, NY   int // values used; paired, both are the complete pairs
}

// PairedT is Student's paired t-test of x - y with its confidence interval, as R's
// t.test(x, y, paired = TRUE, conf.level = level):
//
//	d_i = x_i - y_i over the complete pairs (n of them),
//	SE = sd(d) / sqrt(n),  T = mean(d) / SE,  DF = n - 1,
//	P = 2 P(t_DF >= |T|),  interval mean(d) ± t_{1-(1-level)/2, DF} SE.
//
// NaN and infinite values are missing (their pair is left out). Everything but the
// estimate (and the counts) is NaN when fewer than two pairs are left or level is not in
// (0, 1); T and P are NaN when every difference is the same (SE = 0; R stops with "data
// are essentially constant"), and the interval is then [mean, mean]. It panics when x
// and y differ in length.
func PairedT(x, y []float64, level float64) MeanDifference {
	if len(x) != len(y) {
		panic("stats: PairedT of samples of different length")
	}
	var d []float64
	for i := range x {
		if isFinite(x[i]) && isFinite(y[i]) {
			d = append(d, x[i]-y[i])
		}
	}
	nan := math.NaN()
	res := MeanDifference{Estimate: nan, SE: nan, T: nan, DF: nan, P: nan, CILow: nan, CIHigh: nan, NX: len(d), NY: len(d)}
	if len(d) == 0 {
		return res
	}
	res.Estimate = stat.Mean(d, nil)
	if len(d) < 2 || !validLevel(level) {
		return res
	}
	res.SE = stat.StdDev(d, nil) / math.Sqrt(float64(len(d)))
	res.DF = float64(len(d) - 1)
	res.finish(level)
	return res
}

// WelchT is Welch's (1947) t-test of the difference between the means of two
// independent samples with its confidence interval, as R's t.test(x, y, conf.level =
// level) (var.equal = FALSE):
//
//	SE = sqrt(s_x²/n_x + s_y²/n_y),  T = (mean(x) - mean(y)) / SE,
//	DF = SE⁴ / ((s_x²/n_x)²/(n_x-1) + (s_y²/n_y)²/(n_y-1))   (Satterthwaite 1946),
//	P = 2 P(t_DF >= |T|),  interval mean(x) - mean(y) ± t_{1-(1-level)/2, DF} SE.
//
// NaN and infinite values are missing. The estimate is NaN when a sample is empty;
// everything else is NaN when a sample has fewer than two values or level is not in
// (0, 1); T and P are NaN when both samples are constant (SE = 0), the interval then
// [estimate, estimate].
func WelchT(x, y []float64, level float64) MeanDifference {
	xs, ys := finiteValues(x), finiteValues(y)
	nan := math.NaN()
	res := MeanDifference{Estimate: nan, SE: nan, T: nan, DF: nan, P: nan, CILow: nan, CIHigh: nan, NX: len(xs), NY: len(ys)}
	if len(xs) == 0 || len(ys) == 0 {
		return res
	}
	res.Estimate = stat.Mean(xs, nil) - stat.Mean(ys, nil)
	if len(xs) < 2 || len(ys) < 2 || !validLevel(level) {
		return res
	}
	vx := stat.Variance(xs, nil) / float64(len(xs))
	vy := stat.Variance(ys, nil) / float64(len(ys))
	res.SE = math.Sqrt(vx + vy)
	if res.SE > 0 {
		res.DF = (vx + vy) * (vx + vy) / (vx*vx/float64(len(xs)-1) + vy*vy/float64(len(ys)-1))
	}
	res.finish(level)
	return res
}

// finish fills T, P and the interval from Estimate, SE and DF.
func (m *MeanDifference) finish(level float64) {
	if !(m.SE > 0) {
		m.CILow, m.CIHigh = m.Estimate, m.Estimate
		return
	}
	t := distuv.StudentsT{Mu: 0, Sigma: 1, Nu: m.DF}
	m.T = m.Estimate / m.SE
	m.P = 2 * t.Survival(math.Abs(m.T))
	half := t.Quantile(1-(1-level)/2) * m.SE
	m.CILow, m.CIHigh = m.Estimate-half, m.Estimate+half
}

// finiteValues returns the values of x that are neither NaN nor infinite.
func finiteValues(x []float64) []float64 {
	out := make([]float64, 0, len(x))
	for _, v := range x {
		if isFinite(v) {
			out = append(out, v)
		}
	}
	return out
}

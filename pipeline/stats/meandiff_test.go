package stats

import (
	"math"
	"testing"
)

// R 4.2.2, printed with sprintf("%.17g"):
//
//	> tt <- t.test(x, y, paired = TRUE)       # depressionX, depressionY
//	estimate 0.43188888888888888, t 3.0353754156485913, df 8, p 0.016176627434908095,
//	conf.int 0.10377871227216852 0.75999906550560925
//	> tt <- t.test(x2, y2, paired = TRUE)     # likertX, likertY
//	estimate 0.27500000000000002, t 3.4876956811082538, df 19, p 0.0024631606044793917,
//	conf.int 0.10996793654330884 0.44003206345669121
func TestPairedT(t *testing.T) {
	for _, c := range []struct {
		x, y                      []float64
		est, tt, df, p, low, high float64
	}{
		{depressionX, depressionY, 0.43188888888888888, 3.0353754156485913, 8, 0.016176627434908095, 0.10377871227216852, 0.75999906550560925},
		{likertX, likertY, 0.27500000000000002, 3.4876956811082538, 19, 0.0024631606044793917, 0.10996793654330884, 0.44003206345669121},
	} {
		m := PairedT(c.x, c.y, 0.95)
		near(t, "estimate", m.Estimate, c.est, 1e-14)
		near(t, "t", m.T, c.tt, 1e-12)
		near(t, "df", m.DF, c.df, 0)
		near(t, "p", m.P, c.p, 1e-13)
		near(t, "low", m.CILow, c.low, 1e-12)
		near(t, "high", m.CIHigh, c.high, 1e-12)
	}
	m := PairedT([]float64{1, 2, 3}, []float64{0, 1, 2}, 0.95)
	isNaN(t, "t of constant differences", m.T)
	near(t, "interval of constant differences", m.CILow, 1, 0)
	m = PairedT([]float64{1, math.NaN()}, []float64{0, 1}, 0.95)
	isNaN(t, "t of one pair", m.T)
	near(t, "estimate of one pair", m.Estimate, 1, 0)
}

// R 4.2.2:
//
//	> tt <- t.test(x, y)     # the rank-sum example of wilcox.test's help page
//	estimate 0.33699999999999997 (difference of the means), t 2.0413830922100695,
//	df 12.970538443257542, p 0.062101343781078469,
//	conf.int -0.019724996335104026 0.69372499633510387
//	> tt <- t.test(x2, y2[1:15])
//	estimate 0.26250000000000018, t 1.2328588385557464, df 32.993910840634157,
//	p 0.22634085847434238, conf.int -0.170691532741538 0.69569153274153839
func TestWelchT(t *testing.T) {
	for _, c := range []struct {
		x, y                      []float64
		est, tt, df, p, low, high float64
	}{
		{[]float64{0.80, 0.83, 1.89, 1.04, 1.45, 1.38, 1.91, 1.64, 0.73, 1.46}, []float64{1.15, 0.88, 0.90, 0.74, 1.21},
			0.33699999999999997, 2.0413830922100695, 12.970538443257542, 0.062101343781078469, -0.019724996335104026, 0.69372499633510387},
		{likertX, likertY[:15], 0.26250000000000018, 1.2328588385557464, 32.993910840634157, 0.22634085847434238, -0.170691532741538, 0.69569153274153839},
	} {
		m := WelchT(c.x, c.y, 0.95)
		near(t, "estimate", m.Estimate, c.est, 1e-14)
		near(t, "t", m.T, c.tt, 1e-12)
		near(t, "df", m.DF, c.df, 1e-11)
		near(t, "p", m.P, c.p, 1e-12)
		near(t, "low", m.CILow, c.low, 1e-11)
		near(t, "high", m.CIHigh, c.high, 1e-11)
	}
	m := WelchT([]float64{1}, []float64{2, 3}, 0.95)
	isNaN(t, "Welch with one value", m.T)
	near(t, "estimate with one value", m.Estimate, -1.5, 0)
	isNaN(t, "Welch of an empty sample", WelchT(nil, []float64{2, 3}, 0.95).Estimate)
}

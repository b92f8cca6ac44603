package stats

import (
	"math"
	"testing"
)

// R 4.2:
//
//	> x <- c(3.5, 4, 2.25, 5, 4, 3, 4.75, 1)
//	> print(c(mean(x), sd(x), median(x), quantile(x, .5, type = 7)), digits = 10)
//	3.437500000 1.327928032 3.750000000 3.750000000
//	> print(t.test(x)$conf.int, digits = 10)
//	[1] 2.327324383 4.547675617
//	> mean(x >= 4)
//	[1] 0.5
func TestDescribeMatchesR(t *testing.T) {
	x := []float64{3.5, 4, 2.25, 5, math.NaN(), 4, 3, 4.75, 1}
	d := Describe(x, 4)
	if d.N != 8 {
		t.Fatalf("n = %d, want 8 (NaN is missing)", d.N)
	}
	near(t, "mean", d.Mean, 3.4375, 1e-12)
	near(t, "sd", d.SD, 1.327928032, 1e-9)
	near(t, "ci low", d.CILow, 2.327324383, 1e-9)
	near(t, "ci high", d.CIHigh, 4.547675617, 1e-9)
	near(t, "median", d.Median, 3.75, 1e-12)
	near(t, "share agreeing", d.ShareAgree, 0.5, 1e-12)
	if d.AgreeCount != 4 || !d.AgreeDefined {
		t.Errorf("agree count = %d, defined = %v", d.AgreeCount, d.AgreeDefined)
	}
}

// R 4.2: quantile(c(1, 2, 4, 7, 11), c(0, .1, .25, .9, 1), type = 7)
// gives 1.0, 1.4, 2.0, 9.4, 11.0; median(c(1, 2, 4, 7)) is 3.
func TestQuantile7(t *testing.T) {
	x := []float64{11, 4, 1, 7, 2}
	for _, c := range []struct{ p, want float64 }{{0, 1}, {0.1, 1.4}, {0.25, 2}, {0.9, 9.4}, {1, 11}} {
		near(t, "quantile", Quantile7(x, c.p), c.want, 1e-12)
	}
	near(t, "median of four", Median([]float64{7, 1, 4, 2}), 3, 1e-12)
	isNaN(t, "quantile at p > 1", Quantile7(x, 1.5))
	isNaN(t, "quantile at NaN", Quantile7(x, math.NaN()))
	isNaN(t, "median of nothing", Median(nil))
}

func TestDescribeEdgeCases(t *testing.T) {
	none := Describe([]float64{math.NaN(), math.Inf(1)}, 4)
	if none.N != 0 {
		t.Errorf("n = %d", none.N)
	}
	for name, v := range map[string]float64{"mean": none.Mean, "sd": none.SD, "ci": none.CILow, "median": none.Median, "share": none.ShareAgree} {
		isNaN(t, "all missing "+name, v)
	}
	one := Describe([]float64{4}, 4)
	near(t, "mean of one", one.Mean, 4, 0)
	isNaN(t, "sd of one", one.SD)
	isNaN(t, "ci of one", one.CIHigh)
	near(t, "share of one", one.ShareAgree, 1, 0)
	flat := Describe([]float64{3, 3, 3}, math.NaN())
	near(t, "sd without spread", flat.SD, 0, 0)
	near(t, "ci low without spread", flat.CILow, 3, 0)
	near(t, "ci high without spread", flat.CIHigh, 3, 0)
	isNaN(t, "share without threshold", flat.ShareAgree)
	if flat.AgreeDefined {
		t.Error("share defined without a threshold")
	}
}

package stats

import (
	"math"
	"testing"
)

// airquality groups testdata/airquality_ozone.csv (R's datasets::airquality, rows with an
// Ozone value, written with write.csv) by month, May to September.
func airquality(t *testing.T) [][]float64 {
	_, rows := readMatrix(t, "testdata/airquality_ozone.csv")
	groups := make([][]float64, 5)
	for _, r := range rows {
		groups[int(r[1])-5] = append(groups[int(r[1])-5], r[0])
	}
	return groups
}

// R 4.2:
//
//	> kt <- kruskal.test(Ozone ~ Month, airquality)
//	Kruskal-Wallis chi-squared = 29.267, df = 4, p-value = 6.901e-06
//	> print(unclass(kt)[1:3], digits = 12)
//	29.2665763061, 4, 6.90071411855e-06
//	> kt$statistic / (116 - 1)          # epsilon squared
//	0.254492
func TestKruskalWallisAirquality(t *testing.T) {
	kw := KruskalWallis(airquality(t))
	near(t, "H", kw.H, 29.2665763061, 1e-9)
	if kw.DF != 4 || kw.N != 116 || kw.Groups != 5 {
		t.Errorf("df = %d, n = %d, groups = %d", kw.DF, kw.N, kw.Groups)
	}
	near(t, "p", kw.P, 6.90071411855e-06, 1e-15)
	near(t, "epsilon squared", kw.EpsilonSquared, 0.254492, 1e-6)
}

// Dunn's z by hand in R 4.2, the formula of Dunn (1964) with the tie correction:
//
//	> aq <- read.csv("airquality_ozone.csv"); r <- rank(aq$Ozone); N <- length(r)
//	> t <- table(aq$Ozone); C <- sum(t^3 - t) / (12 * (N - 1))
//	> mr <- tapply(r, aq$Month, mean); ng <- tapply(r, aq$Month, length)
//	> z <- (mr[i] - mr[j]) / sqrt((N * (N + 1) / 12 - C) * (1 / ng[i] + 1 / ng[j]))
//	> p <- 2 * pnorm(-abs(z)); rr <- z / sqrt(ng[i] + ng[j])
//	5 6 -0.9251586163 0.3548834064 -0.1563803482
//	5 7 -4.4194706406 9.89429615e-06 -0.6128703079
//	...
//	7 9  3.2171991243 0.001294487216 0.4338070414
//	8 9  2.9228277778 0.003468683161 0.3941140172
//	> print(p.adjust(p, "holm"), digits = 10)
//	1 0.0000989429615 0.0003225146529 0.7457357018512 0.1489141168225
//	0.2074321036252 1 1 0.0103558977316 0.0242807821280
func TestDunnAirquality(t *testing.T) {
	want := []struct{ z, p, r, holm float64 }{
		{-0.9251586163, 0.3548834064, -0.1563803482, 1},
		{-4.4194706406, 9.89429615e-06, -0.6128703079, 0.0000989429615},
		{-4.1328134222, 3.583496143e-05, -0.5731181041, 0.0003225146529},
		{-1.3212022825, 0.1864339255, -0.1781508794, 0.7457357018512},
		{-2.2442080324, 0.02481901947, -0.3793403934, 0.1489141168225},
		{-2.0386354873, 0.04148642073, -0.3445922912, 0.2074321036252},
		{0.0025385553, 0.9979745281, 0.0004118080, 1},
		{0.2866572184, 0.7743747981, 0.0397522038, 1},
		{3.2171991243, 0.001294487216, 0.4338070414, 0.0103558977316},
		{2.9228277778, 0.003468683161, 0.3941140172, 0.0242807821280},
	}
	got := Dunn(airquality(t))
	if len(got) != len(want) {
		t.Fatalf("%d pairs, want %d", len(got), len(want))
	}
	ps := make([]float64, len(got))
	for i, w := range want {
		near(t, "z", got[i].Z, w.z, 1e-9)
		near(t, "p", got[i].P, w.p, 1e-9*w.p+1e-15)
		near(t, "r", got[i].R, w.r, 1e-9)
		ps[i] = got[i].P
	}
	if got[1].A != 0 || got[1].B != 2 || got[1].NA != 26 || got[1].NB != 26 {
		t.Errorf("pair 1 = %+v, want May (26) vs July (26)", got[1])
	}
	for i, h := range HolmAdjust(ps) {
		near(t, "Holm", h, want[i].holm, 1e-11)
	}
}

func TestRankTestsEdgeCases(t *testing.T) {
	one := KruskalWallis([][]float64{{1, 2, 3}})
	isNaN(t, "H of one group", one.H)
	isNaN(t, "p of one group", one.P)
	if one.DF != 0 || one.N != 3 {
		t.Errorf("one group: %+v", one)
	}
	withEmpty := KruskalWallis([][]float64{{1, 2, 3}, {}, {math.NaN()}})
	isNaN(t, "H of one non-empty group", withEmpty.H)
	tied := KruskalWallis([][]float64{{2, 2}, {2, 2, 2}})
	isNaN(t, "H when every value is tied", tied.H)
	isNaN(t, "epsilon squared when every value is tied", tied.EpsilonSquared)
	isNaN(t, "H of nothing", KruskalWallis(nil).H)

	// An empty group is left out of the degrees of freedom:
	// R: kruskal.test(list(c(1, 2, 3), c(4, 5, 6))) gives 3.857142857, df = 1,
	// p = 0.04953461344.
	two := KruskalWallis([][]float64{{1, 2, 3}, {}, {4, 5, 6}})
	near(t, "H with an empty group", two.H, 3.857142857, 1e-9)
	near(t, "p with an empty group", two.P, 0.04953461344, 1e-10)
	if two.DF != 1 {
		t.Errorf("df = %d, want 1", two.DF)
	}
	d := Dunn([][]float64{{1, 2, 3}, {}, {4, 5, 6}})
	isNaN(t, "Dunn z with an empty group", d[0].Z)
	if math.IsNaN(d[1].Z) {
		t.Error("Dunn z of two non-empty groups is NaN")
	}
	for _, c := range Dunn([][]float64{{2, 2}, {2, 2, 2}}) {
		isNaN(t, "Dunn z when every value is tied", c.Z)
	}
	if len(Dunn([][]float64{{1}})) != 0 {
		t.Error("Dunn of one group has pairs")
	}
}

// Agresti (2007), An Introduction to Categorical Data Analysis, 2nd ed., table 2.5:
// gender × party identification (Democrat, Independent, Republican). R 4.2:
//
//	> m <- matrix(c(762, 327, 468, 484, 239, 477), nrow = 2, byrow = TRUE)
//	> ct <- chisq.test(m, correct = FALSE); print(ct$statistic, digits = 10)
//	30.0701491
//	> print(ct$p.value, digits = 10)
//	2.953589183e-07
//	> sqrt(ct$statistic / (sum(m) * (min(dim(m)) - 1)))
//	0.1044358
//	> min(ct$expected)
//	246.3547
func TestChiSquareAgresti(t *testing.T) {
	c := ChiSquareIndependence([][]float64{{762, 327, 468}, {484, 239, 477}})
	near(t, "X²", c.X2, 30.0701491, 1e-7)
	near(t, "p", c.P, 2.953589183e-07, 1e-15)
	near(t, "Cramér's V", c.CramersV, 0.1044358, 1e-7)
	near(t, "min expected", c.MinExpected, 246.3547, 1e-4)
	if c.DF != 2 || c.N != 2757 || c.LowExpected != 0 {
		t.Errorf("df = %d, n = %v, low = %d", c.DF, c.N, c.LowExpected)
	}
}

// R 4.2:
//
//	> m <- matrix(c(3, 1, 1, 4), 2); ct <- suppressWarnings(chisq.test(m, correct = FALSE))
//	> print(c(ct$statistic, ct$p.value), digits = 10); ct$expected
//	2.72250000000 0.09894293607
//	expected 1.777778 2.222222 / 2.222222 2.777778
func TestChiSquareLowExpected(t *testing.T) {
	c := ChiSquareIndependence([][]float64{{3, 1}, {1, 4}})
	near(t, "X²", c.X2, 2.7225, 1e-9)
	near(t, "p", c.P, 0.09894293607, 1e-10)
	if c.LowExpected != 4 {
		t.Errorf("cells with expected < 5 = %d, want 4", c.LowExpected)
	}
	near(t, "min expected", c.MinExpected, 1.777778, 1e-6)
}

func TestChiSquareEdgeCases(t *testing.T) {
	for name, m := range map[string][][]float64{
		"one row":       {{1, 2, 3}},
		"one column":    {{1}, {2}},
		"empty":         nil,
		"zero column":   {{0, 3}, {0, 4}},
		"zero row":      {{0, 0}, {2, 4}},
		"negative":      {{-1, 3}, {2, 4}},
		"NaN count":     {{math.NaN(), 3}, {2, 4}},
		"ragged":        {{1, 3}, {2}},
		"all zero":      {{0, 0}, {0, 0}},
		"infinite cell": {{math.Inf(1), 1}, {1, 1}},
	} {
		c := ChiSquareIndependence(m)
		isNaN(t, name+" X²", c.X2)
		isNaN(t, name+" V", c.CramersV)
		isNaN(t, name+" p", c.P)
	}
}

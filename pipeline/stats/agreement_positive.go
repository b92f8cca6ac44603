package stats

import "math"

// PositiveAgreement returns the agreement on a code's presence among the decisions where
// at least one coder applied it. units[u] holds the 0/1 values that the coders gave unit
// u (1: the code applied), NaN where a coder did not code the unit. Among the pairable
// units (two or more values) with at least one 1:
//
//	positive agreement = #{u : every value of u is 1} / #{u : some value of u is 1}
//
// For two coders with a units both applied, b and c one only, this is a / (a + b + c),
// the share of the union of their codings on which they agree (the Jaccard index of the
// two coders' codings). Unlike percent agreement it does not count the many units on
// which every coder left a rare code out. The result is NaN when no pairable unit has a
// 1.
func PositiveAgreement(units [][]float64) float64 {
	var any, all int
	for _, values := range units {
		m, ones := 0, 0
		for _, v := range values {
			if math.IsNaN(v) {
				continue
			}
			m++
			if v == 1 {
				ones++
			}
		}
		if m < 2 || ones == 0 {
			continue
		}
		any++
		if ones == m {
			all++
		}
	}
	if any == 0 {
		return math.NaN()
	}
	return float64(all) / float64(any)
}

// KrippendorffAgreement returns the observed and the chance-expected agreement behind
// the nominal Krippendorff's alpha of units (layout as KrippendorffAlpha), so that
// alpha = (observed - expected) / (1 - expected). With the coincidences n_ck, n_c and n
// of KrippendorffAlpha:
//
//	observed = sum_c n_cc / n                      (1 - D_o)
//	expected = sum_c n_c (n_c - 1) / (n (n - 1))   (1 - D_e)
//
// (Krippendorff 2011, section on nominal data). Both are NaN when no unit is pairable or
// a value is infinite.
func KrippendorffAgreement(units [][]float64) (observed, expected float64) {
	d, ok := newAlphaData(units, Nominal)
	if !ok || d.pairable() == 0 {
		return math.NaN(), math.NaN()
	}
	return d.agreement()
}

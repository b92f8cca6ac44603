package stats

import "math"

// PercentAgreement returns the share of units on which all coders agree. units[u] holds
// the values that the coders gave unit u, one per coder, NaN where a coder did not code
// the unit (rows may differ in length). Only pairable units count, those with at least
// two values:
//
//	agreement = #{u pairable : all values of u equal} / #{u pairable}
//
// This is the simple (not chance-corrected) percent agreement of Holsti (1969) extended to
// any number of coders by requiring unanimity; for two coders it is (a + d) / N of a 2×2
// table. The result is NaN when no unit is pairable.
func PercentAgreement(units [][]float64) float64 {
	var pairable, agreed int
	for _, values := range units {
		m := 0
		same := true
		first := math.NaN()
		for _, v := range values {
			if math.IsNaN(v) {
				continue
			}
			if m == 0 {
				first = v
			} else if v != first {
				same = false
			}
			m++
		}
		if m < 2 {
			continue
		}
		pairable++
		if same {
			agreed++
		}
	}
	if pairable == 0 {
		return math.NaN()
	}
	return float64(agreed) / float64(pairable)
}

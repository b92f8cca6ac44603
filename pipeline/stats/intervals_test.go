package stats

import (
	"math"
	"testing"
)

// Newcombe (1998), Statistics in Medicine 17:857-872, table I: 81/263 with
// the Wilson score interval (method 3) gives 0.2553 to 0.3662. R 4.2 agrees:
//
//	> print(prop.test(81, 263, correct = FALSE)$conf.int, digits = 10)
//	[1] 0.2552885199 0.3662095770
func TestWilsonInterval(t *testing.T) {
	lo, hi := WilsonInterval(81, 263, 0.95)
	near(t, "Wilson low", lo, 0.2552885199, 1e-9)
	near(t, "Wilson high", hi, 0.3662095770, 1e-9)
	// Newcombe table I: 0/20 gives 0 to 0.1611 (R: 0, 0.1611251581).
	lo, hi = WilsonInterval(0, 20, 0.95)
	near(t, "Wilson 0/20 low", lo, 0, 1e-12)
	near(t, "Wilson 0/20 high", hi, 0.1611, 5e-5)
	for _, c := range [][2]int{{1, 0}, {-1, 5}, {6, 5}} {
		lo, hi := WilsonInterval(c[0], c[1], 0.95)
		isNaN(t, "Wilson of impossible count", lo)
		isNaN(t, "Wilson of impossible count", hi)
	}
	lo, _ = WilsonInterval(1, 2, 1)
	isNaN(t, "Wilson at level 1", lo)
}

// R 4.2: t.test(c(1, 2, 3, 4))$conf.int gives 0.4457397 to 4.5542603.
func TestTInterval(t *testing.T) {
	lo, hi := TInterval(2.5, math.Sqrt(5.0/3), 4, 0.95)
	near(t, "t low", lo, 0.4457397, 1e-7)
	near(t, "t high", hi, 4.5542603, 1e-7)
	lo, _ = TInterval(2.5, 1, 1, 0.95)
	isNaN(t, "t interval of one value", lo)
	lo, _ = TInterval(2.5, math.NaN(), 10, 0.95)
	isNaN(t, "t interval without sd", lo)
}

// psych 2.2.9: alpha.ci(0.7237027676, n.obs = 40, n.var = 4) prints the Feldt bounds
// 0.5514167 and 0.8409558 (see also TestScaleReliabilityMatchesPsych).
func TestFeldtInterval(t *testing.T) {
	lo, hi := FeldtInterval(0.7237027676, 40, 4, 0.95)
	near(t, "Feldt low", lo, 0.5514167, 1e-7)
	near(t, "Feldt high", hi, 0.8409558, 1e-7)
	lo, _ = FeldtInterval(math.NaN(), 40, 4, 0.95)
	isNaN(t, "Feldt of NaN alpha", lo)
	lo, _ = FeldtInterval(0.7, 1, 4, 0.95)
	isNaN(t, "Feldt of one respondent", lo)
	lo, _ = FeldtInterval(0.7, 40, 1, 0.95)
	isNaN(t, "Feldt of one item", lo)
}

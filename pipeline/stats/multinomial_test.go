package stats

import (
	"math"
	"math/rand/v2"
	"testing"

	"gonum.org/v1/gonum/stat/distuv"
)

// gonumMultinomial is the conditional-binomial draw as it was before multinomialDraws:
// distuv.Binomial.Rand per kind.
func gonumMultinomial(out, mult []float64, n float64, src rand.Source) {
	left, mass := n, n
	for k, m := range mult {
		switch {
		case left == 0:
			out[k] = 0
		case m >= mass:
			out[k] = left
		default:
			out[k] = distuv.Binomial{N: left, P: m / mass, Src: src}.Rand()
		}
		left -= out[k]
		mass -= m
	}
}

// multinomialCases cover every branch of the binomial: the direct method (n < 25), the
// Poisson proposal (mean below 1), the Cauchy proposal, p above one half (drawn as
// n − Binomial(n, 1 − p)), kinds after the draws ran out, and the presence bootstrap's
// usual shape (one large kind, a few small ones).
var multinomialCases = []struct {
	name string
	mult []float64
}{
	{"direct", []float64{3, 7, 2, 8}},
	{"poisson", []float64{1, 2, 4990, 3, 4}},
	{"cauchy", []float64{1200, 2500, 800, 500}},
	{"above half", []float64{4200, 500, 300}},
	{"presence", []float64{4510, 12, 300, 3, 1, 40, 90, 2, 17, 25}},
	{"rare first", []float64{1, 1, 1, 1, 30, 30}},
}

func TestMultinomialDrawsAsGonum(t *testing.T) {
	for _, c := range multinomialCases {
		t.Run(c.name, func(t *testing.T) {
			var n float64
			for _, m := range c.mult {
				n += m
			}
			oldSrc, newSrc := rand.NewPCG(7, 11), rand.NewPCG(7, 11)
			draws := newMultinomialDraws(c.mult, n, newSrc)
			want := make([]float64, len(c.mult))
			got := make([]float64, len(c.mult))
			for s := range 3000 {
				gonumMultinomial(want, c.mult, n, oldSrc)
				draws.draw(got)
				for k := range want {
					if got[k] != want[k] {
						t.Fatalf("resample %d kind %d: %v, distuv.Binomial gives %v", s, k, got[k], want[k])
					}
				}
			}
			// The same random numbers were consumed.
			if a, b := oldSrc.Uint64(), newSrc.Uint64(); a != b {
				t.Fatalf("the sources parted: next numbers %d and %d", a, b)
			}
		})
	}
}

// TestBinomialAgainstPMF checks each branch of the sampler against the exact binomial
// distribution: a chi-square goodness-of-fit test of 200,000 variates against
// distuv.Binomial.Prob (outcomes with an expected count below 5 pooled into the tails),
// at the 0.1% level, and the sample mean and variance against np and np(1−p) within five
// standard errors (the standard error of the variance from the binomial's fourth central
// moment np(1−p)(1 + 3p(1−p)(n − 2)), Johnson, Kemp & Kotz 2005, "Univariate discrete
// distributions", 3rd ed., section 3.2).
func TestBinomialAgainstPMF(t *testing.T) {
	// R 4.2: qchisq(0.999, c(10, 20, 40)) gives 29.58830 45.31475 73.40196.
	for df, want := range map[float64]float64{10: 29.58830, 20: 45.31475, 40: 73.40196} {
		if got := (distuv.ChiSquared{K: df}).Quantile(0.999); math.Abs(got-want) > 1e-4 {
			t.Fatalf("chi-square quantile df %v: %v, R gives %v", df, got, want)
		}
	}
	cases := []struct {
		name string
		n, p float64
	}{
		{"direct", 20, 0.3},
		{"direct above half", 24, 0.85},
		{"poisson", 4000, 0.0002},
		{"cauchy", 5000, 0.1},
		{"cauchy small mean", 60, 0.05},
		{"cauchy above half", 300, 0.7},
	}
	const draws = 200000
	for i, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			// One kind of p and one of the rest: the first kind's count is Binomial(n, p).
			m := newMultinomialDraws([]float64{c.p * c.n, (1 - c.p) * c.n}, c.n, rand.NewPCG(uint64(i), 3))
			m.p[0], m.q[0] = c.p, math.Min(c.p, 1-c.p)
			counts := make([]float64, int(c.n)+1)
			var sum, sum2 float64
			for range draws {
				x := m.binomial(0, c.n)
				if x < 0 || x > c.n || x != math.Floor(x) {
					t.Fatalf("variate %v outside 0..%v", x, c.n)
				}
				counts[int(x)]++
				sum += x
				sum2 += x * x
			}
			b := distuv.Binomial{N: c.n, P: c.p}
			// Bins: outcomes pooled from the left until the expected count reaches 5; a
			// right tail expected less often joins the last bin.
			var binObs, binExp []float64
			var obs, exp float64
			for x := range counts {
				obs += counts[x]
				exp += draws * b.Prob(float64(x))
				if exp >= 5 {
					binObs, binExp = append(binObs, obs), append(binExp, exp)
					obs, exp = 0, 0
				}
			}
			binObs[len(binObs)-1] += obs
			binExp[len(binExp)-1] += exp
			var chi2 float64
			for j := range binObs {
				chi2 += (binObs[j] - binExp[j]) * (binObs[j] - binExp[j]) / binExp[j]
			}
			bins := len(binObs)
			df := float64(bins - 1)
			if crit := (distuv.ChiSquared{K: df}).Quantile(0.999); chi2 > crit {
				t.Errorf("chi-square %.2f on %v df above %.2f", chi2, df, crit)
			}
			mean := sum / draws
			variance := (sum2 - draws*mean*mean) / (draws - 1)
			mu, sigma2 := c.n*c.p, c.n*c.p*(1-c.p)
			mu4 := sigma2 * (1 + 3*c.p*(1-c.p)*(c.n-2))
			if d := math.Abs(mean - mu); d > 5*math.Sqrt(sigma2/draws) {
				t.Errorf("mean %v, np = %v", mean, mu)
			}
			if d := math.Abs(variance - sigma2); d > 5*math.Sqrt((mu4-sigma2*sigma2)/draws) {
				t.Errorf("variance %v, np(1-p) = %v", variance, sigma2)
			}
		})
	}
}

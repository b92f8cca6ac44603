package learn

import (
	"math"
	"testing"
)

// TestFitAgainstR: without a penalty, Fit is the maximum likelihood estimate of R's glm.
//
//	x1 <- c(0.5, 1.0, 1.5, 2.0, 2.5, 3.0, 3.5, 4.0, 4.5, 5.0, 5.5, 6.0)
//	x2 <- c(1, 0, 1, 0, 0, 1, 1, 0, 1, 0, 1, 1)
//	y  <- c(0, 0, 1, 0, 0, 1, 0, 1, 1, 0, 1, 1)
//	fit <- glm(y ~ x1 + x2, family = binomial)
//	sprintf("%.10f", coef(fit))        # -3.8014964435 0.7265298099 2.5193138608
//	sprintf("%.10f", fitted(fit)[1:3]) # 0.2851784762 0.0441517487 0.4520508374
//	sprintf("%.10f", logLik(fit))      # -5.3347777659
//
// (R 4.2.2, Debian 12.)
func TestFitAgainstR(t *testing.T) {
	x1 := []float64{0.5, 1.0, 1.5, 2.0, 2.5, 3.0, 3.5, 4.0, 4.5, 5.0, 5.5, 6.0}
	x2 := []float64{1, 0, 1, 0, 0, 1, 1, 0, 1, 0, 1, 1}
	y := []float64{0, 0, 1, 0, 0, 1, 0, 1, 1, 0, 1, 1}
	rows := make([][]float64, len(y))
	for i := range y {
		rows[i] = []float64{x1[i], x2[i]}
	}
	x := Dense(rows)
	m, err := Fit{GradientTolerance: 1e-9}.Fit(x, y, nil, nil)
	if err != nil {
		t.Fatal(err)
	}
	want := []float64{-3.8014964435, 0.7265298099, 2.5193138608}
	got := []float64{m.Intercept, m.Weights[0], m.Weights[1]}
	for i := range want {
		if math.Abs(got[i]-want[i]) > 1e-6 {
			t.Errorf("coefficient %d = %.10f, R gives %.10f", i, got[i], want[i])
		}
	}
	for i, w := range []float64{0.2851784762, 0.0441517487, 0.4520508374} {
		if p := m.Probability(x, i); math.Abs(p-w) > 1e-7 {
			t.Errorf("fitted %d = %.10f, R gives %.10f", i+1, p, w)
		}
	}
	ll := 0.0
	for i := range y {
		p := m.Probability(x, i)
		ll += y[i]*math.Log(p) + (1-y[i])*math.Log(1-p)
	}
	if math.Abs(ll - -5.3347777659) > 1e-8 {
		t.Errorf("log likelihood %.10f, R gives -5.3347777659", ll)
	}
	// A subset of rows is the fit on those rows alone; a warm start changes nothing.
	sub, _ := Fit{GradientTolerance: 1e-9}.Fit(x, y, []int{0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11}, &m)
	if math.Abs(sub.Intercept-m.Intercept) > 1e-6 {
		t.Errorf("warm start moved the intercept: %v against %v", sub.Intercept, m.Intercept)
	}
}

// TestFitPenalty: the L2 penalty shrinks the weights, not the intercept, and the
// gradient of the penalised loss vanishes at the solution. The penalised fit checked
// against R's optim on the same loss:
//
//	f <- function(b) { z <- b[1] + b[2]*x1 + b[3]*x2; sum(log1p(exp(z)) - y*z) + 1/2*sum(b[2:3]^2) }
//	o <- optim(c(0,0,0), f, method = "BFGS", control = list(reltol = 1e-14))
//	sprintf("%.6f", o$par)   # -2.219333 0.542293 0.805431
func TestFitPenalty(t *testing.T) {
	x1 := []float64{0.5, 1.0, 1.5, 2.0, 2.5, 3.0, 3.5, 4.0, 4.5, 5.0, 5.5, 6.0}
	x2 := []float64{1, 0, 1, 0, 0, 1, 1, 0, 1, 0, 1, 1}
	y := []float64{0, 0, 1, 0, 0, 1, 0, 1, 1, 0, 1, 1}
	rows := make([][]float64, len(y))
	for i := range y {
		rows[i] = []float64{x1[i], x2[i]}
	}
	x := Dense(rows)
	m, err := Fit{Lambda: 1, GradientTolerance: 1e-9}.Fit(x, y, nil, nil)
	if err != nil {
		t.Fatal(err)
	}
	want := []float64{-2.219333, 0.542293, 0.805431}
	got := []float64{m.Intercept, m.Weights[0], m.Weights[1]}
	for i := range want {
		if math.Abs(got[i]-want[i]) > 1e-4 { // optim differentiates numerically
			t.Errorf("coefficient %d = %.6f, R's optim gives %.6f", i, got[i], want[i])
		}
	}
}

package learn

import (
	"math"
	"slices"

	"github.com/samenspel/samenspel/pipeline/model"
	"gonum.org/v1/gonum/optimize"
)

// Model is a fitted logistic regression: P(y = 1 | x) = 1 / (1 + exp(-(Intercept + Weights · x))).
type Model struct {
	Intercept float64
	Weights   []float64
}

// Probability returns P(y = 1) for row i of x.
func (m Model) Probability(x *Sparse, i int) float64 {
	return sigmoid(m.Intercept + x.dot(i, m.Weights))
}

// Fit options.
type Fit struct {
	// Lambda is the L2 penalty: Fit minimises
	//
	//	sum_i [log(1 + exp(z_i)) - y_i z_i] + Lambda/2 * sum_j w_j^2,  z_i = b + w · x_i
	//
	// over the intercept b (not penalised) and the weights w. With Lambda = 0 this is the
	// maximum likelihood estimate that R's glm(y ~ x, family = binomial) gives.
	Lambda float64
	// Light, when > 0, is the number of last columns whose weights get the penalty
	// Lambda * LightFactor instead (the few dictionary hits among thousands of n-grams).
	Light       int
	LightFactor float64
	// GradientTolerance stops the minimisation when the largest component of the
	// gradient is below it (default 1e-6).
	GradientTolerance float64
	// MaxIterations bounds the L-BFGS iterations (default 500).
	MaxIterations int
	// RowWeight, when not nil, weighs each row's term of the loss (and of its gradient):
	// sum_i RowWeight_i [log(1 + exp(z_i)) - y_i z_i]; nil weighs every row 1.
	RowWeight []float64
}

// ErrNotConverged marks a fit whose minimisation stopped without meeting its tolerance
// (for example perfectly separated data without a penalty, where no finite estimate exists).
var ErrNotConverged = model.NewKind("logistic regression did not converge", "logistische regressie convergeerde niet")

// Fit fits y on the rows of x listed in rows (every row when rows is nil), starting from
// start when it has the right size (warm start), else from zero. y holds 0 or 1 per row
// of x.
func (f Fit) Fit(x *Sparse, y []float64, rows []int, start *Model) (Model, error) {
	if len(y) != x.Rows() {
		panic("learn: y and x of different length")
	}
	if rows == nil {
		rows = make([]int, x.Rows())
		for i := range rows {
			rows[i] = i
		}
	}
	n := x.Cols + 1
	loss := func(p, g []float64) float64 {
		clear(g)
		b, w := p[0], p[1:]
		gw := g[1:]
		total := 0.0
		for _, i := range rows {
			z := b + x.dot(i, w)
			l, p := lossAndProbability(z)
			r := p - y[i]
			if f.RowWeight != nil {
				total += f.RowWeight[i] * (l - y[i]*z)
				r *= f.RowWeight[i]
			} else {
				total += l - y[i]*z
			}
			g[0] += r
			x.axpy(i, r, gw)
		}
		return total + f.penalty(w, gw)
	}
	return f.minimise(n, start, loss)
}

// penalty adds the L2 penalty's gradient to gw and returns the penalty of the weights w.
func (f Fit) penalty(w, gw []float64) float64 {
	if f.Lambda <= 0 {
		return 0
	}
	total := 0.0
	heavy := len(w) - f.Light
	for j, v := range w {
		l := f.Lambda
		if j >= heavy {
			l *= f.LightFactor
		}
		total += l / 2 * v * v
		gw[j] += l * v
	}
	return total
}

// minimise runs L-BFGS on n parameters (the intercept, then the weights) from start (or
// zero), with loss returning the value at p and writing the gradient into g.
func (f Fit) minimise(n int, start *Model, loss func(p, g []float64) float64) (Model, error) {
	tol := f.GradientTolerance
	if tol <= 0 {
		tol = 1e-6
	}
	iters := f.MaxIterations
	if iters <= 0 {
		iters = 500
	}
	init := make([]float64, n)
	if start != nil && len(start.Weights) == n-1 {
		init[0] = start.Intercept
		copy(init[1:], start.Weights)
	}
	// gonum asks for the value and the gradient at the same points, one after the other:
	// both come from one pass over the rows, kept for the next call.
	var lastX, lastG []float64
	lastF := 0.0
	eval := func(p []float64) {
		if lastX != nil && slices.Equal(lastX, p) {
			return
		}
		if lastX == nil {
			lastX, lastG = make([]float64, n), make([]float64, n)
		}
		copy(lastX, p)
		lastF = loss(lastX, lastG)
	}
	p := optimize.Problem{
		Func: func(p []float64) float64 { eval(p); return lastF },
		Grad: func(grad, p []float64) { eval(p); copy(grad, lastG) },
	}
	settings := &optimize.Settings{
		GradientThreshold: tol,
		MajorIterations:   iters,
		Converger:         &optimize.FunctionConverge{Relative: 1e-10, Iterations: 20},
	}
	res, err := optimize.Minimize(p, init, settings, &optimize.LBFGS{})
	if res == nil {
		return Model{}, model.Reasonf("%w: %v", "%v: %v", ErrNotConverged, err)
	}
	m := Model{Intercept: res.X[0], Weights: slices.Clone(res.X[1:])}
	if err != nil || res.Status != optimize.GradientThreshold && res.Status != optimize.FunctionConvergence {
		return m, model.Reasonf("%w (%v, %v)", "%v (%v, %v)", ErrNotConverged, res.Status, err)
	}
	return m, nil
}

func sigmoid(z float64) float64 {
	if z >= 0 {
		return 1 / (1 + math.Exp(-z))
	}
	e := math.Exp(z)
	return e / (1 + e)
}

// lossAndProbability returns log(1 + exp(z)) and 1 / (1 + exp(-z)) from one exponential,
// without overflow.
func lossAndProbability(z float64) (float64, float64) {
	e := math.Exp(-math.Abs(z))
	if z >= 0 {
		return z + math.Log1p(e), 1 / (1 + e)
	}
	return math.Log1p(e), e / (1 + e)
}

package learn

import (
	"errors"
	"math"
	"runtime"
	"sync"

	"github.com/samenspel/samenspel/pipeline/stats"
)

// dictionaryPenalty is the share of the L2 penalty on the weights of the dictionary
// hits: the codebook's patterns are prior knowledge, one feature per code, and the
// penalty that keeps thousands of n-gram weights small would otherwise hold them below
// what the humans' coding shows.
const dictionaryPenalty = 0.1

// Defaults of Options.
const (
	DefaultMinF1     = 0.6
	DefaultLambda    = 1.0
	DefaultThreshold = 0.5
)

// Options set Learn.
type Options struct {
	// Codes are the codebook's code ids, in codebook order: one model per code.
	Codes []string
	// MinF1 is the cross-validated F1 a code needs before its model suggests anything.
	MinF1 float64
	// Folds is k of k-fold cross-validation (DefaultFolds when 0).
	Folds int
	// Lambda is the L2 penalty (DefaultLambda when 0; see Fit).
	Lambda float64
	// Threshold: a segment gets a code when its probability is at least this
	// (DefaultThreshold when 0), in the cross-validation as in the suggestions.
	Threshold float64
	// Seed fixes the folds.
	Seed uint64
}

// Coded is a human-coded segment: the segment and the codes the humans gave it (none
// for a segment they looked at and found nothing in).
type Coded struct {
	Segment
	Codes []string
}

// Validation is one code's cross-validated agreement with the humans, from the pooled
// out-of-fold predictions (each coded segment predicted once, by the model that did not
// see its respondent):
//
//	tp = model and humans, fp = model only, fn = humans only, tn = neither
//	precision = tp / (tp + fp), recall = tp / (tp + fn), F1 = 2 p r / (p + r)
//	Alpha = Krippendorff's alpha (nominal) of code presence, model and humans as two coders
//
// An undefined figure is NaN. Suggests says whether the code's model suggests codes for
// uncoded segments: F1 at least Options.MinF1.
type Validation struct {
	Code                  string
	Segments, Positives   int
	Folds                 int
	TP, FP, FN, TN        int
	Precision, Recall, F1 float64
	Alpha                 float64
	Suggests              bool
	Suggestions           int
}

// Suggestion is a learned code for an uncoded segment (its index in Learn's uncoded).
type Suggestion struct {
	Segment     int
	Code        string
	Probability float64
}

// Result is what Learn found.
type Result struct {
	Folds       int
	Validation  []Validation // in the order of Options.Codes
	Suggestions []Suggestion // by segment, then in the order of Options.Codes
}

// Learn trains per code a logistic regression on the coded segments, cross-validates it
// with folds by respondent, and, for the codes whose F1 reaches MinF1, suggests the code
// for the uncoded segments whose probability reaches the threshold. The folds come from
// Options.Seed; the fits are deterministic, so the same study gives the same result.
func Learn(coded []Coded, uncoded []Segment, opt Options) Result {
	if opt.Folds <= 0 {
		opt.Folds = DefaultFolds
	}
	if opt.Lambda <= 0 {
		opt.Lambda = DefaultLambda
	}
	if opt.Threshold <= 0 {
		opt.Threshold = DefaultThreshold
	}
	all := make([]Segment, 0, len(coded)+len(uncoded))
	groups := make([]string, len(coded))
	for i, c := range coded {
		all = append(all, c.Segment)
		groups[i] = c.Respondent
	}
	all = append(all, uncoded...)
	x := features(all, opt.Codes)
	fold, k := Folds(groups, opt.Folds, opt.Seed)
	res := Result{Folds: k, Validation: make([]Validation, len(opt.Codes))}
	probs := make([][]float64, len(opt.Codes)) // per code, per uncoded segment; nil = no suggestions

	var wg sync.WaitGroup
	next := make(chan int)
	for w := 0; w < min(runtime.GOMAXPROCS(0), max(1, len(opt.Codes))); w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for ci := range next {
				res.Validation[ci], probs[ci] = learnCode(x, coded, len(uncoded), fold, k, opt.Codes[ci], opt)
			}
		}()
	}
	for ci := range opt.Codes {
		next <- ci
	}
	close(next)
	wg.Wait()

	for s := range uncoded {
		for ci, p := range probs {
			if p != nil && p[s] >= opt.Threshold {
				res.Suggestions = append(res.Suggestions, Suggestion{Segment: s, Code: opt.Codes[ci], Probability: p[s]})
				res.Validation[ci].Suggestions++
			}
		}
	}
	return res
}

// learnCode cross-validates one code and, where it passes, returns the probabilities of
// the uncoded segments (rows len(coded) onwards of x).
func learnCode(x *Sparse, coded []Coded, nUncoded int, fold []int, k int, code string, opt Options) (Validation, []float64) {
	v := Validation{Code: code, Segments: len(coded), Folds: k,
		Precision: math.NaN(), Recall: math.NaN(), F1: math.NaN(), Alpha: math.NaN()}
	y := make([]float64, x.Rows())
	for i, c := range coded {
		for _, cc := range c.Codes {
			if cc == code {
				y[i] = 1
				v.Positives++
				break
			}
		}
	}
	if k < 2 || v.Positives == 0 {
		return v, nil
	}
	fit := Fit{Lambda: opt.Lambda, Light: len(opt.Codes), LightFactor: dictionaryPenalty, GradientTolerance: 1e-3, MaxIterations: 300}
	var prev *Model
	units := make([][]float64, len(coded))
	for f := 0; f < k; f++ {
		var train, test []int
		pos := 0
		for i := range coded {
			if fold[i] == f {
				test = append(test, i)
			} else {
				train = append(train, i)
				pos += int(y[i])
			}
		}
		var predict func(i int) float64
		switch {
		case pos == 0:
			predict = func(int) float64 { return 0 }
		case pos == len(train):
			predict = func(int) float64 { return 1 }
		default:
			// Warm start from the previous fold's fit: the minimum is unique (the loss is
			// strictly convex), so the start only saves iterations.
			m, err := fit.Fit(x, y, train, prev)
			if err != nil && !errors.Is(err, ErrNotConverged) {
				return v, nil
			}
			prev = &m
			predict = func(i int) float64 { return m.Probability(x, i) }
		}
		for _, i := range test {
			got := predict(i) >= opt.Threshold
			human := y[i] == 1
			switch {
			case got && human:
				v.TP++
			case got:
				v.FP++
			case human:
				v.FN++
			default:
				v.TN++
			}
			units[i] = []float64{y[i], b2f(got)}
		}
	}
	if v.TP+v.FP > 0 {
		v.Precision = float64(v.TP) / float64(v.TP+v.FP)
	}
	if v.TP+v.FN > 0 {
		v.Recall = float64(v.TP) / float64(v.TP+v.FN)
	}
	if p, r := v.Precision, v.Recall; !math.IsNaN(p) && !math.IsNaN(r) && p+r > 0 {
		v.F1 = 2 * p * r / (p + r)
	} else if v.TP == 0 && v.FP+v.FN > 0 {
		v.F1 = 0
	}
	v.Alpha = stats.KrippendorffAlpha(units, stats.Nominal)
	v.Suggests = !math.IsNaN(v.F1) && v.F1 >= opt.MinF1
	if !v.Suggests || nUncoded == 0 {
		return v, nil
	}
	everyone := make([]int, len(coded))
	for i := range everyone {
		everyone[i] = i
	}
	full, err := fit.Fit(x, y, everyone, prev)
	if err != nil && !errors.Is(err, ErrNotConverged) {
		return v, nil
	}
	p := make([]float64, nUncoded)
	for s := range p {
		p[s] = full.Probability(x, len(coded)+s)
	}
	return v, p
}

func b2f(b bool) float64 {
	if b {
		return 1
	}
	return 0
}

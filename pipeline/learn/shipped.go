package learn

import (
	"fmt"
	"math"
	"runtime"
	"slices"
	"sort"
	"strings"
	"sync"

	"github.com/samenspel/samenspel/codebook"
)

// The shipped model of a codebook (codebook.Model): per code a logistic regression on the
// dictionary's evidence and the n-grams of the text, trained on coded fragment sets each
// written by another writer from the codebook's definitions. Every choice (the penalty,
// whether the n-grams are features, their minimum support, the threshold) is made by
// leaving one set out in turn, and the figures it is shipped with by leaving one set out
// around that choice (nested): the knobs for left-out set s are chosen on the other sets
// only, each of them left out in turn from those. A writer's turns of phrase recur across
// their fragments, as a respondent's do across segments, so a set is the unit left out.

// ShippedSet is one coded fragment set: its name and SHA-256, whether the codebook's
// calibration was estimated on it (Dev), and its fragments.
type ShippedSet struct {
	Name, SHA256 string
	Dev          bool
	Fragments    []ShippedFragment
}

// ShippedFragment is a fragment's text, its coder's codes and the patterns' matches.
type ShippedFragment struct {
	Text    string
	Codes   []string
	Matches []codebook.Match
}

// Knobs are the choices of a shipped model's fit.
type Knobs struct {
	Lambda     float64
	Text       bool
	MinSupport int
	// DevWeight weighs the fragments of the sets the patterns were tuned on (Dev) in the
	// loss (0: 1, as every other): on those sets a pattern fires where it was made to be
	// right, more often than on new text.
	DevWeight float64
}

// ShippedOptions set TrainShipped.
type ShippedOptions struct {
	// AutoCoder is the patterns alone (no calibration, no model): its negation words.
	AutoCoder *codebook.AutoCoder
	// Calibration estimates the dictionary's calibration on the listed sets (the
	// training sets); it is called with the same sets for the same result.
	Calibration func(dev []int) *codebook.Calibration
	// Codes are the codes modelled and scored.
	Codes []string
	// Grid are the knobs to choose from; Thresholds the thresholds a dictionary
	// suggestion's probability must reach to be kept (0: every one is kept).
	Grid       []Knobs
	Thresholds []float64
	// Combine chooses a second threshold, from AddThresholds, for the codes the
	// model suggests where the dictionary did not (1: none), and the pair that reaches
	// the highest pooled recall at a pooled precision of at least MinPrecision (ties: the
	// higher F1); without it both thresholds are one, from Thresholds, chosen for the
	// highest pooled F1 at that precision (the protocol of 0.8.0). Where no choice
	// reaches MinPrecision, the highest F1 of all.
	Combine       bool
	AddThresholds []float64
	// MinPrecision is the pooled precision the choice must reach on the left-out sets.
	MinPrecision float64
	// MinWeight prunes smaller weights from every model, in the figures as in the file.
	MinWeight float64
}

// shippedTrainer caches the fits and the features of every calibration.
type shippedTrainer struct {
	opt    ShippedOptions
	sets   []ShippedSet
	mu     sync.Mutex
	models map[string]*codebook.Model
	inputs map[string][][]codebook.ModelInput // per dev-set key: per set, per fragment
}

// Choice is the knobs and the thresholds chosen for one training (a left-out set's, or
// the shipped model's): a code the dictionary suggests is kept where its probability
// reaches Threshold, one it does not is suggested where it reaches Add.
type Choice struct {
	Knobs
	Threshold, Add float64
}

// says is the decision of choice c for one code: dict, the dictionary (with its
// calibration) suggested it; p, the model's probability.
func (c Choice) says(dict bool, p float64) bool {
	if dict {
		return p >= c.Threshold
	}
	return p >= c.Add
}

// ChooseShipped chooses, by leaving each set out in turn, the knobs of the model for each
// left-out set (on the other sets only, each of them left out in turn from those: nested)
// and of the shipped model (on all sets).
func ChooseShipped(sets []ShippedSet, opt ShippedOptions) (perSet []Choice, final Choice) {
	return newTrainer(sets, opt).chooseAll(opt.Combine)
}

// chooseAll is ChooseShipped with the trainer's fits.
func (t *shippedTrainer) chooseAll(combine bool) (perSet []Choice, final Choice) {
	all := t.all()
	for s := range t.sets {
		perSet = append(perSet, t.choose(without(all, s), combine))
	}
	return perSet, t.choose(all, combine)
}

// TrainShipped trains the shipped model on all sets with the knobs chosen by leaving each
// set out in turn (ChooseShipped), and records, per set, the dictionary's and the model's
// figures with that set left out of everything (nested leave-one-set-out).
func TrainShipped(sets []ShippedSet, opt ShippedOptions) *codebook.Model {
	perSet, final := ChooseShipped(sets, opt)
	return BuildShipped(sets, opt, perSet, final)
}

// BuildShipped trains the model of each left-out set with its choice and scores it, and
// the shipped model on all sets with final: what TrainShipped does after choosing.
func BuildShipped(sets []ShippedSet, opt ShippedOptions, perSet []Choice, final Choice) *codebook.Model {
	return newTrainer(sets, opt).build(perSet, final)
}

// build is BuildShipped with the trainer's fits.
func (t *shippedTrainer) build(perSet []Choice, final Choice) *codebook.Model {
	sets, opt := t.sets, t.opt
	all := t.all()
	var left []codebook.ModelLeftOut
	for s := range sets {
		train := without(all, s)
		c := perSet[s]
		m := t.model(train, c.Knobs)
		per := make([]codebook.ModelCodeFigure, len(opt.Codes))
		mod := t.score(m, c, train, s, per, false)
		dict := t.score(nil, Choice{}, train, s, per, true)
		left = append(left, codebook.ModelLeftOut{Set: sets[s].Name, Dictionary: dict, Model: mod,
			Lambda: c.Lambda, Text: c.Text, MinSupport: c.MinSupport, DevWeight: c.DevWeight, Threshold: c.Threshold, AddThreshold: addField(c), PerCode: per})
	}
	m := t.model(all, final.Knobs)
	out := &codebook.Model{Lambda: final.Lambda, Text: final.Text, MinSupport: final.MinSupport, DevWeight: final.DevWeight, Threshold: final.Threshold,
		AddThreshold: addField(final), MinWeight: opt.MinWeight, LeftOut: left, Scored: opt.Codes, Codes: m.Codes}
	for _, s := range sets {
		out.Sets = append(out.Sets, codebook.CalibrationSet{Name: s.Name, Fragments: len(s.Fragments), SHA256: s.SHA256})
	}
	out.Prepare()
	return out
}

func newTrainer(sets []ShippedSet, opt ShippedOptions) *shippedTrainer {
	return &shippedTrainer{opt: opt, sets: sets, models: map[string]*codebook.Model{}, inputs: map[string][][]codebook.ModelInput{}}
}

func (t *shippedTrainer) all() []int {
	all := make([]int, len(t.sets))
	for i := range all {
		all[i] = i
	}
	return all
}

func without(sets []int, s int) []int {
	var out []int
	for _, x := range sets {
		if x != s {
			out = append(out, x)
		}
	}
	return out
}

// devOf returns the sets of train the calibration is estimated on: all of them (since
// issue 19's sixth round the calibration is estimated on every coded set, not only on
// those the patterns were tuned on), so that no left-out set's hits reach it.
func (t *shippedTrainer) devOf(train []int) []int {
	return slices.Clone(train)
}

// inputsFor returns the model inputs of every fragment of every set, with the
// calibration estimated on the sets of train.
func (t *shippedTrainer) inputsFor(train []int) [][]codebook.ModelInput {
	dev := t.devOf(train)
	key := fmt.Sprint(dev)
	t.mu.Lock()
	defer t.mu.Unlock()
	if in, ok := t.inputs[key]; ok {
		return in
	}
	cal := t.opt.Calibration(dev)
	in := make([][]codebook.ModelInput, len(t.sets))
	for i, s := range t.sets {
		in[i] = make([]codebook.ModelInput, len(s.Fragments))
		for j, f := range s.Fragments {
			in[i][j] = t.opt.AutoCoder.ModelInput(f.Text, f.Matches, cal, t.opt.Codes)
		}
	}
	t.inputs[key] = in
	return in
}

// choose returns the knobs and thresholds whose models, each trained on train without
// one of its blind sets (those the patterns were not tuned on: not Dev) and scored on
// that set, do best pooled over the scored codes (see ShippedOptions.Combine); on a tie
// the first in the grid, then the lower thresholds. Only blind sets are scored: on a set
// the patterns were tuned on, the dictionary's evidence is right where it was made to
// be, and a choice scored there would trust it more than new text bears out.
func (t *shippedTrainer) choose(train []int, combine bool) Choice {
	vetoes, adds := t.opt.Thresholds, t.opt.AddThresholds
	if !combine {
		adds = nil
	}
	best, bestR, bestF, bestOK := Choice{}, -1.0, -1.0, false
	for gi, k := range t.opt.Grid {
		d := t.innerDecisions(train, k)
		for vi, veto := range vetoes {
			cands := adds
			if !combine {
				cands = []float64{veto}
			}
			for ai, add := range cands {
				c := Choice{k, veto, add}
				var n [3]int
				for _, x := range d {
					countOne(&n, x.gold, c.says(x.dict, x.p))
				}
				s := codebook.NewPRF(n[0], n[1], n[2])
				ok := s.Precision >= t.opt.MinPrecision
				better := false
				switch {
				case gi == 0 && vi == 0 && ai == 0:
					better = true
				case ok != bestOK:
					better = ok
				case ok && combine:
					better = s.Recall > bestR+1e-12 || (s.Recall > bestR-1e-12 && s.F1 > bestF+1e-12)
				default:
					better = s.F1 > bestF+1e-12
				}
				if better {
					best, bestR, bestF, bestOK = c, s.Recall, s.F1, ok
				}
			}
		}
	}
	return best
}

// decision is one code of one fragment: the coder gave it (gold), the dictionary
// suggested it (dict), and the model's probability.
type decision struct {
	gold, dict bool
	p          float64
}

// innerDecisions returns the decisions on each blind set u of train of the model fitted
// with knobs k on train without u, with the dictionary's calibration of train without u.
func (t *shippedTrainer) innerDecisions(train []int, k Knobs) []decision {
	var out []decision
	for _, u := range train {
		if t.sets[u].Dev {
			continue
		}
		inner := without(train, u)
		m := t.model(inner, k)
		out = append(out, t.decisions(m, inner, u)...)
	}
	return out
}

// decisions are the decisions on set s of model m, with the calibration of train.
func (t *shippedTrainer) decisions(m *codebook.Model, train []int, s int) []decision {
	in := t.inputsFor(train)
	cal := t.opt.Calibration(t.devOf(train))
	var out []decision
	for j, f := range t.sets[s].Fragments {
		on := dictionaryOn(cal, f.Matches)
		var p []float64
		if m != nil {
			p = m.Probabilities(&in[s][j])
		}
		for ci, code := range t.opt.Codes {
			x := decision{gold: slices.Contains(f.Codes, code), dict: on[code]}
			if p != nil {
				x.p = p[ci]
			}
			out = append(out, x)
		}
	}
	return out
}

// dictionaryOn returns the codes the dictionary with calibration cal suggests (not held).
func dictionaryOn(cal *codebook.Calibration, ms []codebook.Match) map[string]bool {
	on := map[string]bool{}
	for _, sg := range cal.Suggestions(ms) {
		if sg.Held == "" {
			on[sg.Code] = true
		}
	}
	return on
}

// countOne adds one decision to c (tp, fp, fn).
func countOne(c *[3]int, gold, says bool) {
	switch {
	case gold && says:
		c[0]++
	case says:
		c[1]++
	case gold:
		c[2]++
	}
}

// addField is the add threshold as the file records it: 0 where it is the threshold.
func addField(c Choice) float64 {
	if c.Add == c.Threshold {
		return 0
	}
	return c.Add
}

// countDecisions adds one fragment's decisions over the codes to c (tp, fp, fn).
func countDecisions(c *[3]int, codes, gold []string, says func(ci int) bool) {
	for ci, code := range codes {
		g, p := slices.Contains(gold, code), says(ci)
		switch {
		case g && p:
			c[0]++
		case p:
			c[1]++
		case g:
			c[2]++
		}
	}
}

// score scores set s with model m and choice c (or, with dict, the dictionary alone
// with the calibration of train), pooled over the codes, adding the per-code counts to per.
func (t *shippedTrainer) score(m *codebook.Model, c Choice, train []int, s int, per []codebook.ModelCodeFigure, dict bool) codebook.PRF {
	if dict {
		m = nil
	}
	d := t.decisions(m, train, s)
	var total [3]int
	for i, x := range d {
		ci := i % len(t.opt.Codes)
		says := x.dict
		if !dict {
			says = c.says(x.dict, x.p)
		}
		var n [3]int
		countOne(&n, x.gold, says)
		per[ci].Code = t.opt.Codes[ci]
		for k := range n {
			if dict {
				per[ci].Dictionary[k] += n[k]
			} else {
				per[ci].Model[k] += n[k]
			}
			total[k] += n[k]
		}
	}
	return codebook.NewPRF(total[0], total[1], total[2])
}

// model returns the model fitted with knobs k on the sets train (cached).
func (t *shippedTrainer) model(train []int, k Knobs) *codebook.Model {
	key := fmt.Sprint(train, k)
	t.mu.Lock()
	m, ok := t.models[key]
	t.mu.Unlock()
	if ok {
		return m
	}
	m = t.fit(train, k)
	t.mu.Lock()
	t.models[key] = m
	t.mu.Unlock()
	return m
}

// fit fits one logistic regression per code on the fragments of train: columns the text
// n-grams in at least MinSupport of the fragments (with Text), then the code's dictionary
// features, those naming a pattern or another code only where they stand in at least
// MinSupport fragments; the dictionary's columns get a tenth of the penalty
// (dictionaryPenalty), as in Learn. Weights below MinWeight in size are left out.
func (t *shippedTrainer) fit(train []int, k Knobs) *codebook.Model {
	in := t.inputsFor(train)
	var rows []*codebook.ModelInput
	var gold [][]string
	var weight []float64
	for _, s := range train {
		w := 1.0
		if t.sets[s].Dev && k.DevWeight > 0 {
			w = k.DevWeight
		}
		for j := range t.sets[s].Fragments {
			rows = append(rows, &in[s][j])
			gold = append(gold, t.sets[s].Fragments[j].Codes)
			weight = append(weight, w)
		}
	}
	minSupport := max(k.MinSupport, 1)
	var vocab []string
	if k.Text {
		df := map[string]int{}
		for _, r := range rows {
			for _, f := range r.Text {
				df[f]++
			}
		}
		for f, n := range df {
			if n >= minSupport {
				vocab = append(vocab, f)
			}
		}
		sort.Strings(vocab)
	}
	textCol := make(map[string]int32, len(vocab))
	for j, f := range vocab {
		textCol[f] = int32(j)
	}
	m := &codebook.Model{Codes: make([]codebook.ModelCode, len(t.opt.Codes))}
	var wg sync.WaitGroup
	next := make(chan int)
	for w := 0; w < min(runtime.GOMAXPROCS(0), len(t.opt.Codes)); w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for ci := range next {
				m.Codes[ci] = t.fitCode(ci, rows, gold, weight, vocab, textCol, minSupport, k.Lambda)
			}
		}()
	}
	for ci := range t.opt.Codes {
		next <- ci
	}
	close(next)
	wg.Wait()
	m.Prepare()
	return m
}

// fixedDictionary are the dictionary features every code's model has a column for.
var fixedDictionary = []string{"d:fired", "d:confidence", "d:held", "d:rules2", "d:rules3", "d:negated",
	"d:negated_away", "d:others1", "d:others2", "d:others3", "d:negation"}

func (t *shippedTrainer) fitCode(ci int, rows []*codebook.ModelInput, gold [][]string, weight []float64, vocab []string, textCol map[string]int32, minSupport int, lambda float64) codebook.ModelCode {
	code := t.opt.Codes[ci]
	df := map[string]int{}
	for _, r := range rows {
		for _, f := range r.Dictionary[ci] {
			df[f.Name]++
		}
	}
	names := slices.Clone(fixedDictionary)
	var rare []string
	for f, n := range df {
		if !slices.Contains(fixedDictionary, f) && n >= minSupport {
			rare = append(rare, f)
		}
	}
	sort.Strings(rare)
	names = append(names, rare...)
	dictCol := map[string]int32{}
	for j, f := range names {
		dictCol[f] = int32(len(vocab) + j)
	}
	x := NewSparse(len(vocab) + len(names))
	y := make([]float64, len(rows))
	for i, r := range rows {
		var idx []int32
		var val []float64
		for _, f := range r.Text {
			if j, ok := textCol[f]; ok {
				idx = append(idx, j)
				val = append(val, r.Scale)
			}
		}
		for _, f := range r.Dictionary[ci] {
			if j, ok := dictCol[f.Name]; ok {
				idx = append(idx, j)
				val = append(val, f.Value)
			}
		}
		x.AddRow(idx, val)
		if slices.Contains(gold[i], code) {
			y[i] = 1
		}
	}
	fit := Fit{Lambda: lambda, Light: len(names), LightFactor: dictionaryPenalty, GradientTolerance: 1e-3, MaxIterations: 300, RowWeight: weight}
	fm, _ := fit.Fit(x, y, nil, nil) // not converged within the bound: the estimate reached is used, as in Learn
	mc := codebook.ModelCode{ID: code, Intercept: round6(fm.Intercept), Weights: map[string]float64{}}
	all := append(slices.Clone(vocab), names...)
	for j, w := range fm.Weights {
		if math.Abs(w) >= t.opt.MinWeight && w != 0 {
			mc.Weights[all[j]] = round6(w)
		}
	}
	return mc
}

// round6 rounds to six decimals, as the file holds the weights: the figures are those of
// the rounded weights, which the file reproduces exactly.
func round6(x float64) float64 {
	return math.Round(x*1e6) / 1e6
}

// ShippedSetName is the name of a fragment set from its path (".../dev2/fragments.yaml": dev2).
func ShippedSetName(path string) string {
	path = strings.TrimSuffix(path, "/fragments.yaml")
	return path[strings.LastIndex(path, "/")+1:]
}

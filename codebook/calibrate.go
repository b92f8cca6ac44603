package codebook

import (
	"bytes"
	"errors"
	"io/fs"
	"path/filepath"
	"slices"
	"sort"

	"github.com/samenspel/samenspel/pipeline/model"
	"go.yaml.in/yaml/v3"
)

// Calibration is a dictionary's calibration: per rule of the codebook how often it fired
// on fragments that people coded and how often they had coded its code there, and the
// threshold below which a suggestion is held back. It is estimated by Calibrate from
// coded fragment sets and stored in a YAML file next to the codebook, which names it with
// its key `calibration`; a codebook without that key has no calibration and the
// auto-coder suggests every code that fires, as before.
//
// The confidence of a suggestion is the precision of the rules that fired for it, each
// estimated with a Beta prior centred on the precision one level up, since most rules
// have few hits:
//
//	p_all        = correct / hits over every code                 (no smoothing)
//	p_code       = (correct_code + Prior*p_all) / (hits_code + Prior)
//	p_code,class = (correct_cc + Prior*p_code) / (hits_cc + Prior)
//	p_rule       = (correct_rule + Prior*p_code,class) / (hits_rule + Prior)
//
// A hit is a fragment where the rule (the code, the class) fired, counted once per
// fragment; it is correct where the fragment's coder gave the code. A rule is its code,
// its pattern as written and its class (RuleClass: "afspraken" found through the stem of
// "afspraak" is another rule than "afspraak" itself). A rule not in the calibration (a
// pattern added since) gets p_code,class, or p_code, or p_all. Several rules of one code
// combine by their maximum or by noisy-OR (Combine). Written by hand: it is counting and
// a few formulas, which no library would make shorter or safer.
type Calibration struct {
	// Codebook names the codebook (name and version) it was estimated for.
	Codebook string `yaml:"codebook"`
	// Estimated is the date of the estimate (YYYY-MM-DD).
	Estimated string `yaml:"estimated"`
	// Method says in words how it was estimated.
	Method string `yaml:"method"`
	// Sets are the coded fragment sets it was estimated on.
	Sets []CalibrationSet `yaml:"sets"`
	// Prior is the weight, in fragments, of each level's prior (see the formulas).
	Prior float64 `yaml:"prior"`
	// Combine is "max" (the best rule) or "noisy-or".
	Combine string `yaml:"combine"`
	// Siblings: where a facilitator and the barrier its negation means are both
	// suggested, the one with the lower confidence is held back.
	Siblings bool `yaml:"siblings"`
	// Threshold is the confidence a suggestion needs; below it, it is held back.
	Threshold float64 `yaml:"threshold"`
	// Cap, when above 0, holds back a suggestion whose confidence is below Cap times the
	// highest confidence of its segment (one segment rarely carries several codes).
	Cap float64 `yaml:"cap"`
	// LeftOut are the figures of leaving each set out in turn: the rules' precision
	// estimated on the other sets, the left-out set scored, on the codes Scored.
	LeftOut []LeftOutFigure `yaml:"left_out,omitempty"`
	// Scored are the codes the left-out figures are pooled over.
	Scored []string `yaml:"scored,omitempty"`
	// Hits and Correct are pooled over every code; Precision = Correct / Hits.
	Hits      int     `yaml:"hits"`
	Correct   int     `yaml:"correct"`
	Precision float64 `yaml:"precision"`
	// Codes are the per-code counts, their classes and rules.
	Codes []CodeCalibration `yaml:"codes"`

	codes   map[string]*CodeCalibration
	negated map[string]string // Codebook.Negated, for Siblings
	sha256  string            // of the file as read (ReadCalibration)
}

// CalibrationSet is one set of coded fragments a calibration was estimated on.
type CalibrationSet struct {
	Name      string `yaml:"name"`
	Fragments int    `yaml:"fragments"`
	SHA256    string `yaml:"sha256,omitempty"`
}

// LeftOutFigure is the pooled precision, recall and F1 of one left-out set, without the
// calibration (every code that fires) and with it at the threshold.
type LeftOutFigure struct {
	Set    string `yaml:"set"`
	Before PRF    `yaml:"before"`
	After  PRF    `yaml:"after"`
	// Held is how many suggestions of the set the calibration held back.
	Held int `yaml:"held"`
	// Chosen are the knobs chosen without the set (NestedLeftOut).
	Chosen *CalibrationChoice `yaml:"chosen,omitempty"`
}

// CalibrationChoice is a calibration's choice: the prior, the sibling rule, the cap and the
// threshold.
type CalibrationChoice struct {
	Prior     float64 `yaml:"prior"`
	Siblings  bool    `yaml:"siblings"`
	Cap       float64 `yaml:"cap"`
	Threshold float64 `yaml:"threshold"`
}

// PRF is a precision, recall and F1 with the counts behind them.
type PRF struct {
	TP        int     `yaml:"tp" json:"tp"`
	FP        int     `yaml:"fp" json:"fp"`
	FN        int     `yaml:"fn" json:"fn"`
	Precision float64 `yaml:"precision" json:"precision"`
	Recall    float64 `yaml:"recall" json:"recall"`
	F1        float64 `yaml:"f1" json:"f1"`
}

// NewPRF computes precision tp/(tp+fp), recall tp/(tp+fn) and F1 2PR/(P+R) from the
// counts, 0 where a denominator is 0, rounded to four decimals (for a file that is
// rebuilt and compared).
func NewPRF(tp, fp, fn int) PRF {
	s := PRF{TP: tp, FP: fp, FN: fn}
	if tp+fp > 0 {
		s.Precision = float64(tp) / float64(tp+fp)
	}
	if tp+fn > 0 {
		s.Recall = float64(tp) / float64(tp+fn)
	}
	if s.Precision+s.Recall > 0 {
		s.F1 = 2 * s.Precision * s.Recall / (s.Precision + s.Recall)
	}
	s.Precision, s.Recall, s.F1 = round4(s.Precision), round4(s.Recall), round4(s.F1)
	return s
}

// CodeCalibration is one code's counts and smoothed precision, per class and per rule.
type CodeCalibration struct {
	ID        string             `yaml:"id"`
	Hits      int                `yaml:"hits"`
	Correct   int                `yaml:"correct"`
	Precision float64            `yaml:"precision"`
	Classes   []ClassCalibration `yaml:"classes,omitempty"`
	Rules     []RuleCalibration  `yaml:"rules,omitempty"`
}

// ClassCalibration is the counts and smoothed precision of a code's rules of one class.
type ClassCalibration struct {
	Class     string  `yaml:"class"`
	Hits      int     `yaml:"hits"`
	Correct   int     `yaml:"correct"`
	Precision float64 `yaml:"precision"`
}

// RuleCalibration is one rule's counts and smoothed precision: its confidence.
type RuleCalibration struct {
	Rule      string  `yaml:"rule"`
	Class     string  `yaml:"class"`
	Hits      int     `yaml:"hits"`
	Correct   int     `yaml:"correct"`
	Precision float64 `yaml:"precision"`
}

// Combine values.
const (
	CombineMax     = "max"
	CombineNoisyOR = "noisy-or"
)

// CodedFragment is a text with the codes a person gave it and the matches the
// auto-coder found in it.
type CodedFragment struct {
	Codes   []string
	Matches []Match
}

// CalibrationOptions are the model's knobs.
type CalibrationOptions struct {
	Prior    float64
	Combine  string
	Siblings bool
	Cap      float64
	// Negated is the codebook's Codebook.Negated, for Siblings.
	Negated map[string]string
}

// Estimate counts the rules' hits on the fragments and smooths their precision (see
// Calibration). The threshold is left at 0; siblings maps each facilitator to the barrier
// its negation means (Codebook.Negated).
func Estimate(frags []CodedFragment, opt CalibrationOptions) *Calibration {
	c := &Calibration{Prior: opt.Prior, Combine: opt.Combine, Siblings: opt.Siblings, Cap: opt.Cap, negated: opt.Negated}
	if c.Combine == "" {
		c.Combine = CombineMax
	}
	type key struct{ code, class, rule string }
	codes := map[string]*[2]int{}
	classes := map[key]*[2]int{}
	rules := map[key]*[2]int{}
	add := func(m map[key]*[2]int, k key, ok bool) {
		n := m[k]
		if n == nil {
			n = &[2]int{}
			m[k] = n
		}
		n[0]++
		if ok {
			n[1]++
		}
	}
	for _, f := range frags {
		human := map[string]bool{}
		for _, code := range f.Codes {
			human[code] = true
		}
		seen := map[key]bool{}
		for _, m := range f.Matches {
			class := RuleClass(m)
			for _, k := range []key{{m.Code, "", ""}, {m.Code, class, ""}, {m.Code, class, m.Rule}} {
				if seen[k] {
					continue
				}
				seen[k] = true
				ok := human[m.Code]
				switch {
				case k.class == "":
					n := codes[m.Code]
					if n == nil {
						n = &[2]int{}
						codes[m.Code] = n
					}
					n[0]++
					if ok {
						n[1]++
					}
					c.Hits++
					if ok {
						c.Correct++
					}
				case k.rule == "":
					add(classes, k, ok)
				default:
					add(rules, k, ok)
				}
			}
		}
	}
	if c.Hits > 0 {
		c.Precision = float64(c.Correct) / float64(c.Hits)
	}
	smooth := func(n *[2]int, prior float64) float64 {
		return (float64(n[1]) + c.Prior*prior) / (float64(n[0]) + c.Prior)
	}
	ids := make([]string, 0, len(codes))
	for id := range codes {
		ids = append(ids, id)
	}
	sort.Strings(ids)
	for _, id := range ids {
		n := codes[id]
		cc := CodeCalibration{ID: id, Hits: n[0], Correct: n[1], Precision: smooth(n, c.Precision)}
		for k, n := range classes {
			if k.code == id {
				cc.Classes = append(cc.Classes, ClassCalibration{Class: k.class, Hits: n[0], Correct: n[1], Precision: smooth(n, cc.Precision)})
			}
		}
		slices.SortFunc(cc.Classes, func(a, b ClassCalibration) int { return cmpString(a.Class, b.Class) })
		for k, n := range rules {
			if k.code == id {
				prior := cc.Precision
				for _, cl := range cc.Classes {
					if cl.Class == k.class {
						prior = cl.Precision
					}
				}
				cc.Rules = append(cc.Rules, RuleCalibration{Rule: k.rule, Class: k.class, Hits: n[0], Correct: n[1], Precision: smooth(n, prior)})
			}
		}
		slices.SortFunc(cc.Rules, func(a, b RuleCalibration) int {
			if a.Rule != b.Rule {
				return cmpString(a.Rule, b.Rule)
			}
			return cmpString(a.Class, b.Class)
		})
		c.Codes = append(c.Codes, cc)
	}
	c.index()
	return c
}

func cmpString(a, b string) int {
	switch {
	case a < b:
		return -1
	case a > b:
		return 1
	}
	return 0
}

// index builds the lookup of codes by id.
func (c *Calibration) index() {
	c.codes = make(map[string]*CodeCalibration, len(c.Codes))
	for i := range c.Codes {
		c.codes[c.Codes[i].ID] = &c.Codes[i]
	}
}

// ruleConfidence is the smoothed precision of a rule, or, for a rule the calibration did
// not see, of its code's class, its code, or all codes (see Calibration).
func (c *Calibration) ruleConfidence(code, rule, class string) float64 {
	if c.codes == nil {
		c.index()
	}
	cc := c.codes[code]
	if cc == nil {
		return c.Precision
	}
	for _, r := range cc.Rules {
		if r.Rule == rule && r.Class == class {
			return r.Precision
		}
	}
	for _, cl := range cc.Classes {
		if cl.Class == class {
			return cl.Precision
		}
	}
	return cc.Precision
}

// NamedFragments is a set of coded fragments with its name and, if frozen, its SHA-256.
type NamedFragments struct {
	CalibrationSet
	Fragments []CodedFragment
}

// Score pools, over the codes scored, the suggestions the calibration lets through on
// the fragments against their coding (a code counts once per fragment), and counts the
// suggestions it held back. A nil calibration scores every code that fires.
func (c *Calibration) Score(frags []CodedFragment, scored []string) (PRF, int) {
	in := map[string]bool{}
	for _, id := range scored {
		in[id] = true
	}
	tp, fp, fn, held := 0, 0, 0, 0
	for _, f := range frags {
		human := map[string]bool{}
		for _, code := range f.Codes {
			if in[code] {
				human[code] = true
			}
		}
		for _, s := range c.Suggestions(f.Matches) {
			if !in[s.Code] {
				continue
			}
			switch {
			case s.Held != "":
				held++
			case human[s.Code]:
				tp++
				delete(human, s.Code)
			default:
				fp++
			}
		}
		fn += len(human)
	}
	return NewPRF(tp, fp, fn), held
}

// LeftOut estimates the calibration on all sets but one and scores that one at each
// threshold, for every set in turn: out[i][j] is set i left out at thresholds[j].
func LeftOut(sets []NamedFragments, opt CalibrationOptions, scored []string, thresholds []float64) [][]PRF {
	out := make([][]PRF, len(sets))
	for i := range sets {
		var train []CodedFragment
		for j := range sets {
			if j != i {
				train = append(train, sets[j].Fragments...)
			}
		}
		out[i] = Estimate(train, opt).scoreAt(sets[i].Fragments, scored, thresholds)
	}
	return out
}

// scoreAt is Score at each threshold. Without the sibling rule a suggestion held at
// threshold t is one below t or one the cap holds at threshold 0 (the cap compares with
// the segment's best confidence, held or not), so the suggestions are made once; with
// it, a sibling held back depends on which suggestions the threshold left, and each
// threshold is scored anew.
func (c *Calibration) scoreAt(frags []CodedFragment, scored []string, thresholds []float64) []PRF {
	out := make([]PRF, 0, len(thresholds))
	if c.Siblings {
		for _, t := range thresholds {
			c.Threshold = t
			p, _ := c.Score(frags, scored)
			out = append(out, p)
		}
		return out
	}
	in := map[string]bool{}
	for _, id := range scored {
		in[id] = true
	}
	type made struct {
		conf       float64
		held, gold bool
	}
	var all []made
	gold := 0
	c.Threshold = 0
	for _, f := range frags {
		human := map[string]bool{}
		for _, code := range f.Codes {
			if in[code] {
				human[code] = true
			}
		}
		gold += len(human)
		for _, s := range c.Suggestions(f.Matches) {
			if in[s.Code] {
				all = append(all, made{s.Confidence, s.Held != "", human[s.Code]})
			}
		}
	}
	for _, t := range thresholds {
		tp, fp := 0, 0
		for _, m := range all {
			if m.held || m.conf < t {
				continue
			}
			if m.gold {
				tp++
			} else {
				fp++
			}
		}
		out = append(out, NewPRF(tp, fp, gold-tp))
	}
	return out
}

// MeanPRF is the mean over sets of precision, recall and F1 (each set weighs the same).
func MeanPRF(figs []PRF) (p, r, f float64) {
	for _, x := range figs {
		p += x.Precision
		r += x.Recall
		f += x.F1
	}
	n := float64(max(len(figs), 1))
	return p / n, r / n, f / n
}

// PooledPRF is the precision, recall and F1 of the sets' counts summed: a set weighs by
// its codings, as a study's figure pools its segments.
func PooledPRF(figs []PRF) PRF {
	var tp, fp, fn int
	for _, x := range figs {
		tp, fp, fn = tp+x.TP, fp+x.FP, fn+x.FN
	}
	return NewPRF(tp, fp, fn)
}

// Choose returns, of the priors, sibling rules (off, on), caps and thresholds, the
// choice whose left-out sets, pooled, reach the highest F1 among those whose pooled
// precision is at least minPrecision (the highest pooled F1 of all when none is); on a
// tie the first prior, siblings off, the first cap and the lower threshold. opt's Prior,
// Siblings and Cap are ignored.
func Choose(sets []NamedFragments, opt CalibrationOptions, scored []string, priors, caps, thresholds []float64, minPrecision float64) (chosen CalibrationOptions, threshold float64) {
	bestF, bestOK := -1.0, false
	for _, a := range priors {
		for _, sib := range []bool{false, true} {
			for _, cp := range caps {
				opt.Prior, opt.Siblings, opt.Cap = a, sib, cp
				figs := LeftOut(sets, opt, scored, thresholds)
				for j, t := range thresholds {
					col := make([]PRF, len(sets))
					for i := range sets {
						col[i] = figs[i][j]
					}
					pooled := PooledPRF(col)
					ok := pooled.Precision >= minPrecision
					if (ok && !bestOK) || (ok == bestOK && pooled.F1 > bestF+1e-12) {
						chosen, threshold, bestF, bestOK = opt, t, pooled.F1, ok
					}
				}
			}
		}
	}
	return chosen, threshold
}

// NestedLeftOut is what Calibrate does, judged on sets it did not see: for each set in
// turn, the prior, sibling rule, cap and threshold are chosen on the other sets alone (by
// Choose, which leaves each of them out in turn), the calibration is estimated on them
// with that choice, and the set is scored, before (the patterns alone) and after.
func NestedLeftOut(sets []NamedFragments, opt CalibrationOptions, scored []string, minPrecision float64) []LeftOutFigure {
	out := make([]LeftOutFigure, len(sets))
	for i, s := range sets {
		var others []NamedFragments
		var train []CodedFragment
		for j := range sets {
			if j != i {
				others = append(others, sets[j])
				train = append(train, sets[j].Fragments...)
			}
		}
		o, threshold := Choose(others, opt, scored, Priors, Caps, Thresholds(), minPrecision)
		lc := Estimate(train, o)
		lc.Threshold = threshold
		before, _ := (*Calibration)(nil).Score(s.Fragments, scored)
		after, held := lc.Score(s.Fragments, scored)
		out[i] = LeftOutFigure{Set: s.Name, Before: before, After: after, Held: held,
			Chosen: &CalibrationChoice{Prior: o.Prior, Siblings: o.Siblings, Cap: o.Cap, Threshold: threshold}}
	}
	return out
}

// Thresholds are the thresholds Calibrate chooses from: 0 to 0.95 by 0.05.
func Thresholds() []float64 {
	var ts []float64
	for i := 0; i < 20; i++ {
		ts = append(ts, float64(i)/20)
	}
	return ts
}

// Priors are the prior weights Calibrate chooses from.
var Priors = []float64{1, 2, 5, 10, 20}

// Caps are the caps Calibrate chooses from (0: none).
var Caps = []float64{0, 0.6, 0.7, 0.8, 0.9}

// Calibrate estimates a calibration on all the sets, with the prior, the sibling rule, the
// cap and the threshold chosen by leaving each set out in turn (Choose, pooled left-out
// precision at least minPrecision), and records what that procedure gives on a set it
// did not see (NestedLeftOut), before (no calibration) and after.
func Calibrate(sets []NamedFragments, opt CalibrationOptions, scored []string, minPrecision float64) *Calibration {
	opt, threshold := Choose(sets, opt, scored, Priors, Caps, Thresholds(), minPrecision)
	var all []CodedFragment
	for _, s := range sets {
		all = append(all, s.Fragments...)
	}
	c := Estimate(all, opt)
	c.Threshold = threshold
	c.Scored = scored
	for _, s := range sets {
		c.Sets = append(c.Sets, s.CalibrationSet)
	}
	c.LeftOut = NestedLeftOut(sets, opt, scored, minPrecision)
	c.round()
	return c
}

// round rounds the precisions to four decimals, as the file holds them.
func (c *Calibration) round() {
	c.Precision = round4(c.Precision)
	for i := range c.Codes {
		cc := &c.Codes[i]
		cc.Precision = round4(cc.Precision)
		for j := range cc.Classes {
			cc.Classes[j].Precision = round4(cc.Classes[j].Precision)
		}
		for j := range cc.Rules {
			cc.Rules[j].Precision = round4(cc.Rules[j].Precision)
		}
	}
}

func round4(x float64) float64 {
	return float64(int64(x*10000+0.5)) / 10000
}

// MarshalCalibration writes c as the YAML file a researcher reads: a rule, a class, a
// set's figures and the list of scored codes on one line each.
func MarshalCalibration(c *Calibration) ([]byte, error) {
	var root yaml.Node
	if err := root.Encode(c); err != nil {
		return nil, err
	}
	flowCalibration(&root, "")
	var b bytes.Buffer
	enc := yaml.NewEncoder(&b)
	enc.SetIndent(2)
	if err := enc.Encode(&root); err != nil {
		return nil, err
	}
	if err := enc.Close(); err != nil {
		return nil, err
	}
	return b.Bytes(), nil
}

// ReadCalibration reads a calibration file. Unknown keys are errors.
func ReadCalibration(path string) (*Calibration, error) {
	data, err := readRegular(path) // never a FIFO: readfile.go
	if err != nil {
		return nil, err
	}
	dec := yaml.NewDecoder(bytes.NewReader(data))
	dec.KnownFields(true)
	var c Calibration
	if err := dec.Decode(&c); err != nil {
		return nil, model.Reasonf("%w: %s: %v", "%v: %s: %v", ErrFormat, path, err)
	}
	if c.Combine != CombineMax && c.Combine != CombineNoisyOR {
		return nil, model.Reasonf("%w: %s: combine must be %q or %q, not %q", "%v: %s: combine moet %q of %q zijn, niet %q", ErrFormat, path, CombineMax, CombineNoisyOR, c.Combine)
	}
	if c.Threshold < 0 || c.Threshold > 1 || c.Prior < 0 {
		return nil, model.Reasonf("%w: %s: threshold must lie between 0 and 1 and prior be at least 0", "%v: %s: threshold moet tussen 0 en 1 liggen en prior minstens 0 zijn", ErrFormat, path)
	}
	c.index()
	c.sha256 = sha256Hex(data)
	return &c, nil
}

// calibrationPath is the calibration file a codebook read from file names, relative to
// that file's folder.
func calibrationPath(file, name string) string {
	if filepath.IsAbs(name) || file == "" {
		return name
	}
	return filepath.Join(filepath.Dir(file), name)
}

// loadCalibration reads the file Codebook.Calibration names, if any. A file that is not
// there (the codebook copied into a study folder without it) leaves the codebook without
// a calibration, as one that names none, with the path in CalibrationMissing, which the
// run's warnings and `analyse codebook check` show; a file that is there but cannot be
// read is an error.
func (cb *Codebook) loadCalibration() error { return cb.startCalibration()() }

// startCalibration is loadCalibration, the file read on a goroutine of its own: the
// function it returns waits for it and does the rest (a codebook's lines are recorded
// meanwhile, parseYAML). Between the two only fields other than CalibrationMissing and the
// calibration may change.
func (cb *Codebook) startCalibration() (finish func() error) {
	if cb.Calibration == "" {
		return func() error { return nil }
	}
	path := calibrationPath(cb.file, cb.Calibration)
	type read struct {
		c   *Calibration
		err error
	}
	done := make(chan read, 1)
	go func() {
		c, err := ReadCalibration(path)
		done <- read{c, err}
	}()
	return func() error {
		r := <-done
		return cb.calibrationRead(path, r.c, r.err)
	}
}

// calibrationRead keeps the calibration read from path, or notes or returns why not.
func (cb *Codebook) calibrationRead(path string, c *Calibration, err error) error {
	if errors.Is(err, fs.ErrNotExist) {
		cb.CalibrationMissing = path
		return nil
	}
	if err != nil {
		return model.Reasonf("%s: calibration: %w", "%s: kalibratie: %v", cb.file, err)
	}
	c.negated = cb.Negated
	cb.calib = c
	return nil
}

// calibrationFor is the calibration the auto-coder of cb uses: the one read with it, or
// nil.
func (cb *Codebook) calibrationFor() *Calibration { return cb.calib }

// calibrationFrom returns cb, or, when cb names a calibration or model file relative to
// the file it was read from, a copy naming it relative to path (absolute where no
// relative path leads there), so that a codebook saved elsewhere still finds them. The
// REFI-QDA and workbook formats have no place for them and leave them out.
func (cb *Codebook) calibrationFrom(path string) *Codebook {
	c := *cb
	c.Calibration = besideFrom(cb.file, cb.Calibration, path)
	c.ModelFile = besideFrom(cb.file, cb.ModelFile, path)
	if c.Calibration == cb.Calibration && c.ModelFile == cb.ModelFile {
		return cb
	}
	return &c
}

// besideFrom is name, a file named relative to the codebook file, named relative to path.
func besideFrom(file, name, path string) string {
	if name == "" || file == "" || filepath.IsAbs(name) {
		return name
	}
	target, err := filepath.Abs(calibrationPath(file, name))
	if err != nil {
		return name
	}
	dir, err := filepath.Abs(filepath.Dir(path))
	if err != nil {
		return name
	}
	if rel, err := filepath.Rel(dir, target); err == nil {
		return filepath.ToSlash(rel)
	}
	return target
}

// DictionaryCalibration returns the calibration the codebook was read with, or nil.
func (cb *Codebook) DictionaryCalibration() *Calibration { return cb.calib }

// flowCalibration writes the items under the keys rules, classes, before, after and
// scored in flow style, one line each.
func flowCalibration(n *yaml.Node, key string) {
	switch n.Kind {
	case yaml.MappingNode:
		if key == "before" || key == "after" || key == "chosen" {
			n.Style = yaml.FlowStyle
		}
		for i := 0; i+1 < len(n.Content); i += 2 {
			flowCalibration(n.Content[i+1], n.Content[i].Value)
		}
	case yaml.SequenceNode:
		switch key {
		case "scored":
			n.Style = yaml.FlowStyle
		case "rules", "classes":
			for _, c := range n.Content {
				c.Style = yaml.FlowStyle
			}
			return
		}
		for _, c := range n.Content {
			flowCalibration(c, key)
		}
	}
}

package codebook

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"io/fs"
	"math"
	"slices"
	"sort"
	"strings"
	"unicode/utf8"

	"github.com/samenspel/samenspel/pipeline/model"
)

// A shipped model (issue 19): per code a logistic regression that decides, from the
// dictionary's evidence and the words of the segment, whether the code is suggested. It
// is trained (pipeline/learn, shipped.go) on coded fragment sets that people wrote from
// the codebook's definitions, and stored in a JSON file next to the codebook, which names
// it with its key `model`; a codebook without that key, or whose file is not there,
// suggests what the dictionary (and its calibration) suggests, as before.
//
// For a code of the model, with x the segment's features (ModelInput):
//
//	p = 1 / (1 + exp(-(intercept + sum_f weight_f * x_f)))
//
// A code the dictionary suggested (not held back by its calibration) is kept where
// p >= Threshold, with its rule and span and p as its confidence, and held back
// (HeldModel) below it; a code the dictionary did not suggest is suggested where
// p >= AddThreshold (Threshold where that is 0): one the calibration held back keeps its
// rule and span, one no pattern found is suggested over the whole segment with the rule
// "model: " and the features that weigh most for it (ModelRule). Two thresholds, because
// a pattern that fired is evidence the words alone are not: the model vetoes the
// dictionary's weak suggestions at one and adds its own at another. Codes the model does
// not cover are suggested as the dictionary suggests them. Only the prediction is here (a dot product); the fit needs gonum and lives in
// pipeline/learn.
type Model struct {
	// Codebook names the codebook (name and version) it was trained for.
	Codebook string `json:"codebook"`
	// Trained is the date of the training (YYYY-MM-DD).
	Trained string `json:"trained"`
	// Method says in words how it was trained and how it is rebuilt.
	Method string `json:"method"`
	// Sets are the coded fragment sets it was trained on.
	Sets []CalibrationSet `json:"sets"`
	// Lambda, Text and MinSupport are the knobs of the fit (see pipeline/learn): the L2
	// penalty, whether word and character n-grams are features, and in how many training
	// fragments an n-gram must stand to be one.
	Lambda     float64 `json:"lambda"`
	Text       bool    `json:"text"`
	MinSupport int     `json:"min_support"`
	// DevWeight is the weight in the fit of the fragments of the sets the patterns were
	// tuned on (the others weigh 1).
	DevWeight float64 `json:"dev_weight"`
	// Threshold is the probability a code the dictionary suggested needs to be kept
	// (0: every one is), AddThreshold the probability one it did not suggest needs to be
	// suggested by the model (0: Threshold; 1: none).
	Threshold    float64 `json:"threshold"`
	AddThreshold float64 `json:"add_threshold,omitempty"`
	// MinWeight: weights smaller in size were left out of the file (pruned) before the
	// figures below were computed.
	MinWeight float64 `json:"min_weight"`
	// LeftOut are the figures of leaving each set out in turn, with every knob chosen on
	// the other sets only; Scored are the codes they are pooled over.
	LeftOut []ModelLeftOut `json:"left_out"`
	Scored  []string       `json:"scored"`
	// Codes are the per-code models.
	Codes []ModelCode `json:"codes"`

	features map[string][]codeWeight // text feature -> the codes that weigh it
	hashed   map[uint64][]codeWeight // the same by featureHash
	dict     []map[string]float64    // per code: dictionary feature -> weight
	index    map[string]int          // code id -> position in Codes
	sha256   string                  // of the file as read (ReadModel)
}

// ModelLeftOut is one left-out set: the dictionary alone (with its calibration estimated
// without the set, where the set was one it was estimated on) and the model trained
// without it, pooled over the scored codes, and the knobs chosen without it.
type ModelLeftOut struct {
	Set        string  `json:"set"`
	Dictionary PRF     `json:"dictionary"`
	Model      PRF     `json:"model"`
	Lambda     float64 `json:"lambda"`
	Text       bool    `json:"text"`
	MinSupport int     `json:"min_support"`
	DevWeight  float64 `json:"dev_weight"`
	Threshold  float64 `json:"threshold"`
	// AddThreshold is the model's threshold for a code the dictionary did not suggest
	// (0: Threshold).
	AddThreshold float64 `json:"add_threshold,omitempty"`
	// PerCode are the model's and the dictionary's counts per scored code.
	PerCode []ModelCodeFigure `json:"per_code"`
}

// ModelCodeFigure is one code's counts on a left-out set.
type ModelCodeFigure struct {
	Code       string `json:"code"`
	Dictionary [3]int `json:"dictionary"` // tp, fp, fn
	Model      [3]int `json:"model"`
}

// ModelCode is one code's logistic regression. Weights are keyed by feature name (see
// ModelInput): "d:..." the dictionary's evidence, "w:", "b:" and "c:" the n-grams.
type ModelCode struct {
	ID        string             `json:"id"`
	Intercept float64            `json:"intercept"`
	Weights   map[string]float64 `json:"weights"`
}

type codeWeight struct {
	code int32
	w    float64
}

// HeldModel marks a dictionary suggestion the shipped model holds back: its probability
// is below the model's threshold.
const HeldModel = "model"

// ModelRulePrefix starts the rule of a suggestion the model makes without the dictionary.
const ModelRulePrefix = "model: "

// Feature is one feature of a segment for one code: its name and value.
type Feature struct {
	Name  string
	Value float64
}

// ModelInput is a segment as the model sees it: its distinct n-grams (codebook.Ngrams of
// the normalised text, named "w:word", "b:word word", "c:gram"), each of value Scale =
// 1/sqrt(len(Text)), so that every segment's text has unit length whatever its length;
// and per code (in the order asked for) the dictionary's evidence:
//
//	d:fired         a pattern of the code fired (1)
//	d:confidence    the calibrated confidence of its suggestion (0 without)
//	d:held          the calibration held the suggestion back (1)
//	d:rules2, d:rules3  two, three or more distinct patterns of the code fired
//	d:negated       the code was found as the barrier of a negated facilitator
//	d:negated_away  the code is a facilitator whose pattern was negated (its barrier suggested)
//	d:others1, d:others2, d:others3  one, two, three or more other codes fired
//	d:negation      a negation word stands anywhere in the segment
//	d:rule:PATTERN  that pattern of the code fired
//	d:also:CODE     that other code fired
//
// Shown maps a "c:" n-gram to the word of the segment it was taken from, for the rule
// of a model-only suggestion.
type ModelInput struct {
	Text       []string
	Scale      float64
	Dictionary [][]Feature
	Shown      map[string]string
}

// ModelInput computes the model's features of text for the codes ids, from the matches
// ms that the patterns found in it (Code) and the calibration cal (nil: none), so that a
// trainer can give each fold the calibration of its own training sets.
func (a *AutoCoder) ModelInput(text string, ms []Match, cal *Calibration, ids []string) ModelInput {
	n := Normalize(text)
	var in ModelInput
	seen := map[string]bool{}
	negation := false
	word := ""
	Ngrams(n.Text, func(kind byte, x, y string) {
		var key string
		switch kind {
		case 'w':
			key, word = "w:"+x, x
			if !negation && a != nil && a.codes != nil && a.codes.negations[x] {
				negation = true
			}
		case 'b':
			key = "b:" + x + " " + y
		default:
			key = "c:" + x
			if _, ok := in.Shown[key]; !ok {
				if in.Shown == nil {
					in.Shown = map[string]string{}
				}
				in.Shown[key] = word
			}
		}
		if !seen[key] {
			seen[key] = true
			in.Text = append(in.Text, key)
		}
	})
	sort.Strings(in.Text)
	if len(in.Text) > 0 {
		in.Scale = 1 / math.Sqrt(float64(len(in.Text)))
	}
	sugg := cal.Suggestions(ms)
	fired := firedCodes(ms)
	in.Dictionary = make([][]Feature, len(ids))
	for k, id := range ids {
		var fs []Feature
		dictionaryFeatures(id, ms, sugg, fired, negation, func(name string, v float64) { fs = append(fs, Feature{name, v}) })
		in.Dictionary[k] = fs
	}
	return in
}

// firedCodes returns the distinct codes of ms, sorted.
func firedCodes(ms []Match) []string {
	var out []string
	for _, m := range ms {
		if !slices.Contains(out, m.Code) {
			out = append(out, m.Code)
		}
	}
	slices.Sort(out)
	return out
}

// dictionaryFeatures yields the dictionary's features of code id (see ModelInput), from
// the matches ms, the calibrated suggestions sugg, the codes that fired (sorted) and
// whether a negation word stands in the text: one function for the trainer's
// ModelInput and for Apply's fast path, so that the two cannot differ.
func dictionaryFeatures(id string, ms []Match, sugg []Suggestion, fired []string, negation bool, yield func(name string, v float64)) {
	var rules []string
	negated, away := false, false
	prefix := "negated " + id + ": "
	for _, m := range ms {
		if m.Code == id {
			if !slices.Contains(rules, m.Rule) {
				rules = append(rules, m.Rule)
			}
			negated = negated || RuleClass(m) == ClassNegated
		}
		away = away || strings.HasPrefix(m.Rule, prefix)
	}
	self := slices.Contains(fired, id)
	if self {
		yield("d:fired", 1)
	}
	for _, s := range sugg {
		if s.Code == id {
			if s.Confidence > 0 {
				yield("d:confidence", s.Confidence)
			}
			if s.Held != "" {
				yield("d:held", 1)
			}
		}
	}
	if len(rules) >= 2 {
		yield("d:rules2", 1)
	}
	if len(rules) >= 3 {
		yield("d:rules3", 1)
	}
	if negated {
		yield("d:negated", 1)
	}
	if away {
		yield("d:negated_away", 1)
	}
	others := len(fired)
	if self {
		others--
	}
	for i, name := range []string{"d:others1", "d:others2", "d:others3"} {
		if others > i {
			yield(name, 1)
		}
	}
	if negation {
		yield("d:negation", 1)
	}
	slices.Sort(rules)
	for _, r := range rules {
		yield("d:rule:"+r, 1)
	}
	for _, c := range fired {
		if c != id {
			yield("d:also:"+c, 1)
		}
	}
}

// featureHash is the 64-bit FNV-1a hash of an n-gram's feature name (ModelInput's
// "w:word", "b:word word", "c:gram") computed without building the name: Apply looks
// the n-grams up by it (a collision between an n-gram of a segment and one of the
// model's, about 1 in 10^15 per pair, would only add that weight).
func featureHash(kind byte, a, b string) uint64 {
	const prime = 1099511628211
	h := uint64(14695981039346656037)
	h = (h ^ uint64(kind)) * prime
	h = (h ^ ':') * prime
	for i := 0; i < len(a); i++ {
		h = (h ^ uint64(a[i])) * prime
	}
	if kind == 'b' {
		h = (h ^ ' ') * prime
		for i := 0; i < len(b); i++ {
			h = (h ^ uint64(b[i])) * prime
		}
	}
	return h
}

// nameHash is featureHash of a feature name as ModelInput writes it.
func nameHash(name string) uint64 {
	kind, rest := name[0], name[2:]
	if kind == 'b' {
		if i := strings.IndexByte(rest, ' '); i >= 0 {
			return featureHash(kind, rest[:i], rest[i+1:])
		}
	}
	return featureHash(kind, rest, "")
}

// fastProbabilities is Probabilities(ModelInput(...)) for the model's codes without
// building the feature names of the n-grams (see featureHash); sugg are the calibrated
// suggestions of ms.
func (m *Model) fastProbabilities(a *AutoCoder, text string, ms []Match, sugg []Suggestion) []float64 {
	n := Normalize(text)
	var hs []uint64
	negation := false
	Ngrams(n.Text, func(kind byte, x, y string) {
		hs = append(hs, featureHash(kind, x, y))
		if kind == 'w' && !negation && a != nil && a.codes != nil && a.codes.negations[x] {
			negation = true
		}
	})
	slices.Sort(hs)
	hs = slices.Compact(hs)
	z := make([]float64, len(m.Codes))
	for k := range m.Codes {
		z[k] = m.Codes[k].Intercept
	}
	if len(hs) > 0 {
		scale := 1 / math.Sqrt(float64(len(hs)))
		for _, h := range hs {
			for _, cw := range m.hashed[h] {
				z[cw.code] += cw.w * scale
			}
		}
	}
	fired := firedCodes(ms)
	for k := range m.Codes {
		dictionaryFeatures(m.Codes[k].ID, ms, sugg, fired, negation, func(name string, v float64) { z[k] += m.dict[k][name] * v })
		z[k] = sigmoid(z[k])
	}
	return z
}

// Probabilities returns the probability of every code of the model for one segment, in
// the order of Codes.
func (m *Model) Probabilities(in *ModelInput) []float64 {
	z := make([]float64, len(m.Codes))
	for k := range m.Codes {
		z[k] = m.Codes[k].Intercept
	}
	for _, f := range in.Text {
		for _, cw := range m.features[f] {
			z[cw.code] += cw.w * in.Scale
		}
	}
	for k := range m.Codes {
		for _, f := range in.Dictionary[k] {
			z[k] += m.dict[k][f.Name] * f.Value
		}
		z[k] = sigmoid(z[k])
	}
	return z
}

func sigmoid(z float64) float64 {
	if z >= 0 {
		return 1 / (1 + math.Exp(-z))
	}
	e := math.Exp(z)
	return e / (1 + e)
}

// CodeIDs returns the ids of the model's codes, in its order.
func (m *Model) CodeIDs() []string {
	ids := make([]string, len(m.Codes))
	for i, c := range m.Codes {
		ids[i] = c.ID
	}
	return ids
}

// Add returns the threshold of a code the dictionary did not suggest (see Model).
func (m *Model) Add() float64 {
	if m.AddThreshold == 0 {
		return m.Threshold
	}
	return m.AddThreshold
}

// Says reports whether the model suggests a code of probability p that the dictionary
// suggested (dict) or not.
func (m *Model) Says(dict bool, p float64) bool {
	if dict {
		return p >= m.Threshold
	}
	return p >= m.Add()
}

// minConfidence is the least confidence a suggestion the model decided is given (its
// probability rounded to four decimals, at least this), so that the probability cell of
// every such suggestion is filled.
const minConfidence = 0.0001

// Apply turns the dictionary's suggestions sugg for text (from the matches ms) into the
// model's (see Model): it returns them in their order, each code of the model with the
// model's probability as its confidence and held back (HeldModel) where the model does
// not suggest it, then the codes only the model suggests, in the model's order.
func (m *Model) Apply(a *AutoCoder, text string, ms []Match, sugg []Suggestion) []Suggestion {
	ids := m.CodeIDs()
	p := m.fastProbabilities(a, text, ms, sugg)
	var in *ModelInput // for the rule of a model-only suggestion
	done := make([]bool, len(ids))
	for i := range sugg {
		k, ok := m.index[sugg[i].Code]
		if !ok {
			continue
		}
		done[k] = true
		sugg[i].Confidence = max(round4(p[k]), minConfidence)
		if m.Says(sugg[i].Held == "", p[k]) {
			sugg[i].Held = ""
		} else {
			sugg[i].Held = HeldModel
		}
	}
	for k, id := range ids {
		if done[k] || !m.Says(false, p[k]) {
			continue
		}
		if in == nil {
			x := a.ModelInput(text, ms, a.calibration, ids)
			in = &x
		}
		sugg = append(sugg, Suggestion{Match: Match{Code: id, Rule: m.rule(k, in), Span: text, Start: 0, End: utf8.RuneCountInString(text)},
			Confidence: max(round4(p[k]), minConfidence)})
	}
	return sugg
}

// modelReasons is how many features the rule of a model-only suggestion names.
const modelReasons = 3

// rule is the rule of a model-only suggestion of code position k: ModelRulePrefix and the
// features with the largest positive contributions weight × value, largest first (ties by
// name), as the researcher reads them: a word or two words as they stand, a character
// n-gram as the word it came from, a dictionary feature by its name.
func (m *Model) rule(k int, in *ModelInput) string {
	type contrib struct {
		name string
		v    float64
	}
	var cs []contrib
	for _, f := range in.Text {
		for _, cw := range m.features[f] {
			if int(cw.code) == k && cw.w > 0 {
				cs = append(cs, contrib{f, cw.w * in.Scale})
			}
		}
	}
	for _, f := range in.Dictionary[k] {
		if w := m.dict[k][f.Name] * f.Value; w > 0 {
			cs = append(cs, contrib{f.Name, w})
		}
	}
	slices.SortFunc(cs, func(a, b contrib) int {
		switch {
		case a.v > b.v:
			return -1
		case a.v < b.v:
			return 1
		}
		return cmpString(a.name, b.name)
	})
	var names []string
	for _, c := range cs {
		name := c.name
		switch {
		case strings.HasPrefix(name, "c:"):
			name = in.Shown[name]
		case strings.HasPrefix(name, "w:"), strings.HasPrefix(name, "b:"):
			name = name[2:]
		}
		if name == "" || slices.Contains(names, name) {
			continue
		}
		names = append(names, name)
		if len(names) == modelReasons {
			break
		}
	}
	return ModelRulePrefix + strings.Join(names, ", ")
}

// prepare builds the model's lookups.
func (m *Model) prepare() {
	m.index = make(map[string]int, len(m.Codes))
	m.features = map[string][]codeWeight{}
	m.hashed = map[uint64][]codeWeight{}
	m.dict = make([]map[string]float64, len(m.Codes))
	for k, c := range m.Codes {
		m.index[c.ID] = k
		m.dict[k] = map[string]float64{}
		for f, w := range c.Weights {
			if strings.HasPrefix(f, "d:") {
				m.dict[k][f] = w
				continue
			}
			m.features[f] = append(m.features[f], codeWeight{int32(k), w})
			m.hashed[nameHash(f)] = append(m.hashed[nameHash(f)], codeWeight{int32(k), w})
		}
	}
}

// Prepare readies a model built in memory (by a trainer) for use.
func (m *Model) Prepare() { m.prepare() }

// MarshalModel writes m as its file: JSON, one code's weights sorted by name.
func MarshalModel(m *Model) ([]byte, error) {
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetIndent("", " ")
	if err := enc.Encode(m); err != nil {
		return nil, err
	}
	return b.Bytes(), nil
}

// ReadModel reads a model file. Unknown keys are errors.
func ReadModel(path string) (*Model, error) {
	data, err := readRegular(path) // never a FIFO: readfile.go
	if err != nil {
		return nil, err
	}
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.DisallowUnknownFields()
	var m Model
	if err := dec.Decode(&m); err != nil {
		return nil, model.Reasonf("%w: %s: %v", "%v: %s: %v", ErrFormat, path, err)
	}
	if m.Threshold < 0 || m.Threshold >= 1 || m.AddThreshold < 0 || m.AddThreshold > 1 || m.Add() == 0 {
		return nil, model.Reasonf("%w: %s: threshold must lie between 0 and 1", "%v: %s: de drempel moet tussen 0 en 1 liggen", ErrFormat, path)
	}
	for _, c := range m.Codes {
		if c.ID == "" {
			return nil, model.Reasonf("%w: %s: a code without id", "%v: %s: een code zonder id", ErrFormat, path)
		}
	}
	m.prepare()
	m.sha256 = sha256Hex(data)
	return &m, nil
}

// loadModel reads the file Codebook.Model names, if any. A file that is not there (the
// codebook copied into a study folder without it) leaves the codebook without its model,
// as one that names none, with ModelMissing set (the run's summary and `analyse codebook
// check` say so); a file that is there but cannot be read, or names a code that is not in
// the codebook, is an error.
func (cb *Codebook) loadModel() error {
	if cb.ModelFile == "" {
		return nil
	}
	path := calibrationPath(cb.file, cb.ModelFile)
	m, err := ReadModel(path)
	if errors.Is(err, fs.ErrNotExist) {
		cb.modelMissing = path
		return nil
	}
	if err != nil {
		return model.Reasonf("%s: model: %w", "%s: model: %v", cb.file, err)
	}
	for _, c := range m.Codes {
		if _, ok := cb.Code(c.ID); !ok {
			return model.Reasonf("%s: model: %w: %s: %q is not a code of the codebook", "%s: model: %v: %s: %q is geen code van het codeboek", cb.file, ErrFormat, path, c.ID)
		}
	}
	cb.model = m
	return nil
}

// ShippedModel returns the model the codebook was read with, or nil.
func (cb *Codebook) ShippedModel() *Model { return cb.model }

// ModelMissing returns the path of the model file the codebook names but that was not
// there, or "".
func (cb *Codebook) ModelMissing() string { return cb.modelMissing }

// WithoutModel returns a copy of cb whose auto-coder uses the dictionary alone (a study's
// `autocode: {model: false}`).
func (cb *Codebook) WithoutModel() *Codebook {
	if cb.model == nil {
		return cb
	}
	c := *cb
	c.model = nil
	c.modelOff = true
	return &c
}

// WithModel returns a copy of cb whose auto-coder uses the model m (read with ReadModel),
// whether or not cb names one: for measuring a model the codebook does not turn on.
func (cb *Codebook) WithModel(m *Model) *Codebook {
	c := *cb
	c.model = m
	c.modelOff = false
	return &c
}

// ModelOff reports whether the model was turned off by WithoutModel.
func (cb *Codebook) ModelOff() bool { return cb.modelOff }

// ModelDecides reports whether the auto-coder's shipped model decides code: the
// suggestions of such a code carry the model's probability as their confidence.
func (a *AutoCoder) ModelDecides(code string) bool {
	if a == nil || a.model == nil {
		return false
	}
	_, ok := a.model.index[code]
	return ok
}

// An input file the auto-coder read beside the codebook: its path and the SHA-256 of its
// bytes as read, for the run's manifest.
type InputFile struct{ Path, SHA256 string }

// AutoCoderFiles returns the calibration and shipped-model files the codebook's
// auto-coder uses, in that order: those read with it (a model turned off by WithoutModel,
// or a file that was not there, is not used and not listed).
func (cb *Codebook) AutoCoderFiles() (calibration, shippedModel *InputFile) {
	if cb.calib != nil && cb.calib.sha256 != "" {
		calibration = &InputFile{calibrationPath(cb.file, cb.Calibration), cb.calib.sha256}
	}
	if cb.model != nil && cb.model.sha256 != "" {
		shippedModel = &InputFile{calibrationPath(cb.file, cb.ModelFile), cb.model.sha256}
	}
	return calibration, shippedModel
}

// sha256Hex is the SHA-256 of data in hexadecimal.
func sha256Hex(data []byte) string {
	sum := sha256.Sum256(data)
	return hex.EncodeToString(sum[:])
}

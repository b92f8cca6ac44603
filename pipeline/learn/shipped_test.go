package learn

import (
	"bytes"
	"flag"
	"fmt"
	"math"
	"os"
	"strings"
	"testing"

	"github.com/samenspel/samenspel/codebook"
	"go.yaml.in/yaml/v3"
)

var updateModel = flag.Bool("update-model", false, "rewrite the default codebook's shipped model from the eight fragment sets")

const (
	defaultBook  = "../../data/codebooks/samenwerking.yaml"
	defaultModel = "../../data/codebooks/samenwerking.model.json"
)

// shippedSetPaths are the eight coded fragment sets the shipped model is trained on, each
// written by another writer from the codebook's definitions; the first four are those the
// patterns were tuned and the calibration estimated on, the other four were each measured
// blind once before they were used here.
var shippedSetPaths = []struct {
	path string
	dev  bool
}{
	{"../../codebook/testdata/dev/fragments.yaml", true},
	{"../../codebook/testdata/dev2/fragments.yaml", true},
	{"../../codebook/testdata/dev3/fragments.yaml", true},
	{"../../codebook/testdata/dev4/fragments.yaml", true},
	{"../../codebook/testdata/heldout/fragments.yaml", false},
	{"../../codebook/testdata/heldout2/fragments.yaml", false},
	{"../../codebook/testdata/heldout3/fragments.yaml", false},
	{"../../codebook/testdata/heldout4/fragments.yaml", false},
}

// modelGrid are the knobs the protocol chooses from: the penalty, with and without the
// n-grams, and the weight of the sets the patterns were tuned on. The n-grams' minimum
// support is 2 throughout, to keep the search affordable (a fit with n-grams costs about a
// second, and the grid is searched for 31 trainings of six or seven sets); λ = 1, in
// 0.8.0's grid, was chosen for none of its seven left-out sets.
var modelGrid = []Knobs{
	{Lambda: 3, DevWeight: 1}, {Lambda: 10, DevWeight: 1},
	{Lambda: 3, Text: true, MinSupport: 2, DevWeight: 1}, {Lambda: 10, Text: true, MinSupport: 2, DevWeight: 1},
	{Lambda: 3, DevWeight: 0.25}, {Lambda: 10, DevWeight: 0.25},
	{Lambda: 3, Text: true, MinSupport: 2, DevWeight: 0.25}, {Lambda: 10, Text: true, MinSupport: 2, DevWeight: 0.25},
}

// modelThresholds, for keeping a dictionary suggestion: 0 (keep every one) to 0.80 by
// 0.05.
func modelThresholds() []float64 {
	var ts []float64
	for i := 0; i <= 16; i++ {
		ts = append(ts, float64(i)/20)
	}
	return ts
}

// modelAddThresholds, for a code the dictionary did not suggest: 0.30 to 0.95 by 0.05,
// and 1 (none).
func modelAddThresholds() []float64 {
	var ts []float64
	for i := 6; i <= 20; i++ {
		ts = append(ts, float64(i)/20)
	}
	return ts
}

const (
	// modelMinPrecision is the pooled precision the combination's choice must reach on
	// the blind sets left out: issue 19's bar of 0.75 with a margin, since on held-out 4
	// the 0.8.0 model's precision ran 0.04 below its left-out figure.
	modelMinPrecision = 0.78
	// aloneMinPrecision is 0.8.0's protocol, the model alone: the bar itself.
	aloneMinPrecision = 0.75
	modelMinWeight    = 0.1
)

const modelMethod = "Per code of the three factors a logistic regression (L2, gonum L-BFGS) on the dictionary's evidence " +
	"(patterns fired, calibrated confidence, held, agreeing patterns, negated barrier, other codes fired, a negation word, " +
	"which patterns and which other codes) and, where chosen, word uni- and bigrams and character 4-grams of the normalised text; " +
	"trained on the eight coded fragment sets. Lambda (3 or 10), n-grams on (those in at least two training fragments) or off, the weight (1 or 0.25) of the four sets the patterns were tuned on, " +
	"and two thresholds for all codes (threshold: a dictionary suggestion is kept at that probability, 0 to 0.80; add_threshold: a code the dictionary did not suggest is suggested at it, 0.30 to 0.95 or 1, none; absent: threshold) " +
	"chosen by leaving each blind set (the four held-out sets) in the training out in turn: the highest pooled recall " +
	"at a pooled precision of at least 0.78. left_out: each of the eight sets scored by a model whose knobs were chosen without it (nested), " +
	"against the dictionary with its calibration estimated without that set. Weights below min_weight left out. " +
	"Rebuilt by `go test ./pipeline/learn -run TestModelShipped -update-model` (the knobs as recorded; add -model-choice to choose them again, many minutes)."

type fragmentFile struct {
	Fragments []struct {
		Text  string   `yaml:"text"`
		Codes []string `yaml:"codes"`
	} `yaml:"fragments"`
}

func loadShippedSets(t *testing.T, ac *codebook.AutoCoder, paths []struct {
	path string
	dev  bool
}) []ShippedSet {
	t.Helper()
	var sets []ShippedSet
	for _, p := range paths {
		data, err := os.ReadFile(p.path)
		if err != nil {
			t.Fatal(err)
		}
		var doc fragmentFile
		if err := yaml.Unmarshal(data, &doc); err != nil {
			t.Fatalf("%s: %v", p.path, err)
		}
		sum, err := codebook.FileSHA256(p.path)
		if err != nil {
			t.Fatal(err)
		}
		s := ShippedSet{Name: ShippedSetName(p.path), SHA256: sum, Dev: p.dev}
		for _, f := range doc.Fragments {
			s.Fragments = append(s.Fragments, ShippedFragment{Text: f.Text, Codes: f.Codes, Matches: ac.Code(f.Text)})
		}
		sets = append(sets, s)
	}
	return sets
}

// threeFactorCodes are the codes of the first three factors, in codebook order (the
// codes every set was coded on; issue 19's bar is pooled over them).
func threeFactorCodes(cb *codebook.Codebook) []string {
	var ids []string
	for _, f := range cb.Factors {
		if f.ID == "kennen" || f.ID == "bereiken" || f.ID == "informeren" {
			for _, c := range f.Codes {
				ids = append(ids, c.ID)
			}
		}
	}
	return ids
}

// shippedSetup returns the patterns' auto-coder, the codebook as a study reads it, and
// the options of the default codebook's model.
func shippedSetup(t *testing.T) (*codebook.AutoCoder, *codebook.Codebook, ShippedOptions) {
	t.Helper()
	data, err := os.ReadFile(defaultBook)
	if err != nil {
		t.Fatal(err)
	}
	bare, err := codebook.ParseYAML(data) // the patterns alone: no calibration, no model
	if err != nil {
		t.Fatal(err)
	}
	ac, err := codebook.NewAutoCoder(bare)
	if err != nil {
		t.Fatal(err)
	}
	cb, err := codebook.Load(defaultBook)
	if err != nil {
		t.Fatal(err)
	}
	shipped := cb.DictionaryCalibration()
	if shipped == nil {
		t.Fatal("the default codebook has no calibration")
	}
	opt := ShippedOptions{AutoCoder: ac, Codes: threeFactorCodes(cb), Grid: modelGrid, Thresholds: modelThresholds(),
		Combine: true, AddThresholds: modelAddThresholds(), MinPrecision: modelMinPrecision, MinWeight: modelMinWeight}
	return ac, cb, opt
}

// calibrationOf returns ShippedOptions.Calibration for the sets: the shipped calibration
// where every set is in the training (it was estimated on those and more), else one
// estimated the same way, with the shipped knobs, on the training sets alone.
func calibrationOf(cb *codebook.Codebook, sets []ShippedSet) func(train []int) *codebook.Calibration {
	shipped := cb.DictionaryCalibration()
	return func(train []int) *codebook.Calibration {
		if len(train) == len(sets) {
			return shipped
		}
		var frags []codebook.CodedFragment
		for _, i := range train {
			for _, f := range sets[i].Fragments {
				frags = append(frags, codebook.CodedFragment{Codes: f.Codes, Matches: f.Matches})
			}
		}
		c := codebook.Estimate(frags, codebook.CalibrationOptions{Prior: shipped.Prior, Combine: shipped.Combine,
			Siblings: shipped.Siblings, Cap: shipped.Cap, Negated: cb.Negated})
		c.Threshold = shipped.Threshold
		return c
	}
}

var modelChoice = flag.Bool("model-choice", false, "TestModelShipped: redo the nested choice of the knobs (several minutes)")

// TestModelShipped rebuilds the default codebook's model from the eight sets and fails
// where the shipped file differs (its date aside): the file cannot drift from the data,
// the patterns or the calibration. It retrains the shipped model and each left-out set's
// model with the knobs the file records, and recomputes the left-out figures; with
// -model-choice (or without a file) it first redoes the nested choice of those knobs (the
// grid modelGrid × modelThresholds, several minutes of CPU). -update-model rewrites the
// file. -short skips it.
func TestModelShipped(t *testing.T) {
	if testing.Short() {
		t.Skip("trains the shipped model")
	}
	ac, cb, opt := shippedSetup(t)
	sets := loadShippedSets(t, ac, shippedSetPaths)
	opt.Calibration = calibrationOf(cb, sets)
	old, err := codebook.ReadModel(defaultModel)
	var m *codebook.Model
	if *modelChoice || err != nil {
		m = TrainShipped(sets, opt)
	} else {
		var perSet []Choice
		for _, l := range old.LeftOut {
			perSet = append(perSet, Choice{Knobs{l.Lambda, l.Text, l.MinSupport, l.DevWeight}, l.Threshold, addOf(l.Threshold, l.AddThreshold)})
		}
		if len(perSet) != len(sets) {
			t.Fatalf("%s: %d left-out sets, want %d", defaultModel, len(perSet), len(sets))
		}
		m = BuildShipped(sets, opt, perSet, Choice{Knobs{old.Lambda, old.Text, old.MinSupport, old.DevWeight}, old.Threshold, old.Add()})
	}
	finishModel(m, cb, old, err == nil && !*updateModel)
	t.Logf("\n%s\n%s", leftOutTable(m), perCodeTable(m))
	want, err := codebook.MarshalModel(m)
	if err != nil {
		t.Fatal(err)
	}
	if *updateModel {
		if err := os.WriteFile(defaultModel, want, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	got, err := os.ReadFile(defaultModel)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("%s differs from the model trained on the eight sets; rebuild with -update-model and read the diff", defaultModel)
	}
}

// addOf is the add threshold of a choice the file records (0: the threshold).
func addOf(threshold, add float64) float64 {
	if add == 0 {
		return threshold
	}
	return add
}

// finishModel names the codebook, the method and the date of training (old's where keep).
func finishModel(m *codebook.Model, cb *codebook.Codebook, old *codebook.Model, keep bool) {
	m.Codebook = cb.Name + " " + cb.Version
	m.Method = modelMethod
	m.Trained = "2026-12-02"
	if keep {
		m.Trained = old.Trained
	}
}

// leftOutTable is the README's table of the left-out figures: per set and pooled over
// the sets, the dictionary's and the model's precision / recall / F1.
func leftOutTable(m *codebook.Model) string {
	var b strings.Builder
	b.WriteString("| left-out set | fragments | dictionary P / R / F1 | model P / R / F1 | knobs chosen without it |\n|---|---:|---|---|---|\n")
	var d, mo [3]int
	frags := map[string]int{}
	for _, s := range m.Sets {
		frags[s.Name] = s.Fragments
	}
	cell := func(p codebook.PRF) string {
		return fmt.Sprintf("%.2f / %.2f / %.2f", p.Precision, p.Recall, p.F1)
	}
	for _, l := range m.LeftOut {
		text := "dictionary features"
		if l.Text {
			text = "dictionary + n-grams"
		}
		th := fmt.Sprintf("threshold %.2f", l.Threshold)
		if l.AddThreshold != 0 {
			th = fmt.Sprintf("keeps at %.2f, adds at %.2f", l.Threshold, l.AddThreshold)
		}
		fmt.Fprintf(&b, "| %s | %d | %s | %s | λ %g, %s, tuned sets weigh %g, %s |\n", l.Set, frags[l.Set], cell(l.Dictionary), cell(l.Model), l.Lambda, text, l.DevWeight, th)
		d[0], d[1], d[2] = d[0]+l.Dictionary.TP, d[1]+l.Dictionary.FP, d[2]+l.Dictionary.FN
		mo[0], mo[1], mo[2] = mo[0]+l.Model.TP, mo[1]+l.Model.FP, mo[2]+l.Model.FN
	}
	fmt.Fprintf(&b, "| pooled | | %s | %s | |\n", cell(codebook.NewPRF(d[0], d[1], d[2])), cell(codebook.NewPRF(mo[0], mo[1], mo[2])))
	return b.String()
}

// perCodeTable is the README's per-code table: each code's counts summed over the
// left-out sets, dictionary and model.
func perCodeTable(m *codebook.Model) string {
	var b strings.Builder
	b.WriteString("| code | n | dictionary P / R / F1 | model P / R / F1 |\n|---|---:|---|---|\n")
	for ci, code := range m.Scored {
		var d, mo [3]int
		for _, l := range m.LeftOut {
			f := l.PerCode[ci]
			for k := range d {
				d[k] += f.Dictionary[k]
				mo[k] += f.Model[k]
			}
		}
		dp, mp := codebook.NewPRF(d[0], d[1], d[2]), codebook.NewPRF(mo[0], mo[1], mo[2])
		fmt.Fprintf(&b, "| %s | %d | %.2f / %.2f / %.2f | %.2f / %.2f / %.2f |\n", code, d[0]+d[2], dp.Precision, dp.Recall, dp.F1, mp.Precision, mp.Recall, mp.F1)
	}
	return b.String()
}

func itoa(n int) string { return fmt.Sprint(n) }

func prf(p codebook.PRF) string {
	return fmt.Sprintf("%.2f / %.2f / %.2f", p.Precision, p.Recall, p.F1)
}

// TestModelREADME checks that the README's tables of the shipped model are those of the
// file (whose figures TestModelShipped recomputes): per left-out set and pooled, and per
// code.
func TestModelREADME(t *testing.T) {
	m, err := codebook.ReadModel(defaultModel)
	if err != nil {
		t.Fatal(err)
	}
	readme, err := os.ReadFile("../../README.md")
	if err != nil {
		t.Fatal(err)
	}
	for name, table := range map[string]string{"left-out": leftOutTable(m), "per-code": perCodeTable(m)} {
		if !strings.Contains(string(readme), table) {
			t.Errorf("README.md lacks the shipped model's %s table; it is:\n%s", name, table)
		}
	}
}

// TestModelApplyAsTrained: what a study gets (Suggest with the model, which looks the
// n-grams up by hash) is what the trainer's features give (ModelInput, by name), on every
// fragment of the eight sets: each model code suggested exactly where its probability
// reaches its threshold (Model.Says: the dictionary's suggestion kept, or the model's own
// added), with that probability.
func TestModelApplyAsTrained(t *testing.T) {
	ac, cb, opt := shippedSetup(t)
	m, err := codebook.ReadModel(defaultModel)
	if err != nil {
		t.Fatal(err)
	}
	on, err := codebook.NewAutoCoder(cb.WithModel(m))
	if err != nil {
		t.Fatal(err)
	}
	ids := m.CodeIDs()
	if !slicesEqual(ids, opt.Codes) {
		t.Fatalf("model codes %v", ids)
	}
	sets := loadShippedSets(t, ac, shippedSetPaths)
	n, only := 0, 0
	for _, s := range sets {
		for _, f := range s.Fragments {
			in := ac.ModelInput(f.Text, f.Matches, cb.DictionaryCalibration(), ids)
			p := m.Probabilities(&in)
			dict := dictionaryOn(cb.DictionaryCalibration(), f.Matches)
			got := map[string]codebook.Suggestion{}
			for _, sg := range on.Suggest(f.Text) {
				got[sg.Code] = sg
			}
			for k, id := range ids {
				sg, ok := got[id]
				made := ok && sg.Held == ""
				if made != m.Says(dict[id], p[k]) || (ok && math.Abs(sg.Confidence-max(p[k], 1e-4)) > 1e-4) {
					t.Errorf("%s: %s: p %v, suggestion %+v (%v)", s.Name, id, p[k], sg, ok)
				}
				if made {
					n++
					if strings.HasPrefix(sg.Rule, codebook.ModelRulePrefix) {
						only++
					}
				}
			}
		}
	}
	t.Logf("%d suggestions of the model's codes on the eight sets (in-sample), %d where no pattern fired", n, only)
}

func slicesEqual(a, b []string) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

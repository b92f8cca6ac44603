package codebook

import (
	"bytes"
	"encoding/json"
	"flag"
	"fmt"
	"math"
	"os"
	"strings"
	"sync"
	"testing"
)

var updateCalibration = flag.Bool("update-calibration", false, "rewrite the default codebook's calibration file from the eleven coded sets")

// defaultCalibration is the calibration file of the default codebook.
const defaultCalibration = "../data/codebooks/samenwerking.calibration.yaml"

// calibrationMinPrecision is the pooled left-out precision the choice must reach: issue
// 19's bar of 0.75. Above it the choice with the highest pooled left-out F1 wins.
const calibrationMinPrecision = 0.75

// calibrationOptions are the model's fixed choice: rules combined by noisy-OR (the prior,
// the sibling rule and the threshold are chosen by Calibrate).
func calibrationOptions(cb *Codebook) CalibrationOptions {
	return CalibrationOptions{Combine: CombineNoisyOR, Negated: cb.Negated}
}

// calibrationMethod is the method line of the shipped file.
const calibrationMethod = "Per rule (code, pattern, class) its hits on the eleven coded fragment sets and how many the set's coder had coded, " +
	"smoothed by a Beta prior of weight `prior` toward its code's rules of the same class, those toward the code, the code toward all codes; " +
	"several rules of a code combine by noisy-OR; with siblings, of a facilitator and its negated barrier both suggested the lower is held back; " +
	"with a cap, a suggestion below cap times its segment's best. Prior, siblings, cap and threshold chosen by leaving each set out in turn " +
	"(the highest pooled left-out F1 on the scored codes at a pooled left-out precision of at least 0.75); left_out gives, per set, " +
	"that whole procedure run on the other ten and scored on it (chosen: the knobs chosen without it). " +
	"Rebuilt by `go test ./codebook -run TestCalibrationShipped -update-calibration`."

// calibrationSets are the eleven coded sets (losoSets) with the auto-coder's matches.
func calibrationSets(t *testing.T, ac *AutoCoder) []NamedFragments {
	t.Helper()
	var sets []NamedFragments
	for _, path := range losoSets {
		frags := loadFragments(t, path)
		sum, err := FileSHA256(path)
		if err != nil {
			t.Fatal(err)
		}
		name := strings.TrimSuffix(strings.TrimPrefix(path, "testdata/"), "/fragments.yaml")
		s := NamedFragments{CalibrationSet: CalibrationSet{Name: name, Fragments: len(frags), SHA256: sum}}
		for _, f := range frags {
			s.Fragments = append(s.Fragments, CodedFragment{Codes: f.Codes, Matches: ac.Code(f.Text)})
		}
		sets = append(sets, s)
	}
	return sets
}

// buildDefaultCalibration estimates the default codebook's calibration from the ten
// coded sets; estimated is the date written into it. The estimate (half a minute of CPU:
// the nested left-out figures choose the knobs a hundred times) is made once per test
// binary.
func buildDefaultCalibration(t *testing.T, estimated string) (*Calibration, []NamedFragments, *Codebook) {
	t.Helper()
	defaultCalibrationOnce.Do(func() {
		data, err := os.ReadFile(defaultBook)
		if err != nil {
			defaultCalibrationBuilt.err = err
			return
		}
		cb, err := ParseYAML(data) // the patterns alone: ParseYAML does not read the calibration
		if err != nil {
			defaultCalibrationBuilt.err = err
			return
		}
		ac, err := NewAutoCoder(cb)
		if err != nil {
			defaultCalibrationBuilt.err = err
			return
		}
		sets := calibrationSets(t, ac)
		c := Calibrate(sets, calibrationOptions(cb), threeFactorCodes(cb), calibrationMinPrecision)
		c.Codebook = cb.Name + " " + cb.Version
		c.Method = calibrationMethod
		defaultCalibrationBuilt.c, defaultCalibrationBuilt.sets, defaultCalibrationBuilt.cb = c, sets, cb
	})
	b := defaultCalibrationBuilt
	if b.err != nil {
		t.Fatal(b.err)
	}
	if b.c == nil {
		t.Fatal("the calibration could not be built (see the first test that tried)")
	}
	c := *b.c
	c.Estimated = estimated
	return &c, b.sets, b.cb
}

var (
	defaultCalibrationOnce  sync.Once
	defaultCalibrationBuilt struct {
		c    *Calibration
		sets []NamedFragments
		cb   *Codebook
		err  error
	}
)

// TestCalibrationShipped rebuilds the default codebook's calibration from the ten
// coded sets and fails where the shipped file differs (its date aside): the file
// cannot drift from the data or the patterns. -update-calibration rewrites it.
func TestCalibrationShipped(t *testing.T) {
	old, err := ReadCalibration(defaultCalibration)
	estimated := "2026-12-02"
	if err == nil && old.Estimated != "" && !*updateCalibration {
		estimated = old.Estimated
	}
	c, _, _ := buildDefaultCalibration(t, estimated)
	want, err := MarshalCalibration(c)
	if err != nil {
		t.Fatal(err)
	}
	want = append([]byte(calibrationHeader), want...)
	if *updateCalibration {
		if err := os.WriteFile(defaultCalibration, want, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	got, err := os.ReadFile(defaultCalibration)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("%s differs from the calibration rebuilt from the eleven coded sets; rebuild with -update-calibration and read the diff", defaultCalibration)
	}
}

const calibrationHeader = `# Calibration of the default codebook's dictionary (issue 19), read by the auto-coder
# through the codebook's key "calibration". Per code and per rule: hits (fragments of the
# eleven coded sets where it fired), correct (where the set's coder gave the code) and
# precision (smoothed, see method): a suggestion's confidence. A suggestion below the
# threshold, or below cap times its segment's best confidence, is held back (listed in
# autocodings.csv with the reason, counted nowhere). left_out: each set scored by the
# whole procedure (knobs chosen and rules estimated) run on the other ten, pooled over
# the scored codes; before = the patterns alone. The patterns were tuned on the four
# development sets and judged on all eleven, so read the held-out sets' figures: see the
# README. Generated; do not edit by hand.
`

// The left-out estimate of the shipped calibration (NestedLeftOut: for each of the ten
// sets, the knobs chosen and the rules estimated on the other ten, the set scored),
// pooled over the 18 codes of the three factors: over all eleven sets and over the seven
// held-out sets, on which the patterns were never tuned. The README reports these;
// TestCalibrationLeftOut fails where the shipped configuration falls below them by more
// than 0.005.
var (
	leftOutTen     = [3]float64{0.7781, 0.6669, 0.7182} // P, R, F1
	leftOutHeldout = [3]float64{0.7467, 0.6197, 0.6773}
)

// TestCalibrationLeftOut logs the calibration's left-out figures (per set and pooled,
// before and after, with the knobs chosen without each set), the precision-recall curve
// of the threshold and of the cap at the shipped knobs, checks the pooled left-out
// figures against those the README reports (leftOutTen, leftOutHeldout), and logs the
// curve for the blind state: the third round's patterns (their matches on the four
// development sets in testdata/calibration/round3_matches.json), calibrated on dev, dev2
// and dev3 (which they were tuned on) and scored on dev4 (which they had not seen).
func TestCalibrationLeftOut(t *testing.T) {
	c, sets, cb := buildDefaultCalibration(t, "")
	scored := threeFactorCodes(cb)
	opt := calibrationOptions(cb)
	opt.Prior, opt.Siblings, opt.Cap = c.Prior, c.Siblings, c.Cap
	t.Logf("shipped: prior %v, siblings %v, cap %v, threshold %v", c.Prior, c.Siblings, c.Cap, c.Threshold)

	var before, after, hoBefore, hoAfter []PRF
	var b strings.Builder
	b.WriteString("| left-out set | patterns alone | calibrated | held | knobs chosen without it |\n|---|---|---|---:|---|\n")
	for i, lo := range c.LeftOut {
		k := lo.Chosen
		fmt.Fprintf(&b, "| %s | %s | %s | %d | prior %v, siblings %v, cap %v, threshold %v |\n", lo.Set, prfCell(lo.Before), prfCell(lo.After), lo.Held, k.Prior, onOff(k.Siblings), k.Cap, k.Threshold)
		before, after = append(before, lo.Before), append(after, lo.After)
		if i >= firstHeldout {
			hoBefore, hoAfter = append(hoBefore, lo.Before), append(hoAfter, lo.After)
		}
	}
	pb, pa, hb, ha := PooledPRF(before), PooledPRF(after), PooledPRF(hoBefore), PooledPRF(hoAfter)
	fmt.Fprintf(&b, "| eleven sets, pooled | %s | %s | | |\n| seven held-out sets, pooled | %s | %s | | |\n", prfCell(pb), prfCell(pa), prfCell(hb), prfCell(ha))
	t.Logf("left out (18 codes, P / R / F1):\n%s", b.String())
	t.Logf("eleven sets: before %+v, after %+v; seven held-out sets: before %+v, after %+v", pb, pa, hb, ha)
	for _, x := range []struct {
		name string
		got  PRF
		want [3]float64
	}{{"eleven sets", pa, leftOutTen}, {"seven held-out sets", ha, leftOutHeldout}} {
		if x.got.Precision < x.want[0]-0.005 || x.got.Recall < x.want[1]-0.005 || x.got.F1 < x.want[2]-0.005 {
			t.Errorf("left out, %s pooled: P %.4f R %.4f F1 %.4f, below the reported %.4f / %.4f / %.4f", x.name, x.got.Precision, x.got.Recall, x.got.F1, x.want[0], x.want[1], x.want[2])
		}
	}

	// The threshold and the cap at the shipped prior and sibling rule, left out set by
	// set (not nested: the rules estimated on the other ten, the knob fixed).
	b.Reset()
	fmt.Fprintf(&b, "left out at prior %v, siblings %v (pooled: eleven sets; seven held-out sets)\n", c.Prior, c.Siblings)
	for _, cp := range Caps {
		o := opt
		o.Cap = cp
		figs := LeftOut(sets, o, scored, Thresholds())
		for j, th := range Thresholds() {
			var all, ho []PRF
			for i := range sets {
				all = append(all, figs[i][j])
				if i >= firstHeldout {
					ho = append(ho, figs[i][j])
				}
			}
			pa, ph := PooledPRF(all), PooledPRF(ho)
			fmt.Fprintf(&b, "cap %.2f t %.2f  %.3f / %.3f / %.3f  %.3f / %.3f / %.3f\n", cp, th, pa.Precision, pa.Recall, pa.F1, ph.Precision, ph.Recall, ph.F1)
		}
	}
	t.Log(b.String())

	blind := round3Sets(t)
	var train []CodedFragment
	for _, s := range blind[:3] {
		train = append(train, s.Fragments...)
	}
	bc := Estimate(train, opt)
	b.Reset()
	fmt.Fprintf(&b, "blind state: round 3's patterns calibrated on dev, dev2, dev3, scored on dev4 (prior %v, cap %v)\n", c.Prior, c.Cap)
	for _, th := range Thresholds() {
		bc.Threshold = th
		s, held := bc.Score(blind[3].Fragments, scored)
		fmt.Fprintf(&b, "t %.2f  P %.3f R %.3f F1 %.3f  (tp %d fp %d fn %d, %d held back)\n", th, s.Precision, s.Recall, s.F1, s.TP, s.FP, s.FN, held)
	}
	t.Log(b.String())
	// The blind figure the README gives for the third round on dev4 (0.64 / 0.58 on the
	// 18 codes): the stored matches are that state.
	plain, _ := (*Calibration)(nil).Score(blind[3].Fragments, scored)
	if math.Abs(plain.Precision-0.64) > 0.01 || math.Abs(plain.Recall-0.58) > 0.01 {
		t.Errorf("round 3 on dev4: P %.3f R %.3f, want the README's blind 0.64 / 0.58", plain.Precision, plain.Recall)
	}
}

func prfCell(p PRF) string {
	return fmt.Sprintf("%.2f / %.2f / %.2f", p.Precision, p.Recall, p.F1)
}

func onOff(b bool) string {
	if b {
		return "on"
	}
	return "off"
}

// round3Sets reads the third round's matches on the four development sets.
func round3Sets(t *testing.T) []NamedFragments {
	t.Helper()
	data, err := os.ReadFile("testdata/calibration/round3_matches.json")
	if err != nil {
		t.Fatal(err)
	}
	var dump []struct {
		Set     string   `json:"set"`
		Codes   []string `json:"codes"`
		Matches []struct {
			Code string `json:"code"`
			Rule string `json:"rule"`
			Span string `json:"span"`
		} `json:"matches"`
	}
	if err := json.Unmarshal(data, &dump); err != nil {
		t.Fatal(err)
	}
	names := []string{"dev", "dev2", "dev3", "dev4"}
	sets := make([]NamedFragments, len(names))
	for i, n := range names {
		sets[i].Name = n
	}
	for _, d := range dump {
		i := -1
		for j, n := range names {
			if n == d.Set {
				i = j
			}
		}
		if i < 0 {
			t.Fatalf("round 3 matches: unknown set %q", d.Set)
		}
		f := CodedFragment{Codes: d.Codes}
		for _, m := range d.Matches {
			f.Matches = append(f.Matches, Match{Code: m.Code, Rule: m.Rule, Span: m.Span})
		}
		sets[i].Fragments = append(sets[i].Fragments, f)
	}
	return sets
}

// copyCalibration copies the default codebook's calibration file into dir, for a test
// that copies the default codebook there.
func copyCalibration(t *testing.T, dir string) {
	t.Helper()
	data, err := os.ReadFile(defaultCalibration)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(dir+"/samenwerking.calibration.yaml", data, 0o644); err != nil {
		t.Fatal(err)
	}
}

// TestPooledPRF checks the pooling by hand: (3, 1, 2) and (1, 3, 0) sum to TP 4, FP 4,
// FN 2, so P 4/8, R 4/6, F1 8/14; the mean of the two precisions (0.75, 0.25) would be
// the same 0.5 here, their mean recall (0.6, 1) 0.8, not 4/6.
func TestPooledPRF(t *testing.T) {
	p := PooledPRF([]PRF{NewPRF(3, 1, 2), NewPRF(1, 3, 0)})
	if p.TP != 4 || p.FP != 4 || p.FN != 2 || p.Precision != 0.5 || p.Recall != round4(4.0/6) || p.F1 != round4(8.0/14) {
		t.Errorf("pooled = %+v", p)
	}
}

// TestNestedLeftOutNeverSeesTheSet: the knobs chosen for a left-out set, and its
// calibration, come from the other sets alone. On the other sets code b is right in one
// fragment of three where a fires beside it, so a cap that holds b back pays there; set 0
// is then replaced by sixty fragments where both are right, where it would not. What is
// chosen without set 0 stays, and only its scores change.
func TestNestedLeftOutNeverSeesTheSet(t *testing.T) {
	m := func(code, rule string) Match { return Match{Code: code, Rule: rule, Span: rule} }
	mk := func(name string, n int, both bool) NamedFragments {
		s := NamedFragments{CalibrationSet: CalibrationSet{Name: name}}
		for i := 0; i < n; i++ {
			f := CodedFragment{Matches: []Match{m("a", "x"), m("b", "y")}, Codes: []string{"a"}}
			if both || i%3 == 0 {
				f.Codes = []string{"a", "b"}
			}
			s.Fragments = append(s.Fragments, f)
		}
		return s
	}
	sets := []NamedFragments{mk("s0", 6, false), mk("s1", 9, false), mk("s2", 12, false)}
	opt := CalibrationOptions{Combine: CombineNoisyOR}
	scored := []string{"a", "b"}
	want := NestedLeftOut(sets, opt, scored, 0.75)
	sets[0] = mk("s0", 60, true)
	got := NestedLeftOut(sets, opt, scored, 0.75)
	if *got[0].Chosen != *want[0].Chosen {
		t.Errorf("set 0's choice changed with its own coding: %+v, was %+v", *got[0].Chosen, *want[0].Chosen)
	}
	if got[0].Before.TP != 120 || got[0].Before.FP != 0 || got[0].Before.FN != 0 {
		t.Errorf("set 0, both codes right, patterns alone: %+v, want TP 120 FP 0 FN 0", got[0].Before)
	}
	// Chosen with set 0 among the sets, the choice is another: the test can tell.
	var all []NamedFragments
	all = append(all, sets...)
	if o, th := Choose(all, opt, scored, Priors, Caps, Thresholds(), 0.75); o.Cap == want[0].Chosen.Cap && th == want[0].Chosen.Threshold {
		t.Errorf("with set 0 in, the same cap %v and threshold %v: the test proves nothing", o.Cap, th)
	}
}

// TestScoreAtIsScore: the one-pass scoring of every threshold (scoreAt, without the
// sibling rule) gives what scoring at each threshold anew gives, on the ten sets, for
// caps and priors of the grid.
func TestScoreAtIsScore(t *testing.T) {
	_, sets, cb := buildDefaultCalibration(t, "")
	scored := threeFactorCodes(cb)
	var train []CodedFragment
	for _, s := range sets[1:] {
		train = append(train, s.Fragments...)
	}
	for _, sib := range []bool{false, true} {
		for _, cp := range Caps {
			for _, a := range []float64{1, 10} {
				opt := calibrationOptions(cb)
				opt.Prior, opt.Siblings, opt.Cap = a, sib, cp
				c := Estimate(train, opt)
				fast := c.scoreAt(sets[0].Fragments, scored, Thresholds())
				for j, th := range Thresholds() {
					c.Threshold = th
					slow, _ := c.Score(sets[0].Fragments, scored)
					if fast[j] != slow {
						t.Errorf("siblings %v cap %v prior %v threshold %v: %+v, scored anew %+v", sib, cp, a, th, fast[j], slow)
					}
				}
			}
		}
	}
}

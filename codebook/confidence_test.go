package codebook

import (
	"math"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// calibrationFixture: code A fires by rule r1 on three fragments (two coded A) and by r2
// on one of them (coded A); code B by r3 on one fragment coded B.
func calibrationFixture() []CodedFragment {
	m := func(code, rule string) Match { return Match{Code: code, Rule: rule, Span: rule} }
	return []CodedFragment{
		{Codes: []string{"A"}, Matches: []Match{m("A", "r1")}},
		{Codes: []string{"A"}, Matches: []Match{m("A", "r1"), m("A", "r2")}},
		{Matches: []Match{m("A", "r1")}},
		{Codes: []string{"B"}, Matches: []Match{m("B", "r3")}},
	}
}

// TestEstimateSmoothing checks the formulas of Calibration by hand, prior 2:
//
//	p_all = 3/4; p_A = (2 + 2*0.75)/(3 + 2) = 0.7; p_A,plain = (2 + 2*0.7)/5 = 0.68
//	r1 = (2 + 2*0.68)/5 = 0.672; r2 = (1 + 2*0.68)/3 = 0.78667
//	p_B = (1 + 1.5)/3 = 0.83333; p_B,plain = (1 + 2*0.83333)/3 = 0.88889; r3 = (1 + 2*0.88889)/3 = 0.92593
//	noisy-OR of r1 and r2 = 1 - (1 - 0.672)(1 - 0.78667) = 0.93003; max = 0.78667
func TestEstimateSmoothing(t *testing.T) {
	c := Estimate(calibrationFixture(), CalibrationOptions{Prior: 2, Combine: CombineNoisyOR})
	near := func(name string, got, want float64) {
		t.Helper()
		if math.Abs(got-want) > 1e-4 {
			t.Errorf("%s = %.5f, want %.5f", name, got, want)
		}
	}
	near("p_all", c.Precision, 0.75)
	near("r1", c.ruleConfidence("A", "r1", ClassPlain), 0.672)
	near("r2", c.ruleConfidence("A", "r2", ClassPlain), 0.78667)
	near("r3", c.ruleConfidence("B", "r3", ClassPlain), 0.92593)
	near("unseen rule of A, seen class", c.ruleConfidence("A", "r9", ClassPlain), 0.68)
	near("unseen rule of A, unseen class", c.ruleConfidence("A", "r9", ClassStem), 0.7)
	near("unseen code", c.ruleConfidence("C", "r9", ClassPlain), 0.75)
	f := calibrationFixture()
	near("noisy-OR", c.Suggestions(f[1].Matches)[0].Confidence, 0.93003)
	c.Combine = CombineMax
	near("max", c.Suggestions(f[1].Matches)[0].Confidence, 0.78667)
	if len(c.Codes) != 2 || c.Codes[0].Hits != 3 || c.Codes[0].Correct != 2 || len(c.Codes[0].Rules) != 2 {
		t.Errorf("counts: %+v", c.Codes)
	}
}

// TestSuggestionsHeld checks the threshold and the siblings: a suggestion below the
// threshold is held back, and of a facilitator and its negated barrier the weaker.
func TestSuggestionsHeld(t *testing.T) {
	c := Estimate(calibrationFixture(), CalibrationOptions{Prior: 2, Combine: CombineNoisyOR, Siblings: true, Negated: map[string]string{"A": "B"}})
	c.Threshold = 0.8
	f := calibrationFixture()
	if s := c.Suggestions(f[0].Matches); len(s) != 1 || s[0].Held != HeldThreshold {
		t.Errorf("r1 alone (0.672) at threshold 0.8: %+v", s)
	}
	if s := c.Suggestions(f[1].Matches); len(s) != 1 || s[0].Held != "" {
		t.Errorf("r1 and r2 (0.930) at threshold 0.8: %+v", s)
	}
	c.Threshold = 0
	both := append(append([]Match(nil), f[0].Matches...), f[3].Matches...)
	s := c.Suggestions(both)
	if len(s) != 2 || s[0].Code != "A" || s[0].Held != HeldSibling || s[1].Held != "" {
		t.Errorf("A (0.672) and its negated barrier B (0.926): %+v", s)
	}
	// The cap: B (0.926) is the segment's best; A (0.672) is below 0.8 x 0.926 = 0.741.
	c.Siblings, c.Cap = false, 0.8
	if s := c.Suggestions(both); len(s) != 2 || s[0].Held != HeldCap || s[1].Held != "" {
		t.Errorf("cap 0.8: %+v", s)
	}
	c.Cap = 0.7 // 0.7 x 0.926 = 0.648: A stays
	if s := c.Suggestions(both); len(s) != 2 || s[0].Held != "" {
		t.Errorf("cap 0.7: %+v", s)
	}
	var none *Calibration
	s = none.Suggestions(both)
	if len(s) != 2 || s[0].Held != "" || s[1].Held != "" || s[0].Confidence != 0 {
		t.Errorf("without a calibration: %+v", s)
	}
}

// TestRuleClass checks how a match is said to have fired.
func TestRuleClass(t *testing.T) {
	for _, c := range []struct{ rule, span, want string }{
		{"negated kennen.persoonlijk: kennen elkaar", "geen idee wie", ClassNegated},
		{"koppel* ... terug", "koppelt het terug", ClassGapped},
		{"*overleg", "casusoverleg", ClassCompound},
		{"korte lijn*", "korte lijnen", ClassPrefix},
		{"afspraak", "afspraken", ClassStem},
		{"afspraak", "Afspraak", ClassPlain},
	} {
		if got := RuleClass(Match{Rule: c.rule, Span: c.span}); got != c.want {
			t.Errorf("%q on %q: %s, want %s", c.rule, c.span, got, c.want)
		}
	}
}

// TestNewPRF checks precision, recall and F1 from counts: 3 / 5, 3 / 4, 2PR/(P+R).
func TestNewPRF(t *testing.T) {
	s := NewPRF(3, 2, 1)
	if s.Precision != 0.6 || s.Recall != 0.75 || s.F1 != 0.6667 {
		t.Errorf("%+v", s)
	}
	if z := NewPRF(0, 0, 0); z.Precision != 0 || z.Recall != 0 || z.F1 != 0 {
		t.Errorf("%+v", z)
	}
}

// TestCodebookCalibrationFile checks the codebook's key: the default codebook reads its
// calibration; a codebook whose file is missing has none, with a note, and suggests as
// without; a file that cannot be read is an error naming it.
func TestCodebookCalibrationFile(t *testing.T) {
	cb, err := Load(defaultBook)
	if err != nil {
		t.Fatal(err)
	}
	if cb.calibrationFor() == nil {
		t.Fatal("the default codebook has no calibration")
	}
	src, err := os.ReadFile(defaultBook)
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	path := filepath.Join(dir, "codebook.yaml")
	if err := os.WriteFile(path, src, 0o644); err != nil {
		t.Fatal(err)
	}
	copied, err := Load(path)
	if err != nil {
		t.Fatal(err)
	}
	if copied.calibrationFor() != nil || len(copied.Notes) != 0 || copied.CalibrationMissing != filepath.Join(dir, "samenwerking.calibration.yaml") {
		t.Errorf("without its calibration file: %v, notes %q, missing %q", copied.calibrationFor(), copied.Notes, copied.CalibrationMissing)
	}
	ac, err := NewAutoCoder(copied)
	if err != nil {
		t.Fatal(err)
	}
	text := "Geen korte lijnen meer, maar we hebben wel een vast aanspreekpunt."
	if s := ac.Suggest(text); len(s) == 0 || s[0].Confidence != 0 || s[0].Held != "" {
		t.Errorf("uncalibrated suggestions: %+v", s)
	}
	if err := os.WriteFile(filepath.Join(dir, "samenwerking.calibration.yaml"), []byte("combine: most\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if _, err := Load(path); err == nil || !strings.Contains(err.Error(), "samenwerking.calibration.yaml") || !strings.Contains(err.Error(), "combine") {
		t.Errorf("a bad calibration file: %v", err)
	}
	// Saved elsewhere, the codebook names its calibration from there.
	other := filepath.Join(t.TempDir(), "sub", "cb.yaml")
	if err := os.MkdirAll(filepath.Dir(other), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := Save(cb, other); err != nil {
		t.Fatal(err)
	}
	saved, err := Load(other)
	if err != nil {
		t.Fatal(err)
	}
	if saved.calibrationFor() == nil || len(saved.Notes) != 0 {
		t.Errorf("saved elsewhere: calibration %v, notes %q", saved.calibrationFor() != nil, saved.Notes)
	}
}

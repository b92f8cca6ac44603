package learn

import (
	"fmt"
	"math"
	"slices"
	"testing"
)

// TestFoldsKeepRespondentsTogether: every respondent's segments share a fold, the folds
// are balanced by segments, and the same seed gives the same folds.
func TestFoldsKeepRespondentsTogether(t *testing.T) {
	var resp []string
	for r := 0; r < 23; r++ {
		for s := 0; s <= r%7; s++ {
			resp = append(resp, fmt.Sprintf("R%02d", r))
		}
	}
	fold, k := Folds(resp, 5, 42)
	if k != 5 {
		t.Fatalf("k = %d", k)
	}
	of := map[string]int{}
	size := make([]int, k)
	for i, r := range resp {
		if f, ok := of[r]; ok && f != fold[i] {
			t.Fatalf("respondent %s in folds %d and %d", r, f, fold[i])
		}
		of[r] = fold[i]
		size[fold[i]]++
	}
	if slices.Max(size)-slices.Min(size) > 7 { // at most one respondent's segments apart
		t.Errorf("fold sizes %v", size)
	}
	again, _ := Folds(resp, 5, 42)
	if !slices.Equal(fold, again) {
		t.Error("the same seed gave other folds")
	}
	// Fewer respondents than folds: one fold each.
	if _, k := Folds([]string{"a", "a", "b", "c"}, 5, 1); k != 3 {
		t.Errorf("3 respondents: k = %d, want 3", k)
	}
	if _, k := Folds([]string{"a", "a"}, 5, 1); k != 1 {
		t.Errorf("1 respondent: k = %d, want 1", k)
	}
}

// interviews makes n respondents with m segments each. Code "zichtbaar" follows the word
// "wijkagent" across respondents; code "eigen" is given to every segment of the even
// respondents, who each use a word of their own ("woordN") in every segment: a model can
// learn "eigen" only by recognising the respondent, which cross-validation by respondent
// must not reward.
func interviews(n, m int) []Coded {
	var out []Coded
	for r := 0; r < n; r++ {
		for s := 0; s < m; s++ {
			text := fmt.Sprintf("we hadden overleg over de jongere woord%d", r)
			var codes []string
			if (r+s)%3 == 0 {
				text += " en de wijkagent was er bij"
				codes = append(codes, "zichtbaar")
			} else {
				text += " en verder niemand"
			}
			if r%2 == 0 {
				codes = append(codes, "eigen")
			}
			out = append(out, Coded{Segment: Segment{Respondent: fmt.Sprintf("R%d", r), Text: text}, Codes: codes})
		}
	}
	return out
}

// TestLearnBound: a code that the words carry passes the F1 bound and gets suggestions;
// a code that only the respondent's own words carry does not, because the folds keep a
// respondent's segments together (with folds by segment it scores F1 0.86).
func TestLearnBound(t *testing.T) {
	coded := interviews(20, 6)
	uncoded := []Segment{
		{Respondent: "N1", Text: "de wijkagent kwam langs bij het overleg"},
		{Respondent: "N2", Text: "we hadden overleg en verder niemand"},
	}
	r := Learn(coded, uncoded, Options{Codes: []string{"zichtbaar", "eigen", "nooit"}, MinF1: 0.6, Seed: 7})
	if r.Folds != 5 {
		t.Fatalf("folds %d", r.Folds)
	}
	z, e, never := r.Validation[0], r.Validation[1], r.Validation[2]
	if z.TP+z.FP+z.FN+z.TN != len(coded) || z.Positives != 40 {
		t.Errorf("zichtbaar: %+v", z)
	}
	if !z.Suggests || z.F1 < 0.9 || z.Alpha < 0.85 {
		t.Errorf("zichtbaar should pass: %+v", z)
	}
	if e.Suggests || e.F1 >= 0.6 {
		t.Errorf("eigen (only the respondent's own words) should not pass: %+v", e)
	}
	// The same data with every segment its own respondent (folds by segment): the
	// respondent's own word now leaks across folds and "eigen" looks learnable.
	leaky := interviews(20, 6)
	for i := range leaky {
		leaky[i].Respondent = fmt.Sprint(i)
	}
	if l := Learn(leaky, nil, Options{Codes: []string{"eigen"}, MinF1: 0.6, Seed: 7}).Validation[0]; !l.Suggests {
		t.Errorf("folds by segment: eigen should (wrongly) pass, the test shows nothing: %+v", l)
	}
	if never.Positives != 0 || never.Suggests || !math.IsNaN(never.F1) {
		t.Errorf("a code no one gave: %+v", never)
	}
	if len(r.Suggestions) != 1 || r.Suggestions[0].Segment != 0 || r.Suggestions[0].Code != "zichtbaar" || r.Suggestions[0].Probability < 0.5 {
		t.Errorf("suggestions %+v", r.Suggestions)
	}
	// The figures follow from the counts.
	p := float64(z.TP) / float64(z.TP+z.FP)
	rc := float64(z.TP) / float64(z.TP+z.FN)
	if math.Abs(z.F1-2*p*rc/(p+rc)) > 1e-12 {
		t.Errorf("F1 %v from p %v r %v", z.F1, p, rc)
	}
	// The bound is inclusive: F1 equal to it passes, just above it does not.
	at := Learn(coded, uncoded, Options{Codes: []string{"zichtbaar"}, MinF1: z.F1, Seed: 7})
	above := Learn(coded, uncoded, Options{Codes: []string{"zichtbaar"}, MinF1: math.Nextafter(z.F1, 2), Seed: 7})
	if !at.Validation[0].Suggests || above.Validation[0].Suggests || len(above.Suggestions) != 0 {
		t.Errorf("bound %v: at %v, above %v (%d suggestions)", z.F1, at.Validation[0].Suggests, above.Validation[0].Suggests, len(above.Suggestions))
	}
	// Deterministic.
	again := Learn(coded, uncoded, Options{Codes: []string{"zichtbaar", "eigen", "nooit"}, MinF1: 0.6, Seed: 7})
	for i := range r.Validation {
		a, b := r.Validation[i], again.Validation[i]
		if a.TP != b.TP || a.FP != b.FP || a.FN != b.FN {
			t.Errorf("second run differs: %+v against %+v", a, b)
		}
	}
	if !slices.Equal(r.Suggestions, again.Suggestions) {
		t.Error("second run suggests otherwise")
	}
}

// TestLearnTooFewRespondents: one respondent cannot be cross-validated: no suggestions.
func TestLearnTooFewRespondents(t *testing.T) {
	coded := interviews(1, 12)
	r := Learn(coded, []Segment{{Text: "de wijkagent"}}, Options{Codes: []string{"zichtbaar"}, MinF1: 0.6})
	if r.Folds != 1 || r.Validation[0].Suggests || len(r.Suggestions) != 0 {
		t.Errorf("%+v", r)
	}
}

// TestFeatures: words, bigrams and the 4-grams of long words, the dictionary hits with
// value 1, each text row of unit length.
func TestFeatures(t *testing.T) {
	segs := []Segment{
		{Text: "Casusoverleg met de wijkagent", Dictionary: []string{"b"}},
		{Text: "casusoverleg, de WIJKAGENT!", Dictionary: []string{"a", "b", "a"}},
	}
	x := features(segs, []string{"a", "b"})
	if x.Rows() != 2 {
		t.Fatal(x.Rows())
	}
	// Shared by both rows (df >= 2): casusoverleg, de, wijkagent, "de wijkagent" and the
	// 4-grams of " casusoverleg " (11) and " wijkagent " (8): 23 columns, then a and b.
	if x.Cols != 23+2 {
		t.Errorf("%d columns", x.Cols)
	}
	for i := 0; i < 2; i++ {
		n := x.Split[i] - x.RowStart[i]
		if math.Abs(x.Scale[i]*x.Scale[i]*float64(n)-1) > 1e-12 {
			t.Errorf("row %d: %d text features of %v, not unit length", i, n, x.Scale[i])
		}
	}
	if got := x.Index[x.Split[1]:x.RowStart[2]]; !slices.Equal(got, []int32{23, 24}) {
		t.Errorf("dictionary columns of row 2: %v", got)
	}
}

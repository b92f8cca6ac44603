package codebook

import (
	"reflect"
	"testing"
)

// TestFewSuggestionsAsMany compares Suggestions' path for few matches (fewSuggestions,
// a scan of the codes) with its path for many (manySuggestions, maps) on the matches of
// the development fragments and of random texts, with the default codebook's
// calibration, with noisy-OR, and without a calibration: the same suggestions, order,
// confidences and holds.
func TestFewSuggestionsAsMany(t *testing.T) {
	cb, err := Load(defaultBook)
	if err != nil {
		t.Fatal(err)
	}
	ac, err := NewAutoCoder(cb)
	if err != nil {
		t.Fatal(err)
	}
	if ac.calibration == nil {
		t.Fatal("the default codebook has no calibration")
	}
	noisy := *ac.calibration
	noisy.Combine, noisy.codes = CombineNoisyOR, nil
	var texts []string
	for _, p := range []string{"testdata/dev/fragments.yaml", "testdata/dev2/fragments.yaml", "testdata/dev3/fragments.yaml", "testdata/dev4/fragments.yaml"} {
		for _, f := range loadFragments(t, p) {
			texts = append(texts, f.Text)
		}
	}
	texts = append(texts, randomCodedTexts(2000, 5)...)
	compared := 0
	for _, text := range texts {
		ms := ac.Code(text)
		if len(ms) == 0 {
			continue
		}
		for _, c := range []*Calibration{ac.calibration, &noisy, nil} {
			if got, want := c.fewSuggestions(ms), c.manySuggestions(ms); !reflect.DeepEqual(got, want) {
				t.Fatalf("%q: fewSuggestions %+v, manySuggestions %+v", text, got, want)
			}
		}
		compared++
	}
	if compared < 500 {
		t.Fatalf("only %d texts with matches", compared)
	}
}

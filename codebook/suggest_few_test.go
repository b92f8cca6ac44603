package codebook

import (
	"math/rand/v2"
	"reflect"
	"strings"
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

// TestSameNormalized compares sameNormalized (and its ASCII path) with Normalize on
// random pairs of short strings of letters, case, digits, separators and non-ASCII
// characters.
func TestSameNormalized(t *testing.T) {
	rng := rand.New(rand.NewPCG(7, 8))
	pieces := []string{"a", "b", "A", "B", "1", " ", "  ", "-", "'", ".", "é", "e\u0301", "\u0301", "ĳ", "ij", "IJ", "ß", "ss", "\xff", "’", "ab", "Ab"}
	gen := func() string {
		var b strings.Builder
		for m := rng.IntN(7); m > 0; m-- {
			b.WriteString(pieces[rng.IntN(len(pieces))])
		}
		return b.String()
	}
	same, ascii := 0, 0
	for range 200000 {
		a, b := gen(), gen()
		want := Normalize(a).Text == Normalize(b).Text
		if got := sameNormalized(a, b); got != want {
			t.Fatalf("sameNormalized(%q, %q) = %v, want %v", a, b, got, want)
		}
		if _, ok := sameASCIIWords(a, b); ok {
			ascii++
		}
		if want {
			same++
		}
	}
	if same < 1000 || ascii < 1000 {
		t.Fatalf("only %d pairs the same, %d ASCII", same, ascii)
	}
}

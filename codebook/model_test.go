package codebook

import (
	"math"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

// TestNgrams: words, bigrams and the 4-grams of a word of seven letters or more, in text
// order.
func TestNgrams(t *testing.T) {
	var got []string
	Ngrams(" korte lijnen casusoverleg ", func(kind byte, a, b string) {
		got = append(got, string(kind)+":"+strings.TrimSpace(a+" "+b))
	})
	want := []string{"w:korte", "w:lijnen", "b:korte lijnen", "w:casusoverleg", "b:lijnen casusoverleg",
		"c:cas", "c:casu", "c:asus", "c:suso", "c:usov", "c:sove", "c:over", "c:verl", "c:erle", "c:rleg", "c:leg"}
	if !slices.Equal(got, want) {
		t.Errorf("got %q\nwant %q", got, want)
	}
	n := 0
	Ngrams("", func(byte, string, string) { n++ })
	Ngrams("   ", func(byte, string, string) { n++ })
	if n != 0 {
		t.Errorf("%d n-grams of an empty text", n)
	}
}

// modelTestBook is testBook with korte_lijnen's negation meaning onbereikbaar.
func modelTestBook() *Codebook {
	cb := testBook()
	cb.Negated = map[string]string{"korte_lijnen": "onbereikbaar"}
	return cb
}

func hasFeature(fs []Feature, name string, value float64) bool {
	return slices.ContainsFunc(fs, func(f Feature) bool { return f.Name == name && f.Value == value })
}

// TestModelInput: the dictionary's evidence per code and the text's n-grams at unit length.
func TestModelInput(t *testing.T) {
	ac, err := NewAutoCoder(modelTestBook())
	if err != nil {
		t.Fatal(err)
	}
	text := "Korte lijnen en snel schakelen in het casusoverleg."
	ids := []string{"korte_lijnen", "overleg", "onbereikbaar"}
	in := ac.ModelInput(text, ac.Code(text), nil, ids)
	if math.Abs(in.Scale*in.Scale*float64(len(in.Text))-1) > 1e-12 || !slices.IsSorted(in.Text) {
		t.Errorf("text features not of unit length or not sorted: %d of %v", len(in.Text), in.Scale)
	}
	if !slices.Contains(in.Text, "b:snel schakelen") || in.Shown["c:sove"] != "casusoverleg" {
		t.Errorf("text %v, shown %v", in.Text, in.Shown)
	}
	kl, ov, on := in.Dictionary[0], in.Dictionary[1], in.Dictionary[2]
	for _, f := range []string{"d:fired", "d:rules2", "d:others1", "d:rule:korte lijn*", "d:rule:snel schakelen", "d:also:overleg"} {
		if !hasFeature(kl, f, 1) {
			t.Errorf("korte_lijnen lacks %s: %v", f, kl)
		}
	}
	if hasFeature(kl, "d:rules3", 1) || hasFeature(kl, "d:negation", 1) || hasFeature(kl, "d:confidence", 0) {
		t.Errorf("korte_lijnen: %v", kl)
	}
	if !hasFeature(ov, "d:fired", 1) || hasFeature(ov, "d:rules2", 1) || !hasFeature(ov, "d:also:korte_lijnen", 1) {
		t.Errorf("overleg: %v", ov)
	}
	if hasFeature(on, "d:fired", 1) || !hasFeature(on, "d:others2", 1) {
		t.Errorf("onbereikbaar: %v", on)
	}
	// A negated facilitator: its barrier is found through it, the facilitator is negated
	// away, and a negation word stands in the text.
	neg := "Er zijn geen korte lijnen meer."
	in = ac.ModelInput(neg, ac.Code(neg), nil, ids)
	if !hasFeature(in.Dictionary[2], "d:negated", 1) || !hasFeature(in.Dictionary[2], "d:fired", 1) {
		t.Errorf("onbereikbaar of a negated korte lijnen: %v", in.Dictionary[2])
	}
	if !hasFeature(in.Dictionary[0], "d:negated_away", 1) || !hasFeature(in.Dictionary[0], "d:negation", 1) || hasFeature(in.Dictionary[0], "d:fired", 1) {
		t.Errorf("korte_lijnen negated: %v", in.Dictionary[0])
	}
}

// testModel is a hand-made model of two codes: korte_lijnen, which the word "bellen" or
// its pattern firing carries, and overleg, which needs "casusoverleg" and more.
func testModel() *Model {
	m := &Model{Threshold: 0.5, Codes: []ModelCode{
		{ID: "korte_lijnen", Intercept: -2, Weights: map[string]float64{"d:fired": 3, "w:bellen": 8, "w:app": 4}},
		{ID: "overleg", Intercept: -3, Weights: map[string]float64{"d:fired": 2, "c:sove": 1}},
	}}
	m.Prepare()
	return m
}

// TestModelApply: the model's probability replaces a dictionary suggestion's confidence
// and decides whether it is held; a code only the model finds is suggested over the
// whole segment with the strongest features; a code outside the model is left alone.
func TestModelApply(t *testing.T) {
	cb := modelTestBook()
	cb.model = testModel()
	ac, err := NewAutoCoder(cb)
	if err != nil {
		t.Fatal(err)
	}
	text := "In het casusoverleg: vertrouw ze, bellen en een app."
	got := ac.Suggest(text)
	in := ac.ModelInput(text, ac.Code(text), nil, cb.model.CodeIDs())
	// korte_lijnen: -2 + (8 + 4) / sqrt(n); overleg: -3 + 2 + 1 / sqrt(n).
	s := in.Scale
	pk, po := sigmoid(-2+12*s), sigmoid(-1+s)
	if pk < 0.5 || po >= 0.5 {
		t.Fatalf("test model: p %v %v", pk, po)
	}
	var ov, kn, kl *Suggestion
	for i := range got {
		switch got[i].Code {
		case "overleg":
			ov = &got[i]
		case "kennen":
			kn = &got[i]
		case "korte_lijnen":
			kl = &got[i]
		}
	}
	if ov == nil || ov.Held != HeldModel || ov.Confidence != round4(po) || ov.Span != "casusoverleg" {
		t.Errorf("overleg (dictionary, below the threshold): %+v", ov)
	}
	if kn == nil || kn.Held != "" || kn.Confidence != 0 {
		t.Errorf("kennen (no model): %+v", kn)
	}
	if kl == nil || kl.Held != "" || kl.Confidence != round4(pk) || kl.Rule != "model: bellen, app" ||
		kl.Span != text || kl.Start != 0 || kl.End != len([]rune(text)) {
		t.Errorf("korte_lijnen (model only): %+v", kl)
	}
	if got[len(got)-1].Code != "korte_lijnen" {
		t.Errorf("a model-only suggestion comes last: %+v", got)
	}
	// Without the model: the dictionary alone.
	off := cb.WithoutModel()
	if off.ShippedModel() != nil || !off.ModelOff() || cb.ShippedModel() == nil {
		t.Fatal("WithoutModel")
	}
	ac2, _ := NewAutoCoder(off)
	for _, s := range ac2.Suggest(text) {
		if s.Held != "" || s.Code == "korte_lijnen" {
			t.Errorf("dictionary alone: %+v", s)
		}
	}
}

// TestModelFile: the file round-trips, a codebook names it relative to itself, a missing
// file leaves the dictionary alone with ModelMissing set, and a bad one is an error.
func TestModelFile(t *testing.T) {
	dir := t.TempDir()
	m := testModel()
	data, err := MarshalModel(m)
	if err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(dir, "book.model.json")
	if err := os.WriteFile(path, data, 0o644); err != nil {
		t.Fatal(err)
	}
	back, err := ReadModel(path)
	if err != nil {
		t.Fatal(err)
	}
	again, _ := MarshalModel(back)
	if string(again) != string(data) {
		t.Error("the model file does not round-trip")
	}
	book := "name: t\nversion: '1'\nmodel: book.model.json\nfactors:\n  - id: f\n    codes:\n      - {id: korte_lijnen, valence: facilitator, patterns: [korte lijn*]}\n      - {id: overleg, valence: facilitator, patterns: [overleg]}\n"
	bookPath := filepath.Join(dir, "book.yaml")
	os.WriteFile(bookPath, []byte(book), 0o644)
	cb, err := Load(bookPath)
	if err != nil {
		t.Fatal(err)
	}
	if cb.ShippedModel() == nil || cb.ModelMissing() != "" {
		t.Errorf("model not read: %v %q", cb.ShippedModel(), cb.ModelMissing())
	}
	// Saved elsewhere, the codebook names the same file relative to its new place.
	other := filepath.Join(dir, "elders", "book.yaml")
	os.MkdirAll(filepath.Dir(other), 0o755)
	if err := Save(cb, other); err != nil {
		t.Fatal(err)
	}
	if moved, err := Load(other); err != nil || moved.ShippedModel() == nil || moved.ModelFile != "../book.model.json" {
		t.Errorf("saved elsewhere: %v, %v, %q", err, moved.ShippedModel(), moved.ModelFile)
	}
	// Excel keeps the key; REFI-QDA has no place for it, and Lost says so.
	xlsx := filepath.Join(dir, "book.xlsx")
	if err := Save(cb, xlsx); err != nil {
		t.Fatal(err)
	}
	if back, err := Load(xlsx); err != nil || back.ShippedModel() == nil {
		t.Errorf("through Excel: %v, %v", err, back)
	}
	if lost, err := Lost(cb, filepath.Join(dir, "book.qdc")); err != nil || !slices.Contains(lost, Loss{"the model", 1}) {
		t.Errorf("qdc: lost %v, %v", lost, err)
	}
	os.Remove(path)
	cb, err = Load(bookPath)
	if err != nil || cb.ShippedModel() != nil || cb.ModelMissing() != path {
		t.Errorf("missing model: %v, %v, %q", err, cb.ShippedModel(), cb.ModelMissing())
	}
	for _, bad := range []string{
		`{"threshold": 0.5, "codes": [{"id": "nietbestaand", "intercept": 0, "weights": {}}]}`,
		`{"threshold": 0.5, "codez": []}`,
		`{"threshold": 1.5, "codes": []}`,
	} {
		os.WriteFile(path, []byte(bad), 0o644)
		if _, err := Load(bookPath); err == nil {
			t.Errorf("%s: no error", bad)
		}
	}
}

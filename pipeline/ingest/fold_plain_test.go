package ingest

import (
	"strings"
	"testing"

	"github.com/samenspel/samenspel/pipeline/model"
)

// foldSamples are cells for the fold helpers: ids, summary words, headers, white space
// of every kind, letters whose folds differ from their lower case (the Kelvin sign, ß).
var foldSamples = []string{
	"", " ", "E000001", "e000001", "R0001", "r01", "JW 01", "jw01", "JW01", "Totaal", "TOTAAL:", "totaal.",
	"Std. Deviatie", "std.  deviatie", "N", "n:.", "Gemiddelde ", "\tRespondent\n", "respondent", "RESPONDENT",
	"Res\u00a0pondent", "res pondent", "\u212aey", "key", "Straße", "STRASSE", "x\u0085y", "x y", "x\x00y",
	"\xff", "\xfe", "a\xffb", "Ä", "ä", "01", "1", "001", "R1", "R001", "R 1", "Q12_1", "q12_1 ",
}

// The fold helpers give what the strings.Fields, strings.Join and strings.ToLower
// expressions they stand for give.
func TestFoldPlainAsStrings(t *testing.T) {
	for _, a := range foldSamples {
		if b, ok := lowerPlain(nil, a); ok && string(b) != strings.ToLower(strings.Join(strings.Fields(a), " ")) {
			t.Errorf("lowerPlain(%q) = %q", a, b)
		}
		f := strings.TrimRight(strings.ToLower(strings.Join(strings.Fields(a), " ")), ":.")
		if isSummaryWord(a) != summaryWords[f] {
			t.Errorf("isSummaryWord(%q) = %v", a, isSummaryWord(a))
		}
		keys := map[string]string{model.IDKey(a): a}
		if got, ok := lookupIDKey(keys, a); !ok || got != a {
			t.Errorf("lookupIDKey(%q) = %q, %v", a, got, ok)
		}
		for _, b := range foldSamples {
			want := strings.EqualFold(strings.Join(strings.Fields(a), " "), strings.Join(strings.Fields(b), " "))
			if equalFoldFields(a, b) != want {
				t.Errorf("equalFoldFields(%q, %q) = %v, want %v", a, b, !want, want)
			}
			_, inKeys := map[string]string{model.IDKey(b): b}[model.IDKey(a)]
			if _, ok := lookupIDKey(map[string]string{model.IDKey(b): b}, a); ok != inKeys {
				t.Errorf("lookupIDKey(%q) in keys of %q: %v", a, b, ok)
			}
			known := map[string]bool{b: true}
			if zerosDiffer(a, known) != zerosDifferStrings(a, known) {
				t.Errorf("zerosDiffer(%q, {%q}) = %v", a, b, zerosDiffer(a, known))
			}
		}
	}
}

// zerosDifferStrings is zerosDiffer as it was written before its candidates were made in
// a buffer.
func zerosDifferStrings(id string, known map[string]bool) bool {
	id = strings.TrimSpace(id)
	i := len(id)
	for i > 0 && id[i-1] >= '0' && id[i-1] <= '9' {
		i--
	}
	prefix, digits := id[:i], id[i:]
	if digits == "" {
		return false
	}
	core := strings.TrimLeft(digits, "0")
	if core == "" {
		core = "0"
	}
	for z := 0; z <= maxZeros; z++ {
		if c := prefix + strings.Repeat("0", z) + core; c != id && known[c] {
			return true
		}
	}
	return false
}

func FuzzFoldPlain(f *testing.F) {
	for _, s := range foldSamples {
		f.Add(s, "R0001")
	}
	f.Fuzz(func(t *testing.T, a, b string) {
		want := strings.EqualFold(strings.Join(strings.Fields(a), " "), strings.Join(strings.Fields(b), " "))
		if equalFoldFields(a, b) != want {
			t.Fatalf("equalFoldFields(%q, %q) = %v", a, b, !want)
		}
		if _, ok := lookupIDKey(map[string]string{model.IDKey(b): b}, a); ok != (model.IDKey(a) == model.IDKey(b)) {
			t.Fatalf("lookupIDKey(%q) in keys of %q: %v", a, b, ok)
		}
		w := strings.TrimRight(strings.ToLower(strings.Join(strings.Fields(a), " ")), ":.")
		if isSummaryWord(a) != summaryWords[w] {
			t.Fatalf("isSummaryWord(%q)", a)
		}
		known := map[string]bool{b: true, strings.TrimLeft(b, "0"): true}
		if zerosDiffer(a, known) != zerosDifferStrings(a, known) {
			t.Fatalf("zerosDiffer(%q, {%q})", a, b)
		}
		if (&zerosIndex{}).differ(a, known) != zerosDiffer(a, known) {
			t.Fatalf("zerosIndex.differ(%q, {%q})", a, b)
		}
	})
}

// The index of a known set answers as zerosDiffer does.
func TestZerosIndex(t *testing.T) {
	known := map[string]bool{}
	for _, k := range append(foldSamples, "R0", "R00", "R000000000", "R0000000001", "x00", "a\x00b1", "007", "7", "R 01") {
		known[k] = true
	}
	x := &zerosIndex{}
	for _, id := range append(foldSamples, "R0", "R00000", "R00000000001", "R000000001", "R0000000001", "x0", "a\x00b001", "07", "0007", " R1 ", "R01") {
		if got, want := x.differ(id, known), zerosDiffer(id, known); got != want {
			t.Errorf("differ(%q) = %v, zerosDiffer %v", id, got, want)
		}
	}
}

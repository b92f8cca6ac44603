package codebook

import (
	"fmt"
	"os"
	"sort"
	"strings"
	"testing"

	"go.yaml.in/yaml/v3"
)

// devScore counts, per code, the fragments where the auto-coder and the human coding agree
// (tp), where only the auto-coder codes (fp) and where only the human codes (fn). A code
// counts once per fragment however often its patterns fire.
type devScore struct{ tp, fp, fn int }

// precision = tp/(tp+fp), recall = tp/(tp+fn), F1 = 2PR/(P+R); 0 where the denominator is 0.
func (s devScore) prf() (p, r, f float64) {
	if s.tp+s.fp > 0 {
		p = float64(s.tp) / float64(s.tp+s.fp)
	}
	if s.tp+s.fn > 0 {
		r = float64(s.tp) / float64(s.tp+s.fn)
	}
	if p+r > 0 {
		f = 2 * p * r / (p + r)
	}
	return
}

type devFragment struct {
	Text  string   `yaml:"text"`
	Codes []string `yaml:"codes"`
}

// scoreFragments runs ac over the fragments and returns the counts per code (every code
// of cb and every code the fragments use) and pooled over all of them.
func scoreFragments(t *testing.T, cb *Codebook, ac *AutoCoder, frags []devFragment) (map[string]*devScore, devScore) {
	per := map[string]*devScore{}
	for _, f := range cb.Factors {
		for _, c := range f.Codes {
			per[c.ID] = &devScore{}
		}
	}
	for _, fr := range frags {
		human := map[string]bool{}
		for _, c := range fr.Codes {
			human[c] = true
			if per[c] == nil {
				per[c] = &devScore{}
			}
		}
		auto := map[string]Match{}
		for _, m := range ac.Code(fr.Text) {
			auto[m.Code] = m
		}
		for id, n := range per {
			m, a := auto[id]
			switch h := human[id]; {
			case a && h:
				n.tp++
			case a:
				n.fp++
				if testing.Verbose() {
					t.Logf("fp %s %q (%s) in: %s", id, m.Span, m.Rule, fr.Text)
				}
			case h:
				n.fn++
				if testing.Verbose() {
					t.Logf("fn %s in: %s", id, fr.Text)
				}
			}
		}
	}
	var pooled devScore
	for _, n := range per {
		pooled.tp += n.tp
		pooled.fp += n.fp
		pooled.fn += n.fn
	}
	return per, pooled
}

// scoreTable formats the counts per code and pooled, as in the README.
func scoreTable(per map[string]*devScore, pooled devScore) string {
	ids := make([]string, 0, len(per))
	for id := range per {
		ids = append(ids, id)
	}
	sort.Strings(ids)
	var b strings.Builder
	b.WriteString("| code | tp | fp | fn | precision | recall | F1 |\n|---|---:|---:|---:|---:|---:|---:|\n")
	row := func(id string, s devScore) {
		p, r, f := s.prf()
		fmt.Fprintf(&b, "| %s | %d | %d | %d | %.2f | %.2f | %.2f |\n", id, s.tp, s.fp, s.fn, p, r, f)
	}
	for _, id := range ids {
		row(id, *per[id])
	}
	row("pooled", pooled)
	return b.String()
}

func loadFragments(t *testing.T, path string) []devFragment {
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	var doc struct {
		Fragments []devFragment `yaml:"fragments"`
	}
	if err := yaml.Unmarshal(data, &doc); err != nil {
		t.Fatalf("%s: %v", path, err)
	}
	return doc.Fragments
}

// devSets are the sets the patterns are tuned on: testdata/dev (107 fragments written
// for the dictionary work) and testdata/dev2 (about 200 professionals' fragments written
// from the codebook's definitions only, by a session that saw neither the patterns nor
// the held-out set). Their figures are in-sample.
var devSets = []string{"testdata/dev/fragments.yaml", "testdata/dev2/fragments.yaml"}

// TestDevFragments scores the auto-coder with the default codebook on each development
// set and on all of them together. Run with -v for the tables and every miss. Its figures
// are in-sample; the validation set (testdata/dev3, pooled figure only) and the held-out
// set say how far they carry.
func TestDevFragments(t *testing.T) {
	cb, err := Load(defaultBook)
	if err != nil {
		t.Fatal(err)
	}
	ac, err := NewAutoCoder(cb)
	if err != nil {
		t.Fatal(err)
	}
	var all []devFragment
	for _, path := range devSets {
		if _, err := os.Stat(path); os.IsNotExist(err) {
			continue
		}
		frags := loadFragments(t, path)
		checkFragmentCodes(t, cb, path, frags)
		all = append(all, frags...)
		per, pooled := scoreFragments(t, cb, ac, frags)
		t.Logf("%s: %d fragments\n%s", path, len(frags), scoreTable(per, pooled))
	}
	per, pooled := scoreFragments(t, cb, ac, all)
	p, r, f := pooled.prf()
	t.Logf("all development sets: %d fragments, pooled P %.2f R %.2f F1 %.2f\n%s", len(all), p, r, f, scoreTable(per, pooled))
}

// checkFragmentCodes reports every code of a fragment set that is not a code of cb.
func checkFragmentCodes(t *testing.T, cb *Codebook, path string, frags []devFragment) {
	t.Helper()
	for i, fr := range frags {
		for _, c := range fr.Codes {
			if _, ok := cb.Code(c); !ok {
				t.Errorf("%s: fragment %d: %q is not a code of the default codebook", path, i+1, c)
			}
		}
	}
}

// validationPath is the validation set: 236 fragments written from the codebook's
// definitions only, by a session that saw neither the patterns nor the other sets. The
// patterns are not tuned on it: while tuning only its pooled figure was computed (three
// times at most), never its fragments or errors, to see whether changes made on the
// development sets carry to new text. validationSHA256 freezes it.
const (
	validationPath   = "testdata/dev3/fragments.yaml"
	validationSHA256 = "33abe257a4aa10a7c3c7ea05c1ffa238c42271b58fa661a562a7647b1d642cdb"
)

// TestValidationSet checks that the validation set is unchanged and uses only codes of the
// default codebook; with SAMENSPEL_VALIDATE=1 it logs the auto-coder's pooled precision,
// recall and F1 on it (all codes, and the three factors' codes), and nothing per code or
// per fragment.
func TestValidationSet(t *testing.T) {
	cb, err := Load(defaultBook)
	if err != nil {
		t.Fatal(err)
	}
	if sum, err := FileSHA256(validationPath); err != nil || sum != validationSHA256 {
		t.Errorf("%s changed (sha256 %s, err %v): the validation set is frozen", validationPath, sum, err)
	}
	frags := loadFragments(t, validationPath)
	checkFragmentCodes(t, cb, validationPath, frags)
	if os.Getenv("SAMENSPEL_VALIDATE") != "1" {
		return
	}
	ac, err := NewAutoCoder(cb)
	if err != nil {
		t.Fatal(err)
	}
	gold := make([][]string, len(frags))
	pred := make([][]string, len(frags))
	for i, fr := range frags {
		gold[i] = fr.Codes
		for _, m := range ac.Code(fr.Text) {
			pred[i] = append(pred[i], m.Code)
		}
	}
	var ids []string
	for _, f := range cb.Factors {
		for _, c := range f.Codes {
			ids = append(ids, c.ID)
		}
	}
	res, err := scoreDecisions(ids, gold, pred)
	if err != nil {
		t.Fatal(err)
	}
	_, three, _ := heldoutThreeFactors(cb, res)
	for _, s := range []CodeScore{res.Pooled, three} {
		t.Logf("validation set, %d fragments, %s: P %.2f R %.2f F1 %.2f (TP %d FP %d FN %d)",
			len(frags), s.Code, s.Precision(), s.Recall(), s.F1(), s.TP, s.FP, s.FN)
	}
}

// TestOwnExamples checks that the auto-coder gives every code of the default codebook
// its own Dutch example quote: the patterns should at least find what the codebook
// itself gives as the code's example.
func TestOwnExamples(t *testing.T) {
	cb, err := Load(defaultBook)
	if err != nil {
		t.Fatal(err)
	}
	ac, err := NewAutoCoder(cb)
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range cb.Factors {
		for _, c := range f.Codes {
			found := false
			for _, m := range ac.Code(c.Example["nl"]) {
				found = found || m.Code == c.ID
			}
			if !found {
				t.Errorf("%s: its example %q is not coded with it", c.ID, c.Example["nl"])
			}
		}
	}
}

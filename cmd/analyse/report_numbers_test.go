package main

import (
	"bytes"
	"encoding/json"
	"math"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
)

// TestReportNumbersComeFromTheTables reads report.md of the example study and of the
// three-coder case and checks every number in its sample and methods paragraphs against
// what the run wrote: a cell of the table the sentence speaks of (rounded as printed, a
// share also as a percentage), a count of that table's rows by a column's value, a count
// in manifest.json, or a choice of the study recorded there (seed, resamples, min_cell).
// Years of the cited references and the constants of the formulas and thresholds the
// paragraphs state are the only other numbers allowed. A report that says 98.6% where
// the table holds 0.985, or n = 101 where alpha rests on 265, fails.
func TestReportNumbersComeFromTheTables(t *testing.T) {
	for _, study := range []string{example, "../../testdata/cases/methods/three_coders"} {
		t.Run(filepath.Base(study), func(t *testing.T) {
			out := filepath.Join(t.TempDir(), "out")
			var stdout, stderr bytes.Buffer
			if code := run([]string{"run", study, "-o", out, "-quiet"}, &stdout, &stderr); code != 0 {
				t.Fatalf("analyse run: exit %d\n%s", code, stderr.String())
			}
			md, err := os.ReadFile(filepath.Join(out, "report.md"))
			if err != nil {
				t.Fatal(err)
			}
			checkReportNumbers(t, out, string(md))
		})
	}
}

// reportFacts are the numbers one kind of sentence may print.
type reportFacts []float64

func (f *reportFacts) add(xs ...float64) { *f = append(*f, xs...) }

// holds reports whether a number printed with the given decimals is one of the facts
// rounded to as many decimals.
func (f reportFacts) holds(x float64, decimals int) bool {
	scale := math.Pow(10, float64(decimals))
	for _, v := range f {
		if math.Abs(math.Round(v*scale)/scale-x) < 0.5/scale/10 {
			return true
		}
	}
	return false
}

// tableFacts returns the numbers of a table: every numeric cell (shares also ×100), the
// number of rows, per column the count of rows by each value and of rows above 0, and
// the number of distinct values other than "*".
func tableFacts(t *testing.T, out, name string) reportFacts {
	t.Helper()
	path := filepath.Join(out, "tables", name+".csv")
	if _, err := os.Stat(path); err != nil {
		return nil
	}
	rows := readCSV(t, path)
	f := reportFacts{float64(len(rows))}
	counts := map[string]int{}
	for _, r := range rows {
		for col, v := range r {
			counts[col+"\x00"+v]++
			x, err := strconv.ParseFloat(v, 64)
			if err != nil {
				continue
			}
			f.add(x, x*100)
			if x > 0 {
				counts[col+"\x00>0"]++
			}
		}
	}
	distinct := map[string]int{}
	for k := range counts {
		col, v, _ := strings.Cut(k, "\x00")
		if v != "*" && v != ">0" {
			distinct[col]++
		}
	}
	for _, n := range counts {
		f.add(float64(n))
	}
	for _, n := range distinct {
		f.add(float64(n)) // values other than the pooled "*": codes, factors, coders
	}
	return f
}

func checkReportNumbers(t *testing.T, out, md string) {
	t.Helper()
	var man struct {
		Codebook struct{ Version string }
		Counts   map[string]float64
		Coders   []string
		MinCell  float64 `json:"min_cell"`
		Rejects  []struct {
			Count    float64
			Reason   string
			ReasonNL string `json:"reason_nl"`
		}
		Methods struct {
			Bootstrap float64 `json:"bootstrap_samples"`
			Seed      float64
		}
	}
	b, err := os.ReadFile(filepath.Join(out, "manifest.json"))
	if err != nil {
		t.Fatal(err)
	}
	if err := json.Unmarshal(b, &man); err != nil {
		t.Fatal(err)
	}
	var run reportFacts
	for _, n := range man.Counts {
		run.add(n)
	}
	run.add(float64(len(man.Coders)), man.MinCell, man.Methods.Bootstrap, man.Methods.Seed)
	// The reasons of the rejects are quoted as the readers wrote them (their numbers are
	// the rejected values); their counts are in the manifest.
	var reasons []string
	for _, g := range man.Rejects {
		run.add(g.Count)
		reasons = append(reasons, g.Reason, g.ReasonNL)
	}
	if v, err := strconv.ParseFloat(man.Codebook.Version, 64); err == nil {
		run.add(v)
	}
	var years reportFacts
	for _, y := range regexp.MustCompile(`\((\d{4})\)`).FindAllStringSubmatch(section(md, "## Literatuur", "## References"), -1) {
		v, _ := strconv.ParseFloat(y[1], 64)
		years.add(v)
	}
	// The constants the paragraphs state: 95% intervals; n − 1, H − k + 1 and 2 × k in
	// the formulas; Krippendorff's 0.800 and 0.667 and the effect thresholds 0.06, 0.14,
	// 0.3 and 0.5; the Wilcoxon tests' exact limit, 50 (stats.ExactRankLimit).
	constants := reportFacts{95, 1, 2, 0.8, 0.667, 0.06, 0.14, 0.3, 0.5, 50}

	// Which tables each sentence may draw on, by what it speaks of.
	sources := []struct {
		words  []string
		tables []string
	}{
		{[]string{"codeboek", "codebook"}, []string{"code_frequencies"}},
		{[]string{"codenaam", "codenamen", "code name"}, []string{"unmapped_codes"}},
		{[]string{"niet te gebruiken", "could not be used"}, []string{"rejects"}},
		{[]string{"overeenstemming", "agreement", "Krippendorff"}, []string{"agreement"}},
		{[]string{"Cronbach", "schaalscore", "scale score"}, []string{"reliability", "scales"}},
		{[]string{"vergeleken", "compared", "families", "toets", "test"}, []string{"comparisons"}},
		{[]string{"meting", "wave"}, []string{"wave_comparisons"}},
	}
	quoted := regexp.MustCompile(`‘[^’]*’`)
	numberRe := regexp.MustCompile(`-?\d+(?:[.,]\d+)?`)
	text := section(md, "## Steekproef", "## Sample") + "\n" + section(md, "## Methode", "## Methods")
	checked := 0
	for _, para := range strings.Split(text, "\n") {
		if strings.HasPrefix(para, "|") || strings.HasPrefix(para, "**") {
			continue // the sample table, checked as a table elsewhere
		}
		para = strings.ReplaceAll(para, `\`, "")
		for _, sentence := range splitSentences(para) {
			facts := append(append(append(reportFacts{}, run...), years...), constants...)
			for _, s := range sources {
				for _, w := range s.words {
					if strings.Contains(strings.ToLower(sentence), strings.ToLower(w)) {
						for _, name := range s.tables {
							facts = append(facts, tableFacts(t, out, name)...)
						}
						break
					}
				}
			}
			bare := quoted.ReplaceAllString(sentence, "")
			for _, r := range reasons {
				bare = strings.ReplaceAll(bare, r, "")
			}
			for _, tok := range numberRe.FindAllString(bare, -1) {
				decimals := 0
				if i := strings.IndexAny(tok, ".,"); i >= 0 {
					decimals = len(tok) - i - 1
				}
				x, err := strconv.ParseFloat(strings.Replace(tok, ",", ".", 1), 64)
				if err != nil {
					t.Fatalf("%q: %v", tok, err)
				}
				checked++
				if !facts.holds(x, decimals) {
					t.Errorf("%s: %s is in no table, count or choice of the run behind this sentence:\n%s", filepath.Base(out), tok, sentence)
				}
			}
		}
	}
	if checked < 20 {
		t.Errorf("only %d numbers in the sample and methods paragraphs", checked)
	}
}

// section returns the text under the first of the headings found, up to the next "## ".
func section(md string, headings ...string) string {
	for _, h := range headings {
		i := strings.Index(md, h+"\n")
		if i < 0 {
			continue
		}
		rest := md[i+len(h)+1:]
		if j := strings.Index(rest, "\n## "); j >= 0 {
			rest = rest[:j]
		}
		return rest
	}
	return ""
}

var sentenceEnd = regexp.MustCompile(`\. [A-Z0-9É]`)

// splitSentences splits a paragraph after ". " where the next word starts a sentence,
// keeping decimals and abbreviations together.
func splitSentences(p string) []string {
	var out []string
	for {
		i := sentenceEnd.FindStringIndex(p)
		if i == nil {
			break
		}
		out = append(out, p[:i[0]+1])
		p = p[i[0]+2:]
	}
	return append(out, p)
}

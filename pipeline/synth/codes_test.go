package synth

import (
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"go.yaml.in/yaml/v3"

	"github.com/samenspel/samenspel/codebook"
)

// TestCodeSets checks codebooks of fewer and more codes than the default's: the number
// asked for, on the three factors, every code once, the codebook valid, and every
// sentence of a code found by the auto-coder under that code.
func TestCodeSets(t *testing.T) {
	for _, n := range []int{3, 5, 17, 19, 200} {
		cs := newCodeSet(n)
		if len(cs.all) != n {
			t.Fatalf("codes %d: %d codes", n, len(cs.all))
		}
		seen := map[string]bool{}
		for f := range nScales {
			if len(cs.order[f]) == 0 {
				t.Errorf("codes %d: factor %s has no code", n, scaleIDs[f])
			}
			for _, c := range cs.order[f] {
				if seen[c] || !strings.HasPrefix(c, scaleIDs[f]+".") {
					t.Errorf("codes %d: code %s twice or in factor %s", n, c, scaleIDs[f])
				}
				seen[c] = true
			}
		}
		raw, err := extendedCodebook(4, cs)
		if err != nil {
			t.Fatal(err)
		}
		cb, err := codebook.ParseYAML(raw)
		if err != nil {
			t.Fatalf("codes %d: %v", n, err)
		}
		for _, p := range cb.Validate() {
			t.Errorf("codes %d: the codebook does not validate: %v", n, p)
		}
		var ids []string
		for _, f := range cb.Factors {
			for _, c := range f.Codes {
				ids = append(ids, c.ID)
			}
		}
		if !slices.Equal(ids, cs.all) {
			t.Errorf("codes %d: the codebook holds %v, the interviews speak of %v", n, ids, cs.all)
		}
		ac, err := codebook.NewAutoCoder(cb)
		if err != nil {
			t.Fatal(err)
		}
		for _, code := range cs.all {
			if cs.weight[code] <= 0 || len(cs.phrases[code]) == 0 {
				t.Fatalf("codes %d: %s has no weight or no sentences", n, code)
			}
			for _, s := range cs.phrases[code] {
				text := fillPartner(s, partners[0])
				if !slices.ContainsFunc(ac.Code(text), func(m codebook.Match) bool { return m.Code == code }) {
					t.Errorf("codes %d: %s: the auto-coder does not find it in %q", n, code, text)
				}
			}
		}
	}
	if c := newCodeSet(200); c.variant["kennen.persoonlijk_2"].base != "kennen.persoonlijk" || themeWord(0) != "themaaa" || themeWord(676) != "themaaaa" {
		t.Errorf("variant or theme word naming changed: %+v, %s, %s", c.variant["kennen.persoonlijk_2"], themeWord(0), themeWord(676))
	}
}

// TestManyCodesAndCoders writes a study of 200 codes and 5 coders: every coder codes
// every segment, with codes of the 200, and the codes beyond the default's are used.
func TestManyCodesAndCoders(t *testing.T) {
	c := smallConfig()
	c.Codes, c.Coders, c.Respondents = 200, 5, 0
	dir, sum := writeStudy(t, c)
	if sum.Codes != 200 {
		t.Errorf("summary says %d codes", sum.Codes)
	}
	known := map[string]bool{}
	for _, code := range newCodeSet(200).all {
		known[code] = true
	}
	coders, coded, variants := map[string]bool{}, map[[2]string]bool{}, map[string]bool{}
	for i, row := range readCSV(t, filepath.Join(dir, SegmentsFile))[1:] {
		if row[4] != "" && !known[row[4]] {
			t.Fatalf("row %d: code %q is not in the codebook", i+2, row[4])
		}
		if strings.Contains(row[4], "_") && strings.LastIndex(row[4], "_") > strings.LastIndex(row[4], ".") && !slices.Contains(defaultCodes.all, row[4]) {
			variants[row[4]] = true
		}
		coders[row[5]] = true
		coded[[2]string{row[2], row[5]}] = true
	}
	if len(coders) != 5 || len(coded) != 5*c.Segments {
		t.Errorf("%d coders, %d (segment, coder) pairs; want 5 and %d", len(coders), len(coded), 5*c.Segments)
	}
	if len(variants) < 100 {
		t.Errorf("only %d of the 182 codes beyond the default's were applied in %d segments", len(variants), c.Segments)
	}
}

// TestWaves checks the survey written once per wave: a file per wave, named in study.yaml
// with its wave, each of Respondents respondents with ids of their own.
func TestWaves(t *testing.T) {
	c := smallConfig()
	c.Formats, c.SurveyFormat = []string{"csv"}, "csv"
	c.Respondents, c.Waves = 300, []int{2024, 2025}
	dir, sum := writeStudy(t, c)
	if sum.Surveyed != 600 || !slices.Contains(sum.Files, "survey/survey-2025.csv") {
		t.Fatalf("summary %+v", sum)
	}
	ids := map[string]bool{}
	for _, w := range []string{"2024", "2025"} {
		rows := readCSV(t, filepath.Join(dir, "survey", "survey-"+w+".csv"))
		if len(rows) != 301 {
			t.Fatalf("wave %s: %d rows, want 300 and a header", w, len(rows)-1)
		}
		for _, r := range rows[1:] {
			if !strings.HasPrefix(r[0], "E"+w+"-") || ids[r[0]] {
				t.Fatalf("wave %s: respondent %q", w, r[0])
			}
			ids[r[0]] = true
		}
	}
	raw, err := os.ReadFile(filepath.Join(dir, StudyFile))
	if err != nil {
		t.Fatal(err)
	}
	var s studyFile
	dec := yaml.NewDecoder(bytes.NewReader(raw))
	dec.KnownFields(true)
	if err := dec.Decode(&s); err != nil {
		t.Fatal(err)
	}
	want := []studyInput{{"survey/survey-2024.csv", "generic", 2024}, {"survey/survey-2025.csv", "generic", 2025}}
	if !slices.Equal(s.Survey, want) {
		t.Errorf("study.yaml survey %+v, want %+v", s.Survey, want)
	}
	for name, change := range map[string]func(*Config){
		"wave 1066":          func(c *Config) { c.Waves = []int{1066} },
		"wave 2024: want":    func(c *Config) { c.Waves = []int{2024, 2024} },
		"without respondent": func(c *Config) { c.Respondents = 0 },
		"a wave is one file": func(c *Config) { c.SurveyFiles = 2 },
		"codes 2":            func(c *Config) { c.Codes = 2 },
		"codes 1001":         func(c *Config) { c.Codes = 1001 },
	} {
		c := c
		change(&c)
		if err := c.Validate(); !errors.Is(err, ErrConfig) || !strings.Contains(err.Error(), name) {
			t.Errorf("%s: %v", name, err)
		}
	}
}

package pipeline

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestParseStudyDefaults(t *testing.T) {
	s, err := ParseStudy([]byte("title: T\ncodebook: cb.yaml\ninterviews: [interviews/*.xlsx]\nsurvey:\n  - path: s.csv\n    format: limesurvey\n"))
	if err != nil {
		t.Fatal(err)
	}
	if s.Language != "nl" || s.Privacy.MinCell != 5 || strings.Join(s.Groups, ",") != "role,municipality" {
		t.Errorf("defaults: %+v", s)
	}
	if s.Interviews[0].Path != "interviews/*.xlsx" || s.Survey[0].Format != "limesurvey" {
		t.Errorf("inputs: %+v %+v", s.Interviews, s.Survey)
	}
	if !s.AutocodeEnabled() || s.Autocode.Count != "never" {
		t.Errorf("autocode defaults: %+v", s.Autocode)
	}
	if s.Comparisons.Adjust != "holm" || s.Reliability.Missing != "listwise" || s.Agreement.Bootstrap != 5000 {
		t.Errorf("statistics defaults: %+v %+v %+v", s.Comparisons, s.Reliability, s.Agreement)
	}
}

func TestParseStudyErrorsNameTheKey(t *testing.T) {
	for _, tc := range []struct{ yaml, want string }{
		{"codebook: c.yaml\ninterviews: [a]\ntitel: x\n", `line 3, column 1: unknown key "titel"; did you mean "title"?`},
		{"codebook: c.yaml\ninterviews:\n  - path: a\n    formaat: maxqda\n", `line 4, column 5: unknown key "interviews.formaat"; did you mean "format"?`},
		{"codebook: c.yaml\ninterviews: [a]\nprivacy: {min_cel: 3}\n", `line 3, column 11: unknown key "privacy.min_cel"; did you mean "min_cell"?`},
		{"codebook: c.yaml\ninterviews: [a]\nprivacy:\n  min_cell: -1\n", `line 4, column 13: key privacy.min_cell: -1 must be at least 1`},
		{"codebook: c.yaml\ninterviews: [a]\noutputs: [csv, pdf]\n", `line 3, column 16: key outputs: "pdf" is not one of`},
		{"codebook: c.yaml\ninterviews: [a]\nlanguage: de\n", "key language"},
		{"interviews: [a]\n", "key codebook"},
		{"codebook: c.yaml\n", "no input"},
		{"codebook: c.yaml\ninterviews: [a]\noutputs: [pdf]\n", "key outputs"},
		{"codebook: [\n", "line"},
		{"codebook: c.yaml\ninterviews: [a]\ncomparisons: {adjust: bonferroni}\n", "key comparisons.adjust"},
		{"codebook: c.yaml\ninterviews: [a]\nreliability: {missing: mean}\n", "key reliability.missing"},
		{"codebook: c.yaml\ninterviews: [a]\nagreement: {bootstrap: 50}\n", "key agreement.bootstrap"},
	} {
		_, err := ParseStudy([]byte(tc.yaml))
		if err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("%q: error %v, want it to contain %q", tc.yaml, err, tc.want)
		}
	}
}

func TestLoadStudyMissingFiles(t *testing.T) {
	dir := t.TempDir()
	if _, err := LoadStudy(dir); err == nil || !strings.Contains(err.Error(), "study.yaml") {
		t.Errorf("missing study.yaml: %v", err)
	}
	os.WriteFile(filepath.Join(dir, "study.yaml"), []byte("codebook: cb.yaml\ninterviews: [int/*.xlsx]\n"), 0o644)
	if _, err := LoadStudy(dir); err == nil || !strings.Contains(err.Error(), "cb.yaml") {
		t.Errorf("missing codebook: %v", err)
	}
	os.WriteFile(filepath.Join(dir, "cb.yaml"), []byte("name: x\n"), 0o644)
	if _, err := LoadStudy(dir); err == nil || !strings.Contains(err.Error(), "no file matches int/*.xlsx") {
		t.Errorf("empty glob: %v", err)
	}
}

// Two survey files that both number their responses 1, 2, 3 merge them into one
// respondent each: the summary says so.
func TestSharedSurveyIDsWarn(t *testing.T) {
	dir := t.TempDir()
	os.WriteFile(filepath.Join(dir, "codebook.yaml"), []byte("name: c\nfactors: []\n"), 0o644)
	os.WriteFile(filepath.Join(dir, "study.yaml"), []byte("codebook: codebook.yaml\nsurvey: [a.csv, b.csv]\n"), 0o644)
	for _, f := range []string{"a.csv", "b.csv"} {
		os.WriteFile(filepath.Join(dir, f), []byte("id;gemeente\n1;Bergdorp\n2;Zeeveen\n3;Bergdorp\n"), 0o644)
	}
	s, err := LoadStudy(dir)
	if err != nil {
		t.Fatal(err)
	}
	out, err := Execute(s, "test")
	if err != nil {
		t.Fatal(err)
	}
	if len(out.Summary.Warnings) != 1 || !strings.Contains(out.Summary.Warnings[0], "3 respondent id(s) occur in both a.csv and b.csv") {
		t.Errorf("warnings: %q", out.Summary.Warnings)
	}
}

// An unknown key in the study.yaml that `analyse init` writes is reported at its line as
// written: 0.1 re-encoded the YAML before checking keys and named line 32 for line 42.
func TestStudyErrorLineInInitTemplate(t *testing.T) {
	lines := strings.Split(strings.TrimRight(studyTemplate, "\n"), "\n")
	data := studyTemplate + "privacy_extra: x\n"
	_, err := ParseStudy([]byte(data))
	want := fmt.Sprintf("line %d, column 1: unknown key \"privacy_extra\"", len(lines)+1)
	if err == nil || !strings.Contains(err.Error(), want) || !errors.Is(err, ErrStudy) {
		t.Errorf("error %v, want it to contain %q and wrap ErrStudy", err, want)
	}
	// A key nested in the template's privacy mapping.
	nested := strings.Replace(studyTemplate, "  min_cell:", "  min_cel:", 1)
	_, err = ParseStudy([]byte(nested))
	for i, l := range lines {
		if strings.HasPrefix(l, "  min_cell:") {
			want = fmt.Sprintf("line %d, column 3: unknown key \"privacy.min_cel\"", i+1)
		}
	}
	if err == nil || !strings.Contains(err.Error(), want) {
		t.Errorf("error %v, want it to contain %q", err, want)
	}
}

package pipeline

import (
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
}

func TestParseStudyErrorsNameTheKey(t *testing.T) {
	for _, tc := range []struct{ yaml, want string }{
		{"codebook: c.yaml\ninterviews: [a]\ntitel: x\n", `line 3: unknown key "titel"`},
		{"codebook: c.yaml\ninterviews:\n  - path: a\n    formaat: maxqda\n", `line 4: unknown key "formaat"`},
		{"codebook: c.yaml\ninterviews: [a]\nprivacy: {min_cel: 3}\n", `unknown key "min_cel"`},
		{"codebook: c.yaml\ninterviews: [a]\nlanguage: de\n", "key language"},
		{"interviews: [a]\n", "key codebook"},
		{"codebook: c.yaml\n", "no input"},
		{"codebook: c.yaml\ninterviews: [a]\noutputs: [pdf]\n", "key outputs"},
		{"codebook: [\n", "line"},
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

package pipeline

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/samenspel/samenspel/pipeline/model"
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

// Every error of study.yaml's settings reads in Dutch where the command line speaks Dutch:
// not one English word of the frame ("line", "key", "did you mean") or of the message.
func TestParseStudyErrorsInDutch(t *testing.T) {
	english := []string{"line ", "column ", "key ", "did you mean", " is not ", " must ", "missing (", "names no", "too few", "cannot be", "between"}
	for _, tc := range []struct{ yaml, want string }{
		{"codebook: c.yaml\ninterviews: [a]\ntitel: x\n", `regel 3, kolom 1: onbekende sleutel "titel"; bedoel je "title"?`},
		{"codebook: c.yaml\ninterviews: [a]\nprivacy:\n  min_cell: -1\n", `regel 4, kolom 13: sleutel privacy.min_cell: -1 moet minstens 1 zijn`},
		{"codebook: c.yaml\ninterviews: [a]\noutputs: [csv, pdf]\n", `regel 3, kolom 16: sleutel outputs: "pdf" is niet een van`},
		{"codebook: c.yaml\ninterviews: [a]\nlanguage: de\n", `sleutel language: "de" is niet nl of en`},
		{"interviews: [a]\n", "sleutel codebook: ontbreekt"},
		{"codebook: c.yaml\n", "geen invoer"},
		{"codebook: c.yaml\ninterviews: [a]\ngroups: [all]\n", "kan geen groepering zijn"},
		{"codebook: c.yaml\ninterviews: [a]\nprivacy: {small_groups: hide}\n", "is niet pool of suppress"},
		{"codebook: c.yaml\ninterviews: [a]\nautocode: {count: often}\n", "is niet never, uncoded of always"},
		{"codebook: c.yaml\ninterviews: [a]\nautocode: {learn_min_f1: 60}\n", "60 moet tussen 0 en 1 liggen"},
		{"codebook: c.yaml\ninterviews: [a]\nrejects: {max_share: 5}\n", "5 moet tussen 0 en 1 liggen"},
		{"codebook: c.yaml\ninterviews: [a]\ncomparisons: {adjust: bonferroni}\n", "is niet holm, bh of none"},
		{"codebook: c.yaml\ninterviews: [a]\nreliability: {missing: mean}\n", "is niet listwise of pairwise"},
		{"codebook: c.yaml\ninterviews: [a]\nagreement: {bootstrap: 50}\n", "50 trekkingen zijn te weinig"},
		{"codebook: c.yaml\ninterviews: [a]\nfigures: {dpi: 20}\n", "20 ligt niet tussen 72 en 1200"},
		{"codebook: c.yaml\ninterviews: [a]\nprivacy: {coders: hide}\n", `regel 3, kolom 19: sleutel privacy.coders: "hide" is niet keep of pseudonymise`},
		{"codebook: c.yaml\ninterviews: [a]\nfigures: {include: [partner]}\n", `"partner" is geen figuur; bedoel je "partners"?`},
		{"codebook: c.yaml\ninterviews: [a]\nfigures: {width: huge}\n", `regel 3: sleutel figures.width: "huge" is geen kolom, pagina of breedte tussen 5 en 30 cm`},
	} {
		_, err := ParseStudy([]byte(tc.yaml))
		if err == nil {
			t.Errorf("%q: no error", tc.yaml)
			continue
		}
		nl := model.Dutch(err)
		if !strings.Contains(nl, tc.want) {
			t.Errorf("%q: Dutch error %q, want it to contain %q", tc.yaml, nl, tc.want)
		}
		for _, w := range english {
			if strings.Contains(nl, w) {
				t.Errorf("%q: Dutch error %q holds the English %q", tc.yaml, nl, w)
			}
		}
		if nl == err.Error() {
			t.Errorf("%q: the Dutch error is the English one: %q", tc.yaml, nl)
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
	// Other rows under the same ids (the same rows are the same responses:
	// survey_overlap.go).
	os.WriteFile(filepath.Join(dir, "a.csv"), []byte("id;gemeente\n1;Bergdorp\n2;Zeeveen\n3;Bergdorp\n"), 0o644)
	os.WriteFile(filepath.Join(dir, "b.csv"), []byte("id;gemeente\n1;Zeeveen\n2;Bergdorp\n3;Zeeveen\n"), 0o644)
	s, err := LoadStudy(dir)
	if err != nil {
		t.Fatal(err)
	}
	out, err := Execute(s, "test")
	if err != nil {
		t.Fatal(err)
	}
	if len(out.Summary.Warnings) == 0 || !strings.Contains(out.Summary.Warnings[0].Error(), "3 respondent id(s) occur in both a.csv and b.csv") {
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

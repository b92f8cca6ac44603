package main

// The joint display and the pages per municipality, end to end: on the example study
// (checkJointDisplay, run from TestExampleStudyEndToEnd) and on a study with a small
// municipality.

import (
	"archive/zip"
	"bytes"
	"encoding/json"
	"io"
	"math"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/samenspel/samenspel/codebook"
)

// checkJointDisplay checks the example's joint display: a row per factor for all
// respondents and per municipality that both sources cover, survey cells equal to the
// table scales, interview counts derived here from the coded workbook, the
// meta-inference recomputed by its rule, the figure, and a section in every report.
func checkJointDisplay(t *testing.T, out string, cb *codebook.Codebook) {
	rows := readCSV(t, filepath.Join(out, "tables", "joint_display.csv"))
	// The factors with a scale: the fourth factor has none, and the example's coders do
	// not name it, so it has no row.
	scaled := map[string]bool{}
	for _, s := range cb.Scales {
		scaled[s.Factor] = true
	}
	if len(rows) != len(scaled)*4 {
		t.Errorf("%d rows, want %d factors x (all + 3 municipalities interviewed and surveyed)", len(rows), len(scaled))
	}
	scales := map[string]map[string]string{}
	for _, r := range readCSV(t, filepath.Join(out, "tables", "scales.csv")) {
		scales[r["scale"]+"/"+r["group"]] = r
	}
	// Who names each factor as a facilitator and as a barrier, from the workbook: the
	// example has one coder of every segment (see the code frequencies subtest).
	named := map[string]map[string]bool{}
	all := map[string]bool{}
	coded := sheetRows(t, filepath.Join(example, "interviews", "codering.xlsx"))
	segments := map[string]map[string]bool{}
	first := ""
	for _, r := range coded {
		if segments[r["Codeur"]] == nil {
			segments[r["Codeur"]] = map[string]bool{}
		}
		segments[r["Codeur"]][r["Segment"]] = true
		if first == "" || len(segments[r["Codeur"]]) > len(segments[first]) {
			first = r["Codeur"]
		}
	}
	for _, r := range coded {
		if strings.TrimSpace(r["Tekst"]) == "" || r["Codeur"] != first {
			continue
		}
		all[r["Respondent"]] = true
		for _, name := range strings.FieldsFunc(r["Code"], func(c rune) bool { return c == ';' || c == '\n' }) {
			id, ok := cb.Resolve(name)
			if !ok {
				continue
			}
			c, _ := cb.Code(id)
			k := c.Factor + "/" + string(c.Valence)
			if named[k] == nil {
				named[k] = map[string]bool{}
			}
			named[k][r["Respondent"]] = true
		}
	}
	seen := map[string]bool{}
	for _, r := range rows {
		seen[r["group"]] = true
		s, ok := scales[r["scale"]+"/"+r["group"]]
		if !ok {
			t.Errorf("%s %s: no scales row", r["factor"], r["group"])
			continue
		}
		for _, c := range []string{"n", "mean", "ci_low", "ci_high", "pct_agree"} {
			if r[c] != s[c] {
				t.Errorf("%s %s: %s %q, scales says %q", r["factor"], r["group"], c, r[c], s[c])
			}
		}
		if r["group_by"] == "all" {
			nf, nb := len(named[r["factor"]+"/facilitator"]), len(named[r["factor"]+"/barrier"])
			if r["group_respondents"] != strconv.Itoa(len(all)) || r["facilitator_respondents"] != strconv.Itoa(nf) || r["barrier_respondents"] != strconv.Itoa(nb) {
				t.Errorf("%s all: %s / %s of %s, want %d / %d of %d", r["factor"], r["facilitator_respondents"], r["barrier_respondents"], r["group_respondents"], nf, nb, len(all))
			}
			share, _ := strconv.ParseFloat(r["facilitator_share"], 64)
			if math.Abs(share-float64(nf)/float64(len(all))) > 1e-12 {
				t.Errorf("%s: facilitator_share %s", r["factor"], r["facilitator_share"])
			}
			if r["facilitator_quote"] == "" || r["barrier_quote"] == "" || r["facilitator_quote_by"] == "" {
				t.Errorf("%s all: no quotes: %v", r["factor"], r)
			}
			// The rule: survey positive at pct_agree >= 0.5, interviews when facilitators
			// outnumber barriers; convergent when they agree.
			p, _ := strconv.ParseFloat(r["pct_agree"], 64)
			want := "divergent"
			if (p >= 0.5) == (nf > nb) {
				want = "convergent"
			}
			if r["meta_inference"] != want {
				t.Errorf("%s all: meta_inference %q, want %q", r["factor"], r["meta_inference"], want)
			}
		} else {
			// The example's interviews are not counted per municipality (a role x
			// municipality cell is small): only the survey is shown there.
			if r["group_respondents"] != "" || r["facilitator_quote"] != "" || r["meta_inference"] != "one source only" {
				t.Errorf("%s %s: interview cells per municipality in the example: %v", r["factor"], r["group"], r)
			}
		}
	}
	for _, g := range []string{"all", "Bergdorp", "Lindewaard", "Zeeveen"} {
		if !seen[g] {
			t.Errorf("no rows for %s", g)
		}
	}
	for _, f := range []string{"figures/joint_display.png", "figures/joint_display.svg"} {
		if _, err := os.Stat(filepath.Join(out, f)); err != nil {
			t.Errorf("missing %s", f)
		}
	}
	html, _ := os.ReadFile(filepath.Join(out, "report.html"))
	md, _ := os.ReadFile(filepath.Join(out, "report.md"))
	doc := docxText(t, filepath.Join(out, "report.docx"))
	for name, text := range map[string]string{"report.html": string(html), "report.md": string(md), "report.docx": doc} {
		if !strings.Contains(text, "Gezamenlijke weergave van enquête en interviews") || !strings.Contains(text, "Guetterman") {
			t.Errorf("%s has no joint display section citing Guetterman et al.", name)
		}
	}
	if !strings.Contains(string(html), `id="joint-display"`) || !strings.Contains(string(html), `id="fig-joint_display"`) {
		t.Error("report.html lacks the joint display section or figure")
	}
}

// docxText returns the text of word/document.xml.
func docxText(t *testing.T, path string) string {
	t.Helper()
	zr, err := zip.OpenReader(path)
	if err != nil {
		t.Fatal(err)
	}
	defer zr.Close()
	for _, f := range zr.File {
		if f.Name == "word/document.xml" {
			rc, err := f.Open()
			if err != nil {
				t.Fatal(err)
			}
			b, _ := io.ReadAll(rc)
			rc.Close()
			return string(b)
		}
	}
	t.Fatal("no word/document.xml")
	return ""
}

// A page per shown municipality, and none for the small one or the one hidden or pooled
// with it; the manifest lists every page; report.docx has a section per page; the
// attacker recovers nothing from the output folder.
func TestMunicipalityPages(t *testing.T) {
	study := copyCase(t, "../../testdata/cases/privacy/joint_small_municipality")
	out := filepath.Join(t.TempDir(), "out")
	var stdout, stderr bytes.Buffer
	// report.docx too: the case itself writes csv, html and the pages.
	yaml, _ := os.ReadFile(filepath.Join(study, "study.yaml"))
	os.WriteFile(filepath.Join(study, "study.yaml"), bytes.Replace(yaml, []byte("outputs: [csv, html, municipalities]"), []byte("outputs: [csv, html, docx, municipalities]"), 1), 0o644)
	if code := run([]string{"run", study, "-o", out, "-quiet"}, &stdout, &stderr); code != 0 {
		t.Fatalf("exit %d: %s", code, stderr.String())
	}
	pages, _ := filepath.Glob(filepath.Join(out, "municipalities", "*.html"))
	var names []string
	for _, p := range pages {
		names = append(names, filepath.Base(p))
	}
	if strings.Join(names, " ") != "bergdorp.html duinwijk.html" {
		t.Errorf("pages %v, want bergdorp.html duinwijk.html (Citadel is small, Aardam pooled with it)", names)
	}
	var m struct {
		Outputs []struct{ Path string } `json:"outputs"`
	}
	b, _ := os.ReadFile(filepath.Join(out, "manifest.json"))
	if err := json.Unmarshal(b, &m); err != nil {
		t.Fatal(err)
	}
	listed := map[string]bool{}
	for _, o := range m.Outputs {
		listed[o.Path] = true
	}
	for _, n := range names {
		if !listed["municipalities/"+n] {
			t.Errorf("manifest does not list municipalities/%s", n)
		}
	}
	for _, p := range pages {
		b, _ := os.ReadFile(p)
		s := string(b)
		for _, small := range []string{"Citadel", "Aardam"} {
			if strings.Contains(s, small) {
				t.Errorf("%s names %s", filepath.Base(p), small)
			}
		}
		for _, want := range []string{"@media print", "<svg", "1 van 2", "Paren van de gouden combinatie"} {
			if !strings.Contains(s, want) {
				t.Errorf("%s lacks %q", filepath.Base(p), want)
			}
		}
	}
	doc := docxText(t, filepath.Join(out, "report.docx"))
	if !strings.Contains(doc, "Per gemeente") || !strings.Contains(doc, "Gemeente Bergdorp") || strings.Contains(doc, "Gemeente Citadel") {
		t.Error("report.docx lacks the section per municipality, or has one for Citadel")
	}
	stdout.Reset()
	if code := run([]string{"check", "-disclosure", out}, &stdout, &stderr); code != 0 || !strings.Contains(stdout.String(), ": 0 recoverable") {
		t.Errorf("analyse check -disclosure: exit %d\n%s", code, stdout.String())
	}
	// A second run into the same folder: the pages are the manifest's own outputs.
	if code := run([]string{"run", study, "-o", out, "-quiet"}, &stdout, &stderr); code != 0 {
		t.Errorf("second run refused: %s", stderr.String())
	}
}

// copyCase copies a case folder to a temporary study folder, pointing its codebook at
// the bundled one.
func copyCase(t *testing.T, dir string) string {
	t.Helper()
	dst := t.TempDir()
	err := filepath.Walk(dir, func(p string, info os.FileInfo, err error) error {
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(dir, p)
		if info.IsDir() {
			return os.MkdirAll(filepath.Join(dst, rel), 0o755)
		}
		b, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		return os.WriteFile(filepath.Join(dst, rel), b, 0o644)
	})
	if err != nil {
		t.Fatal(err)
	}
	cb, _ := filepath.Abs("../../data/codebooks/samenwerking.yaml")
	yaml, _ := os.ReadFile(filepath.Join(dst, "study.yaml"))
	yaml = bytes.Replace(yaml, []byte("../../../../data/codebooks/samenwerking.yaml"), []byte(cb), 1)
	if err := os.WriteFile(filepath.Join(dst, "study.yaml"), yaml, 0o644); err != nil {
		t.Fatal(err)
	}
	return dst
}

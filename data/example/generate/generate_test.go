package main

import (
	"bytes"
	"encoding/csv"
	"math"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"testing"

	"github.com/samenspel/samenspel/codebook"
	"github.com/xuri/excelize/v2"
)

const exampleDir = ".." // data/example, seen from this package

// TestRegenerateMatchesCommitted regenerates the study into a temporary folder and
// compares it with the committed files: the survey byte for byte, the workbooks cell by
// cell.
func TestRegenerateMatchesCommitted(t *testing.T) {
	dir := t.TempDir()
	if err := generate(dir); err != nil {
		t.Fatal(err)
	}
	for _, name := range []string{"enquete.csv", "enquete_2025.csv"} {
		got, err := os.ReadFile(filepath.Join(dir, "enquete", name))
		if err != nil {
			t.Fatal(err)
		}
		want, err := os.ReadFile(filepath.Join(exampleDir, "enquete", name))
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(got, want) {
			t.Errorf("enquete/%s differs from a fresh run; run `go run ./data/example/generate` and commit", name)
		}
	}
	for _, wb := range []struct{ path, sheet string }{
		{filepath.Join("interviews", "codering.xlsx"), "Codering"},
		{"respondenten.xlsx", "Respondenten"},
	} {
		g := sheetRows(t, filepath.Join(dir, wb.path), wb.sheet)
		w := sheetRows(t, filepath.Join(exampleDir, wb.path), wb.sheet)
		if !reflect.DeepEqual(g, w) {
			t.Errorf("%s differs from a fresh run; run `go run ./data/example/generate` and commit", wb.path)
		}
	}
}

// TestGenerateIsDeterministic runs the generator twice and expects the same bytes in
// every file.
func TestGenerateIsDeterministic(t *testing.T) {
	a, b := t.TempDir(), t.TempDir()
	for _, d := range []string{a, b} {
		if err := generate(d); err != nil {
			t.Fatal(err)
		}
	}
	for _, p := range []string{"enquete/enquete.csv", "enquete/enquete_2025.csv", "interviews/codering.xlsx", "respondenten.xlsx"} {
		x, _ := os.ReadFile(filepath.Join(a, p))
		y, _ := os.ReadFile(filepath.Join(b, p))
		if len(x) == 0 || !bytes.Equal(x, y) {
			t.Errorf("%s: two runs differ", p)
		}
	}
}

func sheetRows(t *testing.T, path, sheet string) [][]string {
	t.Helper()
	f, err := excelize.OpenFile(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if got := f.GetSheetList(); !slices.Equal(got, []string{sheet}) {
		t.Fatalf("%s: sheets %v, want [%s]", path, got, sheet)
	}
	rows, err := f.GetRows(sheet)
	if err != nil {
		t.Fatal(err)
	}
	return rows
}

func loadCodebook(t *testing.T) *codebook.Codebook {
	t.Helper()
	cb, err := codebook.Load(filepath.Join("..", "..", "codebooks", "samenwerking.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	return cb
}

// TestInterviewDesign checks the interview material against the study design.
func TestInterviewDesign(t *testing.T) {
	st, err := loadInterviews()
	if err != nil {
		t.Fatal(err)
	}
	cb := loadCodebook(t)
	roles := map[string]int{}
	munis := map[string]int{}
	texts := map[string]string{}
	uncoded, doubled := 0, 0
	for _, r := range st.Respondents {
		role, ok := cb.Role(r.Role)
		if !ok {
			t.Errorf("%s: role %q not in the codebook", r.ID, r.Role)
		}
		roles[role.ID]++
		munis[r.Municipality]++
		if r.DoubleCoded {
			doubled++
		}
		if n := len(r.Segments); n < 8 || n > 15 {
			t.Errorf("%s: %d segments, want 8 to 15", r.ID, n)
		}
		for i, s := range r.Segments {
			text := strings.TrimSpace(s.Text)
			if prev, dup := texts[text]; dup {
				t.Errorf("%s segment %d repeats %s", r.ID, i+1, prev)
			}
			texts[text] = r.ID
			if len(s.Codes) == 0 {
				uncoded++
			}
			if s.Second != nil && !r.DoubleCoded {
				t.Errorf("%s segment %d: second coder's codes in an interview that is not double-coded", r.ID, i+1)
			}
		}
	}
	if want := map[string]int{"jongerenwerker": 10, "jeugdzorgprofessional": 8, "jongere": 7}; !reflect.DeepEqual(roles, want) {
		t.Errorf("roles %v, want %v", roles, want)
	}
	if len(munis) != 3 {
		t.Errorf("municipalities %v, want 3", munis)
	}
	for m, n := range munis {
		if n < 5 {
			t.Errorf("%s has %d interviewees, want at least 5", m, n)
		}
	}
	if len(texts) < 200 {
		t.Errorf("%d distinct segments, want at least 200", len(texts))
	}
	if uncoded < 10 {
		t.Errorf("%d segments without a code, want some", uncoded)
	}
	if doubled != 10 {
		t.Errorf("%d double-coded interviews, want 10", doubled)
	}
	t.Logf("%d respondents, %d segments, %d without a code by the first coder", len(st.Respondents), len(texts), uncoded)
}

// TestCodesAndAgreement checks that every code name resolves except the deliberate
// unmapped ones, that some rows use a coding tool's path, and that the two coders agree
// on roughly four in five code decisions.
func TestCodesAndAgreement(t *testing.T) {
	st, err := loadInterviews()
	if err != nil {
		t.Fatal(err)
	}
	cb := loadCodebook(t)
	unmapped, paths := 0, 0
	resolve := func(id string, names []string) map[string]bool {
		set := map[string]bool{}
		for _, n := range names {
			c, ok := cb.Resolve(n)
			switch {
			case !ok && strings.HasPrefix(n, "Overig > "):
				unmapped++
				set[n] = true
			case !ok:
				t.Errorf("%s: code %q unknown to the codebook", id, n)
			default:
				if c != n {
					paths++
				}
				set[c] = true
			}
		}
		return set
	}
	both, either := 0, 0
	for _, r := range st.Respondents {
		for i, s := range r.Segments {
			first := resolve(r.ID, s.Codes)
			if !r.DoubleCoded {
				continue
			}
			second := resolve(r.ID, s.SecondCodes())
			_ = i
			for c := range first {
				either++
				if second[c] {
					both++
				}
			}
			for c := range second {
				if !first[c] {
					either++
				}
			}
		}
	}
	if unmapped < 2 || unmapped > 4 {
		t.Errorf("%d rows with an unmapped code name, want 2 or 3", unmapped)
	}
	if paths < 3 {
		t.Errorf("%d rows with a code path, want a few", paths)
	}
	agree := float64(both) / float64(either)
	if agree < 0.7 || agree > 0.9 {
		t.Errorf("coders agree on %.2f of code decisions, want about 0.8", agree)
	}
	t.Logf("agreement %d/%d = %.3f; %d unmapped rows, %d path rows", both, either, agree, unmapped, paths)
}

// TestPrivacyDetails checks that the text carries the details the privacy stage must
// redact: the young people's names listed in interviews.yaml, phone numbers and an
// e-mail address.
func TestPrivacyDetails(t *testing.T) {
	st, err := loadInterviews()
	if err != nil {
		t.Fatal(err)
	}
	var all strings.Builder
	for _, r := range st.Respondents {
		for _, s := range r.Segments {
			all.WriteString(s.Text + "\n")
		}
	}
	text := all.String()
	for _, name := range []string{"Dylan", "Rayan", "Jesse", "Shanice", "Noa", "Tess", "Sem", "Kenzo"} {
		if !strings.Contains(text, name) {
			t.Errorf("name %s does not occur in the text", name)
		}
	}
	for _, detail := range []string{"06-48213957", "06-27419583", "bas.willems@jongerenwerkzeeveen.nl"} {
		if !strings.Contains(text, detail) {
			t.Errorf("%s does not occur in the text", detail)
		}
	}
}

func readSurvey(t *testing.T) [][]string {
	t.Helper()
	data, err := os.ReadFile(filepath.Join(exampleDir, "enquete", "enquete.csv"))
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.HasPrefix(data, []byte("\ufeff")) {
		t.Error("survey lacks the UTF-8 byte order mark")
	}
	if bytes.Count(data, []byte("\n")) != bytes.Count(data, []byte("\r\n")) {
		t.Error("survey has line ends other than CRLF")
	}
	r := csv.NewReader(bytes.NewReader(bytes.TrimPrefix(data, []byte("\ufeff"))))
	r.Comma = ';'
	rows, err := r.ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	return rows
}

// TestSurveyDesign checks the survey file against the study design: 300 respondents in 8
// municipalities, one with 4, every answer a label of the codebook's scale, "Weet niet",
// or blank, and a remark for about a third.
func TestSurveyDesign(t *testing.T) {
	rows := readSurvey(t)
	if !slices.Equal(rows[0], surveyHeaders) {
		t.Fatalf("header %v", rows[0])
	}
	cb := loadCodebook(t)
	munis := map[string]int{}
	seen := map[string]bool{}
	remarks, dontKnows, blanks := 0, 0, 0
	for _, row := range rows[1:] {
		munis[row[1]]++
		if _, ok := cb.Role(row[2]); !ok {
			t.Errorf("%s: role %q not in the codebook", row[0], row[2])
		}
		for k, a := range row[3:15] {
			_, scale, _ := cb.Item(rows[0][3+k])
			switch {
			case a == "":
				blanks++
			case a == dontKnow:
				dontKnows++
			default:
				if _, missing, ok := scale.Value(a); !ok || missing {
					t.Errorf("%s %s: %q not a scale answer", row[0], rows[0][3+k], a)
				}
			}
		}
		if row[15] != "" {
			remarks++
			if seen[row[15]] {
				t.Errorf("%s: remark %q given twice", row[0], row[15])
			}
			seen[row[15]] = true
		}
	}
	if n := len(rows) - 1; n != 300 {
		t.Errorf("%d respondents, want 300", n)
	}
	if len(munis) != 8 || munis["Heidekamp"] != 4 {
		t.Errorf("municipalities %v", munis)
	}
	if share := float64(remarks) / 300; share < 0.25 || share > 0.4 {
		t.Errorf("remarks for %.2f of respondents, want about a third", share)
	}
	if dontKnows < 20 || blanks < 20 {
		t.Errorf("%d Weet niet and %d blanks, want some of each", dontKnows, blanks)
	}
	t.Logf("%d remarks, %d Weet niet, %d blank answers", remarks, dontKnows, blanks)
}

// surveyScores returns per respondent the item values after reversal (NaN where not
// answered) and the respondent's municipality.
func surveyScores(t *testing.T) ([][]float64, []string) {
	rows := readSurvey(t)
	cb := loadCodebook(t)
	var values [][]float64
	var munis []string
	for _, row := range rows[1:] {
		v := make([]float64, 12)
		for k := range v {
			it, scale, _ := cb.Item(rows[0][3+k])
			x, missing, ok := scale.Value(row[3+k])
			switch {
			case !ok || missing:
				v[k] = math.NaN()
			case it.Reverse:
				v[k] = scale.Reversed(x)
			default:
				v[k] = x
			}
		}
		values = append(values, v)
		munis = append(munis, row[1])
	}
	return values, munis
}

// TestSurveyStructure checks that the simulated answers behave like a real scale: each
// reversed item correlates positively with the rest of its scale after reversal,
// Cronbach's alpha is in the range of published collaboration scales (0.7 to 0.9), and
// the built-in municipality differences show.
func TestSurveyStructure(t *testing.T) {
	values, munis := surveyScores(t)
	// Listwise n and raw alpha of the committed survey from R 4.2 psych::alpha on the
	// answers after reversal ("Weet niet" and blank as NA, na.omit), e.g. for kennen:
	//   psych::alpha(na.omit(d[, c("K1","K2","K3","K4")]))$total$raw_alpha  # 0.8116, n 265
	rAlpha := []struct {
		n     int
		alpha float64
	}{{265, 0.8116}, {264, 0.8533}, {249, 0.8470}}
	for s, name := range []string{"kennen", "bereiken", "informeren"} {
		// Listwise: respondents who answered all four items.
		var complete [][]float64
		for _, v := range values {
			items := v[4*s : 4*s+4]
			if !slices.ContainsFunc(items, math.IsNaN) {
				complete = append(complete, items)
			}
		}
		alpha := cronbach(complete)
		if alpha < 0.7 || alpha > 0.9 {
			t.Errorf("%s: alpha %.3f, want 0.7 to 0.9", name, alpha)
		}
		if len(complete) != rAlpha[s].n || math.Abs(alpha-rAlpha[s].alpha) > 5e-5 {
			t.Errorf("%s: n %d alpha %.4f, R gives n %d alpha %.4f", name, len(complete), alpha, rAlpha[s].n, rAlpha[s].alpha)
		}
		for k := range 4 {
			if r := restCorrelation(complete, k); r < 0.3 {
				t.Errorf("%s item %d: corrected item-total r %.2f", name, k+1, r)
			}
		}
		t.Logf("%s: n=%d alpha=%.3f", name, len(complete), alpha)
	}
	mean := func(muni string, s int) float64 {
		sum, n := 0.0, 0
		for i, v := range values {
			if munis[i] != muni && muni != "" {
				continue
			}
			for _, x := range v[4*s : 4*s+4] {
				if !math.IsNaN(x) {
					sum += x
					n++
				}
			}
		}
		return sum / float64(n)
	}
	if b, all := mean("Bergdorp", 1), mean("", 1); b-all < 0.3 {
		t.Errorf("Bergdorp bereiken %.2f, overall %.2f: want clearly better", b, all)
	}
	if z, all := mean("Zeeveen", 2), mean("", 2); all-z < 0.3 {
		t.Errorf("Zeeveen informeren %.2f, overall %.2f: want clearly worse", z, all)
	}
}

// cronbach is alpha = k/(k-1) (1 - sum var_i / var_total) with sample variances.
func cronbach(rows [][]float64) float64 {
	k := len(rows[0])
	var sumVar float64
	totals := make([]float64, len(rows))
	for j := range k {
		col := make([]float64, len(rows))
		for i, r := range rows {
			col[i] = r[j]
			totals[i] += r[j]
		}
		sumVar += variance(col)
	}
	return float64(k) / float64(k-1) * (1 - sumVar/variance(totals))
}

func restCorrelation(rows [][]float64, k int) float64 {
	x := make([]float64, len(rows))
	y := make([]float64, len(rows))
	for i, r := range rows {
		x[i] = r[k]
		for j, v := range r {
			if j != k {
				y[i] += v
			}
		}
	}
	mx, my := meanOf(x), meanOf(y)
	var sxy, sxx, syy float64
	for i := range x {
		sxy += (x[i] - mx) * (y[i] - my)
		sxx += (x[i] - mx) * (x[i] - mx)
		syy += (y[i] - my) * (y[i] - my)
	}
	return sxy / math.Sqrt(sxx*syy)
}

func meanOf(x []float64) float64 {
	s := 0.0
	for _, v := range x {
		s += v
	}
	return s / float64(len(x))
}

func variance(x []float64) float64 {
	m, s := meanOf(x), 0.0
	for _, v := range x {
		s += (v - m) * (v - m)
	}
	return s / float64(len(x)-1)
}

package synth

import (
	"bytes"
	"encoding/csv"
	"errors"
	"math"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"
	"go.yaml.in/yaml/v3"

	"github.com/samenspel/samenspel/codebook"
	"github.com/samenspel/samenspel/data"
)

func smallConfig() Config {
	c := DefaultConfig()
	c.Municipalities, c.Respondents, c.Items, c.Segments = 12, 800, 6, 2000
	c.Formats, c.SurveyFormat = []string{"xlsx", "csv"}, "csv"
	return c
}

func writeStudy(t *testing.T, c Config) (string, Summary) {
	t.Helper()
	dir := t.TempDir()
	sum, err := Write(dir, c, Progress{})
	if err != nil {
		t.Fatal(err)
	}
	return dir, sum
}

func readCSV(t *testing.T, path string) [][]string {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	rows, err := csv.NewReader(f).ReadAll()
	if err != nil {
		t.Fatalf("%s: %v", path, err)
	}
	return rows
}

func TestSameSeedSameBytes(t *testing.T) {
	c := smallConfig()
	a, sum := writeStudy(t, c)
	b, _ := writeStudy(t, c)
	for _, f := range sum.Files {
		x, err := os.ReadFile(filepath.Join(a, f))
		if err != nil {
			t.Fatal(err)
		}
		y, err := os.ReadFile(filepath.Join(b, f))
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(x, y) {
			t.Errorf("%s differs between two runs with seed %d", f, c.Seed)
		}
	}
	c.Seed++
	d, _ := writeStudy(t, c)
	x, _ := os.ReadFile(filepath.Join(a, "survey/survey.csv"))
	y, _ := os.ReadFile(filepath.Join(d, "survey/survey.csv"))
	if bytes.Equal(x, y) {
		t.Error("another seed wrote the same survey")
	}
}

func TestFilesHoldWhatWasAsked(t *testing.T) {
	c := smallConfig()
	dir, sum := writeStudy(t, c)
	want := []string{"codebook.yaml", "interviews/segments.csv", "respondents.csv", "study.yaml", "survey/survey.csv", "survey/survey.xlsx"}
	if !slices.Equal(sum.Files, want) {
		t.Errorf("files %v, want %v", sum.Files, want)
	}

	people := readCSV(t, filepath.Join(dir, RespondentsFile))
	if got := len(people) - 1; got != c.interviewees() || got != sum.Interviewees {
		t.Errorf("respondents.csv has %d interviewees, want %d", got, c.interviewees())
	}
	if !slices.Equal(people[0], []string{"Respondent", "Gemeente", "Functie"}) {
		t.Errorf("respondents header %v", people[0])
	}

	segs := readCSV(t, filepath.Join(dir, SegmentsFile))
	if !slices.Equal(segs[0], []string{"Respondent", "Document", "Segment", "Tekst", "Code", "Codeur", "Gemeente", "Functie"}) {
		t.Errorf("segments header %v", segs[0])
	}
	known := map[string]bool{}
	for _, f := range codeOrder {
		for _, code := range f {
			known[code] = true
		}
	}
	segments := map[string]bool{}
	coded := map[[2]string]bool{}
	for i, row := range segs[1:] {
		segments[row[2]] = true
		coded[[2]string{row[2], row[5]}] = true
		if row[4] != "" && !known[row[4]] {
			t.Fatalf("segments row %d: code %q is not in the default codebook", i+2, row[4])
		}
		if strings.TrimSpace(row[3]) == "" {
			t.Fatalf("segments row %d: empty text", i+2)
		}
	}
	if len(segments) != c.Segments {
		t.Errorf("%d distinct segments, want %d", len(segments), c.Segments)
	}
	if len(coded) != c.Segments*c.Coders {
		t.Errorf("%d (segment, coder) pairs, want %d: every coder codes every segment", len(coded), c.Segments*c.Coders)
	}

	survey := readCSV(t, filepath.Join(dir, "survey/survey.csv"))
	if len(survey) != c.Respondents+1 || len(survey[0]) != 3+3*c.Items {
		t.Fatalf("survey.csv is %d × %d, want %d × %d", len(survey), len(survey[0]), c.Respondents+1, 3+3*c.Items)
	}
	// The workbook holds the same cells as the csv.
	f, err := excelize.OpenFile(filepath.Join(dir, "survey/survey.xlsx"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	rows, err := f.GetRows(surveySheet)
	if err != nil {
		t.Fatal(err)
	}
	if len(rows) != len(survey) {
		t.Fatalf("workbook has %d rows, csv %d", len(rows), len(survey))
	}
	for i := range rows {
		for j := range survey[i] {
			cell := ""
			if j < len(rows[i]) {
				cell = rows[i][j]
			}
			if cell != survey[i][j] {
				t.Fatalf("row %d column %q: workbook %q, csv %q", i+1, survey[0][j], cell, survey[i][j])
			}
		}
	}
}

func TestStudyYAMLPointsAtFiles(t *testing.T) {
	c := smallConfig()
	dir, _ := writeStudy(t, c)
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
	paths := []string{s.Codebook, s.Respondents}
	for _, in := range append(s.Interviews, s.Survey...) {
		paths = append(paths, in.Path)
	}
	for _, p := range paths {
		if _, err := os.Stat(filepath.Join(dir, p)); err != nil {
			t.Errorf("study.yaml names %s: %v", p, err)
		}
	}
	if s.Survey[0].Path != "survey/survey.csv" {
		t.Errorf("survey path %q, want the csv asked for", s.Survey[0].Path)
	}
}

// codebookFile is the part of a codebook that the extension touches.
type codebookFile struct {
	Scales []struct {
		ID      string         `yaml:"id"`
		Answers map[int]any    `yaml:"answers"`
		Items   []codebookItem `yaml:"items"`
	} `yaml:"scales"`
}

type codebookItem struct {
	ID      string            `yaml:"id"`
	Reverse bool              `yaml:"reverse"`
	Text    map[string]string `yaml:"text"`
}

func TestCodebookExtended(t *testing.T) {
	for _, n := range []int{1, 4, 8, 30} {
		raw, err := extendedCodebook(n, defaultCodes)
		if err != nil {
			t.Fatal(err)
		}
		var cb codebookFile
		if err := yaml.Unmarshal(raw, &cb); err != nil {
			t.Fatalf("items %d: %v", n, err)
		}
		parsed, err := codebook.ParseYAML(raw)
		if err != nil {
			t.Fatalf("items %d: %v", n, err)
		}
		for _, p := range parsed.Validate() {
			t.Errorf("items %d: the codebook does not validate: %v", n, p)
		}
		if !bytes.Contains(raw, []byte("answers: *likert5")) || !bytes.Contains(raw, []byte("# Default codebook of samenspel")) {
			t.Errorf("items %d: the default codebook's anchors or comments were lost", n)
		}
		texts := map[string]bool{}
		for s, sc := range cb.Scales {
			if len(sc.Answers) != 5 {
				t.Errorf("scale %s: %d answers through the anchor, want 5", sc.ID, len(sc.Answers))
			}
			if len(sc.Items) != n {
				t.Fatalf("items %d: scale %s has %d items", n, sc.ID, len(sc.Items))
			}
			for j, it := range sc.Items {
				if want := scalePrefix[s] + strconv.Itoa(j+1); it.ID != want {
					t.Errorf("item %s, want %s", it.ID, want)
				}
				if it.Reverse != ((j+1)%4 == 0) {
					t.Errorf("item %s reverse %v", it.ID, it.Reverse)
				}
				if it.Text["nl"] == "" || it.Text["en"] == "" || texts[it.Text["nl"]] {
					t.Errorf("item %s: text %q missing or not unique", it.ID, it.Text["nl"])
				}
				texts[it.Text["nl"]] = true
			}
		}
	}
	// Four items keep the default codebook's statements for K and B.
	raw, _ := extendedCodebook(4, defaultCodes)
	if !bytes.Contains(raw, []byte(`{id: K4, reverse: true, text: {nl: "Ik weet vaak niet welke andere professionals`)) {
		t.Error("K4 lost its default statement")
	}
}

// TestWordBankCarriesPatterns checks that the default codebook's auto-coder finds the
// code of every sentence of the word bank, whichever partner it names, so that the
// auto-coder has something to match in a synthetic study.
func TestWordBankCarriesPatterns(t *testing.T) {
	cb, err := codebook.ParseYAML(data.DefaultCodebook)
	if err != nil {
		t.Fatal(err)
	}
	ac, err := codebook.NewAutoCoder(cb)
	if err != nil {
		t.Fatal(err)
	}
	for _, code := range defaultCodes.all {
		if _, ok := cb.Code(code); !ok {
			t.Errorf("code %s of the word bank is not in the default codebook", code)
		}
		if codeWeight[code] <= 0 || len(codePhrases[code]) == 0 {
			t.Errorf("code %s has no weight or no sentences", code)
		}
		for _, s := range codePhrases[code] {
			for _, p := range partners {
				text := fillPartner(s, p)
				if !slices.ContainsFunc(ac.Code(text), func(m codebook.Match) bool { return m.Code == code }) {
					t.Errorf("%s: the auto-coder does not find it in %q", code, text)
				}
			}
		}
	}
	// The word bank covers the factors with a survey scale, which a synthetic study
	// measures in both strands; the default codebook's fourth factor (werkwijze) has none.
	scaled := map[string]bool{}
	for _, sc := range cb.Scales {
		scaled[sc.Factor] = true
	}
	n := 0
	for _, f := range cb.Factors {
		if scaled[f.ID] {
			n += len(f.Codes)
		}
	}
	if n != len(defaultCodes.all) {
		t.Errorf("the default codebook has %d codes in factors with a scale, the word bank %d", n, len(defaultCodes.all))
	}
}

// TestCoderDisagreement measures the share of segments on which the two coders' code sets
// differ: it should be near the 15% asked for.
func TestCoderDisagreement(t *testing.T) {
	c := DefaultConfig()
	c.Municipalities, c.Respondents, c.Segments = 10, 0, 20000
	dir, _ := writeStudy(t, c)
	sets := map[string]map[string][]string{}
	for _, row := range readCSV(t, filepath.Join(dir, SegmentsFile))[1:] {
		if sets[row[2]] == nil {
			sets[row[2]] = map[string][]string{}
		}
		if row[4] != "" {
			sets[row[2]][row[5]] = append(sets[row[2]][row[5]], row[4])
		}
	}
	differ, uncoded := 0, 0
	for _, bySeg := range sets {
		if !slices.Equal(bySeg["Anouk"], bySeg["Bram"]) {
			differ++
		}
		if len(bySeg["Anouk"]) == 0 {
			uncoded++
		}
	}
	share := float64(differ) / float64(len(sets))
	// With q = 1 - sqrt(0.85) per coder, P(differ) is 0.15 less the cases where both
	// deviate the same way: between 0.13 and 0.15, within sampling error (sd 0.0025).
	if share < 0.125 || share > 0.16 {
		t.Errorf("coders differ on %.3f of the segments, want about 0.15", share)
	}
	if u := float64(uncoded) / float64(len(sets)); u < 0.08 || u > 0.2 {
		t.Errorf("%.3f of the segments without a code, want about 0.12", u)
	}
}

// TestAnswersFollowTheModel checks the survey's distributions: the missing share, every
// answer a known label, and reverse-keyed items correlating negatively with the rest of
// their scale before reversal.
func TestAnswersFollowTheModel(t *testing.T) {
	c := DefaultConfig()
	c.Municipalities, c.Respondents, c.Segments, c.Items = 20, 5000, 0, 4
	c.Formats, c.SurveyFormat = []string{"csv"}, "csv"
	dir, _ := writeStudy(t, c)
	rows := readCSV(t, filepath.Join(dir, "survey/survey.csv"))
	value := map[string]float64{}
	for i, l := range answerLabels {
		value[l] = float64(i + 1)
	}
	missing, cells := 0, 0
	col := map[string][]float64{}
	for _, row := range rows[1:] {
		for j, cell := range row[3:] {
			id := rows[0][3+j]
			cells++
			v, ok := value[cell]
			switch {
			case cell == "" || cell == dontKnow:
				missing++
				v = math.NaN()
			case !ok:
				t.Fatalf("answer %q is not a label", cell)
			}
			col[id] = append(col[id], v)
		}
	}
	if m := float64(missing) / float64(cells); m < 0.035 || m > 0.07 {
		t.Errorf("%.3f of the answers missing, want about 0.05", m)
	}
	if r := corr(col["K1"], col["K2"]); r < 0.2 {
		t.Errorf("r(K1, K2) = %.2f, want clearly positive", r)
	}
	if r := corr(col["K1"], col["K4"]); r > -0.2 {
		t.Errorf("r(K1, K4) = %.2f, want clearly negative: K4 is reverse-keyed", r)
	}

	c.Numbers = true
	dir, _ = writeStudy(t, c)
	for _, row := range readCSV(t, filepath.Join(dir, "survey/survey.csv"))[1:] {
		for _, cell := range row[3:] {
			if cell != "" && cell != dontKnow && (len(cell) != 1 || cell < "1" || cell > "5") {
				t.Fatalf("numeric answer %q", cell)
			}
		}
	}
}

// corr is Pearson's r over the pairs where both are present.
func corr(x, y []float64) float64 {
	var n, sx, sy, sxx, syy, sxy float64
	for i := range x {
		if math.IsNaN(x[i]) || math.IsNaN(y[i]) {
			continue
		}
		n++
		sx += x[i]
		sy += y[i]
		sxx += x[i] * x[i]
		syy += y[i] * y[i]
		sxy += x[i] * y[i]
	}
	return (sxy - sx*sy/n) / math.Sqrt((sxx-sx*sx/n)*(syy-sy*sy/n))
}

func TestValidateNamesTheSetting(t *testing.T) {
	cases := map[string]func(*Config){
		"municipalities 0":                   func(c *Config) { c.Municipalities = 0 },
		"respondents -1":                     func(c *Config) { c.Respondents = -1 },
		"items 0":                            func(c *Config) { c.Items = 0 },
		"no input":                           func(c *Config) { c.Respondents, c.Segments = 0, 0 },
		"coders 0":                           func(c *Config) { c.Coders = 0 },
		"disagreement 1":                     func(c *Config) { c.Disagreement = 1 },
		`survey format "ods"`:                func(c *Config) { c.Formats = []string{"ods"} },
		`survey format "csv" for study.yaml`: func(c *Config) { c.SurveyFormat = "csv" },
		"segments per interview 0":           func(c *Config) { c.SegmentsPerInterview = 0 },
	}
	for want, change := range cases {
		c := DefaultConfig()
		change(&c)
		err := c.Validate()
		if !errors.Is(err, ErrConfig) || !strings.Contains(err.Error(), want) {
			t.Errorf("%s: got %v", want, err)
		}
		dir := t.TempDir()
		if _, err := Write(dir, c, Progress{}); !errors.Is(err, ErrConfig) {
			t.Errorf("%s: Write gave %v", want, err)
		}
		if entries, _ := os.ReadDir(dir); len(entries) > 0 {
			t.Errorf("%s: Write left %d files after a bad config", want, len(entries))
		}
	}
}

func TestManyMunicipalitiesHaveDistinctNames(t *testing.T) {
	c := DefaultConfig()
	c.Municipalities = 2000
	p := newPopulation(c)
	seen := map[string]bool{}
	for _, m := range p.Municipalities {
		if seen[m.Name] {
			t.Fatalf("municipality %q twice", m.Name)
		}
		seen[m.Name] = true
	}
}

func TestWriteReportsIOError(t *testing.T) {
	dir := t.TempDir()
	// A file where the survey folder should be.
	if err := os.WriteFile(filepath.Join(dir, "survey"), nil, 0o644); err != nil {
		t.Fatal(err)
	}
	if _, err := Write(dir, smallConfig(), Progress{}); err == nil || errors.Is(err, ErrConfig) {
		t.Errorf("Write into a blocked folder: %v", err)
	}
}

// TestSurveySplitKeepsAnswers checks that splitting the survey over files changes the files,
// not the answers, and that study.yaml names them with a glob.
func TestSurveySplitKeepsAnswers(t *testing.T) {
	c := smallConfig()
	c.Formats, c.SurveyFormat = []string{"csv"}, "csv"
	one, _ := writeStudy(t, c)
	c.SurveyFiles = 3
	three, sum := writeStudy(t, c)
	if !slices.Contains(sum.Files, "survey/survey-3.csv") {
		t.Fatalf("files %v", sum.Files)
	}
	whole := readCSV(t, filepath.Join(one, "survey/survey.csv"))
	var joined [][]string
	for k := 1; k <= 3; k++ {
		part := readCSV(t, filepath.Join(three, "survey", "survey-"+strconv.Itoa(k)+".csv"))
		if !slices.Equal(part[0], whole[0]) {
			t.Fatalf("file %d header %v", k, part[0])
		}
		joined = append(joined, part[1:]...)
	}
	if len(joined) != len(whole)-1 {
		t.Fatalf("%d rows over three files, want %d", len(joined), len(whole)-1)
	}
	for i := range joined {
		if !slices.Equal(joined[i], whole[i+1]) {
			t.Fatalf("row %d differs after the split", i+2)
		}
	}
	study, _ := os.ReadFile(filepath.Join(three, StudyFile))
	if !bytes.Contains(study, []byte("path: survey/survey-*.csv")) {
		t.Errorf("study.yaml does not name the split files:\n%s", study)
	}
}

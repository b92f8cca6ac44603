package main

// End-to-end test on the bundled example study. The expected numbers are derived here
// from the input files themselves, read without the project's readers (encoding/csv and
// excelize directly), never copied from an output.

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"io/fs"
	"math"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/samenspel/samenspel/codebook"
	"github.com/xuri/excelize/v2"
)

const example = "../../data/example"

func runExample(t *testing.T, out string) string {
	t.Helper()
	var stdout, stderr bytes.Buffer
	if code := run([]string{"run", example, "-o", out, "-lang", "en"}, &stdout, &stderr); code != 0 {
		t.Fatalf("analyse run: exit %d\n%s", code, stderr.String())
	}
	return stdout.String()
}

func readCSV(t *testing.T, path string) []map[string]string {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	recs, err := csv.NewReader(f).ReadAll()
	if err != nil {
		t.Fatalf("%s: %v", path, err)
	}
	var out []map[string]string
	for _, r := range recs[1:] {
		m := map[string]string{}
		for i, h := range recs[0] {
			m[h] = r[i]
		}
		out = append(out, m)
	}
	return out
}

func sheetRows(t *testing.T, path string) []map[string]string {
	t.Helper()
	f, err := excelize.OpenFile(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	rows, err := f.GetRows(f.GetSheetName(0))
	if err != nil {
		t.Fatal(err)
	}
	var out []map[string]string
	for _, r := range rows[1:] {
		m := map[string]string{}
		for i, h := range rows[0] {
			if i < len(r) {
				m[h] = r[i]
			}
		}
		out = append(out, m)
	}
	return out
}

func TestExampleStudyEndToEnd(t *testing.T) {
	out := filepath.Join(t.TempDir(), "out")
	summary := runExample(t, out)
	for _, want := range []string{"respondents", "segments", "report.html"} {
		if !strings.Contains(summary, want) {
			t.Errorf("summary lacks %q:\n%s", want, summary)
		}
	}
	for _, f := range []string{"tables/code_frequencies.csv", "tables/scales.csv", "tables/rejects.csv",
		"tables/unmapped_codes.csv", "tables.xlsx", "report.html", "report.md", "manifest.json"} {
		if _, err := os.Stat(filepath.Join(out, f)); err != nil {
			t.Errorf("missing output %s", f)
		}
	}
	pngs, _ := filepath.Glob(filepath.Join(out, "figures", "*.png"))
	svgs, _ := filepath.Glob(filepath.Join(out, "figures", "*.svg"))
	if len(pngs) < 2 || len(svgs) < 2 {
		t.Errorf("figures: %d png, %d svg", len(pngs), len(svgs))
	}

	cb, err := codebook.Load("../../data/codebooks/samenwerking.yaml")
	if err != nil {
		t.Fatal(err)
	}

	t.Run("code frequencies from the coded workbook", func(t *testing.T) {
		// Respondents carrying each code, over the rows of the coder who coded the most
		// segments: in the example that coder coded every segment, so the counting rule
		// (per segment, its coder with the most segments) counts that coder alone.
		rows := sheetRows(t, filepath.Join(example, "interviews", "codering.xlsx"))
		segmentsOf := map[string]map[string]bool{}
		every := map[string]bool{}
		for _, r := range rows {
			if strings.TrimSpace(r["Tekst"]) == "" {
				continue
			}
			if segmentsOf[r["Codeur"]] == nil {
				segmentsOf[r["Codeur"]] = map[string]bool{}
			}
			segmentsOf[r["Codeur"]][r["Segment"]] = true
			every[r["Segment"]] = true
		}
		first := ""
		for c, segs := range segmentsOf {
			if first == "" || len(segs) > len(segmentsOf[first]) {
				first = c
			}
		}
		if len(segmentsOf[first]) != len(every) {
			t.Fatalf("coder %s coded %d of %d segments; the test assumes one coder coded all", first, len(segmentsOf[first]), len(every))
		}
		carriers := map[string]map[string]bool{}
		all := map[string]bool{}
		for _, r := range rows {
			if strings.TrimSpace(r["Tekst"]) == "" || r["Codeur"] != first {
				continue
			}
			all[r["Respondent"]] = true
			for _, name := range strings.FieldsFunc(r["Code"], func(c rune) bool { return c == ';' || c == '\n' }) {
				id, ok := cb.Resolve(name)
				if !ok {
					continue
				}
				if carriers[id] == nil {
					carriers[id] = map[string]bool{}
				}
				carriers[id][r["Respondent"]] = true
			}
		}
		if len(carriers) < 10 {
			t.Fatalf("only %d codes in the example coding", len(carriers))
		}
		got := map[string]map[string]string{}
		for _, r := range readCSV(t, filepath.Join(out, "tables", "code_frequencies.csv")) {
			if r["group_by"] == "all" && r["code"] != "*" {
				got[r["code"]] = r
			}
		}
		for code, resp := range carriers {
			r, ok := got[code]
			if !ok {
				t.Errorf("code %s missing from code_frequencies", code)
				continue
			}
			if r["respondents"] != strconv.Itoa(len(resp)) || r["group_respondents"] != strconv.Itoa(len(all)) {
				t.Errorf("%s: respondents %s of %s, want %d of %d", code, r["respondents"], r["group_respondents"], len(resp), len(all))
			}
			share, _ := strconv.ParseFloat(r["share"], 64)
			if math.Abs(share-float64(len(resp))/float64(len(all))) > 1e-12 {
				t.Errorf("%s: share %s", code, r["share"])
			}
		}
	})

	t.Run("joint display", func(t *testing.T) { checkJointDisplay(t, out, cb) }) // joint_test.go
	t.Run("scale means by municipality from the survey csv", func(t *testing.T) {
		// Two waves: the cross-sectional tables (scales among them) describe the latest
		// wave, 2025, so each person counts once.
		var recs [][]string
		for _, name := range []string{"enquete_2025.csv"} {
			raw, err := os.ReadFile(filepath.Join(example, "enquete", name))
			if err != nil {
				t.Fatal(err)
			}
			raw = bytes.TrimPrefix(raw, []byte("\xef\xbb\xbf"))
			rd := csv.NewReader(bytes.NewReader(raw))
			rd.Comma = ';'
			wave, err := rd.ReadAll()
			if err != nil {
				t.Fatal(err)
			}
			if recs == nil {
				recs = wave[:1]
			}
			recs = append(recs, wave[1:]...)
		}
		labels := map[string]float64{"helemaal mee oneens": 1, "mee oneens": 2, "neutraal": 3, "mee eens": 4, "helemaal mee eens": 5}
		col := map[string]int{}
		for i, h := range recs[0] {
			col[h] = i
		}
		scores := map[string]map[string][]float64{} // scale -> municipality -> scores
		for _, s := range cb.Scales {
			scores[s.ID] = map[string][]float64{}
			for _, rec := range recs[1:] {
				sum, n := 0.0, 0
				for _, it := range s.Items {
					v, ok := labels[strings.ToLower(strings.TrimSpace(rec[col[it.ID]]))]
					if !ok {
						continue // blank or Weet niet
					}
					if it.Reverse {
						v = 6 - v
					}
					sum += v
					n++
				}
				if 2*n >= len(s.Items) {
					m := rec[col["Gemeente"]]
					scores[s.ID][m] = append(scores[s.ID][m], sum/float64(n))
				}
			}
		}
		// Pooled (privacy.small_groups: pool, the default): the municipalities with fewer
		// than min_cell (5) respondents, and the next smallest with them, so that the pool
		// reaches min_cell; "Overige gemeenten" holds their scores together.
		// The decision counts the people of the latest wave.
		perMun := map[string]int{}
		person := map[string]bool{}
		for _, rec := range recs[1:] {
			if id := rec[col["Respondent"]]; !person[id] {
				person[id] = true
				perMun[rec[col["Gemeente"]]]++
			}
		}
		pooled := map[string]bool{}
		pool, next := 0, ""
		for m, n := range perMun {
			if n < 5 {
				pooled[m] = true
				pool += n
			}
		}
		for m, n := range perMun {
			if !pooled[m] && (next == "" || n < perMun[next] || (n == perMun[next] && m < next)) {
				next = m
			}
		}
		if len(pooled) == 0 || pool >= 5 {
			t.Fatalf("the example should have one municipality under 5 respondents: %v", perMun)
		}
		pooled[next] = true
		for _, byMun := range scores {
			for m := range pooled {
				byMun["Overige gemeenten"] = append(byMun["Overige gemeenten"], byMun[m]...)
			}
		}
		rows := readCSV(t, filepath.Join(out, "tables", "scales.csv"))
		checked, pools := 0, 0
		for _, r := range rows {
			if r["group_by"] != "municipality" {
				continue
			}
			xs := scores[r["scale"]][r["group"]]
			if pooled[r["group"]] {
				// A pooled group appears nowhere as its own group.
				t.Errorf("%s %s: %d respondents, pooled, but shown: %v", r["scale"], r["group"], len(xs), r)
				continue
			}
			if r["group"] == "Overige gemeenten" {
				pools++
			}
			mean := 0.0
			for _, x := range xs {
				mean += x
			}
			mean /= float64(len(xs))
			got, _ := strconv.ParseFloat(r["mean"], 64)
			if r["n"] != strconv.Itoa(len(xs)) || math.Abs(got-mean) > 1e-9 {
				t.Errorf("%s %s: n %s mean %s, want %d %.6f", r["scale"], r["group"], r["n"], r["mean"], len(xs), mean)
			}
			checked++
		}
		if pools != len(scores) {
			t.Errorf("%d scales have a row Overige gemeenten, want %d", pools, len(scores))
		}
		if checked < 15 {
			t.Errorf("only %d municipality rows checked", checked)
		}
	})

	t.Run("manifest accounts for every row", func(t *testing.T) {
		data, err := os.ReadFile(filepath.Join(out, "manifest.json"))
		if err != nil {
			t.Fatal(err)
		}
		var m struct {
			Inputs []struct {
				Path     string `json:"path"`
				Read     int    `json:"rows_read"`
				Accepted int    `json:"rows_accepted"`
				Rejected int    `json:"rows_rejected"`
			} `json:"inputs"`
			Outputs []struct {
				Path string `json:"path"`
			} `json:"outputs"`
		}
		if err := json.Unmarshal(data, &m); err != nil {
			t.Fatal(err)
		}
		if len(m.Inputs) < 3 {
			t.Errorf("manifest inputs: %+v", m.Inputs)
		}
		for _, in := range m.Inputs {
			if in.Read == 0 || in.Read != in.Accepted+in.Rejected {
				t.Errorf("%s: read %d != %d + %d", in.Path, in.Read, in.Accepted, in.Rejected)
			}
		}
		if len(m.Outputs) < 10 {
			t.Errorf("manifest lists %d outputs", len(m.Outputs))
		}
	})

	t.Run("no real name or id leaves", func(t *testing.T) {
		var secrets []string
		for _, r := range sheetRows(t, filepath.Join(example, "respondenten.xlsx")) {
			secrets = append(secrets, r["Naam"], r["Respondent"]+"-", r["Respondent"]+",")
		}
		// A municipality with fewer than min_cell (5) respondents appears as its own group
		// nowhere: only its name, in the table disclosure and the report's sentence naming
		// the pooled municipalities (a municipality's name identifies no person).
		perMun := map[string]int{}
		raw, _ := os.ReadFile(filepath.Join(example, "enquete", "enquete.csv"))
		rd := csv.NewReader(bytes.NewReader(bytes.TrimPrefix(raw, []byte("\xef\xbb\xbf"))))
		rd.Comma = ';'
		recs, _ := rd.ReadAll()
		for _, rec := range recs[1:] {
			perMun[rec[1]]++
		}
		var small []string
		for m, n := range perMun {
			if n < 5 {
				small = append(small, m)
			}
		}
		if len(small) == 0 || len(perMun) < 8 {
			t.Fatalf("survey municipalities: %v", perMun)
		}
		filepath.WalkDir(out, func(p string, d fs.DirEntry, err error) error {
			if err != nil || d.IsDir() || strings.HasSuffix(p, ".png") {
				return err
			}
			data := readAllText(t, p)
			for _, s := range secrets {
				if len(s) > 3 && strings.Contains(data, s) {
					t.Errorf("%s contains %q", p, s)
				}
			}
			base := filepath.Base(p)
			if base == "disclosure.csv" || base == "tables.xlsx" { // the xlsx holds the disclosure sheet; its other sheets are the CSVs
				return nil
			}
			var kept []string
			for _, line := range strings.Split(data, "\n") {
				if !strings.Contains(line, "Samengevoegd tot") && !strings.Contains(line, "Niet getoond (") {
					kept = append(kept, line)
				}
			}
			data = strings.Join(kept, "\n")
			for _, s := range small {
				if strings.Contains(data, s) {
					t.Errorf("%s contains %q outside the sentence naming the pooled municipalities", p, s)
				}
			}
			return nil
		})
	})

	t.Run("byte-identical second run", func(t *testing.T) {
		out2 := filepath.Join(t.TempDir(), "out")
		runExample(t, out2)
		a, b := fileHashes(t, out), fileHashes(t, out2)
		if len(a) != len(b) {
			t.Fatalf("%d vs %d files", len(a), len(b))
		}
		for p, h := range a {
			if b[p] != h {
				t.Errorf("%s differs between runs", p)
			}
		}
	})
}

// readAllText returns a file's text; for .xlsx the text of every part of the zip.
func readAllText(t *testing.T, path string) string {
	t.Helper()
	if strings.HasSuffix(path, ".xlsx") {
		f, err := excelize.OpenFile(path)
		if err != nil {
			t.Fatal(err)
		}
		defer f.Close()
		var b strings.Builder
		for _, sh := range f.GetSheetList() {
			rows, _ := f.GetRows(sh)
			for _, r := range rows {
				b.WriteString(strings.Join(r, ","))
				b.WriteString("\n")
			}
		}
		return b.String()
	}
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return string(data)
}

func fileHashes(t *testing.T, dir string) map[string]string {
	t.Helper()
	out := map[string]string{}
	filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		data, _ := os.ReadFile(p)
		rel, _ := filepath.Rel(dir, p)
		out[rel] = string(data)
		return nil
	})
	return out
}

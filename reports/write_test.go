package reports

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"sync"
	"testing"

	"github.com/xuri/excelize/v2"

	"github.com/samenspel/samenspel/pipeline/results"
)

func writeExample(t *testing.T, res *results.Results) (string, []Output) {
	t.Helper()
	dir := t.TempDir()
	outs, err := Write(dir, res)
	if err != nil {
		t.Fatal(err)
	}
	return dir, outs
}

// The example written once, shared by the tests that only read it (drawing every figure
// at 300 dpi takes a second or more on a busy machine).
var example struct {
	sync.Once
	dir  string
	outs []Output
	err  error
}

func writtenExample(t *testing.T) (string, []Output) {
	t.Helper()
	example.Do(func() {
		example.dir, example.err = os.MkdirTemp("", "samenspel-reports-")
		if example.err == nil {
			example.outs, example.err = Write(example.dir, exampleResults())
		}
	})
	if example.err != nil {
		t.Fatal(example.err)
	}
	return example.dir, example.outs
}

func TestMain(m *testing.M) {
	code := m.Run()
	// SAMENSPEL_KEEP_REPORT=1 keeps the example outputs for looking at.
	if example.dir != "" && os.Getenv("SAMENSPEL_KEEP_REPORT") == "" {
		os.RemoveAll(example.dir)
	} else if example.dir != "" {
		println("example outputs kept in", example.dir)
	}
	os.Exit(code)
}

func TestWriteIsByteIdentical(t *testing.T) {
	dir1, outs1 := writtenExample(t)
	dir2, outs2 := writeExample(t, exampleResults())
	if len(outs1) != len(outs2) {
		t.Fatalf("%d outputs, then %d", len(outs1), len(outs2))
	}
	for i, o := range outs1 {
		if outs2[i] != o {
			t.Errorf("output %d: %+v, then %+v", i, o, outs2[i])
		}
		a, err := os.ReadFile(filepath.Join(dir1, o.Path))
		if err != nil {
			t.Fatal(err)
		}
		b, err := os.ReadFile(filepath.Join(dir2, o.Path))
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(a, b) {
			t.Errorf("%s differs between two runs", o.Path)
		}
		sum := sha256.Sum256(a)
		if hex.EncodeToString(sum[:]) != o.SHA256 {
			t.Errorf("%s: checksum in the output list does not match the file", o.Path)
		}
	}
}

func TestWriteOutputsAndManifest(t *testing.T) {
	res := exampleResults()
	dir, outs := writtenExample(t)
	paths := map[string]bool{}
	for _, o := range outs {
		paths[o.Path] = true
	}
	for _, p := range []string{
		"tables/code_frequencies.csv", "tables/agreement.csv", "tables/quotes.csv", "tables/rejects.csv",
		"tables.xlsx", "figures/factors_by_role.png", "figures/factors_by_role.svg",
		"figures/agreement.png", "report.html", "report.md", "manifest.json",
	} {
		if !paths[p] {
			t.Errorf("no output %s", p)
		}
	}
	if outs[len(outs)-1].Path != "manifest.json" {
		t.Errorf("last output is %s, want manifest.json", outs[len(outs)-1].Path)
	}
	b, err := os.ReadFile(filepath.Join(dir, "manifest.json"))
	if err != nil {
		t.Fatal(err)
	}
	var m struct {
		Tool     string
		Codebook struct{ Name, Version, File, SHA256 string }
		Inputs   []results.Input
		Outputs  []struct{ Path, SHA256 string }
		Counts   map[string]int
	}
	if err := json.Unmarshal(b, &m); err != nil {
		t.Fatal(err)
	}
	if m.Tool != res.Tool || m.Codebook.SHA256 != res.Codebook.SHA256 || m.Codebook.Version != "1.0" {
		t.Errorf("manifest tool/codebook: %+v", m)
	}
	if len(m.Inputs) != 3 || m.Inputs[2].Read != 213 || m.Inputs[2].Rejected != 1 || m.Inputs[1].Format != "qdpx" {
		t.Errorf("manifest inputs: %+v", m.Inputs)
	}
	if len(m.Outputs) != len(outs)-1 {
		t.Errorf("manifest lists %d outputs, want %d (all but itself)", len(m.Outputs), len(outs)-1)
	}
	if m.Counts["respondents"] != 240 || m.Counts["rejected"] != 3 {
		t.Errorf("manifest counts: %v", m.Counts)
	}
	for _, bad := range []string{"NaN", "Inf", "20" + "26-", "T00:00:00"} {
		if bytes.Contains(b, []byte(bad)) {
			t.Errorf("manifest holds %q", bad)
		}
	}
}

func TestWriteSelectsFormats(t *testing.T) {
	res := exampleResults()
	res.Outputs = []string{"csv", "md"}
	_, outs := writeExample(t, res)
	for _, o := range outs {
		if strings.HasSuffix(o.Path, ".png") || strings.HasSuffix(o.Path, ".svg") || o.Path == "tables.xlsx" || o.Path == "report.html" {
			t.Errorf("wrote %s, not selected", o.Path)
		}
	}
	res.Outputs = []string{"pdf"}
	if _, err := Write(t.TempDir(), res); !errors.Is(err, ErrFormat) {
		t.Errorf("pdf: got %v, want ErrFormat", err)
	}
}

func TestCSVFormulaGuard(t *testing.T) {
	tab := results.NewTable("t", txt("value"), flt("x"), num("n"), bln("ok"))
	tab.Add("=cmd|' /C calc'!A0", -0.5, -3, true)
	tab.Add("+31 6 12345678", nil, 0, false)
	tab.Add("@SUM(A1)", 0.25, 1, nil)
	tab.Add("\tTab", 1e-9, 2, nil)
	tab.Add("-7", 0.0, 3, nil)
	tab.Add("Coördinatie, \"één\"", 2.0, 4, nil)
	b, err := tableCSV(tab)
	if err != nil {
		t.Fatal(err)
	}
	want := "value,x,n,ok\n" +
		"'=cmd|' /C calc'!A0,-0.5,-3,true\n" +
		"'+31 6 12345678,,0,false\n" +
		"'@SUM(A1),0.25,1,\n" +
		"'\tTab,1e-09,2,\n" +
		"'-7,0,3,\n" +
		"\"Coördinatie, \"\"één\"\"\",2,4,\n"
	if string(b) != want {
		t.Errorf("csv:\n%s\nwant:\n%s", b, want)
	}
}

func TestXLSXTextIsNeverAFormula(t *testing.T) {
	res := exampleResults()
	b, err := tablesXLSX(res)
	if err != nil {
		t.Fatal(err)
	}
	f, err := excelize.OpenReader(bytes.NewReader(b))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	sheets := f.GetSheetList()
	if len(sheets) != len(res.Tables) || sheets[0] != "sample" {
		t.Fatalf("sheets %v", sheets)
	}
	// rejects row 2, column C holds "=cmd|' /C calc'!A0".
	v, err := f.GetCellValue("rejects", "C2")
	if err != nil || v != "=cmd|' /C calc'!A0" {
		t.Errorf("rejects!C2 = %q, %v", v, err)
	}
	if fm, _ := f.GetCellFormula("rejects", "C2"); fm != "" {
		t.Errorf("rejects!C2 stored as formula %q", fm)
	}
	if typ, _ := f.GetCellType("rejects", "C2"); typ == excelize.CellTypeFormula {
		t.Error("rejects!C2 has the formula type")
	}
	// Numbers stay numbers with their formats: share as a percentage.
	cf := res.Table("code_frequencies")
	shareCol := cf.Col("share") + 1
	cell, _ := excelize.CoordinatesToCellName(shareCol, 2)
	raw, _ := f.GetCellValue("code_frequencies", cell, excelize.Options{RawCellValue: true})
	shown, _ := f.GetCellValue("code_frequencies", cell)
	if raw != "0.56" || shown != "56.0%" {
		t.Errorf("share cell %s: raw %q shown %q, want 0.56 and 56.0%%", cell, raw, shown)
	}
	panes, err := f.GetPanes("code_frequencies")
	if err != nil || !panes.Freeze || panes.YSplit != 1 {
		t.Errorf("header row not frozen: %+v %v", panes, err)
	}
	hs, _ := f.GetCellStyle("code_frequencies", "A1")
	style, _ := f.GetStyle(hs)
	if style == nil || style.Font == nil || !style.Font.Bold {
		t.Error("header row is not bold")
	}
	if tables, err := f.GetTables("code_frequencies"); err != nil || len(tables) != 1 {
		t.Errorf("no filtered table on code_frequencies: %v %v", tables, err)
	}
}

func TestSheetNames(t *testing.T) {
	used := map[string]bool{}
	long := "reliability_items_by_municipality_and_role"
	a := sheetName(long, used)
	b := sheetName(long, used)
	c := sheetName("a/b:c", used)
	if len([]rune(a)) > 31 || len([]rune(b)) > 31 || a == b {
		t.Errorf("sheet names %q %q", a, b)
	}
	if c != "a_b_c" {
		t.Errorf("sheet name %q", c)
	}
}

func TestReportEscapesAndCites(t *testing.T) {
	dir, _ := writtenExample(t)
	html, err := os.ReadFile(filepath.Join(dir, "report.html"))
	if err != nil {
		t.Fatal(err)
	}
	s := string(html)
	if strings.Contains(s, "<script>alert(1)</script>") || !strings.Contains(s, "&lt;script&gt;alert(1)&lt;/script&gt;") {
		t.Error("quote markup is not escaped")
	}
	for _, want := range []string{
		"Krippendorff 2011", "Cohen 1960", "Cronbach 1951", "Feldt (1965)", "Kruskal &amp; Wallis 1952",
		"Dunn (1964)", "Holm (1979)", "Wilson (1927)", "codeboek ‘Samenwerking rond jongeren’ (versie 1.0; 16 codes in 3 factoren)",
		"Krippendorffs α (nominaal; Krippendorff 2011) = 0,78", "Figuur 1.", "Súdwest-Fryslân", "coördinatie_project.qdpx",
		"Gemeente Ééndorp (4 respondenten) is niet apart getoond", "data:image/png;base64,",
	} {
		if !strings.Contains(s, want) {
			t.Errorf("report.html lacks %q", want)
		}
	}
	text := regexp.MustCompile(`data:image/[a-z+]+;base64,[A-Za-z0-9+/=&#;]+`).ReplaceAllString(s, "")
	for _, bad := range []string{"<script", "NaN", "Inf", "<link", "@import"} {
		if strings.Contains(text, bad) {
			t.Errorf("report.html holds %q", bad)
		}
	}
	if strings.Contains(s, "src=\"http") || strings.Contains(s, "href=\"http") {
		t.Error("report.html fetches from the network")
	}
	md, err := os.ReadFile(filepath.Join(dir, "report.md"))
	if err != nil {
		t.Fatal(err)
	}
	m := string(md)
	for _, want := range []string{"![Bevorderend en belemmerend, per factor en rol](figures/factors_by_role.png)", "| Code | Codeurs |", "\\<script\\>"} {
		if !strings.Contains(m, want) {
			t.Errorf("report.md lacks %q", want)
		}
	}
}

// TestNoPanicOnOddTables feeds tables with missing columns, wrong cell types, NaN and
// empty rows; Write must not panic and must not draw NaN.
func TestNoPanicOnOddTables(t *testing.T) {
	res := &results.Results{Language: "en"}
	odd := results.NewTable("code_frequencies", txt("factor"), txt("code"), txt("group_by"), txt("group"), flt("share"))
	odd.Add("x", "*", "role", "r", 0.5)
	odd.Add("x", "*", "role", "r", "not a number")
	odd.Rows = append(odd.Rows, []any{"short"})
	res.Add(odd)
	items := results.NewTable("items", txt("scale"), txt("item"), shr("pct_1"), shr("pct_2"))
	items.Add("s", "i", nan(), 2.0)
	res.Add(items)
	sc := results.NewTable("scales", txt("scale"), txt("group_by"), txt("group"), flt("mean"))
	sc.Add("s", "municipality", "A", nan())
	res.Add(sc)
	ag := results.NewTable("agreement", txt("code"), flt("krippendorff_alpha"))
	ag.Add("*", -0.4)
	res.Add(ag)
	res.Add(results.NewTable("cooccurrence"))
	res.Add(&results.Table{Name: "partners", Columns: []results.Column{txt("partner")}, Rows: [][]any{{nil}}})
	if _, err := Write(t.TempDir(), res); err != nil {
		t.Fatal(err)
	}
	if _, err := Write(t.TempDir(), &results.Results{}); err != nil {
		t.Fatal(err)
	}
}

// More rejects than Excel holds rows made 0.1's whole run fail at the end, with no output:
// the sheet is cut below the limit with a note, and the CSV stays complete.
func TestXLSXSheetIsCutBelowExcelsRowLimit(t *testing.T) {
	defer func(n int) { MaxSheetRows = n }(MaxSheetRows)
	MaxSheetRows = 3 // the rule, not Excel's number, is under test; a million rows is slow
	res := exampleResults()
	rej := res.Table("rejects")
	for len(rej.Rows) < 5 {
		rej.Add("enquete.csv", "row 9", "x", "unknown answer label")
	}
	b, err := tablesXLSX(res)
	if err != nil {
		t.Fatal(err)
	}
	f, err := excelize.OpenReader(bytes.NewReader(b))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	rows, _ := f.GetRows("rejects")
	if len(rows) != 1+3+1 {
		t.Fatalf("%d rows in the rejects sheet, want header, 3 rows and a note", len(rows))
	}
	want := fmt.Sprintf("Nog %d regels staan hier niet", len(rej.Rows)-3)
	if note := rows[4][0]; !strings.HasPrefix(note, want) || !strings.Contains(note, "tables/rejects.csv") {
		t.Errorf("note %q", note)
	}
	dir := t.TempDir()
	if _, err := Write(dir, res); err != nil {
		t.Fatal(err)
	}
	csvRows, _ := os.ReadFile(filepath.Join(dir, "tables", "rejects.csv"))
	if n := strings.Count(string(csvRows), "\n"); n != len(rej.Rows)+1 {
		t.Errorf("rejects.csv has %d lines, want %d", n, len(rej.Rows)+1)
	}
}

package main

import (
	"archive/zip"
	"bytes"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/samenspel/samenspel/data"
	"github.com/xuri/excelize/v2"
)

// TestNothingIdentifyingLeaves feeds quotes holding every kind of identifying detail and
// searches every output file, the xlsx included (its cells and its raw XML), for the
// originals.
func TestNothingIdentifyingLeaves(t *testing.T) {
	dir := t.TempDir()
	os.WriteFile(filepath.Join(dir, "codebook.yaml"), data.DefaultCodebook, 0o644)
	os.WriteFile(filepath.Join(dir, "study.yaml"), []byte(`title: Privacy
codebook: codebook.yaml
respondents: respondenten.xlsx
interviews: [codering.xlsx]
privacy:
  min_cell: 1
  names: [Kenzo, Christina]
`), 0o644)
	resp := excelize.NewFile()
	resp.SetSheetRow("Sheet1", "A1", &[]any{"Respondent", "Naam", "Gemeente", "Functie"})
	resp.SetSheetRow("Sheet1", "A2", &[]any{"JW-DEMO-7", "Christina Maria Jansen", "Bergdorp", "Jongerenwerker"})
	resp.SetSheetRow("Sheet1", "A3", &[]any{"R2D2X", "Pieter-Jan de Wit", "Bergdorp", "Jongere"})
	if err := resp.SaveAs(filepath.Join(dir, "respondenten.xlsx")); err != nil {
		t.Fatal(err)
	}
	secrets := []string{
		"Christina Maria Jansen", "Christina", "Pieter-Jan de Wit", "Pieter-Jan", "Kenzo",
		"JW-DEMO-7", "R2D2X",
		"kenzo.v@school.nl", "06-12345678", "+31 6 87654321", "010-1234567", "3511 AB",
		"111222333", "NL91ABNA0417164300",
		"daan_vd_berg2009", "lisa.jansen", "noor_2008", "daanvdb",
	}
	texts := []string{
		"Met korte lijnen belde ik Christina Maria Jansen over Kenzo, haar nummer is 06-12345678.",
		"Kenzo mailde vanaf kenzo.v@school.nl, woont op 3511 AB, bellen kan op +31 6 87654321.",
		"Ik vertrouw de wijkagent; het bureau is 010-1234567 en het BSN 111222333 lag open.",
		"Pieter-Jan zei dat zijn rekening NL91ABNA0417164300 is, en R2D2X en JW-DEMO-7 hoorden het.",
		"=HYPERLINK(\"http://voorbeeld.nl\",\"klik\") korte lijnen met het wijkteam, zei Christina.",
		"Signalen deelt ze via @daan_vd_berg2009 en @lisa.jansen, insta: noor_2008, snap daanvdb.",
	}
	cod := excelize.NewFile()
	cod.SetSheetRow("Sheet1", "A1", &[]any{"Respondent", "Segment", "Tekst", "Code", "Codeur"})
	for i, tx := range texts {
		r := []string{"JW-DEMO-7", "R2D2X"}[i%2]
		cell, _ := excelize.CoordinatesToCellName(1, i+2)
		// A code of its own per text, so every text becomes a quote.
		code := []string{"bereiken.korte_lijnen", "kennen.vertrouwen", "informeren.privacy", "bereiken.overleg", "kennen.afspraken", "informeren.signalen"}[i]
		cod.SetSheetRow("Sheet1", cell, &[]any{r, r + "-s" + string(rune('a'+i)), tx, code, "A"})
	}
	if err := cod.SaveAs(filepath.Join(dir, "codering.xlsx")); err != nil {
		t.Fatal(err)
	}
	out := filepath.Join(t.TempDir(), "out")
	var so, se bytes.Buffer
	if code := run([]string{"run", dir, "-o", out}, &so, &se); code != 0 {
		t.Fatalf("exit %d: %s", code, se.String())
	}
	quotes := readAllText(t, filepath.Join(out, "tables", "quotes.csv"))
	for _, ph := range []string{"[naam]", "[e-mail]", "[telefoonnummer]", "[postcode]", "[BSN]", "[IBAN]", "[account]"} {
		if !strings.Contains(quotes, ph) {
			t.Errorf("quotes lack %s: the quotes should be there, redacted:\n%s", ph, quotes)
		}
	}
	filepath.WalkDir(out, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		texts := []string{readAllText(t, p)}
		if strings.HasSuffix(p, ".xlsx") || strings.HasSuffix(p, ".qdpx") {
			texts = append(texts, zipText(t, p))
		}
		for _, text := range texts {
			for _, s := range secrets {
				if strings.Contains(text, s) {
					t.Errorf("%s contains %q", p, s)
				}
			}
		}
		return nil
	})
	// No formula: the CSV cell is quoted as text, the xlsx cell holds no formula.
	if strings.Contains(quotes, "\n=HYPERLINK") || strings.Contains(quotes, ",=HYPERLINK") || strings.Contains(quotes, "\"=HYPERLINK") {
		t.Errorf("a formula reached quotes.csv unguarded:\n%s", quotes)
	}
	x, err := excelize.OpenFile(filepath.Join(out, "tables.xlsx"))
	if err != nil {
		t.Fatal(err)
	}
	defer x.Close()
	for _, sh := range x.GetSheetList() {
		rows, _ := x.GetRows(sh)
		for i, r := range rows {
			for j := range r {
				cell, _ := excelize.CoordinatesToCellName(j+1, i+1)
				if f, _ := x.GetCellFormula(sh, cell); f != "" {
					t.Errorf("sheet %s cell %s holds a formula %q", sh, cell, f)
				}
			}
		}
	}
}

// zipText returns the text of every entry of a zip (xlsx, qdpx).
func zipText(t *testing.T, path string) string {
	t.Helper()
	zr, err := zip.OpenReader(path)
	if err != nil {
		t.Fatal(err)
	}
	defer zr.Close()
	var b strings.Builder
	for _, f := range zr.File {
		rc, err := f.Open()
		if err != nil {
			t.Fatal(err)
		}
		io.Copy(&b, rc)
		rc.Close()
	}
	return b.String()
}

// The pseudonym key is written only when study.yaml asks, outside the output folder, and
// the summary warns about it.
func TestPseudonymKey(t *testing.T) {
	dir := newStudy(t)
	out := filepath.Join(t.TempDir(), "out")
	var so, se bytes.Buffer
	if code := run([]string{"run", dir, "-o", out}, &so, &se); code != 0 {
		t.Fatalf("exit %d: %s", code, se.String())
	}
	if matches, _ := filepath.Glob(filepath.Join(dir, "*.csv")); len(matches) != 0 {
		t.Errorf("a key was written without being asked: %v", matches)
	}
	appendFile(t, filepath.Join(dir, "study.yaml"), "\n# key\n")
	study, _ := os.ReadFile(filepath.Join(dir, "study.yaml"))
	// analyse init proposes a key named for the study (../sleutel-<folder>.csv).
	proposed := regexp.MustCompile(`  # key_file: \.\./sleutel-[^ ]+\.csv`)
	if !proposed.Match(study) {
		t.Fatalf("study.yaml proposes no key file named for the study:\n%s", study)
	}
	os.WriteFile(filepath.Join(dir, "study.yaml"), proposed.ReplaceAll(study, []byte("  key_file: sleutel.csv")), 0o644)
	so.Reset()
	if code := run([]string{"run", dir, "-o", out, "-lang", "en"}, &so, &se); code != 0 {
		t.Fatalf("exit %d: %s", code, se.String())
	}
	key, err := os.ReadFile(filepath.Join(dir, "sleutel.csv"))
	// Two respondents: every role is smaller than min_cell, so no pseudonym carries one.
	if err != nil || !strings.Contains(string(key), "\nR01,OV-") {
		t.Fatalf("key: %q %v", key, err)
	}
	if !strings.Contains(so.String(), "warning") || !strings.Contains(so.String(), "sleutel.csv") {
		t.Errorf("no warning about the key in the summary:\n%s", so.String())
	}
	// A key inside the output folder is refused, before anything is written.
	se.Reset()
	inside := filepath.Join(dir, "uit")
	os.WriteFile(filepath.Join(dir, "study.yaml"), proposed.ReplaceAll(study, []byte("  key_file: uit/../uit/sleutel.csv")), 0o644)
	if code := run([]string{"run", dir, "-o", inside}, &so, &se); code != exitUsage || !strings.Contains(se.String(), "key_file") {
		t.Errorf("key inside the output: exit %d, %s", code, se.String())
	}
	if _, err := os.Stat(inside); !os.IsNotExist(err) {
		t.Error("output written although the key file was refused")
	}
}

// review.qdpx names its sources by pseudonym, not by the file name as read: a transcript
// called Bergdorp-JW01.txt carried the municipality that the cases leave out (second
// attack #1).
func TestReviewSourcesCarryNoFileNames(t *testing.T) {
	tmp := t.TempDir()
	study := filepath.Join(tmp, "testdata", "cases", "formats", "t")
	if err := copyTree("../../testdata/cases/formats/transcripts_name_pattern", study, "expected"); err != nil {
		t.Fatal(err)
	}
	data, _ := filepath.Abs("../../data")
	os.Symlink(data, filepath.Join(tmp, "data"))
	y, _ := os.ReadFile(filepath.Join(study, "study.yaml"))
	y = []byte(strings.Replace(string(y), "privacy: {min_cell: 1}", "privacy: {min_cell: 1}\noutputs: [csv, qdpx]", 1))
	os.WriteFile(filepath.Join(study, "study.yaml"), y, 0o644)
	out := filepath.Join(tmp, "out")
	var so, se bytes.Buffer
	if code := run([]string{"run", study, "-o", out, "-quiet", "-accept-rejects"}, &so, &se); code != 0 {
		t.Fatalf("exit %d: %s", code, se.String())
	}
	qdpx := filepath.Join(out, "review.qdpx")
	if _, err := os.Stat(qdpx); err != nil {
		t.Skip("no review.qdpx written (fewer interviewees than min_cell)")
	}
	names := regexp.MustCompile(`<TextSource[^>]*\bname="([^"]*)"`).FindAllStringSubmatch(zipText(t, qdpx), -1)
	if len(names) == 0 {
		t.Fatal("no sources in review.qdpx")
	}
	for _, m := range names {
		for _, leak := range []string{"Bergdorp", "Zeestad", ".txt"} {
			if strings.Contains(m[1], leak) {
				t.Errorf("source %q holds %q", m[1], leak)
			}
		}
	}
}

package ingest

import (
	"errors"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/samenspel/samenspel/pipeline/model"
	"github.com/xuri/excelize/v2"
)

// sheetsWorkbook writes a survey with a sheet per municipality (the same header, in
// other letters on the second), an information sheet, an empty sheet and a sheet whose
// respondent E2 the first already holds.
func sheetsWorkbook(t *testing.T) string {
	t.Helper()
	f := excelize.NewFile()
	defer f.Close()
	f.SetSheetName("Sheet1", "Bergdorp")
	f.SetSheetRow("Bergdorp", "A1", &[]any{"Respondent", "Gemeente", "K1"})
	f.SetSheetRow("Bergdorp", "A2", &[]any{"E1", "Bergdorp", 4})
	f.SetSheetRow("Bergdorp", "A3", &[]any{"E2", "Bergdorp", 5})
	f.NewSheet("Toelichting")
	f.SetSheetRow("Toelichting", "A1", &[]any{"Deze enquête liep in 2024."})
	f.NewSheet("Leeg")
	f.NewSheet("Zeeveen & co")
	f.SetSheetRow("Zeeveen & co", "A1", &[]any{"respondent", "GEMEENTE ", "K1", ""})
	f.SetSheetRow("Zeeveen & co", "A2", &[]any{"E3", "Zeeveen", 2})
	f.SetSheetRow("Zeeveen & co", "A3", &[]any{"E2", "Zeeveen", 1})
	f.NewSheet("Oud")
	f.SetSheetRow("Oud", "A1", &[]any{"Respondent", "Gemeente", "K1"})
	f.SetSheetRow("Oud", "A2", &[]any{"E9", "Bergdorp", 3})
	f.SetSheetVisible("Oud", false)
	path := filepath.Join(t.TempDir(), "enquete.xlsx")
	if err := f.SaveAs(path); err != nil {
		t.Fatal(err)
	}
	return path
}

// Every sheet with the first sheet's header is read, each counted on its own; a sheet
// with another header is named in a warning; the same id on a later sheet is a duplicate.
// The fast reader and excelize read the sheets alike.
func TestSurveySheetsWithTheSameHeader(t *testing.T) {
	path := sheetsWorkbook(t)
	for _, fast := range []bool{true, false} {
		useFastReader = fast
		ds, err := ReadSurvey(path, Options{Codebook: loadCodebook(t)})
		useFastReader = true
		if err != nil {
			t.Fatal(err)
		}
		same(t, "answers", answers(ds), []string{"E1 K1 4", "E2 K1 5", "E3 K1 2"})
		var files []string
		for _, f := range ds.Files {
			files = append(files, f.Shown()+" "+strconv.Itoa(f.Read)+"="+strconv.Itoa(f.Accepted)+"+"+strconv.Itoa(f.Rejected))
			if f.SHA256 == "" {
				t.Errorf("%s: no sha256", f.Shown())
			}
		}
		same(t, "files", files, []string{path + " [Bergdorp] 2=2+0", path + " [Zeeveen & co] 2=1+1"})
		same(t, "rejects", rejects(ds), []string{`enquete.xlsx | sheet "Zeeveen & co", row 3, column "respondent" | E2 | duplicate respondent: "E2" already answered in sheet "Bergdorp"`})
		ds.Warnings = withoutItemMissing(ds.Warnings)
		if len(ds.Warnings) != 2 {
			t.Fatalf("warnings %v", ds.Warnings)
		}
		var w *SheetNotRead
		if !errors.As(ds.Warnings[0].Err, &w) || w.Sheet != "Toelichting" {
			t.Errorf("warning %v", ds.Warnings[0])
		}
		if got := w.In("enquete.xlsx").Error(); got != `enquete.xlsx: sheet "Toelichting" was not read: its header differs from sheet "Bergdorp"'s; to read it, give it an entry of its own in study.yaml with sheet: "Toelichting"` {
			t.Errorf("warning %q", got)
		}
		if !errors.As(ds.Warnings[1].Err, &w) || !w.Hidden || w.Sheet != "Oud" || !strings.Contains(w.Error(), `sheet "Oud" was not read: it is hidden`) {
			t.Errorf("hidden: %v", ds.Warnings[1])
		}
		errors.As(ds.Warnings[0].Err, &w)
		if got := model.Dutch(w.In("enquete.xlsx")); got != `enquete.xlsx: blad "Toelichting" is niet gelezen: de kopregel verschilt van die van blad "Bergdorp"; geef het een eigen regel in study.yaml met sheet: "Toelichting" om het te lezen` {
			t.Errorf("Dutch warning %q", got)
		}
	}
	// sheet: names one sheet, which alone is read, as before.
	ds := readSurvey(t, path, Options{Codebook: loadCodebook(t), Sheet: "zeeveen & co"})
	ds.Warnings = withoutItemMissing(ds.Warnings)
	same(t, "one sheet", answers(ds), []string{"E3 K1 2", "E2 K1 1"})
	if ds.Files[0].Sheet != "" || len(ds.Warnings) != 0 {
		t.Errorf("one sheet: %+v %v", ds.Files, ds.Warnings)
	}
}

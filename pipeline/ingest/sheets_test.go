package ingest

import (
	"errors"
	"fmt"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/samenspel/samenspel/pipeline/model"
	"github.com/xuri/excelize/v2"
)

// sheetsWorkbook writes a survey with a sheet per municipality (the same header, in
// other letters on the second), an information sheet, an empty sheet and a sheet whose
// respondent E2 the first already holds, every cell the same.
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
	f.SetSheetRow("Zeeveen & co", "A3", &[]any{"E2", "Bergdorp", 5}) // a row copied from Bergdorp
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
// with another header is named in a warning; the same response (id and every cell) on a
// later sheet is counted once, from the first, with a warning and a reject (readers15:
// 0.9.0 rejected it as a duplicate, and an id with other answers the same way).
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
		same(t, "rejects", rejects(ds), []string{`enquete.xlsx | sheet "Zeeveen & co", row 3, column "respondent" | E2 | response in another export too: the same response (id, and every cell) is in sheet "Bergdorp", row 3, where it is counted`})
		if f := ds.Files[len(ds.Files)-1]; f.SameResponses != 1 {
			t.Errorf("same responses %d, want 1", f.SameResponses)
		}
		ds.Warnings = withoutItemMissing(ds.Warnings)
		if len(ds.Warnings) != 3 || !strings.Contains(ds.Warnings[0].Err.Error(), `1 response(s) of sheet "Zeeveen & co" are in sheet "Bergdorp" too`) {
			t.Fatalf("warnings %v", ds.Warnings)
		}
		ds.Warnings = ds.Warnings[1:]
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
	same(t, "one sheet", answers(ds), []string{"E3 K1 2", "E2 K1 5"})
	if ds.Files[0].Sheet != "" || len(ds.Warnings) != 0 {
		t.Errorf("one sheet: %+v %v", ds.Files, ds.Warnings)
	}
}

// The same id on two sheets with other answers stops the reading, naming both sheets and
// rows, on both workbook paths (readers15: 0.9.0 rejected the later row as a duplicate).
func TestSurveySheetsSameIDOtherAnswers(t *testing.T) {
	f := excelize.NewFile()
	f.SetSheetName("Sheet1", "Bergdorp")
	f.SetSheetRow("Bergdorp", "A1", &[]any{"Respondent", "Gemeente", "K1"})
	f.SetSheetRow("Bergdorp", "A2", &[]any{"E1", "Bergdorp", 4})
	f.NewSheet("Zeeveen")
	f.SetSheetRow("Zeeveen", "A1", &[]any{"Respondent", "Gemeente", "K1"})
	f.SetSheetRow("Zeeveen", "A2", &[]any{"E2", "Zeeveen", 2})
	f.SetSheetRow("Zeeveen", "A3", &[]any{"E1", "Bergdorp", 3})
	path := filepath.Join(t.TempDir(), "enquete.xlsx")
	if err := f.SaveAs(path); err != nil {
		t.Fatal(err)
	}
	f.Close()
	for _, fast := range []bool{true, false} {
		useFastReader = fast
		_, err := ReadSurvey(path, Options{Codebook: loadCodebook(t)})
		useFastReader = true
		if err == nil || !strings.Contains(err.Error(), `sheet "Bergdorp" row 2 and sheet "Zeeveen" row 3 hold respondent "E1" with other answers`) || !strings.Contains(model.Dutch(err), `blad "Bergdorp" regel 2 en blad "Zeeveen" regel 3`) {
			t.Errorf("fast %v: %v", fast, err)
		}
	}
}

// Versions of a response on two sheets that their times order (readers16; the case
// survey/sheets_later_version): the later counts, on both workbook readers, and the
// older is a rejected row that loses nothing.
func TestSurveySheetsLaterVersion(t *testing.T) {
	path := "../../testdata/cases/survey/sheets_later_version/enquete.xlsx"
	for _, fast := range []bool{true, false} {
		useFastReader = fast
		ds, err := ReadSurvey(path, Options{Codebook: loadCodebook(t)})
		useFastReader = true
		if err != nil {
			t.Fatalf("fast %v: %v", fast, err)
		}
		var got []string
		for _, r := range ds.Rejects {
			got = append(got, fmt.Sprintf("%s %d", r.Sheet, r.Row))
		}
		same := 0
		for _, f := range ds.Files {
			same += f.SameResponses
		}
		if want := []string{"Bergdorp 3", "Zeeveen 3", "Zeeveen 5"}; !slices.Equal(got, want) || same != 3 || len(ds.Respondents) != 5 {
			t.Errorf("fast %v: rejects %v (%d same responses), %d respondents; want %v, 3, 5", fast, got, same, len(ds.Respondents), want)
		}
	}
}

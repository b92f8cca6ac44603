package ingest

import (
	"errors"
	"strings"
	"testing"
)

// Attack 16 F02, F03: a respondents-table CSV row with the wrong number of fields is
// rejected, not read shifted; a later row giving a listed id other groups is a conflict,
// counted in FileCount.Lost, whose reason names both rows and the columns but none of
// the values (a group name may be one that small-cell suppression hides).
func TestRespondentsRowsShiftedAndConflicting(t *testing.T) {
	data := "Respondent;Opmerking;Gemeente;Functie\n" +
		"E01;geen;Bergdorp;Jongerenwerker\n" +
		"E02;bellen; niet mailen;Aardam;Wijkagent\n" + // 5 fields
		"E03;Aardam;Wijkagent\n" + // 3 fields
		"E04;geen;Zeldzaamdorp;Wijkagent\n" +
		"E01;geen;Bergdorp;Jongerenwerker\n" + // a plain copy
		"E04;;Aardam;\n" // another municipality: a conflict
	path := writeFile(t, "resp.csv", []byte(data))
	ds, err := ReadRespondents(path, Options{})
	if err != nil {
		t.Fatal(err)
	}
	var ids []string
	for _, r := range ds.Respondents {
		ids = append(ids, r.ID+" "+r.Municipality+" "+r.Role)
	}
	same(t, "respondents", ids, []string{"E01 Bergdorp Jongerenwerker", "E04 Zeldzaamdorp Wijkagent"})
	f := ds.Files[0]
	if f.Read != 6 || f.Accepted != 2 || f.Rejected != 4 || f.Lost != 3 {
		t.Errorf("count %+v, want 6 = 2 + 4 with 3 lost", f)
	}
	var reasons []string
	for _, rj := range ds.Rejects {
		reasons = append(reasons, rj.Err.Error())
		if errors.Is(rj.Err, ErrDuplicate) && strings.Contains(rj.Err.Error(), "Zeldzaamdorp") {
			t.Errorf("the conflict's reason names a value: %v", rj.Err)
		}
	}
	same(t, "reasons", reasons, []string{
		"wrong number of fields: the row has 5 fields, the header 4; a value holds an unquoted delimiter",
		"wrong number of fields: the row has 3 fields, the header 4; a value is missing with its delimiter, or holds an unquoted line break",
		`duplicate respondent: "E01" already in row 2`,
		`duplicate respondent "E04" with other values: this row gives another Gemeente than row 5; row 5 is used: correct or remove the row that is wrong`,
	})
}

// A respondents table prepared for colleagues has a title above its header, as a survey
// sheet may (survey_title_rows.go): the title row was taken for the header and the run
// stopped, "no respondent column". Now the title rows are skipped with a warning that
// names the rows; a table of one column keeps its header, and rows of one cell without
// a header below them are an error.
func TestRespondentsTitleRows(t *testing.T) {
	data := "Deelnemers onderzoek samenwerking 2025\n\nRespondent;Gemeente;Functie\nE01;Bergdorp;Jongerenwerker\nE02;Aardam;Wijkagent\n"
	ds, err := ReadRespondents(writeFile(t, "resp.csv", []byte(data)), Options{})
	if err != nil {
		t.Fatal(err)
	}
	var ids []string
	for _, r := range ds.Respondents {
		ids = append(ids, r.ID+" "+r.Municipality+" "+r.Role)
	}
	same(t, "respondents", ids, []string{"E01 Bergdorp Jongerenwerker", "E02 Aardam Wijkagent"})
	if f := ds.Files[0]; f.Read != 2 || f.Accepted != 2 {
		t.Errorf("count %+v, want 2 = 2", f)
	}
	if len(ds.Warnings) != 1 || !strings.Contains(ds.Warnings[0].Err.Error(), "the header is read from row 3") ||
		strings.Contains(ds.Warnings[0].Err.Error(), "Deelnemers") {
		t.Errorf("warnings %v, want one naming the header's row and not the title", ds.Warnings)
	}

	ds, err = ReadRespondents(writeFile(t, "ids.csv", []byte("respondent\nE01\nE02\n")), Options{})
	if err != nil || len(ds.Respondents) != 2 || len(ds.Warnings) != 0 {
		t.Errorf("a table of one column: %d respondents, warnings %v, error %v; want 2, none, nil", len(ds.Respondents), ds.Warnings, err)
	}

	ds, err = ReadRespondents(writeFile(t, "ids_title.csv", []byte("Deelnemerslijst 2025\nrespondent\nE01\nE02\n")), Options{})
	if err != nil || len(ds.Respondents) != 2 || len(ds.Warnings) != 1 {
		t.Errorf("a table of one column under a title: %d respondents, warnings %v, error %v; want 2, one, nil", len(ds.Respondents), ds.Warnings, err)
	}

	// rows of one cell only, under a header no column name: the first row's error, as
	// before (not "no header with two or more columns", nor one at row 11)
	for _, rows := range []int{2, 12} {
		data := "Code\n" + strings.Repeat("E01\n", rows-1)
		_, err = ReadRespondents(writeFile(t, "codes.csv", []byte(data)), Options{})
		if err == nil || !strings.Contains(err.Error(), "row 1: no respondent column") {
			t.Errorf("%d rows of one cell: error %v, want the first row's", rows, err)
		}
	}
}

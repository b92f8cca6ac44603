package ingest

import (
	"errors"
	"fmt"
	"path/filepath"
	"reflect"
	"strconv"
	"strings"
	"testing"

	"github.com/samenspel/samenspel/codebook"
	"github.com/samenspel/samenspel/pipeline/model"
	"github.com/xuri/excelize/v2"
)

const fixtures = "../../testdata/third_party/surveys/"

func loadCodebook(t testing.TB) *codebook.Codebook {
	t.Helper()
	cb, err := codebook.Load("../../data/codebooks/samenwerking.yaml")
	if err != nil {
		t.Fatal(err)
	}
	return cb
}

func readSurvey(t *testing.T, path string, opt Options) model.Dataset {
	t.Helper()
	ds, err := ReadSurvey(path, opt)
	if err != nil {
		t.Fatalf("ReadSurvey: %v", err)
	}
	if len(ds.Files) != 1 || ds.Files[0].Read != ds.Files[0].Accepted+ds.Files[0].Rejected {
		t.Errorf("file count %+v", ds.Files)
	}
	hashed(t, path, &ds)
	return ds
}

// answers renders answers as "respondent item value (raw)" lines, "." for missing.
func answers(ds model.Dataset) []string {
	var out []string
	for _, a := range ds.Survey.Answers() {
		v := strconv.FormatFloat(a.Value, 'f', -1, 64)
		if a.Missing {
			v = "."
		}
		s := a.Respondent + " " + a.Item + " " + v
		if a.Raw != "" {
			s += " (" + a.Raw + ")"
		}
		out = append(out, s)
	}
	return out
}

func rejects(ds model.Dataset) []string {
	var out []string
	for _, r := range ds.Rejects {
		out = append(out, filepath.Base(r.File)+" | "+r.Location()+" | "+r.Value+" | "+r.Reason())
	}
	return out
}

func same(t *testing.T, what string, got, want any) {
	t.Helper()
	if !reflect.DeepEqual(got, want) {
		t.Errorf("%s:\n got %#v\nwant %#v", what, got, want)
	}
}

// genericCSV is a generic wide survey as a Dutch Excel writes it: semicolons, decimal
// commas, a question text as header, answer labels, "weet niet", a bad value, an unknown
// label and a duplicate respondent.
const genericCSV = "Respondent;Gemeente;Functie;K1;K2;Ik weet wie ik moet bellen bij het wijkteam.;B4;Opmerkingen;Team\r\n" +
	"r1;Utrecht;Jongerenwerker;4;Mee eens;5;Weet niet;Het contact met de wijkagent loopt goed, maar jeugdzorg is traag.;Noord\r\n" +
	"r2;Utrecht;Wijkagent;7;helemaal MEE oneens;;2;;Zuid\r\n" +
	"r1;Zeist;Leerkracht;1;1;1;1;;Noord\r\n" +
	"r3;Zeist;Leerkracht;3,0;Soms;1;n.v.t.;Geen.;Noord\r\n" +
	";;;;;;;;\r\n"

func TestReadSurveyGeneric(t *testing.T) {
	cb := loadCodebook(t)
	path := writeFile(t, "enquete.csv", []byte(genericCSV))
	ds := readSurvey(t, path, Options{Codebook: cb})
	same(t, "answers", answers(ds), []string{
		"r1 K1 4", "r1 K2 4 (Mee eens)", "r1 B1 5", "r1 B4 . (Weet niet)",
		"r2 K2 1 (helemaal MEE oneens)", "r2 B1 .", "r2 B4 2",
		"r3 K1 3 (3,0)", "r3 B1 1", "r3 B4 . (n.v.t.)",
	})
	same(t, "rejects", rejects(ds), []string{
		`enquete.csv | row 3, column "K1" | 7 | answer outside the scale: 7 is not one of 1..5`,
		`enquete.csv | row 4, column "Respondent" | r1 | duplicate respondent: "r1" already answered in row 2`,
		`enquete.csv | row 5, column "K2" | Soms | unknown answer label: "Soms" is not an answer of scale kennen`,
	})
	same(t, "files", ds.Files, []model.FileCount{{Path: path, Format: "generic", Read: 4, Accepted: 3, Rejected: 1, Cells: 12, CellsAccepted: 10, CellsRejected: 2}})
	same(t, "respondents", ds.Respondents, []model.Respondent{
		{ID: "r1", Municipality: "Utrecht", Role: "Jongerenwerker", Attributes: map[string]string{"team": "Noord"}, Source: path},
		{ID: "r2", Municipality: "Utrecht", Role: "Wijkagent", Attributes: map[string]string{"team": "Zuid"}, Source: path},
		{ID: "r3", Municipality: "Zeist", Role: "Leerkracht", Attributes: map[string]string{"team": "Noord"}, Source: path},
	})
	same(t, "segments", ds.Segments, []model.Segment{
		{ID: "enquete.csv:r1:Opmerkingen", Respondent: "r1", Document: "Opmerkingen", Text: "Het contact met de wijkagent loopt goed, maar jeugdzorg is traag.", Start: -1, End: -1, OpenAnswer: true, Source: path},
		{ID: "enquete.csv:r3:Opmerkingen", Respondent: "r3", Document: "Opmerkingen", Text: "Geen.", Start: -1, End: -1, OpenAnswer: true, Source: path},
	})
	for _, err := range []error{ErrOutOfScale, ErrDuplicate, ErrUnknownLabel} {
		found := false
		for _, r := range ds.Rejects {
			found = found || strings.HasPrefix(r.Reason(), err.Error())
		}
		if !found {
			t.Errorf("no reject for %v", err)
		}
	}

	// The same survey as a workbook gives the same answers, with the sheet named.
	f := excelize.NewFile()
	for i, line := range strings.Split(strings.TrimSpace(genericCSV), "\r\n") {
		cells := strings.Split(line, ";")
		row := make([]any, len(cells))
		for j, c := range cells {
			if n, ok := ParseNumber(c); ok && j >= 3 && !strings.Contains(c, ",") {
				row[j] = n
			} else {
				row[j] = c
			}
		}
		cell, _ := excelize.CoordinatesToCellName(1, i+1)
		f.SetSheetRow("Sheet1", cell, &row)
	}
	f.SetSheetName("Sheet1", "Enquête")
	xlsx := filepath.Join(t.TempDir(), "enquete.xlsx")
	if err := f.SaveAs(xlsx); err != nil {
		t.Fatal(err)
	}
	ds2 := readSurvey(t, xlsx, Options{Codebook: cb})
	same(t, "xlsx answers", answers(ds2), answers(ds))
	if len(ds2.Rejects) != 3 || ds2.Rejects[0].Location() != `sheet "Enquête", row 3, column "K1"` {
		t.Errorf("xlsx rejects %v", rejects(ds2))
	}
}

func TestReadSurveyGenericWithoutRespondentColumn(t *testing.T) {
	path := writeFile(t, "ronde1.csv", []byte("K1,K2\n4,5\n2,\n"))
	ds := readSurvey(t, path, Options{Codebook: loadCodebook(t)})
	same(t, "answers", answers(ds), []string{"ronde1:2 K1 4", "ronde1:2 K2 5", "ronde1:3 K1 2", "ronde1:3 K2 ."})
}

func TestReadSurveyKnownRespondents(t *testing.T) {
	path := writeFile(t, "s.csv", []byte("respondent,K1\nr1,4\nx9,2\n"))
	ds := readSurvey(t, path, Options{Codebook: loadCodebook(t), Known: map[string]bool{"r1": true}})
	same(t, "rejects", rejects(ds), []string{`s.csv | row 3, column "respondent" | x9 | unknown respondent: "x9" is not in the respondents table`})
}

func TestReadSurveyUnknownFormat(t *testing.T) {
	path := writeFile(t, "iets.csv", []byte("a,b,c\n1,2,3\n"))
	_, err := ReadSurvey(path, Options{Codebook: loadCodebook(t)})
	if !errors.Is(err, ErrUnknownFormat) || !strings.Contains(err.Error(), "iets.csv") || !strings.Contains(err.Error(), "row 1") {
		t.Errorf("got %v", err)
	}
	if _, err := ReadSurvey(path, Options{Format: "surveymonkey"}); !errors.Is(err, ErrUnknownFormat) {
		t.Errorf("got %v", err)
	}
}

// The real LimeSurvey export has no items of our codebook: 65 responses with categorical
// answers (attributes) and six "other" answers (open answers).
func TestReadSurveyLimeSurveyFixture(t *testing.T) {
	path := fixtures + "limesurvey_results_nl.csv"
	ds := readSurvey(t, path, Options{Codebook: loadCodebook(t)})
	same(t, "files", ds.Files, []model.FileCount{{Path: path, Format: "limesurvey", Read: 65, Accepted: 65, Rejected: 0}})
	if len(ds.Respondents) != 65 || ds.Survey.Len() != 0 || len(ds.Rejects) != 0 {
		t.Fatalf("%d respondents, %d answers, %d rejects", len(ds.Respondents), ds.Survey.Len(), len(ds.Rejects))
	}
	var texts []string
	for _, s := range ds.Segments {
		texts = append(texts, s.ID+" = "+s.Text)
	}
	same(t, "open answers", texts, []string{
		"limesurvey_results_nl.csv:limesurvey_results_nl:10:opleiding[other] = test gerrit",
		"limesurvey_results_nl.csv:limesurvey_results_nl:12:opleiding[other] = test3 gerrit",
		"limesurvey_results_nl.csv:limesurvey_results_nl:14:opleiding[other] = test4 Gerrit",
		"limesurvey_results_nl.csv:limesurvey_results_nl:20:opleiding[other] = test5 Gerrit",
		"limesurvey_results_nl.csv:limesurvey_results_nl:42:opleiding[other] = GERMAN UNI",
		"limesurvey_results_nl.csv:limesurvey_results_nl:73:opleiding[other] = WO DUITSLAND",
	})
	byID := map[string]model.Respondent{}
	for _, r := range ds.Respondents {
		byID[r.ID] = r
	}
	same(t, "respondent 9", byID["limesurvey_results_nl:9"].Attributes, map[string]string{
		"geslacht": "man", "opleiding": "VWO", "leeftijd": "22",
		"v1 group": "B", "v2 group": "A", "v3 group": "B", "v4 group": "B", "v5 group": "A",
		"v6 group": "B", "v7 group": "B", "v8 group": "A", "v9 group": "A", "v10 group": "A",
		"v11 group": "B", "v12 group": "A", "v13 group": "B", "v14 group": "A", "v15 group": "A",
	})
	if a := byID["limesurvey_results_nl:8"].Attributes; a["v7"] != "Valérie" || a["eindvraag"] != "Ja" || len(a) != 34 {
		t.Errorf("respondent 8: %v", a)
	}
	if a := byID["limesurvey_results_nl:73"].Attributes; a["geslacht"] != "vrouw" || a["leeftijd"] != "35" || a["opleiding"] != "Other" {
		t.Errorf("respondent 73: %v", a)
	}
}

// A LimeSurvey export with code headings (old names), answer codes and an incomplete
// response, and one with full-text headings (new names) and full answer labels.
func TestReadSurveyLimeSurveyItems(t *testing.T) {
	cb := loadCodebook(t)
	codes := "id,submitdate,lastpage,startlanguage,seed,K[K1],K[K2],B1,Q3_B3,D[B4][1],I1_other,opm[comment]\n" +
		"11,2024-03-01 10:00:00,3,nl,123,A4,A5,AO02,3,A1,,Fijn dat jullie dit vragen\n" +
		"12,,2,nl,456,A2,,,,,,\n" +
		"13,2024-03-02 11:00:00,3,nl,789,A9,-oth-,A3,A3,A5,iets anders,\n"
	path := writeFile(t, "lime.csv", []byte(codes))
	dual := map[string]string{"B4": "D[B4][1]"}
	ds := readSurvey(t, path, Options{Codebook: cb, Columns: dual})
	same(t, "answers", answers(ds), []string{
		"lime:11 K1 4 (A4)", "lime:11 K2 5 (A5)", "lime:11 B1 2 (AO02)", "lime:11 B3 3", "lime:11 B4 1 (A1)",
		"lime:13 B1 3 (A3)", "lime:13 B3 3 (A3)", "lime:13 B4 5 (A5)",
	})
	// K1 "A9" is not on the scale, K2 "-oth-" is not a label; the rest of row 4 counts.
	same(t, "rejects", rejects(ds), []string{
		`lime.csv | row 3, column "submitdate" |  | incomplete response`,
		`lime.csv | row 4, column "K[K1]" | A9 | answer outside the scale: A9 is not one of 1..5`,
		`lime.csv | row 4, column "K[K2]" | -oth- | unknown answer label: "-oth-" is not an answer of scale kennen`,
	})
	same(t, "files", ds.Files, []model.FileCount{{Path: path, Format: "limesurvey", Read: 3, Accepted: 2, Rejected: 1, Cells: 10, CellsAccepted: 8, CellsRejected: 2}})
	if len(ds.Segments) != 2 || ds.Segments[0].ID != "lime.csv:lime:13:I1_other" || ds.Segments[1].Text != "Fijn dat jullie dit vragen" {
		t.Errorf("segments %+v", ds.Segments)
	}
	ds = readSurvey(t, path, Options{Codebook: cb, Columns: dual, IncludeIncomplete: true})
	if len(ds.Respondents) != 3 || ds.Files[0].Accepted != 3 || answers(ds)[5] != "lime:12 K1 2 (A2)" {
		t.Errorf("with incomplete: %v %+v", answers(ds), ds.Files)
	}

	full := "Response ID,Date submitted,Last page,Start language,Seed,Date started,Date last action,IP address,Referrer URL," +
		"Stellingen [Ik ken de jongerenwerkers in mijn wijk persoonlijk.],Stellingen [Het duurt lang voordat ik iemand van de jeugdzorg spreek.]\n" +
		"21,2024-03-01 10:00:00,3,nl,1,2024-03-01 09:50:00,2024-03-01 10:00:00,,,Helemaal mee eens,Oneens\n" +
		"22,2024-03-01 11:00:00,3,nl,2,2024-03-01 10:50:00,2024-03-01 11:00:00,,,Weet niet,Neutraal\n"
	path = writeFile(t, "lime-full.csv", []byte(full))
	ds = readSurvey(t, path, Options{Codebook: cb})
	same(t, "full-text answers", answers(ds), []string{
		"lime-full:21 K1 5 (Helemaal mee eens)", "lime-full:21 B4 2 (Oneens)", "lime-full:22 K1 . (Weet niet)", "lime-full:22 B4 3 (Neutraal)",
	})
	if len(ds.Rejects) != 0 || len(ds.Respondents) != 2 || len(ds.Respondents[0].Attributes) != 0 {
		t.Errorf("rejects %v respondents %+v", rejects(ds), ds.Respondents)
	}
}

func TestReadSurveyQualtricsFixtures(t *testing.T) {
	cb := loadCodebook(t)
	for _, name := range []string{"qualtrics_sample.csv", "qualtrics_sample_legacy.csv"} {
		path := fixtures + name
		ds := readSurvey(t, path, Options{Codebook: cb})
		same(t, name+" respondents", ds.Respondents, []model.Respondent{
			{ID: "R_2YPOQ602ER1jkf1", Attributes: map[string]string{"q1": "2"}, Source: path}})
		same(t, name+" segments", ds.Segments, []model.Segment{{
			ID: name + ":R_2YPOQ602ER1jkf1:Q2", Respondent: "R_2YPOQ602ER1jkf1", Document: "This is a free text question.",
			Text: "Hello World!", Start: -1, End: -1, OpenAnswer: true, Source: path}})
		same(t, name+" files", ds.Files, []model.FileCount{{Path: path, Format: "qualtrics", Read: 1, Accepted: 1}})
	}

	// The matrix items Q12_1..Q12_3 (answered 1..4) mapped onto B1..B3 by the study.
	path := fixtures + "qualtrics_matrix_single_answer.csv"
	ds := readSurvey(t, path, Options{Codebook: cb, Columns: map[string]string{"B1": "Q12_1", "B2": "Q12_2", "B3": "Q12_3"}})
	// Values from the file's rows 4-8, columns L-N.
	same(t, "matrix answers", answers(ds), []string{
		"R_9zeKuQluLf9CNU1 B1 1", "R_9zeKuQluLf9CNU1 B2 2", "R_9zeKuQluLf9CNU1 B3 3",
		"R_bHoMX1x6YTkerpH B1 1", "R_bHoMX1x6YTkerpH B2 3", "R_bHoMX1x6YTkerpH B3 1",
		"R_bf1QnzI6BNxlqUl B1 1", "R_bf1QnzI6BNxlqUl B2 3", "R_bf1QnzI6BNxlqUl B3 1",
		"R_8AP5X5PcEd3itWl B1 3", "R_8AP5X5PcEd3itWl B2 2", "R_8AP5X5PcEd3itWl B3 1",
		"R_6QonGDfxQ79wpJr B1 2", "R_6QonGDfxQ79wpJr B2 1", "R_6QonGDfxQ79wpJr B3 1",
	})
	if len(ds.Respondents) != 5 || ds.Respondents[0].Attributes["q11 1"] != "1" || ds.Respondents[0].Attributes["locationlatitude"] != "" {
		t.Errorf("respondents %+v", ds.Respondents)
	}
	// Row numbers as the file numbers them: three header rows, then data from row 4.
	cb2 := *cb
	ds = readSurvey(t, path, Options{Codebook: &cb2, Columns: map[string]string{"B1": "Q6_1"}})
	if ds.Survey.Len() != 5 {
		t.Errorf("Q6_1 answers %v", answers(ds))
	}
}

func TestReadSurveyQualtricsChoiceText(t *testing.T) {
	data := "StartDate,EndDate,Status,Progress,Finished,ResponseId,RecipientFirstName,RecipientLastName,Q1_1,Q1_2,Q3_TEXT\n" +
		"Start Date,End Date,Response Type,Progress,Finished,Response ID,Recipient First Name,Recipient Last Name,Stellingen - Ik ken de jongerenwerkers in mijn wijk persoonlijk.,Stellingen - Ik weet wat het wijkteam voor een jongere kan betekenen.,Toelichting\n" +
		`{"ImportId":"startDate"},{"ImportId":"endDate"},{"ImportId":"status"},{"ImportId":"progress"},{"ImportId":"finished"},{"ImportId":"_recordId"},{"ImportId":"recipientFirstName"},{"ImportId":"recipientLastName"},{"ImportId":"QID1_1"},{"ImportId":"QID1_2"},{"ImportId":"QID3_TEXT"}` + "\n" +
		"2024-01-01,2024-01-01,IP Address,100,True,R_a,Anna,de Vries,Agree,Strongly disagree,ok\n" +
		"2024-01-01,2024-01-01,IP Address,40,False,R_b,,,Neutral,,\n" +
		"2024-01-01,2024-01-01,IP Address,100,True,R_c,,,Sort of,6,\n"
	path := writeFile(t, "q.csv", []byte(data))
	ds := readSurvey(t, path, Options{Codebook: loadCodebook(t)})
	same(t, "answers", answers(ds), []string{"R_a K1 4 (Agree)", "R_a K2 1 (Strongly disagree)"})
	same(t, "rejects", rejects(ds), []string{
		`q.csv | row 5, column "Finished" | False | incomplete response`,
		`q.csv | row 6, column "Q1_1" | Sort of | unknown answer label: "Sort of" is not an answer of scale kennen`,
		`q.csv | row 6, column "Q1_2" | 6 | answer outside the scale: 6 is not one of 1..5`,
	})
	if ds.Respondents[0].Name != "Anna de Vries" || len(ds.Respondents[0].Attributes) != 0 || len(ds.Segments) != 1 || ds.Segments[0].Document != "Toelichting" {
		t.Errorf("respondents %+v segments %+v", ds.Respondents, ds.Segments)
	}
}

func TestReadSurveyForms(t *testing.T) {
	cb := loadCodebook(t)
	// Microsoft Forms, Dutch headers, as a workbook.
	f := excelize.NewFile()
	rows := [][]any{
		{"ID", "Begintijd", "Tijd van voltooien", "E-mail", "Naam", "Ik weet wie ik moet bellen bij het wijkteam.", "Privacyregels houden mij tegen om informatie te delen.", "Wat is uw functie?", "Wat zou de samenwerking verbeteren?"},
		{1, "5-3-2024 9:01:02", "5-3-2024 9:07:45", "a.jansen@example.nl", "Anneke Jansen", "Mee eens", "Helemaal mee oneens", "Jongerenwerker", "Vaker samen op de scholen zijn, en elkaar gewoon bellen."},
		{2, "6-3-2024 14:00:00", "6-3-2024 14:03:10", "anonymous", "", "Geen mening", "Mee eens", "Wijkagent", ""},
	}
	for i, r := range rows {
		cell, _ := excelize.CoordinatesToCellName(1, i+1)
		f.SetSheetRow("Sheet1", cell, &r)
	}
	path := filepath.Join(t.TempDir(), "forms.xlsx")
	if err := f.SaveAs(path); err != nil {
		t.Fatal(err)
	}
	ds := readSurvey(t, path, Options{Codebook: cb})
	same(t, "answers", answers(ds), []string{"forms:1 B1 4 (Mee eens)", "forms:1 I3 1 (Helemaal mee oneens)", "forms:2 B1 . (Geen mening)", "forms:2 I3 4 (Mee eens)"})
	same(t, "respondents", ds.Respondents, []model.Respondent{
		{ID: "forms:1", Role: "Jongerenwerker", Name: "Anneke Jansen", Source: path},
		{ID: "forms:2", Role: "Wijkagent", Source: path},
	})
	if len(ds.Segments) != 1 || ds.Segments[0].Respondent != "forms:1" || ds.Segments[0].Document != "Wat zou de samenwerking verbeteren?" {
		t.Errorf("segments %+v", ds.Segments)
	}
	if ds.Files[0].Format != "forms" {
		t.Errorf("format %q", ds.Files[0].Format)
	}

	// Google Forms: a grid question as "Question [Row]", Dutch timestamp.
	g := "Tijdstempel,Stellingen [Ik kan de wijkagent snel bereiken als het nodig is.],Stellingen [We bespreken jongeren regelmatig in een gezamenlijk overleg.],Gemeente\n" +
		"5-3-2024 9:01:02,Mee eens,Helemaal mee eens,Utrecht\n" +
		"5-3-2024 9:11:02,Weet niet,Neutraal,Zeist\n"
	path = writeFile(t, "google.csv", []byte(g))
	ds = readSurvey(t, path, Options{Codebook: cb})
	same(t, "google answers", answers(ds), []string{"google:2 B2 4 (Mee eens)", "google:2 B3 5 (Helemaal mee eens)", "google:3 B2 . (Weet niet)", "google:3 B3 3 (Neutraal)"})
	if ds.Respondents[1].Municipality != "Zeist" {
		t.Errorf("respondents %+v", ds.Respondents)
	}
}

func TestReadRespondents(t *testing.T) {
	data := "Deelnemer;Gemeente;Functie;Naam;Leeftijdsgroep;Werkervaring (jaren)\n" +
		"JW01;Utrecht;Jongerenwerker;Sanne de Boer;25-34;6\n" +
		"JZ01;Zeist;Jeugdzorg;;35-44;\n" +
		"JW01;Utrecht;Jongerenwerker;;;\n" +
		";Zeist;Wijkagent;;;\n"
	path := writeFile(t, "respondenten.csv", []byte(data))
	ds, err := ReadRespondents(path, Options{})
	if err != nil {
		t.Fatal(err)
	}
	same(t, "respondents", ds.Respondents, []model.Respondent{
		{ID: "JW01", Municipality: "Utrecht", Role: "Jongerenwerker", Name: "Sanne de Boer", Attributes: map[string]string{"leeftijdsgroep": "25-34", "werkervaring (jaren)": "6"}, Source: path},
		{ID: "JZ01", Municipality: "Zeist", Role: "Jeugdzorg", Attributes: map[string]string{"leeftijdsgroep": "35-44"}, Source: path},
	})
	same(t, "rejects", rejects(ds), []string{
		`respondenten.csv | row 4, column "Deelnemer" | JW01 | duplicate respondent: "JW01" already in row 2`,
		`respondenten.csv | row 5, column "Deelnemer" |  | empty respondent id`,
	})
	hashed(t, path, &ds)
	same(t, "files", ds.Files, []model.FileCount{{Path: path, Format: "respondents", Read: 4, Accepted: 2, Rejected: 2}})

	if _, err := ReadRespondents(writeFile(t, "r.csv", []byte("Gemeente,Rol\nUtrecht,x\n")), Options{}); !errors.Is(err, ErrMissingColumn) {
		t.Errorf("no respondent column: %v", err)
	}
	if _, err := ReadRespondents(path, Options{Columns: map[string]string{"respondent": "Code"}}); !errors.Is(err, ErrMissingColumn) || !strings.Contains(err.Error(), `"Code"`) {
		t.Errorf("explicit column missing: %v", err)
	}
}

func TestReadSurveySPSS(t *testing.T) {
	cb := loadCodebook(t)
	for _, name := range []string{"enquete.sav", "enquete_compressed.sav", "enquete.zsav"} {
		path := "testdata/spss/" + name
		ds := readSurvey(t, path, Options{Codebook: cb})
		// From testdata/spss/enquete.sps: 9 is "Weet niet" and user-missing; B4 of r02 is
		// system-missing; B1 = 7 of r03 is outside the scale.
		same(t, name+" answers", answers(ds), []string{
			"r01 K1 4", "r01 K2 5", "r01 B1 3", "r01 B4 2",
			"r02 K1 1", "r02 K2 .", "r02 B1 5", "r02 B4 .",
			"r03 K1 5", "r03 K2 4", "r03 B4 1",
			"r04 K1 2", "r04 K2 2", "r04 B1 2", "r04 B4 2",
		})
		same(t, name+" rejects", rejects(ds), []string{name + ` | row 3, column "B1" | 7 | answer outside the scale: 7 is not one of 1..5`})
		if len(ds.Respondents) != 4 || ds.Respondents[1].Municipality != "Zeist" || ds.Respondents[1].Role != "Wijkagent" {
			t.Errorf("%s respondents %+v", name, ds.Respondents)
		}
		if len(ds.Segments) != 3 || ds.Segments[2].Document != "Toelichting" || len(ds.Segments[2].Text) < 300 || ds.Segments[1].Text != "Privacy is lastig; we delen te weinig. é" {
			t.Errorf("%s segments %+v", name, ds.Segments)
		}
		same(t, name+" files", ds.Files, []model.FileCount{{Path: path, Format: "spss", Read: 4, Accepted: 4, Cells: 16, CellsAccepted: 15, CellsRejected: 1}})
	}
	if _, err := ReadSurvey(writeFile(t, "kapot.sav", []byte("$FL2 kapot")), Options{}); err == nil || !strings.Contains(err.Error(), "kapot.sav") {
		t.Errorf("corrupt: %v", err)
	}
}

// Municipality and role asked as questions in Qualtrics: found by their question text.
func TestReadSurveyQualtricsAttributes(t *testing.T) {
	path := "../../testdata/cases/survey/limesurvey_qualtrics_spss/qualtrics.csv"
	ds := readSurvey(t, path, Options{Codebook: loadCodebook(t), Columns: map[string]string{"K1": "Q1_1", "K2": "Q1_2", "K3": "Q1_3", "K4": "Q1_4"}})
	var got []string
	for _, r := range ds.Respondents {
		got = append(got, r.ID+" "+r.Municipality+" "+r.Role+" "+fmt.Sprint(len(r.Attributes)))
	}
	same(t, "respondents", got, []string{"R_1a Lindewaard Jongerenwerker 0", "R_2b Lindewaard Wijkagent 0", "R_3c Lindewaard Jeugdzorgprofessional 0"})
	same(t, "answers", answers(ds)[:4], []string{"R_1a K1 4 (Agree)", "R_1a K2 5 (Strongly agree)", "R_1a K3 4 (Agree)", "R_1a K4 2 (Disagree)"})
}

// A row whose only values stand in columns without a header is a rejected row, not a
// respondent who answered nothing; a row with answers keeps its remark in such a column.
// The count adds up: rows read 4 = 3 accepted + 1 rejected (the empty row is no record).
func TestSurveyRowOnlyInUnheadedColumn(t *testing.T) {
	path := writeFile(t, "e.csv", []byte("Respondent;K1;\nE1;4;\nE2;5;opmerking\n;;x\n;;\n;2;\n"))
	ds := readSurvey(t, path, Options{Codebook: loadCodebook(t)})
	var ids []string
	for _, r := range ds.Respondents {
		ids = append(ids, r.ID)
	}
	same(t, "respondents", ids, []string{"E1", "E2", "e:6"})
	same(t, "rejects", rejects(ds), []string{`e.csv | row 4, column "C" | x | values only in columns without a header (column C): the row holds no response`})
	if f := ds.Files[0]; f.Read != 4 || f.Accepted != 3 || f.Rejected != 1 {
		t.Errorf("count %+v", f)
	}
	if nl := model.Dutch(ds.Rejects[0].Err); nl != "waarden alleen in kolommen zonder kop (kolom C): de regel bevat geen respons" {
		t.Errorf("Dutch %q", nl)
	}
}

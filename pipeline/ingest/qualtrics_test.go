package ingest

import (
	"errors"
	"strings"
	"testing"

	"github.com/samenspel/samenspel/codebook"
	"github.com/samenspel/samenspel/pipeline/model"
)

const qualtricsTools = fixtures + "qualtricstools/"

// withScale returns the default codebook with one more scale: items whose texts are those
// of a real export, so that the export's own question rows match them.
func withScale(t *testing.T, s codebook.Scale) *codebook.Codebook {
	t.Helper()
	cb := loadCodebook(t)
	cb.Scales = append(cb.Scales, s)
	cb.Prepare()
	return cb
}

func numbered(values ...float64) codebook.Answers {
	var a codebook.Answers
	for _, v := range values {
		a = append(a, codebook.AnswerLabel{Value: v})
	}
	return a
}

// Several matrix questions of one Qualtrics survey share their statements ("Click to write
// Statement 1"): a text match is ambiguous, and an explicit mapping must win.
func TestReadSurveyQualtricsSharedStatements(t *testing.T) {
	path := qualtricsTools + "Single_Answer_Matrix_Questions__Insights_.csv"
	cb := withScale(t, codebook.Scale{ID: "matrix", Answers: numbered(1, 2, 3, 4), Items: []codebook.Item{
		{ID: "M1", Text: codebook.Text{"en": "Click to write Statement 1"}},
		{ID: "M2", Text: codebook.Text{"en": "Click to write Statement 2"}},
		{ID: "M3", Text: codebook.Text{"en": "Click to write Statement 3"}},
	}})
	_, err := ReadSurvey(path, Options{Codebook: cb})
	if err == nil || !strings.Contains(err.Error(), `item M1 matches 5 columns ("Q2_1", "Q4_1", "Q3_question_one", "Q5_question_one", "matrix_question_five_question_one")`) {
		t.Fatalf("ambiguous statements: %v", err)
	}
	// Mapped by column name and, for M3, by the ImportId row (QID2-3).
	ds := readSurvey(t, path, Options{Codebook: cb, Columns: map[string]string{"M1": "Q2_1", "M2": "Q2_2", "M3": "QID2-3"}})
	// Expected, from the file itself:
	//   /usr/bin/python3 -c "import csv; r=list(csv.reader(open('Single_Answer_Matrix_Questions__Insights_.csv')));
	//   print([(x[0], x[11:14]) for x in r[3:]])"
	// [('R_9H2nlL82R9Yq21v', ['3','4','4']), ('R_4MlalJojzHA3Uzj', ['4','4','3']),
	//  ('R_89cYYn2ZcBOxIbz', ['2','3','1']), ('R_2m09jW7L4aqipYV', ['4','2','2']),
	//  ('R_0wUVL7ttMUcpJOJ', ['3','3','1'])]
	same(t, "answers", answers(ds), []string{
		"R_9H2nlL82R9Yq21v M1 3", "R_9H2nlL82R9Yq21v M2 4", "R_9H2nlL82R9Yq21v M3 4",
		"R_4MlalJojzHA3Uzj M1 4", "R_4MlalJojzHA3Uzj M2 4", "R_4MlalJojzHA3Uzj M3 3",
		"R_89cYYn2ZcBOxIbz M1 2", "R_89cYYn2ZcBOxIbz M2 3", "R_89cYYn2ZcBOxIbz M3 1",
		"R_2m09jW7L4aqipYV M1 4", "R_2m09jW7L4aqipYV M2 2", "R_2m09jW7L4aqipYV M3 2",
		"R_0wUVL7ttMUcpJOJ M1 3", "R_0wUVL7ttMUcpJOJ M2 3", "R_0wUVL7ttMUcpJOJ M3 1",
	})
	same(t, "rejects", rejects(ds), []string(nil))
	same(t, "files", ds.Files, []model.FileCount{{Path: path, Format: "qualtrics", Read: 5, Accepted: 5, Cells: 15, CellsAccepted: 15}})
	// The other matrices are not items: their columns stay respondent attributes.
	if got := ds.Respondents[0].Attributes["q4 1"]; got != "12" {
		t.Errorf("Q4_1 of the first response as attribute: %q", got)
	}

	// A mapping that names no column of the file is an error, not a silently empty item.
	_, err = ReadSurvey(path, Options{Codebook: cb, Columns: map[string]string{"M1": "Q2_1", "M2": "Q2_2", "M3": "Q9_9"}})
	if !errors.Is(err, ErrMissingColumn) || !strings.Contains(err.Error(), `"Q9_9" named for item M3`) {
		t.Errorf("mapping to no column: %v", err)
	}
}

// Qualtrics's "No basis for evaluation" is -1 and "Prefer not to answer" -2: declared as
// missing codes, they are missing answers, not answers outside the scale.
func TestReadSurveyQualtricsNumericMissingCodes(t *testing.T) {
	path := qualtricsTools + "No_Basis_for_Evaluation__Insights_.csv"
	cb := withScale(t, codebook.Scale{ID: "veg", Answers: numbered(1, 2, 3), Missing: []string{"-1"}, Items: []codebook.Item{
		{ID: "V1"}, {ID: "V2"}, {ID: "V3"}, {ID: "V4"},
	}})
	cb.Scales = append(cb.Scales, codebook.Scale{ID: "veg2", Answers: numbered(1, 2, 3), Missing: []string{"-1", "-2"}, Items: []codebook.Item{{ID: "W1"}}})
	cb.Prepare()
	ds := readSurvey(t, path, Options{Codebook: cb, Columns: map[string]string{"V1": "Q3_1", "V2": "Q3_2", "V3": "Q3_3", "V4": "Q3_4", "W1": "Q4_1"}})
	// Expected, from the file itself:
	//   /usr/bin/python3 -c "import csv; r=list(csv.reader(open('No_Basis_for_Evaluation__Insights_.csv')))[3:];
	//   print([sum(x[i]=='-1' for x in r) for i in (17,18,19,20,21)], sum(x[21]=='-2' for x in r),
	//   [sum(float(x[i]) for x in r if x[i] not in ('-1','-2')) for i in (17,18,19,20,21)])"
	// [5, 4, 4, 4, 4] 2 [21.0, 25.0, 26.0, 24.0, 21.0]
	missing := map[string]int{}
	sum := map[string]float64{}
	for _, a := range ds.Survey.Answers() {
		if a.Missing {
			missing[a.Item]++
		} else {
			sum[a.Item] += a.Value
		}
	}
	same(t, "missing per item", missing, map[string]int{"V1": 5, "V2": 4, "V3": 4, "V4": 4, "W1": 6})
	same(t, "sum of the answers per item", sum, map[string]float64{"V1": 21, "V2": 25, "V3": 26, "V4": 24, "W1": 21})
	same(t, "rejects", rejects(ds), []string(nil))
	same(t, "files", ds.Files, []model.FileCount{{Path: path, Format: "qualtrics", Read: 15, Accepted: 15, Cells: 75, CellsAccepted: 75}})

	// Not declared, -2 is outside the scale: a reject naming the cell.
	cb.Scales[len(cb.Scales)-1].Missing = []string{"-1"}
	cb.Prepare()
	ds = readSurvey(t, path, Options{Codebook: cb, Columns: map[string]string{"W1": "Q4_1"}})
	same(t, "undeclared -2", rejects(ds), []string{
		`No_Basis_for_Evaluation__Insights_.csv | row 9, column "Q4_1" | -2 | answer outside the scale: -2 is not one of 1..3`,
		`No_Basis_for_Evaluation__Insights_.csv | row 10, column "Q4_1" | -2 | answer outside the scale: -2 is not one of 1..3`,
	})
}

// Choice questions whose export tags end in _text (MCSA_single_text) are choices; the
// ImportId row says which columns hold typed text (QID1-TEXT).
func TestReadSurveyQualtricsTextEntry(t *testing.T) {
	path := qualtricsTools + "Questions_with_Text_Entry_Components.csv"
	ds := readSurvey(t, path, Options{Codebook: loadCodebook(t)})
	// Expected, from the file itself: the non-empty cells of the columns whose ImportId ends
	// in -TEXT or _TEXT.
	//   /usr/bin/python3 -c "import csv,re; r=list(csv.reader(open('Questions_with_Text_Entry_Components.csv')));
	//   c=[i for i,h in enumerate(r[2]) if re.search(r\"[-_]TEXT'\",h)];
	//   print(len(c), sum(1 for x in r[3:] for i in c if x[i].strip()), sum(1 for x in r[3:] if x[14].strip()))"
	// 12 164 11
	// Four of the 164 are -99, Qualtrics's "seen but unanswered", which are no text:
	//   ... print(sum(1 for x in r[3:] for i in c if x[i].strip() == '-99'))"  → 4
	if len(ds.Segments) != 160 {
		t.Errorf("%d open answers, want 164 - 4", len(ds.Segments))
	}
	docs := map[string]int{}
	for _, s := range ds.Segments {
		docs[strings.Split(s.ID, ":")[2]]++
	}
	if docs["MCSA_single_text_TEXT"] != 3 || docs["MCSA_single_text"] != 0 || docs["MSCA_multi_text_TEXT"] != 11 {
		t.Errorf("open answers per column %v", docs)
	}
	// The choice itself (1..3) is an attribute of the respondent.
	if got := ds.Respondents[0].Attributes["mcsa single text"]; got != "2" {
		t.Errorf("MCSA_single_text of the first response: %q (attributes %v)", got, ds.Respondents[0].Attributes)
	}
	same(t, "files", ds.Files, []model.FileCount{{Path: path, Format: "qualtrics", Read: 15, Accepted: 15}})
}

// LimeSurvey writes 0 for "not applicable" in some question types: declared as a missing
// code, 0 (also as the answer code A0) is a missing answer, before the scale is consulted.
func TestReadSurveyLimeSurveyZeroNotApplicable(t *testing.T) {
	cb := withScale(t, codebook.Scale{ID: "nvt", Answers: numbered(1, 2, 3, 4, 5), Missing: []string{"0", "Weet niet"}, Items: []codebook.Item{{ID: "N1"}}})
	data := "id,submitdate,lastpage,N[N1]\n1,2024-01-01,2,A4\n2,2024-01-01,2,0\n3,2024-01-01,2,A0\n4,2024-01-01,2,Weet niet\n5,2024-01-01,2,A7\n"
	path := writeFile(t, "lime.csv", []byte(data))
	ds := readSurvey(t, path, Options{Codebook: cb})
	same(t, "answers", answers(ds), []string{"lime:1 N1 4 (A4)", "lime:2 N1 . (0)", "lime:3 N1 . (A0)", "lime:4 N1 . (Weet niet)"})
	same(t, "rejects", rejects(ds), []string{`lime.csv | row 6, column "N[N1]" | A7 | answer outside the scale: A7 is not one of 1..5`})
	same(t, "files", ds.Files, []model.FileCount{{Path: path, Format: "limesurvey", Read: 5, Accepted: 5, Cells: 5, CellsAccepted: 4, CellsRejected: 1}})
}

package ingest

import (
	"testing"

	"github.com/samenspel/samenspel/pipeline/model"
)

// A header ending in empty columns, rows that stop at its last named column, and one row
// with an unquoted ";" (one field more, its last answer under no header): that row is
// rejected, not read shifted. Where every record is as wide as the header (a spreadsheet
// saved as text), a value there is a remark beside the answers and the row is read.
func TestSurveyTrailingEmptyHeaderColumns(t *testing.T) {
	cb := loadCodebook(t)
	shifted := "Respondent;Functie;K1;K2;;\nE1;Jongerenwerker; ambulant;Mee eens;Mee oneens\nE2;Wijkagent;4;2\nE3;School;3;3\n"
	ds := readSurvey(t, writeFile(t, "e.csv", []byte(shifted)), Options{Codebook: cb})
	same(t, "answers", answers(ds), []string{"E2 K1 4", "E2 K2 2", "E3 K1 3", "E3 K2 3"})
	same(t, "rejects", rejects(ds), []string{"e.csv | row 2 |  | wrong number of fields: the row has 5 fields with a value in column E, past the header's last named column D, where the other rows stop; a value holds an unquoted delimiter"})
	if f := ds.Files[0]; f.Read != 3 || f.Accepted != 2 || f.Rejected != 1 {
		t.Errorf("count %+v", f)
	}
	if nl := model.Dutch(ds.Rejects[0].Err); nl != "verkeerd aantal velden: de regel heeft 5 velden met een waarde in kolom E, voorbij de laatste benoemde kolom D van de kopregel, waar de andere regels ophouden; een waarde bevat een scheidingsteken zonder aanhalingstekens" {
		t.Errorf("Dutch %q", nl)
	}
	// Records padded to the header's width: the remark in column E is read.
	padded := "Respondent;Functie;K1;K2;;\nE1;Jongerenwerker;4;Mee eens;opmerking;\nE2;Wijkagent;4;2;;\n"
	ds = readSurvey(t, writeFile(t, "p.csv", []byte(padded)), Options{Codebook: cb})
	if len(ds.Rejects) != 0 || len(ds.Respondents) != 2 {
		t.Errorf("padded: rejects %v, %d respondents", rejects(ds), len(ds.Respondents))
	}
	// A workbook's cells cannot shift: the check is for delimited text only.
	if recordsStopAtNamed(&Rows{}, 2, 4) {
		t.Error("a workbook's rows judged as text")
	}
}

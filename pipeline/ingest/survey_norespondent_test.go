package ingest

import (
	"errors"
	"testing"

	"github.com/samenspel/samenspel/pipeline/model"
)

// A row with no respondent id and no answer to an item (a row of question texts below
// the data, means, a remark) is a rejected row with its reason and first cell, not a
// respondent numbered by its line; a row without an id that answers an item, even
// "Weet niet", is still an anonymous respondent, and a row with an id is read as before.
func TestSurveyRowWithoutRespondent(t *testing.T) {
	csv := "Respondent;Gemeente;K1;K2;Toelichting\n" +
		"r1;Bergdorp;4;2;\n" +
		";Zeeveen;Weet niet;;\n" +
		";;Gemiddeld 3,5;3,2;\n" +
		";;;;Ingevuld door de onderzoeker\n" +
		"r5;;Onzin;;\n"
	ds := readSurvey(t, writeFile(t, "e.csv", []byte(csv)), Options{Codebook: loadCodebook(t)})
	var ids []string
	for _, r := range ds.Respondents {
		ids = append(ids, r.ID)
	}
	same(t, "respondents", ids, []string{"r1", "e:3", "r5"})
	var got []string
	for _, rj := range ds.Rejects {
		if errors.Is(rj.Err, ErrNoRespondent) {
			got = append(got, rj.Location()+" | "+rj.Value+" | "+model.Dutch(rj.Err))
		}
	}
	reason := "regel zonder respondent: de regel heeft geen respondentcode en beantwoordt geen item (een regel met vraagteksten, totalen of een opmerking?); hij is niet gelezen als respondent"
	same(t, "rejects", got, []string{
		`row 4, column "K1" | Gemiddeld 3,5 | ` + reason,
		`row 5, column "Toelichting" | Ingevuld door de onderzoeker | ` + reason,
	})
	f := ds.Files[0]
	if f.Read != 5 || f.Accepted != 3 || f.Rejected != 2 || f.Cells != 6 || f.CellsAccepted != 5 || f.CellsRejected != 1 {
		t.Errorf("counts %+v", f)
	}
}

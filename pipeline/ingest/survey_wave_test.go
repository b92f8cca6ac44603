package ingest

import (
	"errors"
	"fmt"
	"testing"
)

// A wave column named in study.yaml (columns: {wave: Ronde}) gives each row its wave;
// an empty cell takes the entry's wave. The same id in two waves is two respondents; in
// one wave it is a duplicate, as without waves.
func TestReadSurveyWaveColumn(t *testing.T) {
	path := writeFile(t, "s.csv", []byte("respondent,Ronde,K1\nr1,1,4\nr1,2,5\nr2,,3\nr1,2,1\n"))
	ds := readSurvey(t, path, Options{Codebook: loadCodebook(t), Columns: map[string]string{"wave": "Ronde"}, Wave: "0"})
	var got []string
	for _, r := range ds.Respondents {
		got = append(got, r.Wave+"/"+r.ID)
	}
	same(t, "respondents", got, []string{"1/r1", "2/r1", "0/r2"})
	var as []string
	for _, a := range ds.Survey.Answers() {
		as = append(as, fmt.Sprintf("%s/%s %s %v", a.Wave, a.Respondent, a.Item, a.Value))
	}
	same(t, "answers", as, []string{"1/r1 K1 4", "2/r1 K1 5", "0/r2 K1 3"})
	same(t, "rejects", rejects(ds), []string{`s.csv | row 5, column "respondent" | r1 | duplicate respondent: "r1" already answered in row 3`})
	if len(ds.Unmatched) != 0 {
		t.Errorf("the wave column is not an unmatched column: %v", ds.Unmatched)
	}
	// Found by its header without a mapping; a mapping to a missing column is an error.
	path = writeFile(t, "m.csv", []byte("respondent,Meting,K1\nr1,2024,4\n"))
	ds = readSurvey(t, path, Options{Codebook: loadCodebook(t)})
	if len(ds.Respondents) != 1 || ds.Respondents[0].Wave != "2024" {
		t.Errorf("meting column: %+v", ds.Respondents)
	}
	if _, err := ReadSurvey(path, Options{Codebook: loadCodebook(t), Columns: map[string]string{"wave": "Golf"}}); !errors.Is(err, ErrMissingColumn) {
		t.Errorf("wave column not in the header: %v", err)
	}
}

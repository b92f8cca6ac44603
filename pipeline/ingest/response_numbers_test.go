package ingest

import (
	"fmt"
	"strings"
	"testing"

	"github.com/samenspel/samenspel/pipeline/model"
)

// LimeSurvey's id and Forms's ID count the responses of one survey: read with the file's
// name in front, so that response 1 of two waves is two people; a column the study names
// as the respondent (a LimeSurvey token, a Forms e-mail address) is the person itself.
func TestResponseNumbersPerFile(t *testing.T) {
	cb := loadCodebook(t)
	lime := "id,submitdate,lastpage,token,K[K1]\n1,2024-03-01 10:00:00,3,tok07,A4\n2,2024-03-01 10:05:00,3,tok03,A2\n"
	path := writeFile(t, "l2024.csv", []byte(lime))
	same(t, "response ids", answers(readSurvey(t, path, Options{Codebook: cb, Wave: "2024"})), []string{"l2024:1 K1 4 (A4)", "l2024:2 K1 2 (A2)"})
	same(t, "tokens", answers(readSurvey(t, path, Options{Codebook: cb, Wave: "2024", Columns: map[string]string{"respondent": "token"}})), []string{"tok07 K1 4 (A4)", "tok03 K1 2 (A2)"})
	same(t, "id named", answers(readSurvey(t, path, Options{Codebook: cb, Columns: map[string]string{"respondent": "id"}})), []string{"1 K1 4 (A4)", "2 K1 2 (A2)"})

	forms := "ID,Begintijd,Tijd van voltooien,E-mail,Naam,Ik ken de jongerenwerkers in mijn wijk persoonlijk.\n" +
		"1,1-3-2024 10:00,1-3-2024 10:05,a@example.org,Anna,4\n2,1-3-2024 10:00,1-3-2024 10:05,b@example.org,Bram,2\n"
	path = writeFile(t, "f2024.csv", []byte(forms))
	same(t, "form ids", answers(readSurvey(t, path, Options{Codebook: cb})), []string{"f2024:1 K1 4", "f2024:2 K1 2"})
	same(t, "e-mail named", answers(readSurvey(t, path, Options{Codebook: cb, Columns: map[string]string{"respondent": "E-mail"}})), []string{"a@example.org K1 4", "b@example.org K1 2"})
}

// LimeSurvey's answer codes are the options' order of entry, which the export does not
// give: read by their number with a warning (attack 13 limesurvey-answer-codes), or as
// the codebook says where its answer labels name the codes.
func TestLimeSurveyAnswerCodes(t *testing.T) {
	cb := loadCodebook(t)
	data := "id,submitdate,lastpage,K[K1],K[K2]\n1,2024-03-01 10:00:00,3,AO01,Mee eens\n2,2024-03-01 10:05:00,3,AO05,AO02\n"
	path := writeFile(t, "l.csv", []byte(data))
	// The file holds two of scale kennen's four items: that warning is another's.
	codeWarnings := func(ws []model.Warning) []model.Warning {
		var out []model.Warning
		for _, w := range ws {
			if !strings.HasPrefix(w.Err.Error(), "scale item missing from the survey") {
				out = append(out, w)
			}
		}
		return out
	}
	ds := readSurvey(t, path, Options{Codebook: cb})
	ds.Warnings = codeWarnings(ds.Warnings)
	same(t, "answers", answers(ds), []string{"l:1 K1 1 (AO01)", "l:1 K2 4 (Mee eens)", "l:2 K1 5 (AO05)", "l:2 K2 2 (AO02)"})
	if len(ds.Warnings) != 1 || !strings.HasPrefix(ds.Warnings[0].Err.Error(), `answers given as LimeSurvey answer codes (AO01, AO02, AO05) are read as the scale's values by their number (AO01 as 1, "Helemaal mee oneens")`) {
		t.Errorf("warnings %v", ds.Warnings)
	}
	// The survey's author entered "Helemaal mee eens" first: the codebook says so.
	for i := range cb.Scales {
		for j := range cb.Scales[i].Answers {
			a := &cb.Scales[i].Answers[j]
			a.Labels = append(a.Labels, fmt.Sprintf("AO%02d", 6-int(a.Value)))
		}
	}
	ds = readSurvey(t, path, Options{Codebook: cb})
	ds.Warnings = codeWarnings(ds.Warnings)
	same(t, "answers by the codebook", answers(ds), []string{"l:1 K1 5 (AO01)", "l:1 K2 4 (Mee eens)", "l:2 K1 1 (AO05)", "l:2 K2 4 (AO02)"})
	if len(ds.Warnings) != 0 {
		t.Errorf("warnings %v", ds.Warnings)
	}
}

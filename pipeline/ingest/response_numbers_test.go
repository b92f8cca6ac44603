package ingest

import (
	"testing"
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

package reports

import (
	"fmt"

	"github.com/samenspel/samenspel/pipeline/results"
)

// notInterviewedSentence says, in the sample paragraph, how many respondents are not
// counted because none of their interview could be used (res.NotInterviewed: every row
// of their file rejected, or a file without text); none when there are none, or when
// the counts are held back.
func notInterviewedSentence(res *results.Results) []string {
	if res.NotInterviewed == 0 || res.CountsHeld {
		return nil
	}
	nl, en := fmt.Sprintf("%d respondenten zijn", res.NotInterviewed), fmt.Sprintf("%d respondents are", res.NotInterviewed)
	if res.NotInterviewed == 1 {
		nl, en = "1 respondent is", "1 respondent is"
	}
	return []string{res.Text(
		nl+" niet meegeteld omdat niets van hun interview te gebruiken was (alle regels van het bestand afgewezen, of een bestand zonder tekst; zie de tabel rejects).",
		en+" not counted because nothing of their interview could be used (every row of the file rejected, or a file without text; see the rejects table).")}
}

package reports

import (
	"strings"
	"testing"

	"github.com/samenspel/samenspel/pipeline/results"
)

// The sample paragraph names every reason a respondent's interview was unusable,
// the interviewer's turns alone among them (attack 12, F18: "alle regels afgewezen, zie
// rejects" for a file whose rows were all accepted).
func TestNotInterviewedSentenceNamesInterviewerOnly(t *testing.T) {
	for lang, want := range map[string]string{"nl": "alleen beurten van de interviewer", "en": "only the interviewer's turns"} {
		got := strings.Join(notInterviewedSentence(&results.Results{Language: lang, NotInterviewed: 1}), " ")
		if !strings.Contains(got, want) {
			t.Errorf("%s: %q does not name %q", lang, got, want)
		}
	}
	if got := notInterviewedSentence(&results.Results{NotInterviewed: 0}); got != nil {
		t.Errorf("none left out: %q", got)
	}
}

package pipeline

import (
	"testing"

	"github.com/samenspel/samenspel/codebook"
	"github.com/samenspel/samenspel/pipeline/ingest"
	"github.com/samenspel/samenspel/pipeline/model"
)

// Speaker labels ("Speaker 1", "Spreker 2", "Interviewer") of a transcript rejected for
// having no known interviewer were added to the redactor as people, so that the reject's
// hint "interviewer: Speaker 1" read "interviewer: [naam]"; and a respondent id "R_test"
// made "test" a name, so that "test response" read "[naam] response". Now the generic
// words are no names, while a real first name in or beside a label, listed or not,
// still is, and the id itself is still redacted whole.
func TestSpeakerLabelsAndTestIDsNotRedacted(t *testing.T) {
	reason := model.Reasonf("%w", "%v", ingest.ErrNoInterviewer)
	d := &model.Dataset{Respondents: []model.Respondent{{ID: "R_test"}}}
	for _, v := range []string{"Speaker 1:", "Spreker 2:", "Interviewer:", "Speaker 3 (Qwyntje):", "Zorbla:"} {
		d.Rejects = append(d.Rejects, model.Reject{Value: v, Err: reason})
	}
	r := newRedactor(d, &codebook.Codebook{}, &Study{Language: "nl", Interviews: []Input{{Interviewer: Names{"Spreker 1"}}}})
	for in, want := range map[string]string{
		`de sprekers "Speaker 1", "Spreker 2": noem de interviewer, bijvoorbeeld interviewer: Speaker 1`: `de sprekers "Speaker 1", "Spreker 2": noem de interviewer, bijvoorbeeld interviewer: Speaker 1`,
		"Interviewer: hoe gaat het met Anna?":                          "Interviewer: hoe gaat het met [naam]?",
		"Speaker 3 (Qwyntje): ik bel Zorbla":                           "Speaker 3 ([naam]): ik bel [naam]",
		"Spreker 2 en Qwyntje spraken over Daan":                       "Spreker 2 en [naam] spraken over [naam]",
		"test response: a survey preview, not a respondent's (R_test)": "test response: a survey preview, not a respondent's ([naam])",
	} {
		if got := r.Redact(in); got != want {
			t.Errorf("Redact(%q)\n got %q\nwant %q", in, got, want)
		}
	}
}

package pipeline

import (
	"errors"
	"strings"

	"github.com/samenspel/samenspel/pipeline/ingest"
	"github.com/samenspel/samenspel/pipeline/model"
)

// speakerNames are the speaker labels of transcripts that are people's names and that no
// respondent's Name holds: the interviewers study.yaml names (interviewer: [Qwyntje]),
// who may be named in a respondent's answer, and the speakers of a transcript rejected
// because none of them is known as the interviewer, which its rejects name (ingest.
// ErrNoInterviewer). The redactor treats them as people, so that neither reaches an
// output.
func speakerNames(d *model.Dataset, s *Study) []string {
	var names []string
	if s != nil {
		for _, in := range s.Interviews {
			names = append(names, in.Interviewer...)
		}
	}
	for _, rj := range d.Rejects {
		if errors.Is(rj.Err, ingest.ErrNoInterviewer) {
			if n := strings.TrimSpace(strings.TrimSuffix(rj.Value, ":")); n != "" {
				names = append(names, n)
			}
		}
	}
	return names
}

package ingest

import (
	"errors"
	"testing"
)

// Attack 12 F18: a transcript of the interviewer's turns only is rejected turn by turn,
// so that its count says what the summary says (every row rejected); one respondent
// turn keeps the interviewer's as context.
func TestTranscriptOfTheInterviewerOnly(t *testing.T) {
	ds := splitTranscript("f.txt", "f.txt", "R1", "Interviewer: Hoe gaat het?\nInterviewer: Hallo?\n\nI:\n", Options{})
	if len(ds.Segments) != 0 {
		t.Errorf("segments %v, want none", ds.Segments)
	}
	if f := ds.Files[0]; f.Read != 3 || f.Accepted != 0 || f.Rejected != 3 {
		t.Errorf("count %+v: want 3 = 0 + 3", f)
	}
	lines := []int{}
	for _, r := range ds.Rejects {
		lines = append(lines, r.Line)
	}
	if len(ds.Rejects) != 3 || !errors.Is(ds.Rejects[0].Err, ErrEmptySegment) || !errors.Is(ds.Rejects[1].Err, ErrNoRespondentTurn) ||
		!errors.Is(ds.Rejects[2].Err, ErrNoRespondentTurn) || ds.Rejects[1].Line != 1 || ds.Rejects[2].Line != 2 || ds.Rejects[1].Value != "Interviewer:" {
		t.Errorf("rejects %v (lines %v): want the empty turn, then lines 1 and 2 for want of the respondent", ds.Rejects, lines)
	}
	if len(ds.Respondents) != 1 {
		t.Errorf("respondents %v: R1 stays named, to be reported as not interviewed", ds.Respondents)
	}

	ds = splitTranscript("f.txt", "f.txt", "R1", "Interviewer: Hoe gaat het?\nR: Goed.\n", Options{})
	if len(ds.Segments) != 2 || len(ds.Rejects) != 0 || !ds.Segments[0].Interviewer {
		t.Errorf("with a respondent turn: segments %v, rejects %v", ds.Segments, ds.Rejects)
	}
}

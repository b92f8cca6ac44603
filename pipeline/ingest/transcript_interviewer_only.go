package ingest

import "github.com/samenspel/samenspel/pipeline/model"

// A transcript whose every turn is the interviewer's holds nothing the respondent said:
// the wrong file, or the respondent's label taken for an interviewer's. Its turns were
// accepted as context for turns that do not exist, so the file counted "2 = 2 accepted
// + 0 rejected" while the summary left its respondent out as if every row had been
// rejected (attack 12 F18). Such turns are rejected, each with the reason, so that the
// file's count, rejects.csv, the summary and the exit status (more than
// rejects.max_share of the file's rows rejected) tell one story.

// ErrNoRespondentTurn is wrapped by the reject of a turn of a transcript in which only
// the interviewer speaks.
var ErrNoRespondentTurn = model.NewKind("no turn of the respondent", "geen beurt van de respondent")

// rejectInterviewerOnly moves the accepted turns of a transcript (ds.Segments, made from
// turns) to its rejects when every one of them is the interviewer's.
func rejectInterviewerOnly(path string, ds *model.Dataset, count *model.FileCount, turns []turn) {
	if len(ds.Segments) == 0 {
		return
	}
	for _, s := range ds.Segments {
		if !s.Interviewer {
			return
		}
	}
	err := model.Reasonf("all %d turns of the transcript are the interviewer's, none the respondent's: %w; check that the file is the interview and that the respondent's label is not one of the interviewer's (I:, Interviewer:, Onderzoeker:, or interviewer: in study.yaml); naming the interviewer's label on this entry (interviewer: in study.yaml) makes every other label of the file a participant's",
		"alle %d beurten van het transcript zijn van de interviewer, geen van de respondent: %v; kijk of het bestand het interview is en of het label van de respondent niet een van de interviewer is (I:, Interviewer:, Onderzoeker:, of interviewer: in study.yaml); het label van de interviewer noemen bij dit bestand (interviewer: in study.yaml) maakt elk ander label van het bestand dat van een deelnemer",
		len(turns), ErrNoRespondentTurn)
	for _, t := range turns {
		ds.Rejects = append(ds.Rejects, model.Reject{File: path, Line: t.line, Value: labelValue(t.label), Err: err})
	}
	count.Rejected += len(turns)
	count.Accepted -= len(turns)
	ds.Segments = nil
}

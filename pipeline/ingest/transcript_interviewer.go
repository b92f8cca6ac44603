package ingest

import (
	"strings"

	"github.com/samenspel/samenspel/pipeline/model"
)

// Who is the interviewer of a transcript (attack 14, v1-vrouw-is-interviewer and
// numbered-participant-is-interviewer). A label was the interviewer's when it began
// with "interview" or "onderzoek", or was an interviewer word with a number; so
// "Interviewee 2" and "Onderzoeksdeelnemer 1" (a research participant) were the
// interviewer, and so were "V1:" and "V2:", the women of a focus group transcribed
// with M1/M2 for the men and V1/V2 for the women (V stands for vraag in a Q/A
// transcript too). Their words were never counted, without a word; and interviewer:
// in study.yaml, which the hint named, could not make them participants.
//
// The interviewer is now decided by whole label words (interviewerRole):
//   - the label's key is an interviewer word (I, Int, Interviewer, Interviewster,
//     Onderzoeker, Researcher, Q, Vraag, Question, Moderator, Gespreksleider), or
//     that word with a number ("I2", "Onderzoeker 2"), or its first word is one of
//     the longer ones followed by a name ("Interviewer Anna"); "Interviewee",
//     "Onderzoeksdeelnemer", "Interviewer-assistent" are not;
//   - V, with or without a number, is vraag or vrouw, decided per file
//     (decideVraagOrVrouw): a participant where the file has M labels (man) or a
//     numbered V beside another interviewer label; the interviewer where V alone
//     alternates with one other speaker (V: ... A: ...); otherwise ambiguous, read as
//     the interviewer where no other label is and as a participant where one is, with
//     a warning naming the file, the labels and the key that settles it.
//
// interviewer: in study.yaml settles every case: where a label it names speaks in a
// file, those labels are the file's interviewer and every other speaker is a
// participant, whatever its word ("Onderzoeker:" for an interviewed researcher, "V1:").
// Where none of the names speaks in a file (an entry whose files have different
// interviewers), the words decide there.

// ErrVraagOrVrouw is wrapped by the warning for V labels whose reading the file leaves
// open; `analyse check` counts it as something to settle.
var ErrVraagOrVrouw = model.NewKind("V read as one of vraag and vrouw", "V gelezen als een van vraag en vrouw")

// interviewerWords are the words of interviewer labels; longInterviewerWords those that
// may be followed by a name ("Interviewer Anna").
var (
	interviewerWords     = []string{"i", "int", "interviewer", "interviewers", "interviewster", "interviewsters", "onderzoeker", "onderzoekers", "onderzoekster", "researcher", "q", "vraag", "question", "moderator", "gespreksleider", "gespreksleidster"}
	longInterviewerWords = []string{"int", "interviewer", "interviewster", "onderzoeker", "onderzoekster", "researcher", "moderator", "gespreksleider", "gespreksleidster"}
)

// A label's role by its words alone.
const (
	roleParticipant  = iota // a respondent's label, or one not known
	roleInterviewer         // an interviewer word
	roleVraagOrVrouw        // V, V1, V 2: decided per file
)

// interviewerRole is a label's role by its words (without a name in brackets, case and
// accents aside).
func interviewerRole(label string) int {
	k := labelKey(label)
	w := k
	if n := numberedWord(label); n != "" {
		w = n
	}
	switch {
	case w == "v":
		return roleVraagOrVrouw
	case inFolded(w, interviewerWords):
		return roleInterviewer
	}
	if first, rest, ok := strings.Cut(k, " "); ok && rest != "" && inFolded(first, longInterviewerWords) {
		return roleInterviewer
	}
	return roleParticipant
}

// isManLabel reports whether a label is M, M1, M 2, Man or Man 1: a man of a focus group.
func isManLabel(label string) bool {
	w := labelKey(label)
	if n := numberedWord(label); n != "" {
		w = n
	}
	return w == "m" || w == "man"
}

// markInterviewers sets which turns are the interviewer's (see above) and returns the
// warning for V labels whose reading the file leaves open, or nil.
func markInterviewers(path string, turns []turn, named []string) *model.Warning {
	namedHere := false
	for _, t := range turns {
		if t.label != "" && isNamedInterviewer(t.label, named) {
			namedHere = true
			break
		}
	}
	if namedHere {
		for i := range turns {
			turns[i].interviewer = turns[i].label != "" && isNamedInterviewer(turns[i].label, named)
		}
		return nil
	}
	vraag, warn := decideVraagOrVrouw(path, turns)
	question, qWarn := decideNumberedQuestions(path, turns) // Q1 beside Interviewer: transcript_question_numbers.go
	if warn == nil {
		warn = qWarn
	}
	for i := range turns {
		switch interviewerRole(turns[i].label) {
		case roleInterviewer:
			turns[i].interviewer = question || !isNumberedQuestion(turns[i].label)
		case roleVraagOrVrouw:
			turns[i].interviewer = vraag
		default:
			turns[i].interviewer = false
		}
	}
	return warn
}

// decideVraagOrVrouw decides whether a file's V labels are the interviewer's (vraag)
// or participants' (vrouw): see the comment above. It returns the warning for a file
// where that is a default, not a reading of the file.
func decideVraagOrVrouw(path string, turns []turn) (vraag bool, warn *model.Warning) {
	var vLabels, others []string
	seen := map[string]bool{}
	hasInterviewer, hasMan, vNumbered := false, false, false
	for _, t := range turns {
		if t.label == "" {
			continue
		}
		k := labelKey(t.label)
		if seen[k] {
			continue
		}
		seen[k] = true
		switch interviewerRole(t.label) {
		case roleVraagOrVrouw:
			vLabels = append(vLabels, t.label)
			vNumbered = vNumbered || numberedWord(t.label) != ""
		case roleInterviewer:
			hasInterviewer = true
			others = append(others, t.label)
		default:
			hasMan = hasMan || isManLabel(t.label)
			others = append(others, t.label)
		}
	}
	switch {
	case len(vLabels) == 0:
		return false, nil
	case hasMan, hasInterviewer && vNumbered:
		return false, nil // vrouw: M1 beside V1, or V1, V2 beside Interviewer
	case !hasInterviewer && len(vLabels) == 1 && !vNumbered && len(others) == 1 && alternates(turns):
		return true, nil // vraag: V: ... A: ... V: ... A: ...
	}
	// Ambiguous: read as the interviewer where there is no other, else as a participant.
	vraag = !hasInterviewer
	list := quoteAll(vLabels)
	example := vLabels[0]
	if hasInterviewer {
		example = interviewerExample(others)
	}
	if vraag {
		return true, &model.Warning{File: path, Err: model.Reasonf(
			"the speaker label(s) %[1]s may be vraag (the interviewer's question) or vrouw (a woman, beside M for man): they were read as the interviewer's, and their turns are not counted; if they are participants, name the interviewer on this entry in study.yaml (interviewer: followed by the interviewer's label): every other label is then a participant's; interviewer: %[2]s confirms this reading: %[3]w",
			"de sprekerlabel(s) %[1]s kunnen vraag (de vraag van de interviewer) of vrouw (een vrouw, naast M voor man) betekenen: ze zijn gelezen als de interviewer, en hun beurten tellen niet mee; zijn het deelnemers, noem dan de interviewer bij dit bestand in study.yaml (interviewer: met het label van de interviewer): elk ander label is dan van een deelnemer; interviewer: %[2]s bevestigt deze lezing: %[3]v",
			list, example, ErrVraagOrVrouw)}
	}
	return false, &model.Warning{File: path, Err: model.Reasonf(
		"the speaker label(s) %[1]s may be vraag (the interviewer's question) or vrouw (a woman, beside M for man): beside the interviewer's label %[2]s they were read as participants, and their turns are counted; if they are the interviewer's questions, name them on this entry in study.yaml (interviewer: [%[2]s, %[3]s]); interviewer: %[2]s confirms this reading: %[4]w",
		"de sprekerlabel(s) %[1]s kunnen vraag (de vraag van de interviewer) of vrouw (een vrouw, naast M voor man) betekenen: naast het label van de interviewer %[2]s zijn ze gelezen als deelnemers, en hun beurten tellen mee; zijn het de vragen van de interviewer, noem ze dan bij dit bestand in study.yaml (interviewer: [%[2]s, %[3]s]); interviewer: %[2]s bevestigt deze lezing: %[4]v",
		list, example, vLabels[0], ErrVraagOrVrouw)}
}

// alternates reports whether no two turns in a row have the same label: a question and
// an answer, in turn.
func alternates(turns []turn) bool {
	prev := ""
	for _, t := range turns {
		if t.label == "" {
			continue
		}
		k := labelKey(t.label)
		if k == prev {
			return false
		}
		prev = k
	}
	return true
}

// interviewerExample is the interviewer's label to name in a warning: the first of bare
// words ("I", "Interviewer 2", not "Interviewer Anna": a warning should carry no name),
// else the first interviewer label.
func interviewerExample(labels []string) string {
	first := ""
	for _, o := range labels {
		if interviewerRole(o) != roleInterviewer {
			continue
		}
		if inFolded(labelKey(o), interviewerWords) || numberedWord(o) != "" {
			return o
		}
		if first == "" {
			first = o
		}
	}
	return first
}

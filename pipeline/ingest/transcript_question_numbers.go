package ingest

import (
	"strconv"
	"strings"

	"github.com/samenspel/samenspel/pipeline/model"
)

// Q1, Q2 beside an interviewer's label (readers15). A Q, Vraag or Question label with a
// number was the interviewer's by its word, also where the file has an interviewer's
// label of its own ("Interviewer:", "I:"): there "Q1:" is either the number of a
// question (a heading over the interviewer's question, once per number: Q1, Q2, Q3) or
// a speaker's label (a participant numbered Q1, who speaks again and again). As V is
// (decideVraagOrVrouw), the file's own labels decide:
//
//   - no other interviewer label: the interviewer's, as before (Q1: ... A1: ...);
//   - every numbered Q label opens one turn, and there are two or more, numbered up in
//     the order they come: question numbers, not counted;
//   - one of them opens two or more turns: a speaker's label, a participant, counted;
//   - otherwise (one Q label, once; numbers out of order): ambiguous, read as a question
//     number (not counted), with a warning naming the file, the labels and the key that
//     settles it (interviewer: names the interviewer, and every other label is then a
//     participant's).

// ErrQuestionOrLabel is wrapped by the warning for numbered Q labels whose reading the
// file leaves open; `analyse check` counts it as something to settle.
var ErrQuestionOrLabel = model.NewKind("Q with a number read as one of a question number and a label", "Q met een nummer gelezen als een van een vraagnummer en een label")

// questionWords are the interviewer words that, with a number, may number a question.
var questionWords = []string{"q", "vraag", "question"}

// isNumberedQuestion reports whether a label is a question word with a number (Q1,
// Vraag 2, Question 3).
func isNumberedQuestion(label string) bool {
	return inFolded(numberedWord(label), questionWords)
}

// decideNumberedQuestions decides whether a file's numbered Q labels are the
// interviewer's (question numbers, or the interviewer's own label) or participants'; see
// above. It returns the warning for a file where that is a default, not a reading of
// the file.
func decideNumberedQuestions(path string, turns []turn) (interviewer bool, warn *model.Warning) {
	var labels []string
	turnsOf := map[string]int{}
	otherInterviewer := false
	for _, t := range turns {
		if t.label == "" {
			continue
		}
		k := labelKey(t.label)
		if isNumberedQuestion(t.label) {
			if turnsOf[k] == 0 {
				labels = append(labels, t.label)
			}
			turnsOf[k]++
			continue
		}
		if interviewerRole(t.label) == roleInterviewer {
			otherInterviewer = true
		}
	}
	if len(labels) == 0 || !otherInterviewer {
		return true, nil
	}
	for _, l := range labels {
		if turnsOf[labelKey(l)] > 1 {
			return false, nil // a speaker who speaks again: a participant's label
		}
	}
	if len(labels) >= 2 && numberedUp(labels) {
		return true, nil // Q1, Q2, Q3 once each, in order: question numbers
	}
	return true, &model.Warning{File: path, Err: model.Reasonf(
		"the speaker label(s) %[1]s beside the interviewer's label may number a question or be a participant's label: they were read as question numbers, and their turns are not counted; if they are participants, name the interviewer on this entry in study.yaml (interviewer: followed by the interviewer's label): every other label is then a participant's: %[2]w",
		"de sprekerlabel(s) %[1]s naast het label van de interviewer kunnen een vraag nummeren of het label van een deelnemer zijn: ze zijn gelezen als vraagnummers, en hun beurten tellen niet mee; zijn het deelnemers, noem dan de interviewer bij dit bestand in study.yaml (interviewer: met het label van de interviewer): elk ander label is dan van een deelnemer: %[2]v",
		quoteAll(labels), ErrQuestionOrLabel)}
}

// numberedUp reports whether the labels' numbers rise in the order the labels come.
func numberedUp(labels []string) bool {
	prev := -1
	for _, l := range labels {
		k := labelKey(l)
		i := strings.LastIndexFunc(k, func(r rune) bool { return r < '0' || r > '9' })
		n, err := strconv.Atoi(k[i+1:])
		if err != nil || n <= prev {
			return false
		}
		prev = n
	}
	return true
}

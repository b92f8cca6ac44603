package ingest

import (
	"fmt"
	"regexp"
	"strings"

	"github.com/samenspel/samenspel/pipeline/model"
)

// Speakers who speak once (attack 13, speaker-once). A label counts as a speaker when it
// is a known one or opens two or more lines, so that a sentence with a colon ("Dus: nee.")
// does not split a turn; but in a group interview "R1:" may speak once, and its words
// then joined the turn before it (the interviewer's, so they were never counted).
//
// A numbered label ("R1", "R 2", "Respondent 3", "Deelnemer 2", "Spreker 4", "P1") is a
// speaker however often it occurs when its word is a known label or a word that numbers
// speakers (numberedWords), or when another label with the same word is a speaker
// ("P1" opening three lines, "P2" one). A numbered interviewer label ("I2", "Q1",
// "Interviewer 2") is the interviewer's. Any other label that opens only one line, in a
// file split at speaker labels, stays part of the turn before it, and the file gets a
// warning naming the lines (onceLabelsWarning), not the label, which may be a name.
var numberedLabel = regexp.MustCompile(`^(\p{L}+) ?(\d{1,3})$`)

// numberedWords are words that number speakers besides the known labels.
var numberedWords = []string{"speaker", "spreker", "persoon", "person", "p", "deelnemer", "participant", "geinterviewde", "jongere", "ouder", "leerling", "m", "man", "vrouw"}

// numberedWord is the folded word of a numbered label ("R1" gives "r"), or "".
func numberedWord(label string) string {
	if m := numberedLabel.FindStringSubmatch(labelKey(label)); m != nil {
		return m[1]
	}
	return ""
}

// isNumberedKnown reports whether label is a known label or a speaker word with a number.
func isNumberedKnown(label string) bool {
	w := numberedWord(label)
	return w != "" && (inFolded(w, interviewerLabels) || inFolded(w, respondentLabels) || inFolded(w, numberedWords))
}

// onceLabelsWarning is the warning for lines that open like a speaker label that opens
// no other line and were read as part of the turn before them; nil without such lines.
// Its error carries the labels that may be names (onceNames, transcript_once_names.go),
// which the redactor treats as people; the message names the lines only.
func onceLabelsWarning(path string, lines []int, labels []string, text string) *model.Warning {
	if len(lines) == 0 {
		return nil
	}
	shown := lines
	if len(shown) > 5 {
		shown = shown[:5]
	}
	list := strings.Trim(strings.Join(strings.Fields(fmt.Sprint(shown)), ", "), "[]")
	if len(lines) > len(shown) {
		list += ", ..."
	}
	return &model.Warning{File: path, Err: withOnceNames(model.Reasonf(
		"%[1]d line(s) (%[2]s) open with what looks like a speaker label (a name and a colon) that opens no other line: each was read as part of the text before it (a turn, or a paragraph where no line opens with a speaker), and within an interviewer's turn is not counted; the label is redacted as a name wherever it stands; if one is a speaker, number the speakers (R1:, R2:) or name the interviewer on this entry (interviewer: in study.yaml)",
		"%[1]d regel(s) (%[2]s) beginnen met wat op een sprekerlabel lijkt (een naam en een dubbele punt) dat geen andere regel begint: elk is gelezen als deel van de tekst ervoor (een beurt, of een alinea waar geen regel met een spreker begint), en telt binnen een beurt van de interviewer niet mee; het label wordt overal als naam weggelakt; is het een spreker, nummer de sprekers dan (R1:, R2:) of noem de interviewer bij dit bestand (interviewer: in study.yaml)",
		len(lines), list), labels, text)}
}

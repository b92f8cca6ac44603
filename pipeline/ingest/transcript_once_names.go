package ingest

import (
	"errors"
	"strings"
	"unicode"
	"unicode/utf8"
)

// A label that opens only one line of a transcript ("Anneke: Ik was er ook bij.") is no
// speaker (transcript_numbered.go): its line stays in the turn before it, label and all.
// Where that turn is the respondent's, the label went into the segment's text and from
// there into quotes, the joint display and the report: a name no list held, published
// (readers14). The warning about those lines carries the labels (onceNames), and the
// redactor treats them as people (pipeline/redactor_speakers.go), as it treats the
// speakers of a transcript without a known interviewer. A label word the transcript also
// writes in lower case ("Dus: nee." beside "dus") is a word, not a name, and is left out.

// onceNames is a warning's error that carries the labels that may be names.
type onceNames struct {
	error
	labels []string
}

func (e onceNames) Unwrap() error { return e.error }

// withOnceNames wraps err with the labels of labels that may be names, judged against
// the transcript's text.
func withOnceNames(err error, labels []string, text string) error {
	var lower map[string]bool // the words text writes in lower case, made once needed
	var names []string
	seen := map[string]bool{}
	for _, l := range labels {
		if seen[l] {
			continue
		}
		seen[l] = true
		if lower == nil {
			lower = lowerWords(text)
		}
		if nameLike(l, lower) {
			names = append(names, l)
		}
	}
	if len(names) == 0 {
		return err
	}
	return onceNames{err, names}
}

// nameLike reports whether a label may be a name: one of its words starts with a capital
// and is not written in lower case elsewhere in the transcript.
func nameLike(label string, lower map[string]bool) bool {
	for _, w := range strings.FieldsFunc(label, func(r rune) bool { return !unicode.IsLetter(r) && r != '\'' && r != '’' && r != '-' }) {
		r, _ := utf8.DecodeRuneInString(w)
		if unicode.IsUpper(r) && utf8.RuneCountInString(w) > 1 && !lower[strings.ToLower(w)] {
			return true
		}
	}
	return false
}

// lowerWords are the words of text that start with a lower-case letter.
func lowerWords(text string) map[string]bool {
	out := map[string]bool{}
	for _, w := range strings.FieldsFunc(text, func(r rune) bool { return !unicode.IsLetter(r) && r != '\'' && r != '’' && r != '-' }) {
		if r, _ := utf8.DecodeRuneInString(w); unicode.IsLower(r) {
			out[w] = true
		}
	}
	return out
}

// OnceSpeakerNames returns the labels a reader's warning names as possible names of
// people: labels that open one line of a transcript and were read as part of a turn.
func OnceSpeakerNames(err error) []string {
	var o onceNames
	if errors.As(err, &o) {
		return o.labels
	}
	return nil
}

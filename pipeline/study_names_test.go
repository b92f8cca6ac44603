package pipeline

import (
	"slices"
	"testing"
)

// interviewer: takes one name or a list; a mapping is an error.
func TestParseStudyInterviewerNames(t *testing.T) {
	for yaml, want := range map[string][]string{
		"interviewer: Qwyntje":          {"Qwyntje"},
		"interviewer: [Qwyntje, Anna]":  {"Qwyntje", "Anna"},
		"interviewer:\n      - Qwyntje": {"Qwyntje"},
		"interviewer: ''":               nil,
	} {
		s, err := ParseStudy([]byte("title: T\ncodebook: cb.yaml\ninterviews:\n  - path: t/*.txt\n    " + yaml + "\n"))
		if err != nil {
			t.Fatalf("%s: %v", yaml, err)
		}
		if got := s.Interviews[0].Interviewer; !slices.Equal(got, want) {
			t.Errorf("%s: %q, want %q", yaml, got, want)
		}
		if got := s.options(s.Interviews[0], nil, nil).Interviewers; !slices.Equal(got, want) {
			t.Errorf("%s: options %q", yaml, got)
		}
	}
	if _, err := ParseStudy([]byte("title: T\ncodebook: cb.yaml\ninterviews:\n  - path: t/*.txt\n    interviewer: {naam: Q}\n")); err == nil {
		t.Error("a mapping under interviewer: is accepted")
	}
}

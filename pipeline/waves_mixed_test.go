package pipeline

import (
	"strings"
	"testing"

	"github.com/samenspel/samenspel/pipeline/model"
)

// mixedInterviewWaves counts the people with interview segments in a wave and without
// one; open answers, interviewer turns and people in waves only (or in none) are not.
func TestMixedInterviewWaves(t *testing.T) {
	d := &model.Dataset{Segments: []model.Segment{
		{ID: "2025/s1", Respondent: "JO01", Wave: "2025"}, {ID: "s1", Respondent: "JO01"},
		{ID: "2024/s2", Respondent: "JO02", Wave: "2024"}, {ID: "2025/s2", Respondent: "JO02", Wave: "2025"},
		{ID: "s3", Respondent: "JO03"},
		{ID: "2025/s4", Respondent: "JO04", Wave: "2025"}, {ID: "o4", Respondent: "JO04", OpenAnswer: true},
		{ID: "2025/s5", Respondent: "JO05", Wave: "2025"}, {ID: "i5", Respondent: "JO05", Interviewer: true},
	}}
	w := mixedInterviewWaves(d)
	if len(w) != 1 || !strings.HasPrefix(w[0].Error(), "1 respondent(s) have interview segments in a wave and others without one") {
		t.Errorf("warnings %v, want one for JO01", w)
	}
	d.Segments = d.Segments[2:]
	if w := mixedInterviewWaves(d); w != nil {
		t.Errorf("warnings %v, want none", w)
	}
}

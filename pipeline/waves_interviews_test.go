package pipeline

import (
	"reflect"
	"testing"

	"github.com/samenspel/samenspel/pipeline/protected"
	"github.com/samenspel/samenspel/pipeline/results"
)

// The coding tables of a study whose interviews carry two waves get the latest wave's
// segments and their codings only, with the protect stage's segment numbers renumbered
// (or without them); open answers of a survey in waves beside interviews without waves
// leave everything as it was (attack 16, F05).
func TestLatestInterviewWave(t *testing.T) {
	p := &protected.Dataset{
		Segments: []protected.Segment{
			{ID: "JW-01/001", Respondent: "JW-01", Wave: "2024"},
			{ID: "JW-01/002", Respondent: "JW-01", Wave: "2025"},
			{ID: "JW-02/001", Respondent: "JW-02", Wave: "2024"},
			{ID: "JW-03/001", Respondent: "JW-03", Wave: "2025"},
		},
		Codings: []protected.Coding{
			{Segment: "JW-01/001", Code: "a"}, {Segment: "JW-01/002", Code: "b"},
			{Segment: "JW-02/001", Code: "c"}, {Segment: "gone", Code: "d"}, {Segment: "JW-03/001", Code: "e"},
		},
		CodingSegment: []int32{0, 1, 2, -1, 3},
	}
	w := findInterviewWaves(p, []string{"2023", "2024", "2025"})
	if w.latest != "2025" || !reflect.DeepEqual(w.earlier, []results.Wave{{Wave: "2024", Segments: 2}}) {
		t.Fatalf("waves %+v", w)
	}
	for _, numbered := range []bool{true, false} {
		q := *p
		if !numbered {
			q.CodingSegment = nil
		}
		cur := w.latestOnly(&q)
		var segs, codes []string
		for _, s := range cur.Segments {
			segs = append(segs, s.ID)
		}
		for _, c := range cur.Codings {
			codes = append(codes, c.Code)
		}
		if !reflect.DeepEqual(segs, []string{"JW-01/002", "JW-03/001"}) || !reflect.DeepEqual(codes, []string{"b", "d", "e"}) {
			t.Errorf("numbered %v: segments %v, codings %v", numbered, segs, codes)
		}
		if want := []int32{0, -1, 1}; numbered && !reflect.DeepEqual(cur.CodingSegment, want) {
			t.Errorf("segment numbers %v, want %v", cur.CodingSegment, want)
		}
		if !numbered && cur.CodingSegment != nil {
			t.Errorf("segment numbers %v made up", cur.CodingSegment)
		}
	}
	if len(p.Segments) != 4 || len(p.Codings) != 5 {
		t.Error("the protected dataset was changed")
	}
	held := w.latestCodings([]protected.Coding{{Segment: "JW-02/001"}, {Segment: "JW-03/001"}}, p)
	if len(held) != 1 || held[0].Segment != "JW-03/001" {
		t.Errorf("held %v", held)
	}
	got := w.latestInterviewed(map[string]bool{"JW-01": true, "JW-02": true, "JW-03": true}, &protected.Dataset{Segments: w.latestOnly(p).Segments})
	if !reflect.DeepEqual(got, map[string]bool{"JW-01": true, "JW-03": true}) {
		t.Errorf("interviewed %v", got)
	}

	// Interviews without a wave beside open answers of two survey waves (the example).
	open := &protected.Dataset{Segments: []protected.Segment{
		{ID: "a", Wave: ""}, {ID: "b", Wave: "2024", OpenAnswer: true}, {ID: "c", Wave: "2025", OpenAnswer: true},
	}}
	if w := findInterviewWaves(open, []string{"2024", "2025"}); w.latest != "" || len(w.latestOnly(open).Segments) != 3 {
		t.Errorf("open answers of survey waves left out: %+v", w)
	}
}

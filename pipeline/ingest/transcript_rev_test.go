package ingest

import (
	"errors"
	"testing"
)

// Attack 12 F16: Rev's "Speaker (time):" labels and a tab-separated "speaker, time,
// text" layout start turns; the label is the speaker without the time.
func TestTranscriptRevAndTabbedLabels(t *testing.T) {
	for name, text := range map[string]string{
		"rev, below":       "Interviewer (00:05):\nHoe gaat het?\n\nRespondent (00:12):\nKorte lijnen.\nMet school.\n",
		"rev, inline":      "Interviewer (00:00:05): Hoe gaat het?\nRespondent (00:00:12): Korte lijnen.\nMet school.\n",
		"rev, named once":  "Anna (00:05):\nHoe gaat het?\n\nNoor (00:12):\nKorte lijnen.\nMet school.\n",
		"tabs":             "Interviewer\t00:00:05\tHoe gaat het?\nRespondent\t00:00:12\tKorte lijnen.\nMet school.\n",
		"tabs, time first": "0:05\tInterviewer\tHoe gaat het?\n0:12\tRespondent\tKorte lijnen.\nMet school.\n",
	} {
		opt := Options{}
		if name == "rev, named once" {
			opt.Interviewers = []string{"Anna"}
		}
		ds := splitTranscript("f.txt", "f.txt", "R1", text, opt)
		if len(ds.Segments) != 2 || len(ds.Rejects) != 0 {
			t.Errorf("%s: segments %+v, rejects %v: want 2 turns", name, ds.Segments, ds.Rejects)
			continue
		}
		q, a := ds.Segments[0], ds.Segments[1]
		if !q.Interviewer || q.Text != "Hoe gaat het?" {
			t.Errorf("%s: first turn %+v: want the interviewer's question alone", name, q)
		}
		if a.Interviewer || a.Text != "Korte lijnen.\nMet school." {
			t.Errorf("%s: second turn %+v: want the respondent's answer alone", name, a)
		}
	}
	// Generic speakers, each once: rejected for want of a known interviewer, each turn
	// under its speaker without the time.
	for _, text := range []string{
		"Speaker 1 (00:05):\nHoe gaat het?\n\nSpeaker 2 (00:12):\nJa hoor.\n",
		"Spreker 1 (00:00:05):\nHoe gaat het?\n\nSpreker 2 (00:00:12):\nJa hoor.\n",
	} {
		ds := splitTranscript("f.txt", "f.txt", "R1", text, Options{})
		if len(ds.Segments) != 0 || len(ds.Rejects) != 2 || !errors.Is(ds.Rejects[0].Err, ErrNoInterviewer) ||
			ds.Rejects[0].Value[:7] != ds.Rejects[1].Value[:7] || ds.Rejects[0].Value[len(ds.Rejects[0].Value)-3:] != " 1:" {
			t.Errorf("%q: segments %+v, rejects %v: want 2 turns rejected, ErrNoInterviewer", text, ds.Segments, ds.Rejects)
		}
	}
	// A name in brackets stays in the label; a clock time between spaces is no column.
	if l, ok := withoutTimeStamp("Interviewer (Anna)"); ok || l != "Interviewer (Anna)" {
		t.Errorf("withoutTimeStamp(Interviewer (Anna)) = %q, %v", l, ok)
	}
	for _, l := range []string{"Om 10:30 Bergdorp bellen, dat was het plan.\n", "Bergdorp 10:30 afspraak\n"} {
		if speakerTabbed.MatchString(l) {
			t.Errorf("%q taken for a tabbed label", l)
		}
	}
}

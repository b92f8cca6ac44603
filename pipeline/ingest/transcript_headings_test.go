package ingest

import (
	"errors"
	"testing"
)

// Transcription tools put the speaker and a time stamp on a line of their own, the text
// below (attack 11 F25): the interviewer's turns are the interviewer's, and the heading
// line is in no segment's text.
func TestTranscriptTimeHeadings(t *testing.T) {
	for name, text := range map[string]string{
		"time first":  "00:00:05 Interviewer\nHoe gaat het?\n\n00:00:12 Respondent\nKorte lijnen.\nMet school.\n",
		"otter":       "Interviewer  0:05\nHoe gaat het?\n\nRespondent  0:12\nKorte lijnen.\nMet school.\n",
		"brackets":    "[00:05] Interviewer\nHoe gaat het?\n[00:12] Respondent\nKorte lijnen.\nMet school.\n",
		"dash, CRLF":  "Interviewer - 00:00:05,120\r\nHoe gaat het?\r\nRespondent - 00:00:12,480\r\nKorte lijnen.\r\nMet school.\r\n",
		"named, once": "Anna  0:05\nHoe gaat het?\n\nNoor  0:12\nKorte lijnen.\nMet school.\n",
	} {
		opt := Options{}
		if name == "named, once" {
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
}

// Two speakers by heading lines, neither known as the interviewer ("Speaker 1",
// "Speaker 2", who speaks once): every turn is rejected (ErrNoInterviewer), as with
// "Speaker 1:" labels, rather than one speaker's text swallowing the other's.
func TestTranscriptTimeHeadingsNoInterviewer(t *testing.T) {
	ds := splitTranscript("f.txt", "f.txt", "R1", "Speaker 1  0:05\nHoe gaat het?\n\nSpeaker 2  0:12\nGoed.\n\nSpeaker 1  0:30\nEn verder?\n", Options{})
	if len(ds.Segments) != 0 || len(ds.Rejects) != 3 {
		t.Fatalf("segments %+v, rejects %v: want 3 rejected turns", ds.Segments, ds.Rejects)
	}
	for _, r := range ds.Rejects {
		if !errors.Is(r.Err, ErrNoInterviewer) {
			t.Errorf("reject %v: want ErrNoInterviewer", r)
		}
	}
}

// A short line of speech or a clock time in a sentence is no heading.
func TestTranscriptTimeHeadingsNeedALineOfTheirOwn(t *testing.T) {
	for _, l := range []string{"Ja hoor.\n", "We spraken om 10:30 af.\n", "Om 10:30 Bergdorp bellen, dat was het plan.\n", "10:30\n", "Interviewer\n"} {
		if speakerHeading.MatchString(l) {
			t.Errorf("%q taken for a speaker heading", l)
		}
	}
}

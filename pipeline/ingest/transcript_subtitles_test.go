package ingest

import "testing"

// A WebVTT transcript's voices are its speakers; cue ids, timings, header, NOTE blocks
// and markup are left out; SubRip cues read like lines of a transcript (attack 13,
// vtt-voice-tags).
func TestSubtitleText(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{"\ufeffWEBVTT - Teams\n\nNOTE opgenomen in Teams\n\n1\n00:00:00.000 --> 00:00:04.120 align:start\n<v Interviewer>Heeft u <i>korte</i> lijnen?</v>\n\n" +
			"2\n00:04.500 --> 00:06.300\n<v.loud Kevin O>Nee &amp; helaas</v>\n\n00:00:06.500 --> 00:00:08.000\n<v Kevin O>niet.<00:00:07.000> Nooit.</v>\n\n" +
			"00:00:09.000 --> 00:00:10.000\nmaar soms\n",
			"Interviewer\t00:00:00.000\tHeeft u korte lijnen?\nKevin O\t00:04.500\tNee & helaas niet. Nooit. maar soms\n"},
		{"1\r\n00:00:00,000 --> 00:00:04,120\r\nInterviewer: Heeft u korte lijnen?\r\n\r\n2\r\n00:00:04,500 --> 00:00:06,300\r\nRespondent: Nee.\r\nNooit.\r\n",
			"Interviewer: Heeft u korte lijnen?\nRespondent: Nee.\nNooit.\n"},
		{"WEBVTT\n\n00:01.000 --> 00:02.000\n<v I>Vraag?</v> <v R>Antwoord.</v>\n", "I\t00:01.000\tVraag?\nR\t00:01.000\tAntwoord.\n"},
	} {
		if !isSubtitles("x.txt", c.in) {
			t.Errorf("%q: not recognised as subtitles", c.in)
		}
		if got := subtitleText(c.in); got != c.want {
			t.Errorf("%q:\n got %q\nwant %q", c.in, got, c.want)
		}
	}
	if isSubtitles("JW01.txt", "I: Hoe gaat het?\nR: 00:00:01,000 --> dat weet ik niet\n") {
		t.Error("a transcript taken for subtitles")
	}
}

// A .vtt file reads as a transcript whose voices are the speakers: the interviewer's
// question is the interviewer's, with no markup or time stamp in the text.
func TestReadTranscriptVTT(t *testing.T) {
	path := "JW01_Bergdorp.vtt"
	path = writeFile(t, path, []byte("WEBVTT\n\n00:00:00.000 --> 00:00:04.120\n<v Interviewer>Heeft u korte lijnen met de wijkagent?</v>\n\n00:00:04.500 --> 00:00:06.300\n<v Kevin Oosterhuis>Nee, helaas niet.</v>\n"))
	ds, err := ReadInterviews(path, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if len(ds.Segments) != 2 || !ds.Segments[0].Interviewer || ds.Segments[0].Text != "Heeft u korte lijnen met de wijkagent?" ||
		ds.Segments[1].Interviewer || ds.Segments[1].Text != "Nee, helaas niet." {
		t.Fatalf("segments %+v", ds.Segments)
	}
	if len(ds.Respondents) != 1 || ds.Respondents[0].ID != "JW01" || ds.Respondents[0].Name != "Kevin Oosterhuis" {
		t.Errorf("respondents %+v: want JW01 with the voice's name kept for redaction", ds.Respondents)
	}
}

// FuzzSubtitleText: any text converts without a panic, and what it gives splits into
// turns whose offsets hold their text.
func FuzzSubtitleText(f *testing.F) {
	f.Add("WEBVTT\n\n00:00:00.000 --> 00:00:04.120\n<v Interviewer>Heeft u korte lijnen?</v>\n\n00:04.500 --> 00:06.300\n<v.loud R>Nee.</v>\n")
	f.Add("1\n00:00:00,000 --> 00:00:04,120\nInterviewer: Vraag?\n\n2\n00:00:04,500 --> 00:00:06,300\n<i>R: Ja.</i>\n")
	f.Fuzz(func(t *testing.T, in string) {
		text := subtitleText(in)
		ds := splitTranscript("f.vtt", "f.vtt", "R1", text, Options{})
		runes := []rune(normaliseBreaks(text))
		for _, s := range ds.Segments {
			if s.Start < 0 || s.End > len(runes) || string(runes[s.Start:s.End]) != s.Text {
				t.Fatalf("segment %q does not match the text", s.Text)
			}
		}
	})
}

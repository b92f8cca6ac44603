package ingest

import (
	"regexp"
	"strings"
)

// Two more layouts of transcription tools (attack 12 F16), read as one respondent turn
// before, so that the interviewer's questions were auto-coded as the respondent's words:
//
//   - Rev and Temi write the speaker with the time in brackets before the colon,
//     "Speaker 1 (00:05):" or "Spreker 1 (00:00:05):", the text on the line below or
//     after it. speakerLine reads the bracket as part of the label, as it does a name
//     ("Interviewer (Anna):"), so every label differed by its time and none occurred
//     twice; withoutTimeStamp takes the time off.
//   - A table pasted as text: "Interviewer<TAB>00:00:05<TAB>text" (or the time first),
//     speakerTabbed. Tabs are required, so a sentence with a clock time in it
//     ("Om 10:30 Bergdorp bellen") is no label.
//
// As with the heading lines of speakerHeading, a label that comes with a time stamp is a
// speaker however often it occurs; generic speakers (Speaker 1, Spreker 2) are none of
// them known as the interviewer, so such a file is rejected with ErrNoInterviewer and
// the advice to name the interviewer, as Otter's layout is.

// speakerTabbed matches the start of a line "label<TAB>time<TAB>" or "time<TAB>label<TAB>".
var speakerTabbed = regexp.MustCompile(`^[ \t]*(?:` + headingLabel + `\t+` + timeStamp + `|` + timeStamp + `\t+` + headingLabel + `)\t+`)

// labelTime matches a label that ends in a time stamp in brackets.
var labelTime = regexp.MustCompile(`^(.*?)[ \t]*\(\d{1,2}:\d{2}(?::\d{2})?(?:[.,]\d{1,3})?\)$`)

// withoutTimeStamp is label without a time stamp in brackets at its end ("Speaker 1
// (00:05)" gives "Speaker 1"), and whether it had one; a name in brackets stays.
func withoutTimeStamp(label string) (string, bool) {
	m := labelTime.FindStringSubmatch(label)
	if m == nil || strings.TrimSpace(m[1]) == "" {
		return label, false
	}
	return strings.TrimSpace(m[1]), true
}

package ingest

import (
	"regexp"
	"slices"
)

// Chat exports and quick transcripts write speakers in lower case ("noor: die ken ik
// persoonlijk", "[14:02] jayden: hoi"). speakerLine wants a capital, so such lines were
// text: glued onto the interviewer's turn before them, and then the whole file was
// rejected as the interviewer's (attack 15b, side note). A lower-case label is a speaker
// where it is a known label ("i:", "r:"), the interviewer study.yaml names, or a word
// that opens two or more lines and is not a word of speech that may end in a colon
// ("dus:", "nou:", "bijvoorbeeld:"). One word only: "ik zei toen:" is speech. A lower-case
// label that opens one line stays text, as before.

// speakerLineLower matches a line opening with one lower-case word and a colon,
// optionally after a time stamp; the word is the submatch.
var speakerLineLower = regexp.MustCompile(`^[ \t]*(?:` + chatPrefix + `|\[?\(?\d{1,2}:\d{2}(?::\d{2})?\)?\]?[ \t]*)?` +
	`(\p{Ll}[\p{L}\p{N}.'’\-]*)[ \t]*:(?:[ \t\n]|$)`)

// speechWords are words that open a line of speech before a colon, never a speaker.
var speechWords = []string{"ja", "nee", "nou", "dus", "maar", "en", "of", "want", "toen", "dan", "zo", "oke", "ok", "eh", "uh", "ehm", "hm", "hmm", "bijvoorbeeld", "namelijk", "bv", "let", "tip", "noot", "opmerking", "vraagje", "antwoordje", "kortom", "conclusie", "oftewel", "zoals", "daarom", "waarom", "wat", "wie", "hoe", "waar", "wanneer", "ik", "jij", "hij", "zij", "we", "wij", "jullie", "ze", "het", "dat", "dit", "die"}

// lowerSpeaker reports whether a lower-case label, opening count lines, is a speaker.
func lowerSpeaker(label string, count int, opt Options) bool {
	return isKnownLabel(label) || isNamedInterviewer(label, opt.Interviewers) ||
		count >= 2 && !slices.Contains(speechWords, foldName(label))
}

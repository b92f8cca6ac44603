package ingest

import (
	"html"
	"path/filepath"
	"regexp"
	"strings"
)

// Subtitle files as Teams, Zoom and transcription tools export an interview: WebVTT (.vtt)
// and SubRip (.srt). Read as plain text (attack 13, vtt-voice-tags), a cue's time line
// opened every turn, so no speaker label was seen: the interviewer's question in
// `<v Interviewer>Heeft u ...</v>` was one respondent turn with the respondent's answer,
// auto-coded as the respondent's, and quotes published the markup and time stamps.
//
// subtitleText turns such a file into the transcript layout splitTranscript reads: the
// header (WEBVTT ...), NOTE, STYLE and REGION blocks, cue ids and cue timings are left
// out; a cue's voice (`<v Interviewer>`, `<v.loud Anna>`) is its speaker, written as a
// tab-separated line "speaker<TAB>start time<TAB>text" (speakerTabbed), so that a
// voice is a speaker however often it speaks; the cues that follow with the same voice,
// or with none, continue its turn. Other markup (<c>, <i>, <b>, <u>, <lang>, <ruby>, time
// stamps inside a cue) is dropped and character references (&amp;) decoded. A cue
// without a voice keeps its text as it is, so Zoom's "Anna: text" is a speaker label as
// in any transcript.
func subtitleText(text string) string {
	var b strings.Builder
	voice := "" // the speaker of the turn being written; "" before the first voice
	for _, block := range strings.Split(normaliseBreaks(text), "\n\n") {
		lines := strings.Split(strings.Trim(block, "\n"), "\n")
		timing := -1
		for i, l := range lines {
			if cueTiming.MatchString(l) {
				timing = i
				break
			}
		}
		if timing < 0 {
			continue // the header, NOTE, STYLE, REGION, or a stray line
		}
		start := cueTiming.FindStringSubmatch(lines[timing])[1]
		for _, l := range lines[timing+1:] {
			for _, part := range voiceParts(l) {
				t := strings.Join(strings.Fields(html.UnescapeString(cueMarkup.ReplaceAllString(part.text, ""))), " ")
				switch {
				case part.voice != "" && part.voice != voice:
					voice = part.voice
					b.WriteString("\n" + voice + "\t" + start + "\t" + t)
				case t == "":
				case voice != "":
					b.WriteString(" " + t)
				default:
					b.WriteString("\n" + t)
				}
			}
		}
	}
	return strings.TrimPrefix(b.String(), "\n") + "\n"
}

var (
	// cueTiming is a cue's timing line, WebVTT's "00:00:04.500 --> 00:00:06.300" (hours
	// optional) or SubRip's "00:00:04,500 --> 00:00:06,300", with cue settings after it.
	cueTiming = regexp.MustCompile(`^[ \t]*((?:\d+:)?\d{1,2}:\d{2}[.,]\d{1,3})[ \t]+-->[ \t]+(?:\d+:)?\d{1,2}:\d{2}[.,]\d{1,3}`)
	// voiceTag is WebVTT's voice span start, <v Name> or <v.class Name>.
	voiceTag = regexp.MustCompile(`<v(?:\.[^ \t>]+)*[ \t]+([^>]*)>`)
	// cueMarkup is any other tag of a cue's text, and a time stamp tag <00:00:05.000>.
	cueMarkup = regexp.MustCompile(`<[^<>]*>`)
)

type voicePart struct{ voice, text string }

// voiceParts cuts a cue line at its voice tags: the text before the first (no voice),
// then each voice with its text.
func voiceParts(line string) []voicePart {
	locs := voiceTag.FindAllStringSubmatchIndex(line, -1)
	if locs == nil {
		return []voicePart{{text: line}}
	}
	parts := []voicePart{{text: line[:locs[0][0]]}}
	for i, m := range locs {
		end := len(line)
		if i+1 < len(locs) {
			end = locs[i+1][0]
		}
		parts = append(parts, voicePart{voice: strings.TrimSpace(line[m[2]:m[3]]), text: line[m[1]:end]})
	}
	return parts
}

// isSubtitles reports whether a transcript is a subtitle file: by its extension (.vtt,
// .srt), by WebVTT's signature, or by a SubRip cue (a number, then a timing line) at its
// start.
func isSubtitles(path, text string) bool {
	switch strings.ToLower(filepath.Ext(path)) {
	case ".vtt", ".srt":
		return true
	}
	t := strings.TrimLeft(strings.TrimPrefix(text, "\ufeff"), " \t\r\n")
	if strings.HasPrefix(t, "WEBVTT") {
		return true
	}
	lines := strings.SplitN(normaliseBreaks(t), "\n", 3)
	return len(lines) >= 2 && srtIndex.MatchString(lines[0]) && cueTiming.MatchString(lines[1])
}

var srtIndex = regexp.MustCompile(`^\d+[ \t]*$`)

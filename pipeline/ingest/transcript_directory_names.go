package ingest

import (
	"regexp"
	"strings"
)

// Speaker labels as Microsoft Teams, Stream and Zoom write them (attack 16, f01, f02,
// f03). Teams shows a person by the display name of the organisation's directory, which
// in many Dutch organisations (and in every directory that sorts by surname) reads
// "Surname, Given name", with a surname prefix before or after it and the department in
// brackets: "Pinas, Dewayne", "de Groot, Anna (Onderzoeker)", "Groot, Anna de". Its
// .docx and .txt transcripts put that name and a time on a line of their own
// ("Pinas, Dewayne   0:05", the text below), its .vtt files use it as a cue's voice
// (<v Pinas, Dewayne>), and Zoom writes it before a colon in a cue's text. A label with
// a comma matched none of the label patterns, so the label line became text: the names
// were published in quotes, and a .vtt of such voices was one turn.
//
// directoryName is that form: up to three surname prefixes in lower case, a capitalised
// surname (with up to two more words), a comma, and a capitalised given name or
// initials with up to two more words (a prefix written after it).
const directoryName = `(?:(?:` + surnamePrefixes + `)[ \t]+){0,3}\p{Lu}[\p{L}'’\-]*(?:[ \t]+[\p{L}'’\-]+){0,2},[ \t]*\p{Lu}[\p{L}.'’\-]*(?:[ \t]+[\p{L}.'’\-]+){0,2}`

// surnamePrefixes are the lower-case words a surname opens with (tussenvoegsels, and
// the particles of other languages' surnames).
const surnamePrefixes = `van|de|der|den|ten|ter|te|het|'t|’t|in|op|onder|uit|aan|von|zu|da|di|do|dos|das|du|des|la|le|el|al|bin|ben|mc`

// chatPrefix is the date and time before a sender in a WhatsApp export: Android
// "12-03-2025 14:02 - ", its US form "3/12/25, 2:02 PM - ", iOS "[12-03-2025 14:02:11] "
// (a narrow no-break space before PM, a left-to-right mark before the line), or a bare
// time in brackets "[14:02] ".
const chatPrefix = `\x{200e}?(?:\[?\d{1,2}[-/.]\d{1,2}[-/.]\d{2,4},?[ \t]+\d{1,2}[:.]\d{2}(?:[:.]\d{2})?(?:[ \t\x{202f}\x{a0}]?[AaPp]\.?[Mm]\.?)?\]?[ \t]*(?:[-–][ \t]*)?|\[\d{1,2}:\d{2}(?::\d{2})?\][ \t]*)`

// chatLine matches the date and time that open a line of a chat export: its sender is a
// speaker however often it writes, as a label with a time stamp is.
var chatLine = regexp.MustCompile(`^[ \t]*` + chatPrefix)

// chatSender matches a chat line's date, time and sender: the sender is the submatch.
var chatSender = regexp.MustCompile(`(?m)^[ \t]*` + chatPrefix + `([^:\n\[\]]{1,60}?)[ \t]*:(?:[ \t]|$)`)

// ChatSenders returns the senders of the chat lines in text (a WhatsApp chat pasted into
// a segment, or an export read as a transcript), each once, in order: a sender is a
// speaker, and so a name to redact wherever the name lists do not know it. A lower-case
// sender that is a word of speech ("[14:02] ik: ...") is none.
func ChatSenders(text string) []string {
	if !strings.Contains(text, ":") {
		return nil
	}
	var out []string
	seen := map[string]bool{}
	for _, m := range chatSender.FindAllStringSubmatch(text, -1) {
		s := strings.TrimSpace(m[1])
		if s == "" || seen[s] || strings.ContainsAny(s, "0123456789") && !strings.ContainsAny(s, "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ") {
			continue
		}
		if len(strings.Fields(s)) == 1 && inFolded(foldName(s), speechWords) {
			continue
		}
		seen[s] = true
		out = append(out, s)
	}
	return out
}

// splitDirectoryName is a "Surname, Given name" label as a name in reading order,
// without a department in brackets ("Pinas, Dewayne (Jongere)" gives "Dewayne Pinas",
// "de Groot, Anna" gives "Anna de Groot"), and whether label has that form. The order
// is what running text writes ("Dewayne zei"), for the name that is redacted.
func splitDirectoryName(label string) (string, bool) {
	l := strings.TrimSpace(label)
	if i := strings.LastIndex(l, "("); i > 0 && strings.HasSuffix(l, ")") {
		l = strings.TrimSpace(l[:i])
	}
	if !directoryNameOnly.MatchString(l) {
		return label, false
	}
	surname, given, _ := strings.Cut(l, ",")
	return strings.Join(strings.Fields(given+" "+surname), " "), true
}

var directoryNameOnly = regexp.MustCompile(`^` + directoryName + `$`)

// Teams' transcripts of 2021 and 2022 (.docx and .txt, "Download as .docx") wrote each
// cue as a timing line, the speaker on the next line and the text below it:
//
//	0:0:5.100 --> 0:0:8.250
//	Pinas, Dewayne
//	We hebben korte lijnen.
//
// Read as text, no line was a label and the speakers' names were the quotes' text.
// teamsCues turns such a text into the tab-separated layout (speakerTabbed) where at
// least two timing lines are each followed by a line that is a label alone; it returns
// text unchanged otherwise.
func teamsCues(text string) string {
	lines := strings.Split(normaliseBreaks(text), "\n")
	cues := 0
	for i := 0; i+1 < len(lines); i++ {
		if teamsTiming.MatchString(lines[i]) && labelOnly.MatchString(strings.TrimSpace(lines[i+1])) {
			cues++
		}
	}
	if cues < 2 {
		return text
	}
	var b strings.Builder
	for i := 0; i < len(lines); i++ {
		m := teamsTiming.FindStringSubmatch(lines[i])
		if m == nil || i+1 >= len(lines) || !labelOnly.MatchString(strings.TrimSpace(lines[i+1])) {
			if m == nil {
				b.WriteString(lines[i] + "\n")
			}
			continue
		}
		b.WriteString(strings.TrimSpace(lines[i+1]) + "\t" + clockTime(m[1]) + "\t")
		i++
		var said []string
		for i+1 < len(lines) && strings.TrimSpace(lines[i+1]) != "" && !teamsTiming.MatchString(lines[i+1]) {
			i++
			said = append(said, strings.TrimSpace(lines[i]))
		}
		b.WriteString(strings.Join(said, " ") + "\n")
	}
	return b.String()
}

var (
	// teamsTiming is a cue's timing line as Teams wrote it in a transcript, hours,
	// minutes and seconds of one digit or more ("0:0:5.100 --> 0:0:8.250"), or as WebVTT.
	teamsTiming = regexp.MustCompile(`^[ \t]*(\d{1,2}:\d{1,2}:\d{1,2}(?:[.,]\d{1,3})?)[ \t]+-->[ \t]+\d{1,2}:\d{1,2}:\d{1,2}(?:[.,]\d{1,3})?[ \t]*$`)
	// labelOnly is a line that holds a speaker label and nothing else.
	labelOnly = regexp.MustCompile(`^` + headingLabel + `$`)
)

// clockTime writes a Teams time "0:0:5.330" as timeStamp reads it, "0:00:05".
func clockTime(t string) string {
	t, _, _ = strings.Cut(strings.ReplaceAll(t, ",", "."), ".")
	parts := strings.Split(t, ":")
	for i := 1; i < len(parts); i++ {
		if len(parts[i]) < 2 {
			parts[i] = "0" + parts[i]
		}
	}
	return strings.Join(parts, ":")
}

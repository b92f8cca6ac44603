package pipeline

import (
	"errors"
	"strings"
	"unicode"

	"github.com/samenspel/samenspel/pipeline/ingest"
	"github.com/samenspel/samenspel/pipeline/model"
)

// speakerNames are the speaker labels of transcripts that are people's names and that no
// respondent's Name holds: the interviewers study.yaml names (interviewer: [Qwyntje]),
// who may be named in a respondent's answer, and the speakers of a transcript rejected
// because none of them is known as the interviewer, which its rejects name (ingest.
// ErrNoInterviewer), the labels that open one line of a transcript and stay in the
// text (ingest.OnceSpeakerNames), and the senders of chat lines pasted into segments
// (chatSenders). The redactor treats them as people, so that none reaches an output.
//
// A label's generic words and numbers ("Speaker 1", "Spreker 2", "Interviewer",
// "Deelnemer 3") are no name: added as a person, "Speaker 1" was redacted in the
// reject's own reason, whose hint "name the interviewer, e.g. interviewer: Speaker 1"
// then read "interviewer: [naam]". What is left of a label after them ("Anna" of
// "Speaker 1 (Anna)") is a name and redacted as before.
func speakerNames(d *model.Dataset, s *Study, keep, texts []string) []string {
	var names []string
	add := func(label string) {
		if n := personInLabel(label); n != "" {
			names = append(names, n)
		}
	}
	if s != nil {
		for _, in := range s.Interviews {
			for _, n := range in.Interviewer {
				add(n)
			}
		}
	}
	for _, w := range d.Warnings { // a label that opens one line: ingest/transcript_once_names.go
		for _, l := range ingest.OnceSpeakerNames(w.Err) {
			add(l)
		}
	}
	for _, rj := range d.Rejects {
		if errors.Is(rj.Err, ingest.ErrNoInterviewer) {
			add(strings.TrimSuffix(rj.Value, ":"))
		}
	}
	names = append(names, chatSenders(texts, keep)...)
	return names
}

// chatSenders are the senders of the WhatsApp lines that segments paste
// ("12-03-2025 14:02 - Rishaan: ...", "[12-03-25, 14:02:11] Dewayne Pinas: ...",
// "[14:02] rishaan: ..."; ingest.ChatSenders). A sender is a speaker: its name is
// redacted wherever it stands, whether or not the name lists know it (attack 16, f03:
// only listed senders were). The words of the codebook, partners, roles and
// municipalities are left out of a sender ("Jeugdzorg Bergdorp: ..." names no person),
// and so are a label's generic words (personInLabel).
func chatSenders(texts, keep []string) []string {
	kept := map[string]bool{}
	for _, k := range keep {
		for _, w := range strings.FieldsFunc(k, func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) }) {
			kept[strings.ToLower(w)] = true
		}
	}
	var out []string
	seen := map[string]bool{}
	for _, text := range texts {
		for _, sender := range ingest.ChatSenders(text) {
			if seen[sender] {
				continue
			}
			seen[sender] = true
			var words []string
			for _, w := range strings.Fields(personInLabel(sender)) {
				if !kept[strings.ToLower(w)] {
					words = append(words, w)
				}
			}
			if n := strings.Join(words, " "); n != "" && (len(words) > 1 || !lowerOrdinary(n)) {
				out = append(out, n)
			}
		}
	}
	return out
}

// lowerOrdinary reports whether a one-word sender in lower case is an ordinary word that
// names no one ("mama", "groep"): redact.OrdinaryID's words and a few of a family chat.
func lowerOrdinary(w string) bool {
	for _, c := range w {
		if !unicode.IsLower(c) {
			return false
		}
	}
	switch w {
	case "mama", "papa", "mam", "pap", "mams", "paps", "ikke", "jij", "jullie", "wij":
		return true
	}
	return !lowerWordID(w)
}

// genericSpeakerWords are the words of speaker labels that name no one: transcription
// tools' "Speaker 1", "Spreker 2", and the roles of a conversation.
var genericSpeakerWords = map[string]bool{
	"speaker": true, "spreker": true, "spk": true, "spr": true, "interviewer": true,
	"interviewster": true, "interviewee": true, "geinterviewde": true, "onderzoeker": true,
	"researcher": true, "moderator": true, "gespreksleider": true, "respondent": true,
	"respondente": true, "deelnemer": true, "participant": true, "persoon": true,
	"person": true, "onbekend": true, "onbekende": true, "unknown": true, "stem": true,
	"voice": true, "vraag": true, "question": true, "antwoord": true, "answer": true,
}

// personInLabel is a speaker label without its generic words, numbers and single
// letters, and the brackets around what is left: "" where nothing is left.
func personInLabel(label string) string {
	var kept []string
	for _, w := range strings.FieldsFunc(label, func(r rune) bool {
		return unicode.IsSpace(r) || strings.ContainsRune("()[]:,-_#.", r)
	}) {
		f := strings.ToLower(w)
		f = strings.NewReplacer("ï", "i", "é", "e").Replace(f)
		if genericSpeakerWords[f] || strings.Trim(f, "0123456789") == "" || len([]rune(f)) < 2 {
			continue
		}
		kept = append(kept, w)
	}
	return strings.Join(kept, " ")
}

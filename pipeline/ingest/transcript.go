package ingest

import (
	"bytes"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"path/filepath"
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/encoding/charmap"
	textunicode "golang.org/x/text/encoding/unicode"

	"github.com/samenspel/samenspel/pipeline/model"
)

// readTranscript reads a plain interview transcript (.txt in UTF-8, UTF-16 with a
// byte-order mark or Windows-1252; or .docx) and splits it into speaker turns: a line
// that starts with a speaker label ("I:", "R:", "Interviewer:", "Interviewer (Anna):", a
// name and a colon), or a line that holds only a label and a time stamp as transcription
// tools write them ("00:00:05 Interviewer", "Interviewer  0:05", the text below it:
// speakerHeading), starts a turn that runs to the next label. A label counts as a
// speaker when it is a known one (I, R, Interviewer, Respondent, ...) or begins two or
// more lines, so a sentence with a colon does not split a turn. Without speaker labels,
// paragraphs separated by blank lines are the segments.
//
// A turn is the interviewer's when its label is a known interviewer label (I,
// Interviewer, Onderzoeker, Q, Vraag, ...) or one of opt.Interviewers (study.yaml's
// interviewer: [Qwyntje], for transcripts whose speakers are named). A file with two or
// more speakers none of whom is the interviewer is rejected, every turn with the speakers
// named and how to name the interviewer (ErrNoInterviewer): counting all of them as the
// respondent's would count and auto-code the interviewer's questions as answers, and
// taking one of them for the interviewer is a guess the study did not make. One speaker
// alone (a written answer, a monologue) is the respondent.
//
// Interviewer turns are kept with Interviewer set, for context. The respondent is
// opt.Respondent, or what opt.NamePattern reads from the file name (with role,
// municipality and other variables; a name that does not fit is a reject of every turn),
// or else the file name up to its first "_" (JW01_Bergdorp.txt gives JW01).
// Start and End are code point offsets of the turn's text in the document as read (line
// breaks made "\n"). Transcripts carry no codings: the auto-coder codes them.
func readTranscript(path string, opt Options) (model.Dataset, error) {
	var ds model.Dataset
	in, err := loadInput(path, opt)
	if err != nil {
		return ds, err
	}
	raw := in.data
	var text string
	hidden := 0 // runs of Word's hidden text left out
	if isZip(raw) || strings.EqualFold(filepath.Ext(path), ".docx") {
		a, err := openArchive(in, documentArchive)
		if err != nil {
			return ds, err
		}
		if text, hidden, err = docxText(a); err != nil {
			return ds, model.Reasonf("%s: %w", "%s: %v", path, err)
		}
		text = teamsCues(text) // Teams' older layout: transcript_directory_names.go
	} else {
		text = decodeText(raw)
		if isSubtitles(path, text) {
			text = subtitleText(text) // WebVTT, SubRip: transcript_subtitles.go
		} else {
			text = teamsCues(text) // Teams' older layout: transcript_directory_names.go
		}
	}
	base := filepath.Base(path)
	np, err := compileNamePattern(opt.NamePattern)
	if err != nil {
		return ds, model.Reasonf("%s: %w", "%s: %v", path, err)
	}
	resp := strings.TrimSpace(opt.Respondent)
	var vars *nameVariables
	var noResp error
	if np != nil {
		v, ok, err := np.match(path, opt.Codebook)
		if err != nil {
			return ds, err
		}
		if ok {
			vars = &v
			if resp == "" {
				resp = v.respondent
			}
		} else if resp == "" {
			noResp = errNameMismatch(base, np)
		}
	}
	byRule := resp == "" && np == nil
	if byRule {
		resp = respondentFromName(base)
	}
	ds = splitTranscript(path, base, resp, text, opt)
	if byRule && len(ds.Files) > 0 {
		nameRuleOf(&ds.Files[0], resp, base)
	}
	if hidden > 0 {
		ds.Warnings = append(ds.Warnings, hiddenTextWarning(path, hidden))
	}
	for i := range ds.Respondents {
		if vars != nil {
			vars.apply(&ds.Respondents[i])
		}
	}
	if noResp != nil {
		for i := range ds.Rejects {
			if errors.Is(ds.Rejects[i].Err, ErrUnknownRespondent) && ds.Rejects[i].Value == "" {
				ds.Rejects[i].Err = noResp
			}
		}
	}
	return ds, nil
}

// decodeText decodes a text file: UTF-16 by its byte-order mark, UTF-8 when valid, else
// Windows-1252 (what Word and Notepad on Dutch Windows save as "ANSI").
func decodeText(raw []byte) string {
	switch {
	case bytes.HasPrefix(raw, []byte{0xFF, 0xFE}), bytes.HasPrefix(raw, []byte{0xFE, 0xFF}):
		dec := textunicode.UTF16(textunicode.LittleEndian, textunicode.UseBOM).NewDecoder()
		if b, err := dec.Bytes(raw); err == nil {
			return string(b)
		}
	case utf8.Valid(raw):
		return strings.TrimPrefix(string(raw), "\ufeff")
	}
	b, err := charmap.Windows1252.NewDecoder().Bytes(raw)
	if err != nil {
		return strings.ToValidUTF8(string(raw), "\uFFFD")
	}
	return string(b)
}

// speakerLine matches a line opening with a speaker label: up to four words (or one
// word with a name in brackets), optionally after a time stamp, then a colon.
var speakerLine = regexp.MustCompile(`^[ \t]*(?:` + chatPrefix + `|\[?\(?\d{1,2}:\d{2}(?::\d{2})?\)?\]?[ \t]*)?` +
	`((?:` + directoryName + `|\p{Lu}[\p{L}\p{N}.'’\-]*(?:[ \t]+[\p{L}\p{N}.'’\-]+){0,3})(?:[ \t]*\([^()\n]{1,40}\))?)[ \t]*:(?:[ \t\n]|$)`)

// speakerHeading matches a line that holds only a speaker label and a time stamp, before
// or after it, the layout transcription tools export with the turn's text on the lines
// below ("00:00:05 Interviewer", Otter's "Interviewer  0:05", "[00:12] Speaker 2",
// "Respondent - 00:00:41"). The time stamp is required, so a short line of speech
// ("Ja hoor.") is not taken for a label; the label must still be a speaker (isSpeaker).
var speakerHeading = regexp.MustCompile(`^[ \t]*(?:` + timeStamp + `[ \t]*(?:[-–|][ \t]*)?` + headingLabel + `|` +
	headingLabel + `[ \t]*(?:[-–|][ \t]*)?` + timeStamp + `)[ \t]*\n?$`)

const (
	timeStamp = `[\[(]?\d{1,2}:\d{2}(?::\d{2})?(?:[.,]\d{1,3})?[\])]?`
	// headingLabel is a label word and up to three more, or a "Surname, Given name" of
	// a directory (transcript_directory_names.go), with a name or department in brackets.
	headingLabel = `((?:` + directoryName + `|\p{Lu}[\p{L}\p{N}.'’\-]*(?:[ \t][\p{L}\p{N}.'’\-]+){0,3})(?:[ \t]*\([^()\n]{1,40}\))?)`
)

// interviewerLabels and respondentLabels are labels known without counting.
var (
	interviewerLabels = []string{"i", "int", "interviewer", "interviewster", "interviewers", "onderzoeker", "researcher", "q", "v", "vraag", "question", "moderator", "gespreksleider"}
	respondentLabels  = []string{"r", "resp", "respondent", "a", "antwoord", "answer", "geinterviewde", "deelnemer", "participant", "jongere", "b", "interviewee", "onderzoeksdeelnemer"}
)

// ErrNoInterviewer is wrapped by the rejects of a transcript with two or more speakers,
// none of whom is known as the interviewer.
var ErrNoInterviewer = model.NewKind("no speaker known as the interviewer", "geen spreker bekend als de interviewer")

// ErrNotTranscript marks an interviews entry with interviewer: whose file is not a
// transcript.
var ErrNotTranscript = model.NewKind("interviewer: applies to transcripts only", "interviewer: geldt alleen voor transcripten")

// labelKey is a speaker label for comparison: folded (case, accents), without a name in
// brackets and a closing full stop ("Interviewer (Anna)" gives "interviewer").
func labelKey(label string) string {
	k := foldName(label)
	if i := strings.Index(k, "("); i >= 0 {
		k = strings.TrimSpace(k[:i])
	}
	return strings.TrimSuffix(k, ".")
}

// isInterviewerLabel reports whether a label's words may be the interviewer's (V among
// them, which the file decides): transcript_interviewer.go.
func isInterviewerLabel(label string) bool {
	return interviewerRole(label) != roleParticipant
}

// isNamedInterviewer reports whether a label is one of the interviewers study.yaml names,
// as written or without a name in brackets ("Qwyntje (interviewer)").
func isNamedInterviewer(label string, names []string) bool {
	for _, n := range names {
		if n = strings.TrimSpace(strings.TrimSuffix(strings.TrimSpace(n), ":")); n == "" {
			continue
		}
		if foldName(n) == foldName(label) || labelKey(n) == labelKey(label) {
			return true
		}
	}
	return false
}

func isKnownLabel(label string) bool {
	return isInterviewerLabel(label) || inFolded(labelKey(label), respondentLabels) || isNumberedKnown(label)
}

type turn struct {
	label       string
	start, end  int // code point offsets of the text
	line        int
	interviewer bool
}

// splitTranscript splits a transcript's text into turns (or paragraphs) and builds the
// dataset of one respondent.
func splitTranscript(path, doc, resp, text string, opt Options) model.Dataset {
	text = normaliseBreaks(text)
	runes := []rune(text)
	lines := strings.SplitAfter(text, "\n")

	// Offsets of each line, in code points.
	type lineInfo struct {
		start  int // code point offset of the line
		label  string
		rest   int // code point offset of the text after the label
		blank  bool
		number int
		lower  bool // a lower-case label (transcript_lower_labels.go)
	}
	infos := make([]lineInfo, 0, len(lines))
	counts := map[string]int{}
	// headings are the labels of speakerHeading lines: a label on a line of its own with
	// a time stamp is a speaker however often it occurs ("Speaker 2" may speak once).
	headings := map[string]bool{}
	pos := 0
	for i, l := range lines {
		li := lineInfo{start: pos, rest: pos, number: i + 1, blank: strings.TrimSpace(l) == ""}
		if m := speakerTabbed.FindStringSubmatchIndex(l); m != nil {
			// Label and time stamp in columns, the text after them (transcript_rev.go).
			at := m[2:4]
			if at[0] < 0 {
				at = m[4:6]
			}
			li.label = strings.TrimSpace(l[at[0]:at[1]])
			li.rest = pos + utf8.RuneCountInString(l[:m[1]])
			headings[foldName(li.label)] = true
		} else if m := speakerLine.FindStringSubmatchIndex(l); m != nil {
			li.label = strings.TrimSpace(l[m[2]:m[3]])
			li.rest = pos + utf8.RuneCountInString(l[:m[1]])
			if bare, ok := withoutTimeStamp(li.label); ok {
				// "Speaker 1 (00:05):" (Rev, Temi): the label with its time.
				li.label = bare
				headings[foldName(li.label)] = true
			}
			if chatLine.MatchString(l) {
				// A chat export's sender: transcript_directory_names.go.
				headings[foldName(li.label)] = true
			}
			counts[foldName(li.label)]++
		} else if m := speakerCell.FindStringSubmatchIndex(l); m != nil {
			// A table row: the label's cell, then the text's (docx_tables.go).
			li.label = strings.TrimSpace(l[m[2]:m[3]])
			li.rest = pos + utf8.RuneCountInString(l[:m[1]])
			counts[foldName(li.label)]++
		} else if m := speakerLineLower.FindStringSubmatchIndex(l); m != nil {
			// A lower-case label, a speaker only if it recurs: transcript_lower_labels.go.
			li.label = strings.TrimSpace(l[m[2]:m[3]])
			li.rest = pos + utf8.RuneCountInString(l[:m[1]])
			li.lower = true
			if chatLine.MatchString(l) && !inFolded(foldName(li.label), speechWords) {
				li.lower = false // a chat export's sender ("[14:02] rishaan:")
				headings[foldName(li.label)] = true
			}
			counts[foldName(li.label)]++
		} else if m := speakerHeading.FindStringSubmatchIndex(l); m != nil {
			// The label is a heading: the turn's text starts on the next line.
			at := m[2:4]
			if at[0] < 0 {
				at = m[4:6]
			}
			li.label = strings.TrimSpace(l[at[0]:at[1]])
			li.rest = pos + utf8.RuneCountInString(l)
			headings[foldName(li.label)] = true
		}
		infos = append(infos, li)
		pos += utf8.RuneCountInString(l)
	}
	// A lower-case label that is no speaker is text, not a once-speaking name.
	for i, li := range infos {
		if li.lower && !lowerSpeaker(li.label, counts[foldName(li.label)], opt) {
			infos[i].label, infos[i].rest = "", li.start
		}
	}
	// The words of numbered labels that are speakers by count ("P" of "P1" opening three
	// lines) make "P2" a speaker too (transcript_numbered.go).
	numbered := map[string]bool{}
	for _, li := range infos {
		if w := numberedWord(li.label); w != "" && (counts[foldName(li.label)] >= 2 || headings[foldName(li.label)]) {
			numbered[w] = true
		}
	}
	// A label study.yaml names as the interviewer's is a speaker however often it opens
	// a line: "Els:" asking one question was read as part of the respondent's turn before
	// it, and auto-coded as the respondent's words (attack 15, named-interviewer-once).
	isSpeaker := func(label string) bool {
		return label != "" && (isKnownLabel(label) || counts[foldName(label)] >= 2 || headings[foldName(label)] || numbered[numberedWord(label)] || isNamedInterviewer(label, opt.Interviewers))
	}

	var turns []turn
	speakers := false
	for _, li := range infos {
		if isSpeaker(li.label) {
			speakers = true
			break
		}
	}
	var once []int         // lines opening with a label that opens no other line
	var onceNames []string // their labels, redacted as names (transcript_once_names.go)
	for _, li := range infos {
		if li.label != "" && !isSpeaker(li.label) {
			once = append(once, li.number)
			onceNames = append(onceNames, li.label)
		}
	}
	if speakers {
		cur := -1
		for i, li := range infos {
			if isSpeaker(li.label) {
				turns = append(turns, turn{label: li.label, start: li.rest, line: li.number,
					interviewer: isInterviewerLabel(li.label) || isNamedInterviewer(li.label, opt.Interviewers)})
				cur = len(turns) - 1
			} else if cur < 0 && !li.blank {
				turns = append(turns, turn{start: li.start, line: li.number})
				cur = len(turns) - 1
			}
			end := len(runes)
			if i+1 < len(infos) {
				end = infos[i+1].start
			}
			if cur >= 0 {
				turns[cur].end = end
			}
		}
	} else {
		inPara := false
		for i, li := range infos {
			end := len(runes)
			if i+1 < len(infos) {
				end = infos[i+1].start
			}
			switch {
			case li.blank:
				inPara = false
			case !inPara:
				turns = append(turns, turn{start: li.start, end: end, line: li.number})
				inPara = true
			default:
				turns[len(turns)-1].end = end
			}
		}
	}

	vWarn := markInterviewers(path, turns, opt.Interviewers) // by whole words, V per file: transcript_interviewer.go

	var ds model.Dataset
	count := model.FileCount{Path: path, Format: "transcript"}
	known := opt.knows(resp)
	noInterviewer := noInterviewerAmong(turns, opt.Interviewers)
	respLabels := map[string]bool{}
	n := 0
	var accepted []turn // the turns of ds.Segments, for rejectInterviewerOnly
	for _, t := range turns {
		// Trim white space off both ends, moving the offsets with it.
		s, e := t.start, t.end
		for s < e && unicode.IsSpace(runes[s]) {
			s++
		}
		for e > s && unicode.IsSpace(runes[e-1]) {
			e--
		}
		loc := t.line
		switch {
		case resp == "":
			ds.Rejects = append(ds.Rejects, model.Reject{File: path, Line: loc, Err: model.Reasonf("no respondent: name it in study.yaml or in the file name: %w", "geen respondent: noem die in study.yaml of in de bestandsnaam: %v", ErrUnknownRespondent)})
			count.Rejected++
			continue
		case !known:
			en, nl := leadingZerosHint(resp, opt.Known)
			ds.Rejects = append(ds.Rejects, model.Reject{File: path, Line: loc, Value: resp, IsID: true, Err: model.Reasonf("%[1]q is not in the respondents table: %[2]w%[3]s", "%[1]q staat niet in de respondententabel: %[2]v%[4]s", resp, ErrUnknownRespondent, en, nl)})
			count.Rejected++
			continue
		case noInterviewer != nil:
			ds.Rejects = append(ds.Rejects, model.Reject{File: path, Line: loc, Value: labelValue(t.label), Err: noInterviewer})
			count.Rejected++
			continue
		case s == e:
			ds.Rejects = append(ds.Rejects, model.Reject{File: path, Line: loc, Value: t.label + ":", Err: model.Reasonf("the turn has no text: %w", "de beurt heeft geen tekst: %v", ErrEmptySegment)})
			count.Rejected++
			count.EmptyTurns++
			continue
		}
		n++
		ds.Segments = append(ds.Segments, model.Segment{
			ID: fmt.Sprintf("%s#%d", doc, n), Respondent: resp, Document: doc, Text: string(runes[s:e]),
			Start: s, End: e, Interviewer: t.interviewer, Source: path,
		})
		if t.label != "" && !t.interviewer {
			respLabels[t.label] = true
		}
		accepted = append(accepted, t)
		count.Accepted++
	}
	rejectInterviewerOnly(path, &ds, &count, accepted) // transcript_interviewer_only.go
	if w := onceLabelsWarning(path, once, onceNames, text); w != nil {
		ds.Warnings = append(ds.Warnings, *w)
	}
	if vWarn != nil && known && resp != "" {
		ds.Warnings = append(ds.Warnings, *vWarn)
	}
	if resp != "" && known {
		r := model.Respondent{ID: resp, Source: path}
		// A respondent who speaks under one personal name: keep it for redaction.
		if len(respLabels) == 1 {
			for l := range respLabels {
				if !isKnownLabel(l) && !strings.EqualFold(l, resp) {
					r.Name = l
					if n, ok := splitDirectoryName(l); ok {
						r.Name = n // "Pinas, Dewayne (Jongere)": transcript_directory_names.go
					}
				}
			}
		}
		ds.Respondents = append(ds.Respondents, r)
	}
	count.Read = count.Accepted + count.Rejected
	ds.Files = append(ds.Files, count)
	return ds
}

// noInterviewerAmong returns the reason to reject every turn of a transcript whose turns
// have two or more speakers and none of them is the interviewer (by a known label or one
// of named, study.yaml's interviewer list); nil otherwise.
func noInterviewerAmong(turns []turn, named []string) error {
	var speakers []string
	seen := map[string]bool{}
	for _, t := range turns {
		if t.interviewer {
			return nil
		}
		if k := labelKey(t.label); t.label != "" && !seen[k] {
			seen[k] = true
			speakers = append(speakers, t.label)
		}
	}
	if len(speakers) < 2 {
		return nil
	}
	list := quoteAll(speakers)
	if len(named) > 0 {
		return model.Reasonf("the speakers %[1]s: none is the interviewer (a known label such as I:, Interviewer: or Onderzoeker:, or one of interviewer: %[2]s on this entry in study.yaml), so the interviewer's questions would count as the respondent's words; add the interviewer's label to interviewer: in study.yaml: %[4]w",
			"de sprekers %[1]s: geen van hen is de interviewer (een bekend label als I:, Interviewer: of Onderzoeker:, of een van interviewer: %[2]s bij dit bestand in study.yaml), dus de vragen van de interviewer zouden als woorden van de respondent tellen; zet het label van de interviewer bij interviewer: in study.yaml: %[4]v",
			list, quoteAll(named), speakers[0], ErrNoInterviewer)
	}
	return model.Reasonf("the speakers %[1]s: none is known as the interviewer (I:, Interviewer:, Onderzoeker:, ...), so the interviewer's questions would count as the respondent's words; name the interviewer on this entry in study.yaml, e.g. interviewer: %[3]s: %[4]w",
		"de sprekers %[1]s: geen van hen is bekend als de interviewer (I:, Interviewer:, Onderzoeker:, ...), dus de vragen van de interviewer zouden als woorden van de respondent tellen; noem de interviewer bij dit bestand in study.yaml, bijvoorbeeld interviewer: %[3]s: %[4]v",
		list, "", speakers[0], ErrNoInterviewer)
}

// labelValue is a turn's label as the reject's value ("Qwyntje:"); empty for the text
// before the first label.
func labelValue(label string) string {
	if label == "" {
		return ""
	}
	return label + ":"
}

// docxText returns the text of a Word document's body, one paragraph a line. Tabs and
// line breaks inside a paragraph are kept; deleted revisions are left out, and so is
// hidden text (a run whose properties hold w:vanish: what Word neither shows nor prints,
// where a transcriber may have hidden a name), counted in hidden (the runs with text).
// A run is hidden by its own w:vanish, or else by its character style, or else by its
// paragraph's style (each with the styles it is based on), or else by the document's
// defaults, as Word decides (docx_styles.go). Of an mc:AlternateContent (a text box)
// only the first mc:Choice is read, and the old place of moved text (w:moveFrom) not at
// all (docx_alternatives.go).
func docxText(a *zipArchive) (text string, hidden int, err error) {
	name := a.find("word/document.xml")
	if name == "" {
		return "", 0, model.Reasonf("not a Word document (no word/document.xml): %w", "geen Word-document (geen word/document.xml): %v", ErrUnknownFormat)
	}
	data, err := a.read(name)
	if err != nil {
		return "", 0, err
	}
	if err := checkXMLDepth(data, MaxXMLDepth); err != nil {
		return "", 0, model.Reasonf("word/document.xml: %w", "word/document.xml: %v", err)
	}
	styles, err := readHiddenStyles(a)
	if err != nil {
		return "", 0, err
	}
	d := xml.NewDecoder(bytes.NewReader(data))
	d.Strict = true
	d.CharsetReader = charsetReader
	var b bytes.Buffer
	var tables docxTables // a table's row is a line: docx_tables.go
	inText := false
	// own and ownSet are the run's own w:vanish; rStyle its character style, pStyle the
	// paragraph's style; decided tells whether hiddenRun has been resolved for this run.
	var own, ownSet, decided, inParaProps bool
	var rStyle, pStyle string
	// A run (w:r) is hidden where its own properties (w:rPr) hold w:vanish, unless
	// w:val turns it off; w:vanish in a paragraph's mark properties (w:pPr) or in the
	// former properties of a tracked change (w:rPrChange) hides no text.
	inRun, inRunProps, inChange, hiddenRun, counted := false, false, 0, false, false
	var alt docxAlternatives // text boxes read once, moved text at its new place: docx_alternatives.go
	for {
		tok, err := d.Token()
		if err == io.EOF {
			break
		}
		if err != nil {
			return "", 0, model.Reasonf("word/document.xml: %v: %w", "word/document.xml: %v: %v", err, ErrUnknownFormat)
		}
		switch t := tok.(type) {
		case xml.StartElement:
			if skip, err := alt.skip(t, d); err != nil {
				return "", 0, model.Reasonf("word/document.xml: %v: %w", "word/document.xml: %v: %v", err, ErrUnknownFormat)
			} else if skip {
				continue
			}
			tables.start(t, &b)
			switch t.Name.Local {
			case "p":
				pStyle = ""
			case "pPr":
				inParaProps = !inRun
			case "pStyle":
				if inParaProps && inChange == 0 {
					pStyle = attr(t, "val")
				}
			case "r":
				inRun, hiddenRun, counted = true, false, false
				own, ownSet, decided, rStyle = false, false, false, ""
			case "rPr":
				inRunProps = inRun && inChange == 0
			case "rPrChange", "pPrChange":
				inChange++
			case "rStyle":
				if inRunProps && inChange == 0 {
					rStyle = attr(t, "val")
				}
			case "vanish":
				if inRunProps && inChange == 0 {
					own, ownSet = onOff(t), true
				}
			case "t":
				inText = true
				if inRun && !decided {
					hiddenRun, decided = styles.runHidden(own, ownSet, rStyle, pStyle), true
				}
			case "tab":
				b.WriteByte('\t')
			case "br", "cr":
				b.WriteByte('\n')
			}
		case xml.EndElement:
			alt.end(t)
			switch t.Name.Local {
			case "r":
				inRun, inRunProps, hiddenRun = false, false, false
			case "pPr":
				inParaProps = false
			case "rPr":
				if inChange == 0 {
					inRunProps = false
				}
			case "rPrChange", "pPrChange":
				inChange--
			case "t":
				inText = false
			case "p":
				b.WriteByte('\n')
			}
			tables.end(t, &b)
		case xml.CharData:
			switch {
			case inText && hiddenRun:
				if !counted && len(bytes.TrimSpace(t)) > 0 {
					hidden++
					counted = true
				}
			case inText:
				b.Write(t)
			}
		}
	}
	return b.String(), hidden, nil
}

// onOff is the value of an on/off property of WordprocessingML (w:vanish): on unless its
// w:val is false, 0 or off.
func onOff(e xml.StartElement) bool {
	for _, a := range e.Attr {
		if a.Name.Local == "val" {
			switch strings.ToLower(strings.TrimSpace(a.Value)) {
			case "false", "0", "off":
				return false
			}
		}
	}
	return true
}

// hiddenTextWarning is the warning for a Word transcript whose hidden text was left out.
func hiddenTextWarning(path string, runs int) model.Warning {
	return model.Warning{File: path, Err: model.Reasonf(
		"%d piece(s) of hidden text (in Word: Font, Hidden) were left out: Word neither shows nor prints them; to read them, make them visible in Word",
		"%d stuk(ken) verborgen tekst (in Word: Lettertype, Verborgen) zijn weggelaten: Word toont ze niet en drukt ze niet af; maak ze in Word zichtbaar om ze te lezen",
		runs)}
}

// normaliseBreaks makes every line break "\n".
func normaliseBreaks(s string) string {
	return strings.ReplaceAll(strings.ReplaceAll(s, "\r\n", "\n"), "\r", "\n")
}

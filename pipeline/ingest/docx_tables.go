package ingest

import (
	"bytes"
	"encoding/xml"
	"regexp"
	"strings"
)

// speakerCell matches the start of a line "label<TAB>", a table row whose first cell is a
// speaker label (with or without a colon), as docxTables writes it or a table pasted as
// text. The label holds no tab, so a short text cell is not read as part of it. As with
// speakerLine, the label is a speaker when it is a known one or opens two or more lines.
var speakerCell = regexp.MustCompile(`^[ ]*((?:` + strings.ReplaceAll(directoryName, `[ \t]`, ` `) + `|\p{Lu}[\p{L}\p{N}.'’\-]*(?: [\p{L}\p{N}.'’\-]+){0,3})(?: *\([^()\n\t]{1,40}\))?) *:? *\t[ \t]*`)

// Transcription services deliver Word transcripts as a table, a row per turn: speaker |
// text, or time | speaker | text (attack 13, docx-table-transcript). Read a paragraph a
// line, as before, a row was "Spreker", "Tekst", "Interviewer", "Heeft u ...",
// "Respondent", ... on lines of their own: no line opened with a speaker label, so the
// whole file was one respondent turn and the interviewer's questions were auto-coded as
// the respondent's answers.
//
// docxTables writes a row of the outermost table as one line, its cells separated by a
// tab (paragraphs within a cell stay lines of their own, so a cell of several paragraphs
// continues the turn its row opened), so that the row reads as a tab-separated
// transcript line: "Interviewer<TAB>Heeft u ...<TAB>" (speakerCell) or
// "00:00:05<TAB>Interviewer<TAB>..." (speakerTabbed). A table's first row that is a
// header (marked as one in Word, w:tblHeader, or whose every cell is a column name such
// as Spreker, Tekst, Tijd) is left out: it is no turn. Nested tables are read as
// paragraphs within their cell.
type docxTables struct {
	depth     int  // w:tbl nesting
	rows      int  // rows ended in the outermost table so far
	rowStart  int  // offset in the text where the current row began
	headerRow bool // the current row is marked w:tblHeader
	inRowProp bool
}

// headerCells are column names of a transcript table's header row, folded.
var headerCells = []string{"spreker", "sprekers", "speaker", "speakers", "naam", "name", "wie", "who", "rol", "role",
	"tekst", "text", "transcript", "transcriptie", "uitspraak", "inhoud", "content",
	"tijd", "time", "tijdstip", "tijdcode", "tijdstempel", "timestamp", "time stamp", "timecode", "start", "begin", "einde", "end"}

func (t *docxTables) start(e xml.StartElement, b *bytes.Buffer) {
	switch e.Name.Local {
	case "tbl":
		t.depth++
		if t.depth == 1 {
			t.rows = 0
		}
	case "tr":
		if t.depth == 1 {
			t.rowStart, t.headerRow = b.Len(), false
		}
	case "trPr":
		t.inRowProp = t.depth == 1
	case "tblHeader":
		if t.inRowProp {
			t.headerRow = onOff(e)
		}
	}
}

func (t *docxTables) end(e xml.EndElement, b *bytes.Buffer) {
	switch e.Name.Local {
	case "tbl":
		t.depth--
	case "trPr":
		t.inRowProp = false
	case "tc":
		if t.depth == 1 {
			// The cell's last paragraph ends the cell, not the line.
			if n := b.Len(); n > t.rowStart && b.Bytes()[n-1] == '\n' {
				b.Truncate(n - 1)
			}
			b.WriteByte('\t')
		}
	case "tr":
		if t.depth != 1 {
			return
		}
		first := t.rows == 0
		t.rows++
		if first && (t.headerRow || isHeaderRow(string(b.Bytes()[t.rowStart:]))) {
			b.Truncate(t.rowStart)
			return
		}
		b.WriteByte('\n')
	}
}

// isHeaderRow reports whether a row's cells (tab-separated) are all column names, with at
// least one cell.
func isHeaderRow(row string) bool {
	n := 0
	for _, c := range strings.Split(row, "\t") {
		if c = strings.TrimSpace(c); c == "" {
			continue
		}
		if !inFolded(labelKey(c), headerCells) {
			return false
		}
		n++
	}
	return n > 0
}

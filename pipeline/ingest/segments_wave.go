package ingest

import (
	"regexp"
	"strings"

	"github.com/samenspel/samenspel/pipeline/model"
)

// A coding table of two waves' interviews in one file, with a column Meting (2024, 2025),
// was read as one measurement: the column was no field, so a young person interviewed in
// both waves was one respondent with the segments of both, pooled into every coding table
// without a word, where an entry with wave: puts them in their waves. The generic layout
// now reads the wave column as a survey does (waveHeaders, or columns: {wave: ...}): a
// row's wave is the column's value, its segment and respondent are that wave's (the
// segment id with the wave in front, as inWave writes it), and where study.yaml gives the
// entry a wave, that wave wins over a column found by its header, with a warning for the
// rows that say another (rowWaves, survey_wave.go).
//
// An attack on that found three ways real tables hold such a column otherwise
// (segmentWaves):
//   - filled on an interview's first row only, or on one coder's rows only: an empty cell
//     made the row's segment another segment than its coder's colleague's ("s1" beside
//     "2025/s1"), and put the interview's later rows in no wave. An empty cell now takes
//     the wave of its respondent's row above, with a warning that counts the rows; rows
//     with no such row above stay without a wave, counted in a warning too;
//   - a Meetmoment column holding each interview's date: every date became a wave and the
//     coding tables described the last interview only. A column found by its header whose
//     first value is a date with its day is not read as the wave, with a warning (named
//     with columns: {wave: ...}, it is);
//   - "2024.0" (pandas' float of a year) beside a survey's wave 2024: now one wave (rowWaves).

// waveSegmentID is the id of a segment of the table's wave column's wave: the wave in
// front, as the pipeline writes an entry's wave (pipeline/waves.go, inWave), so that one
// export id in two waves names two segments.
func waveSegmentID(wave, id string) string { return wave + "/" + id }

// fullDateRe matches a date with its day, as a cell or the reader writes one: 12-02-2025,
// 12/2/25, 2025-02-12, with a time after it or not.
var fullDateRe = regexp.MustCompile(`^(?:\d{1,2}[-/.]\d{1,2}[-/.](?:\d{2}|\d{4})|\d{4}[-/.]\d{1,2}[-/.]\d{1,2})(?:[ T].*)?$`)

// segmentWaves gives a coding table's rows their waves from its wave column.
type segmentWaves struct {
	rows   *rowWaves
	named  bool // the column is named in study.yaml
	header string
	last   map[string]string // respondent -> the wave of its last row with one
	seen   bool              // a wave cell with a value was read

	dates               bool // the column holds dates: not read as the wave
	dateRow             int
	dateValue           string
	filled, filledFirst int // empty cells that took the wave of the row above
	missing, missingRow int // empty cells with no wave above
}

func newSegmentWaves(opt Options, col int, header string) *segmentWaves {
	return &segmentWaves{rows: newRowWaves(opt, col, header), named: strings.TrimSpace(opt.Columns["wave"]) != "",
		header: header, last: map[string]string{}}
}

// of returns the wave of the row at line, of respondent resp ("" for none).
func (w *segmentWaves) of(row []string, line int, resp string) string {
	if w.dates {
		return ""
	}
	v := strings.TrimSpace(tableCell(row, w.rows.col))
	if v != "" && !w.seen {
		w.seen = true
		if !w.named && fullDateRe.MatchString(v) {
			w.dates, w.dateRow, w.dateValue = true, line, v
			return ""
		}
	}
	wave := w.rows.of(row, line)
	if v != "" {
		w.last[resp] = wave
		return wave
	}
	if wave != "" { // the entry's
		return wave
	}
	if above, ok := w.last[resp]; ok {
		if w.filled == 0 {
			w.filledFirst = line
		}
		w.filled++
		return above
	}
	if w.missing == 0 {
		w.missingRow = line
	}
	w.missing++
	return ""
}

// warnings are the file's warnings about its wave column.
func (w *segmentWaves) warnings(path string) []model.Warning {
	var out []model.Warning
	if w.dates {
		out = append(out, model.Warning{File: path, Err: model.Reasonf(
			"the column %[1]q holds dates (%[2]q in row %[3]d), not waves: the interviews are read without a wave; if its dates are the waves, name the column: columns: {wave: %[1]q}",
			"de kolom %[1]q bevat datums (%[2]q in regel %[3]d), geen metingen: de interviews zijn gelezen zonder meting; zijn de datums de metingen, noem de kolom dan: columns: {wave: %[1]q}",
			w.header, w.dateValue, w.dateRow)})
		return out
	}
	out = append(out, w.rows.warnings(path)...)
	if !w.seen {
		return out // an empty column: no waves
	}
	if w.filled > 0 {
		out = append(out, model.Warning{File: path, Err: model.Reasonf(
			"%[1]d row(s) have an empty %[2]q cell (the first in row %[3]d) and are read in the wave of their respondent's row above; give them their wave if that is not it",
			"%[1]d regel(s) hebben een lege cel in %[2]q (de eerste in regel %[3]d) en zijn gelezen in de meting van de regel erboven van hun respondent; geef ze hun meting als dat die niet is",
			w.filled, w.header, w.filledFirst)})
	}
	if w.missing > 0 {
		out = append(out, model.Warning{File: path, Err: model.Reasonf(
			"%[1]d row(s) have an empty %[2]q cell (the first in row %[3]d) and no row of their respondent above with a wave: their segments are read without a wave, and count with the latest interview wave; give them their wave",
			"%[1]d regel(s) hebben een lege cel in %[2]q (de eerste in regel %[3]d) en geen regel van hun respondent erboven met een meting: hun fragmenten zijn gelezen zonder meting, en tellen mee met de laatste interviewmeting; geef ze hun meting",
			w.missing, w.header, w.missingRow)})
	}
	return out
}

package ingest

import (
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
// (segmentWaves), and a review of the fixes two more:
//   - filled on an interview's first row only, or on one coder's rows only: an empty cell
//     made the row's segment another segment than its coder's colleague's ("s1" beside
//     "2025/s1"), and put the interview's later rows in no wave. An empty cell now takes
//     the wave that its segment (id, or respondent and text) has on another row, else the
//     wave of the row above of its respondent's document (a table sorted by coder filled
//     Bram's 2024 rows with Anna's last wave; a respondent's next document, with the
//     last one's), with a warning that counts the rows; rows with neither stay without a
//     wave, counted in a warning too;
//   - a Meetmoment column holding each interview's date: every date became a wave and the
//     coding tables described the last interview only. A column found by its header
//     whose values are no waves of people measured more than once (three values or more,
//     no respondent in two, fewer than two respondents a value: a date per interview,
//     in any format) is not read as the wave, with a warning; named with columns: {wave:
//     ...} it is. (The first fix, a first value that is a date with its day, also dropped
//     waves labelled by date, 2024-11-01, which the survey's waves may match.)
//   - "2024.0" (pandas' float of a year) beside a survey's wave 2024: now one wave (rowWaves).

// waveSegmentID is the id of a segment of the table's wave column's wave: the wave in
// front, as the pipeline writes an entry's wave (pipeline/waves.go, inWave), so that one
// export id in two waves names two segments.
func waveSegmentID(wave, id string) string { return wave + "/" + id }

// segmentWaves gives a coding table's rows their waves from its wave column.
type segmentWaves struct {
	rows   *rowWaves
	named  bool // the column is named in study.yaml
	header string
	bySeg  map[string]string // respondent and segment id -> its wave
	last   map[string]string // respondent and document -> the wave of its last row with one
	seen   bool              // a wave cell with a value was read

	filled, filledFirst int // empty cells given a wave from another row
	missing, missingRow int // empty cells with none
}

func newSegmentWaves(opt Options, col int, header string) *segmentWaves {
	return &segmentWaves{rows: newRowWaves(opt, col, header), named: strings.TrimSpace(opt.Columns["wave"]) != "",
		header: header, bySeg: map[string]string{}, last: map[string]string{}}
}

// of returns the wave of the row at line, of respondent resp's document doc and segment
// id ("" for none).
func (w *segmentWaves) of(row []string, line int, resp, doc, id string) string {
	v := strings.TrimSpace(tableCell(row, w.rows.col))
	wave := w.rows.of(row, line)
	seg, interview := resp+"\x00"+id, resp+"\x00"+doc
	if v != "" {
		w.seen = true
		w.bySeg[seg], w.last[interview] = wave, wave
		return wave
	}
	if wave != "" { // the entry's
		return wave
	}
	above, ok := w.bySeg[seg]
	if !ok {
		above, ok = w.last[interview]
	}
	if ok {
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

// perInterview returns how many values the column holds where they look like a value
// per interview (a date): three or more, no respondent in two, fewer than two respondents
// a value; 0 otherwise. A column named in study.yaml, or under an entry's wave, is taken
// as it is.
func (w *segmentWaves) perInterview(ds *model.Dataset) int {
	if w.named || w.rows.entry != "" {
		return 0
	}
	people := map[string]int{} // respondent -> waves
	values := map[string]bool{}
	for _, r := range ds.Respondents {
		if r.Wave != "" {
			people[r.ID]++
			values[r.Wave] = true
		}
	}
	for _, n := range people {
		if n > 1 {
			return 0
		}
	}
	if len(values) < 3 || 2*len(values) <= len(people) {
		return 0
	}
	return len(values)
}

// withoutWaves takes the waves off a table read with a column that holds none: its
// segments and respondents are of no wave (the ids keep what they were read with: each
// one segment's), as without the column.
func withoutWaves(ds *model.Dataset) {
	for i := range ds.Segments {
		ds.Segments[i].Wave = ""
	}
	for i := range ds.Respondents {
		ds.Respondents[i].Wave = ""
	}
}

// warnings are the file's warnings about its wave column; values > 0 where it was taken
// for a value per interview, not the wave.
func (w *segmentWaves) warnings(path string, values int) []model.Warning {
	var out []model.Warning
	if values > 0 {
		out = append(out, model.Warning{File: path, Err: model.Reasonf(
			"the column %[1]q holds %[2]d values, no respondent's in two and fewer than two respondents a value (a date per interview?): they are not read as waves, and the interviews are of no wave; if they are the waves, name the column: columns: {wave: %[1]q}",
			"de kolom %[1]q bevat %[2]d waarden, van geen respondent twee en minder dan twee respondenten per waarde (een datum per interview?): ze zijn niet gelezen als metingen, en de interviews horen bij geen meting; zijn het de metingen, noem de kolom dan: columns: {wave: %[1]q}",
			w.header, values)})
		return out
	}
	out = append(out, w.rows.warnings(path)...)
	if !w.seen {
		return out // an empty column: no waves
	}
	if w.filled > 0 {
		out = append(out, model.Warning{File: path, Err: model.Reasonf(
			"%[1]d row(s) have an empty %[2]q cell (the first in row %[3]d) and are read in the wave of their segment on another row, or else of the row above of their respondent's document; give them their wave if that is not it",
			"%[1]d regel(s) hebben een lege cel in %[2]q (de eerste in regel %[3]d) en zijn gelezen in de meting van hun fragment op een andere regel, of anders van de regel erboven van het document van hun respondent; geef ze hun meting als dat die niet is",
			w.filled, w.header, w.filledFirst)})
	}
	if w.missing > 0 {
		out = append(out, model.Warning{File: path, Err: model.Reasonf(
			"%[1]d row(s) have an empty %[2]q cell (the first in row %[3]d) and no row of their segment or of their respondent's document above with a wave: their segments are read without a wave, and count with the latest interview wave; give them their wave",
			"%[1]d regel(s) hebben een lege cel in %[2]q (de eerste in regel %[3]d) en geen regel van hun fragment of van het document van hun respondent erboven met een meting: hun fragmenten zijn gelezen zonder meting, en tellen mee met de laatste interviewmeting; geef ze hun meting",
			w.missing, w.header, w.missingRow)})
	}
	return out
}

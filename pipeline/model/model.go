// Package model holds the Dataset that every reader produces and every stage passes on:
// respondents, segments, codings, survey answers, and the rejects that account for every
// input row that could not be used.
package model

import (
	"fmt"
	"path/filepath"
	"slices"
	"sort"
	"strconv"
	"strings"
)

// Respondent is a person interviewed or surveyed. ID is the id as it appears in the inputs;
// it never reaches an output (outputs carry Pseudonym).
type Respondent struct {
	ID           string
	Pseudonym    string // set by the protect stage
	Municipality string
	Role         string            // a codebook role id where it could be mapped, else as read
	Attributes   map[string]string // further attributes, keys lower-case
	Name         string            // a real name where an input gave one; used only for redaction
	Source       string            // the file that first named this respondent
	// Wave is the measurement wave the respondent was read in (study.yaml's input key
	// wave, or a survey's wave column); empty in a study of one measurement. A
	// respondent is (Wave, ID): the same ID in two waves is one person measured twice,
	// two respondents with one pseudonym.
	Wave string
}

// RespondentKey is a respondent's key within a dataset: (Wave, ID).
type RespondentKey struct{ Wave, ID string }

// Key returns the respondent's (Wave, ID).
func (r Respondent) Key() RespondentKey { return RespondentKey{r.Wave, r.ID} }

// Segment is a unit of text: a coded quotation, a speaker turn, or an open survey answer.
// Start and End are character (Unicode code point) offsets in the document, end exclusive;
// both are -1 where unknown.
type Segment struct {
	ID         string
	Respondent string // Respondent.ID
	Document   string
	Text       string
	Start, End int
	// Interviewer marks a turn by the interviewer: kept for context, never counted as the
	// respondent's words and never auto-coded.
	Interviewer bool
	// OpenAnswer marks an open answer to a survey question (a free-text column), not an
	// interview: its respondent is surveyed, not interviewed. review.qdpx carries the mark,
	// so that reading the project back gives the same dataset.
	OpenAnswer bool
	Source     string // file the segment came from
	Wave       string // the wave of its respondent (Respondent.Wave)
}

// Coding says that a coder applied a code to a segment.
//
// Raw is the code name as the export wrote it (for example "Bereiken > Korte lijnen").
// Code is the codebook code id it maps onto; it is empty for an unmapped name and for a
// row with an empty code, which means "reviewed, nothing applies": the coder still counts
// as having coded the segment.
type Coding struct {
	Segment string // Segment.ID
	Code    string
	Raw     string
	Coder   string
	// Rule and Span are set for codings by the auto-coder (coder "auto"): the pattern that
	// fired and the matched text, with its code point offsets in the segment text.
	Rule               string
	Span               string
	SpanStart, SpanEnd int
	Source             string
	// Probability is set for a learned suggestion (Rule "learned", autocode.learn): the
	// model's probability that the code applies; and for an auto-coder's suggestion that
	// the codebook's shipped model decided (codebook.Model), its probability.
	Probability float64
	// Confidence is set for a dictionary suggestion where the codebook has a calibration
	// (codebook.Calibration): the precision its rules had on coded fragments. Held says
	// why the calibration held the suggestion back (codebook.HeldThreshold,
	// codebook.HeldSibling, codebook.HeldCap; the model's own: codebook.HeldModel); a
	// held suggestion is listed, not counted (autocode_held.go).
	Confidence float64
	Held       string
}

// Unmapped reports whether the coding names a code the codebook does not know.
func (c Coding) Unmapped() bool { return c.Code == "" && c.Raw != "" }

// Answer is one respondent's answer to one survey item. Value is the answer's numeric value
// on the scale as asked (before any reversal); Missing is true for an empty answer or a
// "don't know" label. Raw keeps the text as read where it was not a plain number. The
// dataset stores answers by column (Survey); Answer is how one is handed in and out.
type Answer struct {
	Respondent string
	Wave       string // the wave of its respondent (Respondent.Wave)
	Item       string
	Value      float64
	Missing    bool
	Raw        string
}

// Reject records an input row or cell that could not be used. It is a value, like
// encoding/csv's ParseError: it says where (file, sheet, row as the tool numbers it,
// column header, or a part of an archive such as a source of a REFI-QDA project) and why
// (Err wraps a sentinel of the reader, for errors.Is), and it is formatted only when written.
//
// Cell is true for a rejected cell of an accepted row (an answer that is not on the scale):
// the row counts as accepted, the cell as rejected.
type Reject struct {
	File   string // the input file, as the reader was given it
	Sheet  string // worksheet, where the file has sheets
	Row    int    // row as the tool numbers it (1-based, header included); 0 where none
	Line   int    // line of a text file (a transcript), where no row applies
	Column string // column header, where a cell is meant
	Part   string // a part of an archive ("source \"Interview 3\""), where no row applies
	Value  string // the offending value as read
	Err    error  // why; wraps a sentinel error of the reader
	Cell   bool   // a cell of an accepted row, not a whole row
	Item   string // for a rejected answer cell: the codebook item it would have answered
	// IsID says that Value is a respondent's id as read (a duplicate, an id not in the
	// respondents table): a real id, whatever its form, which no output shows.
	IsID bool
}

// Location formats where the reject is, the way a researcher finds it back in the file:
// `sheet "Codes", row 14, column "Code"`.
func (r Reject) Location() string {
	if r.Line > 0 {
		return fmt.Sprintf("line %d", r.Line)
	}
	if r.Row == 0 && r.Sheet == "" && r.Column == "" {
		return r.Part
	}
	loc := Location(r.Sheet, r.Row, r.Column)
	if r.Part != "" {
		loc = r.Part + ", " + loc
	}
	return loc
}

// Reason is the reject's reason as a sentence.
func (r Reject) Reason() string {
	if r.Err == nil {
		return ""
	}
	return r.Err.Error()
}

// Error formats the reject like a ParseError: file, location, reason.
func (r Reject) Error() string {
	return r.File + ": " + r.Location() + ": " + r.Reason()
}

// Unwrap returns the reason, so errors.Is(reject, ingest.ErrOutOfScale) works.
func (r Reject) Unwrap() error { return r.Err }

// FileCount accounts for one input file: Read = Accepted + Rejected, always, counting
// physical records (data rows of a table, codings of a project, turns of a transcript),
// and for survey answers Cells = CellsAccepted + CellsRejected over the item cells of the
// accepted rows. SHA256 and Bytes are of exactly the bytes the reader analysed.
type FileCount struct {
	Path string
	// Sheet is the workbook's sheet counted, where several sheets of one workbook were
	// read (each has its own FileCount); empty otherwise.
	Sheet         string
	Format        string
	SHA256        string
	Bytes         int64
	Read          int
	Accepted      int
	Rejected      int
	Cells         int
	CellsAccepted int
	CellsRejected int
	// EmptyTurns counts the rejected rows of a transcript that were turns without text
	// ("R:" and nothing after it): rejects that lose nothing, which the exit status does
	// not count.
	EmptyTurns int
	// SameResponses counts the rejected rows of a survey file that another export of the
	// same survey holds too, every cell the same (pipeline/survey_overlap.go): they are
	// counted once, from the other file, so they lose nothing either.
	SameResponses int
	// Lost counts the rejected rows of a respondents table that lose what they say of a
	// respondent: a row that gives an id listed before another municipality or role, a
	// row read with too many or too few fields. Exit status 3 counts these; the table's
	// other rejects (an exact copy, a row without an id) lose nothing.
	Lost int
	// RespondentRule says how the file's documents were tied to respondents, where the
	// format leaves a choice (a REFI-QDA project: "12 sources by case, 3 by the name up to
	// its first _"); the summary shows it.
	RespondentRule   string
	RespondentRuleNL string // the same in Dutch
	// NamedByRule holds, for each respondent id a reader took from a document or file
	// name by the rule "the name up to its first _" (no id column, no name_pattern), the
	// names it took it from, so that names of different people read as one respondent
	// are warned of (pipeline/respondent_names.go).
	NamedByRule map[string][]string
}

// Shown is the file as the summary and the report list it: its path, and the sheet in
// brackets where it is one of several sheets read.
func (f FileCount) Shown() string {
	if f.Sheet == "" {
		return f.Path
	}
	return f.Path + " [" + f.Sheet + "]"
}

// Column is a column of an input file, named by its header.
type Column struct {
	File   string
	Header string
	// Resembles is the id of the codebook item the header is close to ("K-1" for K1),
	// where no column of the file holds that item; empty otherwise.
	Resembles string
}

// Dataset is what the readers produce and the stages pass on, up to the protect stage;
// after it, the analysis sees only a protected.Dataset, which has no real id or name.
//
// The design, with the work that follows in view (see docs/dataset.md):
//   - Respondents are keyed by (Wave, ID); Wave is empty in a study of one measurement.
//   - Rejects are values (Reject), formatted by the writers.
//   - Files account for every input: rows and answer cells, read = accepted + rejected.
type Dataset struct {
	Respondents []Respondent
	Segments    []Segment
	Codings     []Coding
	Survey      Survey // the answers, by respondent and item
	Rejects     []Reject
	Files       []FileCount
	// Unmatched are the survey columns that match no codebook item and are kept as
	// respondent attributes or open answers instead (analyse check lists them).
	Unmatched []Column
	// Warnings are what a reader read but could not settle and did not reject (two
	// columns that both name the municipality, a respondent whose rows give two roles),
	// or left unread without a reject (a workbook's sheet with another header).
	// The summary lists them.
	Warnings []Warning
	// RoleConflicts are the respondents a file merged in gives another role than an
	// earlier file did (the earlier one is used). Roles are compared only once the
	// codebook can say whether two spellings are one role ("JW", "Jongerenwerker"), so
	// the run turns them into warnings (pipeline/role_conflicts.go).
	RoleConflicts []RoleConflict
	// Prints are the accepted responses of a survey file of a tool that numbers or
	// stamps them (LimeSurvey, Forms) or of any format with a response or respondent id
	// (Qualtrics, SPSS, an id column), one each, for finding the same response in
	// two exports of one survey (pipeline/survey_overlap.go); nil for other files.
	Prints []ResponsePrint
	// PlaceSpellings are the spellings of municipalities that the run folded into
	// another (Den Bosch into 's-Hertogenbosch: pipeline/spellings.go): no longer any
	// respondent's municipality, they are still place names, which the redactor keeps.
	PlaceSpellings []string
}

// ResponsePrint is one accepted survey response as the search for overlapping exports
// compares it: its response number as the tool wrote it (without the file's prefix;
// empty for a Google Forms row, which has none), its wave and line, Same a hash of the
// header and every cell of the row, and Ident a hash of the number with the cells that
// never change once a response is begun (start time, LimeSurvey's seed). HasIdent where
// such a cell tells the file's responses apart, HasStamp where any time or seed does
// (an anonymized survey's 1980-01-01 in every row does not). HasSubmit where the file
// says whether a response was submitted, and Complete whether this one was; LastAction
// the time it was last changed and SubmitTime the time it was submitted or recorded
// (LimeSurvey's submitdate, Qualtrics' EndDate or RecordedDate), where the file gives
// them: from the year on where the file says how to read a date written otherwise
// (ingest/survey_stamp_dates.go), else as written, with Unordered the header of the
// column whose dates may be day first or month first.
type ResponsePrint struct {
	Number     string
	Wave       string
	Line       int
	Same       uint64
	Ident      uint64
	HasIdent   bool
	HasStamp   bool
	HasSubmit  bool
	Complete   bool
	LastAction string
	SubmitTime string
	Unordered  string
	// ByNumber: the tool numbers the responses of each survey from 1 (LimeSurvey,
	// Forms), so the number alone tells nothing across surveys; otherwise Number is a
	// respondent or response id (Qualtrics ResponseId, SPSS, an id column).
	ByNumber bool
	// Unread: the row was rejected as an incomplete response; it is printed only to be
	// found as an older version of a response another export holds completed.
	Unread bool
}

// RoleConflict is a respondent given role Value by File where Earlier, read before,
// gave Was.
type RoleConflict struct {
	File, Earlier string
	Value, Was    string
}

// Warning is a reader's warning about a file: Err in both languages (Reasonf), without
// the file's name, which the pipeline puts before it as the outputs show it.
type Warning struct {
	File string
	Err  error
}

// Location formats a location in a table: sheet (if any), row as the tool numbers it
// (1-based, header row included), column header.
func Location(sheet string, row int, column string) string {
	return location("sheet", "row", "column", sheet, row, column)
}

// Place is a location in a table (Location) as an error that reads in Dutch too ("blad
// %q, regel %d, kolom %q"), for Reasonf's arguments: the fatal errors about a file name
// the place in the study's language.
func Place(sheet string, row int, column string) error {
	return Translated(Location(sheet, row, column), location("blad", "regel", "kolom", sheet, row, column))
}

// location is Location in the words given for sheet, row and column.
func location(sheetWord, rowWord, columnWord, sheet string, row int, column string) string {
	var parts []string
	if sheet != "" {
		parts = append(parts, fmt.Sprintf("%s %q", sheetWord, sheet))
	}
	if row > 0 {
		parts = append(parts, fmt.Sprintf("%s %d", rowWord, row))
	}
	if column != "" {
		parts = append(parts, fmt.Sprintf("%s %q", columnWord, column))
	}
	return strings.Join(parts, ", ")
}

// Merge appends other's contents to d. Respondents with a (Wave, ID) already present are
// merged: empty fields are filled from other, attributes are added. The same id in
// another wave is another respondent (see SpreadWaveless for the respondents table).
// A segment id that d holds already is the same segment only where SameSegment says so
// (two coders' exports); else other's segment and its codings get an id of their own
// (separateSegments), as inputs number their segments each on their own.
func (d *Dataset) Merge(other Dataset) {
	d.Merger().Merge(other)
}

// Merger merges datasets into one, keeping the index of its respondents from one merge
// to the next: a run merges the respondents table, each interview file and each survey
// file into one dataset, and building the index of its respondents for every file took
// a tenth of a second per survey file of 100,000 respondents. The dataset's respondents
// must not be changed between merges but by the Merger.
type Merger struct {
	d   *Dataset
	idx map[RespondentKey]int
	// shared finds the segments of d whose id a reader qualified by respondent
	// (segments_merge.go); scanned is how many of d's segments it has seen.
	shared  map[string]int
	scanned int
}

// Merger returns a Merger into d.
func (d *Dataset) Merger() *Merger { return &Merger{d: d} }

// index makes sure the index is current, with room for more keys.
func (m *Merger) index(more int) {
	d := m.d
	if m.idx == nil || len(m.idx) != len(d.Respondents) {
		// First merge, or a dataset whose respondents changed beside the Merger (the
		// same keys counted twice would also differ): build the index afresh.
		m.idx = make(map[RespondentKey]int, len(d.Respondents)+more)
		for i, r := range d.Respondents {
			m.idx[r.Key()] = i
		}
	}
}

// Has reports whether the dataset has a respondent of key k. With Add it lets a stage
// that adds respondents after the merges (the run's addMissingRespondents) use the
// Merger's index instead of building one more of every respondent.
func (m *Merger) Has(k RespondentKey) bool {
	m.index(0)
	_, ok := m.idx[k]
	return ok
}

// Add appends a respondent whose key the dataset does not have (Has is false).
func (m *Merger) Add(r Respondent) {
	m.index(1)
	m.idx[r.Key()] = len(m.d.Respondents)
	m.d.Respondents = append(m.d.Respondents, r)
}

// Merge is Dataset.Merge.
func (m *Merger) Merge(other Dataset) {
	d := m.d
	m.index(len(other.Respondents))
	idx := m.idx
	d.Respondents = slices.Grow(d.Respondents, len(other.Respondents))
	moved, example := 0, [2]string{}
	for _, r := range other.Respondents {
		if i, ok := idx[r.Key()]; ok {
			if a, b := strings.TrimSpace(d.Respondents[i].Municipality), strings.TrimSpace(r.Municipality); a != "" && b != "" && !strings.EqualFold(a, b) && !IsOtherChoice(a) && !IsOtherChoice(b) {
				if moved == 0 {
					example = [2]string{b, a}
				}
				moved++
			}
			if a, b := strings.TrimSpace(d.Respondents[i].Role), strings.TrimSpace(r.Role); a != "" && b != "" && !strings.EqualFold(a, b) && len(other.Files) > 0 {
				d.RoleConflicts = append(d.RoleConflicts, RoleConflict{File: other.Files[0].Path, Earlier: d.Respondents[i].Source, Value: b, Was: a})
			}
			d.Respondents[i] = MergeRespondent(d.Respondents[i], r)
			continue
		}
		idx[r.Key()] = len(d.Respondents)
		d.Respondents = append(d.Respondents, r)
	}
	other = m.joinQualified(other)                      // ids qualified in one file but not another: segments_merge.go
	other, apart := separateSegments(d.Segments, other) // ids unique per input: segments_merge.go
	d.Segments = concat(d.Segments, other.Segments)
	d.Codings = concat(d.Codings, other.Codings)
	twice := d.Survey.Merge(other.Survey)
	d.Rejects = concat(d.Rejects, other.Rejects)
	d.Rejects = append(d.Rejects, answeredTwice(twice, other.Files, d.Files, other.Survey.Headers)...)
	d.Files = concat(d.Files, other.Files)
	d.Unmatched = concat(d.Unmatched, other.Unmatched)
	d.Warnings = append(d.Warnings, other.Warnings...)
	d.RoleConflicts = append(d.RoleConflicts, other.RoleConflicts...)
	if apart > 0 && len(other.Files) > 0 {
		d.Warnings = append(d.Warnings, segmentsApartWarning(other.Files[0].Path, apart))
	}
	if moved > 0 && len(other.Files) > 0 {
		// The respondents table (read first) or the earlier file decides; say so, by
		// count and values, never by id.
		d.Warnings = append(d.Warnings, Warning{File: other.Files[0].Path, Err: Reasonf(
			"%d respondent(s) are given another municipality here than in a file read before (for example %q where it said %q): the first is used; correct the file or the respondents table",
			"%d respondent(en) krijgen hier een andere gemeente dan in een eerder gelezen bestand (bijvoorbeeld %q waar dat %q zei): de eerste geldt; verbeter het bestand of de respondententabel",
			moved, example[0], example[1])})
	}
}

// ErrAnsweredTwice is the reason of an answer that a respondent (the same id in the same
// wave) gave in two survey files: the first file's answer counts.
var ErrAnsweredTwice = NewKind("answered in another file too", "ook in een ander bestand beantwoord")

// answeredTwice makes a rejected cell of each answer to a cell that an earlier file had
// answered, and moves it from accepted to rejected in the count of its file (the last of
// files, the file merged in); earlier names the files merged before, and headers the
// columns of the file merged in by item (the item id where it has none).
func answeredTwice(twice []AnsweredTwice, files, earlier []FileCount, headers map[string]string) []Reject {
	if len(twice) == 0 {
		return nil
	}
	file := ""
	if n := len(files); n > 0 {
		file = files[n-1].Path
		files[n-1].CellsAccepted -= len(twice)
		files[n-1].CellsRejected += len(twice)
	}
	var names []string
	for _, f := range earlier {
		if f.Cells > 0 {
			names = append(names, filepath.Base(f.Path))
		}
	}
	where := strings.Join(names, ", ")
	out := make([]Reject, len(twice))
	for i, t := range twice {
		v := t.Entry.Raw
		if v == "" && !t.Entry.Missing {
			v = strconv.FormatFloat(t.Entry.Value, 'f', -1, 64)
		}
		column := headers[t.Item]
		if column == "" {
			column = t.Item
		}
		out[i] = Reject{File: file, Row: t.Line, Column: column, Value: v, Cell: true, Item: t.Item,
			Err: Reasonf("%w: the respondent of this row answered the item in an earlier file (%s), and that answer counts; if the files number their responses each on their own, map a unique id column in study.yaml (columns: {respondent: ...})",
				"%v: de respondent van deze regel beantwoordde het item al in een eerder bestand (%s), en dat antwoord telt; als de bestanden hun responsen elk zelf nummeren, koppel dan in study.yaml een unieke kolom als code (columns: {respondent: ...})",
				ErrAnsweredTwice, where)}
	}
	return out
}

// concat appends b to a; when a is empty it takes b as it is, so that a national survey's
// millions of answers are not copied once more when the first file is merged.
func concat[T any](a, b []T) []T {
	if len(a) == 0 && cap(a) < len(b) {
		return b
	}
	return append(a, b...)
}

// MergeRespondent fills a's empty fields from b and adds b's attributes that a lacks.
func MergeRespondent(a, b Respondent) Respondent {
	// A survey's "other" choice (LimeSurvey's -oth-) is no municipality: another file's
	// or the respondents table's municipality of the respondent is (the warning about
	// -oth- advises the table; 0.12.0 kept the first, -oth-, read it as none and warned
	// of "another municipality" for each respondent the table named).
	if a.Municipality == "" || b.Municipality != "" && a.Municipality != b.Municipality && IsOtherChoice(a.Municipality) && !IsOtherChoice(b.Municipality) {
		a.Municipality = b.Municipality
	}
	if a.Role == "" {
		a.Role = b.Role
	}
	if a.Name == "" {
		a.Name = b.Name
	}
	if a.Source == "" {
		a.Source = b.Source
	}
	if len(b.Attributes) > 0 {
		if a.Attributes == nil {
			a.Attributes = map[string]string{}
		}
		for k, v := range b.Attributes {
			if _, ok := a.Attributes[k]; !ok || a.Attributes[k] == "" {
				a.Attributes[k] = v
			}
		}
	}
	return a
}

// Attribute returns a respondent's value for a grouping attribute: "role",
// "municipality", or a key of Attributes.
func (r Respondent) Attribute(key string) string {
	switch key {
	case "role":
		return r.Role
	case "municipality":
		return r.Municipality
	case "wave":
		return r.Wave
	}
	return r.Attributes[key]
}

// SortedKeys returns the keys of m in sorted order.
func SortedKeys[V any](m map[string]V) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}

// otherChoices are the "other" choices of survey tools, folded: LimeSurvey's code and
// labels, Qualtrics' and Forms' usual choice texts in Dutch and English.
var otherChoices = map[string]bool{
	"-oth-": true, "anders": true, "anders namelijk": true, "anders nl": true, "anders te weten": true,
	"overig": true, "overige": true, "other": true, "other please specify": true,
	"other specify": true, "andere": true, "andere namelijk": true, "sonstiges": true,
}

// IsOtherChoice reports whether v is a survey's "other" choice (case, punctuation at the
// end and commas aside: "Anders, namelijk:", "Other (please specify)"); the pipeline
// reads it as no municipality or role (pipeline/group_codes.go).
func IsOtherChoice(v string) bool {
	v = strings.TrimSpace(v)
	if v == "-oth-" {
		return true
	}
	if len(v) > 40 {
		return false
	}
	f := otherPunctuation.Replace(strings.ToLower(v))
	f = strings.Join(strings.Fields(f), " ")
	return otherChoices[f]
}

var otherPunctuation = strings.NewReplacer(",", " ", ":", " ", "(", " ", ")", " ", ".", " ", "…", " ")

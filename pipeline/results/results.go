// Package results holds what the analysis stage hands to the report writers: named tidy
// tables with typed columns, notes, and the facts about the run that a report cites.
// Report writers only format these values; they never compute statistics.
package results

import (
	"math"
	"slices"
	"strconv"
	"strings"
)

// Kind says how a column's values are written.
type Kind int

const (
	Text  Kind = iota // string
	Int               // int
	Float             // float64, a statistic (two decimals in people's tables)
	Share             // float64 in [0,1], shown as a percentage in people's tables
	P                 // float64, a p-value
	Bool              // bool
)

// Column is a table column.
type Column struct {
	Name string
	Kind Kind
}

// Table is a tidy table: one row per observation, one value per column. A cell is nil
// (empty: not applicable or suppressed), string, int, float64 or bool. A float that is NaN
// or infinite is written as an empty cell, never as NaN or Inf.
type Table struct {
	Name    string
	Title   map[string]string // by language, for people's tables
	Columns []Column
	Rows    [][]any
}

// NewTable returns an empty table with the given columns.
func NewTable(name string, cols ...Column) *Table {
	return &Table{Name: name, Columns: cols}
}

// Add appends a row; it panics if the row length does not match the columns, which is a
// programming error.
func (t *Table) Add(row ...any) {
	if len(row) != len(t.Columns) {
		panic("results: row of " + strconv.Itoa(len(row)) + " cells for table " + t.Name + " with " + strconv.Itoa(len(t.Columns)) + " columns")
	}
	t.Rows = append(t.Rows, row)
}

// Col returns the index of the named column, or -1.
func (t *Table) Col(name string) int {
	for i, c := range t.Columns {
		if c.Name == name {
			return i
		}
	}
	return -1
}

// Num returns a float for a number or nil; ok is false for an empty or non-finite cell.
func Num(v any) (float64, bool) {
	switch x := v.(type) {
	case int:
		return float64(x), true
	case float64:
		if math.IsNaN(x) || math.IsInf(x, 0) {
			return 0, false
		}
		return x, true
	}
	return 0, false
}

// Opt returns x, or nil when x is NaN or infinite: the way to put a statistic that may
// be undefined into a table.
func Opt(x float64) any {
	if math.IsNaN(x) || math.IsInf(x, 0) {
		return nil
	}
	return x
}

// FormatCell writes a cell as text for CSV: empty for nil and non-finite floats, floats in
// the shortest form that reads back to the same value.
func FormatCell(v any) string {
	switch x := v.(type) {
	case nil:
		return ""
	case string:
		return x
	case int:
		return strconv.Itoa(x)
	case float64:
		if math.IsNaN(x) || math.IsInf(x, 0) {
			return ""
		}
		if x == 0 {
			return "0"
		}
		return strconv.FormatFloat(x, 'g', -1, 64)
	case bool:
		if x {
			return "true"
		}
		return "false"
	}
	return ""
}

// Note is a sentence for the report, in Dutch and English: a suppressed group, a test left
// out, a warning about an expected count.
type Note struct {
	Topic string // the table or figure it belongs to, e.g. "scales"
	NL    string
	EN    string
}

// Input describes one input file for the manifest and the report.
type Input struct {
	Path string `json:"path"`
	// Sheet is the workbook's sheet, where several sheets of one workbook were read.
	Sheet    string `json:"sheet,omitempty"`
	SHA256   string `json:"sha256,omitempty"`
	Format   string `json:"format"`
	Read     int    `json:"rows_read"`
	Accepted int    `json:"rows_accepted"`
	Rejected int    `json:"rows_rejected"`
	// Answer cells of the accepted rows of a survey: Cells = CellsAccepted + CellsRejected.
	Cells         int `json:"answer_cells,omitempty"`
	CellsAccepted int `json:"answer_cells_accepted,omitempty"`
	CellsRejected int `json:"answer_cells_rejected,omitempty"`
	// Files and Sheets count the files or the sheets of one workbook summed into this
	// row, where the outputs list an entry of study.yaml as one (pipeline
	// publishedInputs); SHA256s then lists their distinct checksums, sorted.
	Files   int      `json:"files,omitempty"`
	Sheets  int      `json:"sheets,omitempty"`
	SHA256s []string `json:"sha256_files,omitempty"`
}

// RejectGroup is one kind of reject: how many rows or cells were rejected for the same
// reason (which names the value), most frequent first in Results.RejectGroups.
type RejectGroup struct {
	Count int  `json:"count"`
	Cells bool `json:"cells"` // answer cells, not whole rows
	// Other: cells of accepted rows that are no answers (a name, an attribute, an open
	// answer), Cells true too (readers16).
	Other  bool   `json:"other,omitempty"`
	Reason string `json:"reason"`
	// ReasonNL is the reason in Dutch, for a summary or report in Dutch (rejects.csv has
	// the English reason).
	ReasonNL string `json:"reason_nl,omitempty"`
}

// ReasonIn is the group's reason in lang (nl or en); in English where no Dutch is known.
func (g RejectGroup) ReasonIn(lang string) string {
	if lang == "nl" && g.ReasonNL != "" {
		return g.ReasonNL
	}
	return g.Reason
}

// Results is everything the report writers get.
type Results struct {
	Title    string
	Language string // nl | en
	Tool     string // tool name and version
	Codebook struct {
		Name    string
		Version string
		File    string
		SHA256  string
		// Calibration and Model are the calibration and shipped-model files the
		// auto-coder read beside the codebook (nil: none used).
		Calibration, Model *HashedFile
		// Factors and codes in codebook order, with labels in the study's language,
		// so figures and tables keep the codebook's order.
		Factors []Factor
		// Scales are the survey scales in codebook order, labels in the study's language,
		// so figures can name answers and items.
		Scales []Scale
		// Roles and Partners name respondent roles and collaboration partners by id, in
		// the study's language, for legends and headings.
		Roles    []Named
		Partners []Named
	}
	Inputs  []Input
	Tables  []*Table
	Notes   []Note
	MinCell int
	// Counts for the sample paragraph.
	Respondents, Segments, Codings, Answers, Rejected int
	// CountsHeld: the respondents in all are fewer than MinCell (the sample's "all" row
	// is suppressed), so the sample paragraph and the manifest give neither their number
	// nor the segments, codings and answers (disclosure.Decision.HoldCounts).
	CountsHeld bool
	// PeopleHeld: in a study of waves, the people in all (Respondents) are not published
	// because the wave tables hide the "all" pairs of two waves: the people in all would
	// give those pairs as the waves' totals minus the people, and the pairs of the
	// groups they hide as that minus the shown groups' pairs (analysis.Waves).
	PeopleHeld bool
	// LatestWave is the wave the cross-sectional tables (sample, scales, items,
	// reliability, comparisons) describe in a study of two or more waves, empty
	// otherwise; EarlierOnly counts the surveyed who answered in an earlier wave only
	// (-1 where the people are held back). The report says both (pipeline
	// latestWaveFacts).
	LatestWave  string
	EarlierOnly int
	// InterviewWave is the wave whose segments the coding tables (code frequencies and
	// presence, co-occurrence, agreement, partners, quotes, the auto-coder's tables, the
	// joint display) count in a study whose interviews carry two or more waves, empty
	// otherwise; EarlierWaves are the earlier waves with the segments left out of them,
	// first to last, and EarlierInterviewed the people interviewed in an earlier wave
	// only (-1 where the people are held back). The report says all three (pipeline
	// interviewWaves).
	InterviewWave      string
	EarlierWaves       []Wave
	EarlierInterviewed int
	// NotInterviewed counts the people not in Respondents because no interview of theirs
	// could be used (every row of their file rejected, or an empty file).
	NotInterviewed int
	// AnswerCells and RejectedCells count the survey's answer cells of accepted rows and
	// those of them that could not be used; RejectGroups says why, most frequent first.
	AnswerCells, RejectedCells int
	// RejectedOtherCells counts the rejected cells of accepted rows that are no answers
	// (a damaged name or attribute cell: readers16).
	RejectedOtherCells int
	RejectGroups       []RejectGroup
	// Warnings are the run's warnings about the inputs (ids shared by survey files,
	// review files, coders' names), redacted, in the study's language, for the report's
	// notes and the manifest.
	Warnings []string
	Coders   []string
	// Outputs selects the writers: csv, xlsx, png, svg, html, md, docx (all when empty), and
	// qdpx, which only names a file in Files.
	Outputs []string
	// Methods are the analysis choices the methods paragraph and the manifest state.
	Methods Methods
	// Figures chooses, orders and sizes the figures; the zero value draws all of them
	// at 17 cm and 300 dpi.
	Figures FigureOptions
	// Files are outputs made by other stages (the REFI-QDA project for review in a QDA
	// tool): the report writers write them as they are and list them in the manifest.
	Files []File
}

// Methods are the choices behind the statistics, as the analysis made them.
type Methods struct {
	// Adjust is the p-value adjustment within each family of comparisons: holm, bh or
	// none.
	Adjust string `json:"p_adjust"`
	// ReliabilityMissing is listwise or pairwise (Cronbach's alpha).
	ReliabilityMissing string `json:"reliability_missing"`
	// Bootstrap is the number of resamples behind the agreement intervals, Seed the seed
	// of every random draw.
	Bootstrap int    `json:"bootstrap_samples"`
	Seed      uint64 `json:"seed"`
	// CountingRule says whose codings count in frequencies, co-occurrence, partners,
	// quotes, code_presence and the chi-square comparisons: "primary" (the study's
	// primary_coder only) or "most" (per segment, the coder who coded the most segments
	// of the study among those who coded it). CountingCoders names, for "most", the
	// human coders from most segments coded to fewest.
	CountingRule   string   `json:"counting_rule,omitempty"`
	PrimaryCoder   string   `json:"primary_coder,omitempty"`
	CountingCoders []string `json:"counting_coders,omitempty"`
}

// FigureOptions is study.yaml's figures: key as the report writers get it.
type FigureOptions struct {
	Include []string // figure names in report order; empty means all
	WidthCM float64  // printed width in cm; 0 means 17
	DPI     int      // PNG resolution; 0 means 300
}

// FigureNames are the figures the report writers draw, in the order the report shows
// them by default: the names study.yaml's figures.include may list. "municipalities"
// stands for every municipalities_<scale> figure; a full name such as
// municipalities_bereiken picks one; "waves" likewise every waves_<scale> trend figure.
var FigureNames = []string{"factors_by_role", "valence_by_factor", "survey_items", "municipalities", "waves", "cooccurrence", "partners", "agreement", "joint_display"}

// IsFigureName reports whether figures.include may list name.
func IsFigureName(name string) bool {
	for _, each := range []string{"municipalities_", "waves_"} {
		if strings.HasPrefix(name, each) && len(name) > len(each) {
			return true
		}
	}
	return slices.Contains(FigureNames, name)
}

// File is an output file made outside the report writers.
type File struct {
	Path string // relative to the output folder, slash-separated
	Data []byte
}

// Factor is a codebook factor as the report shows it.
type Factor struct {
	ID    string
	Label string
	Codes []Code
}

// Code is a codebook code as the report shows it.
type Code struct {
	ID      string
	Label   string
	Valence string // facilitator | barrier
}

// Named is an id with its label in the study's language.
type Named struct {
	ID    string
	Label string
}

// Scale is a survey scale as the report shows it.
type Scale struct {
	ID        string
	Label     string
	Answers   []Answer // in order of value
	AgreeFrom float64  // the lowest value that counts as agreeing; 0 when not set
	Items     []Item
}

// Answer is an answer option of a scale.
type Answer struct {
	Value float64
	Label string
}

// Item is a survey item as the report shows it.
type Item struct {
	ID      string
	Text    string
	Reverse bool
}

// Table returns the named table, or nil.
func (r *Results) Table(name string) *Table {
	for _, t := range r.Tables {
		if t.Name == name {
			return t
		}
	}
	return nil
}

// Add appends a table.
func (r *Results) Add(t *Table) { r.Tables = append(r.Tables, t) }

// Note adds a note in both languages.
func (r *Results) Note(topic, nl, en string) {
	r.Notes = append(r.Notes, Note{Topic: topic, NL: nl, EN: en})
}

// Text picks the Dutch or English text for the study's language.
func (r *Results) Text(nl, en string) string {
	if r.Language == "en" {
		return en
	}
	return nl
}

// HashedFile is a file read beside an input, as the manifest names it: its path relative
// to the study folder and the SHA-256 of its bytes as read.
type HashedFile struct {
	File   string `json:"file"`
	SHA256 string `json:"sha256"`
}

// Wave is another wave than the latest interview wave and its segments, which the
// coding tables leave out (Results.EarlierWaves); Segments is -1 where the latest wave's sample is
// suppressed (the analysis's segments less these would give the latest wave's).
type Wave struct {
	Wave     string
	Segments int
	Later    bool // after the latest interview wave: a survey wave's open answers
}

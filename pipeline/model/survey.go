package model

import (
	"slices"
	"sort"
	"strings"
)

// Survey holds a dataset's survey answers by column, so that a national survey's
// millions of answers take a byte each instead of a struct of strings per cell (issue
// 16): a row per respondent (Rows, its wave and id), a column per item (Items), and in
// each column one small integer per row, the index of the row's answer among the
// column's distinct answers (AnswerColumn.Entries). A column has few distinct answers (a
// scale's values and labels, a "don't know"), so the answers as read, raw text
// included, are all kept, each once.
//
// A cell is set once. An answer to a cell that already has one (an id in two files of
// one wave, which the readers take as one respondent) goes to Extra, in reading order,
// so that every answer read is still there and "the first counts" can be applied by the
// analysis exactly as over a list of answers: primary cells first, then Extra.
//
// The zero Survey is empty and ready to use.
type Survey struct {
	Rows  []RespondentKey // (wave, id) of each row
	Items []string        // item ids of the columns
	Cols  []AnswerColumn  // one per item, each with a cell for every row
	Extra []Answer        // answers to cells that already had one, in reading order
	// Lines holds each row's line in the file it was read from (the row as the tool
	// numbers it), where a reader set it (SetLine); 0 where unknown.
	Lines []int
	// Headers holds, by item id, the header of the column a reader read the item from
	// (K1 from "Q12_1"), so that a reject of a merged answer names its column; it is the
	// file's own, not merged.
	Headers map[string]string

	rowOf  map[RespondentKey]int
	itemOf map[string]int
}

// AnswerEntry is one distinct answer of a column: its value on the scale as asked,
// whether it is missing (empty, "don't know", a declared missing code), and the raw text
// where it was not a plain number (see Answer).
type AnswerEntry struct {
	Value   float64
	Missing bool
	Raw     string
}

// NoAnswer is the code of a row without a cell in a column (its file did not ask the
// item, or the cell was rejected).
const NoAnswer = -1

// AnswerColumn is one item's answers: Codes[row] indexes Entries, NoAnswer where the row
// has no cell. A column with more distinct answers than an int8 holds (a scale without
// listed answers, a slider of 0-100 with decimals) keeps its codes in Wide instead.
type AnswerColumn struct {
	Entries []AnswerEntry
	Codes   []int8
	Wide    []int32

	index map[AnswerEntry]int32
}

// maxSmall is the largest code Codes holds.
const maxSmall = 127

// fewEntries is the most entries a column searches without its index.
const fewEntries = 16

// Len is the number of rows.
func (c *AnswerColumn) Len() int {
	if c.Wide != nil {
		return len(c.Wide)
	}
	return len(c.Codes)
}

// Code returns the code of a row: an index into Entries, or NoAnswer.
func (c *AnswerColumn) Code(row int) int {
	if c.Wide != nil {
		return int(c.Wide[row])
	}
	return int(c.Codes[row])
}

func (c *AnswerColumn) setCode(row, code int) {
	if c.Wide != nil {
		c.Wide[row] = int32(code)
		return
	}
	c.Codes[row] = int8(code)
}

func (c *AnswerColumn) grow(n int) {
	if k := n - c.Len(); k > 1 {
		if c.Wide != nil {
			c.Wide = slices.Grow(c.Wide, k)
		} else {
			c.Codes = slices.Grow(c.Codes, k)
		}
	}
	for c.Len() < n {
		if c.Wide != nil {
			c.Wide = AppendDoubling(c.Wide, NoAnswer)
		} else {
			c.Codes = AppendDoubling(c.Codes, NoAnswer)
		}
	}
}

// entry returns the code of an answer, adding it to Entries when it is new. Raw text is
// cloned, so that an entry does not keep the reader's buffer alive.
//
// A column of at most fewEntries answers (a scale's) is searched one entry at a time,
// which beats hashing a value and a text for each of a national survey's millions of
// cells; == on entries is the map's equality, so the codes are the same either way.
func (c *AnswerColumn) entry(e AnswerEntry) int {
	if c.index == nil && len(c.Entries) <= fewEntries {
		for i := range c.Entries {
			if c.Entries[i] == e {
				return i
			}
		}
	} else {
		if c.index == nil {
			c.index = make(map[AnswerEntry]int32, len(c.Entries))
			for i, x := range c.Entries {
				c.index[x] = int32(i)
			}
		}
		if i, ok := c.index[e]; ok {
			return int(i)
		}
	}
	e.Raw = strings.Clone(e.Raw)
	i := len(c.Entries)
	c.Entries = append(c.Entries, e)
	if c.index != nil {
		c.index[e] = int32(i)
	}
	if i == maxSmall+1 && c.Wide == nil {
		c.Wide = make([]int32, len(c.Codes), cap(c.Codes))
		for r, v := range c.Codes {
			c.Wide[r] = int32(v)
		}
		c.Codes = nil
	}
	return i
}

// Compact lets the lookup indexes go (they are built again when needed): a reader calls
// it when its file is read, so that a survey waiting to be merged holds only its rows and
// codes.
func (s *Survey) Compact() {
	s.rowOf, s.itemOf = nil, nil
	for c := range s.Cols {
		s.Cols[c].index = nil
	}
}

// Row returns the row of a respondent, adding it when it is new.
func (s *Survey) Row(k RespondentKey) int {
	if s.rowOf == nil {
		s.rowOf = make(map[RespondentKey]int, len(s.Rows))
		for i, r := range s.Rows {
			s.rowOf[r] = i
		}
	}
	if i, ok := s.rowOf[k]; ok {
		return i
	}
	i := len(s.Rows)
	s.Rows = append(s.Rows, k)
	if len(s.Lines) > 0 {
		s.Lines = append(s.Lines, 0)
	}
	s.rowOf[k] = i
	for c := range s.Cols {
		s.Cols[c].grow(len(s.Rows))
	}
	return i
}

// AppendRow adds a row for a respondent that has none yet: a reader that rejects a
// repeated id knows, and saves Row's lookup.
func (s *Survey) AppendRow(k RespondentKey) int {
	i := len(s.Rows)
	s.Rows = AppendDoubling(s.Rows, k)
	if len(s.Lines) > 0 {
		s.Lines = AppendDoubling(s.Lines, 0)
	}
	if s.rowOf != nil {
		s.rowOf[k] = i
	}
	for c := range s.Cols {
		s.Cols[c].grow(len(s.Rows))
	}
	return i
}

// Reserve makes room for n more rows in Rows and in every column, so that a reader
// that knows about how many rows come does not grow them row by row.
func (s *Survey) Reserve(n int) {
	s.Rows = slices.Grow(s.Rows, n)
	s.Lines = slices.Grow(s.Lines, n)
	for c := range s.Cols {
		col := &s.Cols[c]
		if col.Wide != nil {
			col.Wide = slices.Grow(col.Wide, n)
		} else {
			col.Codes = slices.Grow(col.Codes, n)
		}
	}
}

// Column returns the column of an item, adding it when it is new.
func (s *Survey) Column(item string) int {
	if s.itemOf == nil {
		s.itemOf = make(map[string]int, len(s.Items))
		for i, it := range s.Items {
			s.itemOf[it] = i
		}
	}
	if i, ok := s.itemOf[item]; ok {
		return i
	}
	i := len(s.Items)
	s.Items = append(s.Items, item)
	s.itemOf[item] = i
	s.Cols = append(s.Cols, AnswerColumn{})
	s.Cols[i].grow(len(s.Rows))
	return i
}

// SetLine records the line of the file a row was read from.
func (s *Survey) SetLine(row, line int) {
	if len(s.Lines) < len(s.Rows) {
		s.Lines = append(s.Lines, make([]int, len(s.Rows)-len(s.Lines))...)
	}
	s.Lines[row] = line
}

// Line is the line of the file a row was read from; 0 where unknown.
func (s *Survey) Line(row int) int {
	if row < len(s.Lines) {
		return s.Lines[row]
	}
	return 0
}

// AnsweredTwice is an answer of a merged survey to a cell that the survey merged into
// had already: the same respondent (wave and id) answering the same item in two files.
type AnsweredTwice struct {
	Line  int // the line of the second file
	Key   RespondentKey
	Item  string
	Entry AnswerEntry
}

// Set stores an answer of a row to a column; a cell that has one already keeps it, and
// the answer goes to Extra.
//
// It returns the answer's code in the column (an index into its Entries, for SetCode),
// or NoAnswer where the answer went to Extra.
func (s *Survey) Set(row, col int, e AnswerEntry) int {
	c := &s.Cols[col]
	if c.Code(row) != NoAnswer {
		k := s.Rows[row]
		s.Extra = append(s.Extra, Answer{Respondent: k.ID, Wave: k.Wave, Item: s.Items[col], Value: e.Value, Missing: e.Missing, Raw: strings.Clone(e.Raw)})
		return NoAnswer
	}
	code := c.entry(e)
	c.setCode(row, code)
	return code
}

// SetCode is Set(row, col, s.Cols[col].Entries[code]) for a code Set returned: a reader
// that knows a cell's code stores it without comparing the answer with the column's.
func (s *Survey) SetCode(row, col, code int) {
	c := &s.Cols[col]
	if c.Code(row) != NoAnswer {
		s.Set(row, col, c.Entries[code])
		return
	}
	c.setCode(row, code)
}

// Add stores an answer (its respondent and item named in it).
func (s *Survey) Add(a Answer) {
	row := s.Row(RespondentKey{Wave: a.Wave, ID: a.Respondent})
	s.Set(row, s.Column(a.Item), AnswerEntry{Value: a.Value, Missing: a.Missing, Raw: a.Raw})
}

// Len is the number of answers: the cells with an answer, and Extra.
func (s *Survey) Len() int {
	n := len(s.Extra)
	for c := range s.Cols {
		col := &s.Cols[c]
		for r := 0; r < col.Len(); r++ {
			if col.Code(r) != NoAnswer {
				n++
			}
		}
	}
	return n
}

// Each calls fn for every answer: row by row (reading order), column by column, then
// Extra.
func (s *Survey) Each(fn func(Answer)) {
	for r, k := range s.Rows {
		for c := range s.Cols {
			col := &s.Cols[c]
			if code := col.Code(r); code != NoAnswer {
				e := col.Entries[code]
				fn(Answer{Respondent: k.ID, Wave: k.Wave, Item: s.Items[c], Value: e.Value, Missing: e.Missing, Raw: e.Raw})
			}
		}
	}
	for _, a := range s.Extra {
		fn(a)
	}
}

// Answers returns every answer as a list, in the order of Each (for tests and small
// studies; the analysis reads the columns).
func (s *Survey) Answers() []Answer {
	var out []Answer
	s.Each(func(a Answer) { out = append(out, a) })
	return out
}

// Answered reports whether a row has an answer in some column.
func (s *Survey) Answered(row int) bool {
	for c := range s.Cols {
		if s.Cols[c].Code(row) != NoAnswer {
			return true
		}
	}
	return false
}

// Merge adds other's rows and answers to s: the rows of respondents s has already get
// their answers in their empty cells, new respondents new rows. Where s's cell holds a
// missing answer ("weet niet", empty), the first usable answer of a later file goes to
// Extra (the analysis takes the first usable answer: cells, then Extra). Any other answer
// to a cell that s has already is not stored: it is returned, for the caller to reject
// (the first file's answer counts). When s is empty it takes other as it is.
func (s *Survey) Merge(other Survey) []AnsweredTwice {
	if len(s.Rows) == 0 && len(s.Items) == 0 && len(s.Extra) == 0 {
		*s = other
		return nil
	}
	// Other's rows, looked up in an index with room for them all (built afresh from a
	// compacted survey: grown key by key, a second national file's 100,000 rows took
	// most of the merge), new rows added first and the columns grown once after.
	if s.rowOf == nil {
		s.rowOf = make(map[RespondentKey]int, len(s.Rows)+len(other.Rows))
		for i, r := range s.Rows {
			s.rowOf[r] = i
		}
	}
	rows := make([]int, len(other.Rows))
	for i, k := range other.Rows {
		r, ok := s.rowOf[k]
		if !ok {
			r = len(s.Rows)
			s.Rows = append(s.Rows, k)
			if len(s.Lines) > 0 {
				s.Lines = append(s.Lines, 0)
			}
			s.rowOf[k] = r
			if other.Line(i) > 0 {
				s.SetLine(r, other.Line(i))
			}
		}
		rows[i] = r
	}
	for c := range s.Cols {
		s.Cols[c].grow(len(s.Rows))
	}
	var twice []AnsweredTwice
	// A cell whose answer is missing ("weet niet", empty) takes a usable answer of a later
	// file into Extra (the first usable answer counts, cells before Extra), once; an
	// empty cell takes a "weet niet" too (an empty cell is no answer given).
	extra := map[[2]string]bool{}  // an answer in Extra already
	usable := map[[2]string]bool{} // a usable one
	for _, a := range s.Extra {
		k := [2]string{a.Respondent + "\x00" + a.Wave, a.Item}
		extra[k] = true
		usable[k] = usable[k] || !a.Missing
	}
	for c := range other.Cols {
		col := &other.Cols[c]
		to := s.Column(other.Items[c])
		codes := make([]int, len(col.Entries)) // other's code -> s's, once looked up
		for i := range codes {
			codes[i] = -2
		}
		for r := 0; r < col.Len(); r++ {
			code := col.Code(r)
			if code == NoAnswer {
				continue
			}
			if have := s.Cols[to].Code(rows[r]); have != NoAnswer {
				e, k := col.Entries[code], other.Rows[r]
				key := [2]string{k.ID + "\x00" + k.Wave, other.Items[c]}
				if first := s.Cols[to].Entries[have]; first.Missing && !usable[key] && (!e.Missing || first.Raw == "" && !extra[key]) {
					extra[key] = true
					usable[key] = !e.Missing
					s.Set(rows[r], to, e)
					continue
				}
				twice = append(twice, AnsweredTwice{Line: other.Line(r), Key: k, Item: other.Items[c], Entry: e})
				continue
			}
			if codes[code] == -2 {
				codes[code] = s.Cols[to].entry(col.Entries[code])
			}
			s.Cols[to].setCode(rows[r], codes[code])
		}
	}
	for _, a := range other.Extra {
		s.Add(a)
	}
	sort.SliceStable(twice, func(i, j int) bool { return twice[i].Line < twice[j].Line })
	return twice
}

package protected

import "github.com/samenspel/samenspel/pipeline/model"

// Survey is the survey answers by column (see model.Survey): a row per respondent
// (Respondents[row] its pseudonym, Waves[row] its wave), a column per item, and in each
// column a small integer per row indexing the column's distinct answers. Extra holds the
// answers to cells that already had one, in reading order (an id in two files of one
// wave): of two answers to one cell the analysis counts the first usable one, primary
// cells before Extra.
type Survey struct {
	Respondents []string // pseudonym of each row
	Waves       []string // wave of each row; empty strings in a study of one measurement
	Items       []string // item id of each column
	Cols        []AnswerColumn
	Extra       []Answer
}

// AnswerEntry is one distinct answer of a column: the value on the scale as asked, and
// whether it is missing.
type AnswerEntry struct {
	Value   float64
	Missing bool
}

// NoAnswer is the code of a row without a cell in a column.
const NoAnswer = model.NoAnswer

// AnswerColumn is one item's answers: Codes (or, for a column of many distinct answers,
// Wide) holds per row an index into Entries, NoAnswer where the row has no cell.
type AnswerColumn struct {
	Entries []AnswerEntry
	Codes   []int8
	Wide    []int32
}

// Code returns the code of a row: an index into Entries, or NoAnswer.
func (c *AnswerColumn) Code(row int) int {
	if c.Wide != nil {
		return int(c.Wide[row])
	}
	return int(c.Codes[row])
}

// Len is the number of rows.
func (c *AnswerColumn) Len() int {
	if c.Wide != nil {
		return len(c.Wide)
	}
	return len(c.Codes)
}

// FromModel is the protected survey of a dataset's: rows named by pseudonym (the
// pseudonym of a row's (wave, id)), raw texts left behind. The columns' codes are
// shared with s, not copied.
func FromModel(s *model.Survey, pseudonym func(model.RespondentKey) string) Survey {
	p := Survey{
		Respondents: make([]string, len(s.Rows)),
		Waves:       make([]string, len(s.Rows)),
		Items:       append([]string(nil), s.Items...),
		Cols:        make([]AnswerColumn, len(s.Cols)),
	}
	for i, k := range s.Rows {
		p.Respondents[i], p.Waves[i] = pseudonym(k), k.Wave
	}
	for c, col := range s.Cols {
		entries := make([]AnswerEntry, len(col.Entries))
		for i, e := range col.Entries {
			entries[i] = AnswerEntry{e.Value, e.Missing}
		}
		p.Cols[c] = AnswerColumn{Entries: entries, Codes: col.Codes, Wide: col.Wide}
	}
	if len(s.Extra) > 0 {
		p.Extra = make([]Answer, len(s.Extra))
		for i, a := range s.Extra {
			p.Extra[i] = Answer{Respondent: pseudonym(model.RespondentKey{Wave: a.Wave, ID: a.Respondent}), Wave: a.Wave, Item: a.Item, Value: a.Value, Missing: a.Missing}
		}
	}
	return p
}

// NewSurvey stores a list of answers by column, in their order (as a reader would);
// for tests and small datasets built by hand.
func NewSurvey(answers []Answer) Survey {
	var m model.Survey
	for _, a := range answers {
		m.Add(model.Answer{Respondent: a.Respondent, Wave: a.Wave, Item: a.Item, Value: a.Value, Missing: a.Missing})
	}
	return FromModel(&m, func(k model.RespondentKey) string { return k.ID })
}

// Each calls fn for every answer: row by row, column by column, then Extra.
func (s *Survey) Each(fn func(Answer)) {
	for r := range s.Respondents {
		for c := range s.Cols {
			col := &s.Cols[c]
			if code := col.Code(r); code != NoAnswer {
				e := col.Entries[code]
				fn(Answer{Respondent: s.Respondents[r], Wave: s.Waves[r], Item: s.Items[c], Value: e.Value, Missing: e.Missing})
			}
		}
	}
	for _, a := range s.Extra {
		fn(a)
	}
}

// Answers returns every answer as a list, in the order of Each (for tests).
func (s *Survey) Answers() []Answer {
	var out []Answer
	s.Each(func(a Answer) { out = append(out, a) })
	return out
}

// Answered reports whether a row has an answer, missing or not, in some column.
func (s *Survey) Answered(row int) bool {
	for c := range s.Cols {
		if s.Cols[c].Code(row) != NoAnswer {
			return true
		}
	}
	return false
}

// AnsweredRows reports for every row whether it has an answer, missing or not, in some
// column: Answered for all rows at once, column by column, which on a national survey
// reads each column's bytes in order instead of jumping between columns per row.
func (s *Survey) AnsweredRows() []bool {
	out := make([]bool, len(s.Respondents))
	for c := range s.Cols {
		col := &s.Cols[c]
		if col.Wide != nil {
			for r, code := range col.Wide {
				if code != NoAnswer {
					out[r] = true
				}
			}
			continue
		}
		for r, code := range col.Codes {
			if code != NoAnswer {
				out[r] = true
			}
		}
	}
	return out
}

// Rename replaces the rows' pseudonyms (and Extra's) by published ones.
func (s *Survey) Rename(published func(string) string) {
	for i, p := range s.Respondents {
		s.Respondents[i] = published(p)
	}
	for i := range s.Extra {
		s.Extra[i].Respondent = published(s.Extra[i].Respondent)
	}
}

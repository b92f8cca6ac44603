// Package protected holds the Dataset that the protect stage hands to the analysis: the
// study's respondents, segments, codings and answers after pseudonymisation and
// redaction. Its types have no field for a real respondent id or name, so nothing after
// the protect stage can leak one by mistake: a respondent is known only by its pseudonym
// (JW-03), a segment by a pseudonymised id (JW-03/007), and every free text (segment
// texts, document names, source file names, reject values and reasons) is redacted.
package protected

import "github.com/samenspel/samenspel/pipeline/model"

// Respondent is a respondent as the outputs may show them.
type Respondent struct {
	Pseudonym    string // role abbreviation and number, e.g. JW-03
	Municipality string
	Role         string
	Attributes   map[string]string // further attributes, keys lower-case
	Wave         string            // measurement wave; empty in a study of one
}

// Attribute returns the respondent's value for a grouping attribute: "role",
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

// Key is the respondent's key in sets of respondents (disclosure populations, the rows of
// a scale): the pseudonym, and for a respondent of a wave the pseudonym and the wave,
// since one person measured in two waves is two respondents with one pseudonym. In a
// study of one measurement the key is the pseudonym.
func (r Respondent) Key() string { return Key(r.Pseudonym, r.Wave) }

// Key returns the key (Respondent.Key) of the respondent with the pseudonym in the wave.
func Key(pseudonym, wave string) string {
	if wave == "" {
		return pseudonym
	}
	return pseudonym + "\x00" + wave
}

// Segment is a unit of text. ID is pseudonymised, Respondent is the respondent's
// pseudonym, Text, Document and Source are redacted.
type Segment struct {
	ID          string
	Respondent  string
	Document    string
	Text        string
	Start, End  int // code point offsets in the document as read; -1 where unknown
	Interviewer bool
	OpenAnswer  bool   // an open answer to a survey question (model.Segment.OpenAnswer)
	Source      string // input file, relative to the study folder, redacted
	// Wave is the measurement wave of the segment's respondent (model.Segment.Wave):
	// empty in a study of one measurement and for interviews read without a wave.
	Wave string
}

// Coding says that a coder applied a code to a segment (see model.Coding). Segment is
// the pseudonymised segment id; Raw, Span and Source are redacted.
type Coding struct {
	Segment            string
	Code               string
	Raw                string
	Coder              string
	Rule               string
	Span               string
	SpanStart, SpanEnd int
	Source             string
	Probability        float64 // of a learned or a shipped model's suggestion (model.Coding.Probability)
	Confidence         float64 // of a calibrated dictionary suggestion (model.Coding.Confidence)
	Held               string  // why the calibration held it back (model.Coding.Held)
}

// Unmapped reports whether the coding names a code the codebook does not know.
func (c Coding) Unmapped() bool { return c.Code == "" && c.Raw != "" }

// Answer is one respondent's answer to one survey item (see model.Answer); Respondent
// is the pseudonym. The raw text as read stays before the protect stage: the analysis
// uses the value.
type Answer struct {
	Respondent string
	Wave       string // the respondent's wave (Respondent.Wave)
	Item       string
	Value      float64
	Missing    bool
}

// Reject is an input row or cell that could not be used, as published: File is relative
// to the study folder, and File, Value and Reason are redacted. Err is the reader's
// error, kept for errors.Is (grouping by reason); it is never printed.
type Reject struct {
	File     string
	Location string
	Value    string
	Reason   string // in English, as rejects.csv has it
	ReasonNL string // the same in Dutch, for the summary and the report
	Err      error
	Cell     bool
	Item     string // the survey item of a rejected answer cell
}

// Dataset is the protected study.
type Dataset struct {
	Respondents []Respondent
	Segments    []Segment
	Codings     []Coding
	Survey      Survey // the answers, by respondent and item
	Rejects     []Reject
	Files       []model.FileCount // paths relative to the study folder, redacted
	// CodingSegment, as the protect stage makes it, holds per coding the position of
	// its segment in Segments (-1 where Segments does not list it), and the protect
	// stage lists each segment id once: the analysis numbers segments by it without
	// looking ids up. Nil in a dataset made otherwise (a test), and not used when its
	// length is not that of Codings.
	CodingSegment []int32
}

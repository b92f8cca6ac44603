package ingest

import (
	"github.com/samenspel/samenspel/codebook"
	"github.com/samenspel/samenspel/pipeline/model"
)

// Options tell a reader what the study knows about a file.
type Options struct {
	// Format is "auto" (or empty) to recognise the format from the header signature or
	// file type, or a format name: generic, maxqda, atlasti, qualcoder, taguette, qdpx,
	// transcript for interviews; generic, limesurvey, qualtrics, forms, spss for surveys.
	Format string
	// Columns maps a field (respondent, segment, text, code, coder, document,
	// municipality, role, name, ...) to the header of the column that holds it, where the
	// headers are unusual.
	Columns map[string]string
	// Sheet names the worksheet to read; the first when empty.
	Sheet string
	// Codebook maps survey answers and item columns onto scales.
	Codebook *codebook.Codebook
	// Respondent is the respondent a transcript belongs to, where study.yaml names it.
	Respondent string
	// Interviewers are the speaker labels of a transcript's interviewers where they are
	// names (study.yaml's interviewer: [Qwyntje]); see readTranscript.
	Interviewers []string
	// Known, when not nil, holds the respondent ids of the respondents table: rows of
	// another respondent are rejected.
	Known map[string]bool
	// KnownKeys holds, by model.IDKey, the ids of the respondents table that no other id
	// there shares a key with: an interview's "jw01" or "JW 01" is then the table's JW01
	// (knows).
	KnownKeys map[string]string
	// TableIDs holds, for a survey, the ids of the respondents table: a survey id the
	// table lacks is a respondent of its own, except where the table has it written
	// otherwise (survey_tableids.go).
	TableIDs map[string]bool
	// IncludeIncomplete keeps survey responses without a submit date.
	IncludeIncomplete bool
	// NamePattern reads the respondent, role, municipality and other variables from a
	// transcript's file name or a segment table's document names (study.yaml's
	// name_pattern, e.g. "{role}{nr}_{municipality}"; see namePattern). Empty: the
	// respondent is the name up to its first "_".
	NamePattern string
	// Coder is the coder of a coded-segment table's rows whose coder cell is empty or
	// that has no coder column (study.yaml's coder: on the entry); see sheets_per_coder.go.
	Coder string
	// Wave is the measurement wave of the file's respondents (study.yaml's wave on the
	// input entry); a survey's wave column, where it has a value, wins. Empty in a study
	// of one measurement.
	Wave string
	// Source is the file as the study names it (its path relative to the study folder),
	// unique within the study: a survey's response numbers and rows without an id are
	// read with it in front (fileTag). Empty: the file's name.
	Source string
	// SameResponses, for a survey read a second time, names the rows (by line) that
	// another export of the same survey holds too, with that export (as the study names
	// it): each is rejected as ErrSameResponse (pipeline/survey_overlap.go).
	SameResponses map[int]string
	// OnlySurvey says the file is the study's only survey file: no other export holds
	// its responses, so its rows are not printed (model.Dataset.Prints stays empty;
	// the prints of 100,000 rows were a tenth of a second of a national study's CPU).
	// Respondents repeated within the file, or within a workbook's sheets, are found
	// as before.
	OnlySurvey bool
	// OlderResponses names the rows whose later version another export holds, with that
	// export: each is rejected as ErrSameResponse too.
	OlderResponses map[int]string
	// Beside, for interviews, names what else the study reads the file beside (the other
	// interview files, autocode.review); empty when it is the study's only interview input.
	// A review.qdpx that samenspel wrote holds the interviews of the run that wrote it, so
	// it is read back as interviews only alone (see ErrReviewAsInterviews).
	Beside string
	// BesideSurvey names the survey files the study reads beside it: a review.qdpx with
	// open answers (sources refiqda.OpenAnswers) is refused beside them too.
	BesideSurvey string

	// earlierSheets holds the respondents that earlier sheets of the same workbook hold
	// (keyed as readResponses keys respondents, wave and id -> where, and the row's
	// print): the same id again is the same response or stops the reading
	// (survey_overlap_sheets.go).
	earlierSheets map[string]earlierResponse
	// olderSheetRows are the rows of those sheets that are older versions of a response
	// another sheet holds, with the row of the later one (survey_overlap_sheets.go).
	olderSheetRows map[sheetRow]sheetRow
	// mergedDown are the ranges merged over rows of one column that a second reading of
	// a workbook sheet fills in (merged_cells.go).
	mergedDown []mergedRange
	// tableZeros indexes TableIDs by their digits without leading zeros, for a survey's
	// rows (readResponses; leadingzeros.go).
	tableZeros *zerosIndex

	// in is the input file as ReadInterviews, ReadSurvey or ReadRespondents read it, once:
	// format detection and the format's reader work on its bytes.
	in *input
}

// Sentinel errors that rejects and errors wrap, for errors.Is.
var (
	ErrUnknownFormat     = model.NewKind("format not recognised", "formaat niet herkend")
	ErrMissingColumn     = model.NewKind("required column missing", "verplichte kolom ontbreekt")
	ErrUnknownRespondent = model.NewKind("unknown respondent", "onbekende respondent")
	ErrEmptySegment      = model.NewKind("empty segment", "leeg fragment")
	ErrOutOfScale        = model.NewKind("answer outside the scale", "antwoord buiten de schaal")
	ErrUnknownLabel      = model.NewKind("unknown answer label", "onbekend antwoordlabel")
	ErrDuplicate         = model.NewKind("duplicate respondent", "dubbele respondent")
	ErrTooLarge          = model.NewKind("archive too large", "archief te groot")
	ErrEmptyID           = model.NewKind("empty respondent id", "lege respondentcode")
	ErrFieldCount        = model.NewKind("wrong number of fields", "verkeerd aantal velden")
)

package ingest

import (
	"hash/maphash"
	"slices"
	"strings"

	"github.com/samenspel/samenspel/pipeline/model"
)

// ErrSameResponse is the reason of a survey row that another export of the same survey
// in the study holds too, every cell the same: LimeSurvey and Forms export the responses
// so far each time, so an interim export and the final one in one folder hold the first
// responses twice (attack 14, F02). The row is counted once, from the other export
// (pipeline/survey_overlap.go finds them, Options.SameResponses names them to the second
// reading).
var ErrSameResponse = model.NewKind("response in another export too", "respons ook in een andere export")

// printSeed hashes the rows of every file of a run alike; prints are compared only
// within one run.
var printSeed = maphash.MakeSeed()

// responseStamps are the columns, folded, in which LimeSurvey, Forms and Qualtrics say
// when they took a response (and LimeSurvey's random seed of it): with the response
// number they tell one response from another response of the same number in another
// survey, and one version of a response from another.
var responseStamps = []string{"startdate", "date started", "submitdate", "date submitted", "seed",
	"enddate", "recordeddate", // Qualtrics (and its SPSS export)
	"start time", "begintijd", "completion time", "tijd van voltooien", "voltooiingstijd"}

// stampColumns are the columns of lay whose headers are responseStamps.
func stampColumns(lay *surveyLayout) []int {
	var out []int
	for i, c := range lay.columns {
		if slices.Contains(responseStamps, foldName(c.header)) {
			out = append(out, i)
		}
	}
	return out
}

// headerHash starts the hash of each row of the file: two exports with other columns
// are never the same response by their cells.
func headerHash(lay *surveyLayout) maphash.Hash {
	var h maphash.Hash
	h.SetSeed(printSeed)
	for _, c := range lay.columns {
		h.WriteString(c.header)
		h.WriteByte(0)
	}
	return h
}

// responsePrint is the print of an accepted row: number is the response number as
// written, head the header's hash (headerHash), stamps the stampColumns.
//
// byNumber: the tool numbers each survey's responses from 1 (LimeSurvey, Forms), and
// the same number and stamps in an export with other columns is still the same
// response. Otherwise the number is an id (Qualtrics ResponseId, an id column), and
// the stamp starts from the header's hash: a file with other columns (the other part
// of a survey split in two) holds other answers of the respondent, not another version.
func responsePrint(head maphash.Hash, row []string, number, wave string, line int, stamps []int, byNumber bool) model.ResponsePrint {
	p := model.ResponsePrint{Number: strings.Clone(number), Wave: wave, Line: line, Same: rowPrint(head, row), HasStamp: len(stamps) > 0, ByNumber: byNumber}
	var s maphash.Hash
	s.SetSeed(printSeed)
	if !byNumber {
		s = head
	}
	s.WriteString(number)
	for _, i := range stamps {
		s.WriteByte(0)
		s.WriteString(strings.TrimSpace(tableCell(row, i)))
	}
	p.Stamp = s.Sum64()
	return p
}

// rowPrint is the hash of a row's cells after the header's (headerHash): two rows are
// the same response where it is the same.
func rowPrint(head maphash.Hash, row []string) uint64 {
	h := head
	for _, c := range row {
		h.WriteString(strings.TrimSpace(c))
		h.WriteByte(0)
	}
	return h.Sum64()
}

// sameResponse is the reason of a row that another export holds too; other is that
// export as the study names it (the response has the same number there).
func sameResponse(other string) error {
	return model.Reasonf("%w: the same response (number, and every cell) is in %s, where it is counted: an overlapping export of the same survey",
		"%v: dezelfde respons (nummer, en elke cel) staat in %s, waar ze telt: een overlappende export van dezelfde vragenlijst", ErrSameResponse, other)
}

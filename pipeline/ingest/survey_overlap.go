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

// responseStamps are the columns, folded, in which LimeSurvey and Forms say when they
// took a response (and LimeSurvey's random seed of it): with the response number they
// tell one response from another response of the same number in another survey.
var responseStamps = []string{"startdate", "date started", "submitdate", "date submitted", "seed",
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
func responsePrint(head maphash.Hash, row []string, number, wave string, line int, stamps []int) model.ResponsePrint {
	h := head
	for _, c := range row {
		h.WriteString(strings.TrimSpace(c))
		h.WriteByte(0)
	}
	p := model.ResponsePrint{Number: strings.Clone(number), Wave: wave, Line: line, Same: h.Sum64(), HasStamp: len(stamps) > 0}
	var s maphash.Hash
	s.SetSeed(printSeed)
	s.WriteString(number)
	for _, i := range stamps {
		s.WriteByte(0)
		s.WriteString(strings.TrimSpace(tableCell(row, i)))
	}
	p.Stamp = s.Sum64()
	return p
}

// sameResponse is the reason of a row that another export holds too; other is that
// export as the study names it (the response has the same number there).
func sameResponse(other string) error {
	return model.Reasonf("%w: the same response (number, and every cell) is in %s, where it is counted: an overlapping export of the same survey",
		"%v: dezelfde respons (nummer, en elke cel) staat in %s, waar ze telt: een overlappende export van dezelfde vragenlijst", ErrSameResponse, other)
}

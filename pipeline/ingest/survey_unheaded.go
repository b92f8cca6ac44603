package ingest

import (
	"strings"

	"github.com/samenspel/samenspel/pipeline/model"
)

// ErrUnheadedOnly is the reason for a survey row whose only values stand in columns
// without a header: a remark typed beside the table, or a stray cell. It is no
// response, and read as one it would count as a respondent who answered nothing.
var ErrUnheadedOnly = model.NewKind("values only in columns without a header", "waarden alleen in kolommen zonder kop")

// unheadedOnly reports whether a row that is not empty has values only in columns
// without a header (or beyond the header), and the first such column. A response has
// its id or an answer in the first columns, so the loop mostly ends at once.
func unheadedOnly(row []string, columns []surveyColumn) (int, bool) {
	first := -1
	for i, cell := range row {
		if strings.TrimSpace(cell) == "" {
			continue
		}
		if i < len(columns) && !columns[i].unheaded {
			return -1, false
		}
		if first < 0 {
			first = i
		}
	}
	return first, first >= 0
}

// unheadedReject is the reason unheadedOnly gives a row, naming the column by its letter.
func unheadedReject(col int) error {
	return model.Reasonf("%w (column %s): the row holds no response", "%v (kolom %s): de regel bevat geen respons", ErrUnheadedOnly, columnLetter(col))
}

// markUnheaded marks the columns whose header cell is empty.
func markUnheaded(lay *surveyLayout, header []string) {
	for i := range lay.columns {
		lay.columns[i].unheaded = strings.TrimSpace(strings.TrimPrefix(tableCell(header, i), "\ufeff")) == ""
	}
}

package ingest

import (
	"strings"

	"github.com/samenspel/samenspel/pipeline/model"
)

// Rows that are no respondent although their respondent cell holds text (attack 16 F06,
// F07): a summary row under the data of a sheet kept in Excel or SPSS ("Gemiddelde;;;3;4;3;3",
// a mean formatted without decimals; "Totaal", "N", "Std. deviatie") and the header
// repeated inside the data (two exports pasted together). Read as respondents, the first
// adds a person whose "answers" are the means to every statistic, and both add a
// respondent without a group, which pools a real group away under min_cell. They are
// rejected rows, with their reason; a summary row only where it holds nothing but its
// label and item cells. A row without an id is survey_norespondent.go's.

// ErrSummaryRow is the reason of a survey row whose respondent cell is a summary word.
var ErrSummaryRow = model.NewKind("summary row", "samenvattingsregel")

// ErrHeaderRepeated is the reason of a survey row that repeats the header.
var ErrHeaderRepeated = model.NewKind("header repeated", "kopregel herhaald")

// summaryWords are the labels of summary rows, folded (lower case, without a trailing
// colon or full stop), in Dutch and English as Excel, SPSS and LibreOffice write them.
var summaryWords = map[string]bool{
	"gemiddelde": true, "gemiddeld": true, "gem": true, "totaal": true, "som": true, "aantal": true,
	"mediaan": true, "standaarddeviatie": true, "std. deviatie": true, "std deviatie": true, "sd": true,
	"n": true, "mean": true, "average": true, "avg": true, "total": true, "sum": true, "count": true,
	"median": true, "std": true, "std. deviation": true, "std deviation": true, "standard deviation": true,
	"stdev": true, "minimum": true, "maximum": true, "min": true, "max": true,
}

// isSummaryWord reports whether a respondent cell is a summary row's label.
func isSummaryWord(id string) bool {
	var buf [32]byte
	if b, ok := lowerPlain(buf[:0], id); ok { // most ids: no string made (fold_plain.go)
		for len(b) > 0 && (b[len(b)-1] == ':' || b[len(b)-1] == '.') {
			b = b[:len(b)-1]
		}
		return summaryWords[string(b)]
	}
	f := strings.ToLower(strings.Join(strings.Fields(id), " "))
	f = strings.TrimRight(f, ":.")
	return summaryWords[f]
}

// onlyItems reports whether row holds nothing but its respondent cell and item cells: a
// summary row has no municipality, role or remark, so an id such as "SD" (initials)
// beside a municipality is a respondent.
func onlyItems(row []string, lay *surveyLayout, idCol int) bool {
	for i, v := range row {
		if i == idCol || strings.TrimSpace(v) == "" {
			continue
		}
		if i >= len(lay.columns) || lay.columns[i].use != useItem {
			return false
		}
	}
	return true
}

// summaryRowReason is the reject's reason of a summary row.
func summaryRowReason(id string) error {
	return model.Reasonf("%w: the respondent cell holds %q, the label of a summary row (a mean, total or count below the data); it is not read as a respondent",
		"%v: de respondentcel bevat %q, het label van een samenvattingsregel (een gemiddelde, totaal of aantal onder de gegevens); hij is niet gelezen als respondent",
		ErrSummaryRow, id)
}

// repeatsHeader reports whether every non-empty cell of row is its column's header
// (case and spaces aside), for two cells or more, the respondent's among them.
func repeatsHeader(row []string, lay *surveyLayout, idCol int) bool {
	if idCol < 0 || strings.TrimSpace(tableCell(row, idCol)) == "" {
		return false
	}
	n := 0
	for i, v := range row {
		v = strings.TrimSpace(v)
		if v == "" {
			continue
		}
		if i >= len(lay.columns) || !equalFoldFields(v, lay.columns[i].header) { // fold_plain.go
			return false
		}
		n++
	}
	return n >= 2
}

// headerRepeatedReason is the reject's reason of a row that repeats the header.
func headerRepeatedReason() error {
	return model.Reasonf("%w: the row repeats the header (two exports pasted together?); it is not read as a respondent",
		"%v: de regel herhaalt de kopregel (twee exports onder elkaar geplakt?); hij is niet gelezen als respondent",
		ErrHeaderRepeated)
}

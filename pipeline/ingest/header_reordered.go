package ingest

import (
	"strconv"
	"strings"

	"github.com/samenspel/samenspel/pipeline/model"
)

// A second export pasted below the first repeats the header. Where it repeats it cell
// for cell, the row is rejected (survey_summaryrows.go). Where its columns come in
// another order ("Respondent;Gemeente;K1;K2" above, "Respondent;Gemeente;K2;K1" below),
// the rows under it hold their answers in other columns than the first header says:
// read as they are, every K1 of the second export was counted as K2 and the other way
// round, and the coded-segment and respondents tables made a respondent "Respondent" of
// the municipality "Gemeente" (an attack on the readers, F01-F03). Such a row stops the
// run, naming the file, the row and a column that moved, since no row below it can be
// read without the researcher's choice.

// headerNames tells the rows of a table that hold its header's names: a row is looked
// at only where its first non-empty cell starts with a header cell's first letter and
// is, in lower case, a header cell, so that a row of data costs a comparison of bytes
// (the national survey's 100,000 rows took 0.56 s of CPU when every row was compared
// cell by cell).
type headerNames struct {
	header []string
	named  int             // header cells that are not empty
	first  [256]bool       // the first bytes of the header cells, in lower case
	lower  map[string]bool // the header cells in lower case
}

func newHeaderNames(header []string) *headerNames {
	h := &headerNames{header: header, lower: map[string]bool{}}
	for _, c := range header {
		c = withoutBOM(c)
		if c == "" {
			continue
		}
		h.named++
		h.first[lowerByte(c[0])] = true
		h.lower[strings.ToLower(c)] = true
	}
	return h
}

func lowerByte(b byte) byte {
	if 'A' <= b && b <= 'Z' {
		return b + 'a' - 'A'
	}
	return b
}

// possible reports whether the first non-empty cell of row may be a header cell.
func (h *headerNames) possible(row []string) bool {
	for _, v := range row {
		if v = withoutBOM(v); v != "" {
			return h.first[lowerByte(v[0])] && h.lower[strings.ToLower(v)]
		}
	}
	return false
}

// reordered reports whether row holds the header's names in other columns: two cells or
// more, half the header's named cells at least, each the name of one header cell (case
// and spaces aside) and none twice, one of them or more not in its own column; up to two
// other cells may be columns the second export added ("Opmerking": a review of the
// rule found such a header read as a rejected row and the rows below it swapped). A row
// with a number in it is data: a header whose items are named 1, 2, 3 is repeated by an
// anonymous respondent's answers 2, 1, 4 (the same review). col is the first moved
// cell's column and from the column whose header it names.
func (h *headerNames) reordered(row []string) (col, from int, ok bool) {
	if h.named < 2 || !h.possible(row) {
		return 0, 0, false
	}
	used := make([]bool, len(h.header))
	n, added, col, from := 0, 0, -1, -1
	for i, v := range row {
		if v = withoutBOM(v); v == "" {
			continue
		}
		if _, err := strconv.ParseFloat(strings.ReplaceAll(v, ",", "."), 64); err == nil {
			return 0, 0, false
		}
		j := -1
		if i < len(h.header) && equalFoldFields(v, withoutBOM(h.header[i])) {
			j = i
		} else {
			for k, c := range h.header {
				if !used[k] && equalFoldFields(v, withoutBOM(c)) {
					j = k
					break
				}
			}
		}
		if j < 0 {
			if added++; added > 2 {
				return 0, 0, false
			}
			continue
		}
		if used[j] {
			return 0, 0, false
		}
		used[j] = true
		n++
		if j != i && col < 0 {
			col, from = i, j
		}
	}
	return col, from, col >= 0 && n >= 2 && 2*n >= h.named && n > 2*added
}

// reorderedHeaderError is the stop for a row that repeats the header with its columns in
// another order.
func reorderedHeaderError(path, sheet string, line int, header []string, col, from int) error {
	at := columnHeader(header, col)
	moved := withoutBOM(header[from])
	return model.Reasonf("%s: %s: %w in another column order (a second export pasted below the first?): column %q holds %q here; the rows below would be read under the first header's columns. Save each export as a file of its own, or put the second's columns in the first's order",
		"%s: %s: %v in een andere kolomvolgorde (een tweede export onder de eerste geplakt?): kolom %q bevat hier %q; de regels eronder zouden onder de kolommen van de eerste kopregel gelezen worden. Sla elke export op als eigen bestand, of zet de kolommen van de tweede in de volgorde van de eerste",
		path, model.Place(sheet, line, ""), ErrHeaderRepeated, at, moved)
}

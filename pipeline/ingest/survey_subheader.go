package ingest

import (
	"slices"
	"strings"
)

// A survey workbook made by hand often has its header in two rows: a group header in the
// first, merged over the items it heads ("Stellingen over elkaar kennen" over D1:G1), and
// the items' ids in the second. Read as one header row, the items stand under no header:
// not one answer was read, and the row of ids became a respondent.
//
// subHeader looks at the row after a generic survey's header. Where that row leaves the
// respondent column empty (it names no respondent) and, laid over the header (each of its
// cells taking the place of the header's cell above it), names more of the codebook's
// items than the header alone, the two rows are read as one header and the row is used
// up. Otherwise the row is handed back as the first data row (lay.pending).
func subHeader(rows *Rows, header []string, lay *surveyLayout, opt Options) ([]string, *surveyLayout, error) {
	if !rows.Next() {
		return header, lay, rows.Err()
	}
	next, line := slices.Clone(rows.Row()), rows.Line()
	keep := func() ([]string, *surveyLayout, error) {
		lay.pending, lay.pendingLine = next, line
		return header, lay, nil
	}
	for i, c := range lay.columns {
		if c.use == useRespondent && strings.TrimSpace(tableCell(next, i)) != "" {
			return keep()
		}
	}
	merged := slices.Clone(header)
	for len(merged) < len(next) {
		merged = append(merged, "")
	}
	for i, v := range next {
		if strings.TrimSpace(v) != "" {
			merged[i] = v
		}
	}
	two, err := genericSurveyLayout(merged, opt)
	if err != nil || itemColumns(two) <= itemColumns(lay) {
		return keep()
	}
	return merged, two, nil
}

// itemColumns counts a layout's columns read as items.
func itemColumns(lay *surveyLayout) int {
	n := 0
	for _, c := range lay.columns {
		if c.use == useItem {
			n++
		}
	}
	return n
}

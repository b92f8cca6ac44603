package ingest

import "sort"

// Broken cells in coded-segment tables and interview workbooks, as in surveys
// (survey_broken.go, which holds the test): an Excel error value (#N/A of a VLOOKUP of
// the respondent, #VALUE!) or a formula without a cached value. 0.8.0 read "#N/A" as a
// respondent, municipality, role, coder or code of its own, or as the text of a segment,
// and a formula without a value as an empty cell: a segment without a code ("reviewed,
// nothing applies"), a respondent without a municipality. Now a broken cell in a column
// of the layout (respondent, document, segment, text, code, coder, municipality, role,
// and the numbered code columns) rejects the row, with sheet, row, column and reason; a
// broken cell in a column of attributes or of a name is a rejected cell of the accepted
// row. Both workbook paths name the same cells (Rows.CellFaultsAt), damaged cells too.

// pairedCoderColumns are the coder columns beside code columns (segments_coder_columns.go):
// a damaged or broken coder cell rejects the row for what it is (readers16), rather
// than read as empty and rejected as a code without its coder.
func pairedCoderColumns(pairs []codeCoder) []int {
	var out []int
	for _, p := range pairs {
		if p.coder >= 0 {
			out = append(out, p.coder)
		}
	}
	return out
}

// segmentFieldColumns are the columns of the layout's fields and the further code
// columns, in order: a broken cell there rejects the row.
func segmentFieldColumns(cols map[string]int, extra []int) []int {
	seen := map[int]bool{}
	var out []int
	for _, i := range cols {
		if !seen[i] {
			seen[i] = true
			out = append(out, i)
		}
	}
	for _, i := range extra {
		if !seen[i] {
			seen[i] = true
			out = append(out, i)
		}
	}
	sort.Ints(out)
	return out
}

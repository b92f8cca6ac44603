package ingest

import "github.com/samenspel/samenspel/pipeline/model"

// Merged cells in coded-segment tables, as in surveys and respondent tables
// (merged_cells.go): a coding sheet laid out by hand often merges the respondent, the
// document, the municipality or the role over the rows of one interview (A2:A9 "JW01").
// Excel shows the value in every row; the file holds it in the first row only, so 0.8.0
// rejected every other row of the interview as a row without a respondent (or gave its
// respondent no municipality and no role), and said only "no respondent". A sheet whose
// ranges run down one column below the header is now read again with each range's
// value in every row of it, and the summary names the ranges.

// readMergedAgain returns the second reading of a segment table whose sheet has ranges
// merged down one column below its header (line headerLine), once its rows have been
// read; ok is false where there are none, or this is the second reading.
func readMergedAgain(rows *Rows, headerLine int, path string, opt Options, l segmentLayout) (func() (model.Dataset, error), bool) {
	down := mergedDown(rows.merged, headerLine)
	if down == nil || opt.mergedDown != nil {
		return nil, false
	}
	sheet := rows.Sheet()
	return func() (model.Dataset, error) {
		rows.Close()
		opt.mergedDown = down
		ds, err := readSegmentTable(path, opt, l)
		ds.Warnings = append(ds.Warnings, mergedWarning(path, sheet, down))
		return ds, err
	}, true
}

package ingest

import "github.com/samenspel/samenspel/pipeline/model"

// A row of delimited text with more fields than its header has a delimiter inside a
// value that was not quoted ("We bellen elkaar; dat gaat via school"): every value after
// it would be read in its neighbour's column (in a coded-segment table: the rest of the
// text as the code, the code as the coder). Such a row is rejected, not read shifted.
// A workbook's cells cannot shift, so only delimited text is checked.

// tooManyFields reports whether a row of delimited text holds values beyond its
// header's columns (empty fields after the last column are a trailing delimiter, not a
// shift).
func tooManyFields(row []string, header int) bool {
	return len(row) > header && !blankRow(row[header:])
}

// unquotedDelimiter is the reason of a row with more fields than its header.
func unquotedDelimiter(fields, header int) error {
	return model.Reasonf("%w: the row has %d fields, the header %d; a value holds an unquoted delimiter",
		"%v: de regel heeft %d velden, de kopregel %d; een waarde bevat een scheidingsteken zonder aanhalingstekens",
		ErrFieldCount, fields, header)
}

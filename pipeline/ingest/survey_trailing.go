package ingest

import (
	"strings"

	"github.com/samenspel/samenspel/pipeline/model"
)

// A header may end in columns whose cells are empty ("…;K4;B1;;"): stray formatted
// columns of a saved sheet. A row that stops before them is whole. A row of delimited
// text that reaches into them with a value is one of two things: a remark typed beside
// the table, or a value holding an unquoted delimiter ("Jongerenwerker; ambulant") that
// moved every later answer one column to the right, its last answer now under no header.
// The row alone cannot tell them apart (both have as many fields as the header), but the
// file's other records can: a spreadsheet saved as text pads every record to the width of
// its header, so where the records stop at the last named column (some of the first
// lines have fewer fields than the header, yet all its named ones), they do not carry the
// trailing columns, and a row with a value there is read shifted. Such a row is rejected,
// as a row with more fields than the header is.

// layoutNamedColumns is the number of a layout's columns up to the last one with a header.
func layoutNamedColumns(lay *surveyLayout) int {
	named := 0
	for i, c := range lay.columns {
		if !c.unheaded && strings.TrimSpace(c.header) != "" {
			named = i + 1
		}
	}
	return named
}

// recordsStopAtNamed reports whether delimited text whose header ends in columns without
// a header (named < width) has, among the first lines sampled for its width, a line with
// at least named but fewer than width fields: its records do not reach the trailing
// columns.
func recordsStopAtNamed(rows *Rows, named, width int) bool {
	if rows == nil || rows.text == nil || named >= width {
		return false
	}
	for w, n := range rows.text.widths {
		if n > 0 && w >= named && w < width {
			return true
		}
	}
	return false
}

// pastNamedColumns is the reason of a row with a value beyond the header's last named
// column, where the file's other records stop at it (0 < named < len(row)).
func pastNamedColumns(row []string, named int) error {
	col := named
	for col < len(row)-1 && strings.TrimSpace(row[col]) == "" {
		col++
	}
	return model.Reasonf("%w: the row has %d fields with a value in column %s, past the header's last named column %s, where the other rows stop; a value holds an unquoted delimiter",
		"%v: de regel heeft %d velden met een waarde in kolom %s, voorbij de laatste benoemde kolom %s van de kopregel, waar de andere regels ophouden; een waarde bevat een scheidingsteken zonder aanhalingstekens",
		ErrFieldCount, len(row), columnLetter(col), columnLetter(named-1))
}

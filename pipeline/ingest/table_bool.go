package ingest

import (
	"bytes"
	"strings"

	"github.com/xuri/excelize/v2"
)

// hasBooleans reports whether a worksheet of the workbook has a boolean cell (t="b").
// excelize's streaming reader gives a boolean's raw value as 1 or 0, like a number; only
// its formatted value (TRUE, FALSE) tells them apart, and the excelize path reads only
// the first formatSampleRows rows formatted. A workbook with booleans is read formatted
// to the end, so that both readers give TRUE and FALSE, which no scale takes (a reject
// naming the cell), never a valid answer 1 or 0. A worksheet that excelize keeps
// outside memory counts as having booleans.
func hasBooleans(book *excelize.File) bool {
	return anyWorksheet(book, func(b []byte) bool {
		return bytes.Contains(b, []byte(`t="b"`)) || bytes.Contains(b, []byte(`t='b'`))
	})
}

// anyWorksheet reports whether the XML of a worksheet of the workbook has what holds
// says; a worksheet that excelize keeps outside memory counts as having it.
func anyWorksheet(book *excelize.File, holds func([]byte) bool) bool {
	found := false
	book.Pkg.Range(func(k, v any) bool {
		name, _ := k.(string)
		if !strings.HasPrefix(name, "xl/worksheets/") || !strings.HasSuffix(name, ".xml") {
			return true
		}
		if b, ok := v.([]byte); !ok || holds(b) {
			found = true
			return false
		}
		return true
	})
	return found
}

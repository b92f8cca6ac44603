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
	found := false
	book.Pkg.Range(func(k, v any) bool {
		name, _ := k.(string)
		if !strings.HasPrefix(name, "xl/worksheets/") || !strings.HasSuffix(name, ".xml") {
			return true
		}
		b, ok := v.([]byte)
		if !ok || bytes.Contains(b, []byte(`t="b"`)) || bytes.Contains(b, []byte(`t='b'`)) {
			found = true
			return false
		}
		return true
	})
	return found
}

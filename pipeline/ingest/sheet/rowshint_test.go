package sheet

import (
	"fmt"
	"strings"
	"testing"
)

// RowsHint is the last row the sheet's dimension names, bounded by the sheet's size, and
// 0 for a sheet without one or with a dimension that is no reference.
func TestRowsHint(t *testing.T) {
	rows := func(n int) string {
		var b strings.Builder
		for i := 1; i <= n; i++ {
			fmt.Fprintf(&b, `<row r="%d"><c r="A%d" t="inlineStr"><is><t>some answer text</t></is></c></row>`, i, i)
		}
		return b.String()
	}
	for _, c := range []struct {
		name, dimension string
		want            int
	}{
		{"range", `<dimension ref="A1:AA40"/>`, 40},
		{"absolute", `<dimension ref="$A$1:$B$40"/>`, 40},
		{"one cell", `<dimension ref="A1"/>`, 1},
		{"none", ``, 0},
		{"not a reference", `<dimension ref="A1:ZZ"/>`, 0},
		// A dimension far beyond the rows: no more than one row per 32 bytes of XML.
		{"false", `<dimension ref="A1:A1000000"/>`, -1},
	} {
		t.Run(c.name, func(t *testing.T) {
			body := sheetHead + c.dimension + `<sheetData>` + rows(40) + `</sheetData></worksheet>`
			book, err := Open(withSheetXML(t, "hint.xlsx", body, nil), testLimits)
			if err != nil {
				t.Fatal(err)
			}
			defer book.Close()
			r, err := book.Rows("Sheet1")
			if err != nil {
				t.Fatal(err)
			}
			defer r.Close()
			if !r.Next() {
				t.Fatal(r.Err())
			}
			want := c.want
			if want < 0 {
				want = len(body) / minRowBytes
			}
			if got := r.RowsHint(); got != want {
				t.Errorf("RowsHint = %d, want %d", got, want)
			}
			n := 1
			for r.Next() {
				n++
			}
			if n != 40 || r.Err() != nil {
				t.Errorf("read %d rows (%v), want 40: the hint changes nothing that is read", n, r.Err())
			}
		})
	}
}

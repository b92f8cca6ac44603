package sheet

import (
	"strconv"
	"strings"
	"testing"
)

// BenchmarkFarCell reads 8,000 rows of six cells, the sixth in column F ("near") or in
// column XFD ("far"), through Row: the reader's cost should follow the cells present,
// not the columns a row spans. It does not yet: Row is a list as wide as the row's last
// cell, 16,384 strings (readers15 measured near 0.13 s and 3.8 MB per op, far 9.0 s and
// 2.1 GB on a loaded machine). Compare ns/op and B/op of the two.
func BenchmarkFarCell(b *testing.B) {
	for _, c := range []struct{ name, col string }{{"near", "F"}, {"far", "XFD"}} {
		var body strings.Builder
		body.WriteString(sheetHead + "<sheetData>")
		for r := 1; r <= 8000; r++ {
			n := strconv.Itoa(r)
			body.WriteString(`<row r="` + n + `">`)
			for i, col := range []string{"A", "B", "C", "D", "E"} {
				body.WriteString(`<c r="` + col + n + `"><v>` + strconv.Itoa(i+r) + `</v></c>`)
			}
			body.WriteString(`<c r="` + c.col + n + `" t="inlineStr"><is><t>x</t></is></c></row>`)
		}
		body.WriteString("</sheetData></worksheet>")
		path := withSheetXML(b, c.name+".xlsx", body.String(), nil)
		b.Run(c.name, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				w, err := Open(path, testLimits)
				if err != nil {
					b.Fatal(err)
				}
				rows, err := w.Rows(w.Sheets()[0])
				if err != nil {
					b.Fatal(err)
				}
				cells := 0
				for rows.Next() {
					for i, v := range rows.Row() {
						if v != "" {
							cells += i
						}
					}
				}
				if rows.Err() != nil || cells == 0 {
					b.Fatal(rows.Err())
				}
				rows.Close()
				w.Close()
			}
		})
	}
}

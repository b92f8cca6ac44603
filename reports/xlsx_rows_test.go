package reports

import (
	"archive/zip"
	"bytes"
	"io"
	"math"
	"strings"
	"testing"

	"github.com/samenspel/samenspel/pipeline/results"
)

// TestSheetRowsAsExcelize writes the example's workbook, and one of odd cells, once with
// the row writer and once with excelize's SetRow for every row: every part of the two
// must be the same, byte for byte. The odd cells: text with white space at either end,
// tabs, line feeds, carriage returns, quotes, markup, ampersands, a control character,
// Dutch diacritics, an emoji, a formula-like text, "_x0041_" (excelize's escape, which
// sends the sheet back to SetRow) in a sheet of its own, text over 32,767 characters
// (likewise), numbers at the edges of Excel's 15 digits, negative zero, the largest
// float, NaN and infinities, booleans, missing cells, a short row; and a sheet cut at
// MaxSheetRows with its note.
func TestSheetRowsAsExcelize(t *testing.T) {
	odd := results.NewTable("odd", txt("text"), flt("x"), num("n"), bln("b"), shr("share"))
	for _, s := range []string{" lead", "trail ", "\ttab", "line\nfeed\n", "cr\rhere", `"quoted" 'single'`, "<b>markup</b> & more",
		"bell\x07", "Zeeveen, één coördinatie – ‘quote’", "emoji 🎉", "=SUM(A1:A9)", "+31 6", "-", "", "plain"} {
		odd.Add(s, 0.1+0.2, -42, true, 0.5)
	}
	for _, x := range []float64{1e-7, 1.5e21, 123456789012345678, 0.12345678901234567, math.Copysign(0, -1), math.MaxFloat64, -math.MaxFloat64, math.NaN(), math.Inf(1), math.Inf(-1), 5e-324, 100} {
		odd.Add("n", x, 0, false, x)
	}
	odd.Rows = append(odd.Rows, []any{"short"}, []any{nil, nil, nil, nil, nil}, []any{"typed", float32(1.5), int64(7), "yes", nil})
	escaped := results.NewTable("escaped", txt("text"))
	escaped.Add("A_x0041_B")
	long := results.NewTable("long", txt("text"))
	long.Add(strings.Repeat("ab", 20000))
	cut := results.NewTable("cut", num("i"), txt("s"))
	for i := 0; i < 12; i++ {
		cut.Add(i, "row")
	}

	for _, res := range []*results.Results{exampleResults(), {Language: "en", Tables: []*results.Table{odd, escaped, long, cut}}} {
		old := MaxSheetRows
		MaxSheetRows = 10
		fast, err := tablesXLSX(res)
		if err != nil {
			t.Fatal(err)
		}
		sheetRowsByExcelize = true
		slow, err := tablesXLSX(res)
		sheetRowsByExcelize = false
		MaxSheetRows = old
		if err != nil {
			t.Fatal(err)
		}
		a, b := xlsxParts(t, fast), xlsxParts(t, slow)
		if len(a) != len(b) {
			t.Errorf("%d parts, SetRow's workbook %d", len(a), len(b))
		}
		for name, want := range b {
			got, ok := a[name]
			if !ok {
				t.Errorf("part %s missing", name)
				continue
			}
			if !bytes.Equal(got, want) {
				i := 0
				for i < len(got) && i < len(want) && got[i] == want[i] {
					i++
				}
				t.Errorf("part %s differs at byte %d:\n got %q\nwant %q", name, i, got[max(0, i-80):min(len(got), i+80)], want[max(0, i-80):min(len(want), i+80)])
			}
		}
	}
}

func xlsxParts(t *testing.T, b []byte) map[string][]byte {
	t.Helper()
	z, err := zip.NewReader(bytes.NewReader(b), int64(len(b)))
	if err != nil {
		t.Fatal(err)
	}
	out := map[string][]byte{}
	for _, f := range z.File {
		r, err := f.Open()
		if err != nil {
			t.Fatal(err)
		}
		out[f.Name], err = io.ReadAll(r)
		if err != nil {
			t.Fatal(err)
		}
	}
	return out
}

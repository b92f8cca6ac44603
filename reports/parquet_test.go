package reports

import (
	"bytes"
	"math"
	"testing"

	"github.com/parquet-go/parquet-go"

	"github.com/samenspel/samenspel/pipeline/results"
)

// A table written as Parquet reads back with its columns in order, typed, and its empty
// cells as nulls.
func TestTableParquetReadsBack(t *testing.T) {
	tab := results.NewTable("scales",
		results.Column{Name: "scale", Kind: results.Text},
		results.Column{Name: "n", Kind: results.Int},
		results.Column{Name: "mean", Kind: results.Float},
		results.Column{Name: "pct_agree", Kind: results.Share},
		results.Column{Name: "suppressed", Kind: results.Bool})
	tab.Add("kennen", 12, 3.25, 0.5, false)
	tab.Add("=cmd|' /C calc'!A0", nil, math.NaN(), nil, true)
	b, err := tableParquet(tab)
	if err != nil {
		t.Fatal(err)
	}
	f, err := parquet.OpenFile(bytes.NewReader(b), int64(len(b)))
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, c := range f.Schema().Fields() {
		names = append(names, c.Name())
	}
	if got := names; len(got) != 5 || got[0] != "scale" || got[1] != "n" || got[4] != "suppressed" {
		t.Fatalf("columns %v", got)
	}
	if f.NumRows() != 2 {
		t.Fatalf("%d rows", f.NumRows())
	}
	rows := make([]parquet.Row, 2)
	rr := f.RowGroups()[0].Rows()
	defer rr.Close()
	if n, _ := rr.ReadRows(rows); n != 2 {
		t.Fatalf("read %d rows", n)
	}
	first, second := rows[0], rows[1]
	if first[0].String() != "kennen" || first[1].Int64() != 12 || first[2].Double() != 3.25 || first[4].Boolean() {
		t.Errorf("first row %v", first)
	}
	if !second[1].IsNull() || !second[2].IsNull() || !second[3].IsNull() || !second[4].Boolean() {
		t.Errorf("second row %v: n, mean (NaN) and pct_agree should be null", second)
	}
	again, _ := tableParquet(tab)
	if !bytes.Equal(b, again) {
		t.Error("the same table gives other bytes")
	}
}

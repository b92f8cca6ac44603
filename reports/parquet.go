package reports

import (
	"bytes"
	"math"
	"reflect"
	"strconv"

	"github.com/parquet-go/parquet-go"

	"github.com/samenspel/samenspel/pipeline/model"
	"github.com/samenspel/samenspel/pipeline/results"
)

// tableParquet writes a tidy table as Parquet (github.com/parquet-go/parquet-go), for
// DuckDB, Polars, Spark or R's arrow to pool the outputs of many runs without guessing
// types from CSV: text as UTF-8 strings, counts as 64-bit integers, statistics and shares
// as doubles, flags as booleans, every column optional (an empty cell is null, as in the
// CSV). The columns keep the table's order: the row type is a struct built for the table.
func tableParquet(t *results.Table) ([]byte, error) {
	fields := make([]reflect.StructField, len(t.Columns))
	for i, c := range t.Columns {
		var typ reflect.Type
		switch c.Kind {
		case results.Int:
			typ = reflect.TypeOf((*int64)(nil))
		case results.Float, results.Share, results.P:
			typ = reflect.TypeOf((*float64)(nil))
		case results.Bool:
			typ = reflect.TypeOf((*bool)(nil))
		default:
			typ = reflect.TypeOf((*string)(nil))
		}
		fields[i] = reflect.StructField{
			Name: "C" + strconv.Itoa(i),
			Type: typ,
			Tag:  reflect.StructTag(`parquet:"` + c.Name + `,optional"`),
		}
	}
	rowType := reflect.StructOf(fields)
	var buf bytes.Buffer
	w := parquet.NewWriter(&buf, parquet.SchemaOf(reflect.New(rowType).Interface()))
	for _, row := range t.Rows {
		v := reflect.New(rowType).Elem()
		for i, c := range t.Columns {
			if i >= len(row) || row[i] == nil {
				continue
			}
			if p := parquetValue(c.Kind, row[i]); p.IsValid() {
				v.Field(i).Set(p)
			}
		}
		if err := w.Write(v.Addr().Interface()); err != nil {
			return nil, model.Reasonf("%w: %s.parquet: %v", "%v: %s.parquet: %v", ErrWrite, t.Name, err)
		}
	}
	if err := w.Close(); err != nil {
		return nil, model.Reasonf("%w: %s.parquet: %v", "%v: %s.parquet: %v", ErrWrite, t.Name, err)
	}
	return buf.Bytes(), nil
}

// parquetValue returns a pointer to the cell's value in the column's Go type, or an
// invalid value for an empty cell (nil, NaN, infinite).
func parquetValue(k results.Kind, cell any) reflect.Value {
	switch k {
	case results.Int:
		if x, ok := results.Num(cell); ok {
			n := int64(x)
			return reflect.ValueOf(&n)
		}
	case results.Float, results.Share, results.P:
		if x, ok := results.Num(cell); ok && !math.IsNaN(x) && !math.IsInf(x, 0) {
			return reflect.ValueOf(&x)
		}
	case results.Bool:
		if b, ok := cell.(bool); ok {
			return reflect.ValueOf(&b)
		}
	default:
		s := results.FormatCell(cell)
		return reflect.ValueOf(&s)
	}
	return reflect.Value{}
}

package reports

import (
	"bytes"
	"encoding/csv"

	"github.com/samenspel/samenspel/pipeline/model"
	"github.com/samenspel/samenspel/pipeline/results"
)

// tableCSV writes a table as tidy CSV: comma, UTF-8 without a byte-order mark, "." as
// decimal mark, a header row, the rows in the order the analysis sorted them.
func tableCSV(t *results.Table) ([]byte, error) {
	var buf bytes.Buffer
	w := csv.NewWriter(&buf)
	head := make([]string, len(t.Columns))
	for i, c := range t.Columns {
		head[i] = guardFormula(c.Name)
	}
	if err := w.Write(head); err != nil {
		return nil, model.Reasonf("%w: tables/%s.csv: %v", "%v: tables/%s.csv: %v", ErrWrite, t.Name, err)
	}
	rec := make([]string, len(t.Columns))
	for _, row := range t.Rows {
		for i := range t.Columns {
			var v any
			if i < len(row) {
				v = row[i]
			}
			rec[i] = csvCell(v)
		}
		if err := w.Write(rec); err != nil {
			return nil, model.Reasonf("%w: tables/%s.csv: %v", "%v: tables/%s.csv: %v", ErrWrite, t.Name, err)
		}
	}
	w.Flush()
	if err := w.Error(); err != nil {
		return nil, model.Reasonf("%w: tables/%s.csv: %v", "%v: tables/%s.csv: %v", ErrWrite, t.Name, err)
	}
	return buf.Bytes(), nil
}

// csvCell writes a cell; only text can be a formula, numbers stay numbers.
func csvCell(v any) string {
	if s, ok := v.(string); ok {
		return guardFormula(s)
	}
	return results.FormatCell(v)
}

// guardFormula prefixes text that a spreadsheet would run as a formula (it starts with
// =, +, -, @, a tab or a carriage return) with a single quote, as OWASP's advice on CSV
// injection has it.
func guardFormula(s string) string {
	if s == "" {
		return s
	}
	switch s[0] {
	case '=', '+', '-', '@', '\t', '\r':
		return "'" + s
	}
	return s
}

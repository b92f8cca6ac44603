package reports

import (
	"bytes"
	"encoding/csv"
	"strings"

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
// injection has it, and so every part of it that a spreadsheet may read as a cell of its
// own: the part after a semicolon, a tab or a line break that starts, past spaces and
// quotes, with =, +, -, @ ("ken haar;=cmd|' /C calc'!A0" becomes "ken haar;'=cmd|...").
// A Dutch Excel opens a .csv with ';' as its list separator and splits a line there
// whatever its double quotes, which it honours only at the start of a cell, so quoting
// the field does not help (attack 15b, F06); OWASP: "it is not sufficient to make sure
// that the untrusted user input does not start with these characters. You also need to
// take care of the field separator (e.g., ',', or ';')". A comma needs nothing: where it
// is the separator, encoding/csv quotes the field.
func guardFormula(s string) string {
	if s == "" {
		return s
	}
	switch s[0] {
	case '=', '+', '-', '@', '\t', '\r':
		s = "'" + s
	}
	if !strings.ContainsAny(s, ";\t\n\r") {
		return s
	}
	var b strings.Builder
	last := 0
	for i := 0; i < len(s); i++ {
		switch s[i] {
		case ';', '\t', '\n', '\r':
		default:
			continue
		}
		j := i + 1
		for j < len(s) && (s[j] == ' ' || s[j] == '"' || s[j] == '\'') {
			j++
		}
		if j < len(s) && strings.IndexByte("=+-@", s[j]) >= 0 {
			b.WriteString(s[last : i+1])
			b.WriteByte('\'')
			last = i + 1
		}
	}
	if last == 0 {
		return s
	}
	b.WriteString(s[last:])
	return b.String()
}

package reports

import (
	"github.com/samenspel/samenspel/pipeline/results"
)

// rows gives named access to a table's cells, tolerating missing columns and cells of an
// unexpected type: a table built by another version of the analysis degrades to empty
// cells instead of a panic.
type rows struct {
	t   *results.Table
	col map[string]int
}

func view(t *results.Table) rows {
	r := rows{t: t, col: map[string]int{}}
	if t == nil {
		return r
	}
	for i, c := range t.Columns {
		if _, dup := r.col[c.Name]; !dup {
			r.col[c.Name] = i
		}
	}
	return r
}

func (r rows) len() int {
	if r.t == nil {
		return 0
	}
	return len(r.t.Rows)
}

func (r rows) has(name string) bool { _, ok := r.col[name]; return ok }

func (r rows) cell(i int, name string) any {
	c, ok := r.col[name]
	if !ok || i < 0 || i >= len(r.t.Rows) || c >= len(r.t.Rows[i]) {
		return nil
	}
	return r.t.Rows[i][c]
}

// str returns a text cell, or a number written as text; "" for an empty cell.
func (r rows) str(i int, name string) string {
	switch v := r.cell(i, name).(type) {
	case string:
		return v
	case nil:
		return ""
	default:
		return results.FormatCell(v)
	}
}

// num returns a finite number; ok is false for an empty or non-numeric cell.
func (r rows) num(i int, name string) (float64, bool) {
	return results.Num(r.cell(i, name))
}

// flag returns a boolean cell; text "true"/"TRUE"/"1" counts as true.
func (r rows) flag(i int, name string) bool {
	switch v := r.cell(i, name).(type) {
	case bool:
		return v
	case string:
		return v == "true" || v == "TRUE" || v == "1" || v == "ja" || v == "yes"
	case int:
		return v != 0
	}
	return false
}

// kind returns the column's kind, Text for a missing column.
func (r rows) kind(name string) results.Kind {
	if c, ok := r.col[name]; ok {
		return r.t.Columns[c].Kind
	}
	return results.Text
}

// labels maps codebook ids onto labels in the study's language.
type labels struct {
	factor    map[string]string
	code      map[string]string
	valence   map[string]string
	codeOrder map[string]int
	factorOf  map[string]string
	scale     map[string]results.Scale
	item      map[string]string
	role      map[string]string
	partner   map[string]string
}

func newLabels(res *results.Results) labels {
	l := labels{
		factor: map[string]string{}, code: map[string]string{}, valence: map[string]string{},
		codeOrder: map[string]int{}, factorOf: map[string]string{},
		scale: map[string]results.Scale{}, item: map[string]string{},
		role: map[string]string{}, partner: map[string]string{},
	}
	for _, r := range res.Codebook.Roles {
		l.role[r.ID] = r.Label
	}
	for _, p := range res.Codebook.Partners {
		l.partner[p.ID] = p.Label
	}
	n := 0
	for _, f := range res.Codebook.Factors {
		l.factor[f.ID] = f.Label
		for _, c := range f.Codes {
			l.code[c.ID] = c.Label
			l.valence[c.ID] = c.Valence
			l.factorOf[c.ID] = f.ID
			l.codeOrder[c.ID] = n
			n++
		}
	}
	for _, s := range res.Codebook.Scales {
		l.scale[s.ID] = s
		for _, it := range s.Items {
			l.item[it.ID] = it.Text
		}
	}
	return l
}

func (l labels) factorLabel(id string) string {
	if s := l.factor[id]; s != "" {
		return s
	}
	return labelOf(id)
}

func (l labels) codeLabel(id string) string {
	if s := l.code[id]; s != "" {
		return s
	}
	return id
}

func (l labels) scaleLabel(id string) string {
	if s := l.scale[id].Label; s != "" {
		return s
	}
	if s := l.factor[id]; s != "" {
		return s
	}
	return labelOf(id)
}

func (l labels) roleLabel(id string) string {
	if s := l.role[id]; s != "" {
		return s
	}
	return labelOf(id)
}

func (l labels) partnerLabel(id string) string {
	if s := l.partner[id]; s != "" {
		return s
	}
	return labelOf(id)
}

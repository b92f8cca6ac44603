package ingest

import "github.com/samenspel/samenspel/pipeline/model"

// knows reports whether id is a respondent of the respondents table (Known): as written
// there, or written with other capitals or spaces (model.IDKey) than exactly one id there,
// which the pipeline then gives the table's spelling (pipeline/respondent_spellings.go).
// Without a respondents table every id is known.
func (o Options) knows(id string) bool {
	if o.Known == nil || o.Known[id] {
		return true
	}
	_, ok := o.KnownKeys[model.IDKey(id)]
	return ok
}

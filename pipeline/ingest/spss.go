package ingest

import (
	"strconv"

	"github.com/samenspel/samenspel/pipeline/ingest/sav"
	"github.com/samenspel/samenspel/pipeline/model"
)

// readSPSS reads an SPSS system file (.sav, .zsav) as a survey: one case per respondent,
// variables found by name (respondent, gemeente, functie, ...) and items by name or by
// variable label (the question text). An item with value labels is read through them,
// every labelled code, consistently (see labelledCodes: a label the scale does not know is
// a rejected cell, a code without a label a number only where the labels fix how codes
// run); system-missing and user-missing values are missing answers. String variables read
// through their value labels in the same way (a string code without a label as written). Non-item variables read through their value labels, and dates
// and times (by their print format) as ISO 8601 text, so that a date is a usable grouping
// attribute rather than seconds since 1582. Every case is a respondent, also one whose
// values are all missing. Rejects name the case number, as SPSS's Data View numbers rows.
func readSPSS(path string, opt Options) (model.Dataset, error) {
	f, err := openSav(path, opt)
	if err != nil {
		return model.Dataset{}, err
	}
	names := make([]string, len(f.Variables))
	for i, v := range f.Variables {
		names[i] = v.Name
	}
	cols, err := FindColumns(names, genericFields, opt.Columns)
	if err != nil {
		return model.Dataset{}, model.Reasonf("%s: %w", "%s: %v", path, err)
	}
	// Variables the names do not give away may say what they hold in their labels.
	labels := make([]string, len(f.Variables))
	for i, v := range f.Variables {
		labels[i] = v.Label
	}
	byLabel, _ := FindColumns(labels, genericFields, nil)
	taken := map[int]bool{}
	for _, i := range cols {
		taken[i] = true
	}
	for field, i := range byLabel {
		if _, ok := cols[field]; !ok && !taken[i] {
			cols[field], taken[i] = i, true
		}
	}
	lay := &surveyLayout{format: FormatSPSS, columns: make([]surveyColumn, len(names)), everyRow: true}
	uses := map[string]columnUse{"respondent": useRespondent, "municipality": useMunicipality, "role": useRole, "name": useName, "email": useMeta}
	for field, i := range cols {
		lay.columns[i].use = uses[field]
	}
	for i, v := range f.Variables {
		c := &lay.columns[i]
		c.header, c.question = v.Name, v.Label
		if c.use != useOther {
			continue
		}
		if !itemColumn(opt, c, v.Label) {
			continue
		}
		switch {
		case v.Width == 0 && len(v.ValueLabels) > 0:
			lc := newLabelledCodes(v, c.scale)
			c.decode, c.refuse = lc.decode, lc.refuse
		case v.Width > 0 && len(v.StringLabels) > 0:
			labels, scale := v.StringLabels, c.scale
			c.decode = func(cell string) string {
				if l, ok := labels[cell]; ok {
					return l
				}
				return cell
			}
			c.refuse = func(cell string) error { return unknownStringLabel(labels, scale, cell) }
		}
	}
	if err := settleItems(lay, opt); err != nil {
		return model.Dataset{}, model.Reasonf("%s: %w", "%s: %v", path, err)
	}
	ds, err := readResponses(path, "", &casesSource{file: f, columns: lay.columns}, lay, opt)
	if f.Truncated != nil && err == nil && len(ds.Files) > 0 { // its last case cut off: a rejected row
		ds.Files[len(ds.Files)-1].Read++
		ds.Files[len(ds.Files)-1].Rejected++
		ds.Rejects = append(ds.Rejects, model.Reject{File: path, Row: len(f.Cases) + 1, Err: f.Truncated})
	}
	ds.Warnings = append(ds.Warnings, itemWarnings(path, &ds, lay, opt)...) // survey_nearitems.go
	return ds, err
}

// casesSource hands the cases of a system file to readResponses as rows of text.
type casesSource struct {
	file    *sav.File
	columns []surveyColumn
	n       int
	row     []string
}

func (s *casesSource) Next() bool {
	if s.n >= len(s.file.Cases) {
		return false
	}
	c := s.file.Cases[s.n]
	s.n++
	s.row = make([]string, len(c))
	for i, val := range c {
		v := s.file.Variables[i]
		switch {
		case v.IsMissing(val):
		case v.Width > 0:
			s.row[i] = val.String
			if l, ok := v.StringLabels[val.String]; ok && s.columns[i].use != useItem {
				s.row[i] = l
			}
		default:
			s.row[i] = strconv.FormatFloat(val.Number, 'f', -1, 64)
			if s.columns[i].use == useItem {
				break
			}
			if l, ok := v.ValueLabels[val.Number]; ok {
				s.row[i] = l
			} else if d, ok := v.FormatValue(val.Number); ok {
				s.row[i] = d
			}
		}
	}
	return true
}

func (s *casesSource) Row() []string { return s.row }
func (s *casesSource) Line() int     { return s.n }
func (s *casesSource) Err() error    { return nil }

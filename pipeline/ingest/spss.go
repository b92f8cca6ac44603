package ingest

import (
	"fmt"
	"strconv"

	"github.com/samenspel/samenspel/pipeline/ingest/sav"
	"github.com/samenspel/samenspel/pipeline/model"
)

// readSPSS reads an SPSS system file (.sav, .zsav) as a survey: one case per respondent,
// variables found by name (respondent, gemeente, functie, ...) and items by name or by
// variable label (the question text). A numeric answer whose value label the item's scale
// knows ("Mee eens") is read through the label, otherwise by its value; system-missing
// and user-missing values are missing answers. String variables read through their value
// labels in the same way. Non-item variables read through their value labels, and dates
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
		return model.Dataset{}, fmt.Errorf("%s: %w", path, err)
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
		scale := c.scale
		known := func(l string, ok bool) (string, bool) {
			if !ok {
				return "", false
			}
			_, _, known := scale.Value(l)
			return l, known
		}
		switch {
		case v.Width == 0 && len(v.ValueLabels) > 0:
			labels := v.ValueLabels
			c.decode = func(cell string) string {
				if x, ok := ParseNumber(cell); ok {
					if l, ok := known(labels[x], hasKey(labels, x)); ok {
						return l
					}
				}
				return cell
			}
		case v.Width > 0 && len(v.StringLabels) > 0:
			labels := v.StringLabels
			c.decode = func(cell string) string {
				l, ok := labels[cell]
				if l, ok := known(l, ok); ok {
					return l
				}
				return cell
			}
		}
	}
	if err := settleItems(lay, opt); err != nil {
		return model.Dataset{}, fmt.Errorf("%s: %w", path, err)
	}
	return readResponses(path, "", &casesSource{file: f, columns: lay.columns}, lay, opt)
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

func hasKey(m map[float64]string, x float64) bool {
	_, ok := m[x]
	return ok
}

func (s *casesSource) Row() []string { return s.row }
func (s *casesSource) Line() int     { return s.n }
func (s *casesSource) Err() error    { return nil }

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
// and user-missing values are missing answers. Non-item variables read through their
// value labels. Rejects name the case number, as SPSS's Data View numbers rows.
func readSPSS(path string, opt Options) (model.Dataset, error) {
	f, err := sav.Open(path)
	if err != nil {
		return model.Dataset{}, fmt.Errorf("%s: %w", path, err)
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
	lay := &surveyLayout{format: FormatSPSS, columns: make([]surveyColumn, len(names))}
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
		if itemColumn(opt, c, v.Label) && len(v.ValueLabels) > 0 {
			labels, scale := v.ValueLabels, c.scale
			c.decode = func(cell string) string {
				if x, ok := ParseNumber(cell); ok {
					if l, ok := labels[x]; ok {
						if _, _, known := scale.Value(l); known {
							return l
						}
					}
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
			if l, ok := v.ValueLabels[val.Number]; ok && s.columns[i].use != useItem {
				s.row[i] = l
			}
		}
	}
	return true
}

func (s *casesSource) Row() []string { return s.row }
func (s *casesSource) Line() int     { return s.n }
func (s *casesSource) Err() error    { return nil }

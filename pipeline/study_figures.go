package pipeline

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/samenspel/samenspel/codebook"
	"github.com/samenspel/samenspel/pipeline/results"
	"go.yaml.in/yaml/v3"
)

// Figures is the figures: key of study.yaml: which figures to draw, in what order, and at
// what size and resolution.
type Figures struct {
	// Include names the figures to draw, in the order the report shows them
	// (factors_by_role, valence_by_factor, survey_items, municipalities, cooccurrence,
	// partners, agreement; "municipalities" stands for every municipalities_<scale>).
	// Empty means all, in that order.
	Include []string `yaml:"include"`
	// Width is the printed width: column (8.5 cm), page (17 cm, the default) or a number
	// of centimetres between 5 and 30.
	Width FigureWidth `yaml:"width"`
	// DPI is the resolution of the PNG figures, recorded in their pHYs chunk (default
	// 300; 72 to 1200).
	DPI int `yaml:"dpi"`
}

// FigureWidth is a figure width in centimetres, written in study.yaml as column, page or
// a number.
type FigureWidth float64

// The named widths: a column and the type area of an A4 page in a two-column journal.
const (
	ColumnWidthCM = 8.5
	PageWidthCM   = 17
)

// UnmarshalYAML reads column, page (kolom, pagina) or a number of centimetres.
func (w *FigureWidth) UnmarshalYAML(n *yaml.Node) error {
	if n.Kind != yaml.ScalarNode {
		return &StudyError{Line: n.Line, Key: "figures.width", Msg: "is column, page or a width in cm", MsgNL: "is kolom, pagina of een breedte in cm"}
	}
	switch strings.ToLower(strings.TrimSpace(n.Value)) {
	case "column", "kolom":
		*w = ColumnWidthCM
		return nil
	case "page", "pagina":
		*w = PageWidthCM
		return nil
	}
	v := strings.TrimSpace(strings.TrimSuffix(strings.TrimSpace(n.Value), "cm"))
	cm, err := strconv.ParseFloat(strings.Replace(v, ",", ".", 1), 64)
	if err != nil || cm < 5 || cm > 30 {
		return &StudyError{Line: n.Line, Key: "figures.width",
			Msg:   fmt.Sprintf("%q is not column, page or a width between 5 and 30 cm", n.Value),
			MsgNL: fmt.Sprintf("%q is geen kolom, pagina of breedte tussen 5 en 30 cm", n.Value)}
	}
	*w = FigureWidth(cm)
	return nil
}

// fill sets the defaults and checks the ranges.
func (f *Figures) fill(s *Study) error {
	if f.Width == 0 {
		f.Width = PageWidthCM
	}
	if f.DPI == 0 {
		f.DPI = 300
	}
	if f.DPI < 72 || f.DPI > 1200 {
		return s.errAt("figures.dpi", -1, fmt.Sprintf("%d is not between 72 and 1200", f.DPI), fmt.Sprintf("%d ligt niet tussen 72 en 1200", f.DPI))
	}
	for i, name := range f.Include {
		f.Include[i] = strings.ToLower(strings.TrimSpace(name))
		if !results.IsFigureName(f.Include[i]) {
			return s.errAt("figures.include", i, fmt.Sprintf("%q is not a figure%s (known: %s)", name, codebook.DidYouMean(f.Include[i], results.FigureNames), strings.Join(results.FigureNames, ", ")),
				fmt.Sprintf("%q is geen figuur%s (bekend: %s)", name, codebook.DidYouMeanIn("nl", f.Include[i], results.FigureNames), strings.Join(results.FigureNames, ", ")))
		}
	}
	return nil
}

// Options returns the figure options the report writers get.
func (f Figures) Options() results.FigureOptions {
	return results.FigureOptions{Include: f.Include, WidthCM: float64(f.Width), DPI: f.DPI}
}

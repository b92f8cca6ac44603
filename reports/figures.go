package reports

import (
	"fmt"
	"strings"

	"github.com/samenspel/samenspel/pipeline/model"
	"github.com/samenspel/samenspel/pipeline/results"
)

// ErrFigure wraps every failure to draw a figure.
var ErrFigure = model.NewKind("reports: cannot draw figure", "de figuur kan niet worden getekend")

// figureBuilders make the figures in the order the report shows them. Each returns no
// figure when its table is absent or holds nothing to draw.
var figureBuilders = []func(*results.Results, labels) []*figure{
	factorsByRole,
	valenceByFactor,
	surveyItems,
	municipalities,
	waveTrends,
	cooccurrence,
	partners,
	agreement,
	jointDisplay, // figures_joint.go
}

// buildFigures makes every figure the results allow. A builder that panics on an odd
// table loses its figure, not the run: the error says which.
func buildFigures(res *results.Results) (figs []*figure, err error) {
	l := newLabels(res)
	for _, b := range figureBuilders {
		out, e := safeBuild(b, res, l)
		if e != nil {
			return nil, e
		}
		figs = append(figs, out...)
	}
	figs, err = chosenFigures(figs, res.Figures.Include)
	if err != nil {
		return nil, err
	}
	for _, f := range figs {
		f.Width, f.DPI = figureWidthOf(res), res.Figures.DPI
	}
	return figs, nil
}

// chosenFigures keeps the figures that include names, in its order; all of them when
// include is empty. A name that is no figure is an error naming the known ones; a known
// name whose figure the data do not allow is skipped quietly, like any figure whose
// table is missing.
func chosenFigures(figs []*figure, include []string) ([]*figure, error) {
	if len(include) == 0 {
		return figs, nil
	}
	var out []*figure
	taken := map[*figure]bool{}
	for _, name := range include {
		if !results.IsFigureName(name) {
			return nil, model.Reasonf("%w: study.yaml figures.include: %q is not a figure (known: %s)", "%v: study.yaml figures.include: %q is geen figuur (bekend: %s)", ErrFigure, name, strings.Join(results.FigureNames, ", "))
		}
		for _, f := range figs {
			match := f.Name == name || name == "municipalities" && strings.HasPrefix(f.Name, "municipalities_") ||
				name == "waves" && strings.HasPrefix(f.Name, "waves_")
			if match && !taken[f] {
				taken[f] = true
				out = append(out, f)
			}
		}
	}
	return out, nil
}

func safeBuild(b func(*results.Results, labels) []*figure, res *results.Results, l labels) (out []*figure, err error) {
	defer func() {
		if r := recover(); r != nil {
			err = model.Reasonf("%w: %v", "%v: %v", ErrFigure, r)
		}
	}()
	return b(res, l), nil
}

// caption joins the parts of a caption line: n, source, what was left out.
func caption(parts ...string) string {
	var keep []string
	for _, p := range parts {
		if p = strings.TrimSpace(p); p != "" {
			keep = append(keep, p)
		}
	}
	return strings.Join(keep, " ")
}

// leftOut says how many groups a figure leaves out because they are below min_cell.
func leftOut(res *results.Results, n int, one, many string) string {
	if n == 0 {
		return ""
	}
	mc := res.MinCell
	if mc <= 0 {
		mc = 5
	}
	return res.Text(
		fmt.Sprintf("Niet getoond: %s met minder dan %d respondenten (privacy).", plural(n, one, many), mc),
		fmt.Sprintf("Not shown: %s with fewer than %d respondents (privacy).", plural(n, one, many), mc),
	)
}

// source names a figure's source and table; a coding table's source says its interview
// wave where the interviews carry two or more (interviewWaveCaption).
func source(res *results.Results, nl, en, table string) string {
	if res.InterviewWave != "" && codingTables[table] {
		nl, en = nl+" van meting "+res.InterviewWave, en+" of wave "+res.InterviewWave
	}
	return res.Text("Bron: "+nl+" (tabel "+table+").", "Source: "+en+" (table "+table+").")
}

// plural writes a count with the singular or plural noun.
func plural(n int, one, many string) string {
	if n == 1 {
		return "1 " + one
	}
	return fmt.Sprintf("%d %s", n, many)
}

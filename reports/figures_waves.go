package reports

import (
	"fmt"
	"image/color"
	"math"
	"slices"
	"strings"

	"gonum.org/v1/plot"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"

	"github.com/samenspel/samenspel/pipeline/results"
)

// trendColours are the Okabe-Ito colours for the municipalities of a trend figure; the
// study itself is drawn in black.
var trendColours = []color.Color{okabeBlue, okabeOrange, okabeSky, okabeVermilion,
	rgb(0x00, 0x9E, 0x73), rgb(0xCC, 0x79, 0xA7), rgb(0xF0, 0xE4, 0x42)}

// trendPoint is a group's mean in one wave (X the wave's position) with its interval.
type trendPoint struct{ X, Mean, Low, High float64 }

// trendLine is a group's means over the waves.
type trendLine struct {
	Points    []trendPoint
	Colour    color.Color
	Width     vg.Length
	Intervals bool // draw the 95% intervals as vertical whiskers
}

// trendLines draws lines through the means of each group over the waves.
type trendLines []trendLine

func (ls trendLines) Plot(c draw.Canvas, p *plot.Plot) {
	tx, ty := p.Transforms(&c)
	for _, l := range ls {
		style := draw.LineStyle{Color: l.Colour, Width: l.Width}
		var pts []vg.Point
		for _, pt := range l.Points {
			pts = append(pts, vg.Point{X: tx(pt.X), Y: ty(pt.Mean)})
			if l.Intervals && finite(pt.Low, pt.High) {
				x := tx(pt.X)
				ws := draw.LineStyle{Color: l.Colour, Width: vg.Points(1)}
				c.StrokeLine2(ws, x, ty(pt.Low), x, ty(pt.High))
				c.StrokeLine2(ws, x-vg.Points(3), ty(pt.Low), x+vg.Points(3), ty(pt.Low))
				c.StrokeLine2(ws, x-vg.Points(3), ty(pt.High), x+vg.Points(3), ty(pt.High))
			}
		}
		if len(pts) > 1 {
			c.StrokeLines(style, c.ClipLinesXY(pts)...)
		}
		for _, pt := range pts {
			c.DrawGlyph(draw.GlyphStyle{Color: l.Colour, Radius: l.Width + vg.Points(1.5), Shape: draw.CircleGlyph{}}, pt)
		}
	}
}

func (ls trendLines) DataRange() (xmin, xmax, ymin, ymax float64) {
	xmin, ymin = math.Inf(1), math.Inf(1)
	xmax, ymax = math.Inf(-1), math.Inf(-1)
	for _, l := range ls {
		for _, pt := range l.Points {
			lo, hi := pt.Mean, pt.Mean
			if l.Intervals && finite(pt.Low, pt.High) {
				lo, hi = pt.Low, pt.High
			}
			xmin, xmax = math.Min(xmin, pt.X), math.Max(xmax, pt.X)
			ymin, ymax = math.Min(ymin, lo), math.Max(ymax, hi)
		}
	}
	return
}

// waveTrends draws, per scale, the mean score over the measurement waves (table
// wave_scales): the study in black with its 95% intervals, and each municipality shown in
// at least two waves as a coloured line (grey lines, unnamed, when there are more than
// the palette's seven). Where no municipality is shown in two waves (too small per
// wave), the figure shows the study alone and says so. A group-wave cell that the
// disclosure pass suppressed is missing from its line.
func waveTrends(res *results.Results, l labels) []*figure {
	t := view(res.Table("wave_scales"))
	if t.len() == 0 {
		return nil
	}
	type key struct{ scale, group string }
	var scales, waves []string
	waveAt := map[string]int{}
	lines := map[key][]trendPoint{}
	var groups = map[string][]string{} // scale -> municipalities in order
	nAll := map[string][]string{}      // scale -> "wave: n"
	hidden := map[string]map[string]bool{}
	for i := 0; i < t.len(); i++ {
		sc, w, by, g := t.str(i, "scale"), t.str(i, "wave"), t.str(i, "group_by"), t.str(i, "group")
		if by != "all" && by != "municipality" {
			continue
		}
		if !slices.Contains(scales, sc) {
			scales = append(scales, sc)
			hidden[sc] = map[string]bool{}
		}
		if _, ok := waveAt[w]; !ok {
			waveAt[w] = len(waves)
			waves = append(waves, w)
		}
		m, ok := t.num(i, "mean")
		if t.flag(i, "suppressed") || !ok {
			if by == "municipality" {
				hidden[sc][g] = true
			}
			continue
		}
		lo, okl := t.num(i, "ci_low")
		hi, okh := t.num(i, "ci_high")
		if !okl || !okh {
			lo, hi = math.NaN(), math.NaN()
		}
		k := key{sc, g}
		if by == "all" {
			k.group = ""
			if n, ok := t.num(i, "n"); ok {
				nAll[sc] = append(nAll[sc], fmt.Sprintf("%s: %d", w, int(n)))
			}
		} else if _, seen := lines[k]; !seen {
			groups[sc] = append(groups[sc], g)
		}
		lines[k] = append(lines[k], trendPoint{X: float64(waveAt[w]), Mean: m, Low: lo, High: hi})
	}
	if len(waves) < 2 {
		return nil
	}
	var figs []*figure
	for _, sc := range scales {
		var shown []string
		for _, g := range groups[sc] {
			if len(lines[key{sc, g}]) >= 2 {
				shown = append(shown, g)
			}
		}
		study := lines[key{sc, ""}]
		if len(study) == 0 && len(shown) == 0 {
			continue
		}
		p := newPlot()
		p.Y.Label.Text = res.Text("Gemiddelde schaalscore", "Mean scale score")
		p.X.Label.Text = res.Text("Meting", "Wave")
		var ticks fixedTicks
		for i, w := range waves {
			ticks = append(ticks, plot.Tick{Value: float64(i), Label: w})
		}
		p.X.Tick.Marker = ticks
		p.X.Min, p.X.Max = -0.3, float64(len(waves)-1)+0.3
		scale := l.scale[sc]
		if len(scale.Answers) >= 2 {
			p.Y.Min, p.Y.Max = math.Inf(1), math.Inf(-1)
			for _, a := range scale.Answers {
				p.Y.Min, p.Y.Max = math.Min(p.Y.Min, a.Value), math.Max(p.Y.Max, a.Value)
			}
			if len(scale.Answers) <= 11 {
				var yt fixedTicks
				for _, a := range scale.Answers {
					yt = append(yt, plot.Tick{Value: a.Value, Label: number(res.Language, a.Value, decimalsOf(a.Value))})
				}
				p.Y.Tick.Marker = yt
			}
		}
		var drawn trendLines
		var legend []legendEntry
		named := len(shown) <= len(trendColours)
		for i, g := range shown {
			c := color.Color(neutralColour)
			if named {
				c = trendColours[i]
				legend = append(legend, legendEntry{Label: g, Colour: c})
			}
			drawn = append(drawn, trendLine{Points: lines[key{sc, g}], Colour: c, Width: vg.Points(1.2)})
		}
		if !named {
			legend = append(legend, legendEntry{Label: res.Text(fmt.Sprintf("%d gemeenten", len(shown)), fmt.Sprintf("%d municipalities", len(shown))), Colour: neutralColour})
		}
		if len(study) > 0 {
			drawn = append(drawn, trendLine{Points: study, Colour: okabeBlack, Width: vg.Points(2), Intervals: true})
			legend = append(legend, legendEntry{Label: res.Text("Alle respondenten, met 95%-interval", "All respondents, with 95% interval"), Colour: okabeBlack})
		}
		p.Add(drawn)
		mc := res.MinCell
		if mc <= 0 {
			mc = 5
		}
		why := res.Text(fmt.Sprintf("Een gemeente met in een meting minder dan %d respondenten (of nodig om die te beschermen) ontbreekt in alle metingen (privacy).", mc),
			fmt.Sprintf("A municipality with fewer than %d respondents in a wave (or needed to protect those) is left out of every wave (privacy).", mc))
		if len(shown) == 0 {
			why = res.Text("Geen gemeente heeft in twee metingen genoeg respondenten; de figuur toont alleen het geheel.",
				"No municipality has enough respondents in two waves; the figure shows the study as a whole.")
		}
		small := 0
		for g := range hidden[sc] {
			if !slices.Contains(shown, g) {
				small++
			}
		}
		figs = append(figs, &figure{
			Name:  "waves_" + fileName(sc),
			Title: res.Text("Ontwikkeling over de metingen: ", "Change over the waves: ") + l.scaleLabel(sc),
			Caption: caption(
				res.Text("n per meting: "+strings.Join(nAll[sc], ", ")+".", "n per wave: "+strings.Join(nAll[sc], ", ")+"."),
				why,
				leftOut(res, small, res.Text("gemeente", "municipality"), res.Text("gemeenten", "municipalities")),
				source(res, "vragenlijst", "survey", "wave_scales"),
			),
			Legend:     legend,
			Plot:       p,
			PlotHeight: 7 * vg.Centimeter,
		})
	}
	return figs
}

package reports

import (
	"math"
	"strings"

	"gonum.org/v1/plot"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"
)

// row is a row of a horizontal chart: a labelled category, or a heading that names the
// group of rows below it (a factor, a scale).
type row struct {
	Label   string
	Heading bool
}

// rowChart is a plot whose Y axis is a list of labelled rows, top to bottom.
type rowChart struct {
	Plot   *plot.Plot
	Rows   []row
	Height vg.Length // plot height including the X axis
}

// labelWidth is the widest a row label may be before it wraps: a third of the figure,
// and never under 3.5 cm, so that a column-wide figure does not break every label.
func labelWidth(figWidth vg.Length) vg.Length { return max(figWidth/3, 3.5*vg.Centimeter) }

// newRowChart sets up the rows: wrapped tick labels for categories, bold headings drawn
// in the data area on their own row, and a plot height that gives every row room for its
// label lines.
func newRowChart(figWidth vg.Length, rows []row, xLabel string) *rowChart {
	p := newPlot()
	// The axis title wraps to the data area (the figure less the row labels): gonum
	// shrinks the data area to nothing rather than let a title stick out.
	xLabel = wrapLabel(xLabel, figWidth-2*margin-labelWidth(figWidth)-12, labelSize)
	p.X.Label.Text = xLabel
	n := len(rows)
	ticks := make([]plot.Tick, 0, n)
	var heads headings
	maxLines := 1
	for i, r := range rows {
		y := float64(n - 1 - i)
		if r.Heading {
			heads = append(heads, heading{Y: y, Text: r.Label})
			continue
		}
		lbl := wrapLabel(r.Label, labelWidth(figWidth), tickSize)
		maxLines = max(maxLines, strings.Count(lbl, "\n")+1)
		ticks = append(ticks, plot.Tick{Value: y, Label: lbl})
	}
	p.Y.Tick.Marker = plot.ConstantTicks(ticks)
	p.Y.Tick.Width = 0
	p.Y.Tick.Length = 0
	p.Y.Width = 0
	p.Y.Padding = 0
	p.Y.Min, p.Y.Max = -0.6, float64(n)-0.4
	if len(heads) > 0 {
		p.Add(heads)
	}
	rowH := math.Max(15, float64(maxLines)*tickSize*lineGap+5)
	axis := vg.Length(2*tickSize*lineGap + labelSize*lineGap + 18)
	if xLabel != "" {
		axis += vg.Length(strings.Count(xLabel, "\n")) * labelSize * lineGap
	}
	return &rowChart{Plot: p, Rows: rows, Height: vg.Length(rowH)*vg.Length(n) + axis}
}

// y returns the data coordinate of row i.
func (rc *rowChart) y(i int) float64 { return float64(len(rc.Rows) - 1 - i) }

type heading struct {
	Y    float64
	Text string
}

// headings draws group headings left-aligned in the data area, on rows that carry no data.
type headings []heading

func (h headings) Plot(c draw.Canvas, p *plot.Plot) {
	_, ty := p.Transforms(&c)
	sty := textStyle(tickSize, true, inkColour)
	sty.YAlign = draw.YCenter
	for _, hd := range h {
		c.FillText(sty, vg.Point{X: c.Min.X + 2, Y: ty(hd.Y)}, hd.Text)
	}
	rule := draw.LineStyle{Color: gridColour, Width: vg.Points(0.6)}
	for _, hd := range h {
		y := ty(hd.Y + 0.5)
		c.StrokeLine2(rule, c.Min.X, y, c.Max.X, y)
	}
}

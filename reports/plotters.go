package reports

import (
	"image/color"
	"math"

	"gonum.org/v1/plot"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"
)

// bar is one horizontal bar from X0 to X1, centred on Y, Thick data units high.
type bar struct {
	Y, X0, X1, Thick float64
	Colour           color.Color
	Label            string // value label; drawn inside when it fits, else beyond the end
}

// bars draws horizontal bars: grouped, diverging or stacked, as the caller places them.
type bars struct {
	Bars []bar
	// Inside puts value labels inside the bar (stacked bars); otherwise beyond its end.
	Inside bool
}

func finite(xs ...float64) bool {
	for _, x := range xs {
		if math.IsNaN(x) || math.IsInf(x, 0) {
			return false
		}
	}
	return true
}

func (b bars) Plot(c draw.Canvas, p *plot.Plot) {
	tx, ty := p.Transforms(&c)
	sty := textStyle(valueSize, false, inkColour)
	sty.YAlign = draw.YCenter
	for _, r := range b.Bars {
		if !finite(r.Y, r.X0, r.X1, r.Thick) {
			continue
		}
		x0, x1 := tx(math.Min(r.X0, r.X1)), tx(math.Max(r.X0, r.X1))
		y0, y1 := ty(r.Y-r.Thick/2), ty(r.Y+r.Thick/2)
		if x1 > x0 {
			c.FillPolygon(r.Colour, []vg.Point{{X: x0, Y: y0}, {X: x1, Y: y0}, {X: x1, Y: y1}, {X: x0, Y: y1}})
		}
		if r.Label == "" {
			continue
		}
		w := sty.Width(r.Label)
		y := ty(r.Y)
		if b.Inside {
			if w+2 <= x1-x0 && y1-y0 >= sty.Height(r.Label) {
				in := sty
				in.Color = inkOn(r.Colour)
				in.XAlign = draw.XCenter
				c.FillText(in, vg.Point{X: (x0 + x1) / 2, Y: y}, r.Label)
			}
			continue
		}
		out := sty
		// A bar of -0 (no barriers) is a leftward bar: its "0" goes left of the axis,
		// not over the bar to the right of it.
		if r.X1 < r.X0 || r.X1 == r.X0 && math.Signbit(r.X1) {
			out.XAlign = draw.XRight
			c.FillText(out, vg.Point{X: x0 - 2, Y: y}, r.Label)
		} else {
			c.FillText(out, vg.Point{X: x1 + 2, Y: y}, r.Label)
		}
	}
}

func (b bars) DataRange() (xmin, xmax, ymin, ymax float64) {
	xmin, ymin = math.Inf(1), math.Inf(1)
	xmax, ymax = math.Inf(-1), math.Inf(-1)
	for _, r := range b.Bars {
		if !finite(r.Y, r.X0, r.X1, r.Thick) {
			continue
		}
		xmin = math.Min(xmin, math.Min(r.X0, r.X1))
		xmax = math.Max(xmax, math.Max(r.X0, r.X1))
		ymin = math.Min(ymin, r.Y-r.Thick/2)
		ymax = math.Max(ymax, r.Y+r.Thick/2)
	}
	return
}

// GlyphBoxes makes room for the value labels drawn beyond the bars' ends, so the plot
// shrinks its data area instead of clipping them.
func (b bars) GlyphBoxes(p *plot.Plot) []plot.GlyphBox {
	if b.Inside {
		return nil
	}
	sty := textStyle(valueSize, false, inkColour)
	var boxes []plot.GlyphBox
	for _, r := range b.Bars {
		if r.Label == "" || !finite(r.Y, r.X0, r.X1) {
			continue
		}
		w := sty.Width(r.Label) + 2
		h := sty.Height(r.Label)
		rect := vg.Rectangle{Min: vg.Point{X: 0, Y: -h / 2}, Max: vg.Point{X: w, Y: h / 2}}
		if r.X1 < r.X0 {
			rect = vg.Rectangle{Min: vg.Point{X: -w, Y: -h / 2}, Max: vg.Point{X: 0, Y: h / 2}}
		}
		boxes = append(boxes, plot.GlyphBox{X: p.X.Norm(r.X1), Y: p.Y.Norm(r.Y), Rectangle: rect})
	}
	return boxes
}

// interval is an estimate with its confidence interval, on a row Y.
type interval struct {
	Y, Low, Mid, High float64
	Colour            color.Color
}

// intervals draws point estimates with horizontal interval whiskers.
type intervals struct{ Points []interval }

func (iv intervals) Plot(c draw.Canvas, p *plot.Plot) {
	tx, ty := p.Transforms(&c)
	for _, pt := range iv.Points {
		if !finite(pt.Y, pt.Mid) {
			continue
		}
		y := ty(pt.Y)
		if finite(pt.Low, pt.High) {
			ls := draw.LineStyle{Color: pt.Colour, Width: vg.Points(1.2)}
			c.StrokeLine2(ls, tx(pt.Low), y, tx(pt.High), y)
			c.StrokeLine2(ls, tx(pt.Low), y-vg.Points(3), tx(pt.Low), y+vg.Points(3))
			c.StrokeLine2(ls, tx(pt.High), y-vg.Points(3), tx(pt.High), y+vg.Points(3))
		}
		c.DrawGlyph(draw.GlyphStyle{Color: pt.Colour, Radius: vg.Points(3.2), Shape: draw.CircleGlyph{}}, vg.Point{X: tx(pt.Mid), Y: y})
	}
}

func (iv intervals) DataRange() (xmin, xmax, ymin, ymax float64) {
	xmin, ymin = math.Inf(1), math.Inf(1)
	xmax, ymax = math.Inf(-1), math.Inf(-1)
	for _, pt := range iv.Points {
		if !finite(pt.Y, pt.Mid) {
			continue
		}
		lo, hi := pt.Mid, pt.Mid
		if finite(pt.Low, pt.High) {
			lo, hi = math.Min(lo, pt.Low), math.Max(hi, pt.High)
		}
		xmin, xmax = math.Min(xmin, lo), math.Max(xmax, hi)
		ymin, ymax = math.Min(ymin, pt.Y), math.Max(ymax, pt.Y)
	}
	return
}

// refLine is a vertical reference line across the data area.
type refLine struct {
	X      float64
	Colour color.Color
	Dashed bool
	Width  vg.Length
}

func (l refLine) Plot(c draw.Canvas, p *plot.Plot) {
	if !finite(l.X) {
		return
	}
	tx, _ := p.Transforms(&c)
	ls := draw.LineStyle{Color: l.Colour, Width: l.Width}
	if l.Width == 0 {
		ls.Width = vg.Points(0.8)
	}
	if l.Dashed {
		ls.Dashes = []vg.Length{vg.Points(3), vg.Points(2)}
	}
	x := tx(l.X)
	c.StrokeLine2(ls, x, c.Min.Y, x, c.Max.Y)
}

func (l refLine) DataRange() (xmin, xmax, ymin, ymax float64) {
	if !finite(l.X) {
		return math.Inf(1), math.Inf(-1), math.Inf(1), math.Inf(-1)
	}
	return l.X, l.X, math.Inf(1), math.Inf(-1)
}

// heatCell is one cell of a heat map at column X, row Y (data units are cell indexes).
type heatCell struct {
	X, Y  int
	Value float64 // in [0,1] after scaling by the map's Max
	Label string
}

// heatMap draws coloured cells with their value labels; cells not given stay white.
type heatMap struct {
	Cells      []heatCell
	Cols, Rows int
	Max        float64
}

func (h heatMap) Plot(c draw.Canvas, p *plot.Plot) {
	tx, ty := p.Transforms(&c)
	sty := textStyle(valueSize, false, inkColour)
	sty.XAlign, sty.YAlign = draw.XCenter, draw.YCenter
	for _, cell := range h.Cells {
		if !finite(cell.Value) {
			continue
		}
		t := 0.0
		if h.Max > 0 {
			t = cell.Value / h.Max
		}
		col := sequentialColour(t)
		x0, x1 := tx(float64(cell.X)-0.5), tx(float64(cell.X)+0.5)
		y0, y1 := ty(float64(cell.Y)-0.5), ty(float64(cell.Y)+0.5)
		c.FillPolygon(col, []vg.Point{{X: x0, Y: y0}, {X: x1, Y: y0}, {X: x1, Y: y1}, {X: x0, Y: y1}})
		if cell.Label != "" && sty.Width(cell.Label)+2 <= x1-x0 {
			in := sty
			in.Color = inkOn(col)
			c.FillText(in, vg.Point{X: (x0 + x1) / 2, Y: (y0 + y1) / 2}, cell.Label)
		}
	}
	// Thin white grid so neighbouring cells of one colour stay apart.
	ls := draw.LineStyle{Color: color.White, Width: vg.Points(0.8)}
	for i := 0; i <= h.Cols; i++ {
		x := tx(float64(i) - 0.5)
		c.StrokeLine2(ls, x, ty(-0.5), x, ty(float64(h.Rows)-0.5))
	}
	for j := 0; j <= h.Rows; j++ {
		y := ty(float64(j) - 0.5)
		c.StrokeLine2(ls, tx(-0.5), y, tx(float64(h.Cols)-0.5), y)
	}
}

func (h heatMap) DataRange() (xmin, xmax, ymin, ymax float64) {
	return -0.5, float64(h.Cols) - 0.5, -0.5, float64(h.Rows) - 0.5
}

// relabel keeps another ticker's positions and writes its major labels with f.
type relabel struct {
	ticker plot.Ticker
	f      func(float64) string
}

func (r relabel) Ticks(min, max float64) []plot.Tick {
	ticks := r.ticker.Ticks(min, max)
	for i := range ticks {
		if ticks[i].Label != "" {
			ticks[i].Label = r.f(ticks[i].Value)
		}
	}
	return ticks
}

// fixedTicks are ticks at given values with given labels.
type fixedTicks []plot.Tick

func (f fixedTicks) Ticks(min, max float64) []plot.Tick {
	var out []plot.Tick
	for _, t := range f {
		if t.Value >= min-1e-9 && t.Value <= max+1e-9 {
			out = append(out, t)
		}
	}
	return out
}

// gridLines are light vertical lines behind the data.
type gridLines struct{ X []float64 }

func (g gridLines) Plot(c draw.Canvas, p *plot.Plot) {
	tx, _ := p.Transforms(&c)
	ls := draw.LineStyle{Color: gridColour, Width: vg.Points(0.5)}
	for _, x := range g.X {
		if finite(x) {
			c.StrokeLine2(ls, tx(x), c.Min.Y, tx(x), c.Max.Y)
		}
	}
}

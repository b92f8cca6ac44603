package reports

import (
	"bytes"
	"image/color"
	"math"
	"sync"

	"github.com/samenspel/samenspel/pipeline/model"
	"gonum.org/v1/plot"
	"gonum.org/v1/plot/text"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"
	"gonum.org/v1/plot/vg/vgsvg"
)

// figure is a finished figure: a plot with its title above and its legend and caption
// below, outside the data area so they never cover data.
type figure struct {
	Name    string // file name without extension
	Title   string
	Caption string // n, data source, and what was left out
	Legend  []legendEntry
	Scale   *colourScale // for heat maps
	Plot    *plot.Plot
	// PlotHeight is the height of the plot itself, axes and tick labels included.
	PlotHeight vg.Length
	// Width is the printed width (figures.width); DPI the PNG resolution (figures.dpi).
	Width vg.Length
	DPI   int

	memo layoutMemo // the wrapped text, made once (layout)
}

type legendEntry struct {
	Label  string
	Colour color.Color
	Line   bool // a dashed line rather than a filled box
}

// colourScale is the legend of a heat map: the sequential colours from 0 to Max.
type colourScale struct {
	Label string
	Max   float64
	Ticks []float64
	Lang  string
	// Counts writes the ticks as whole numbers.
	Counts bool
}

const (
	margin     = 10 * vg.Millimeter / 2
	legendGap  = vg.Length(10)
	swatchSize = vg.Length(8)
	lineGap    = 1.25 // line height as a multiple of the type size
)

// newPlot returns a plot in the house style: no title (the figure draws its own), light
// grid-free axes, fonts from the embedded Liberation Sans.
func newPlot() *plot.Plot {
	p := plot.New()
	p.BackgroundColor = color.Transparent
	restyle(&p.X.Label.TextStyle, labelSize)
	restyle(&p.Y.Label.TextStyle, labelSize)
	restyle(&p.X.Tick.Label, tickSize)
	restyle(&p.Y.Tick.Label, tickSize)
	p.X.Label.Padding = vg.Points(4)
	p.Legend.TextStyle = textStyle(legendSize, false, inkColour)
	p.X.LineStyle.Color = mutedColour
	p.Y.LineStyle.Color = mutedColour
	p.X.Tick.LineStyle.Color = mutedColour
	p.Y.Tick.LineStyle.Color = mutedColour
	return p
}

// restyle sets the house font, ink and text handler on a text style, keeping its
// alignment.
func restyle(st *text.Style, size vg.Length) {
	st.Font = sans(size, false)
	st.Color = inkColour
	st.Handler = houseText
}

func (f *figure) width() vg.Length {
	if f.Width <= 0 {
		return defaultFigureWidth
	}
	return f.Width
}

func (f *figure) usableWidth() vg.Length { return f.width() - 2*margin }

func (f *figure) titleLines() []string { return f.layout().title }

func (f *figure) captionLines() []string { return f.layout().caption }

// legendRows lays the legend entries out in rows that fit the width.
func (f *figure) legendRows() [][]legendItem { return f.layout().legend }

// figureLayout is the wrapped title, caption and legend of a figure at its width.
type figureLayout struct {
	title, caption []string
	legend         [][]legendItem
}

// layoutMemo keeps a figure's layout for the title, caption, legend and width it was
// made for: a figure is measured and drawn some six times (its height for the order of
// drawing and for each canvas, the PNG, the SVG, the crop in report.docx), and wrapping
// its text measured every word again each time (on the example study 17 ms of CPU).
// The figure's fields may still change after it is made (buildFigures sets the width),
// so the layout is made again when they differ from the ones it was made for.
type layoutMemo struct {
	mu     sync.Mutex
	key    layoutKey
	layout *figureLayout
}

type layoutKey struct {
	title, caption string
	width          vg.Length
	legend         *legendEntry // the legend's first entry and length: the same slice
	legends        int
}

// layout returns the figure's layout, made once for its current fields.
func (f *figure) layout() *figureLayout {
	k := layoutKey{title: f.Title, caption: f.Caption, width: f.width(), legends: len(f.Legend)}
	if len(f.Legend) > 0 {
		k.legend = &f.Legend[0]
	}
	f.memo.mu.Lock()
	defer f.memo.mu.Unlock()
	if f.memo.layout != nil && f.memo.key == k {
		return f.memo.layout
	}
	l := &figureLayout{legend: f.makeLegendRows()}
	if f.Title != "" {
		l.title = wrap(f.Title, f.usableWidth(), titleSize, true)
	}
	if f.Caption != "" {
		l.caption = wrap(f.Caption, f.usableWidth(), captionSize, false)
	}
	f.memo.key, f.memo.layout = k, l
	return l
}

// makeLegendRows lays the legend entries out in rows that fit the width.
func (f *figure) makeLegendRows() [][]legendItem {
	var out [][]legendItem
	var row []legendItem
	x := vg.Length(0)
	maxLabel := f.usableWidth() - swatchSize - 4
	for _, e := range f.Legend {
		lines := wrap(e.Label, maxLabel, legendSize, false)
		w := vg.Length(0)
		for _, l := range lines {
			w = vg.Length(math.Max(float64(w), float64(textWidth(l, legendSize, false))))
		}
		w += swatchSize + 4
		if len(row) > 0 && x+w > f.usableWidth() {
			out = append(out, row)
			row, x = nil, 0
		}
		row = append(row, legendItem{entry: e, lines: lines, x: x, width: w})
		x += w + legendGap
	}
	if len(row) > 0 {
		out = append(out, row)
	}
	return out
}

type legendItem struct {
	entry legendEntry
	lines []string
	x     vg.Length
	width vg.Length
}

func rowHeight(row []legendItem) vg.Length {
	n := 1
	for _, it := range row {
		n = max(n, len(it.lines))
	}
	return vg.Length(float64(n)*legendSize*lineGap) + 3
}

const scaleHeight = 8 + tickSize*lineGap + 6

// Height returns the figure's total height.
func (f *figure) Height() vg.Length {
	h := 2 * margin
	h += vg.Length(float64(len(f.titleLines())) * titleSize * lineGap)
	if f.Title != "" {
		h += 4
	}
	h += f.PlotHeight
	rows := f.legendRows()
	if len(rows) > 0 {
		h += 6
		for _, r := range rows {
			h += rowHeight(r)
		}
	}
	if f.Scale != nil {
		h += 6 + scaleHeight + legendSize*lineGap
	}
	if lines := f.captionLines(); len(lines) > 0 {
		h += 6 + vg.Length(float64(len(lines))*captionSize*lineGap)
	}
	return h
}

// draw lays the figure out top to bottom on dc.
func (f *figure) draw(dc draw.Canvas) {
	dc.FillPolygon(color.White, []vg.Point{dc.Min, {X: dc.Max.X, Y: dc.Min.Y}, dc.Max, {X: dc.Min.X, Y: dc.Max.Y}})
	left := dc.Min.X + margin
	y := dc.Max.Y - margin // the top of the next block

	title := textStyle(titleSize, true, inkColour)
	title.YAlign = draw.YTop
	for _, l := range f.titleLines() {
		dc.FillText(title, vg.Point{X: left, Y: y}, l)
		y -= titleSize * lineGap
	}
	if f.Title != "" {
		y -= 4
	}

	if f.Plot != nil {
		pc := draw.Crop(dc, margin, -margin, 0, 0)
		pc.Max.Y = y
		pc.Min.Y = y - f.PlotHeight
		f.Plot.Draw(pc)
	}
	y -= f.PlotHeight

	rows := f.legendRows()
	if len(rows) > 0 {
		y -= 6
	}
	lt := textStyle(legendSize, false, inkColour)
	lt.YAlign = draw.YTop
	for _, row := range rows {
		for _, it := range row {
			x := left + it.x
			mid := y - legendSize*lineGap/2
			if it.entry.Line {
				ls := draw.LineStyle{Color: it.entry.Colour, Width: vg.Points(1.2), Dashes: []vg.Length{vg.Points(3), vg.Points(2)}}
				dc.StrokeLine2(ls, x, mid, x+swatchSize, mid)
			} else {
				s := swatchSize
				dc.FillPolygon(it.entry.Colour, []vg.Point{{X: x, Y: mid - s/2}, {X: x + s, Y: mid - s/2}, {X: x + s, Y: mid + s/2}, {X: x, Y: mid + s/2}})
			}
			ty := y
			for _, l := range it.lines {
				dc.FillText(lt, vg.Point{X: x + swatchSize + 4, Y: ty}, l)
				ty -= legendSize * lineGap
			}
		}
		y -= rowHeight(row)
	}

	if f.Scale != nil {
		y -= 6
		dc.FillText(lt, vg.Point{X: left, Y: y}, f.Scale.Label)
		y -= legendSize * lineGap
		const steps = 60
		w := f.usableWidth() / 2
		for i := 0; i < steps; i++ {
			x0 := left + w*vg.Length(i)/steps
			x1 := left + w*vg.Length(i+1)/steps + 0.3
			c := sequentialColour((float64(i) + 0.5) / steps)
			dc.FillPolygon(c, []vg.Point{{X: x0, Y: y - 8}, {X: x1, Y: y - 8}, {X: x1, Y: y}, {X: x0, Y: y}})
		}
		tt := textStyle(tickSize, false, inkColour)
		tt.YAlign, tt.XAlign = draw.YTop, draw.XCenter
		for _, t := range f.Scale.Ticks {
			if f.Scale.Max <= 0 {
				break
			}
			x := left + w*vg.Length(t/f.Scale.Max)
			dc.StrokeLine2(draw.LineStyle{Color: inkColour, Width: vg.Points(0.5)}, x, y-8, x, y-10)
			lbl := number(f.Scale.Lang, t, 2)
			if f.Scale.Counts {
				lbl = number(f.Scale.Lang, t, 0)
			}
			dc.FillText(tt, vg.Point{X: x, Y: y - 11}, lbl)
		}
		y -= scaleHeight
	}

	if lines := f.captionLines(); len(lines) > 0 {
		y -= 6
		ct := textStyle(captionSize, false, mutedColour)
		ct.YAlign = draw.YTop
		for _, l := range lines {
			dc.FillText(ct, vg.Point{X: left, Y: y}, l)
			y -= captionSize * lineGap
		}
	}
}

// defaultDPI is the resolution of the PNG figures unless study.yaml's figures.dpi says
// otherwise: print quality.
const defaultDPI = 300

func (f *figure) dpi() int {
	if f.DPI <= 0 {
		return defaultDPI
	}
	return f.DPI
}

// renderPNG draws the figure as a PNG at its resolution (300 dpi by default), with the
// resolution recorded in a pHYs chunk so that Word and layout software place it at its
// printed size rather than at 72 or 96 dpi. It draws on a pngCanvas and encodes with
// encodePNG, both made for speed (see there): on the example study's nine figures they
// took drawing from 1.0 to 0.2 CPU seconds and encoding from 1.3 to 0.25.
func (f *figure) renderPNG() (out []byte, err error) {
	var scratch []byte
	return f.renderPNGOn(&scratch)
}

// renderPNGOn is renderPNG drawing on the pixel buffer *scratch where it is large
// enough; *scratch is left holding the buffer drawn on, for the next figure.
func (f *figure) renderPNGOn(scratch *[]byte) (out []byte, err error) {
	defer recoverDraw(&err, f.Name)
	c := newPNGCanvasOn(*scratch, f.width(), f.Height(), f.dpi())
	defer func() {
		if c.img != nil {
			*scratch = c.release()
		}
	}()
	f.draw(draw.New(c))
	out, err = c.encodePNG(f.dpi())
	if err != nil {
		return nil, model.Reasonf("figure %s: %w", "figuur %s: %v", f.Name, err)
	}
	return out, nil
}

// titleHeight is the band the title takes below the top margin; captionHeight the band
// the caption takes above the bottom margin. report.docx crops both away.
func (f *figure) titleHeight() vg.Length {
	if f.Title == "" {
		return 0
	}
	return vg.Length(float64(len(f.titleLines())))*titleSize*lineGap + 4
}

func (f *figure) captionHeight() vg.Length {
	lines := f.captionLines()
	if len(lines) == 0 {
		return 0
	}
	return 6 + vg.Length(float64(len(lines)))*captionSize*lineGap
}

// renderSVG draws the figure as SVG. The text references Liberation Sans and, after it,
// Arial and Helvetica, which have the same letter widths (Liberation Sans is made
// metric-compatible with Arial), so the layout holds on any machine. Embedding the whole
// fonts, as gonum/plot offers, made each file over 1 MB; no maintained Go library
// subsets TrueType fonts for SVG.
func (f *figure) renderSVG() (out []byte, err error) {
	defer recoverDraw(&err, f.Name)
	c := vgsvg.NewWith(vgsvg.UseWH(f.width(), f.Height()))
	f.draw(draw.New(c))
	var buf bytes.Buffer
	if _, err := c.WriteTo(&buf); err != nil {
		return nil, model.Reasonf("figure %s: %w", "figuur %s: %v", f.Name, err)
	}
	return bytes.ReplaceAll(buf.Bytes(), []byte("font-family:Liberation Sans;"), []byte(svgFontFamily)), nil
}

// svgFontFamily is the font list of every text in an SVG figure.
const svgFontFamily = "font-family:'Liberation Sans',Arial,Helvetica,sans-serif;"

// recoverDraw turns a panic inside gonum/plot (it panics on, e.g., an empty axis range)
// into an error naming the figure, so no input can crash a run.
func recoverDraw(err *error, name string) {
	if r := recover(); r != nil {
		*err = model.Reasonf("%w: figure %s: %v", "%v: figuur %s: %v", ErrFigure, name, r)
	}
}

package reports

import (
	"fmt"
	"image"
	"image/color"
	"math"
	"strings"
	"testing"

	"gonum.org/v1/plot/font"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"

	"github.com/samenspel/samenspel/pipeline/results"
)

// box is an axis-aligned rectangle in points on the figure's canvas.
type box struct{ x0, y0, x1, y1 float64 }

func (a box) overlaps(b box, tol float64) bool {
	return a.x0+tol < b.x1 && b.x0+tol < a.x1 && a.y0+tol < b.y1 && b.y0+tol < a.y1
}

func (a box) inside(b box, tol float64) bool {
	return a.x0 >= b.x0-tol && a.x1 <= b.x1+tol && a.y0 >= b.y0-tol && a.y1 <= b.y1+tol
}

func (a box) area() float64 { return (a.x1 - a.x0) * (a.y1 - a.y0) }

type drawnText struct {
	text   string
	box    box
	colour color.Color
	fills  int // the fills drawn before it
}

type drawnFill struct {
	colour color.Color
	box    box
}

// layoutRecorder is a vg.Canvas that draws nothing and records where every string and
// every filled shape lands, through the translations and rotations gonum/plot applies.
type layoutRecorder struct {
	w, h  vg.Length
	m     [6]float64 // affine transform: x' = m0 x + m2 y + m4, y' = m1 x + m3 y + m5
	stack [][6]float64
	col   color.Color
	texts []drawnText
	fills []drawnFill
}

func newLayoutRecorder(w, h vg.Length) *layoutRecorder {
	return &layoutRecorder{w: w, h: h, m: [6]float64{1, 0, 0, 1, 0, 0}, col: color.Black}
}

func (r *layoutRecorder) Size() (vg.Length, vg.Length) { return r.w, r.h }
func (r *layoutRecorder) SetLineWidth(vg.Length)       {}
func (r *layoutRecorder) SetLineDash([]vg.Length, vg.Length) {
}
func (r *layoutRecorder) SetColor(c color.Color) { r.col = c }
func (r *layoutRecorder) Push()                  { r.stack = append(r.stack, r.m) }
func (r *layoutRecorder) Pop() {
	r.m = r.stack[len(r.stack)-1]
	r.stack = r.stack[:len(r.stack)-1]
}
func (r *layoutRecorder) Translate(p vg.Point) {
	x, y := float64(p.X), float64(p.Y)
	r.m[4] += r.m[0]*x + r.m[2]*y
	r.m[5] += r.m[1]*x + r.m[3]*y
}
func (r *layoutRecorder) Rotate(rad float64) {
	c, s := math.Cos(rad), math.Sin(rad)
	a, b, cc, d := r.m[0], r.m[1], r.m[2], r.m[3]
	r.m[0], r.m[1] = a*c+cc*s, b*c+d*s
	r.m[2], r.m[3] = -a*s+cc*c, -b*s+d*c
}
func (r *layoutRecorder) Scale(x, y float64) {
	r.m[0], r.m[1] = r.m[0]*x, r.m[1]*x
	r.m[2], r.m[3] = r.m[2]*y, r.m[3]*y
}
func (r *layoutRecorder) Stroke(vg.Path)                      {}
func (r *layoutRecorder) DrawImage(vg.Rectangle, image.Image) {}

func (r *layoutRecorder) apply(x, y float64) (float64, float64) {
	return r.m[0]*x + r.m[2]*y + r.m[4], r.m[1]*x + r.m[3]*y + r.m[5]
}

// bounds transforms the corners of a box and returns their bounding box.
func (r *layoutRecorder) bounds(x0, y0, x1, y1 float64) box {
	b := box{math.Inf(1), math.Inf(1), math.Inf(-1), math.Inf(-1)}
	for _, p := range [][2]float64{{x0, y0}, {x1, y0}, {x0, y1}, {x1, y1}} {
		x, y := r.apply(p[0], p[1])
		b.x0, b.y0 = math.Min(b.x0, x), math.Min(b.y0, y)
		b.x1, b.y1 = math.Max(b.x1, x), math.Max(b.y1, y)
	}
	return b
}

func (r *layoutRecorder) Fill(p vg.Path) {
	if _, _, _, a := r.col.RGBA(); a == 0 {
		return
	}
	x0, y0, x1, y1 := math.Inf(1), math.Inf(1), math.Inf(-1), math.Inf(-1)
	for _, c := range p {
		if c.Type == vg.CloseComp {
			continue
		}
		rad := float64(c.Radius)
		x0, y0 = math.Min(x0, float64(c.Pos.X)-rad), math.Min(y0, float64(c.Pos.Y)-rad)
		x1, y1 = math.Max(x1, float64(c.Pos.X)+rad), math.Max(y1, float64(c.Pos.Y)+rad)
	}
	if math.IsInf(x0, 0) {
		return
	}
	r.fills = append(r.fills, drawnFill{colour: r.col, box: r.bounds(x0, y0, x1, y1)})
}

// FillString records the box the letters' ink takes: from the descenders (0.21 em below
// the baseline in Liberation Sans) to the capitals and ascenders (0.73 em above it). The
// face's ascent and descent include room for accents over capitals and would make any
// two lines set solid (gonum sets lines one type size apart) overlap.
func (r *layoutRecorder) FillString(f font.Face, pt vg.Point, text string) {
	if text == "" {
		return
	}
	size := float64(f.Font.Size)
	w := float64(f.Width(text))
	x, y := float64(pt.X), float64(pt.Y)
	r.texts = append(r.texts, drawnText{text: text, box: r.bounds(x, y-0.21*size, x+w, y+0.73*size), colour: r.col, fills: len(r.fills)})
}

// luminance is the relative luminance of c (ITU-R BT.709 weights).
func luminance(c color.Color) float64 {
	r, g, b, _ := c.RGBA()
	return (0.2126*float64(r) + 0.7152*float64(g) + 0.0722*float64(b)) / 0xFFFF
}

// layoutProblems draws a figure on the recorder and lists every text that overlaps
// another text, sticks out of the figure, crosses a filled shape (a bar, a cell, a
// swatch) without lying wholly inside it, or lies inside a shape it does not stand out
// from (a label of one bar drawn over another).
func layoutProblems(f *figure) []string {
	rec := newLayoutRecorder(f.width(), f.Height())
	f.draw(draw.New(rec))
	const tol = 0.4 // points: a hair of anti-aliasing
	canvas := box{0, 0, float64(f.width()), float64(f.Height())}
	var out []string
	for i, a := range rec.texts {
		if !a.box.inside(canvas, tol) {
			out = append(out, fmt.Sprintf("%q sticks out of the figure (%.1f,%.1f)-(%.1f,%.1f)", a.text, a.box.x0, a.box.y0, a.box.x1, a.box.y1))
		}
		for _, b := range rec.texts[i+1:] {
			if a.box.overlaps(b.box, tol) {
				out = append(out, fmt.Sprintf("%q overlaps %q", a.text, b.text))
			}
		}
		var under *drawnFill // the last shape drawn under the text
		for j, fl := range rec.fills {
			if fl.box.area() > 0.5*canvas.area() {
				continue // the background
			}
			if a.box.overlaps(fl.box, tol) && !a.box.inside(fl.box, tol) {
				out = append(out, fmt.Sprintf("%q crosses a shape at (%.1f,%.1f)-(%.1f,%.1f)", a.text, fl.box.x0, fl.box.y0, fl.box.x1, fl.box.y1))
			}
			if j < a.fills && a.box.inside(fl.box, tol) {
				under = &rec.fills[j]
			}
		}
		if under != nil && math.Abs(luminance(a.colour)-luminance(under.colour)) < 0.3 {
			out = append(out, fmt.Sprintf("%q lies on a shape it does not stand out from", a.text))
		}
	}
	return out
}

// TestFigureLabelsDoNotOverlap lays out every figure kind at a column's and a page's
// width and checks every label box against the bars and against each other.
func TestFigureLabelsDoNotOverlap(t *testing.T) {
	for _, width := range []float64{8.5, 17} {
		res := exampleResults()
		res.Figures.WidthCM = width
		figs, err := buildFigures(res)
		if err != nil {
			t.Fatal(err)
		}
		if len(figs) < len(results.FigureNames) {
			t.Fatalf("%d figures, want every kind", len(figs))
		}
		for _, f := range figs {
			probs := layoutProblems(f)
			for i, p := range probs {
				if i == 5 {
					t.Errorf("%s at %.1f cm: and %d more", f.Name, width, len(probs)-5)
					break
				}
				t.Errorf("%s at %.1f cm: %s", f.Name, width, p)
			}
		}
	}
}

// The recorder itself finds an overlap: two labels drawn on one spot, and a label half
// over a bar.
func TestLayoutRecorderFindsOverlap(t *testing.T) {
	f := &figure{Name: "probe", Title: "Titel"}
	f.Plot = newPlot()
	f.Plot.Add(bars{Bars: []bar{{Y: 0, X0: 0, X1: 0.5, Thick: 0.8, Colour: okabeBlue, Label: "50%"}}})
	f.Plot.X.Min, f.Plot.X.Max, f.Plot.Y.Min, f.Plot.Y.Max = 0, 1, -1, 1
	f.PlotHeight = 100
	if p := layoutProblems(f); len(p) != 0 {
		t.Fatalf("a clean probe: %v", p)
	}
	f.Plot.Add(bars{Bars: []bar{{Y: 0, X0: 0.52, X1: 0.9, Thick: 0.8, Colour: okabeOrange}}})
	if p := layoutProblems(f); len(p) == 0 {
		t.Error("a value label running into the next bar is not found")
	}
	// A diverging pair with no barriers: the barrier's "0" stays left of the axis.
	f.Plot = newPlot()
	f.Plot.X.Min, f.Plot.X.Max, f.Plot.Y.Min, f.Plot.Y.Max = -1, 1, -1, 1
	f.Plot.Add(bars{Bars: []bar{barOf(0, 0.5, okabeBlue, "12"), barOf(0, math.Copysign(0, -1), okabeVermilion, "0")}})
	if p := layoutProblems(f); len(p) != 0 {
		t.Errorf("a zero barrier next to a facilitator bar: %v", p)
	}
}

// A count "(n = 290)" never breaks across lines, at any width.
func TestWrapKeepsCountsTogether(t *testing.T) {
	s := "Jeugdzorgprofessional in de wijk (n = 290) en Jongerenwerker (n = 7)"
	for w := vg.Length(30); w < 300; w += 7 {
		for _, line := range wrap(s, w, tickSize, false) {
			if strings.HasSuffix(line, "(n =") || strings.HasSuffix(line, "(n") || strings.HasPrefix(line, "= ") || strings.HasPrefix(line, "290)") {
				t.Fatalf("width %.0f: the count breaks: %q", float64(w), wrap(s, w, tickSize, false))
			}
			if strings.ContainsRune(line, '\u00a0') {
				t.Fatalf("a no-break space left in %q", line)
			}
		}
	}
}

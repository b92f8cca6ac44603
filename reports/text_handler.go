package reports

import (
	"math"
	"strings"
	"sync"

	"gonum.org/v1/plot/font"
	"gonum.org/v1/plot/text"
	"gonum.org/v1/plot/vg"
)

// figureText is the figures' text handler: gonum/plot's text.Plain (plot's default
// handler) with the width of every string measured once. Plain measures a string each
// time a figure is laid out or drawn (the axes' sizes, every tick label's box, and in
// Draw the line's width even when it is aligned left and the width is multiplied by 0),
// and font.Face.Width allocates a glyph buffer per call: on the example study 15 ms of
// CPU, for a few hundred distinct strings. Box and Draw are Plain's, the width taken
// from the store; it is the same number (the same Face.Width), so layouts and pixels do
// not change.
type figureText struct{ text.Plain }

// houseText is the handler of every text style the figures make.
var houseText text.Handler = figureText{text.Plain{Fonts: font.DefaultCache}}

// maxWidths is how many widths the store keeps before it starts afresh.
const maxWidths = 1 << 16

// measuredWidth is Face.Width of txt in fnt (face is fnt's face), measured once (up to
// maxWidths strings, then the store starts afresh). The figures' text handler and
// textWidth share it.
func measuredWidth(face font.Face, fnt font.Font, txt string) vg.Length {
	k := fontWidthKey{fnt, txt}
	fontWidths.Lock()
	w, ok := fontWidths.m[k]
	fontWidths.Unlock()
	if ok {
		return w
	}
	w = face.Width(txt)
	fontWidths.Lock()
	if fontWidths.m == nil || len(fontWidths.m) >= maxWidths {
		fontWidths.m = map[fontWidthKey]vg.Length{}
	}
	fontWidths.m[k] = w
	fontWidths.Unlock()
	return w
}

type fontWidthKey struct {
	fnt font.Font
	txt string
}

var fontWidths struct {
	sync.Mutex
	m map[fontWidthKey]vg.Length
}

// Box is text.Plain's Box.
func (h figureText) Box(txt string, fnt font.Font) (width, height, depth vg.Length) {
	face := h.Fonts.Lookup(fnt, fnt.Size)
	ext := face.Extents()
	return measuredWidth(face, fnt, txt), ext.Ascent, ext.Descent
}

// Draw is text.Plain's Draw (gonum.org/v1/plot v0.17.0, text/plain.go).
func (h figureText) Draw(c vg.Canvas, txt string, sty text.Style, pt vg.Point) {
	txt = strings.TrimRight(txt, "\n")
	if len(txt) == 0 {
		return
	}

	fnt := h.Fonts.Lookup(sty.Font, sty.Font.Size)
	c.SetColor(sty.Color)

	if sty.Rotation != 0 {
		c.Push()
		c.Rotate(sty.Rotation)
	}

	sin64, cos64 := math.Sincos(sty.Rotation)
	cos := vg.Length(cos64)
	sin := vg.Length(sin64)
	pt.X, pt.Y = pt.Y*sin+pt.X*cos, pt.Y*cos-pt.X*sin

	lines := h.Lines(txt)
	ht := sty.Height(txt)
	pt.Y += ht*vg.Length(sty.YAlign) - fnt.Extents().Ascent
	for i, line := range lines {
		xoffs := vg.Length(sty.XAlign) * measuredWidth(fnt, sty.Font, line)
		n := vg.Length(len(lines) - i)
		c.FillString(fnt, pt.Add(vg.Point{X: xoffs, Y: n * sty.Font.Size}), line)
	}

	if sty.Rotation != 0 {
		c.Pop()
	}
}

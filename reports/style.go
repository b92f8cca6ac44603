package reports

import (
	"image/color"
	"math"
	"regexp"
	"strconv"
	"strings"
	"unicode"

	xfont "golang.org/x/image/font"
	"gonum.org/v1/plot/font"
	"gonum.org/v1/plot/text"
	"gonum.org/v1/plot/vg"

	"github.com/samenspel/samenspel/pipeline/results"
)

// One look across all figures: Liberation Sans (SIL OFL, see fonts/LICENSE) and the
// Okabe-Ito palette, which stays distinguishable under the common colour-vision
// deficiencies (Okabe & Ito 2008, "Color Universal Design").
var (
	okabeOrange    = rgb(0xE6, 0x9F, 0x00)
	okabeSky       = rgb(0x56, 0xB4, 0xE9)
	okabeBlue      = rgb(0x00, 0x72, 0xB2)
	okabeVermilion = rgb(0xD5, 0x5E, 0x00)
	okabeBlack     = rgb(0x00, 0x00, 0x00)

	facilitatorColour = okabeBlue
	barrierColour     = okabeVermilion
	neutralColour     = rgb(0xBB, 0xBB, 0xBB)
	gridColour        = rgb(0xDD, 0xDD, 0xDD)
	inkColour         = rgb(0x22, 0x22, 0x22)
	mutedColour       = rgb(0x55, 0x55, 0x55)

	// sequential is Paul Tol's colour-blind-safe YlOrBr scheme for heat maps
	// (https://personal.sron.nl/~pault/, figure 19).
	sequential = []color.RGBA{
		rgb(0xFF, 0xFF, 0xE5), rgb(0xFF, 0xF7, 0xBC), rgb(0xFE, 0xE3, 0x91),
		rgb(0xFE, 0xC4, 0x4F), rgb(0xFB, 0x9A, 0x29), rgb(0xEC, 0x70, 0x14),
		rgb(0xCC, 0x4C, 0x02), rgb(0x99, 0x34, 0x04), rgb(0x66, 0x25, 0x06),
	}
)

func rgb(r, g, b uint8) color.RGBA { return color.RGBA{R: r, G: g, B: b, A: 0xFF} }

// sequentialColour maps t in [0,1] onto the sequential scheme by linear interpolation.
func sequentialColour(t float64) color.RGBA {
	if math.IsNaN(t) || t < 0 {
		t = 0
	}
	if t > 1 {
		t = 1
	}
	x := t * float64(len(sequential)-1)
	i := int(math.Floor(x))
	if i >= len(sequential)-1 {
		return sequential[len(sequential)-1]
	}
	f := x - float64(i)
	a, b := sequential[i], sequential[i+1]
	mix := func(p, q uint8) uint8 { return uint8(math.Round(float64(p) + f*(float64(q)-float64(p)))) }
	return color.RGBA{R: mix(a.R, b.R), G: mix(a.G, b.G), B: mix(a.B, b.B), A: 0xFF}
}

// inkOn returns black or white, whichever reads better on background c.
func inkOn(c color.Color) color.Color {
	r, g, b, _ := c.RGBA()
	// Relative luminance, ITU-R BT.709 weights on 16-bit channels.
	l := (0.2126*float64(r) + 0.7152*float64(g) + 0.0722*float64(b)) / 0xFFFF
	if l < 0.45 {
		return color.White
	}
	return inkColour
}

// Type sizes in points.
const (
	titleSize   = 11
	labelSize   = 9
	tickSize    = 8
	legendSize  = 8
	captionSize = 7.5
	valueSize   = 6.5
)

// defaultFigureWidth is the printed width of a figure unless study.yaml's figures.width
// says otherwise: the type area of an A4 page (17 cm).
const defaultFigureWidth = 17 * vg.Centimeter

// figureWidthOf returns the printed width the study asks for.
func figureWidthOf(res *results.Results) vg.Length {
	if res == nil || res.Figures.WidthCM <= 0 {
		return defaultFigureWidth
	}
	return vg.Length(res.Figures.WidthCM) * vg.Centimeter
}

func sans(size vg.Length, bold bool) font.Font {
	f := font.Font{Typeface: "Liberation", Variant: "Sans", Size: size}
	if bold {
		f.Weight = xfont.WeightBold
	}
	return f
}

// textStyle returns a text style in the house font.
func textStyle(size vg.Length, bold bool, c color.Color) text.Style {
	return text.Style{
		Color:   c,
		Font:    sans(size, bold),
		Handler: houseText, // text_handler.go
	}
}

// textWidth measures a single line of text in the house font, from the same store of
// widths as the figures' text handler (measuredWidth, text_handler.go): laying a figure
// out wraps its title, caption and legend several times over (Height, draw, the docx
// crop), and gonum/plot's Face.Width allocates a glyph buffer on every call.
func textWidth(s string, size vg.Length, bold bool) vg.Length {
	fnt := sans(size, bold)
	return measuredWidth(font.DefaultCache.Lookup(fnt, size), fnt, s)
}

// wrap breaks s into lines no wider than width at the given type size, breaking at
// spaces and, for a word that alone is too wide, after a hyphen or slash; a word that
// still does not fit stays whole on its own line rather than being cut.
func wrap(s string, width vg.Length, size vg.Length, bold bool) []string {
	type piece struct {
		s    string
		glue bool // joins the previous piece without a space: the rest of a split word
	}
	var lines []string
	for _, para := range strings.Split(s, "\n") {
		var pieces []piece
		for _, w := range strings.FieldsFunc(keepTogether(para), breakable) {
			w = strings.ReplaceAll(w, "\u00a0", " ")
			if textWidth(w, size, bold) <= width {
				pieces = append(pieces, piece{s: w})
				continue
			}
			for i, part := range splitLongWord(w) {
				pieces = append(pieces, piece{s: part, glue: i > 0})
			}
		}
		line := ""
		for _, pc := range pieces {
			cand := pc.s
			if line != "" {
				if pc.glue {
					cand = line + pc.s
				} else {
					cand = line + " " + pc.s
				}
			}
			if line != "" && textWidth(cand, size, bold) > width {
				lines = append(lines, line)
				line = pc.s
				continue
			}
			line = cand
		}
		lines = append(lines, line)
	}
	return lines
}

// nEquals matches the counts "(n = 290)" and "n = 25", which must not break across lines.
var nEquals = regexp.MustCompile(`\bn = (\d)`)

// keepTogether joins "n = 290" with no-break spaces, so wrap keeps it on one line.
func keepTogether(s string) string { return nEquals.ReplaceAllString(s, "n\u00a0=\u00a0$1") }

// breakable reports the spaces a line may break at: all but the no-break space.
func breakable(r rune) bool { return r != '\u00a0' && unicode.IsSpace(r) }

// wrapLabel wraps a tick or legend label and joins its lines with newlines, which the
// plain text handler draws as separate lines.
func wrapLabel(s string, width vg.Length, size vg.Length) string {
	return strings.Join(wrap(s, width, size, false), "\n")
}

// number formats x with the given decimals in the study's language (decimal comma in
// Dutch).
func number(lang string, x float64, decimals int) string {
	s := strconv.FormatFloat(x, 'f', decimals, 64)
	if s == "-0" || strings.HasPrefix(s, "-0.") && strings.Trim(s[3:], "0") == "" {
		s = s[1:]
	}
	if lang != "en" {
		s = strings.Replace(s, ".", ",", 1)
	}
	return s
}

// percent formats a share in [0,1] as a whole percentage.
func percent(lang string, share float64) string {
	return number(lang, share*100, 0) + "%"
}

// pValue formats a p-value the APA way: three decimals, "< .001" below that.
func pValue(lang string, p float64) string {
	if p < 0.001 {
		return "< " + number(lang, 0.001, 3)
	}
	return number(lang, p, 3)
}

// labelOf makes a group value such as "jeugdzorg_professional" readable when no label is
// known: underscores become spaces and the first letter is capitalised.
func labelOf(s string) string {
	s = strings.ReplaceAll(s, "_", " ")
	for i, r := range s {
		return string(unicode.ToUpper(r)) + s[i+len(string(r)):]
	}
	return s
}

// splitLongWord splits a word too wide for its line after hyphens and slashes, keeping
// them at the end of a part.
func splitLongWord(w string) []string {
	var parts []string
	start := 0
	for i, r := range w {
		if (r == '-' || r == '/') && i > start && i < len(w)-1 {
			parts = append(parts, w[start:i+1])
			start = i + 1
		}
	}
	return append(parts, w[start:])
}

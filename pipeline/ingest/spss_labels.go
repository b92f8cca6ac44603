package ingest

import (
	"sort"
	"strconv"

	"github.com/samenspel/samenspel/codebook"
	"github.com/samenspel/samenspel/pipeline/ingest/sav"
	"github.com/samenspel/samenspel/pipeline/model"
)

// ErrUnlabelledCode is the reason for an SPSS code without a value label on an item
// variable whose labels do not say which answer the code is.
var ErrUnlabelledCode = model.NewKind("code without a value label", "code zonder waardelabel")

// LabelError is an ErrUnknownLabel reason whose label is not the cell as the reject
// shows it: the value label of an SPSS code. analyse check proposes an answer for Label,
// as it does for a CSV file's unknown wording.
type LabelError struct {
	error
	Label string
}

func (e LabelError) Unwrap() error { return e.error }
func (e LabelError) Dutch() string { return model.Dutch(e.error) }

// labelledCodes reads the codes of a numeric SPSS item variable that has value labels,
// the way haven's as_factor and SPSS's Data View with labels on read them: every
// labelled code through its label, never through the code itself, so that a variable
// coded 1 = "Helemaal eens" ... 5 = "Helemaal oneens" is read the way its labels run,
// whatever the scale's own values are. A label the scale does not know is a rejected
// cell (LabelError, so analyse check proposes an answer), never the code instead: that
// fallback read one variable partly by label and partly by code, and swapped the
// extremes of a scale whose labels run the other way.
//
// A code without a label (labels on the end points only, "1 = Helemaal mee oneens,
// 5 = Helemaal mee eens") is read as a number through the line the labelled codes lie
// on, where they fix one: the labels' answer values v and codes c satisfy v = c + b (the
// codes run with the scale, shifted: 0..4 for 1..5) or v = b - c (they run against it),
// the same b for every label. Slopes other than ±1 are not guessed: a code between two
// labels is the answer between them only on such a line. The line needs two labelled
// codes, or one whose value is its code when every label of the variable is known (a
// variable labelling only its midpoint "3 = Neutraal"); with only missing-value labels
// ("9 = Weet niet", or a label on a code the file declares missing), and on a scale that
// lists no answers (any number: an age), the codes are the values. Otherwise, and where labels the
// scale does not know leave fewer than two points, a code without a label is rejected
// (ErrUnlabelledCode): which way it runs would be a guess. User-missing codes declared
// in the file never get here (the cases source reads them as missing).
type labelledCodes struct {
	labels map[float64]string
	scale  codebook.Scale
	// line: an unlabelled code c reads as slope*c + offset; ok false when no line fits.
	slope, offset float64
	line          bool
}

func newLabelledCodes(v sav.Variable, scale codebook.Scale) *labelledCodes {
	lc := &labelledCodes{labels: v.ValueLabels, scale: scale}
	codes := make([]float64, 0, len(v.ValueLabels))
	for c := range v.ValueLabels {
		codes = append(codes, c)
	}
	sort.Float64s(codes) // map order must not decide anything
	type point struct{ code, value float64 }
	var points []point
	unknown := false
	for _, c := range codes {
		if v.IsMissing(sav.Value{Number: c}) {
			continue // missing in the file, whatever its label says
		}
		value, missing, ok := lc.read(v.ValueLabels[c])
		switch {
		case !ok:
			unknown = true
		case !missing:
			points = append(points, point{c, value})
		}
	}
	fits := func(slope float64) (float64, bool) {
		b := points[0].value - slope*points[0].code
		for _, p := range points[1:] {
			if p.value-slope*p.code != b {
				return 0, false
			}
		}
		return b, true
	}
	switch {
	case len(scale.Answers) == 0:
		// A scale of any number (an age, a count): its labels name special codes only.
		lc.slope, lc.line = 1, true
	case len(points) == 0:
		lc.slope, lc.line = 1, !unknown
	case len(points) == 1:
		lc.slope, lc.line = 1, !unknown && points[0].value == points[0].code
	default:
		for _, slope := range []float64{1, -1} {
			if b, ok := fits(slope); ok {
				lc.slope, lc.offset, lc.line = slope, b, true
				break
			}
		}
	}
	return lc
}

// read is what a label says on the scale: a number written as the label, an answer or a
// missing label.
func (lc *labelledCodes) read(label string) (value float64, missing, ok bool) {
	if x, ok := ParseNumber(label); ok {
		return x, false, true
	}
	return lc.scale.Value(label)
}

// decode turns a code into its label, or an unlabelled code into its value on the line.
func (lc *labelledCodes) decode(cell string) string {
	x, ok := ParseNumber(cell)
	if !ok {
		return cell
	}
	if l, ok := lc.labels[x]; ok {
		return l
	}
	if lc.line && (lc.slope != 1 || lc.offset != 0) {
		return strconv.FormatFloat(lc.slope*x+lc.offset, 'f', -1, 64)
	}
	return cell
}

// refuse is the reason a code cannot be read: its label is no answer of the scale, or it
// has none and the labels fix no line.
func (lc *labelledCodes) refuse(cell string) error {
	x, ok := ParseNumber(cell)
	if !ok {
		return nil
	}
	if l, ok := lc.labels[x]; ok {
		if _, _, ok := lc.read(l); !ok {
			return LabelError{model.Reasonf("%w: %q (code %s) is not an answer of scale %s", "%v: %q (code %s) is geen antwoord van schaal %s", ErrUnknownLabel, l, cell, lc.scale.ID), l}
		}
		return nil
	}
	if !lc.line {
		return model.Reasonf("%w: code %s has no value label, and the variable's labels do not say which answer it is", "%v: code %s heeft geen waardelabel, en de labels van de variabele zeggen niet welk antwoord het is", ErrUnlabelledCode, cell)
	}
	return nil
}

// unknownStringLabel is the reason a labelled code of a string item cannot be read: its
// label is no answer of the scale. A string code without a label is read as written.
func unknownStringLabel(labels map[string]string, scale codebook.Scale, cell string) error {
	l, ok := labels[cell]
	if !ok {
		return nil
	}
	if _, ok := ParseNumber(l); ok {
		return nil
	}
	if _, _, ok := scale.Value(l); ok {
		return nil
	}
	return LabelError{model.Reasonf("%w: %q (code %q) is not an answer of scale %s", "%v: %q (code %q) is geen antwoord van schaal %s", ErrUnknownLabel, l, cell, scale.ID), l}
}

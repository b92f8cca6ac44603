package analysis

import (
	"fmt"
	"strings"

	"github.com/samenspel/samenspel/codebook"
	"github.com/samenspel/samenspel/pipeline/protected"
	"github.com/samenspel/samenspel/pipeline/results"
)

// The dictionary's calibration (codebook.Calibration) gives each suggestion a confidence
// and holds back those below its threshold, and the weaker of a facilitator and its
// negated barrier suggested together. A held suggestion is no coding (Input.AutoHeld):
// the autocodings table lists it, with its confidence and the reason in its column
// "held", so that a researcher sees what was left out; autocode_validation counts, per
// code and human coder, those held back on the segments that coder coded ("held"); its
// other columns score what was suggested.

// autocodings returns the codings the autocodings table lists: the dataset's, then the
// held suggestions (the table sorts them in by segment and span).
func (in *Input) autocodings() []protected.Coding {
	if len(in.AutoHeld) == 0 {
		return in.Data.Codings
	}
	all := make([]protected.Coding, 0, len(in.Data.Codings)+len(in.AutoHeld))
	return append(append(all, in.Data.Codings...), in.AutoHeld...)
}

// heldOnCoded counts, per code of the index, the held suggestions on the respondent
// segments that coder c coded (it has a coding row for them).
func (in *Input) heldOnCoded(c int) []int {
	x := in.ids
	out := make([]int, len(x.codes))
	for i := range in.AutoHeld {
		h := &in.AutoHeld[i]
		sg, ok := x.segNum(h.Segment) // through segOfOnce: another stage may not have made segOf yet
		k, known := x.codeOf[h.Code]
		if !ok || !known || !x.respondentSegment(sg) || !x.coded[x.slot(sg, c)] {
			continue
		}
		out[k]++
	}
	return out
}

// dictionaryConfidence is the autocodings table's probability cell of a dictionary
// suggestion: its calibrated confidence, empty without a calibration.
func dictionaryConfidence(c *protected.Coding) any {
	if c.Confidence == 0 && c.Held == "" {
		return nil
	}
	return c.Confidence
}

// heldReason is the autocodings table's held cell: why the calibration held the
// suggestion back, empty for a suggestion made.
func heldReason(c *protected.Coding) any {
	if c.Held == "" {
		return nil
	}
	return c.Held
}

// noteHeld notes, where the codebook has a calibration, its threshold and cap and how
// many suggestions it held back: below the threshold, as the weaker sibling and below
// the cap times its segment's best confidence.
func (in *Input) noteHeld(res *results.Results) {
	c := in.Codebook.DictionaryCalibration()
	if c == nil {
		return
	}
	below, sibling, capped := 0, 0, 0
	for i := range in.AutoHeld {
		switch in.AutoHeld[i].Held {
		case codebook.HeldThreshold:
			below++
		case codebook.HeldSibling:
			sibling++
		case codebook.HeldCap:
			capped++
		}
	}
	t := fmt.Sprintf("%.2f", c.Threshold)
	cp := fmt.Sprintf("%.2f", c.Cap)
	res.Notes = append(res.Notes, results.Note{Topic: "autocode_validation",
		NL: fmt.Sprintf("het woordenboek is gekalibreerd (%s, drempel %s, cap %s): %d suggesties zijn achtergehouden, %d onder de drempel en %d als de zwakkere van een bevorderende factor en de belemmering die haar ontkenning is, %d onder de cap maal de hoogste betrouwbaarheid in hun segment; autocodings noemt ze (kolom held) en geeft elke suggestie haar betrouwbaarheid (kolom probability).",
			c.Estimated, strings.Replace(t, ".", ",", 1), strings.Replace(cp, ".", ",", 1), below+sibling+capped, below, sibling, capped),
		EN: fmt.Sprintf("the dictionary is calibrated (%s, threshold %s, cap %s): %d suggestions were held back, %d below the threshold and %d as the weaker of a facilitator and the barrier its negation means, %d below the cap times the highest confidence in their segment; autocodings lists them (column held) and gives every suggestion its confidence (column probability).",
			c.Estimated, t, cp, below+sibling+capped, below, sibling, capped)})
}

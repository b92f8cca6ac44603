package analysis

import "github.com/samenspel/samenspel/pipeline/protected"

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
		sg, ok := x.segOf[h.Segment]
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

package codebook

import "sync"

// fewMatches is up to how many matches Suggestions groups them by code with a scan of
// the codes found so far instead of a map: a segment has a handful of matches, and the
// maps (one per segment, one per code) and the per-code lists were most of what a run's
// auto-coding allocated.
const fewMatches = 32

// fewSuggestions is Suggestions for a few matches: the same suggestions, in the same
// order, with the same confidences (combineCode takes a code's matches in the same order
// as combine its list of them).
func (c *Calibration) fewSuggestions(ms []Match) []Suggestion {
	var out []Suggestion
	for _, m := range ms {
		found := false
		for i := range out {
			if out[i].Code == m.Code {
				found = true
				break
			}
		}
		if !found {
			if out == nil {
				out = make([]Suggestion, 0, len(ms))
			}
			out = append(out, Suggestion{Match: m})
		}
	}
	if c == nil {
		return out
	}
	for i := range out {
		out[i].Confidence = round4(c.combineCode(ms, out[i].Code))
	}
	return c.hold(out)
}

// combineCode is combine over the matches of ms with the given code, each rule counted
// once, in the order of ms.
func (c *Calibration) combineCode(ms []Match, code string) float64 {
	best, none := 0.0, 1.0
	for j, m := range ms {
		if m.Code != code || ruleBefore(ms[:j], code, m.Rule) {
			continue
		}
		p := c.ruleConfidence(m.Code, m.Rule, RuleClass(m))
		best = max(best, p)
		none *= 1 - p
	}
	if c.Combine == CombineNoisyOR {
		return 1 - none
	}
	return best
}

// ruleBefore reports whether a match of ms has the code and the rule.
func ruleBefore(ms []Match, code, rule string) bool {
	for _, m := range ms {
		if m.Code == code && m.Rule == rule {
			return true
		}
	}
	return false
}

// sameNormalized reports whether a and b normalise to the same text (Normalize(a).Text
// == Normalize(b).Text), into buffers kept for reuse: RuleClass asks it for every match
// a calibration weighs, and two Normalize calls allocated five slices each.
func sameNormalized(a, b string) bool {
	if a == b {
		return true
	}
	if same, ok := sameASCIIWords(a, b); ok {
		return same
	}
	bufs := sameBufs.Get().(*[2]Normalized)
	bufs[0] = normalizeInto(a, bufs[0])
	bufs[1] = normalizeInto(b, bufs[1])
	same := bufs[0].Text == bufs[1].Text
	sameBufs.Put(bufs)
	return same
}

var sameBufs = sync.Pool{New: func() any { return new([2]Normalized) }}

// sameASCIIWords is sameNormalized for two ASCII strings (ok false otherwise): the same
// words of letters and digits, case folded, whatever stands between them.
func sameASCIIWords(a, b string) (same, ok bool) {
	for i := 0; i < len(a); i++ {
		if a[i] >= 0x80 {
			return false, false
		}
	}
	for j := 0; j < len(b); j++ {
		if b[j] >= 0x80 {
			return false, false
		}
	}
	i, j := 0, 0
	for {
		for i < len(a) && asciiFold[a[i]] == 0 {
			i++
		}
		for j < len(b) && asciiFold[b[j]] == 0 {
			j++
		}
		if i == len(a) || j == len(b) {
			return i == len(a) && j == len(b), true
		}
		for i < len(a) && j < len(b) && asciiFold[a[i]] != 0 && asciiFold[a[i]] == asciiFold[b[j]] {
			i, j = i+1, j+1
		}
		if (i < len(a) && asciiFold[a[i]] != 0) || (j < len(b) && asciiFold[b[j]] != 0) {
			return false, true // a word goes on in one and not the other, or differs
		}
	}
}

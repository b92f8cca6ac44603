package codebook

import (
	"slices"
	"strings"
)

// A calibrated dictionary (issue 19): the patterns alone suggest every code one of them
// finds; with a Calibration each suggestion gets a confidence, the precision its evidence
// had on fragments coded by people, and suggestions below the calibration's threshold are
// held back. This file holds how a confidence is computed from the matches; calibrate.go
// how a calibration is estimated and read.

// Rule classes: how a pattern fired. A rule with few hits borrows the precision of its
// code's rules of the same class (see Calibration.ruleConfidence).
const (
	ClassPlain    = "plain"    // the pattern's words as written
	ClassStem     = "stem"     // a plain word matched through its Dutch stem ("afspraken" for "afspraak")
	ClassPrefix   = "prefix"   // a word with * at its end
	ClassCompound = "compound" // * before the first word: the end of a compound ("*overleg")
	ClassGapped   = "gapped"   // "..." between two words
	ClassNegated  = "negated"  // a negated facilitator, suggested as its barrier
)

// RuleClass returns how the match fired: negated (rule "negated FACILITATOR: PATTERN"),
// gapped, compound, prefix, stem (a plain pattern whose span, normalised, is not the
// pattern as written) or plain, the first that applies in that order.
func RuleClass(m Match) string {
	if strings.HasPrefix(m.Rule, "negated ") {
		return ClassNegated
	}
	p := m.Rule
	switch {
	case strings.Contains(p, "..."):
		return ClassGapped
	case strings.HasPrefix(strings.TrimSpace(p), "*"):
		return ClassCompound
	case strings.Contains(p, "*"):
		return ClassPrefix
	case !sameNormalized(m.Span, p):
		return ClassStem
	}
	return ClassPlain
}

// Suggestion is a code the auto-coder suggests for a text: the first match of the code
// (by position, as Code orders them), the confidence of all its matches together and
// why the calibration holds it back, if it does: HeldThreshold (its confidence is below
// the threshold) or HeldSibling (the facilitator or barrier it is the negation of is
// suggested with a higher confidence). Without a calibration the confidence is 0 and
// nothing is held back.
type Suggestion struct {
	Match
	Confidence float64
	Held       string
}

// Reasons a suggestion is held back.
const (
	HeldThreshold = "threshold"
	HeldSibling   = "sibling"
	HeldCap       = "cap" // below Calibration.Cap times the segment's best confidence
)

// Suggest returns one suggestion per code whose patterns fire in text, in the order of
// the codes' first matches. With a calibration (Codebook.Calibration, read with the
// codebook) each carries its confidence and those below the threshold are marked Held;
// without one every code that fires is suggested, as Code finds it. With a shipped model
// (model.go) the model decides for its codes, and may suggest codes no pattern found.
func (a *AutoCoder) Suggest(text string) []Suggestion {
	ms := a.Code(text)
	s := a.calibration.Suggestions(ms)
	if a.model != nil {
		s = a.model.Apply(a, text, ms, s)
	}
	return s
}

// Suggestions groups matches by code (see Suggest). A nil calibration gives every code
// unheld, with confidence 0.
func (c *Calibration) Suggestions(ms []Match) []Suggestion {
	if len(ms) == 0 {
		return nil
	}
	if len(ms) <= fewMatches {
		return c.fewSuggestions(ms) // suggest_few.go: the same, without maps
	}
	return c.manySuggestions(ms)
}

// manySuggestions is Suggestions with a map of the codes found.
func (c *Calibration) manySuggestions(ms []Match) []Suggestion {
	var out []Suggestion
	idx := make(map[string]int, len(ms))
	var rules [][]Match // per suggestion its matches; only a calibration needs them
	for _, m := range ms {
		i, ok := idx[m.Code]
		if !ok {
			i = len(out)
			idx[m.Code] = i
			out = append(out, Suggestion{Match: m})
			if c != nil {
				rules = append(rules, nil)
			}
		}
		if c != nil {
			rules[i] = append(rules[i], m)
		}
	}
	if c == nil {
		return out
	}
	for i := range out {
		out[i].Confidence = round4(c.combine(rules[i]))
	}
	return c.hold(out)
}

// hold marks the suggestions held back by the threshold, the siblings and the cap (see
// Suggest).
func (c *Calibration) hold(out []Suggestion) []Suggestion {
	best := 0.0
	for i := range out {
		if out[i].Confidence < c.Threshold {
			out[i].Held = HeldThreshold
		}
		best = max(best, out[i].Confidence)
	}
	c.resolveSiblings(out)
	if c.Cap > 0 {
		for i := range out {
			if out[i].Held == "" && out[i].Confidence < c.Cap*best {
				out[i].Held = HeldCap
			}
		}
	}
	return out
}

// combine is the confidence of a code from the rules that fired for it, each rule
// counted once: the highest rule confidence ("max"), or the noisy-OR 1 - prod(1 - p)
// ("noisy-or"), which takes the rules as independent witnesses.
func (c *Calibration) combine(ms []Match) float64 {
	seen := map[string]bool{}
	best, none := 0.0, 1.0
	for _, m := range ms {
		if seen[m.Rule] {
			continue
		}
		seen[m.Rule] = true
		p := c.ruleConfidence(m.Code, m.Rule, RuleClass(m))
		best = max(best, p)
		none *= 1 - p
	}
	if c.Combine == CombineNoisyOR {
		return 1 - none
	}
	return best
}

// resolveSiblings holds back, where a facilitator and the barrier its negation means
// (Codebook.Negated) are both suggested and neither is held back yet, the one with the
// lower confidence (both kept on a tie): one fragment rarely says both of one thing.
func (c *Calibration) resolveSiblings(out []Suggestion) {
	if !c.Siblings || len(out) < 2 {
		return
	}
	for i := range out {
		bar, ok := c.negated[out[i].Code]
		if !ok {
			continue
		}
		j := slices.IndexFunc(out, func(s Suggestion) bool { return s.Code == bar })
		if j < 0 || out[i].Held != "" || out[j].Held != "" {
			continue
		}
		switch {
		case out[i].Confidence < out[j].Confidence:
			out[i].Held = HeldSibling
		case out[j].Confidence < out[i].Confidence:
			out[j].Held = HeldSibling
		}
	}
}

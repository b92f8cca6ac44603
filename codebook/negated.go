package codebook

import (
	"sort"
	"strings"
)

// negatedList writes Codebook.Negated as a list of "facilitator > barrier", sorted, for
// the workbook's About sheet.
func negatedList(m map[string]string) []string {
	out := make([]string, 0, len(m))
	for f, b := range m {
		out = append(out, f+" > "+b)
	}
	sort.Strings(out)
	return out
}

// parseNegated reads the list negatedList writes; an entry without ">" is left out (the
// auto-coder reports unknown codes).
func parseNegated(l []string) map[string]string {
	if len(l) == 0 {
		return nil
	}
	m := map[string]string{}
	for _, e := range l {
		f, b, ok := strings.Cut(e, ">")
		if f, b = strings.TrimSpace(f), strings.TrimSpace(b); ok && f != "" && b != "" {
			m[f] = b
		}
	}
	return m
}

// checkNegated reports every entry of Codebook.Negated that names an unknown code, a
// barrier as the facilitator, or a facilitator as the barrier (a code may name itself:
// its definition covers its negation).
func (cb *Codebook) checkNegated(codeIDs map[string]string, add func(err error, format, nl string, args ...any)) {
	valence := map[string]Valence{}
	for _, f := range cb.Factors {
		for _, c := range f.Codes {
			valence[c.ID] = c.Valence
		}
	}
	for _, fac := range sortedKeys(cb.Negated) {
		bar := cb.Negated[fac]
		switch {
		case codeIDs[fac] == "":
			add(ErrReference, "negated: %q is not a code of the codebook", "negated: %q is geen code van het codeboek", fac)
		case codeIDs[bar] == "":
			add(ErrReference, "negated: %s: %q is not a code of the codebook", "negated: %s: %q is geen code van het codeboek", fac, bar)
		case valence[fac] == Barrier:
			add(ErrValence, "negated: %q is a barrier; only a facilitator's negation names a barrier", "negated: %q is belemmerend; alleen de ontkenning van een bevorderende code noemt een belemmerende", fac)
		case bar != fac && valence[bar] == Facilitator:
			add(ErrValence, "negated: %s: %q is a facilitator, not a barrier", "negated: %s: %q is bevorderend, niet belemmerend", fac, bar)
		}
	}
}

func sortedKeys(m map[string]string) []string {
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}

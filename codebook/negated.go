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

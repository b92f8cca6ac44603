package pipeline

import (
	"fmt"

	"github.com/samenspel/samenspel/pipeline/protected"
	"github.com/samenspel/samenspel/pipeline/redact"
)

// coderNames maps the coders' names as exported to the names the outputs show; nil
// shows them as exported.
type coderNames map[string]string

// of returns the name the outputs show for coder.
func (c coderNames) of(coder string) string {
	if n, ok := c[coder]; ok {
		return n
	}
	return coder
}

// pseudonymiseCoders replaces every human coder's name in d by Coder 1, Coder 2, ...,
// numbered in the natural order of the names (so the same study always gives the same
// numbers), when on; the auto-coder keeps its name. It returns the map it applied.
func pseudonymiseCoders(d *protected.Dataset, on bool) coderNames {
	if !on {
		return nil
	}
	names := humanCoders(d)
	sortNatural(names)
	m := make(coderNames, len(names))
	for i, n := range names {
		m[n] = fmt.Sprintf("Coder %d", i+1)
	}
	for i := range d.Codings {
		d.Codings[i].Coder = m.of(d.Codings[i].Coder)
	}
	return m
}

// codersToHide reports whether a coder's name, which the outputs show as exported, holds
// a respondent's listed name (or a part of it) or an identifying detail (an e-mail
// address, a phone number): then every coder is pseudonymised, as privacy.coders:
// pseudonymise does, since a coder's name alone cannot be redacted without merging two
// coders into one.
func codersToHide(d *protected.Dataset, r *redact.Redactor) bool {
	for _, n := range humanCoders(d) {
		if n != LearnedCoder && len(r.FindListed(n)) > 0 {
			return true
		}
	}
	return false
}

func sortNatural(s []string) {
	for i := 1; i < len(s); i++ {
		for j := i; j > 0 && naturalLess(s[j], s[j-1]); j-- {
			s[j], s[j-1] = s[j-1], s[j]
		}
	}
}

package pipeline

import (
	"strings"

	"github.com/samenspel/samenspel/pipeline/analysis"
	"github.com/samenspel/samenspel/pipeline/model"
)

// renameReservedCoders gives a human coder exported as "auto" or "auto-learned" (a QDA
// user account of that name, or a project recoded from samenspel's review.qdpx) another
// name, "auto (codeur)" or "auto (coder)", with a warning: the pipeline takes the coder
// "auto" for its auto-coder, so such codings would silently leave the counts and the
// agreement and autocodings.csv would say the dictionary made them. It runs on what the
// readers read, before the auto-coder adds its own codings.
func renameReservedCoders(d *model.Dataset, lang string, warnings *[]error) {
	suffix := " (coder)"
	if lang != "en" {
		suffix = " (codeur)"
	}
	renamed := map[string]string{}
	for i := range d.Codings {
		c := &d.Codings[i]
		name := strings.TrimSpace(c.Coder)
		if strings.EqualFold(name, analysis.AutoCoder) || strings.EqualFold(name, LearnedCoder) {
			if _, ok := renamed[name]; !ok {
				renamed[name] = name + suffix
			}
			c.Coder = renamed[name]
		}
	}
	for _, from := range model.SortedKeys(renamed) {
		*warnings = append(*warnings, model.Reasonf(
			"a coder in the inputs is named %q, the name of the auto-coder: their codings count as the coder %q's",
			"een codeur in de invoer heet %q, de naam van de autocodeur: de coderingen tellen als die van codeur %q", from, renamed[from]))
	}
}

package disclosure

import (
	"strconv"
	"strings"
)

// DefaultMinCell is the smallest group that may be shown when study.yaml sets no
// privacy.min_cell. It is the one place this default lives.
const DefaultMinCell = 5

// SmallGroups says what happens to groups smaller than MinCell.
type SmallGroups string

const (
	// Pool merges the small groups of a grouping into one group "Overige gemeenten" /
	// "Other municipalities" (for roles "Overige rollen" / "Other roles"), adding the
	// next smallest groups until the pool reaches MinCell in every population.
	Pool SmallGroups = "pool"
	// Suppress hides the small groups, and as many of the next smallest as it takes that
	// no hidden group follows from a total minus the shown groups.
	Suppress SmallGroups = "suppress"
)

// Rules is the rule set every output is held to.
type Rules struct {
	// MinCell: a group of fewer respondents (in any population an output counts) is
	// never shown on its own, nor derivable from what is shown.
	MinCell int
	// SmallGroups: Pool (the default) or Suppress.
	SmallGroups SmallGroups
	// Language (nl | en) names the pooled groups.
	Language string
}

// WithDefaults returns the rules with MinCell and SmallGroups filled in where unset.
func (r Rules) WithDefaults() Rules {
	if r.MinCell <= 0 {
		r.MinCell = DefaultMinCell
	}
	if r.SmallGroups == "" {
		r.SmallGroups = Pool
	}
	return r
}

// Small reports whether a count of respondents is a small cell: more than none and fewer
// than MinCell. An empty group is not a cell anyone can be found in.
func (r Rules) Small(n int) bool { return n > 0 && n < r.MinCell }

// PoolLabel names the pooled group of a grouping in the study's language.
func (r Rules) PoolLabel(by string) string {
	nl, en := "Overige", "Other"
	switch by {
	case "municipality":
		nl, en = "Overige gemeenten", "Other municipalities"
	case "role":
		nl, en = "Overige rollen", "Other roles"
	}
	if r.Language == "en" {
		return en
	}
	return nl
}

// PoolLabelAmong names the pooled group of a grouping so that no real value takes the
// same name: a municipality literally called "Overige gemeenten" (or "other
// municipalities", compared without case and surrounding spaces) would otherwise merge
// with the pool in every table and on its page. The label then gets a suffix,
// "Overige gemeenten (samengevoegd)" / "Other municipalities (pooled)", numbered
// ("(samengevoegd 2)") while that too is taken. taken reports whether a real value
// holds a name.
func (r Rules) PoolLabelAmong(by string, taken func(string) bool) string {
	base := r.PoolLabel(by)
	suffix := "samengevoegd"
	if r.Language == "en" {
		suffix = "pooled"
	}
	label := base
	for i := 1; taken(label); i++ {
		label = base + " (" + suffix + ")"
		if i > 1 {
			label = base + " (" + suffix + " " + strconv.Itoa(i) + ")"
		}
	}
	return label
}

// takenBy reports, for PoolLabelAmong, whether one of the values is the name (without
// case and surrounding spaces).
func takenBy[V any](values map[string]V) func(string) bool {
	norm := make(map[string]bool, len(values))
	for v := range values {
		norm[strings.ToLower(strings.TrimSpace(v))] = true
	}
	return func(name string) bool { return norm[strings.ToLower(strings.TrimSpace(name))] }
}

// NoValueLabel names the respondents without a value for a grouping in the disclosure
// table and the report's notes, in parentheses so that no group's name can be it:
// "(zonder gemeente)", "(no municipality)". The attacker reads it as those respondents.
func (r Rules) NoValueLabel(by string) string {
	nl, en := map[string]string{"municipality": "gemeente", "role": "rol"}[by], map[string]string{"municipality": "municipality", "role": "role"}[by]
	if nl == "" {
		nl, en = by, by
	}
	if r.Language == "en" {
		return "(no " + en + ")"
	}
	return "(zonder " + nl + ")"
}

// isNoValueLabel reports whether a group name of the disclosure table is NoValueLabel's.
func isNoValueLabel(name string) bool {
	return (strings.HasPrefix(name, "(zonder ") || strings.HasPrefix(name, "(no ")) && strings.HasSuffix(name, ")")
}

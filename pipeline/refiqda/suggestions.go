package refiqda

import "strings"

// SuggestionsHeader is the first line of the Description of a selection that lists the
// auto-coder's suggestions for review; each further line is "code | source | detail".
const SuggestionsHeader = "samenspel suggestions (keep the right ones, delete the wrong ones):"

// Suggestion is one suggestion as listed for review: the code id, its source
// ("dictionary", "dictionary+model", "model" or "learned") and a detail (the rule that
// fired, or the probability, or both).
type Suggestion struct{ Code, Source, Detail string }

// SuggestionLines writes the Description that lists suggestions; empty for none. A
// reader of the reviewed project compares the codes still on the selection with it.
func SuggestionLines(list []Suggestion) string {
	if len(list) == 0 {
		return ""
	}
	var b strings.Builder
	b.WriteString(SuggestionsHeader)
	for _, s := range list {
		b.WriteString("\n" + s.Code + " | " + s.Source + " | " + strings.ReplaceAll(s.Detail, "\n", " "))
	}
	return b.String()
}

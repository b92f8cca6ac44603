package model

import "strings"

// IDKey is the key two spellings of one respondent id share: lower case, without white
// space ("JW 01", "jw01" and "JW01" are "jw01"). Whether two spellings are one person is
// decided elsewhere (pipeline/respondent_spellings.go): a respondents table that lists
// both, or groups that differ, make them two.
func IDKey(id string) string {
	for i := 0; i < len(id); i++ {
		if c := id[i]; c >= 0x80 || 'A' <= c && c <= 'Z' || c == ' ' || '\t' <= c && c <= '\r' {
			return strings.ToLower(strings.Join(strings.Fields(id), ""))
		}
	}
	return id // its own key, made without a copy: most survey ids
}

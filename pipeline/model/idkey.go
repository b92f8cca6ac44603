package model

import "strings"

// IDKey is the key two spellings of one respondent id share: lower case, without white
// space ("JW 01", "jw01" and "JW01" are "jw01"). Whether two spellings are one person is
// decided elsewhere (pipeline/respondent_spellings.go): a respondents table that lists
// both, or groups that differ, make them two.
func IDKey(id string) string {
	return strings.ToLower(strings.Join(strings.Fields(id), ""))
}

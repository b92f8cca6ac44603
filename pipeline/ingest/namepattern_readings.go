package ingest

import (
	"unicode"
	"unicode/utf8"
)

// A name_pattern as pieces, to find a name's other readings: the regular expression
// gives one reading (each placeholder as short as it can be), and Go's regexp cannot list
// the others. Written by hand for that reason; it walks every way of cutting the name
// into the pattern's pieces, which for a file name (a few placeholders, a few dozen
// characters) is a small search, bounded by maxNameSteps.
type namePiece struct {
	literal string // a literal piece; empty for a placeholder
	field   int    // the placeholder's index in namePattern.fields; -1 for a literal
	class   byte   // what the placeholder's text may hold
}

const (
	anyText byte = iota // any character: {respondent}, {municipality}, {team}
	digits              // {nr}: 0-9 (as regexp's \d)
	letters             // {role}: letters (as \p{L})
)

// maxNameSteps bounds the search for another reading: a name that needs more steps
// (placeholders that can each take almost any part of a long name) is taken as
// ambiguous where the readings found so far differ, else as having one reading.
const maxNameSteps = 100000

func (p namePiece) admits(r rune) bool {
	switch p.class {
	case digits:
		return r >= '0' && r <= '9'
	case letters:
		return unicode.IsLetter(r)
	}
	return r != '\n'
}

// isGroupField tells the placeholders whose text is a group value that every study's
// tables and report publish: the municipality and the role. Readings that differ only
// in the respondent and other placeholders keep the shortest, as documented:
// "{respondent}_{part}" joins "videos_selection" and "videos_10_selected" into the
// respondent "videos".
func isGroupField(f string) bool { return f == "municipality" || f == "role" }

// otherGroups returns a reading of stem (submatches as regexp gives them: the whole
// name, then each placeholder's text) whose municipality or role differs from first's,
// the reading by the regular expression; nil where every reading gives the same.
func (np *namePattern) otherGroups(stem string, first []string) []string {
	group := false
	for _, f := range np.fields {
		group = group || isGroupField(f)
	}
	if !group {
		return nil
	}
	texts := make([]string, len(np.fields))
	steps := 0
	var found []string
	var walk func(pos, piece int) bool // true: stop
	walk = func(pos, piece int) bool {
		if steps++; steps > maxNameSteps {
			return true
		}
		if piece == len(np.pieces) {
			if pos != len(stem) {
				return false
			}
			for i, f := range np.fields {
				if isGroupField(f) && texts[i] != first[i+1] {
					found = append([]string{stem}, texts...)
					return true
				}
			}
			return false
		}
		p := np.pieces[piece]
		if p.field < 0 {
			if len(stem)-pos >= len(p.literal) && stem[pos:pos+len(p.literal)] == p.literal {
				return walk(pos+len(p.literal), piece+1)
			}
			return false
		}
		for end := pos; end < len(stem); {
			r, size := utf8.DecodeRuneInString(stem[end:])
			if !p.admits(r) {
				return false
			}
			end += size
			texts[p.field] = stem[pos:end]
			if walk(end, piece+1) {
				return true
			}
		}
		return false
	}
	walk(0, 0)
	return found
}

package disclosure

import (
	"sort"
	"strconv"
	"strings"
)

// The disclosure table and the report's notes named every pooled and hidden group, on
// the ground that a municipality's name identifies no person. For a grouping of the
// respondents' own attributes that does not hold (attack 16, f17): "non-binair" or
// "gesloten jeugdzorg" among the pooled groups of a study of 11 young people in one
// municipality says that one of them is so, a fact about a group far below min_cell
// that anyone who knows the municipality's young people can put a name to. The groups
// of role and municipality are named as before; of every other grouping, the pooled
// and the hidden groups are counted, not named ("3 groepen"),.

// NamesGroups reports whether the disclosure table and the notes name the pooled and
// hidden groups of a grouping: only roles and municipalities, whose names are no fact
// about a person.
func NamesGroups(by string) bool { return by == "role" || by == "municipality" }

// GroupsCount is the disclosure table's group for n pooled or hidden groups that it does
// not name: "(3 groepen)", "(3 groups)".
func (r Rules) GroupsCount(n int) string {
	if r.Language == "en" {
		if n == 1 {
			return "(1 group)"
		}
		return "(" + strconv.Itoa(n) + " groups)"
	}
	if n == 1 {
		return "(1 groep)"
	}
	return "(" + strconv.Itoa(n) + " groepen)"
}

// isGroupsCount reports whether a group name of the disclosure table is GroupsCount's.
func isGroupsCount(name string) bool {
	if !strings.HasPrefix(name, "(") || !strings.HasSuffix(name, ")") {
		return false
	}
	num, word, ok := strings.Cut(name[1:len(name)-1], " ")
	if _, err := strconv.Atoi(num); err != nil || !ok {
		return false
	}
	switch word {
	case "groep", "groepen", "group", "groups":
		return true
	}
	return false
}

// countedGroups is the notes' list, in Dutch and English, for groups not named: one
// item, "3 groepen", and the label of the respondents without a value last where
// noValue says it is among them (NoValueLabel).
func countedGroups(groups []string, noValue bool) (nl, en []string) {
	n := len(groups)
	if n == 0 {
		return nil, nil
	}
	var last []string
	if noValue {
		n--
		last = groups[len(groups)-1:]
	}
	if n > 0 {
		nl = []string{strings.Trim(Rules{}.GroupsCount(n), "()")}
		en = []string{strings.Trim(Rules{Language: "en"}.GroupsCount(n), "()")}
	}
	return append(nl, last...), append(en, last...)
}

func sortedPairs(m map[[2]string]int) [][2]string {
	out := make([][2]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	sort.Slice(out, func(i, j int) bool { return out[i][0]+"\x00"+out[i][1] < out[j][0]+"\x00"+out[j][1] })
	return out
}

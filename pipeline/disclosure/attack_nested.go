package disclosure

import (
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"
)

// nestedSums adds the equations of a grouping nested in another (attack 11, F12): where
// every group of A (the shown ones and the members disclosure.csv lists of its pool)
// is named after exactly one group of B, its name followed by a separator
// ("Bergdorp-Noord", "Bergdorp Zuid" in Bergdorp), the attacker takes each B-group for
// the sum of its A-groups in every population: Bergdorp 33 minus Bergdorp-Noord 30 gives
// the pooled Bergdorp-Zuid. Where some A-groups are named after no B-group (one wijk
// name, "Centrum", in two gemeenten: attack 12 F5), each B-group minus the A-groups
// named after it is an unknown of its own, the part of it in those other groups
// (Bergdorp 33 minus Bergdorp-Noord 30: Bergdorp's 3 in Centrum). Names are all the
// outputs give of the nesting; a nesting they do not show (schools within
// municipalities by other names) is not found.
func (a *attacker) nestedSums(s *system, pops, bys []string, groups map[string]map[string]bool) {
	for _, ga := range bys {
		for _, gb := range bys {
			if ga == gb || len(groups[ga]) == 0 || len(groups[gb]) == 0 {
				continue
			}
			children := map[string][]string{}
			ok, all := true, true
			for _, child := range sortedKeys(groups[ga]) {
				var parents []string
				for _, p := range sortedKeys(groups[gb]) {
					if namedAfter(child, p) {
						parents = append(parents, p)
					}
				}
				if len(parents) > 1 {
					ok = false
					break
				}
				if len(parents) == 0 {
					all = false
					continue
				}
				children[parents[0]] = append(children[parents[0]], child)
			}
			if !ok || len(children) == 0 {
				continue
			}
			for _, pop := range pops {
				for _, p := range sortedKeys(groups[gb]) {
					kids := children[p]
					if len(kids) == 0 {
						continue
					}
					e := equation{coef: map[int]float64{s.unknown(pop, gb, p): 1}, table: "disclosure"}
					for _, k := range kids {
						e.coef[s.unknown(pop, ga, k)] -= 1
					}
					if !all {
						// A group named after none ("Centrum", in several gemeenten) may
						// hold part of p: p minus its named groups is that part.
						e.coef[s.unknown(pop, ga, fmt.Sprintf("%s minus %s", p, strings.Join(kids, ", ")))] -= 1
					}
					s.eqs = append(s.eqs, e)
				}
			}
		}
	}
}

// namedAfter reports whether child is parent followed by a separator and more (not a
// letter or digit), ignoring case: "Bergdorp-Noord" after "Bergdorp", not "Bergdorpen".
func namedAfter(child, parent string) bool {
	c, p := strings.ToLower(child), strings.ToLower(parent)
	if len(c) <= len(p) || !strings.HasPrefix(c, p) || p == "" {
		return false
	}
	r, _ := utf8.DecodeRuneInString(c[len(p):])
	return !unicode.IsLetter(r) && !unicode.IsDigit(r)
}

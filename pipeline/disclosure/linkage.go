package disclosure

import (
	"sort"
)

// Bounds of the profile-assignment attack: it gives up (and claims nothing) past
// linkNodes steps of the search or linkSolutions assignments, so the check stays fast;
// on the small studies where it matters it finishes in well under both.
const (
	linkNodes     = 2_000_000
	linkSolutions = 2000
)

// linkage is the profile-assignment attack (issue 13). code_presence gives every
// respondent's code profile (0/1 per code); code_frequencies gives, per group of a
// grouping, the respondents with each code and, for a factor's "*" row, with any code of
// the factor, and the group's respondents. Where the rows leave the grouping blank, the
// attacker assigns every blank respondent a group by backtracking so that every
// published per-group count adds up exactly; respondents whose value the rows show are
// fixed to it, and when groups are missing from code_frequencies (suppressed) or the
// group sizes do not add up to the rows, an extra group "?" takes the rest, and the
// sizes bound only from above. A cell that has the same count in every assignment is
// recovered: role x group (the role from the rows or the pseudonym's prefix) for the
// municipality and any other grouping, and the blank respondents per role for the role. A recovered cell
// between 1 and min_cell-1 is a finding.
func (a *attacker) linkage() {
	pres, cf := a.p.table("code_presence"), a.p.table("code_frequencies")
	if pres == nil || cf == nil {
		return
	}
	if _, ok := pres.cols["respondent"]; !ok {
		return
	}
	factor := map[string]string{}
	for _, r := range cf.rows {
		factor[cf.get(r, "code")] = cf.get(r, "factor")
	}
	var codes []string
	for c := range pres.cols {
		if _, ok := factor[c]; ok {
			codes = append(codes, c)
		}
	}
	// Every grouping code_frequencies counts codes by: one the rows have no column for
	// is blank for everyone.
	seen := map[string]bool{"all": true}
	for _, r := range cf.rows {
		if by := cf.get(r, "group_by"); !seen[by] {
			seen[by] = true
			a.link(pres, cf, by, codes, factor)
		}
	}
}

// linkCon is one published count: the rows with the code (all rows for a size) placed
// in group must number target (at most target when exact is false).
type linkCon struct {
	group  int
	target int
	exact  bool
	in     []bool // by row
}

func (a *attacker) link(pres, cf *table, by string, codes []string, factor map[string]string) {
	n := len(pres.rows)
	var groups []string
	gi := map[string]int{}
	size := map[string]int{}
	for _, r := range cf.rows {
		if cf.get(r, "group_by") != by {
			continue
		}
		g := cf.get(r, "group")
		if _, ok := gi[g]; !ok {
			gi[g] = len(groups)
			groups = append(groups, g)
		}
		if s, ok := cf.count(r, "group_respondents"); ok {
			size[g] = s
		}
	}
	if len(groups) == 0 {
		return
	}
	// Domain per row: its shown value, or every group.
	blank := 0
	fixed := make([]int, n)
	total := 0
	for _, s := range size {
		total += s
	}
	rest := -1
	for i, r := range pres.rows {
		fixed[i] = -1
		if v := pres.get(r, by); v != "" {
			j, ok := gi[v]
			if !ok {
				if rest < 0 {
					rest = len(groups)
					groups = append(groups, "?")
				}
				j = rest
			}
			fixed[i] = j
		} else {
			blank++
		}
	}
	if blank == 0 {
		return
	}
	exactSizes := total == n
	if !exactSizes && rest < 0 {
		groups = append(groups, "?") // the respondents of groups not counted
	}
	has := func(r []string, code, fac string) bool {
		if code == "*" {
			for _, c := range codes {
				if factor[c] == fac && pres.get(r, c) == "1" {
					return true
				}
			}
			return false
		}
		return pres.get(r, code) == "1"
	}
	var cons []linkCon
	for _, r := range cf.rows {
		if cf.get(r, "group_by") != by || cf.get(r, "suppressed") == "true" {
			continue
		}
		code := cf.get(r, "code")
		if _, ok := pres.cols[code]; !ok && code != "*" {
			continue
		}
		t, ok := cf.count(r, "respondents")
		if !ok {
			continue
		}
		c := linkCon{group: gi[cf.get(r, "group")], target: t, exact: true, in: make([]bool, n)}
		for i, pr := range pres.rows {
			c.in[i] = has(pr, code, cf.get(r, "factor"))
		}
		cons = append(cons, c)
	}
	for g, s := range size {
		c := linkCon{group: gi[g], target: s, exact: exactSizes, in: make([]bool, n)}
		for i := range c.in {
			c.in[i] = true
		}
		cons = append(cons, c)
	}
	byRow := make([][]int, n)
	remaining := make([]int, len(cons)) // rows in the constraint not yet placed
	placed := make([]int, len(cons))    // rows in it placed in its group
	for k, c := range cons {
		for i, in := range c.in {
			if in {
				byRow[i] = append(byRow[i], k)
				remaining[k]++
			}
		}
	}
	order := make([]int, n)
	for i := range order {
		order[i] = i
	}
	sort.SliceStable(order, func(x, y int) bool {
		fx, fy := fixed[order[x]] >= 0, fixed[order[y]] >= 0
		if fx != fy {
			return fx
		}
		return len(byRow[order[x]]) > len(byRow[order[y]])
	})
	asg := make([]int, n)
	var sols [][]int
	nodes, gaveUp := 0, false
	var rec func(d int)
	rec = func(d int) {
		if gaveUp {
			return
		}
		if nodes++; nodes > linkNodes || len(sols) >= linkSolutions {
			gaveUp = true
			return
		}
		if d == n {
			sols = append(sols, append([]int(nil), asg...))
			return
		}
		i := order[d]
		for g := range groups {
			if fixed[i] >= 0 && g != fixed[i] {
				continue
			}
			asg[i] = g
			good := true
			for _, k := range byRow[i] {
				remaining[k]--
				if cons[k].group == g {
					placed[k]++
				}
				c := cons[k]
				if placed[k] > c.target || (c.exact && placed[k]+remaining[k] < c.target) {
					good = false
				}
			}
			if good {
				rec(d + 1)
			}
			for _, k := range byRow[i] {
				remaining[k]++
				if cons[k].group == g {
					placed[k]--
				}
			}
		}
	}
	rec(0)
	if gaveUp || len(sols) == 0 {
		return
	}
	// The cells every assignment agrees on.
	label := func(i int) string {
		r := pres.rows[i]
		if by != "role" {
			if v := pres.get(r, "role"); v != "" {
				return "role " + v
			}
			if m := pseudonymPrefix.FindStringSubmatch(pres.get(r, "respondent")); m != nil {
				return "prefix " + m[1]
			}
			return "role (none shown)"
		}
		if fixed[i] >= 0 {
			return ""
		}
		return "respondents without a role in the rows"
	}
	cells := map[string]map[int]bool{}
	for _, s := range sols {
		c := map[string]int{}
		for i, g := range s {
			if l := label(i); l != "" && groups[g] != "?" {
				c[l+" x "+by+" "+groups[g]]++
			}
		}
		for _, l := range allLabels(n, label) {
			for _, g := range groups {
				if g == "?" {
					continue
				}
				k := l + " x " + by + " " + g
				if cells[k] == nil {
					cells[k] = map[int]bool{}
				}
				cells[k][c[k]] = true
			}
		}
	}
	for k, vs := range cells {
		if len(vs) != 1 {
			continue
		}
		for v := range vs {
			a.report("interviews: "+k+" (code profiles assigned to groups)", float64(v), []string{"code_frequencies", "code_presence"})
		}
	}
}

func allLabels(n int, label func(int) string) []string {
	seen := map[string]bool{}
	var out []string
	for i := 0; i < n; i++ {
		if l := label(i); l != "" && !seen[l] {
			seen[l] = true
			out = append(out, l)
		}
	}
	sort.Strings(out)
	return out
}

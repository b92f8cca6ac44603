package disclosure

import "sort"

// Nested groupings (attack 11, F12). A grouping A refines a grouping B in a strand when,
// among the strand's respondents, every value of A lies in one value of B (every wijk
// in one gemeente; teams within organisations, schools within municipalities). Decided
// on their own, B's shown group b minus the shown A-groups inside it gives the A-groups
// of b that A pools or hides (Bergdorp 33 minus Bergdorp-Noord 30: Bergdorp-Zuid's 3),
// and the mean of a scale follows for them as well (33·mean(b) - 30·mean(Noord)).
//
// After the groupings are decided one by one, nest hides more of A, repeating over
// every pair until nothing changes:
//
//  1. every A-group inside a B-group that B does not show is hidden in A too: shown, its
//     count would be part of that B-group's (the B-group alone in b: all of it);
//  2. for every B-group b that B shows, the A-groups of b that A does not show must
//     count 0 or at least MinCell in every population of the strand: while they are
//     small, the smallest shown A-group of b is hidden as well (at worst all of b's,
//     which then count as b, shown and so not small).
//
// Hidden means pooled (joining A's pool, made where A had none) or, with
// small_groups: suppress, suppressed. What A then hides in all is what B hides plus
// parts of shown B-groups of at least MinCell each: the pool is not small where B's is
// not. Empty values (respondents without one) refine nothing and are left alone.
func nest(strand map[string]*Grouping, bys []string, x *index, pops []resolved, r Rules) {
	if len(pops) == 0 {
		return
	}
	for round := 0; round < 2*len(bys)+2; round++ {
		changed := false
		for _, a := range bys {
			for _, b := range bys {
				if a != b && strand[a] != nil && strand[b] != nil && nestPair(strand[a], strand[b], x, pops, r) {
					changed = true
				}
			}
		}
		if !changed {
			return
		}
	}
}

// nestPair applies the two rules of nest to A = ga refining B = gb; it reports whether
// it hid anything. It does nothing when A does not refine B.
func nestPair(ga, gb *Grouping, x *index, pops []resolved, r Rules) bool {
	av, an := x.valuesOf(ga.By)
	bv, bn := x.valuesOf(gb.By)
	parent := map[int32]int32{} // A value -> its B value
	for _, p := range pops {
		for _, i := range p.members {
			if an[av[i]] == "" {
				continue
			}
			if bn[bv[i]] == "" {
				return false
			}
			if q, ok := parent[av[i]]; ok && q != bv[i] {
				return false
			}
			parent[av[i]] = bv[i]
		}
	}
	if len(parent) == 0 {
		return false
	}
	// counts[pi][A value]: people per A-group in each population.
	counts := make([]map[int32]int, len(pops))
	for pi, p := range pops {
		counts[pi] = map[int32]int{}
		seen := map[[2]int32]bool{}
		for _, i := range p.members {
			k := [2]int32{av[i], x.person[i]}
			if seen[k] {
				continue
			}
			seen[k] = true
			counts[pi][av[i]]++
		}
	}
	size := func(v int32) int {
		m := 0
		for pi := range pops {
			m = max(m, counts[pi][v])
		}
		return m
	}
	hidden := func(v int32) bool { return ga.Status[an[v]] != Shown }
	var hide []int32
	children := map[int32][]int32{}
	for v, p := range parent {
		children[p] = append(children[p], v)
	}
	for p, kids := range children {
		sort.Slice(kids, func(i, j int) bool {
			if si, sj := size(kids[i]), size(kids[j]); si != sj {
				return si < sj
			}
			return an[kids[i]] < an[kids[j]]
		})
		if gb.Status[bn[p]] != Shown {
			for _, v := range kids { // rule 1
				if !hidden(v) {
					hide = append(hide, v)
				}
			}
			continue
		}
		gone := map[int32]bool{}
		small := func() bool { // rule 2
			for pi := range pops {
				n := 0
				for _, v := range kids {
					if hidden(v) || gone[v] {
						n += counts[pi][v]
					}
				}
				if r.Small(n) {
					return true
				}
			}
			return false
		}
		for _, v := range kids {
			if !small() {
				break
			}
			if !hidden(v) && !gone[v] {
				gone[v] = true
				hide = append(hide, v)
			}
		}
	}
	if len(hide) == 0 {
		return false
	}
	status := Suppressed
	if r.SmallGroups == Pool {
		status = Pooled
		if ga.Pool == "" {
			ga.Pool = r.PoolLabelAmong(ga.By, takenBy(ga.Status))
		}
	}
	for _, v := range hide {
		ga.Status[an[v]] = status
	}
	return true
}

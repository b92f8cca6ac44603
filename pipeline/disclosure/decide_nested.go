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
// not. Empty values (respondents without one) count where they are shown or pooled
// but are never hidden here.
func nest(strand map[string]*Grouping, bys []string, x *index, pops []resolved, r Rules) {
	if len(pops) == 0 {
		return
	}
	// Strict nestings first (every A value within one B value), then the partial ones
	// (attack 12 F5), so that a partial pair does not hide for a pool that a strict pair
	// is about to enlarge.
	for _, partial := range []bool{false, true} {
		for round := 0; round < 2*len(bys)+2; round++ {
			changed := false
			for _, a := range bys {
				for _, b := range bys {
					if a != b && strand[a] != nil && strand[b] != nil && nestPair(strand[a], strand[b], x, pops, r, partial) {
						changed = true
					}
				}
			}
			if !changed {
				break
			}
		}
	}
}

// nestPair applies the two rules of nest to A = ga within B = gb; it reports whether it
// hid anything; a partial nesting (not every A-group inside one B-group) only when
// partial is set. An A-group lies in b when all its members do ("Bergdorp-Noord" in
// Bergdorp); an A-group that spans several B-groups ("Centrum" in Bergdorp and in
// Zeeveen, one wijk name in two gemeenten, attack 12 F5) lies in none, but its part in b
// is what b minus the shown A-groups inside it gives (Bergdorp 33 - Bergdorp-Noord 30:
// the 3 of Bergdorp's Centrum). So rule 2 asks, per population, that
//
//	rest(b) = |b| - Σ |a| over shown A-groups a inside b - |A's pool| when it lies in b
//
// is 0 or at least MinCell (the pool counts: disclosure.csv lists its members); rest
// includes b's respondents in A-groups that span b and others and those without an A
// value. While rest is small the smallest shown A-group inside b is hidden; where that
// cannot help (no such group left, or the pool then lies in b and takes the same
// people out again), b itself is hidden in B instead and the A-groups hidden for it
// are shown again. Rule 1 hides the A-groups inside a B-group that B does not show.
func nestPair(ga, gb *Grouping, x *index, pops []resolved, r Rules, partial bool) bool {
	av, an := x.valuesOf(ga.By)
	bv, bn := x.valuesOf(gb.By)
	// For each A value the B value of its members (first), or that they have several
	// (spread); parents lists the A values that have members, in order. Slices by value
	// number, not maps: this runs over every member of every population for each pair of
	// groupings, nested or not (on a national study millions of look-ups).
	const noB, unseen = -1, -2
	first := make([]int32, len(an))
	for v := range first {
		first[v] = unseen
	}
	spread := make([]bool, len(an))
	for _, p := range pops {
		for _, i := range p.members {
			a, b := av[i], bv[i]
			if bn[b] == "" {
				b = noB
			}
			switch first[a] {
			case unseen:
				first[a] = b
			case b:
			default:
				spread[a] = true
			}
		}
	}
	var parents []int32
	for v, b := range first {
		if b != unseen {
			parents = append(parents, int32(v))
		}
	}
	// lies: A value -> the one B value it lies in; inside: the same without the
	// respondents with no A value, who count but are never hidden here.
	lies, inside := map[int32]int32{}, map[int32]int32{}
	for _, v := range parents {
		if b := first[v]; !spread[v] && b != noB {
			lies[v] = b
			if an[v] != "" {
				inside[v] = b
			}
		}
	}
	if len(inside) == 0 {
		return false
	}
	// counts[pi][A value] and sizes[pi][B value]: people per group in each population.
	counts := make([]map[int32]int, len(pops))
	sizes := make([]map[int32]int, len(pops))
	for pi, p := range pops {
		counts[pi], sizes[pi] = map[int32]int{}, map[int32]int{}
		seenA, seenB := map[[2]int32]bool{}, map[[2]int32]bool{}
		for _, i := range p.members {
			if k := [2]int32{av[i], x.person[i]}; !seenA[k] {
				seenA[k] = true
				counts[pi][av[i]]++
			}
			if k := [2]int32{bv[i], x.person[i]}; !seenB[k] {
				seenB[k] = true
				sizes[pi][bv[i]]++
			}
		}
	}
	size := func(v int32) int {
		m := 0
		for pi := range pops {
			m = max(m, counts[pi][v])
		}
		return m
	}
	status := Suppressed
	if r.SmallGroups == Pool {
		status = Pooled
	}
	hide := func(g *Grouping, name string) {
		if status == Pooled && g.Pool == "" {
			g.Pool = r.PoolLabelAmong(g.By, takenBy(g.Status))
		}
		g.Status[name] = status
	}
	shown := func(v int32) bool { return ga.Status[an[v]] == Shown }
	// strict: every A value lies in one B value (wijken within gemeenten as named).
	// Otherwise the B-groups that B pools count as one, its pool, which is shown: rule 2
	// applies to it as to a shown B-group, rule 1 only to suppressed B-groups (an A-group
	// within a pooled one shown is then no more than a part of the pool).
	strict := true
	for _, v := range parents {
		if _, ok := inside[v]; !ok && an[v] != "" {
			strict = false
		}
	}
	if !strict && !partial {
		return false
	}
	const poolB = -2
	home := func(v int32) (int32, bool) { // the B-group (or B's pool) A value v lies in
		b, ok := lies[v]
		if ok && !strict && status == Pooled && gb.Status[bn[b]] == Pooled {
			return poolB, true
		}
		return b, ok
	}
	for pi := range pops {
		pooled := 0
		for b, n := range sizes[pi] {
			if !strict && status == Pooled && bn[b] != "" && gb.Status[bn[b]] == Pooled {
				pooled += n
			}
		}
		sizes[pi][poolB] = pooled
	}
	children := map[int32][]int32{}
	for v := range inside {
		b, _ := home(v)
		children[b] = append(children[b], v)
	}
	var bs []int32
	for b := range children {
		bs = append(bs, b)
	}
	name := func(b int32) string {
		if b == poolB {
			return "\x00"
		}
		return bn[b]
	}
	sort.Slice(bs, func(i, j int) bool { return name(bs[i]) < name(bs[j]) })
	changed := false
	for _, b := range bs {
		kids := children[b]
		sort.Slice(kids, func(i, j int) bool {
			if si, sj := size(kids[i]), size(kids[j]); si != sj {
				return si < sj
			}
			return an[kids[i]] < an[kids[j]]
		})
		if b != poolB && gb.Status[bn[b]] != Shown {
			for _, v := range kids { // rule 1
				if shown(v) {
					hide(ga, an[v])
					changed = true
				}
			}
			continue
		}
		gone := map[int32]bool{}
		// poolInside: A's pool (its pooled values and those gone) is shown and lies in b.
		poolInside := func() bool {
			if status != Pooled {
				return false
			}
			any := false
			for _, v := range parents {
				if ga.Status[an[v]] == Pooled || gone[v] {
					if q, ok := home(v); !ok || q != b {
						return false
					}
					any = true
				}
			}
			return any
		}
		small := func() bool { // rule 2
			pool := poolInside()
			for pi := range pops {
				rest := sizes[pi][b]
				for _, v := range parents {
					if q, ok := home(v); ok && q == b && shown(v) && !gone[v] {
						rest -= counts[pi][v]
					} else if pool && (ga.Status[an[v]] == Pooled || gone[v]) {
						rest -= counts[pi][v]
					}
				}
				if r.Small(rest) {
					return true
				}
			}
			return false
		}
		if !small() {
			continue
		}
		for _, v := range kids {
			if !small() {
				break
			}
			if shown(v) && !gone[v] {
				gone[v] = true
			}
		}
		changed = true
		if small() && b != poolB {
			hide(gb, bn[b])
			continue
		}
		for _, v := range kids {
			if gone[v] {
				hide(ga, an[v])
			}
		}
	}
	return changed
}

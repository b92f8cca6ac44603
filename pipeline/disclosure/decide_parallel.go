package disclosure

import (
	"runtime"
	"sync"
	"sync/atomic"
)

// strandDecided is one strand's part of the decision: its groupings (nested,
// decide_nested.go), whether some Whole population of it is small (Few), and whether
// it has no members at all (then it takes the other strand's groupings).
type strandDecided struct {
	groupings map[string]*Grouping
	few       bool
	empty     bool
}

// decideStrands decides every strand's groupings, in Strands' order, on all cores.
// The work falls apart into pieces that share nothing but the index, which they only
// read: resolving each population to positions, then each (strand, grouping), then
// nesting each strand's groupings. On a survey of 200,000 respondents (thirty-odd
// populations of that size) that was half a CPU second on one core while the other
// waited (issue 16). Each piece writes only its own result, so the decision is the
// one the pieces make one after the other.
func decideStrands(all []Population, bys []string, x *index, r Rules) []strandDecided {
	x.keepValues(bys) // before the pieces read them side by side
	type piece struct {
		strand int
		pop    Population
	}
	var pieces []piece
	for si, strand := range Strands {
		for _, p := range all {
			if p.Strand == strand {
				pieces = append(pieces, piece{si, p})
			}
		}
	}
	resolvedAll := make([]resolved, len(pieces))
	small := make([]bool, len(pieces))
	inParallel(len(pieces), func(i int) {
		resolvedAll[i] = x.resolve(pieces[i].pop)
		small[i] = pieces[i].pop.Whole && r.Small(x.headcount(resolvedAll[i]))
	})
	out := make([]strandDecided, len(Strands))
	pops := make([][]resolved, len(Strands))
	members := make([][]Population, len(Strands))
	for i, pc := range pieces {
		pops[pc.strand] = append(pops[pc.strand], resolvedAll[i])
		members[pc.strand] = append(members[pc.strand], pc.pop)
		out[pc.strand].few = out[pc.strand].few || small[i]
	}
	decided := make([]*Grouping, len(Strands)*len(bys))
	inParallel(len(decided), func(i int) {
		si, bi := i/len(bys), i%len(bys)
		decided[i] = decideGrouping(bys[bi], x, pops[si], r)
	})
	for si := range Strands {
		out[si].groupings = make(map[string]*Grouping, len(bys))
		for bi, by := range bys {
			out[si].groupings[by] = decided[si*len(bys)+bi]
		}
		out[si].empty = empty(members[si])
	}
	inParallel(len(Strands), func(si int) {
		nest(out[si].groupings, bys, x, pops[si], r) // decide_nested.go
	})
	return out
}

// inParallel calls fn(0) ... fn(n-1), as many at a time as there are cores, and
// returns when all have returned.
func inParallel(n int, fn func(int)) {
	workers := min(n, runtime.GOMAXPROCS(0))
	if workers <= 1 {
		for i := 0; i < n; i++ {
			fn(i)
		}
		return
	}
	var next atomic.Int64
	var wg sync.WaitGroup
	for range workers {
		wg.Go(func() {
			for i := int(next.Add(1) - 1); i < n; i = int(next.Add(1) - 1) {
				fn(i)
			}
		})
	}
	wg.Wait()
}

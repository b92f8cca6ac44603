package stats

import (
	"encoding/binary"
	"math"
	"math/rand/v2"
	"sort"
)

// bootstrapStream is the PCG stream constant next to the caller's seed; any fixed value
// would do, it only has to stay the same so that a seed always gives the same interval.
const bootstrapStream = 0x73616d656e7370 // "samensp"

// minDefinedShare is the share of resamples that must give a defined alpha for
// KrippendorffInterval to report an interval.
const minDefinedShare = 0.9

// KrippendorffResamples returns the alphas of a nonparametric bootstrap over units
// (Efron & Tibshirani 1993, "An introduction to the bootstrap", ch. 6): each of the
// samples resamples draws P units with replacement from the P pairable units of units
// and computes KrippendorffAlpha on them, recomputing both D_o and D_e. An alpha is NaN
// where a resample has no variation. The draws come from math/rand/v2's PCG generator
// seeded with seed, so the same seed gives the same resamples.
//
// How often each unit is drawn follows a multinomial distribution. Units with the same
// values contribute alike, so when the P units fall into fewer than P/10 such patterns
// (code presence by a few coders has at most a dozen) the count per pattern is drawn
// from that multinomial by conditional binomials (gonum distuv.Binomial's algorithm, see
// multinomialDraws), in O(patterns) per resample; otherwise the P units are drawn one by
// one. Both draw the same distribution.
//
// This is the plain unit-resampling bootstrap, not the algorithm of Hayes & Krippendorff
// (2007, "Answering the call for a standard reliability measure for coding data",
// Communication Methods and Measures 1(1):77-89), which resamples pairs of values and
// keeps D_e fixed; the unit bootstrap treats the units as a sample from a population of
// units, which is the question a study's coders ask.
//
// The result is nil when KrippendorffAlpha of units is NaN for a reason other than
// resampling (no pairable unit, an infinite value, a negative ratio value) and a slice of
// NaN when the full data have no variation. KrippendorffResamples panics if samples < 1
// or level is unknown.
func KrippendorffResamples(units [][]float64, level Level, samples int, seed uint64) []float64 {
	checkLevel(level)
	if samples < 1 {
		panic("stats: bootstrap needs at least one sample")
	}
	d, ok := newAlphaData(units, level)
	if !ok || d.pairable() == 0 {
		return nil
	}
	return d.resamples(level, samples, bootstrapSource(seed), len(d.mult)*10 < d.pairable())
}

// resamples draws the bootstrap alphas, by pattern (multinomial) or unit by unit.
func (d *alphaData) resamples(level Level, samples int, src rand.Source, byPattern bool) []float64 {
	rng := rand.New(src)
	p := d.pairable()
	weight := make([]float64, len(d.mult))
	alphas := make([]float64, samples)
	var draws *multinomialDraws
	if byPattern {
		draws = newMultinomialDraws(d.mult, float64(p), src)
	}
	for s := range alphas {
		if byPattern {
			draws.draw(weight)
		} else {
			clear(weight)
			for range p {
				weight[d.unitPattern[rng.IntN(p)]]++
			}
		}
		alphas[s] = d.alpha(level, weight)
	}
	return alphas
}

// KrippendorffInterval returns the 95% percentile bootstrap interval from the alphas of
// KrippendorffResamples: their 2.5th and 97.5th percentiles (gonum stat.Quantile,
// Empirical) among the defined ones.
//
// Both bounds are NaN when there are no resamples, or when fewer than 90% of them give a
// defined alpha (a rare value that many resamples miss), since the percentiles of the
// rest would then overstate the agreement.
func KrippendorffInterval(resamples []float64) (lower, upper float64) {
	defined := make([]float64, 0, len(resamples))
	for _, a := range resamples {
		if !math.IsNaN(a) {
			defined = append(defined, a)
		}
	}
	if len(defined) == 0 || float64(len(defined)) < minDefinedShare*float64(len(resamples)) {
		return math.NaN(), math.NaN()
	}
	// The two order statistics stat.Quantile(p, stat.Empirical, sorted, nil) reads, found
	// by selection instead of a sort of every resample (the same values: the k-th
	// smallest is one number, however ties are arranged).
	lo, hi := empiricalRank(0.025, len(defined)), empiricalRank(0.975, len(defined))
	selectKth(defined, lo)
	selectKth(defined[lo+1:], hi-lo-1)
	return defined[lo], defined[hi]
}

// empiricalRank is the position in n sorted values that stat.Quantile(p,
// stat.Empirical, x, nil) returns: the first i with i + 1 ≥ p·n, as gonum counts.
func empiricalRank(p float64, n int) int {
	fidx := p * float64(n)
	for i := range n {
		if float64(i+1) >= fidx {
			return i
		}
	}
	return n - 1
}

// selectKth reorders x so that x[k] is the value a sort would put there, the values
// before it no greater and those after it no smaller (Hoare's selection with a median
// of three; past 2·log₂n + 8 rounds the rest is sorted, so it never degrades to n²).
// x holds no NaN. Nothing with k outside x.
func selectKth(x []float64, k int) {
	if k < 0 || k >= len(x) {
		return
	}
	lo, hi := 0, len(x)-1
	rounds := 8
	for n := len(x); n > 0; n >>= 1 {
		rounds += 2
	}
	for hi > lo {
		if rounds == 0 || hi-lo < 16 {
			sort.Float64s(x[lo : hi+1])
			return
		}
		rounds--
		mid := lo + (hi-lo)/2
		if x[mid] < x[lo] {
			x[mid], x[lo] = x[lo], x[mid]
		}
		if x[hi] < x[lo] {
			x[hi], x[lo] = x[lo], x[hi]
		}
		if x[hi] < x[mid] {
			x[hi], x[mid] = x[mid], x[hi]
		}
		pivot := x[mid]
		i, j := lo, hi
		for i <= j {
			for x[i] < pivot {
				i++
			}
			for x[j] > pivot {
				j--
			}
			if i <= j {
				x[i], x[j] = x[j], x[i]
				i++
				j--
			}
		}
		// x[lo..j] ≤ pivot ≤ x[i..hi], and x[j+1..i-1] (if any) equal the pivot.
		switch {
		case k <= j:
			hi = j
		case k >= i:
			lo = i
		default:
			return
		}
	}
}

// KrippendorffBootstrap returns the 95% percentile bootstrap interval of Krippendorff's
// alpha, KrippendorffInterval(KrippendorffResamples(units, level, samples, seed)); see
// those for the method. Both bounds are NaN when KrippendorffAlpha(units, level) is NaN
// or when fewer than 90% of the resamples give a defined alpha. KrippendorffBootstrap
// panics if samples < 1 or level is unknown.
func KrippendorffBootstrap(units [][]float64, level Level, samples int, seed uint64) (lower, upper float64) {
	return KrippendorffInterval(KrippendorffResamples(units, level, samples, seed))
}

// KrippendorffClusterResamples is KrippendorffResamples for units that come in clusters,
// such as one segment's decisions on every code of a codebook, which are not independent
// of each other: it resamples whole clusters (the cluster bootstrap, Davison & Hinkley
// 1997, "Bootstrap methods and their application", section 3.8). cluster[i] names the
// cluster of units[i]. Each resample draws C clusters with replacement from the C clusters
// that hold a pairable unit and computes alpha over all their units, recomputing D_o and
// D_e.
//
// Clusters with the same units, counted by pattern, contribute alike; when there are
// fewer than C/10 such kinds the count per kind is drawn from the multinomial by
// conditional binomials, otherwise the C clusters are drawn one by one. The result is nil
// when KrippendorffAlpha of units is NaN for a reason other than resampling, as for
// KrippendorffResamples. It panics if samples < 1, the level is unknown, or cluster and
// units differ in length.
func KrippendorffClusterResamples(units [][]float64, cluster []int, level Level, samples int, seed uint64) []float64 {
	checkLevel(level)
	if samples < 1 {
		panic("stats: bootstrap needs at least one sample")
	}
	if len(cluster) != len(units) {
		panic("stats: one cluster per unit")
	}
	d, ok := newAlphaData(units, level)
	if !ok || d.pairable() == 0 {
		return nil
	}
	// Per cluster, how many units of each pattern it holds.
	members := map[int]map[int]float64{}
	var order []int
	for i, p := range d.rowPattern {
		if p < 0 {
			continue
		}
		c := cluster[i]
		if members[c] == nil {
			members[c] = map[int]float64{}
			order = append(order, c)
		}
		members[c][int(p)]++
	}
	makeup := make([][]patternCount, len(order))
	for ci, c := range order {
		for p, n := range members[c] {
			makeup[ci] = append(makeup[ci], patternCount{p, n})
		}
	}
	return d.clusterResamples(level, makeup, samples, seed)
}

// patternCount is how many units of one pattern a cluster holds.
type patternCount struct {
	pattern int
	count   float64
}

// clusterResamples draws the cluster bootstrap of KrippendorffClusterResamples from the
// make-up of each cluster that holds a pairable unit, in the order of the clusters' first
// pairable units; each make-up is sorted here by pattern.
func (d *alphaData) clusterResamples(level Level, makeup [][]patternCount, samples int, seed uint64) []float64 {
	// Clusters of the same make-up are one kind.
	type kind struct {
		patterns []int
		counts   []float64
	}
	var kinds []kind
	var kindMult []float64
	kindOf := make([]int, len(makeup))
	byKey := map[string]int{}
	var key []byte
	for ci, m := range makeup {
		sort.Slice(m, func(a, b int) bool { return m[a].pattern < m[b].pattern })
		key = key[:0]
		for _, pc := range m {
			key = binary.AppendUvarint(key, uint64(pc.pattern))
			key = binary.AppendUvarint(key, uint64(pc.count))
		}
		k, ok := byKey[string(key)]
		if !ok {
			k = len(kinds)
			byKey[string(key)] = k
			ps := make([]int, len(m))
			counts := make([]float64, len(m))
			for j, pc := range m {
				ps[j], counts[j] = pc.pattern, pc.count
			}
			kinds = append(kinds, kind{ps, counts})
			kindMult = append(kindMult, 0)
		}
		kindMult[k]++
		kindOf[ci] = k
	}
	src := bootstrapSource(seed)
	rng := rand.New(src)
	n := float64(len(makeup))
	byKind := len(kinds)*10 < len(makeup)
	drawn := make([]float64, len(kinds))
	weight := make([]float64, len(d.mult))
	alphas := make([]float64, samples)
	var draws *multinomialDraws
	if byKind {
		draws = newMultinomialDraws(kindMult, n, src)
	}
	for s := range alphas {
		if byKind {
			draws.draw(drawn)
		} else {
			clear(drawn)
			for range makeup {
				drawn[kindOf[rng.IntN(len(makeup))]]++
			}
		}
		clear(weight)
		for k, times := range drawn {
			if times == 0 {
				continue
			}
			for j, p := range kinds[k].patterns {
				weight[p] += times * kinds[k].counts[j]
			}
		}
		alphas[s] = d.alpha(level, weight)
	}
	return alphas
}

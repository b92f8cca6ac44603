package stats

import (
	"math"
)

// PresenceUnits is a reliability data matrix of code presence held as the agreement
// statistics need it: each unit (a row of the matrix) reduced to how many coders gave it
// 1 (applied the code) and how many 0 (coded the unit without it); coders who did not
// code the unit give no value. Which coder gave which value does not matter to alpha,
// percent and positive agreement or Fleiss' kappa, so a unit costs two counts instead of
// a row of floats, and a matrix of a segment × code pair per unit (a codebook of 200
// codes over 50,000 segments: ten million units) needs no more memory than its few
// patterns, a count per cluster and pattern, and, while the matrix is small, a pattern
// per unit.
//
// Every statistic equals, to the last bit, the function of the float matrix it stands
// for (KrippendorffAlpha with Nominal, KrippendorffAgreement, PercentAgreement,
// PositiveAgreement, FleissKappa of the per-unit counts, KrippendorffResamples and
// KrippendorffClusterResamples with the same seed): units are added in the matrix's row
// order, which fixes the order in which patterns are first seen, and so the bootstrap's
// draws.
type PresenceUnits struct {
	coders     int
	maxPattern int // patterns possible with coders coders: pairs (ones, zeros), 2 <= ones + zeros <= coders
	d          alphaData
	ones       []int // per pattern
	zeros      []int
	table      [][]int32 // [ones][zeros] -> pattern + 1
	built      bool
	seen       [2]bool // value 0 and 1 seen in any unit, pairable or not
	rows       int
	// Percent and positive agreement: pairable units agreeing; units with a 1, and with
	// only 1s.
	agreed, anyOne, allOne int
	// Fleiss' kappa, accumulated in row order as FleissKappa does.
	raters        float64
	fleissBad     bool
	pbar          float64
	agreeP        []float64  // per pattern, Fleiss' P_i of a unit of the pattern
	totals        [2]float64 // ones, zeros: FleissKappa's category order of the counts {ones, zeros}
	clusterPos    []int32    // cluster id -> position in makeup + 1
	makeup        [][]patternCount
	clustersAdded bool
	distinct      int // clusters named by any unit
	clusterSeen   []bool
}

// NewPresenceUnits returns an empty matrix for at most coders coders per unit.
func NewPresenceUnits(coders int) *PresenceUnits {
	maxPattern := 0
	for m := 2; m <= coders; m++ {
		maxPattern += m + 1
	}
	return &PresenceUnits{coders: coders, maxPattern: maxPattern, d: alphaData{start: []int{0}}}
}

// Add appends a unit that ones coders gave 1 and zeros coders gave 0. It panics when the
// unit has more values than the matrix has coders, or a negative count.
func (u *PresenceUnits) Add(ones, zeros int) { u.add(ones, zeros, -1) }

// AddInCluster is Add for a unit of cluster (a non-negative id, such as a segment's
// number) for ClusterResamples.
func (u *PresenceUnits) AddInCluster(ones, zeros, cluster int) {
	if cluster < 0 {
		panic("stats: negative cluster")
	}
	u.add(ones, zeros, cluster)
}

// AddRun is count calls of Add(ones, zeros): a code's segments without it, in a row,
// cost one call.
func (u *PresenceUnits) AddRun(ones, zeros, count int) { u.addRun(ones, zeros, count, -1) }

// AddRunInClusters is AddInCluster(ones, zeros, first+i) for i = 0..count-1: one unit
// in each of count clusters numbered from first.
func (u *PresenceUnits) AddRunInClusters(ones, zeros, count, first int) {
	if first < 0 {
		panic("stats: negative cluster")
	}
	u.addRun(ones, zeros, count, first)
}

// addRun adds count units of ones and zeros, in clusters first, first+1, .. (no cluster
// when first < 0), as count calls of add: the units that add treats one by one (the
// first, and those while the per-unit patterns are kept) go through add, the rest at
// once. Counts are whole numbers, so adding them at once gives the same floats; Fleiss'
// P_i is still summed unit by unit, in order.
func (u *PresenceUnits) addRun(ones, zeros, count, first int) {
	next := func() int {
		c := first
		if first >= 0 {
			first++
		}
		return c
	}
	for count > 0 && (u.rows == 0 || u.d.units == 0 || u.d.unitPattern != nil) {
		u.add(ones, zeros, next())
		count--
	}
	if count > 0 {
		u.addUnits(ones, zeros, count, first)
	}
}

// pattern returns the number of the pattern (ones, zeros), n = ones + zeros, made when
// first seen.
func (u *PresenceUnits) pattern(ones, zeros int, n float64) int {
	for ones >= len(u.table) {
		u.table = append(u.table, nil)
	}
	for zeros >= len(u.table[ones]) {
		u.table[ones] = append(u.table[ones], 0)
	}
	p := int(u.table[ones][zeros]) - 1
	if p < 0 {
		p = len(u.d.m)
		u.table[ones][zeros] = int32(p + 1)
		u.ones = append(u.ones, ones)
		u.zeros = append(u.zeros, zeros)
		u.d.m = append(u.d.m, float64(ones+zeros))
		u.d.mult = append(u.d.mult, 0)
		o, z := float64(ones), float64(zeros)
		u.agreeP = append(u.agreeP, (0+o*o+z*z-n)/(n*(n-1)))
	}
	return p
}

// addToCluster counts a unit of pattern p in the cluster's make-up.
func (u *PresenceUnits) addToCluster(cluster, p int) {
	pos := int(u.clusterPos[cluster]) - 1
	if pos < 0 {
		pos = len(u.makeup)
		u.clusterPos[cluster] = int32(pos + 1)
		u.makeup = append(u.makeup, nil)
	}
	m := u.makeup[pos]
	for j := range m {
		if m[j].pattern == p {
			m[j].count++
			return
		}
	}
	u.makeup[pos] = append(m, patternCount{p, 1})
}

func (u *PresenceUnits) add(ones, zeros, cluster int) { u.addUnits(ones, zeros, 1, cluster) }

// addUnits adds count units of ones and zeros, in clusters first, first+1, .. (no
// cluster when first < 0). Beyond one unit it is called only by addRun, once the first
// unit is in and the per-unit patterns are gone, so that raters and unitPattern (kept
// unit by unit) need no count. Counts are whole numbers, so adding them at once gives
// the same floats; Fleiss' P_i is still summed unit by unit, in order.
func (u *PresenceUnits) addUnits(ones, zeros, count, first int) {
	if ones < 0 || zeros < 0 || ones+zeros > u.coders {
		panic("stats: presence unit with more values than coders, or a negative count")
	}
	u.built = false
	if ones > 0 {
		u.seen[1] = true
	}
	if zeros > 0 {
		u.seen[0] = true
	}
	// Fleiss: FleissKappa's row {ones, zeros}; its P_i, a pattern's, is added below.
	n := float64(ones + zeros)
	if u.rows == 0 {
		u.raters = n
	}
	u.rows += count
	if n != u.raters || n < 2 {
		u.fleissBad = true
	}
	u.totals[0] += float64(ones * count)
	u.totals[1] += float64(zeros * count)
	if first >= 0 {
		u.clustersAdded = true
		for first+count > len(u.clusterSeen) {
			u.clusterSeen = append(u.clusterSeen, false)
			u.clusterPos = append(u.clusterPos, 0)
		}
		for c := first; c < first+count; c++ {
			if !u.clusterSeen[c] {
				u.clusterSeen[c] = true
				u.distinct++
			}
		}
	}
	if ones+zeros < 2 {
		return
	}
	if zeros == 0 || ones == 0 {
		u.agreed += count
	}
	if ones > 0 {
		u.anyOne += count
		if zeros == 0 {
			u.allOne += count
		}
	}
	p := u.pattern(ones, zeros, n)
	if !u.fleissBad {
		for range count {
			u.pbar += u.agreeP[p]
		}
	}
	u.d.mult[p] += float64(count)
	u.d.units += count
	// The unit-by-unit bootstrap runs only while units are fewer than ten per pattern;
	// past ten times the patterns possible it never will, so the per-unit patterns go.
	if u.d.unitPattern != nil || u.d.units == 1 {
		if u.d.units > 10*u.maxPattern {
			u.d.unitPattern = nil
		} else {
			u.d.unitPattern = append(u.d.unitPattern, int32(p))
		}
	}
	for c := first; first >= 0 && c < first+count; c++ {
		u.addToCluster(c, p)
	}
}

// data returns the alpha data: the values seen, and each pattern's values in ascending
// order (0 before 1), as newAlphaData reduces the float matrix.
func (u *PresenceUnits) data() *alphaData {
	if u.built {
		return &u.d
	}
	d := &u.d
	d.values = d.values[:0]
	index := map[int]int{}
	for v := range 2 {
		if u.seen[v] {
			index[v] = len(d.values)
			d.values = append(d.values, float64(v))
		}
	}
	d.start, d.index, d.count, d.two = d.start[:1], d.index[:0], d.count[:0], d.two[:0]
	for p := range u.ones {
		if u.zeros[p] > 0 {
			d.index = append(d.index, index[0])
			d.count = append(d.count, float64(u.zeros[p]))
		}
		if u.ones[p] > 0 {
			d.index = append(d.index, index[1])
			d.count = append(d.count, float64(u.ones[p]))
		}
		d.start = append(d.start, len(d.index))
	}
	u.built = true
	return d
}

// Units returns the number of units added.
func (u *PresenceUnits) Units() int { return u.rows }

// Pairable returns the number of units with two or more values.
func (u *PresenceUnits) Pairable() int { return u.d.units }

// Clusters returns the number of distinct clusters named by AddInCluster.
func (u *PresenceUnits) Clusters() int { return u.distinct }

// Alpha is KrippendorffAlpha(units, Nominal) of the matrix.
func (u *PresenceUnits) Alpha() float64 { return u.data().alpha(Nominal, nil) }

// Agreement is KrippendorffAgreement of the matrix.
func (u *PresenceUnits) Agreement() (observed, expected float64) {
	if u.d.units == 0 {
		return math.NaN(), math.NaN()
	}
	return u.data().agreement()
}

// PercentAgreement is PercentAgreement of the matrix: the share of pairable units whose
// values are all equal; NaN without a pairable unit.
func (u *PresenceUnits) PercentAgreement() float64 {
	if u.d.units == 0 {
		return math.NaN()
	}
	return float64(u.agreed) / float64(u.d.units)
}

// PositiveAgreement is PositiveAgreement of the matrix: among the pairable units with a
// 1, the share with only 1s; NaN without one.
func (u *PresenceUnits) PositiveAgreement() float64 {
	if u.anyOne == 0 {
		return math.NaN()
	}
	return float64(u.allOne) / float64(u.anyOne)
}

// FleissKappa is FleissKappa of the per-unit counts {ones, zeros}: NaN without units,
// where units differ in their number of values or have fewer than two, or where every
// value is the same.
func (u *PresenceUnits) FleissKappa() float64 {
	if u.rows == 0 || u.fleissBad {
		return math.NaN()
	}
	subjects := float64(u.rows)
	pbar := u.pbar / subjects
	var pe float64
	for _, t := range u.totals {
		p := t / (subjects * u.raters)
		pe += p * p
	}
	if pe >= 1 {
		return math.NaN()
	}
	return (pbar - pe) / (1 - pe)
}

// Resamples is KrippendorffResamples(units, Nominal, samples, seed) of the matrix: nil
// without a pairable unit. It panics if samples < 1.
func (u *PresenceUnits) Resamples(samples int, seed uint64) []float64 {
	if samples < 1 {
		panic("stats: bootstrap needs at least one sample")
	}
	if u.d.units == 0 {
		return nil
	}
	d := u.data()
	return d.resamples(Nominal, samples, bootstrapSource(seed), len(d.mult)*10 < d.pairable())
}

// ClusterResamples is KrippendorffClusterResamples(units, cluster, Nominal, samples,
// seed) of the matrix, with the clusters given to AddInCluster: nil without a pairable
// unit. It panics if samples < 1 or a unit was added without a cluster.
func (u *PresenceUnits) ClusterResamples(samples int, seed uint64) []float64 {
	if samples < 1 {
		panic("stats: bootstrap needs at least one sample")
	}
	if u.rows > 0 && !u.clustersAdded {
		panic("stats: one cluster per unit")
	}
	if u.d.units == 0 {
		return nil
	}
	return u.data().clusterResamples(Nominal, u.makeup, samples, seed)
}

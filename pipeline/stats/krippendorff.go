package stats

import (
	"encoding/binary"
	"math"
	"slices"
	"sort"
)

// Level is a level of measurement: it chooses the difference function (metric) of
// Krippendorff's alpha.
type Level int

const (
	// Nominal: any two different values differ by 1.
	Nominal Level = iota + 1
	// Ordinal: values are ranks; the difference of two values grows with the number of
	// values observed between them.
	Ordinal
	// Interval: the squared difference of the values.
	Interval
	// Ratio: the squared difference relative to the sum; values must not be negative.
	Ratio
)

// String returns the level's name as the methods literature writes it.
func (l Level) String() string {
	switch l {
	case Nominal:
		return "nominal"
	case Ordinal:
		return "ordinal"
	case Interval:
		return "interval"
	case Ratio:
		return "ratio"
	}
	return "unknown level"
}

func checkLevel(l Level) {
	if l < Nominal || l > Ratio {
		panic("stats: unknown level of measurement")
	}
}

// KrippendorffAlpha returns Krippendorff's alpha for any number of coders with missing
// data. units[u][c] is the value that coder c gave unit u, NaN where coder c did not code
// unit u; rows may differ in length. Only pairable units count, those with m_u >= 2
// values. With n_ck the coincidences (each ordered pair of values c, k within a unit
// counted 1 / (m_u - 1) times), n_c = sum_k n_ck and n = sum_c n_c, the number of
// pairable values:
//
//	alpha = 1 - D_o / D_e = 1 - (n - 1) * sum_c sum_k n_ck δ²_ck / sum_c sum_k n_c n_k δ²_ck
//
// with the difference function δ²_ck of the level of measurement:
//
//	Nominal:  δ² = 0 if c = k, else 1
//	Ordinal:  δ² = (sum_{g=c..k} n_g - (n_c + n_k) / 2)^2, values ranked c < g < k
//	Interval: δ² = (c - k)^2
//	Ratio:    δ² = ((c - k) / (c + k))^2, 0 when c = k = 0
//
// (Krippendorff 2011, "Computing Krippendorff's alpha-reliability", Annenberg School for
// Communication, University of Pennsylvania, departmental paper 43; the coefficient in
// Krippendorff 2004, "Content analysis", 2nd ed., ch. 11).
//
// The result is NaN when no unit is pairable (for example a single coder, or coders who
// never coded the same unit), when D_e = 0 (all pairable values identical: no variation,
// so agreement cannot be told from chance), when a value is infinite, or, at the ratio
// level, when a value is negative. Alpha is 1 for perfect agreement and 0 for agreement
// at chance; it can be negative. D_e costs O(V) for nominal and interval data and O(V^2)
// for ordinal and ratio data, V being the number of distinct values. KrippendorffAlpha
// panics if level is not one of Nominal, Ordinal, Interval or Ratio.
func KrippendorffAlpha(units [][]float64, level Level) float64 {
	checkLevel(level)
	d, ok := newAlphaData(units, level)
	if !ok {
		return math.NaN()
	}
	return d.alpha(level, nil)
}

// alphaData is a reliability data matrix (Krippendorff's term) reduced to what alpha
// needs: the distinct values in ascending order, and the pairable units grouped into
// patterns, a pattern being the values of a unit with how many coders gave each. Units
// of one pattern contribute alike, so alpha costs O(patterns), not O(units), and a
// bootstrap resample is a count per pattern. Pattern p's distinct values are
// index[start[p]:start[p+1]] (ascending), count[j] coders giving index[j].
type alphaData struct {
	values      []float64
	start       []int
	index       []int
	count       []float64
	m           []float64   // number of values of each pattern
	mult        []float64   // number of units of each pattern
	units       int         // number of pairable units
	unitPattern []int32     // pattern of each pairable unit, in input order (see PresenceUnits for when it is left out)
	rowPattern  []int32     // pattern of each input row, -1 where it is not pairable
	two         []twoValues // the patterns as alphaTwoValues reads them, made on first use
}

// pairable returns the number of pairable units.
func (d *alphaData) pairable() int { return d.units }

// newAlphaData reduces units; ok is false when a value is infinite, or negative at the
// ratio level.
func newAlphaData(units [][]float64, level Level) (alphaData, bool) {
	seen := map[float64]int{}
	for _, row := range units {
		for _, v := range row {
			switch {
			case math.IsNaN(v):
				continue
			case math.IsInf(v, 0), level == Ratio && v < 0:
				return alphaData{}, false
			}
			seen[v+0] = 0 // +0 folds -0 into 0
		}
	}
	d := alphaData{values: make([]float64, 0, len(seen)), start: []int{0}}
	for v := range seen {
		d.values = append(d.values, v)
	}
	sort.Float64s(d.values)
	for i, v := range d.values {
		seen[v] = i
	}
	patterns := map[string]int{}
	var index []int
	var count []float64
	var key []byte
	for _, row := range units {
		index, count = index[:0], count[:0]
		m := 0.0
		for _, v := range row {
			if math.IsNaN(v) {
				continue
			}
			i := seen[v+0]
			// Insert i in ascending order, or count it again.
			j := 0
			for j < len(index) && index[j] < i {
				j++
			}
			if j < len(index) && index[j] == i {
				count[j]++
			} else {
				index = slices.Insert(index, j, i)
				count = slices.Insert(count, j, 1)
			}
			m++
		}
		if m < 2 {
			d.rowPattern = append(d.rowPattern, -1)
			continue
		}
		key = key[:0]
		for j, i := range index {
			key = binary.AppendUvarint(key, uint64(i))
			key = binary.AppendUvarint(key, uint64(count[j]))
		}
		p, ok := patterns[string(key)]
		if !ok {
			p = len(d.m)
			patterns[string(key)] = p
			d.index = append(d.index, index...)
			d.count = append(d.count, count...)
			d.start = append(d.start, len(d.index))
			d.m = append(d.m, m)
			d.mult = append(d.mult, 0)
		}
		d.mult[p]++
		d.units++
		d.unitPattern = append(d.unitPattern, int32(p))
		d.rowPattern = append(d.rowPattern, int32(p))
	}
	return d, true
}

// alpha computes alpha with pattern p counted weight[p] times (d.mult[p] times, as in the
// data, when weight is nil), which is how the bootstrap resamples units.
func (d *alphaData) alpha(level Level, weight []float64) float64 {
	if d.pairable() == 0 {
		return math.NaN()
	}
	if weight == nil {
		weight = d.mult
	}
	if level == Nominal && len(d.values) <= len(nominalBuf{}) {
		return d.alphaNominal(weight)
	}
	return d.alphaAny(level, weight)
}

// alphaAny is alpha for any level and number of values.
func (d *alphaData) alphaAny(level Level, weight []float64) float64 {
	nc := make([]float64, len(d.values))
	var n float64
	for p, m := range d.m {
		w := weight[p]
		if w == 0 {
			continue
		}
		for j := d.start[p]; j < d.start[p+1]; j++ {
			nc[d.index[j]] += w * d.count[j]
		}
		n += w * m
	}
	// One value only: no variation. Checked here, not through D_e = 0, because rounding
	// in the interval shortcut can leave a D_e of 1e-33.
	distinct := 0
	for _, x := range nc {
		if x > 0 {
			distinct++
		}
	}
	if distinct < 2 {
		return math.NaN()
	}
	delta := d.difference(level, nc)

	// Observed: sum over units of the unit's ordered pairs of different values.
	var observed float64
	for p, m := range d.m {
		w := weight[p]
		from, to := d.start[p], d.start[p+1]
		if w == 0 || to-from < 2 {
			continue
		}
		var s float64
		for a := from; a < to; a++ {
			for b := a + 1; b < to; b++ {
				s += 2 * d.count[a] * d.count[b] * delta(d.index[a], d.index[b])
			}
		}
		observed += w * s / (m - 1)
	}

	expected := d.expected(level, nc, n, delta)
	if !(expected > 0) {
		return math.NaN()
	}
	return 1 - (n-1)*observed/expected
}

// nominalBuf holds the marginal counts of alphaNominal.
type nominalBuf [8]float64

// alphaNominal is alpha(Nominal, weight) for data of at most len(nominalBuf) values,
// as the bootstrap computes it thousands of times: the same operations in the same
// order (so the same bits), with the marginal counts on the stack and δ² = 1 written
// out (a pattern's values are distinct, and x·1 = x).
func (d *alphaData) alphaNominal(weight []float64) float64 {
	if len(d.values) == 2 {
		return d.alphaTwoValues(weight)
	}
	var buf nominalBuf
	nc := buf[:len(d.values)]
	var n float64
	for p, m := range d.m {
		w := weight[p]
		if w == 0 {
			continue
		}
		for j := d.start[p]; j < d.start[p+1]; j++ {
			nc[d.index[j]] += w * d.count[j]
		}
		n += w * m
	}
	distinct := 0
	for _, x := range nc {
		if x > 0 {
			distinct++
		}
	}
	if distinct < 2 {
		return math.NaN()
	}
	var observed float64
	for p, m := range d.m {
		w := weight[p]
		from, to := d.start[p], d.start[p+1]
		if w == 0 || to-from < 2 {
			continue
		}
		var s float64
		for a := from; a < to; a++ {
			for b := a + 1; b < to; b++ {
				s += 2 * d.count[a] * d.count[b]
			}
		}
		observed += w * s / (m - 1)
	}
	expected := n * n
	for _, x := range nc {
		expected -= x * x
	}
	if !(expected > 0) {
		return math.NaN()
	}
	return 1 - (n-1)*observed/expected
}

// twoValues is a pattern of data with two distinct values, as alphaTwoValues reads it:
// how many coders gave the first value and the second (c0, c1; has0 and has1 where the
// pattern holds the value), and m, the pattern's number of values.
type twoValues struct {
	c0, c1, m  float64
	has0, has1 bool
}

// alphaTwoValues is alphaNominal for data of two distinct values (code presence), over
// the patterns laid out as twoValues (made once): the same operations in the same order.
func (d *alphaData) alphaTwoValues(weight []float64) float64 {
	if len(d.two) != len(d.m) {
		d.two = d.two[:0]
		for p, m := range d.m {
			t := twoValues{m: m}
			for j := d.start[p]; j < d.start[p+1]; j++ {
				if d.index[j] == 0 {
					t.c0, t.has0 = d.count[j], true
				} else {
					t.c1, t.has1 = d.count[j], true
				}
			}
			d.two = append(d.two, t)
		}
	}
	two := d.two[:len(weight)]
	var nc0, nc1, n float64
	for p := range two {
		w, t := weight[p], &two[p]
		if w == 0 {
			continue
		}
		if t.has0 {
			nc0 += w * t.c0
		}
		if t.has1 {
			nc1 += w * t.c1
		}
		n += w * t.m
	}
	if !(nc0 > 0 && nc1 > 0) {
		return math.NaN()
	}
	var observed float64
	for p := range two {
		w, t := weight[p], &two[p]
		if w == 0 || !t.has0 || !t.has1 {
			continue
		}
		var s float64
		s += 2 * t.c0 * t.c1
		observed += w * s / (t.m - 1)
	}
	expected := n*n - nc0*nc0 - nc1*nc1
	if !(expected > 0) {
		return math.NaN()
	}
	return 1 - (n-1)*observed/expected
}

// difference returns δ²_ck for value indexes c and k under the marginal counts nc.
func (d *alphaData) difference(level Level, nc []float64) func(c, k int) float64 {
	switch level {
	case Nominal:
		return func(c, k int) float64 {
			if c == k {
				return 0
			}
			return 1
		}
	case Ordinal:
		// cum[i] = sum_{g < i} n_g, so sum_{g=c..k} n_g = cum[k+1] - cum[c].
		cum := make([]float64, len(nc)+1)
		for i, x := range nc {
			cum[i+1] = cum[i] + x
		}
		return func(c, k int) float64 {
			if c > k {
				c, k = k, c
			}
			x := cum[k+1] - cum[c] - (nc[c]+nc[k])/2
			return x * x
		}
	case Interval:
		return func(c, k int) float64 {
			x := d.values[c] - d.values[k]
			return x * x
		}
	case Ratio:
		return func(c, k int) float64 {
			s := d.values[c] + d.values[k]
			if s == 0 {
				return 0
			}
			x := (d.values[c] - d.values[k]) / s
			return x * x
		}
	}
	panic("stats: unknown level of measurement")
}

// expected returns sum_c sum_k n_c n_k δ²_ck.
func (d *alphaData) expected(level Level, nc []float64, n float64, delta func(c, k int) float64) float64 {
	switch level {
	case Nominal:
		// sum_{c != k} n_c n_k = n^2 - sum_c n_c^2
		s := n * n
		for _, x := range nc {
			s -= x * x
		}
		return s
	case Interval:
		// sum_c sum_k n_c n_k (c - k)^2 = 2 n sum_c n_c (c - mean)^2, centred for accuracy.
		var mean float64
		for i, x := range nc {
			mean += x * d.values[i]
		}
		mean /= n
		var ss float64
		for i, x := range nc {
			dev := d.values[i] - mean
			ss += x * dev * dev
		}
		return 2 * n * ss
	}
	var s float64
	for c, x := range nc {
		if x == 0 {
			continue
		}
		for k := c + 1; k < len(nc); k++ {
			if nc[k] != 0 {
				s += 2 * x * nc[k] * delta(c, k)
			}
		}
	}
	return s
}

// agreement returns the observed and expected nominal agreement of KrippendorffAgreement;
// d has a pairable unit.
func (d *alphaData) agreement() (observed, expected float64) {
	nc := make([]float64, len(d.values))
	var n, same float64
	for p, m := range d.m {
		w := d.mult[p]
		for j := d.start[p]; j < d.start[p+1]; j++ {
			c := d.count[j]
			nc[d.index[j]] += w * c
			same += w * c * (c - 1) / (m - 1)
		}
		n += w * m
	}
	var e float64
	for _, x := range nc {
		e += x * (x - 1)
	}
	return same / n, e / (n * (n - 1))
}

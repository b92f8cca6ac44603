package stats

import (
	"math"
	"math/rand/v2"
)

// multinomialDraws draws Multinomial(n; mult/n) as conditional binomials, one draw per
// call of draw, for a bootstrap that draws the same multinomial thousands of times.
//
// Each binomial is drawn by the algorithm of gonum's distuv.Binomial.Rand (Numerical
// Recipes in C, 2nd ed., section 7.3, with gonum's rejection from a Cauchy proposal
// where n ≥ 25 and n·min(p, 1−p) ≥ 1, and from a Poisson proposal where the mean is
// below 1), written out here rather than called because, called thousands of times per
// code, most of its time went into recomputing the same logarithms: lgamma(n+1),
// lgamma(k+1) and lgamma(n−k+1) on every proposal and log p and log(1−p) on every call.
// Here lgamma(k+1) is looked up in a table filled on first use, and log p and log(1−p)
// are kept per kind, whose p = mult_k / (items of kinds k..) is the same in every
// resample. The table holds math.Lgamma's own values and every other expression is
// gonum's, term for term, so each variate, and the random numbers consumed to make it,
// are those of distuv.Binomial.Rand with the same source (TestMultinomialDrawsAsGonum):
// a seed gives the intervals it gave before. gonum offers no sampler that keeps state
// between calls, and the faster exact samplers (BTPE, Kachitvichyanukul & Schmeiser
// 1988) would draw other numbers from the same seed.
//
// The Cauchy proposal's acceptance bound needs exp(lgamma(n+1) − lgamma(em+1) −
// lgamma(n−em+1) + em·log p + (n−em)·log(1−p)), the binomial probability of em, which
// depends on the kind, the draws left (n) and em only; a presence bootstrap draws its
// first kind from the same n in every resample and its other kinds from a few n, so the
// value is kept per (kind, n, em) once computed (the same expression, so the same
// bits), for the em near the mean of a (kind, n) that comes up often (pmfRow), up to
// maxPMFCache values. With a *rand.PCG source, or the bootstrap's shared stream
// (bootstrap_stream.go, which also keeps the Cauchy proposals' tangents), the uniform
// variates are taken from it directly, as rand.Rand.Float64 makes them, without the
// interface call; the direct method counts the variates below p without a branch.
type multinomialDraws struct {
	mult   []float64
	n      float64
	rnd    *rand.Rand
	pcg    *rand.PCG     // the source, when it is a PCG
	st     *streamCursor // the source, when it is the bootstrap's shared stream
	p      []float64     // per kind: mult_k / items of kinds k..
	q      []float64     // min(p, 1 − p)
	logs   []bool        // qlog, qclog computed
	qlog   []float64     // log q
	qclog  []float64     // log(1 − q), as math.Log1p(−q)
	lgamma [][]float64   // lgamma[k/lgammaPage][k%lgammaPage] = math.Lgamma(k + 1), NaN until needed
	// pmf[k][n] is, for kind k and n draws left, the Cauchy bound's exp term per em (NaN
	// until computed), made when needed; cached counts the values allocated.
	pmf    []pmfRows
	cached int
}

// maxPMFCache is the most values of the Cauchy bound's exp term multinomialDraws keeps
// (8 MB); past it the term is computed each time, which gives the same value.
const maxPMFCache = 1 << 20

// newMultinomialDraws returns the draws of Multinomial(n; mult/n) from src: n draws with
// replacement from n items of which mult[k] are of kind k.
func newMultinomialDraws(mult []float64, n float64, src rand.Source) *multinomialDraws {
	pcg, _ := src.(*rand.PCG)
	st, _ := src.(*streamCursor)
	m := &multinomialDraws{mult: mult, n: n, rnd: rand.New(src), pcg: pcg, st: st,
		p: make([]float64, len(mult)), q: make([]float64, len(mult)),
		logs: make([]bool, len(mult)), qlog: make([]float64, len(mult)), qclog: make([]float64, len(mult))}
	mass := n
	for k, c := range mult {
		m.p[k] = c / mass
		m.q[k] = m.p[k]
		if m.q[k] > 0.5 {
			m.q[k] = 1 - m.q[k]
		}
		mass -= c
	}
	return m
}

// draw puts how often each kind is drawn into out: kind k gets Binomial(draws left,
// mult_k / items of kinds k..), the last kind with items gets the draws left, and kinds
// after the draws ran out get 0.
func (m *multinomialDraws) draw(out []float64) {
	left, mass := m.n, m.n
	for k, c := range m.mult {
		switch {
		case left == 0:
			out[k] = 0
		case c >= mass:
			out[k] = left
		default:
			out[k] = m.binomial(k, left)
		}
		left -= out[k]
		mass -= c
	}
}

// float64 is m.rnd.Float64(), from the PCG or the shared stream directly where the
// source is one.
func (m *multinomialDraws) float64() float64 {
	return float64(m.uint64()<<11>>11) / (1 << 53)
}

// uint64 is the source's next number, m.rnd.Uint64().
func (m *multinomialDraws) uint64() uint64 {
	switch {
	case m.st != nil:
		return m.st.Uint64()
	case m.pcg != nil:
		return m.pcg.Uint64()
	}
	return m.rnd.Uint64()
}

// tanPi is math.Tan(math.Pi * m.float64()); the shared stream keeps the value for the
// next bootstrap of the same seed (bootstrap_stream.go).
func (m *multinomialDraws) tanPi() float64 {
	if m.st != nil {
		return m.st.tanPi()
	}
	return math.Tan(math.Pi * m.float64())
}

// binomial draws Binomial(n, p_k) as distuv.Binomial{N: n, P: p_k}.Rand() does.
func (m *multinomialDraws) binomial(k int, n float64) float64 {
	p := m.q[k]
	flip := p != m.p[k]
	am := n * p
	if n < 25 {
		// The direct method.
		// u < p with u = x / 2⁵³ (x the top 53 bits of a number, as rand.Rand.Float64
		// makes u) is x < p·2⁵³, scaling by a power of two being exact, and for a whole
		// x that is x < ⌈p·2⁵³⌉; counted without a branch, which half the numbers would
		// mispredict ((x − lim) has its top bit set exactly when x < lim, both below 2⁵³).
		lim := uint64(math.Ceil(p * (1 << 53)))
		var below uint64
		switch {
		case m.st != nil:
			below = m.st.countBelow(int(n), lim)
		case m.pcg != nil:
			for i := 0; i < int(n); i++ {
				below += (m.pcg.Uint64()<<11>>11 - lim) >> 63
			}
		default:
			for i := 0; i < int(n); i++ {
				below += (m.rnd.Uint64()<<11>>11 - lim) >> 63
			}
		}
		bnl := float64(below)
		if flip {
			return n - bnl
		}
		return bnl
	}
	if am < 1 {
		// Rejection from a Poisson proposal.
		const logM = 2.6e-2
		var bnl float64
		z := -p
		pclog := (1 + 0.5*z) * z / (1 + (1+1.0/6*z)*z)
		for {
			bnl = 0.0
			t := 0.0
			for i := 0; i < int(n); i++ {
				t += m.rnd.ExpFloat64()
				if t >= am {
					break
				}
				bnl++
			}
			bnlc := n - bnl
			z = -bnl / n
			log1p := (1 + 0.5*z) * z / (1 + (1+1.0/6*z)*z)
			t = (bnlc+0.5)*log1p + bnl - bnlc*pclog + 1/(12*bnlc) - am + logM
			if m.rnd.ExpFloat64() >= t {
				break
			}
		}
		if flip {
			return n - bnl
		}
		return bnl
	}
	// Rejection from a Cauchy proposal.
	if !m.logs[k] {
		m.qlog[k], m.qclog[k] = math.Log(p), math.Log1p(-p)
		m.logs[k] = true
	}
	plog, pclog := m.qlog[k], m.qclog[k]
	sq := math.Sqrt(2 * am * (1 - p))
	pmf, from := m.pmfRow(k, n, am, sq)
	for {
		var em, y float64
		for {
			y = m.tanPi()
			em = sq*y + am
			if em >= 0 && em < n+1 {
				break
			}
		}
		em = math.Floor(em)
		var e float64
		j := int(em) - from
		if j >= 0 && j < len(pmf) && !math.IsNaN(pmf[j]) {
			e = pmf[j]
		} else {
			g := m.logGammaPlus1(n)
			lg1 := m.logGammaPlus1(em)
			lg2 := m.logGammaPlus1(n - em)
			e = math.Exp(g - lg1 - lg2 + em*plog + (n-em)*pclog)
			if j >= 0 && j < len(pmf) {
				pmf[j] = e
			}
		}
		t := 1.2 * sq * (1 + y*y) * e
		if m.float64() <= t {
			if flip {
				return n - em
			}
			return em
		}
	}
}

// pmfRow returns the row of kept exp terms for kind k and n draws left (see
// multinomialDraws): row[j] for em = from + j, over the em within about 8 standard
// deviations of the mean am (sq is about 1.4 of them), where nearly every proposal
// falls; nil once maxPMFCache values are kept.
func (m *multinomialDraws) pmfRow(k int, n, am, sq float64) (row []float64, from int) {
	if m.pmf == nil {
		m.pmf = make([]pmfRows, len(m.mult))
	}
	r := &m.pmf[k]
	i := int(n)
	// The rows cover the n seen so far, lo.. : a kind's draws left stay near one value.
	switch {
	case r.rows == nil:
		r.lo = i
	case i < r.lo:
		r.rows = append(make([]pmfRow, r.lo-i), r.rows...)
		r.lo = i
	}
	for i-r.lo >= len(r.rows) {
		r.rows = append(r.rows, pmfRow{})
	}
	pr := &r.rows[i-r.lo]
	if pr.values == nil {
		w := int(6*sq) + 8
		from, to := max(0, int(am)-w), min(i, int(am)+w)
		// A row pays once its (k, n) has come up about an eighth of its length times:
		// the first kind draws from the same n every time, a later kind from n that
		// spread with the draws before it.
		pr.visits++
		if pr.visits < (to-from+1)/8 || m.cached+to-from+1 > maxPMFCache {
			return nil, 0
		}
		pr.from, pr.values = from, make([]float64, to-from+1)
		for j := range pr.values {
			pr.values[j] = math.NaN()
		}
		m.cached += len(pr.values)
	}
	return pr.values, pr.from
}

// pmfRow is the kept exp terms of one kind and n: values[j] for em = from + j.
type pmfRow struct {
	from   int
	values []float64
	visits int // calls for this kind and n while values is nil
}

// pmfRows are one kind's rows of kept exp terms, rows[j] for n = lo + j draws left.
type pmfRows struct {
	lo   int
	rows []pmfRow
}

// logGammaPlus1 returns math.Lgamma(x + 1) for a whole x in 0..n, from the table.
func (m *multinomialDraws) logGammaPlus1(x float64) float64 {
	// In pages of lgammaPage values, made when first needed: the draws need the values
	// near a few points of 0..n only.
	if m.lgamma == nil {
		m.lgamma = make([][]float64, int(m.n)/lgammaPage+1)
	}
	i := int(x)
	page := m.lgamma[i/lgammaPage]
	if page == nil {
		page = make([]float64, lgammaPage)
		for j := range page {
			page[j] = math.NaN()
		}
		m.lgamma[i/lgammaPage] = page
	}
	if v := page[i%lgammaPage]; !math.IsNaN(v) {
		return v
	}
	v, _ := math.Lgamma(x + 1)
	page[i%lgammaPage] = v
	return v
}

// lgammaPage is the number of values of a page of multinomialDraws.lgamma.
const lgammaPage = 512

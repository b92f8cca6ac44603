package analysis

import (
	"fmt"
	"math"
	"math/bits"
	"runtime"
	"slices"
	"sort"
	"strings"
	"sync"

	"github.com/samenspel/samenspel/pipeline/results"
	"github.com/samenspel/samenspel/pipeline/stats"
)

func init() { Stages = append(Stages, Agreement, AgreementAuto) }

// DefaultBootstrapSamples is the number of resamples behind the alpha intervals when the
// study names none: with 1000 the bounds of the example study moved by 0.05 between
// seeds.
const DefaultBootstrapSamples = 5000

// MinBootstrapSegments is the fewest segments for which an alpha gets a bootstrap
// interval, and a kappa its asymptotic interval.
const MinBootstrapSegments = 10

// PooledCode is the code of the row that pools the codes applied at least once.
const PooledCode = "*"

// The methods of the alpha intervals, as the column alpha_ci_method names them.
const (
	// UnitBootstrap: the 2.5th and 97.5th percentiles of alpha over resamples of the
	// segments (stats.KrippendorffResamples).
	UnitBootstrap = "percentile bootstrap of segments"
	// ClusterBootstrap: the same over resamples of whole segments with all their
	// decisions (stats.KrippendorffClusterResamples), for the pooled row.
	ClusterBootstrap = "percentile cluster bootstrap of segments"
)

// presence is the reliability data of one row of the table `agreement`: code presence
// per unit (a segment, or in the pooled row a segment × code pair) and coder, 1 where
// the coder applied the code, 0 where the coder coded the unit without it, no value
// where the coder did not code it. The units go to stats.PresenceUnits as they are added;
// what Cohen's and Light's kappa need of which coder gave which value is counted here.
type presence struct {
	units  *stats.PresenceUnits
	coders int
	// pairs[a][b] (a < b) is the 2×2 table of coders a and b over the units both coded,
	// indexed by their values (0, 1); with two coders Cohen's kappa is pairs[0][1].
	pairs [][][2][2]float64
	// applied counts the pairable units with a 1; ones and values count the values.
	applied      int
	ones, values float64
	sameCount    bool
	firstCount   int
}

func newPresence(coders int) *presence {
	p := &presence{units: stats.NewPresenceUnits(coders), coders: coders, sameCount: true, firstCount: -1,
		pairs: make([][][2][2]float64, coders)}
	for a := range p.pairs {
		p.pairs[a] = make([][2][2]float64, coders)
	}
	return p
}

// add adds a unit: row[j] is coder j's value, -1 where the coder did not code the unit;
// cluster is the unit's segment in the pooled row, -1 elsewhere.
func (p *presence) add(row []int8, cluster int) {
	ones, zeros := 0, 0
	for a, v := range row {
		if v < 0 {
			continue
		}
		if v == 1 {
			ones++
		} else {
			zeros++
		}
		for b := a + 1; b < len(row); b++ {
			if row[b] >= 0 {
				p.pairs[a][b][v][row[b]]++
			}
		}
	}
	if cluster >= 0 {
		p.units.AddInCluster(ones, zeros, cluster)
	} else {
		p.units.Add(ones, zeros)
	}
	count := ones + zeros
	p.ones += float64(ones)
	p.values += float64(count)
	if ones > 0 && count >= 2 {
		p.applied++
	}
	if p.firstCount < 0 {
		p.firstCount = count
	}
	if count != p.firstCount {
		p.sameCount = false
	}
}

// maskCoders is the most coders whose units Agreement counts from bitmasks (unitMasks);
// a variable, so that a test can compare the two ways.
var maskCoders = 64

// unitMasks are the units of agreement (the segments two or more coders coded, in the
// table's order) as bitmasks of the coders (bit j: coder column j): coded[i] has the
// coders who coded unit i, count[i] how many. A code's units are its hits (codeHit, the
// units where a coder applied it, ascending) and, between them, units where every coder
// who coded the unit gave 0: those are added in runs, and their pairs of coders counted
// per mask (kinds, kindOf[i] the number of unit i's mask), not unit by unit.
type unitMasks struct {
	coded     []uint64
	count     []int
	kindOf    []int32
	kinds     []uint64
	values    float64 // the values of all units: the sum of count
	sameCount bool    // every unit has count[0] values
}

// codeHit is a unit where the coders in ones (a mask, as unitMasks.coded) applied a code.
type codeHit struct {
	i    int32
	ones uint64
}

// agreementMasks returns the units of segs (segment numbers) and coder columns cols
// (coder numbers, at most 64) as masks, and per code number its hits.
func (x *codingIndex) agreementMasks(segs, cols []int) (*unitMasks, [][]codeHit) {
	u := &unitMasks{coded: make([]uint64, len(segs)), count: make([]int, len(segs)),
		kindOf: make([]int32, len(segs)), sameCount: true}
	hits := make([][]codeHit, len(x.codes))
	kindNum := map[uint64]int32{}
	for i, sg := range segs {
		var coded uint64
		for j, c := range cols {
			if !x.coded[x.slot(sg, c)] {
				continue
			}
			coded |= 1 << j
			eachBit(x.set(sg, c), func(k int) {
				h := hits[k]
				if n := len(h); n > 0 && h[n-1].i == int32(i) {
					h[n-1].ones |= 1 << j
				} else {
					hits[k] = append(h, codeHit{int32(i), 1 << j})
				}
			})
		}
		u.coded[i] = coded
		u.count[i] = bits.OnesCount64(coded)
		u.values += float64(u.count[i])
		if u.count[i] != u.count[0] {
			u.sameCount = false
		}
		k, ok := kindNum[coded]
		if !ok {
			k = int32(len(u.kinds))
			kindNum[coded] = k
			u.kinds = append(u.kinds, coded)
		}
		u.kindOf[i] = k
	}
	return u, hits
}

// addCode adds one code's units, as add adds them row by row in unit order: with
// clustered, unit i in cluster i (the pooled row's segments). onDisagreement, when set,
// gets each unit where the coders differ, with its row of values (add's row).
func (p *presence) addCode(u *unitMasks, hits []codeHit, clustered bool, onDisagreement func(i int, row []int8)) {
	n := len(u.coded)
	if n == 0 {
		return
	}
	if p.firstCount < 0 {
		p.firstCount = u.count[0]
	}
	if !u.sameCount || u.count[0] != p.firstCount {
		p.sameCount = false
	}
	p.values += u.values
	zeroUnits := make([]int, len(u.kinds)) // units without the code, per mask
	row := make([]int8, p.coders)
	h := 0
	for i := 0; i < n; {
		if h < len(hits) && int(hits[h].i) == i {
			coded, applied := u.coded[i], hits[h].ones
			ones := bits.OnesCount64(applied)
			zeros := u.count[i] - ones
			for a := range row {
				switch {
				case coded&(1<<a) == 0:
					row[a] = -1
				case applied&(1<<a) != 0:
					row[a] = 1
				default:
					row[a] = 0
				}
			}
			for a, v := range row {
				if v < 0 {
					continue
				}
				for b := a + 1; b < len(row); b++ {
					if row[b] >= 0 {
						p.pairs[a][b][v][row[b]]++
					}
				}
			}
			if clustered {
				p.units.AddInCluster(ones, zeros, i)
			} else {
				p.units.Add(ones, zeros)
			}
			p.ones += float64(ones)
			if ones > 0 && u.count[i] >= 2 {
				p.applied++
			}
			if ones > 0 && zeros > 0 && onDisagreement != nil {
				onDisagreement(i, row)
			}
			h++
			i++
			continue
		}
		// The units up to the next hit, in runs of the same number of values.
		end := n
		if h < len(hits) {
			end = int(hits[h].i)
		}
		for i < end {
			j := i
			for j < end && u.count[j] == u.count[i] {
				zeroUnits[u.kindOf[j]]++
				j++
			}
			if clustered {
				p.units.AddRunInClusters(0, u.count[i], j-i, i)
			} else {
				p.units.AddRun(0, u.count[i], j-i)
			}
			i = j
		}
	}
	for k, c := range zeroUnits {
		if c == 0 {
			continue
		}
		mask := u.kinds[k]
		for a := range p.coders {
			for b := a + 1; b < p.coders; b++ {
				if mask&(1<<a) != 0 && mask&(1<<b) != 0 {
					p.pairs[a][b][0][0] += float64(c)
				}
			}
		}
	}
}

// kappa returns Cohen's kappa of coders a and b (stats.CohenKappa of their table; NaN
// where they share no unit or one of them, or both, used one value only), and the table
// in the layout of the two-coder columns: {{both, first only}, {second only, neither}}.
func (p *presence) kappa(a, b int) (kappa float64, confusion [][]float64) {
	t := p.pairs[a][b]
	confusion = [][]float64{{t[1][1], t[1][0]}, {t[0][1], t[0][0]}}
	return stats.CohenKappa([][]float64{{t[0][0], t[0][1]}, {t[1][0], t[1][1]}}), confusion
}

// agreementStats are the coefficients of one row with the reasons for those left empty.
type agreementStats struct {
	units                         int
	percent, cohen, alpha, fleiss float64
	low, high                     float64
	notes                         []string
	// applied counts the units where at least one coder applied the code; positive is
	// the share of those on which every coder did; chance the agreement alpha expects by
	// chance; kappaLow and kappaHigh Cohen's kappa's asymptotic interval; light the mean
	// of the pairwise kappas (more than two coders).
	applied               int
	positive, chance      float64
	kappaLow, kappaHigh   float64
	light                 float64
	ciMethod, reliability string
}

// presenceStats computes a row's coefficients. Cohen's kappa is computed where exactly
// two coders take part, with its asymptotic interval on a per-code row of at least
// MinBootstrapSegments segments (not on the pooled row, whose decisions of one segment
// are not independent); Light's pairwise kappa where more than two take part, and
// Fleiss' kappa where they coded every unit alike in number; the alpha interval is the
// seeded unit bootstrap of stats.KrippendorffResamples, or, on the pooled row, the
// cluster bootstrap of stats.KrippendorffClusterResamples drawing whole segments, drawn
// once so that the note can count the undefined resamples.
func (in *Input) presenceStats(m *presence, coders int, pooled bool) agreementStats {
	s := agreementStats{units: m.units.Units(), percent: math.NaN(), cohen: math.NaN(), alpha: math.NaN(),
		fleiss: math.NaN(), low: math.NaN(), high: math.NaN(), positive: math.NaN(), chance: math.NaN(),
		kappaLow: math.NaN(), kappaHigh: math.NaN(), light: math.NaN()}
	if s.units == 0 {
		s.notes = append(s.notes, in.agreementText(
			"geen segment door twee of meer codeurs gecodeerd",
			"no segment coded by two or more coders"))
		return s
	}
	s.applied = m.applied
	s.percent = m.units.PercentAgreement()
	s.positive = m.units.PositiveAgreement()
	s.alpha = m.units.Alpha()
	s.reliability = stats.AlphaReliability(s.alpha)
	if !math.IsNaN(s.alpha) {
		_, s.chance = m.units.Agreement()
	}
	switch {
	case m.ones == 0:
		s.notes = append(s.notes, in.agreementText(
			"code nooit toegekend: geen variatie",
			"code never applied: no variation"))
	case m.ones == m.values:
		s.notes = append(s.notes, in.agreementText(
			"code door elke codeur aan elk segment toegekend: geen variatie",
			"code applied to every unit by every coder: no variation"))
	}
	if coders == 2 {
		_, confusion := m.kappa(0, 1)
		if !pooled && s.units >= MinBootstrapSegments {
			s.cohen, s.kappaLow, s.kappaHigh = stats.CohenKappaInterval(confusion)
		} else {
			// A large-sample interval of a handful of segments says nothing; and the
			// asymptotic variance takes the decisions as independent, which the codes
			// of one segment are not.
			s.cohen = stats.CohenKappa(confusion)
			if pooled {
				s.notes = append(s.notes, in.agreementText(
					"geen kappa-interval: de beslissingen over één fragment zijn niet onafhankelijk",
					"no kappa interval: the decisions on one segment are not independent"))
			}
		}
	} else {
		// Light's kappa (stats.LightKappa): the mean of the pairs' kappas that are defined.
		var sum float64
		pairs := 0
		for a := 0; a < coders; a++ {
			for b := a + 1; b < coders; b++ {
				if k, _ := m.kappa(a, b); !math.IsNaN(k) {
					sum += k
					pairs++
				}
			}
		}
		if pairs > 0 {
			s.light = sum / float64(pairs)
		}
		s.notes = append(s.notes, in.agreementText(
			fmt.Sprintf("cohen_kappa alleen bij precies twee codeurs (hier %d)", coders),
			fmt.Sprintf("cohen_kappa needs exactly two coders (here %d)", coders)))
		if m.sameCount {
			s.fleiss = m.units.FleissKappa()
		} else {
			s.notes = append(s.notes, in.agreementText(
				"fleiss_kappa vraagt evenveel codeurs per segment",
				"fleiss_kappa needs the same number of coders on every unit"))
		}
	}
	if math.IsNaN(s.alpha) {
		return s
	}
	// A bootstrap of a handful of segments says nothing about the uncertainty.
	segmentsDrawn := s.units
	if pooled {
		segmentsDrawn = m.units.Clusters()
	}
	if segmentsDrawn < MinBootstrapSegments {
		if coders == 2 && !pooled {
			s.notes = append(s.notes, in.agreementText(
				fmt.Sprintf("geen bootstrap- of kappa-interval: minder dan %d segmenten", MinBootstrapSegments),
				fmt.Sprintf("no bootstrap or kappa interval: fewer than %d segments", MinBootstrapSegments)))
		} else {
			s.notes = append(s.notes, in.agreementText(
				fmt.Sprintf("geen bootstrap-interval: minder dan %d segmenten", MinBootstrapSegments),
				fmt.Sprintf("no bootstrap interval: fewer than %d segments", MinBootstrapSegments)))
		}
		return s
	}
	// The pooled row's units are segment × code pairs: a segment's decisions hang
	// together, so its bootstrap draws whole segments.
	var resamples []float64
	if pooled {
		resamples = m.units.ClusterResamples(in.bootstrapSamples(), in.Seed)
		s.ciMethod = ClusterBootstrap
	} else {
		resamples = m.units.Resamples(in.bootstrapSamples(), in.Seed)
		s.ciMethod = UnitBootstrap
	}
	s.low, s.high = stats.KrippendorffInterval(resamples)
	if math.IsNaN(s.low) {
		s.ciMethod = ""
		undefined := 0
		for _, a := range resamples {
			if math.IsNaN(a) {
				undefined++
			}
		}
		s.notes = append(s.notes, in.agreementText(
			fmt.Sprintf("geen bootstrap-interval: alpha onbepaald in %d van %d trekkingen (code zelden toegekend)", undefined, in.bootstrapSamples()),
			fmt.Sprintf("no bootstrap interval: alpha undefined in %d of %d resamples (code rarely applied)", undefined, in.bootstrapSamples())))
	}
	return s
}

// agreementText picks the Dutch or English text for the study's language.
func (in *Input) agreementText(nl, en string) string {
	if in.Language == "en" {
		return en
	}
	return nl
}

// Agreement is the tables `agreement` and `disagreements`: inter-coder agreement on code
// presence among the human coders. The units are the segments that two or more human
// coders coded (a coder coded a segment when the data has a coding row for it, including
// one with an empty code). For each codebook code, a coder's value on a unit is 1 if the
// coder applied the code and 0 if not. Each row gives:
//
//   - coders (sorted, joined with "; ") and units;
//   - percent_agreement, the share of units on which every coder who coded the unit
//     agrees (with more than two coders: all of them), over all decisions, absent-absent
//     included; positive_agreement, the same over the applied units where at least one
//     coder applied the code (stats.PositiveAgreement);
//   - cohen_kappa with its asymptotic 95% interval (kappa_ci_low, kappa_ci_high) where
//     exactly two coders coded the units; fleiss_kappa where more than two coded every
//     unit alike in number, and pairwise_kappa, the mean of Cohen's kappa over the pairs
//     of coders (Light 1971), where more than two took part;
//   - the nominal krippendorff_alpha with missing coders allowed, its chance_agreement
//     (stats.KrippendorffAgreement) and its 95% percentile bootstrap interval
//     (alpha_ci_method, bootstrap_samples resamples seeded with Input.Seed), and
//     alpha_reliability after Krippendorff's thresholds (stats.AlphaReliability);
//   - a note giving the reason for every empty cell.
//
// A last row with code "*" pools the codes that a coder applied at least once on these
// units (codes nobody applied would only add absent-absent agreement): every unit ×
// code pair is a unit, and its interval draws whole segments with all their codes.
//
// `disagreements` lists, for the researchers' consensus meeting, every (segment, code)
// on which the coders who coded the segment differ: segment (its pseudonymised id),
// code, respondent, one 0/1 column per coder (empty where the coder did not code the
// segment) and the segment's text (redacted, shortened like a quote).
func Agreement(in *Input, res *results.Results) {
	t := results.NewTable("agreement",
		results.Column{Name: "code", Kind: results.Text},
		results.Column{Name: "coders", Kind: results.Text},
		results.Column{Name: "units", Kind: results.Int},
		results.Column{Name: "percent_agreement", Kind: results.Share},
		results.Column{Name: "cohen_kappa", Kind: results.Float},
		results.Column{Name: "krippendorff_alpha", Kind: results.Float},
		results.Column{Name: "alpha_ci_low", Kind: results.Float},
		results.Column{Name: "alpha_ci_high", Kind: results.Float},
		results.Column{Name: "note", Kind: results.Text},
		results.Column{Name: "fleiss_kappa", Kind: results.Float},
		results.Column{Name: "applied", Kind: results.Int},
		results.Column{Name: "positive_agreement", Kind: results.Share},
		results.Column{Name: "chance_agreement", Kind: results.Share},
		results.Column{Name: "kappa_ci_low", Kind: results.Float},
		results.Column{Name: "kappa_ci_high", Kind: results.Float},
		results.Column{Name: "pairwise_kappa", Kind: results.Float},
		results.Column{Name: "alpha_ci_method", Kind: results.Text},
		results.Column{Name: "bootstrap_samples", Kind: results.Int},
		results.Column{Name: "alpha_reliability", Kind: results.Text})
	t.Title = map[string]string{
		"nl": "Overeenstemming tussen codeurs",
		"en": "Inter-coder agreement",
	}
	x := in.ids
	// The units: respondent segments that two or more human coders coded, by id; the
	// columns: the human coders of those segments.
	var segs []int
	inUse := make([]bool, len(x.coders))
	for sg := range x.segIDs {
		if !x.respondentSegment(sg) {
			continue
		}
		n := 0
		for c := range x.coders {
			if c != x.auto && x.coded[x.slot(sg, c)] {
				n++
			}
		}
		if n < 2 {
			continue
		}
		segs = append(segs, sg)
		for c := range x.coders {
			if c != x.auto && x.coded[x.slot(sg, c)] {
				inUse[c] = true
			}
		}
	}
	sort.Slice(segs, func(a, b int) bool { return x.segIDs[segs[a]] < x.segIDs[segs[b]] })
	var coders []string
	var cols []int
	for c, ok := range inUse {
		if ok {
			coders = append(coders, x.coders[c])
			cols = append(cols, c)
		}
	}
	names := strings.Join(coders, "; ")

	add := func(code string, s agreementStats) {
		var samples any
		if s.ciMethod != "" {
			samples = in.bootstrapSamples()
		}
		t.Add(code, names, s.units, results.Opt(s.percent), results.Opt(s.cohen),
			results.Opt(s.alpha), results.Opt(s.low), results.Opt(s.high),
			strings.Join(s.notes, "; "), results.Opt(s.fleiss),
			s.applied, results.Opt(s.positive), results.Opt(s.chance),
			results.Opt(s.kappaLow), results.Opt(s.kappaHigh), results.Opt(s.light),
			textOrNil(s.ciMethod), samples, textOrNil(s.reliability))
	}
	// values fills row with the coders' values of code k on segment sg (-1: not coded)
	// and counts the 1s and 0s.
	values := func(row []int8, sg, k int) (ones, zeros int) {
		for j, c := range cols {
			switch {
			case !x.coded[x.slot(sg, c)]:
				row[j] = -1
			case has(x.set(sg, c), k):
				row[j] = 1
				ones++
			default:
				row[j] = 0
				zeros++
			}
		}
		return ones, zeros
	}
	// The codes that some coder applied on these segments: the pooled row's.
	used := make([]uint64, x.words)
	for _, sg := range segs {
		for _, c := range cols {
			for w, word := range x.set(sg, c) {
				used[w] |= word
			}
		}
	}
	// Each code's row, with its bootstrap, is independent of the others': the codes are
	// shared out over the processors, and the pooled row, whose units are each used
	// code's units in turn, code by code, is counted alongside.
	type codeRow struct {
		stats agreementStats
		dis   [][]any
	}
	rows := make([]codeRow, len(x.codes))
	var pooled agreementStats
	var wg sync.WaitGroup
	// With up to maskCoders coders the units are counted from bitmasks of coders (see
	// unitMasks), else row by row; both add the same units in the same order.
	var um *unitMasks
	var hits [][]codeHit
	if len(cols) <= maskCoders {
		um, hits = x.agreementMasks(segs, cols)
	}
	wg.Go(func() {
		m := newPresence(len(coders))
		row := make([]int8, len(cols))
		for k := range x.codes {
			if !has(used, k) {
				continue
			}
			if um != nil {
				m.addCode(um, hits[k], true, nil)
				continue
			}
			for i, sg := range segs {
				values(row, sg, k)
				m.add(row, i)
			}
		}
		pooled = in.presenceStats(m, len(coders), true)
	})
	next := make(chan int)
	for range min(runtime.GOMAXPROCS(0), len(x.codes)) {
		wg.Go(func() {
			row := make([]int8, len(cols))
			for k := range next {
				m := newPresence(len(coders))
				if um != nil {
					m.addCode(um, hits[k], false, func(i int, row []int8) {
						rows[k].dis = append(rows[k].dis, in.disagreement(segs[i], x.codes[k], row))
					})
				} else {
					for _, sg := range segs {
						ones, zeros := values(row, sg, k)
						m.add(row, -1)
						if ones > 0 && zeros > 0 {
							rows[k].dis = append(rows[k].dis, in.disagreement(sg, x.codes[k], row))
						}
					}
				}
				rows[k].stats = in.presenceStats(m, len(coders), false)
			}
		})
	}
	for k := range x.codes {
		next <- k
	}
	close(next)
	wg.Wait()
	dis := disagreementsTable(coders)
	pooledCodes := 0
	for k, code := range x.codes {
		if has(used, k) {
			pooledCodes++
		}
		add(code, rows[k].stats)
		for _, r := range rows[k].dis {
			dis.Add(r...)
		}
	}
	if len(x.codes) > 0 {
		add(PooledCode, pooled)
	}
	res.Add(t)
	// By segment, then the codes in codebook order.
	slices.SortStableFunc(dis.Rows, func(a, b []any) int { return strings.Compare(a[0].(string), b[0].(string)) })
	res.Add(dis)

	if len(segs) == 0 {
		res.Note("agreement",
			"Geen segment is door twee of meer codeurs gecodeerd; de overeenstemming tussen codeurs is niet te berekenen.",
			"No segment was coded by two or more coders, so inter-coder agreement cannot be computed.")
		return
	}
	res.Note("agreement",
		fmt.Sprintf("Overeenstemming over %d segmenten die door twee of meer codeurs (%s) zijn gecodeerd: per code de aan- of afwezigheid van de code. Krippendorffs alfa (nominaal) met een 95%%-percentielbootstrapinterval uit %d trekkingen van segmenten (seed %d); in de rij ‘alle codes’ (de %d codes die ten minste één keer zijn toegekend) worden de segmenten met al hun codes getrokken.", len(segs), names, in.bootstrapSamples(), in.Seed, pooledCodes),
		fmt.Sprintf("Agreement over %d segments coded by two or more coders (%s): per code, the presence or absence of the code. Krippendorff's alpha (nominal) with a 95%% percentile bootstrap interval from %d resamples of segments (seed %d); in the row ‘all codes’ (the %d codes applied at least once) each segment is drawn with all its codes.", len(segs), names, in.bootstrapSamples(), in.Seed, pooledCodes))
}

// disagreementsTable is the empty table `disagreements` with one column per coder.
func disagreementsTable(coders []string) *results.Table {
	cols := []results.Column{
		{Name: "segment", Kind: results.Text},
		{Name: "code", Kind: results.Text},
		{Name: "respondent", Kind: results.Text},
	}
	for _, c := range coders {
		name := c
		switch c {
		case "segment", "code", "respondent", "quote":
			name = "coder_" + c // a coder so named must not repeat a column
		}
		cols = append(cols, results.Column{Name: name, Kind: results.Int})
	}
	cols = append(cols, results.Column{Name: "quote", Kind: results.Text})
	t := results.NewTable("disagreements", cols...)
	t.Title = map[string]string{"nl": "Verschillen tussen codeurs", "en": "Disagreements between coders"}
	return t
}

// disagreement is the row of table `disagreements` of one (segment, code): values holds
// the coders' values, -1 where a coder did not code the segment.
func (in *Input) disagreement(sg int, code string, values []int8) []any {
	seg := in.ids.seg[sg].segment
	row := []any{in.ids.segIDs[sg], code, seg.Respondent}
	for _, v := range values {
		if v < 0 {
			row = append(row, nil)
		} else {
			row = append(row, int(v))
		}
	}
	return append(row, shorten(seg.Text))
}

// AgreementAuto is the table `agreement_auto`: the auto-coder against each human coder,
// per code and pooled (code "*"), over the segments both coded, with the number of units
// (segments, or segment × code pairs in the pooled row), percent agreement on the code's presence, Cohen's kappa, and a note giving
// the reason for an empty cell. The auto-coder runs over every respondent segment and
// writes a row only where a rule fires, so once it has written any row it counts as
// having coded every respondent segment. The table is left out, with a note, when the
// auto-coder wrote no rows.
func AgreementAuto(in *Input, res *results.Results) {
	x := in.ids
	ran := false
	for sg := range x.segIDs {
		if x.auto >= 0 && x.respondentSegment(sg) && x.coded[x.slot(sg, x.auto)] {
			ran = true
			break
		}
	}
	if !ran {
		res.Note("agreement_auto",
			"De automatische codeur heeft niets gecodeerd; er is geen vergelijking met de codeurs.",
			"The auto-coder coded nothing, so there is no comparison with the coders.")
		return
	}
	t := results.NewTable("agreement_auto",
		results.Column{Name: "code", Kind: results.Text},
		results.Column{Name: "human_coder", Kind: results.Text},
		results.Column{Name: "units", Kind: results.Int},
		results.Column{Name: "percent_agreement", Kind: results.Share},
		results.Column{Name: "cohen_kappa", Kind: results.Float},
		results.Column{Name: "note", Kind: results.Text})
	t.Title = map[string]string{
		"nl": "Automatische codeur tegenover de codeurs",
		"en": "Auto-coder against the coders",
	}
	// Per human coder, the segments that both they and the auto-coder coded: every
	// respondent segment a human coded is one the auto-coder ran over.
	var humans []int
	tables := map[int]*confusions{}
	for c := range x.coders {
		if c == x.auto {
			continue
		}
		ct := x.confusions(c, x.respondentSegment, func(sg int) []uint64 {
			if x.coded[x.slot(sg, x.auto)] {
				return x.set(sg, x.auto)
			}
			return nil
		})
		if ct.units > 0 {
			humans = append(humans, c)
			tables[c] = ct
		}
	}
	row := func(code string, coder int, confusion [][]float64) {
		n := confusion[0][0] + confusion[0][1] + confusion[1][0] + confusion[1][1]
		agree := (confusion[0][0] + confusion[1][1]) / n
		kappa := stats.CohenKappa(confusion)
		var note string
		switch {
		case confusion[0][0]+confusion[0][1]+confusion[1][0] == 0:
			note = in.agreementText("code door geen van beide toegekend: geen variatie", "code applied by neither: no variation")
		case confusion[1][1]+confusion[0][1]+confusion[1][0] == 0:
			note = in.agreementText("code door beide aan elk segment toegekend: geen variatie", "code applied to every unit by both: no variation")
		case math.IsNaN(kappa):
			note = in.agreementText("kappa onbepaald: een van beide gebruikt maar één waarde", "kappa undefined: one of the two used a single value")
		}
		t.Add(code, x.coders[coder], int(n), results.Opt(agree), results.Opt(kappa), note)
	}
	for k, code := range x.codes {
		for _, c := range humans {
			row(code, c, tables[c].table(k))
		}
	}
	for _, c := range humans {
		if len(x.codes) > 0 {
			row(PooledCode, c, tables[c].pooled())
		}
	}
	res.Add(t)
}

// confusions are the 2×2 tables of code presence of a human coder against the
// auto-coder, one per code, over the units both coded: both[k] units where both applied
// code k, human[k] the human only, auto[k] the auto-coder only; the rest of the units
// neither.
type confusions struct {
	units             int
	both, human, auto []int
}

// confusions counts, in one pass over the segments that coder c coded and in() admits,
// the tables of every code: autoSet gives the auto-coder's codes of a segment (nil when
// it has none).
func (x *codingIndex) confusions(c int, in func(sg int) bool, autoSet func(sg int) []uint64) *confusions {
	t := &confusions{both: make([]int, len(x.codes)), human: make([]int, len(x.codes)), auto: make([]int, len(x.codes))}
	for sg := range x.segIDs {
		if !x.coded[x.slot(sg, c)] || !in(sg) {
			continue
		}
		t.units++
		h, a := x.set(sg, c), autoSet(sg)
		for w, hw := range h {
			var aw uint64
			if a != nil {
				aw = a[w]
			}
			for _, part := range [...]struct {
				bits uint64
				into []int
			}{{hw & aw, t.both}, {hw &^ aw, t.human}, {aw &^ hw, t.auto}} {
				for b := part.bits; b != 0; b &= b - 1 {
					part.into[w*64+bits.TrailingZeros64(b)]++
				}
			}
		}
	}
	return t
}

// table is code k's table with the human coder's values as rows and the auto-coder's as
// columns, present first: {{both, human only}, {auto only, neither}}.
func (t *confusions) table(k int) [][]float64 {
	neither := t.units - t.both[k] - t.human[k] - t.auto[k]
	return [][]float64{{float64(t.both[k]), float64(t.human[k])}, {float64(t.auto[k]), float64(neither)}}
}

// pooled is the table over every unit × code pair.
func (t *confusions) pooled() [][]float64 {
	var both, human, auto int
	for k := range t.both {
		both += t.both[k]
		human += t.human[k]
		auto += t.auto[k]
	}
	neither := t.units*len(t.both) - both - human - auto
	return [][]float64{{float64(both), float64(human)}, {float64(auto), float64(neither)}}
}

// bootstrapSamples is the number of resamples behind the alpha intervals.
func (in *Input) bootstrapSamples() int {
	if in.BootstrapSamples > 0 {
		return in.BootstrapSamples
	}
	return DefaultBootstrapSamples
}

// textOrNil returns s, or nil (an empty cell) for "".
func textOrNil(s string) any {
	if s == "" {
		return nil
	}
	return s
}

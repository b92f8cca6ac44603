package analysis

import (
	"fmt"
	"math"
	"sort"
	"strings"

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

// codingsBySegment says, per segment and coder, which codebook codes the coder applied;
// an empty set means the coder coded the segment without applying any codebook code (a
// row with an empty or unmapped code).
type codingsBySegment map[string]map[string]map[string]bool

// agreementCodings collects the codings by segment and coder, for the human coders or for
// the auto-coder. Codings of interviewer turns and of unknown segments are left out, as
// in the frequencies.
func (in *Input) agreementCodings(auto bool) codingsBySegment {
	by := codingsBySegment{}
	for _, c := range in.Data.Codings {
		if (c.Coder == AutoCoder) != auto {
			continue
		}
		seg := in.Segment(c.Segment)
		if seg == nil || seg.Interviewer {
			continue
		}
		if by[c.Segment] == nil {
			by[c.Segment] = map[string]map[string]bool{}
		}
		if by[c.Segment][c.Coder] == nil {
			by[c.Segment][c.Coder] = map[string]bool{}
		}
		if c.Code != "" {
			by[c.Segment][c.Coder][c.Code] = true
		}
	}
	return by
}

// agreementCodes returns the codebook's code ids in codebook order.
func (in *Input) agreementCodes() []string {
	var ids []string
	for _, f := range in.Codebook.Factors {
		for _, c := range f.Codes {
			ids = append(ids, c.ID)
		}
	}
	return ids
}

// presenceMatrix is a reliability data matrix of code presence: one row per unit, one
// column per coder, 1 where the coder applied the code, 0 where the coder coded the
// segment without it, NaN where the coder did not code the segment.
type presenceMatrix [][]float64

// presenceOf builds the matrix of one code over the given segments and coders.
func presenceOf(by codingsBySegment, segments, coders []string, code string) presenceMatrix {
	m := make(presenceMatrix, len(segments))
	for i, s := range segments {
		row := make([]float64, len(coders))
		for j, c := range coders {
			codes, ok := by[s][c]
			switch {
			case !ok:
				row[j] = math.NaN()
			case codes[code]:
				row[j] = 1
			}
		}
		m[i] = row
	}
	return m
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
// Fleiss' kappa where they coded every unit alike in number; the alpha interval is the seeded unit bootstrap of stats.KrippendorffResamples,
// or, where cluster names each unit's segment (the pooled row), the cluster bootstrap of
// stats.KrippendorffClusterResamples, drawn once so that the note can count the undefined
// resamples.
func (in *Input) presenceStats(m presenceMatrix, coders int, cluster []int) agreementStats {
	s := agreementStats{units: len(m), percent: math.NaN(), cohen: math.NaN(), alpha: math.NaN(),
		fleiss: math.NaN(), low: math.NaN(), high: math.NaN(), positive: math.NaN(), chance: math.NaN(),
		kappaLow: math.NaN(), kappaHigh: math.NaN(), light: math.NaN()}
	if len(m) == 0 {
		s.notes = append(s.notes, in.agreementText(
			"geen segment door twee of meer codeurs gecodeerd",
			"no segment coded by two or more coders"))
		return s
	}
	var applied, values float64
	sameCount := true
	firstCount := -1
	confusion := [][]float64{{0, 0}, {0, 0}}
	counts := make([][]float64, len(m))
	for i, row := range m {
		count := 0
		counts[i] = []float64{0, 0}
		for _, v := range row {
			if math.IsNaN(v) {
				continue
			}
			count++
			values++
			applied += v
			counts[i][1-int(v)]++
		}
		if counts[i][0] > 0 && count >= 2 {
			s.applied++
		}
		if firstCount < 0 {
			firstCount = count
		}
		if count != firstCount {
			sameCount = false
		}
		if coders == 2 && count == 2 {
			confusion[1-int(row[0])][1-int(row[1])]++
		}
	}
	s.percent = stats.PercentAgreement(m)
	s.positive = stats.PositiveAgreement(m)
	s.alpha = stats.KrippendorffAlpha(m, stats.Nominal)
	s.reliability = stats.AlphaReliability(s.alpha)
	if !math.IsNaN(s.alpha) {
		_, s.chance = stats.KrippendorffAgreement(m)
	}
	switch {
	case applied == 0:
		s.notes = append(s.notes, in.agreementText(
			"code nooit toegekend: geen variatie",
			"code never applied: no variation"))
	case applied == values:
		s.notes = append(s.notes, in.agreementText(
			"code door elke codeur aan elk segment toegekend: geen variatie",
			"code applied to every unit by every coder: no variation"))
	}
	if coders == 2 {
		if cluster == nil && len(m) >= MinBootstrapSegments {
			s.cohen, s.kappaLow, s.kappaHigh = stats.CohenKappaInterval(confusion)
		} else {
			// A large-sample interval of a handful of segments says nothing; and the
			// asymptotic variance takes the decisions as independent, which the codes
			// of one segment are not.
			s.cohen = stats.CohenKappa(confusion)
			if cluster != nil {
				s.notes = append(s.notes, in.agreementText(
					"geen kappa-interval: de beslissingen over één fragment zijn niet onafhankelijk",
					"no kappa interval: the decisions on one segment are not independent"))
			}
		}
	} else {
		s.light = stats.LightKappa(m)
		s.notes = append(s.notes, in.agreementText(
			fmt.Sprintf("cohen_kappa alleen bij precies twee codeurs (hier %d)", coders),
			fmt.Sprintf("cohen_kappa needs exactly two coders (here %d)", coders)))
		if sameCount {
			s.fleiss = stats.FleissKappa(counts)
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
	segmentsDrawn := len(m)
	if cluster != nil {
		distinct := map[int]bool{}
		for _, c := range cluster {
			distinct[c] = true
		}
		segmentsDrawn = len(distinct)
	}
	if segmentsDrawn < MinBootstrapSegments {
		if coders == 2 && cluster == nil {
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
	if cluster != nil {
		resamples = stats.KrippendorffClusterResamples(m, cluster, stats.Nominal, in.bootstrapSamples(), in.Seed)
		s.ciMethod = ClusterBootstrap
	} else {
		resamples = stats.KrippendorffResamples(m, stats.Nominal, in.bootstrapSamples(), in.Seed)
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
	by := in.agreementCodings(false)
	var segments []string
	coderSet := map[string]bool{}
	for s, coders := range by {
		if len(coders) < 2 {
			continue
		}
		segments = append(segments, s)
		for c := range coders {
			coderSet[c] = true
		}
	}
	sort.Strings(segments)
	coders := SortedGroups(coderSet)
	names := strings.Join(coders, "; ")

	add := func(code string, m presenceMatrix, cluster []int) {
		s := in.presenceStats(m, len(coders), cluster)
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
	dis := disagreementsTable(coders)
	var pooled presenceMatrix
	var segmentOf []int
	pooledCodes := 0
	for _, code := range in.agreementCodes() {
		m := presenceOf(by, segments, coders, code)
		used := false
		for i, row := range m {
			ones, zeros := 0, 0
			for _, v := range row {
				switch v {
				case 1:
					ones++
				case 0:
					zeros++
				}
			}
			if ones > 0 {
				used = true
			}
			if ones > 0 && zeros > 0 {
				in.addDisagreement(dis, segments[i], code, row)
			}
		}
		if used {
			pooledCodes++
			pooled = append(pooled, m...)
			for i := range m {
				segmentOf = append(segmentOf, i)
			}
		}
		add(code, m, nil)
	}
	if len(in.agreementCodes()) > 0 {
		add(PooledCode, pooled, segmentOf)
	}
	res.Add(t)
	// By segment, then the codes in codebook order.
	sort.SliceStable(dis.Rows, func(a, b int) bool { return dis.Rows[a][0].(string) < dis.Rows[b][0].(string) })
	res.Add(dis)

	if len(segments) == 0 {
		res.Note("agreement",
			"Geen segment is door twee of meer codeurs gecodeerd; de overeenstemming tussen codeurs is niet te berekenen.",
			"No segment was coded by two or more coders, so inter-coder agreement cannot be computed.")
		return
	}
	res.Note("agreement",
		fmt.Sprintf("Overeenstemming over %d segmenten die door twee of meer codeurs (%s) zijn gecodeerd: per code de aan- of afwezigheid van de code. Krippendorffs alfa (nominaal) met een 95%%-percentielbootstrapinterval uit %d trekkingen van segmenten (seed %d); in de rij ‘alle codes’ (de %d codes die ten minste één keer zijn toegekend) worden de segmenten met al hun codes getrokken.", len(segments), names, in.bootstrapSamples(), in.Seed, pooledCodes),
		fmt.Sprintf("Agreement over %d segments coded by two or more coders (%s): per code, the presence or absence of the code. Krippendorff's alpha (nominal) with a 95%% percentile bootstrap interval from %d resamples of segments (seed %d); in the row ‘all codes’ (the %d codes applied at least once) each segment is drawn with all its codes.", len(segments), names, in.bootstrapSamples(), in.Seed, pooledCodes))
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

// addDisagreement adds one (segment, code) row of a presence matrix row.
func (in *Input) addDisagreement(t *results.Table, segment, code string, values []float64) {
	seg := in.Segment(segment)
	row := []any{segment, code, seg.Respondent}
	for _, v := range values {
		if math.IsNaN(v) {
			row = append(row, nil)
		} else {
			row = append(row, int(v))
		}
	}
	t.Add(append(row, shorten(seg.Text))...)
}

// AgreementAuto is the table `agreement_auto`: the auto-coder against each human coder,
// per code and pooled (code "*"), over the segments both coded, with the number of units
// (segments, or segment × code pairs in the pooled row), percent agreement on the code's presence, Cohen's kappa, and a note giving
// the reason for an empty cell. The auto-coder runs over every respondent segment and
// writes a row only where a rule fires, so once it has written any row it counts as
// having coded every respondent segment. The table is left out, with a note, when the
// auto-coder wrote no rows.
func AgreementAuto(in *Input, res *results.Results) {
	auto := in.agreementCodings(true)
	if len(auto) == 0 {
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
	human := in.agreementCodings(false)
	// Per human coder, the segments that both they and the auto-coder coded; every
	// segment a human coded is a respondent segment the auto-coder ran over.
	shared := map[string][]string{}
	for s, coders := range human {
		for c := range coders {
			shared[c] = append(shared[c], s)
		}
	}
	for _, c := range shared {
		sort.Strings(c)
	}
	humans := SortedGroups(shared)
	autoCodes := func(s string) map[string]bool { return auto[s][AutoCoder] }
	row := func(code, coder string, codes []string) {
		var confusion = [][]float64{{0, 0}, {0, 0}}
		for _, s := range shared[coder] {
			for _, code := range codes {
				h, a := 1, 1
				if human[s][coder][code] {
					h = 0
				}
				if autoCodes(s)[code] {
					a = 0
				}
				confusion[h][a]++
			}
		}
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
		t.Add(code, coder, int(n), results.Opt(agree), results.Opt(kappa), note)
	}
	codes := in.agreementCodes()
	for _, code := range codes {
		for _, coder := range humans {
			row(code, coder, []string{code})
		}
	}
	for _, coder := range humans {
		if len(codes) > 0 {
			row(PooledCode, coder, codes)
		}
	}
	res.Add(t)
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

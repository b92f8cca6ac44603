package analysis

import (
	"math"
	"sort"

	"github.com/samenspel/samenspel/codebook"
	"github.com/samenspel/samenspel/pipeline/disclosure"
	"github.com/samenspel/samenspel/pipeline/results"
	"github.com/samenspel/samenspel/pipeline/stats"
)

func init() {
	Stages = append(Stages, PartnerPairs)
	Joins = append(Joins, MunicipalityBenchmark)
}

// GoldenCombination names the partners of the "golden combination" around young
// people, as words the codebook's partners are found by (codebook.PartnersIn).
var GoldenCombination = []string{"wijkteam", "jongerenwerk", "wijkagent", "school"}

// goldenPartners returns the codebook's partner ids for GoldenCombination, in its order,
// each once; a word no partner answers to is left out.
func goldenPartners(cb *codebook.Codebook) []string {
	var out []string
	seen := map[string]bool{}
	for _, w := range GoldenCombination {
		if ps := cb.PartnersIn(w); len(ps) > 0 && !seen[ps[0]] {
			seen[ps[0]] = true
			out = append(out, ps[0])
		}
	}
	return out
}

// ownPartner returns the partner a respondent's role belongs to (jongerenwerker:
// jongerenwerk), when the role's id names exactly one partner; "" otherwise.
func ownPartner(cb *codebook.Codebook, role string) string {
	if role == "" {
		return ""
	}
	if ps := cb.PartnersIn(role); len(ps) == 1 {
		return ps[0]
	}
	return ""
}

// PartnerPairs is the table `partner_pairs`: for every pair of the golden combination
// (wijkteam, jongerenwerk, wijkagent, school), per group of all and of the municipality
// grouping, the interviewees who speak of the pair as working together and as missing
// or failing each other. A respondent's segment (not the interviewer's) involves a pair
// when it names both partners (codebook.PartnersIn), or names one and the other is the
// respondent's own (ownPartner: a youth worker speaking of the wijkagent speaks of
// jongerenwerk and wijkagent). It counts as working when it carries a counted
// facilitator code, as missing when it carries a counted barrier code (both when it
// carries both). group_respondents are the group's coded interviewees, as in
// code_frequencies; a group smaller than MinCell is suppressed like the scales' groups.
// Every pair has its row, also with no mentions: a pair nobody names is missing too.
func PartnerPairs(in *Input, res *results.Results) {
	t := results.NewTable("partner_pairs",
		results.Column{Name: "group_by", Kind: results.Text},
		results.Column{Name: "group", Kind: results.Text},
		results.Column{Name: "partner_a", Kind: results.Text},
		results.Column{Name: "partner_b", Kind: results.Text},
		results.Column{Name: "working_respondents", Kind: results.Int},
		results.Column{Name: "missing_respondents", Kind: results.Int},
		results.Column{Name: "group_respondents", Kind: results.Int},
		results.Column{Name: "suppressed", Kind: results.Bool})
	t.Title = map[string]string{"nl": "Paren van de gouden combinatie", "en": "Pairs of the golden combination"}
	defer res.Add(t)
	cb := in.Codebook
	if cb == nil {
		return
	}
	golden := goldenPartners(cb)
	if len(golden) < 2 {
		return
	}
	isGolden := map[string]bool{}
	for _, p := range golden {
		isGolden[p] = true
	}
	type key struct{ a, b string }
	working := map[key]map[string]bool{}
	missing := map[key]map[string]bool{}
	mark := func(m map[key]map[string]bool, k key, resp string) {
		if m[k] == nil {
			m[k] = map[string]bool{}
		}
		m[k][resp] = true
	}
	order := map[string]int{}
	for i, p := range golden {
		order[p] = i
	}
	owns := map[string]string{} // role -> ownPartner
	for _, ps := range in.partnerSegments() {
		s := &in.Data.Segments[ps.segment]
		// The valences the segment carries, of any factor.
		var facilitator, barrier bool
		eachBit(ps.carried, func(q int) {
			switch codebook.Valence(in.ids.pairs[q][1]) {
			case codebook.Facilitator:
				facilitator = true
			case codebook.Barrier:
				barrier = true
			}
		})
		named := map[string]bool{}
		for _, p := range ps.partners {
			if isGolden[p] {
				named[p] = true
			}
		}
		if r := in.Respondent(s.Respondent); r != nil && len(named) > 0 {
			own, ok := owns[r.Role]
			if !ok {
				own = ownPartner(cb, r.Role)
				owns[r.Role] = own
			}
			if isGolden[own] {
				named[own] = true
			}
		}
		for a := range named {
			for b := range named {
				if order[a] >= order[b] {
					continue
				}
				if facilitator {
					mark(working, key{a, b}, s.Respondent)
				}
				if barrier {
					mark(missing, key{a, b}, s.Respondent)
				}
			}
		}
	}
	// The coded respondents (as in code_frequencies), by number; a respondent's
	// mentions count in its group when it is one of them.
	x := in.ids
	var coded []int32
	for r, ok := range x.respCoded {
		if ok && x.respNum[r] != noRespondent {
			coded = append(coded, x.respNum[r])
		}
	}
	bys := []string{"all"}
	if containsString(in.Groups, "municipality") {
		bys = append(bys, "municipality")
	}
	for _, by := range bys {
		groups := in.groupMembers(by, coded, disclosure.Interviews)
		sup := in.suppressedGroups(groups, by)
		gi := in.grouping(by, disclosure.Interviews)
		isCoded := make([]bool, len(in.Data.Respondents))
		for _, n := range coded {
			isCoded[n] = true
		}
		// count returns the respondents of a set per group number.
		count := func(m map[string]bool) []int {
			n := make([]int, len(gi.labels))
			for id := range m {
				if r := in.respondentNumber(id); r != noRespondent && isCoded[r] && gi.of[r] >= 0 {
					n[gi.of[r]]++
				}
			}
			return n
		}
		labelNum := make(map[string]int, len(gi.labels))
		for k, l := range gi.labels {
			labelNum[l] = k
		}
		pairCounts := map[key][2][]int{}
		for i, a := range golden {
			for _, b := range golden[i+1:] {
				k := key{a, b}
				pairCounts[k] = [2][]int{count(working[k]), count(missing[k])}
			}
		}
		for _, g := range SortedGroups(groups) {
			members := groups[g]
			for i, a := range golden {
				for _, b := range golden[i+1:] {
					if sup[g] {
						t.Add(by, g, a, b, nil, nil, nil, true)
						continue
					}
					c := pairCounts[key{a, b}]
					t.Add(by, g, a, b, c[0][labelNum[g]], c[1][labelNum[g]], len(members), false)
				}
			}
		}
		noteSuppressed(res, "partner_pairs", by, sup)
	}
}

// MunicipalityBenchmark is the table `municipality_benchmark`: for every scale and every
// municipality that the table scales shows on its own (not suppressed, not the pooled
// group), its mean against the other municipalities shown: rank (1 = highest mean; tied
// means share the best rank, R's rank(-mean, ties.method = "min")), of (the number of
// municipalities shown), and the median, lowest and highest mean of the others (empty
// when there are none). The others are only shown municipalities: a suppressed or pooled
// municipality's mean is in no benchmark.
func MunicipalityBenchmark(in *Input, res *results.Results) {
	t := results.NewTable("municipality_benchmark",
		results.Column{Name: "scale", Kind: results.Text},
		results.Column{Name: "group_by", Kind: results.Text},
		results.Column{Name: "group", Kind: results.Text},
		results.Column{Name: "n", Kind: results.Int},
		results.Column{Name: "mean", Kind: results.Float},
		results.Column{Name: "rank", Kind: results.Int},
		results.Column{Name: "of", Kind: results.Int},
		results.Column{Name: "others_median", Kind: results.Float},
		results.Column{Name: "others_min", Kind: results.Float},
		results.Column{Name: "others_max", Kind: results.Float})
	t.Title = map[string]string{"nl": "Gemeenten vergeleken met de andere gemeenten", "en": "Municipalities against the other municipalities"}
	defer res.Add(t)
	sc := res.Table("scales")
	if sc == nil || !containsString(in.Groups, "municipality") {
		return
	}
	pool := in.poolLabel("municipality")
	type muni struct {
		group string
		n     int
		mean  float64
	}
	var scales []string
	by := map[string][]muni{}
	cs, cb, cg, cn, cm, csup := sc.Col("scale"), sc.Col("group_by"), sc.Col("group"), sc.Col("n"), sc.Col("mean"), sc.Col("suppressed")
	if cs < 0 || cb < 0 || cg < 0 || cn < 0 || cm < 0 || csup < 0 {
		return
	}
	for _, r := range sc.Rows {
		g, _ := r[cg].(string)
		if r[cb] != "municipality" || g == "" || g == pool || r[csup] == true || !in.shows(disclosure.Survey, "municipality", g) {
			continue
		}
		m, ok := results.Num(r[cm])
		n, okn := r[cn].(int)
		if !ok || !okn {
			continue
		}
		s, _ := r[cs].(string)
		if _, seen := by[s]; !seen {
			scales = append(scales, s)
		}
		by[s] = append(by[s], muni{g, n, m})
	}
	for _, s := range scales {
		ms := by[s]
		sort.Slice(ms, func(a, b int) bool { return ms[a].group < ms[b].group })
		for i, m := range ms {
			rank := 1
			var others []float64
			for j, o := range ms {
				if j == i {
					continue
				}
				others = append(others, o.mean)
				if o.mean > m.mean {
					rank++
				}
			}
			var med, lo, hi any
			if len(others) > 0 {
				mn, mx := math.Inf(1), math.Inf(-1)
				for _, x := range others {
					mn, mx = math.Min(mn, x), math.Max(mx, x)
				}
				med, lo, hi = results.Opt(stats.Median(others)), mn, mx
			}
			t.Add(s, "municipality", m.group, m.n, m.mean, rank, len(ms), med, lo, hi)
		}
	}
}

package analysis

import (
	"math"
	"sort"

	"gonum.org/v1/gonum/stat"

	"github.com/samenspel/samenspel/pipeline/disclosure"
	"github.com/samenspel/samenspel/pipeline/results"
	"github.com/samenspel/samenspel/pipeline/stats"
)

func init() { Stages = append(Stages, Waves) }

// Tests and designs of the table wave_comparisons.
const (
	WavePaired      = "paired"      // the respondents measured in both waves
	WaveIndependent = "independent" // every respondent of each wave
	SignedRankTest  = "wilcoxon_signed_rank"
	MannWhitneyTest = "mann_whitney"
	KruskalTest     = "kruskal_wallis"
)

// Waves are the tables of a study with two or more measurement waves (respondents with a
// wave: study.yaml's wave on an input, or a survey's wave column); a study of one
// measurement gets neither.
//
// `wave_scales`: per scale, wave, grouping ("all" and the study's groupings other than
// wave) and group, the statistics of the scale scores of the wave's respondents in the
// group, as in the table scales (n, mean, sd, 95% t-interval, median, pct_agree).
//
// `wave_comparisons`: per scale, grouping and group, for each two consecutive waves
// (wave_from, wave_to):
//
//   - design "paired": the respondents with a score in both waves (the same pseudonym in
//     both), in the group in both. change = mean(to - from) with the interval of the
//     paired t-test (ci_method "paired_t", stats.PairedT), tested with the Wilcoxon
//     signed-rank test of the differences rounded to 9 decimals, so that differences
//     equal in exact arithmetic tie (stats.WilcoxonSignedRank: exact p below 50
//     non-zero differences without ties, else the normal approximation with continuity
//     and tie correction, as R's wilcox.test(paired = TRUE); statistic V, column exact),
//     effect r = |Z| / sqrt(pairs) (rstatix::wilcox_effsize).
//   - design "independent": every respondent with a score in each wave, in the group.
//     change = mean(to) - mean(from) with Welch's interval (ci_method "welch_t",
//     stats.WelchT), tested with the Mann-Whitney U test (stats.MannWhitney, statistic
//     W of the later wave, exact or normal as R's wilcox.test), effect r = |Z| / sqrt(n).
//     Respondents measured in both waves are in both samples, which the test treats as
//     independent: the note says how many, and the paired row is the test for them.
//   - with three waves or more, design "independent" from the first wave to the last:
//     the Kruskal-Wallis test across all waves (stats.KruskalWallis), effect
//     eta²_H = (H - k + 1)/(n - k) (rstatix::kruskal_effsize), change empty.
//
// Disclosure: groups are those of the disclosure decision for the survey (a small
// municipality is pooled or hidden as in every table). A group-wave cell with fewer than
// MinCell scores hides that group in every wave of wave_scales (else its count in one
// wave would follow from scales, all waves together, minus the others), and a
// comparison is suppressed when a sample it compares (the pairs; either wave) is; within
// a grouping, further groups are suppressed, smallest first, until the respondents not
// shown in every wave (or pair of waves) number none or at least MinCell, so that no
// small cell follows from the "all" row by subtraction. A paired row is suppressed too
// where its group's respondents in either wave less its pairs are 1 to MinCell-1
// (newcomers, leavers, movers: wavePairs). Where the "all" pairs of two
// waves are not shown, the people in all are not published either (res.PeopleHeld),
// since the waves' totals minus the people are the pairs. The p values are adjusted within families (column family,
// "waves/<test>/<grouping>": one test over every scale, group and pair of waves of a
// grouping), Holm in p_holm and the study's method in p_adjusted.
func Waves(in *Input, res *results.Results) {
	waves := in.WaveList()
	if len(waves) < 2 {
		return
	}
	ws := results.NewTable("wave_scales", append([]results.Column{
		{Name: "scale", Kind: results.Text},
		{Name: "wave", Kind: results.Text},
		{Name: "group_by", Kind: results.Text},
		{Name: "group", Kind: results.Text},
	}, describeColumns...)...)
	ws.Title = map[string]string{"nl": "Schaalscores per meting", "en": "Scale scores by wave"}
	wc := results.NewTable("wave_comparisons",
		results.Column{Name: "scale", Kind: results.Text},
		results.Column{Name: "group_by", Kind: results.Text},
		results.Column{Name: "group", Kind: results.Text},
		results.Column{Name: "wave_from", Kind: results.Text},
		results.Column{Name: "wave_to", Kind: results.Text},
		results.Column{Name: "design", Kind: results.Text},
		results.Column{Name: "test", Kind: results.Text},
		results.Column{Name: "n", Kind: results.Int},
		results.Column{Name: "n_from", Kind: results.Int},
		results.Column{Name: "n_to", Kind: results.Int},
		results.Column{Name: "mean_from", Kind: results.Float},
		results.Column{Name: "mean_to", Kind: results.Float},
		results.Column{Name: "change", Kind: results.Float},
		results.Column{Name: "ci_low", Kind: results.Float},
		results.Column{Name: "ci_high", Kind: results.Float},
		results.Column{Name: "ci_method", Kind: results.Text},
		results.Column{Name: "statistic", Kind: results.Float},
		results.Column{Name: "df", Kind: results.Int},
		results.Column{Name: "exact", Kind: results.Bool},
		results.Column{Name: "p", Kind: results.P},
		results.Column{Name: "p_holm", Kind: results.P},
		results.Column{Name: "p_adjusted", Kind: results.P},
		results.Column{Name: "adjustment", Kind: results.Text},
		results.Column{Name: "family", Kind: results.Text},
		results.Column{Name: "effect_size", Kind: results.Float},
		results.Column{Name: "effect_name", Kind: results.Text},
		results.Column{Name: "effect_magnitude", Kind: results.Text},
		results.Column{Name: "suppressed", Kind: results.Bool},
		results.Column{Name: "note", Kind: results.Text})
	wc.Title = map[string]string{"nl": "Vergelijking van metingen", "en": "Comparison of waves"}
	c := &waveComparer{in: in, t: wc, lang: in.Language, adjust: in.adjustment()}
	for _, sa := range in.WaveScales() {
		sa, itemsNote, comparable := in.waveItems(sa, waves, res) // the items every wave has: waves_items.go
		if !comparable {
			continue
		}
		c.itemsNote = itemsNote
		agree := agreeFrom(sa.Scale)
		// Every grouping's decisions first, its rows after: the "all" row may not show the
		// pairs of two waves where a grouping hides a group's pairs and only groups whose
		// people are all in both waves (their pairs shown by their wave rows) are left to
		// stand in for them, since the "all" paired row minus those groups would give the
		// hidden pairs' scores.
		type grouping struct {
			by         string
			cells      *waveCells
			groups     []string
			hidden     map[string]bool
			pairsOf    []map[string][][2]int
			supPairsOf []map[string]bool
		}
		var decided []grouping
		allPairsExposed := make([]bool, len(waves))
		allPairsHidden := make([]bool, len(waves)) // the "all" paired row of waves w, w+1 is suppressed ("all" comes first)
		for _, by := range in.waveGroupBys() {
			gr := grouping{by: by, cells: in.waveCells(sa, by, waves)}
			gr.groups = SortedGroups(gr.cells.rows)
			// One decision for every wave: a group hidden in one wave and shown in another
			// would give its count in the first as its count in scales (all waves
			// together) minus the second.
			gr.hidden = in.suppressWithRest(waveLayers(gr.cells, gr.groups, len(waves)), by)
			gr.pairsOf = make([]map[string][][2]int, len(waves)-1)
			gr.supPairsOf = make([]map[string]bool, len(waves)-1)
			for w := 0; w+1 < len(waves); w++ {
				var exposed bool
				gr.pairsOf[w], gr.supPairsOf[w], exposed = in.wavePairs(gr.cells, gr.groups, gr.hidden, w, by, allPairsHidden[w])
				allPairsExposed[w] = allPairsExposed[w] || exposed
				if by == "all" {
					allPairsHidden[w] = gr.supPairsOf[w]["all"]
				}
			}
			decided = append(decided, gr)
		}
		for _, gr := range decided {
			by, cells, groups, hidden := gr.by, gr.cells, gr.groups, gr.hidden
			if by == "all" {
				for w := range gr.supPairsOf {
					if allPairsExposed[w] {
						gr.supPairsOf[w]["all"] = true // another grouping's hidden pairs would follow from it
					}
					// The people in all would give the hidden "all" pairs back as the two
					// waves' totals minus them (complementary suppression of that count).
					if gr.supPairsOf[w]["all"] && cells.totalPairs(w, w+1) > 0 {
						res.PeopleHeld = true
					}
				}
			}
			for _, g := range groups {
				for w, wave := range waves {
					d := stats.Describe(sa.scoresOf(cells.rows[g][w]), agree)
					ws.Add(append([]any{sa.Scale.ID, wave, by, g}, describeCells(d, hidden[g])...)...)
				}
			}
			if len(hidden) > 0 {
				res.Note("wave_scales",
					sprintf("%s: %d groep(en) naar %s met in een meting minder dan %d respondenten (of nodig om die te beschermen) in geen meting getoond.", in.measureLabel(sa.Scale.ID, "nl"), len(hidden), attributeLabel(by, "nl"), in.MinCell),
					sprintf("%s: %d group(s) by %s with fewer than %d respondents in a wave (or needed to protect those) not shown in any wave.", in.measureLabel(sa.Scale.ID, "en"), len(hidden), attributeLabel(by, "en"), in.MinCell))
			}
			for w := 0; w+1 < len(waves); w++ {
				pairs, supPairs := gr.pairsOf[w], gr.supPairsOf[w]
				for _, g := range groups {
					c.paired(sa, by, g, waves[w], waves[w+1], pairs[g], supPairs[g])
					overlap := len(pairs[g]) // the people in both waves are the pairs
					if supPairs[g] || by == "all" && allPairsExposed[w] {
						overlap = -1 // there are pairs, too few to say how many
					}
					c.independent(sa, by, g, waves[w], waves[w+1], cells.rows[g][w], cells.rows[g][w+1],
						hidden[g], overlap)
				}
			}
			if len(waves) > 2 {
				for _, g := range groups {
					c.kruskal(sa, by, g, waves, cells.rows[g], hidden[g])
				}
			}
		}
	}
	adjustWithinFamilies(wc, c.ps, c.families, c.adjust)
	res.Add(ws)
	res.Add(wc)
}

// waveComparer fills the rows of wave_comparisons and keeps their p values by family.
type waveComparer struct {
	in       *Input
	t        *results.Table
	lang     string
	adjust   string
	ps       []float64
	families []string
	// itemsNote, where set, says on which items the scale is compared (waveItems); it
	// leads every row's note.
	itemsNote string
}

// row adds a row; the cells from n to note (less the p-value columns, which
// adjustWithinFamilies fills) are given by fill.
func (c *waveComparer) row(sa *ScaleAnswers, by, g, from, to, design, test string, p float64, cells map[string]any) {
	family := "waves/" + test + "/" + by
	r := make([]any, len(c.t.Columns))
	for i, col := range c.t.Columns {
		r[i] = cells[col.Name]
	}
	r[c.t.Col("scale")], r[c.t.Col("group_by")], r[c.t.Col("group")] = sa.Scale.ID, by, g
	r[c.t.Col("wave_from")], r[c.t.Col("wave_to")] = from, to
	r[c.t.Col("design")], r[c.t.Col("test")] = design, test
	r[c.t.Col("p")], r[c.t.Col("family")], r[c.t.Col("adjustment")] = results.Opt(p), family, c.adjust
	if r[c.t.Col("suppressed")] == nil {
		r[c.t.Col("suppressed")] = false
	}
	if c.itemsNote != "" {
		if note, _ := r[c.t.Col("note")].(string); note != "" {
			r[c.t.Col("note")] = c.itemsNote + "; " + note
		} else {
			r[c.t.Col("note")] = c.itemsNote
		}
	}
	c.t.Add(r...)
	c.ps = append(c.ps, p)
	c.families = append(c.families, family)
}

func (c *waveComparer) paired(sa *ScaleAnswers, by, g, from, to string, pairs [][2]int, suppressed bool) {
	if suppressed {
		c.row(sa, by, g, from, to, WavePaired, SignedRankTest, math.NaN(), map[string]any{"suppressed": true})
		return
	}
	before, after := make([]float64, len(pairs)), make([]float64, len(pairs))
	for i, p := range pairs {
		before[i], after[i] = sa.Scores[p[0]], sa.Scores[p[1]]
	}
	// Differences equal in exact arithmetic (11/3 - 10/3 and 4/3 - 1) differ in their last
	// bits as floats; rounded to 9 decimals they tie, as in R's
	// wilcox.test(round(after - before, 9)).
	diff, zero := make([]float64, len(pairs)), make([]float64, len(pairs))
	for i := range pairs {
		diff[i] = math.Round((after[i]-before[i])*1e9) / 1e9
	}
	sr := stats.WilcoxonSignedRank(diff, zero)
	md := stats.PairedT(after, before, 0.95)
	cells := map[string]any{
		"n": len(pairs), "n_from": len(pairs), "n_to": len(pairs),
		"mean_from": results.Opt(mean(before)), "mean_to": results.Opt(mean(after)),
		"change": results.Opt(md.Estimate), "ci_low": results.Opt(md.CILow), "ci_high": results.Opt(md.CIHigh),
		"statistic": results.Opt(sr.V), "exact": sr.Exact,
		"effect_size": results.Opt(sr.R), "effect_name": "r", "effect_magnitude": string(stats.RMagnitude(sr.R)),
	}
	if !math.IsNaN(md.CILow) {
		cells["ci_method"] = "paired_t"
	}
	if math.IsNaN(sr.R) {
		cells["effect_name"] = nil
	}
	switch {
	case sr.N == 0:
		cells["statistic"], cells["exact"] = nil, nil
		cells["note"] = pick(c.lang, "niet te toetsen: geen enkele score veranderd", "not testable: no score changed")
	case sr.Zeros > 0:
		cells["note"] = pick(c.lang,
			sprintf("%d paar/paren zonder verandering niet in de rangtekentoets (wel in r, volgens Pratt)", sr.Zeros),
			sprintf("%d pair(s) without change left out of the signed-rank test (kept in r, after Pratt)", sr.Zeros))
	}
	c.row(sa, by, g, from, to, WavePaired, SignedRankTest, sr.P, cells)
}

func (c *waveComparer) independent(sa *ScaleAnswers, by, g, from, to string, rowsFrom, rowsTo []int, suppressed bool, overlap int) {
	if suppressed {
		c.row(sa, by, g, from, to, WaveIndependent, MannWhitneyTest, math.NaN(), map[string]any{"suppressed": true})
		return
	}
	before, after := sa.scoresOf(rowsFrom), sa.scoresOf(rowsTo)
	mw := stats.MannWhitney(after, before)
	md := stats.WelchT(after, before, 0.95)
	cells := map[string]any{
		"n": len(before) + len(after), "n_from": len(before), "n_to": len(after),
		"mean_from": results.Opt(mean(before)), "mean_to": results.Opt(mean(after)),
		"change": results.Opt(md.Estimate), "ci_low": results.Opt(md.CILow), "ci_high": results.Opt(md.CIHigh),
		"statistic": results.Opt(mw.W), "exact": mw.Exact,
		"effect_size": results.Opt(mw.R), "effect_name": "r", "effect_magnitude": string(stats.RMagnitude(mw.R)),
	}
	if !math.IsNaN(md.CILow) {
		cells["ci_method"] = "welch_t"
	}
	if math.IsNaN(mw.P) {
		cells["statistic"], cells["exact"], cells["effect_name"] = nil, nil, nil
		cells["note"] = untestableReason(c.lang, "")
	} else if overlap > 0 {
		cells["note"] = pick(c.lang,
			sprintf("%d respondent(en) in beide metingen: de steekproeven overlappen (zie de gepaarde rij)", overlap),
			sprintf("%d respondent(s) in both waves: the samples overlap (see the paired row)", overlap))
	} else if overlap < 0 {
		// The paired row is suppressed: how many are in both waves is not said either.
		cells["note"] = pick(c.lang,
			"respondenten in beide metingen: de steekproeven overlappen",
			"respondents in both waves: the samples overlap")
	}
	c.row(sa, by, g, from, to, WaveIndependent, MannWhitneyTest, mw.P, cells)
}

func (c *waveComparer) kruskal(sa *ScaleAnswers, by, g string, waves []string, rows [][]int, suppressed bool) {
	from, to := waves[0], waves[len(waves)-1]
	if suppressed {
		c.row(sa, by, g, from, to, WaveIndependent, KruskalTest, math.NaN(), map[string]any{"suppressed": true})
		return
	}
	samples := make([][]float64, len(rows))
	n := 0
	for w, r := range rows {
		samples[w] = sa.scoresOf(r)
		n += len(samples[w])
	}
	kw := stats.KruskalWallis(samples)
	cells := map[string]any{
		"n": n, "n_from": len(samples[0]), "n_to": len(samples[len(samples)-1]),
		"mean_from": results.Opt(mean(samples[0])), "mean_to": results.Opt(mean(samples[len(samples)-1])),
		"statistic": results.Opt(kw.H), "df": kw.DF,
		"effect_size": results.Opt(kw.EtaSquaredH), "effect_name": "eta_squared_h",
		"effect_magnitude": string(stats.EtaSquaredMagnitude(kw.EtaSquaredH)),
	}
	if math.IsNaN(kw.H) {
		cells["df"], cells["effect_name"] = nil, nil
		cells["note"] = untestableReason(c.lang, "")
	}
	c.row(sa, by, g, from, to, WaveIndependent, KruskalTest, kw.P, cells)
}

// WaveList returns the waves of the study's respondents, from the first measurement to
// the last: in the order of WaveOrder (study.yaml's wave_order, or the labels' own order
// as the pipeline found it with OrderWaves, which refuses labels without one); without
// WaveOrder (a test of one stage) in OrderWaves's order, or as text where the labels
// have none. Respondents without a wave are in none.
func (in *Input) WaveList() []string {
	seen := map[string]bool{}
	for _, r := range in.Data.Respondents {
		if r.Wave != "" {
			seen[r.Wave] = true
		}
	}
	waves := SortedGroups(seen)
	if in.WaveOrder != nil {
		waves, _ = OrderWavesAs(waves, in.WaveOrder)
		return waves
	}
	waves, _ = OrderWaves(waves)
	return waves
}

// waveGroupBys are "all" and the study's groupings, less the wave itself.
func (in *Input) waveGroupBys() []string {
	var out []string
	for _, by := range in.GroupBys() {
		if by != "wave" {
			out = append(out, by)
		}
	}
	return out
}

// waveCells are the rows of one scale with a score, by group and wave, for one grouping.
type waveCells struct {
	rows   map[string][][]int // group -> wave index -> row indices into ScaleAnswers
	group  []string           // group of each row ("" in none)
	wave   []int              // wave index of each row (-1 for none or no score)
	total  []int              // rows with a score per wave, in a group or not
	people []string           // the rows' pseudonyms (ScaleAnswers.Respondents: sorted, a person's rows adjacent)
}

func (in *Input) waveCells(sa *ScaleAnswers, by string, waves []string) *waveCells {
	index := make(map[string]int, len(waves))
	for i, w := range waves {
		index[w] = i
	}
	c := &waveCells{rows: map[string][][]int{}, group: make([]string, len(sa.Respondents)),
		wave: make([]int, len(sa.Respondents)), total: make([]int, len(waves)), people: sa.Respondents}
	var gi *groupIndex
	if by != "all" {
		gi = in.grouping(by, disclosure.Survey)
	}
	for i := range sa.Respondents {
		c.wave[i] = -1
		w, ok := index[sa.Waves[i]]
		if !ok || math.IsNaN(sa.Scores[i]) {
			continue
		}
		c.wave[i] = w
		c.total[w]++
		g := "all"
		if by != "all" {
			g, _ = gi.group(sa.resp[i])
		}
		c.group[i] = g
		if g == "" {
			continue
		}
		if c.rows[g] == nil {
			c.rows[g] = make([][]int, len(waves))
		}
		c.rows[g][w] = append(c.rows[g][w], i)
	}
	if by == "all" && c.rows["all"] == nil {
		c.rows["all"] = make([][]int, len(waves))
	}
	return c
}

// eachPair calls f with the (row in wave a, row in wave b) of every person with a score
// in both waves, in pseudonym order. A person's rows are adjacent (ScaleAnswers sorts
// them by pseudonym, then wave), so no index of people is needed.
func (c *waveCells) eachPair(a, b int, f func(ra, rb int)) {
	for s := 0; s < len(c.people); {
		e := s + 1
		for e < len(c.people) && c.people[e] == c.people[s] {
			e++
		}
		ra, rb := -1, -1
		for i := s; i < e; i++ {
			switch c.wave[i] {
			case a:
				ra = i
			case b:
				rb = i
			}
		}
		if ra >= 0 && rb >= 0 {
			f(ra, rb)
		}
		s = e
	}
}

// pairs returns, per group, the (row in wave a, row in wave b) of the people with a score
// in both waves and in the group in both, in pseudonym order.
func (c *waveCells) pairs(a, b int) map[string][][2]int {
	out := map[string][][2]int{}
	c.eachPair(a, b, func(ra, rb int) {
		if g := c.group[ra]; g != "" && g == c.group[rb] {
			out[g] = append(out[g], [2]int{ra, rb})
		}
	})
	return out
}

// totalPairs counts the people with a score in both waves, in a group or not.
func (c *waveCells) totalPairs(a, b int) int {
	n := 0
	c.eachPair(a, b, func(int, int) { n++ })
	return n
}

// scoresOf returns the scores of the given rows.
func (sa *ScaleAnswers) scoresOf(rows []int) []float64 {
	out := make([]float64, len(rows))
	for i, r := range rows {
		out[i] = sa.Scores[r]
	}
	return out
}

// layer is one count of a grouping's groups with its total ("all"): the scores of one
// wave, or the pairs of two.
type layer struct {
	sizes map[string]int
	total int
}

// suppressWithRest decides which groups of one grouping are suppressed, the same in
// every layer: every group with fewer than MinCell in some layer, and then, smallest
// first (by the sum over the layers; ties by name), further groups until in every layer
// the respondents not shown in a group number none or at least MinCell, so that no small
// group (nor the few without a shown group) follows from a total by subtraction. "all"
// is suppressed only when it is itself too small.
func (in *Input) suppressWithRest(layers []layer, by string) map[string]bool {
	sup := map[string]bool{}
	sum := map[string]int{}
	for _, l := range layers {
		for g, n := range l.sizes {
			sum[g] += n
			if in.Suppressed(n) {
				sup[g] = true
			}
		}
	}
	if by == "all" {
		return sup
	}
	order := SortedGroups(sum)
	sort.SliceStable(order, func(a, b int) bool { return sum[order[a]] < sum[order[b]] })
	for {
		exposed := false
		for _, l := range layers {
			rest := l.total
			for g, n := range l.sizes {
				if !sup[g] {
					rest -= n
				}
			}
			exposed = exposed || rest != 0 && in.Suppressed(rest)
		}
		if !exposed {
			return sup
		}
		next := ""
		for _, g := range order {
			if !sup[g] {
				next = g
				break
			}
		}
		if next == "" {
			return sup
		}
		sup[next] = true
	}
}

// waveLayers are the group sizes of one grouping in each wave, with the wave's total.
func waveLayers(cells *waveCells, groups []string, waves int) []layer {
	layers := make([]layer, waves)
	for w := range layers {
		layers[w] = layer{sizes: map[string]int{}, total: cells.total[w]}
		for _, g := range groups {
			layers[w].sizes[g] = len(cells.rows[g][w])
		}
	}
	return layers
}

// wavePairs decides the paired rows of waves w and w+1 in one grouping: the pairs of each
// group, which groups' paired rows are suppressed, and whether the pairs not shown would
// still follow from the "all" row (see suppressPairs). A group whose people are all in
// both waves, shown in the wave rows, shows its pairs' scores there, so it counts as shown.
//
// Newcomers and leavers: a group's paired row (its pairs and their mean in each wave)
// stands beside its independent row and its wave_scales rows (everyone of the group in
// each wave, and their mean), so n_to - pairs people new to the group in the later wave
// (new respondents, or movers from another group) have the score
// n_to·mean_to - pairs·mean_to(pairs) between them, and n_from - pairs those who left
// it theirs. Where either number is 1 to MinCell-1, the group's paired row is suppressed
// (the wave rows are the study's cross-section of each wave and stay); the "all" row
// too. With the "all" paired row suppressed (allHidden), the groups' paired rows shown
// must leave at least MinCell pairs out, not none: else they add up to the "all" pairs
// and the newcomers follow from the "all" wave rows after all.
func (in *Input) wavePairs(cells *waveCells, groups []string, hidden map[string]bool, w int, by string, allHidden bool) (map[string][][2]int, map[string]bool, bool) {
	pairs := cells.pairs(w, w+1)
	sizes := map[string]int{}
	revealed := map[string]bool{}
	apart := map[string]bool{}
	for _, g := range groups {
		n := len(pairs[g])
		sizes[g] = n
		if n > 0 && !hidden[g] && n == len(cells.rows[g][w]) && n == len(cells.rows[g][w+1]) {
			revealed[g] = true
		}
		if n > 0 && !hidden[g] && (in.fewApart(len(cells.rows[g][w])-n) || in.fewApart(len(cells.rows[g][w+1])-n)) {
			apart[g] = true
		}
	}
	sup, exposed := in.suppressPairs(layer{sizes, cells.totalPairs(w, w+1)}, by, revealed, apart, allHidden && by != "all")
	return pairs, sup, exposed
}

// fewApart says whether d people (a wave's respondents of a group less its pairs) are a
// small cell: 1 to MinCell-1.
func (in *Input) fewApart(d int) bool { return d > 0 && in.Suppressed(d) }

// suppressPairs is suppressWithRest for the pairs of two waves, where revealed groups
// (everyone in both waves, shown in the wave rows) count as shown whatever is decided
// here and are never picked to protect another; apart groups (few newcomers or leavers,
// see wavePairs) are suppressed from the start. exposed says that the pairs not shown
// are still a small number that only hiding revealed groups would cover. strict (the
// "all" paired row is not shown) asks that at least MinCell pairs are not shown, none
// being too few, as far as groups that are not revealed can be hidden (a revealed
// group's pairs are its wave rows, which wave_scales shows whatever is decided here; the
// wave rows' own rule keeps the people in no shown group none or at least MinCell).
func (in *Input) suppressPairs(l layer, by string, revealed, apart map[string]bool, strict bool) (sup map[string]bool, exposed bool) {
	sup = map[string]bool{}
	for g, n := range l.sizes {
		if in.Suppressed(n) || apart[g] {
			sup[g] = true
		}
	}
	if by == "all" {
		return sup, false
	}
	order := SortedGroups(l.sizes)
	sort.SliceStable(order, func(a, b int) bool { return l.sizes[order[a]] < l.sizes[order[b]] })
	for {
		rest := l.total
		for g, n := range l.sizes {
			if !sup[g] || revealed[g] {
				rest -= n
			}
		}
		if !in.Suppressed(rest) || rest == 0 && !strict {
			return sup, false
		}
		next := ""
		for _, g := range order {
			if !sup[g] && !revealed[g] {
				next = g
				break
			}
		}
		if next == "" {
			return sup, true
		}
		sup[next] = true
	}
}

// mean is the mean of the values (scores, all finite), NaN for none.
func mean(x []float64) float64 {
	if len(x) == 0 {
		return math.NaN()
	}
	return stat.Mean(x, nil)
}

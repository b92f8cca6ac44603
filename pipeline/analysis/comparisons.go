package analysis

import (
	"math"
	"slices"
	"strings"

	"github.com/samenspel/samenspel/pipeline/disclosure"
	"github.com/samenspel/samenspel/pipeline/results"
	"github.com/samenspel/samenspel/pipeline/stats"
)

func init() { Stages = append(Stages, Comparisons) }

// Comparisons is the table `comparisons`: group differences, one test a row.
//
//   - For each scale and each grouping attribute of the study: a Kruskal-Wallis test of
//     the scale scores across the groups (test "kruskal_wallis", effect epsilon squared),
//     and with three groups or more Dunn's pairwise tests (test "dunn", group_by
//     "<attribute>: A vs B", statistic z, positive when A has the higher mean rank,
//     effect r = z / sqrt(n)).
//   - For each codebook factor and each grouping attribute: a chi-square test of
//     independence of "factor mentioned or not" across the groups (test "chi_square",
//     effect Cramér's V), over the interviewed respondents with a segment coded by a
//     counted human coder; a respondent mentions a factor when a counted human coding of
//     one of their segments carries one of its codes. The note says when expected counts
//     fall below 5.
//
// Groups with fewer than MinCell respondents are left out of a test and counted in its
// note. A test that cannot be run (fewer than two groups left, no variation) keeps its
// row with statistic, df and p empty and the reason in the column reason.
//
// The p values are adjusted within families of tests (column family), not across the
// table: the Dunn pairs of one Kruskal-Wallis test ("dunn/<scale>/<attribute>"), the
// Kruskal-Wallis tests of one grouping across the scales ("kruskal_wallis/<attribute>"),
// and the chi-square tests of one grouping across the factors
// ("chi_square/<attribute>"). p_holm is Holm's adjustment within the family;
// p_adjusted the adjustment the study names (Input.Adjust: holm, bh or none; column
// adjustment). eta_squared_h is (H - k + 1)/(n - k) for Kruskal-Wallis rows, and
// effect_magnitude labels eta_squared_h, Dunn's r or Cramér's V after Cohen (1988)
// (stats.EtaSquaredMagnitude, RMagnitude, CramersVMagnitude).
func Comparisons(in *Input, res *results.Results) {
	t := results.NewTable("comparisons",
		results.Column{Name: "measure", Kind: results.Text},
		results.Column{Name: "group_by", Kind: results.Text},
		results.Column{Name: "test", Kind: results.Text},
		results.Column{Name: "statistic", Kind: results.Float},
		results.Column{Name: "df", Kind: results.Int},
		results.Column{Name: "p", Kind: results.P},
		results.Column{Name: "p_holm", Kind: results.P},
		results.Column{Name: "effect_size", Kind: results.Float},
		results.Column{Name: "effect_name", Kind: results.Text},
		results.Column{Name: "n", Kind: results.Int},
		results.Column{Name: "note", Kind: results.Text},
		results.Column{Name: "family", Kind: results.Text},
		results.Column{Name: "adjustment", Kind: results.Text},
		results.Column{Name: "p_adjusted", Kind: results.P},
		results.Column{Name: "reason", Kind: results.Text},
		results.Column{Name: "eta_squared_h", Kind: results.Float},
		results.Column{Name: "effect_magnitude", Kind: results.Text})
	t.Title = map[string]string{"nl": "Verschillen tussen groepen", "en": "Differences between groups"}
	lang := in.Language
	adjust := in.adjustment()
	var ps []float64
	var families []string
	// add appends a test's row; a test with an undefined statistic keeps its row, with
	// df and p empty and the reason given.
	add := func(measure, by, test, family string, statistic float64, df any, p, effect float64, effectName string, n int, note string, eta float64, magnitude stats.Magnitude) {
		if math.IsNaN(effect) || math.IsInf(effect, 0) {
			effectName = ""
		}
		var reason any
		if math.IsNaN(statistic) {
			df, p = nil, math.NaN()
			reason = untestableReason(lang, test)
		}
		t.Add(measure, by, test, results.Opt(statistic), df, results.Opt(p), nil, results.Opt(effect), effectName, n, note,
			family, adjust, nil, reason, results.Opt(eta), string(magnitude))
		ps = append(ps, p)
		families = append(families, family)
	}
	// notRun keeps a row for a test that had fewer than two groups to compare.
	notRun := func(measure, by, test, family string, groups, n int) {
		t.Add(measure, by, test, nil, nil, nil, nil, nil, "", n, "", family, adjust, nil,
			pick(lang,
				sprintf("niet getoetst: %d groep(en) met ten minste %d respondenten, minstens twee nodig", groups, in.MinCell),
				sprintf("not tested: %d group(s) of at least %d respondents, two or more needed", groups, in.MinCell)),
			nil, "")
		ps = append(ps, math.NaN())
		families = append(families, family)
	}

	for _, sa := range in.SurveyScales() {
		for _, by := range in.Groups {
			groups, missing := in.scoreGroups(sa, by)
			noteLeftOut(in, res, "comparisons", sa.Scale.ID, by, missing)
			scores := map[string][]float64{}
			for g, rows := range groups {
				for _, r := range rows {
					if !math.IsNaN(sa.Scores[r]) {
						scores[g] = append(scores[g], sa.Scores[r])
					}
				}
			}
			kept, small := in.splitSmall(scores)
			if len(kept) < 2 {
				notRun(sa.Scale.ID, by, "kruskal_wallis", "kruskal_wallis/"+by, len(kept), countValues(scores, kept))
				continue
			}
			samples := make([][]float64, len(kept))
			for i, g := range kept {
				samples[i] = scores[g]
			}
			note := leftOutNote(in, lang, small)
			kw := stats.KruskalWallis(samples)
			add(sa.Scale.ID, by, "kruskal_wallis", "kruskal_wallis/"+by, kw.H, kw.DF, kw.P, kw.EpsilonSquared, "epsilon_squared", kw.N, note,
				kw.EtaSquaredH, stats.EtaSquaredMagnitude(kw.EtaSquaredH))
			if len(kept) < 3 || math.IsNaN(kw.H) {
				continue
			}
			if len(kept) > MaxPairwiseGroups {
				// 342 municipalities make 58,311 pairs: no reader can use them, and Holm
				// over them drowns every real difference. The Kruskal-Wallis test stands.
				res.Note("comparisons",
					sprintf("%s naar %s: geen paarsgewijze vergelijkingen (Dunn), want %d groepen is meer dan %d.", sa.Scale.ID, attributeLabel(by, "nl"), len(kept), MaxPairwiseGroups),
					sprintf("%s by %s: no pairwise comparisons (Dunn), as %d groups are more than %d.", sa.Scale.ID, attributeLabel(by, "en"), len(kept), MaxPairwiseGroups))
				continue
			}
			for _, c := range stats.Dunn(samples) {
				add(sa.Scale.ID, by+": "+kept[c.A]+" vs "+kept[c.B], "dunn", "dunn/"+sa.Scale.ID+"/"+by, c.Z, nil, c.P, c.R, "r", c.NA+c.NB, "",
					math.NaN(), stats.RMagnitude(c.R))
			}
		}
	}

	fm := in.factorMentions()
	coded := fm.ids
	if len(coded) > 0 && in.Codebook != nil {
		membersBy := map[string]map[string][]int{} // positions in coded
		for _, by := range in.Groups {
			missing := 0
			gi := in.grouping(by, disclosure.Interviews)
			// By group number, then by label (gi.group's label of the number).
			byNum := make([][]int, len(gi.labels))
			for j := range coded {
				switch k := gi.of[fm.nums[j]]; k {
				case noGroup:
				case leftOutGroup:
					missing++
				default:
					byNum[k] = append(byNum[k], j)
				}
			}
			members := map[string][]int{}
			for k, js := range byNum {
				if len(js) > 0 {
					members[gi.labels[k]] = js
				}
			}
			membersBy[by] = members
			noteLeftOut(in, res, "comparisons", "interviews", by, missing)
		}
		for _, f := range in.Codebook.Factors {
			fnum, known := fm.factorNum[f.ID]
			for _, by := range in.Groups {
				members := membersBy[by]
				sizes := map[string][]float64{}
				for g, ids := range members {
					sizes[g] = make([]float64, len(ids)) // only the count matters
				}
				kept, small := in.splitSmall(sizes)
				if len(kept) < 2 {
					notRun(f.ID, by, "chi_square", "chi_square/"+by, len(kept), countValues(sizes, kept))
					continue
				}
				table := make([][]float64, len(kept))
				n := 0
				for i, g := range kept {
					yes := 0
					if known {
						for _, j := range members[g] {
							if fm.mentionsNum(j, fnum) {
								yes++
							}
						}
					}
					table[i] = []float64{float64(yes), float64(len(members[g]) - yes)}
					n += len(members[g])
				}
				cs := stats.ChiSquareIndependence(table)
				notes := []string{}
				if s := leftOutNote(in, lang, small); s != "" {
					notes = append(notes, s)
				}
				if !math.IsNaN(cs.X2) && cs.LowExpected > 0 {
					res.Note("comparisons",
						sprintf("%s naar %s (chi-kwadraat): %d van %d verwachte aantallen onder 5 (kleinste %.1f); de p-waarde is onzeker.", in.measureLabel(f.ID, "nl"), attributeLabel(by, "nl"), cs.LowExpected, 2*len(kept), cs.MinExpected),
						sprintf("%s by %s (chi-square): %d of %d expected counts below 5 (smallest %.1f); the p value is doubtful.", in.measureLabel(f.ID, "en"), attributeLabel(by, "en"), cs.LowExpected, 2*len(kept), cs.MinExpected))
					notes = append(notes, pick(lang,
						sprintf("%d van %d verwachte aantallen onder 5 (kleinste %.1f): de chi-kwadraatbenadering is onzeker", cs.LowExpected, 2*len(kept), cs.MinExpected),
						sprintf("%d of %d expected counts below 5 (smallest %.1f): the chi-square approximation is doubtful", cs.LowExpected, 2*len(kept), cs.MinExpected)))
				}
				add(f.ID, by, "chi_square", "chi_square/"+by, cs.X2, cs.DF, cs.P, cs.CramersV, "cramers_v", n, strings.Join(notes, "; "),
					math.NaN(), stats.CramersVMagnitude(cs.CramersV, min(2, len(kept))))
			}
		}
	}

	adjustWithinFamilies(t, ps, families, adjust)
	res.Add(t)
}

// adjustWithinFamilies fills p_holm (Holm within each family) and p_adjusted (the
// study's method within each family) from the raw p values of the rows.
func adjustWithinFamilies(t *results.Table, ps []float64, families []string, method string) {
	members := map[string][]int{}
	for i, f := range families {
		members[f] = append(members[f], i)
	}
	hcol, acol := t.Col("p_holm"), t.Col("p_adjusted")
	for _, rows := range members {
		p := make([]float64, len(rows))
		for j, i := range rows {
			p[j] = ps[i]
		}
		holm, adj := stats.HolmAdjust(p), stats.Adjust(method, p)
		for j, i := range rows {
			t.Rows[i][hcol] = results.Opt(holm[j])
			t.Rows[i][acol] = results.Opt(adj[j])
		}
	}
}

// adjustment is the study's p-value adjustment, holm when none is named.
func (in *Input) adjustment() string {
	if in.Adjust == "" {
		return "holm"
	}
	return in.Adjust
}

// untestableReason says why a test that was run has no statistic.
func untestableReason(lang, test string) string {
	if test == "chi_square" {
		return pick(lang,
			"niet te toetsen: de factor wordt door alle of door geen van deze respondenten genoemd",
			"not testable: every or no respondent in these groups mentions the factor")
	}
	return pick(lang,
		"niet te toetsen: alle scores zijn gelijk",
		"not testable: every score is the same")
}

// countValues counts the values of the kept groups.
func countValues(groups map[string][]float64, kept []string) int {
	n := 0
	for _, g := range kept {
		n += len(groups[g])
	}
	return n
}

// factorMentions are, for each respondent with a segment of their own coded by a
// counted human coder (only respondents in the dataset's respondents), the factors that
// counted human codings of their segments carry: ids holds those respondents sorted,
// nums their respondent numbers, and sets[j*words:(j+1)*words] the factors of ids[j],
// by number (factorNum).
type factorMentions struct {
	ids       []string
	nums      []int32
	factorNum map[string]int
	words     int
	sets      []uint64
}

// mentionsNum reports whether respondent j of ids mentions factor number f.
func (m *factorMentions) mentionsNum(j, f int) bool {
	return has(m.sets[j*m.words:(j+1)*m.words], f)
}

// factorMentions returns the factor mentions, counted by respondent and factor number.
func (in *Input) factorMentions() *factorMentions {
	// From the coding index: the counted human coder's coded slot of each respondent
	// segment, and the codebook codes in it (the codes of the codings that count).
	x := in.ids
	primary := -1
	if in.PrimaryCoder != "" {
		for c, name := range x.coders {
			if name == in.PrimaryCoder && c != x.auto {
				primary = c
			}
		}
	}
	fm := &factorMentions{factorNum: map[string]int{}}
	codeFactor := make([]int, len(x.pairOf))
	for k, pair := range x.pairOf {
		f, ok := fm.factorNum[pair[0]]
		if !ok {
			f = len(fm.factorNum)
			fm.factorNum[pair[0]] = f
		}
		codeFactor[k] = f
	}
	fm.words = (len(fm.factorNum) + 63) / 64
	mentioned := make([]bool, len(x.respIDs))
	sets := make([]uint64, len(x.respIDs)*fm.words) // by the index's respondent number
	for sg, ref := range x.seg {
		if ref == nil || ref.interviewer {
			continue
		}
		c := int(x.counting[sg])
		if in.PrimaryCoder != "" {
			c = primary
		}
		r := x.resp[sg]
		if c < 0 || !x.coded[x.slot(sg, c)] || x.respNum[r] == noRespondent {
			continue
		}
		mentioned[r] = true
		if in.Codebook == nil {
			continue
		}
		set := sets[r*fm.words : (r+1)*fm.words]
		eachBit(x.set(sg, c), func(k int) {
			f := codeFactor[k]
			set[f/64] |= 1 << (f % 64)
		})
	}
	var order []int
	for _, r := range x.listed {
		if mentioned[r] {
			order = append(order, int(r))
		}
	}
	// In the dataset's order of respondents, usually sorted already.
	byID := func(a, b int) int { return strings.Compare(x.respIDs[a], x.respIDs[b]) }
	if !slices.IsSortedFunc(order, byID) {
		slices.SortFunc(order, byID)
	}
	fm.ids = make([]string, len(order))
	fm.nums = make([]int32, len(order))
	fm.sets = make([]uint64, len(order)*fm.words)
	for j, r := range order {
		fm.ids[j] = x.respIDs[r]
		fm.nums[j] = x.respNum[r]
		copy(fm.sets[j*fm.words:], sets[r*fm.words:(r+1)*fm.words])
	}
	return fm
}

// MaxPairwiseGroups is the most groups for which Dunn's pairwise comparisons are made.
const MaxPairwiseGroups = 30

// splitSmall returns the groups with at least MinCell values, sorted, and the others.
func (in *Input) splitSmall(groups map[string][]float64) (kept, small []string) {
	for _, g := range SortedGroups(groups) {
		if in.Suppressed(len(groups[g])) {
			small = append(small, g)
		} else {
			kept = append(kept, g)
		}
	}
	return kept, small
}

// leftOutNote counts the groups left out of a test for being smaller than MinCell.
func leftOutNote(in *Input, lang string, small []string) string {
	if len(small) == 0 {
		return ""
	}
	// The groups are counted, not named: a group under MinCell appears nowhere as its own
	// group.
	return pick(lang,
		sprintf("%d groep(en) met minder dan %d respondenten weggelaten", len(small), in.MinCell),
		sprintf("%d group(s) with fewer than %d respondents left out", len(small), in.MinCell))
}

// pick returns the Dutch or the English text for a language.
func pick(lang, nl, en string) string {
	if lang == "en" {
		return en
	}
	return nl
}

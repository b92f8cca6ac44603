package analysis

import (
	"math"
	"strings"

	"github.com/samenspel/samenspel/pipeline/model"
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
// Groups with fewer than MinCell respondents are left out of a test and named in its
// note; a test with fewer than two groups left is not run, and a note says so. p_holm is
// Holm's adjustment across all rows of the table.
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
		results.Column{Name: "note", Kind: results.Text})
	t.Title = map[string]string{"nl": "Verschillen tussen groepen", "en": "Differences between groups"}
	var ps []float64
	add := func(measure, by, test string, statistic float64, df any, p, effect float64, effectName string, n int, note string) {
		if math.IsNaN(effect) || math.IsInf(effect, 0) {
			effectName = ""
		}
		t.Add(measure, by, test, results.Opt(statistic), df, results.Opt(p), nil, results.Opt(effect), effectName, n, note)
		ps = append(ps, p)
	}
	lang := in.Language

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
				noteNotRun(in, res, sa.Scale.ID, by, len(kept))
				continue
			}
			samples := make([][]float64, len(kept))
			for i, g := range kept {
				samples[i] = scores[g]
			}
			note := leftOutNote(in, lang, small)
			kw := stats.KruskalWallis(samples)
			add(sa.Scale.ID, by, "kruskal_wallis", kw.H, kw.DF, kw.P, kw.EpsilonSquared, "epsilon_squared", kw.N, note)
			if len(kept) < 3 {
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
				add(sa.Scale.ID, by+": "+kept[c.A]+" vs "+kept[c.B], "dunn", c.Z, nil, c.P, c.R, "r", c.NA+c.NB, "")
			}
		}
	}

	mentions, coded := in.factorMentions()
	if len(coded) > 0 && in.Codebook != nil {
		membersBy := map[string]map[string][]string{}
		for _, by := range in.Groups {
			members := map[string][]string{}
			missing := 0
			for _, id := range coded {
				g := GroupOf(in.Respondent(id), by)
				if g == "" {
					missing++
					continue
				}
				members[g] = append(members[g], id)
			}
			membersBy[by] = members
			noteLeftOut(in, res, "comparisons", "interviews", by, missing)
		}
		for _, f := range in.Codebook.Factors {
			for _, by := range in.Groups {
				members := membersBy[by]
				sizes := map[string][]float64{}
				for g, ids := range members {
					sizes[g] = make([]float64, len(ids)) // only the count matters
				}
				kept, small := in.splitSmall(sizes)
				if len(kept) < 2 {
					noteNotRun(in, res, f.ID, by, len(kept))
					continue
				}
				table := make([][]float64, len(kept))
				n := 0
				for i, g := range kept {
					yes := 0
					for _, id := range members[g] {
						if mentions[id][f.ID] {
							yes++
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
				if math.IsNaN(cs.X2) {
					notes = append(notes, pick(lang,
						"niet te toetsen: de factor wordt door alle of door geen van deze respondenten genoemd",
						"not testable: every or no respondent in these groups mentions the factor"))
				} else if cs.LowExpected > 0 {
					notes = append(notes, pick(lang,
						sprintf("%d van %d verwachte aantallen onder 5 (kleinste %.1f): de chi-kwadraatbenadering is onzeker", cs.LowExpected, 2*len(kept), cs.MinExpected),
						sprintf("%d of %d expected counts below 5 (smallest %.1f): the chi-square approximation is doubtful", cs.LowExpected, 2*len(kept), cs.MinExpected)))
				}
				add(f.ID, by, "chi_square", cs.X2, cs.DF, cs.P, cs.CramersV, "cramers_v", n, strings.Join(notes, "; "))
			}
		}
	}

	hcol := t.Col("p_holm")
	for i, h := range stats.HolmAdjust(ps) {
		t.Rows[i][hcol] = results.Opt(h)
	}
	res.Add(t)
}

// factorMentions returns, for each respondent with a segment of their own coded by a
// counted human coder, the factors that counted human codings of their segments carry,
// and those respondents sorted (only respondents in the dataset's respondents).
func (in *Input) factorMentions() (map[string]map[string]bool, []string) {
	mentions := map[string]map[string]bool{}
	for _, c := range in.Data.Codings {
		if c.Coder == AutoCoder || (in.PrimaryCoder != "" && c.Coder != in.PrimaryCoder) {
			continue
		}
		seg := in.Segment(c.Segment)
		if seg == nil || seg.Interviewer || in.Respondent(seg.Respondent) == nil {
			continue
		}
		m := mentions[seg.Respondent]
		if m == nil {
			m = map[string]bool{}
			mentions[seg.Respondent] = m
		}
		if !in.Counted(c) || in.Codebook == nil {
			continue
		}
		if code, ok := in.Codebook.Code(c.Code); ok {
			m[code.Factor] = true
		}
	}
	return mentions, model.SortedKeys(mentions)
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

// noteNotRun notes a test that was not run for lack of groups.
func noteNotRun(in *Input, res *results.Results, measure, by string, groups int) {
	res.Note("comparisons",
		sprintf("%s naar %s: niet getoetst, want %d groep(en) met minstens %d respondenten.", measure, attributeLabel(by, "nl"), groups, in.MinCell),
		sprintf("%s by %s: not tested, as %d group(s) have at least %d respondents.", measure, attributeLabel(by, "en"), groups, in.MinCell))
}

// pick returns the Dutch or the English text for a language.
func pick(lang, nl, en string) string {
	if lang == "en" {
		return en
	}
	return nl
}

package analysis

import (
	"github.com/samenspel/samenspel/pipeline/disclosure"
	"github.com/samenspel/samenspel/pipeline/results"
	"github.com/samenspel/samenspel/pipeline/stats"
)

func init() { Stages = append(Stages, Sample, CodeFrequencies) }

// codeUse is what the counted codings say of the respondents: those with at least one
// counted coded segment (coded). The segments per code are in the coding index.
type codeUse struct {
	coded map[string]bool
}

// uses returns the respondents whose codings count, from the coding index: a respondent
// counts when a coding that counts (Input.Counted), or a row with an empty code by the
// counted coder, is on one of their respondent segments.
func (in *Input) uses() *codeUse { return &codeUse{coded: in.ids.codedResp} }

// groupMembers returns, for a grouping attribute, the respondent numbers of each group
// among members (respondentNumbers), grouped as the strand's tables show them.
// Respondents without a value for the attribute, or in a suppressed group, are left out.
func (in *Input) groupMembers(by string, members []int32, strand string) map[string][]int32 {
	gi := in.grouping(by, strand)
	lists := make([][]int32, len(gi.labels))
	for _, n := range members {
		if k := gi.of[n]; k >= 0 {
			lists[k] = append(lists[k], n)
		}
	}
	groups := map[string][]int32{}
	for k, l := range lists {
		if len(l) > 0 {
			groups[gi.labels[k]] = l
		}
	}
	return groups
}

// suppressedGroups decides which groups of one grouping are suppressed, by their
// numbers of members, with the rule of suppressSmall (small groups, and the next smallest
// where exactly one is small).
func (in *Input) suppressedGroups(groups map[string][]int32, by string) map[string]bool {
	sizes := make(map[string]int, len(groups))
	for g, m := range groups {
		sizes[g] = len(m)
	}
	return in.suppressSmall(sizes, by)
}

// Sample is the table `sample`: respondents per group, interviewed and surveyed.
func Sample(in *Input, res *results.Results) {
	t := results.NewTable("sample",
		results.Column{Name: "group_by", Kind: results.Text},
		results.Column{Name: "group", Kind: results.Text},
		results.Column{Name: "respondents", Kind: results.Int},
		results.Column{Name: "suppressed", Kind: results.Bool},
		results.Column{Name: "interviewed", Kind: results.Int},
		results.Column{Name: "surveyed", Kind: results.Int})
	var surveyedN, allN []int32
	if s, ok := in.surveyedByNumber(); ok {
		surveyedN, allN = s.surveyed, s.sampled
	} else {
		surveyed := in.Surveyed()
		surveyedN, allN = in.respondentNumbers(surveyed), in.sampledNumbers(surveyed)
	}
	interviewedN := in.respondentNumbers(in.Interviewed)
	for _, by := range in.GroupBys() {
		// The interviewed are grouped as the interview tables group them, the surveyed
		// as the survey tables do; respondents are counted per group only where both
		// group alike.
		iv := in.groupSizes(by, disclosure.Interviews, interviewedN)
		sv := in.groupSizes(by, disclosure.Survey, surveyedN)
		same := in.sameStrands(by)
		groups := map[string]int{}
		if same {
			groups = in.groupSizes(by, "", allN)
		}
		sizes := map[string]int{}
		for _, m := range []map[string]int{groups, iv, sv} {
			for g, size := range m {
				if n, ok := sizes[g]; !ok || (size > 0 && size < n) || n == 0 {
					sizes[g] = size
				}
			}
		}
		sup := in.suppressSmall(sizes, by)
		for _, g := range SortedGroups(sizes) {
			if sup[g] {
				t.Add(by, g, nil, true, nil, nil)
				continue
			}
			var nr, ni, ns any
			if same {
				nr = groups[g]
			}
			if in.shows(disclosure.Interviews, by, g) {
				ni = iv[g]
			}
			if in.shows(disclosure.Survey, by, g) {
				ns = sv[g]
			}
			t.Add(by, g, nr, false, ni, ns)
		}
		noteSuppressed(res, "sample", by, sup)
	}
	res.Add(t)
}

// CodeFrequencies is the table `code_frequencies`: per grouping and group, for each factor
// (code "*": any code of the factor) and each code, the segments and respondents carrying
// it, the share of the group's interviewed respondents, and its Wilson 95% interval.
func CodeFrequencies(in *Input, res *results.Results) {
	t := results.NewTable("code_frequencies",
		results.Column{Name: "factor", Kind: results.Text},
		results.Column{Name: "code", Kind: results.Text},
		results.Column{Name: "group_by", Kind: results.Text},
		results.Column{Name: "group", Kind: results.Text},
		results.Column{Name: "segments", Kind: results.Int},
		results.Column{Name: "respondents", Kind: results.Int},
		results.Column{Name: "group_respondents", Kind: results.Int},
		results.Column{Name: "share", Kind: results.Share},
		results.Column{Name: "suppressed", Kind: results.Bool},
		results.Column{Name: "ci_low", Kind: results.Share},
		results.Column{Name: "ci_high", Kind: results.Share},
		results.Column{Name: "valence", Kind: results.Text})
	x := in.ids
	if len(x.codedResp) == 0 {
		res.Add(t)
		return
	}
	// Per respondent, the segments carrying each code and factor are counted once in the
	// coding index; each group sums its members', so the work grows with codings plus
	// respondents × codes rather than groups × codings.
	K := len(x.keys)
	ns, nr := make([]int, K), make([]int, K)
	for _, by := range in.GroupBys() {
		groups := map[string][]int{}
		gi := in.grouping(by, disclosure.Interviews)
		for r, ok := range x.respCoded {
			if !ok {
				continue
			}
			if g, _ := gi.group(x.respNum[r]); g != "" {
				groups[g] = append(groups[g], r)
			}
		}
		sizes := make(map[string]int, len(groups))
		for g, m := range groups {
			sizes[g] = len(m)
		}
		sup := in.suppressSmall(sizes, by)
		for _, g := range SortedGroups(groups) {
			members := groups[g]
			clear(ns)
			clear(nr)
			if !sup[g] {
				for _, r := range members {
					for k, n := range x.perResp[r*K : (r+1)*K] {
						if n > 0 {
							ns[k] += int(n)
							nr[k]++
						}
					}
				}
			}
			row := func(factor, code, valence, key string) {
				if sup[g] {
					t.Add(factor, code, by, g, nil, nil, nil, nil, true, nil, nil, valence)
					return
				}
				var segs, resp int
				if k, ok := x.keyOf[key]; ok {
					segs, resp = ns[k], nr[k]
				}
				lo, hi := stats.WilsonInterval(resp, len(members), 0.95)
				t.Add(factor, code, by, g, segs, resp, len(members), float64(resp)/float64(len(members)), false, results.Opt(lo), results.Opt(hi), valence)
			}
			for _, f := range in.Codebook.Factors {
				row(f.ID, "*", "", "*"+f.ID)
				for _, c := range f.Codes {
					row(f.ID, c.ID, string(c.Valence), c.ID)
				}
			}
		}
		noteSuppressed(res, "code_frequencies", by, sup)
	}
	res.Add(t)
}

// noteSuppressed adds a note naming how many groups of a grouping were suppressed. The
// groups are not named: a suppressed municipality appears nowhere as its own group.
func noteSuppressed(res *results.Results, topic, by string, sup map[string]bool) {
	if len(sup) == 0 || by == "all" {
		return
	}
	n := len(sup)
	res.Note(topic,
		sprintf("%d groep(en) naar %s met minder dan %d respondenten (of nodig om die te beschermen) zijn niet getoond.", n, attributeLabel(by, "nl"), res.MinCell),
		sprintf("%d group(s) by %s with fewer than %d respondents (or needed to protect those) are not shown.", n, attributeLabel(by, "en"), res.MinCell))
}

package analysis

import (
	"math"
	"sort"
	"strconv"

	"github.com/samenspel/samenspel/pipeline/results"
	"github.com/samenspel/samenspel/pipeline/stats"
)

func init() { Stages = append(Stages, Scales, ScaleItems) }

// TInterval names the scales' interval in column ci_method.
const TInterval = "t"

// describeColumns are the columns shared by the scales and items tables after the keys.
var describeColumns = []results.Column{
	{Name: "n", Kind: results.Int},
	{Name: "mean", Kind: results.Float},
	{Name: "sd", Kind: results.Float},
	{Name: "ci_low", Kind: results.Float},
	{Name: "ci_high", Kind: results.Float},
	{Name: "median", Kind: results.Float},
	{Name: "pct_agree", Kind: results.Share},
	{Name: "suppressed", Kind: results.Bool},
}

// describeCells are the cells for describeColumns: the statistics of d, or, for a
// suppressed group, empty cells and suppressed = true.
func describeCells(d stats.Description, suppressed bool) []any {
	if suppressed {
		return []any{nil, nil, nil, nil, nil, nil, nil, true}
	}
	return []any{d.N, results.Opt(d.Mean), results.Opt(d.SD), results.Opt(d.CILow),
		results.Opt(d.CIHigh), results.Opt(d.Median), results.Opt(d.ShareAgree), false}
}

// Scales is the table `scales`: per scale, grouping and group, the respondents with a
// scale score (n), their mean, sd, 95% t-interval, median, and the share whose score is
// at least the scale's agree_from (pct_agree, 0..1; empty when the codebook sets none).
// Groups follow the grouping's sorted values; a group with fewer than MinCell scores is
// suppressed, and where that leaves exactly one group of a grouping suppressed the next
// smallest is suppressed too, so the first cannot be recovered from the "all" row.
// Respondents without a value for a grouping are left out of it, with a note. Column
// ci_method names the interval: "t", mean ± t_{n-1, 0.975} sd / sqrt(n)
// (stats.Describe).
func Scales(in *Input, res *results.Results) {
	t := results.NewTable("scales", append(append([]results.Column{
		{Name: "scale", Kind: results.Text},
		{Name: "group_by", Kind: results.Text},
		{Name: "group", Kind: results.Text},
	}, describeColumns...), results.Column{Name: "ci_method", Kind: results.Text})...)
	t.Title = map[string]string{"nl": "Schaalscores", "en": "Scale scores"}
	for _, sa := range in.SurveyScales() {
		agree := agreeFrom(sa.Scale)
		for _, by := range in.GroupBys() {
			groups, missing := in.scoreGroups(sa, by)
			descs := map[string]stats.Description{}
			sizes := map[string]int{}
			for g, rows := range groups {
				scores := make([]float64, len(rows))
				for i, r := range rows {
					scores[i] = sa.Scores[r]
				}
				descs[g] = stats.Describe(scores, agree)
				sizes[g] = descs[g].N
			}
			sup := in.suppressSmall(sizes, by)
			for _, g := range SortedGroups(groups) {
				var method any
				if !sup[g] && !math.IsNaN(descs[g].CILow) {
					method = TInterval
				}
				t.Add(append(append([]any{sa.Scale.ID, by, g}, describeCells(descs[g], sup[g])...), method)...)
			}
			noteLeftOut(in, res, "scales", sa.Scale.ID, by, missing)
			noteSmall(in, res, "scales", sa.Scale.ID, by, sup)
		}
	}
	res.Add(t)
}

// ScaleItems is the table `items`: per scale item, grouping and group, the statistics of
// the answers as asked (not reversed; reverse says which items are reverse-keyed), and
// for the diverging stacked bar figure the share of the answers at each answer value,
// pct_<value>, over the answer values of every scale (empty where a scale lacks the
// value). Suppression and left-out respondents as in Scales, per item.
func ScaleItems(in *Input, res *results.Results) {
	scales := in.SurveyScales()
	values := answerValues(scales)
	cols := append([]results.Column{
		{Name: "scale", Kind: results.Text},
		{Name: "item", Kind: results.Text},
		{Name: "group_by", Kind: results.Text},
		{Name: "group", Kind: results.Text},
	}, describeColumns...)
	cols = append(cols, results.Column{Name: "reverse", Kind: results.Bool})
	for _, v := range values {
		cols = append(cols, results.Column{Name: "pct_" + formatValue(v), Kind: results.Share})
	}
	t := results.NewTable("items", cols...)
	t.Title = map[string]string{"nl": "Antwoorden per item", "en": "Answers per item"}
	for _, sa := range scales {
		agree := agreeFrom(sa.Scale)
		onThisScale := map[float64]bool{}
		for _, a := range sa.Scale.Answers {
			onThisScale[a.Value] = true
		}
		groupsBy := map[string]map[string][]int{}
		supBy := map[string]map[string]bool{} // groups suppressed for any item
		for _, by := range in.GroupBys() {
			groups, missing := in.scoreGroups(sa, by)
			groupsBy[by] = groups
			supBy[by] = map[string]bool{}
			noteLeftOut(in, res, "items", sa.Scale.ID, by, missing)
		}
		// The answers item by item (a column per item), read once per grouping.
		// A grouping's groups hold each row at most once, so one buffer of the scale's
		// rows holds every group's answers to an item; it is used again for the next
		// grouping and item (a slice per group and item was 56 MB of garbage on a
		// national study).
		column := make([]float64, len(sa.Asked))
		answersBuf := make([]float64, len(sa.Asked))
		for j, item := range sa.Scale.Items {
			for i, row := range sa.Asked {
				column[i] = row[j]
			}
			for _, by := range in.GroupBys() {
				groups := groupsBy[by]
				answers := map[string][]float64{}
				sizes := map[string]int{}
				free := answersBuf
				for g, rows := range groups {
					if len(rows) > len(free) { // a row in two groups: never so far, but safe
						free = make([]float64, len(rows))
					}
					xs := free[:0:len(rows)]
					for _, r := range rows {
						if v := column[r]; !math.IsNaN(v) {
							xs = append(xs, v)
						}
					}
					free = free[len(xs):]
					answers[g] = xs
					sizes[g] = len(xs)
				}
				sup := in.suppressSmall(sizes, by)
				for g := range sup {
					supBy[by][g] = true
				}
				for _, g := range SortedGroups(groups) {
					xs := answers[g]
					row := append([]any{sa.Scale.ID, item.ID, by, g}, describeCells(stats.Describe(xs, agree), sup[g])...)
					row = append(row, item.Reverse)
					for _, v := range values {
						if sup[g] || !onThisScale[v] || len(xs) == 0 {
							row = append(row, nil)
							continue
						}
						k := 0
						for _, x := range xs {
							if x == v {
								k++
							}
						}
						row = append(row, float64(k)/float64(len(xs)))
					}
					t.Add(row...)
				}
			}
		}
		for _, by := range in.GroupBys() {
			noteSmall(in, res, "items", sa.Scale.ID, by, supBy[by])
		}
	}
	res.Add(t)
}

// answerValues returns the answer values of all scales, ascending, without repeats.
func answerValues(scales []*ScaleAnswers) []float64 {
	seen := map[float64]bool{}
	var out []float64
	for _, sa := range scales {
		for _, a := range sa.Scale.Answers {
			if !seen[a.Value] && !math.IsNaN(a.Value) && !math.IsInf(a.Value, 0) {
				seen[a.Value] = true
				out = append(out, a.Value)
			}
		}
	}
	sort.Float64s(out)
	return out
}

// formatValue writes an answer value for a column name: 4 as "4", 2.5 as "2.5", -1 as
// "-1".
func formatValue(v float64) string { return strconv.FormatFloat(v, 'f', -1, 64) }

// suppressSmall decides which groups of one grouping are suppressed: every group with
// fewer than MinCell values, and where exactly one group of several is, the next smallest
// as well, so the suppressed group cannot be recovered from the "all" row and the shown
// groups. The "all" row is suppressed only when it is itself too small.
func (in *Input) suppressSmall(sizes map[string]int, by string) map[string]bool {
	sup := map[string]bool{}
	for g, n := range sizes {
		if in.Suppressed(n) {
			sup[g] = true
		}
	}
	if by != "all" && len(sup) == 1 && len(sizes) > 1 {
		next := ""
		for _, g := range SortedGroups(sizes) {
			if !sup[g] && (next == "" || sizes[g] < sizes[next]) {
				next = g
			}
		}
		if next != "" {
			sup[next] = true
		}
	}
	return sup
}

// noteLeftOut notes the respondents left out of a grouping because they have no value for
// the attribute.
func noteLeftOut(in *Input, res *results.Results, topic, measure, by string, missing int) {
	if missing == 0 {
		return
	}
	res.Note(topic,
		sprintf("%s: %d respondent(en) zonder %s zijn bij de indeling naar %s weggelaten.", in.measureLabel(measure, "nl"), missing, attributeLabel(by, "nl"), attributeLabel(by, "nl")),
		sprintf("%s: %d respondent(s) without a %s are left out of the grouping by %s.", in.measureLabel(measure, "en"), missing, attributeLabel(by, "en"), attributeLabel(by, "en")))
}

// noteSmall notes the groups of a grouping that are suppressed.
func noteSmall(in *Input, res *results.Results, topic, measure, by string, sup map[string]bool) {
	if len(sup) == 0 {
		return
	}
	if by == "all" && in.MinCell <= 1 { // suppressed for want of anyone: "fewer than 1 respondents" says it wrongly
		res.Note(topic,
			sprintf("%s: geen respondenten; niet getoond.", in.measureLabel(measure, "nl")),
			sprintf("%s: no respondents; not shown.", in.measureLabel(measure, "en")))
		return
	}
	if by == "all" {
		res.Note(topic,
			sprintf("%s: minder dan %d respondenten; niet getoond.", in.measureLabel(measure, "nl"), in.MinCell),
			sprintf("%s: fewer than %d respondents; not shown.", in.measureLabel(measure, "en"), in.MinCell))
		return
	}
	if in.MinCell <= 1 {
		res.Note(topic,
			sprintf("%s: %d groep(en) naar %s zonder respondenten zijn niet getoond.", in.measureLabel(measure, "nl"), len(sup), attributeLabel(by, "nl")),
			sprintf("%s: %d group(s) by %s without respondents are not shown.", in.measureLabel(measure, "en"), len(sup), attributeLabel(by, "en")))
		return
	}
	res.Note(topic,
		sprintf("%s: %d groep(en) naar %s met minder dan %d respondenten (of nodig om die te beschermen) zijn niet getoond.", in.measureLabel(measure, "nl"), len(sup), attributeLabel(by, "nl"), in.MinCell),
		sprintf("%s: %d group(s) by %s with fewer than %d respondents (or needed to protect those) are not shown.", in.measureLabel(measure, "en"), len(sup), attributeLabel(by, "en"), in.MinCell))
}

// measureLabel names a scale or factor in a note as the report's tables name it (the
// scale's, else the factor's label in the language), or the id where the codebook has
// none.
func (in *Input) measureLabel(id, lang string) string {
	if in.Codebook == nil {
		return id
	}
	for _, sc := range in.Codebook.Scales {
		if sc.ID == id {
			if l := sc.Label.In(lang); l != "" {
				return l
			}
		}
	}
	for _, f := range in.Codebook.Factors {
		if f.ID == id {
			if l := f.Label.In(lang); l != "" {
				return l
			}
		}
	}
	if id == "interviews" {
		return pick(lang, "Interviews", "Interviews")
	}
	return id
}

// attributeLabel names a grouping attribute in a sentence.
func attributeLabel(by, lang string) string {
	names := map[string][2]string{"role": {"rol", "role"}, "municipality": {"gemeente", "municipality"}, "wave": {"meting", "wave"}}
	if n, ok := names[by]; ok {
		if lang == "en" {
			return n[1]
		}
		return n[0]
	}
	return by
}

package analysis

import (
	"math"
	"slices"
	"sort"
	"strings"
	"unicode/utf8"

	"github.com/samenspel/samenspel/codebook"
	"github.com/samenspel/samenspel/pipeline/disclosure"
	"github.com/samenspel/samenspel/pipeline/results"
)

// Joins are the stages that join the tables of the Stages, after all of them have run:
// the joint display and the municipality benchmark read the published scales and code
// frequencies, so their numbers and their suppression are those tables' own.
var Joins []Stage

func init() { Joins = append(Joins, JointDisplay) }

// The meta-inferences of the joint display (Fetters, Curry & Creswell 2013; Guetterman,
// Fetters & Creswell 2015): do the survey and the interviews tell the same story?
const (
	Convergent    = "convergent"
	Divergent     = "divergent"
	OneSourceOnly = disclosure.OneSourceOnly
)

// JointTopCodes is how many of a factor's most frequent codes the joint display names.
const JointTopCodes = 3

// minQuoteRunes is the shortest segment that is quoted, as in the table quotes.
const minQuoteRunes = 40

// JointEvidence is what one cell of the joint display holds of each source.
type JointEvidence struct {
	// Survey is true when the survey side is shown: a scale belongs to the factor, the
	// group's scale row is shown and its share agreeing is defined.
	Survey   bool
	PctAgree float64
	// Interviews is true when the interview side is shown; Facilitators and Barriers are
	// the interviewees who name the factor as a facilitator and as a barrier.
	Interviews             bool
	Facilitators, Barriers int
}

// MetaInference states whether the two sources agree, by this rule:
//
//   - the survey leans positive when the share agreeing (scale score ≥ agree_from) is at
//     least 0.5, else negative;
//   - the interviews lean positive when more interviewees name the factor as a
//     facilitator than as a barrier, else negative (a tie is not positive);
//   - "convergent" when both lean the same way, "divergent" when they do not;
//   - "one source only" when only one side is shown, or the interviewees name the factor
//     neither way (no interview evidence to compare); "" when neither side is shown.
func (e JointEvidence) MetaInference() string {
	survey := e.Survey && !math.IsNaN(e.PctAgree) && !math.IsInf(e.PctAgree, 0)
	interviews := e.Interviews && e.Facilitators+e.Barriers > 0
	switch {
	case survey && interviews:
		if (e.PctAgree >= 0.5) == (e.Facilitators > e.Barriers) {
			return Convergent
		}
		return Divergent
	case survey || interviews:
		return OneSourceOnly
	}
	return ""
}

// jointColumns are the columns of the table joint_display.
var jointColumns = []results.Column{
	{Name: "factor", Kind: results.Text},
	{Name: "scale", Kind: results.Text},
	{Name: "group_by", Kind: results.Text},
	{Name: "group", Kind: results.Text},
	{Name: "n", Kind: results.Int},
	{Name: "mean", Kind: results.Float},
	{Name: "ci_low", Kind: results.Float},
	{Name: "ci_high", Kind: results.Float},
	{Name: "pct_agree", Kind: results.Share},
	{Name: "group_respondents", Kind: results.Int},
	{Name: "facilitator_respondents", Kind: results.Int},
	{Name: "facilitator_share", Kind: results.Share},
	{Name: "barrier_respondents", Kind: results.Int},
	{Name: "barrier_share", Kind: results.Share},
	{Name: "top_codes", Kind: results.Text},
	{Name: "facilitator_quote", Kind: results.Text},
	{Name: "facilitator_quote_by", Kind: results.Text},
	{Name: "barrier_quote", Kind: results.Text},
	{Name: "barrier_quote_by", Kind: results.Text},
	{Name: "meta_inference", Kind: results.Text},
}

// JointDisplay is the table `joint_display`, "statistics by themes" (Guetterman,
// Fetters & Creswell 2015): a row per success factor of the codebook for all
// respondents, and, where the study groups by municipality, a row per factor and
// municipality that both sources cover (a group of the scales table and of
// code_frequencies alike; the pooled group only when both strands pool alike).
//
// Survey side (from the table scales, so suppressed exactly as there): n, mean, 95%
// t-interval and share agreeing of the factor's scale, the first scale of the codebook
// whose factor is the factor (else one whose id is the factor's). Interview side: the
// group's interviewees with a counted coding (group_respondents, as in code_frequencies),
// those of them naming the factor with a facilitator code and with a barrier code, with
// their shares, and the JointTopCodes codes of the factor carried by most of them (ties
// in codebook order; from code_frequencies). It is shown only where code_frequencies
// shows the group and the disclosure decision lets codes be counted per group
// (Decision.CodeCounts). The quotes: of the group's counted, redacted segments of at
// least 40 characters carrying a code of the factor with the valence, the one that
// carries the most such codes, ties by the smaller (pseudonymised) segment id, cut like
// the quotes table; with the respondent's published pseudonym. A municipality's quotes
// are given only where respondent-level rows may show the municipality. meta_inference
// follows JointEvidence.MetaInference.
func JointDisplay(in *Input, res *results.Results) {
	t := results.NewTable(disclosure.JointTable, jointColumns...)
	t.Title = map[string]string{"nl": "Gezamenlijke weergave: enquête en interviews per succesfactor", "en": "Joint display: survey and interviews by success factor"}
	defer res.Add(t)
	cb := in.Codebook
	if cb == nil || len(cb.Factors) == 0 {
		return
	}
	scales := indexRows(res.Table("scales"), "scale", "group_by", "group")
	freqs := indexRows(res.Table("code_frequencies"), "factor", "code", "group_by", "group")
	// A row is keyed by group_by and group, never by the group alone: a municipality
	// named "all" is its own row beside the study's (finding 7).
	groups := []jointGroup{{"all", "all"}}
	if containsString(in.Groups, "municipality") {
		for _, g := range in.jointMunicipalities(res, t) {
			groups = append(groups, jointGroup{"municipality", g})
		}
	}
	ev := in.jointEvidence()
	withheld := false
	for _, f := range cb.Factors {
		scale := scaleOf(cb, f.ID)
		if scale == "" && ev.named(jointKey{f.ID, codebook.Facilitator, "all", "all"})+ev.named(jointKey{f.ID, codebook.Barrier, "all", "all"}) == 0 {
			// Nothing to join: no scale, and nobody names the factor (the default
			// codebook's fourth factor in a study that codes only the first three).
			continue
		}
		for _, jg := range groups {
			by, g := jg.by, jg.group
			row := make([]any, len(jointColumns))
			row[0], row[2], row[3] = f.ID, by, g
			var e JointEvidence
			if scale != "" {
				row[1] = scale
				if r := scales.get(scale, by, g); r != nil && !r.flag("suppressed") && r.cell("mean") != nil && in.shows(disclosure.Survey, by, g) {
					copy(row[4:9], []any{r.cell("n"), r.cell("mean"), r.cell("ci_low"), r.cell("ci_high"), r.cell("pct_agree")})
					if p, ok := results.Num(r.cell("pct_agree")); ok {
						e.Survey, e.PctAgree = true, p
					}
				}
			}
			fr := freqs.get(f.ID, "*", by, g)
			counts := in.Disclosure == nil || by == "all" || in.Disclosure.CodeCounts(by, g)
			if fr != nil && !counts {
				withheld = true
			}
			if n, ok := fr.int("group_respondents"); ok && n > 0 && !fr.flag("suppressed") && counts && in.shows(disclosure.Interviews, by, g) {
				nf, nb := ev.named(jointKey{f.ID, codebook.Facilitator, by, g}), ev.named(jointKey{f.ID, codebook.Barrier, by, g})
				e.Interviews, e.Facilitators, e.Barriers = true, nf, nb
				copy(row[9:15], []any{n, nf, float64(nf) / float64(n), nb, float64(nb) / float64(n), topCodes(freqs, f, by, g)})
				if by == "all" || in.Disclosure == nil || in.Disclosure.MunicipalityInRows {
					if q, ok := ev.quote(f.ID, codebook.Facilitator, jg); ok {
						row[15], row[16] = q.text, q.by
					}
					if q, ok := ev.quote(f.ID, codebook.Barrier, jg); ok {
						row[17], row[18] = q.text, q.by
					}
				}
			}
			if m := e.MetaInference(); m != "" {
				row[19] = m
			}
			t.Add(row...)
		}
	}
	if withheld {
		res.Note("joint_display",
			"Gezamenlijke weergave: de interviews zijn niet per gemeente weergegeven, om dezelfde reden als bij de codefrequenties (de codeprofielen van respondenten zouden aan gemeenten toe te wijzen zijn); daar staat alleen de enquête.",
			"Joint display: the interviews are not shown per municipality, for the same reason as in the code frequencies (respondents' code profiles could be assigned to municipalities); only the survey is shown there.")
	}
}

// jointMunicipalities returns the municipality groups that both sources cover: groups
// with a row in code_frequencies and in scales. The pooled group counts only when both
// strands pool alike (the two pools would otherwise hold different municipalities). It
// notes how many municipalities only one source covers.
func (in *Input) jointMunicipalities(res *results.Results, t *results.Table) []string {
	cover := func(tab *results.Table) map[string]bool {
		out := map[string]bool{}
		if tab == nil {
			return out
		}
		by, g := tab.Col("group_by"), tab.Col("group")
		for _, r := range tab.Rows {
			if r[by] == "municipality" {
				if s, ok := r[g].(string); ok && s != "" {
					out[s] = true
				}
			}
		}
		return out
	}
	iv, sv := cover(res.Table("code_frequencies")), cover(res.Table("scales"))
	pool := in.poolLabel("municipality")
	var both []string
	one := 0
	for g := range iv {
		if !sv[g] {
			one++
		}
	}
	for g := range sv {
		if !iv[g] {
			one++
			continue
		}
		if g == pool && !in.sameStrands("municipality") {
			continue
		}
		both = append(both, g)
	}
	sort.Strings(both)
	if one > 0 && len(iv) > 0 && len(sv) > 0 {
		res.Note(t.Name,
			sprintf("Gezamenlijke weergave: %d gemeente(n) of groep(en) die maar één bron dekt, staan alleen in de tabel van die bron (schaalscores of codefrequenties).", one),
			sprintf("Joint display: %d municipality group(s) that only one source covers are only in that source's table (scales or code_frequencies).", one))
	}
	return both
}

// scaleOf returns the scale that belongs to a factor: the first scale of the codebook
// whose factor is the factor, else the first whose id is the factor's; "" when none.
func scaleOf(cb *codebook.Codebook, factor string) string {
	for _, s := range cb.Scales {
		if s.Factor == factor {
			return s.ID
		}
	}
	for _, s := range cb.Scales {
		if s.Factor == "" && s.ID == factor {
			return s.ID
		}
	}
	return ""
}

// topCodes names the factor's codes carried by most of the group's respondents in
// code_frequencies, at most JointTopCodes, most first, ties in codebook order,
// separated by "; ".
func topCodes(freqs rowIndex, f codebook.Factor, by, g string) any {
	type cn struct {
		id string
		n  int
	}
	var list []cn
	for _, c := range f.Codes {
		if n, ok := freqs.get(f.ID, c.ID, by, g).int("respondents"); ok && n > 0 {
			list = append(list, cn{c.ID, n})
		}
	}
	sort.SliceStable(list, func(a, b int) bool { return list[a].n > list[b].n })
	if len(list) == 0 {
		return nil
	}
	var ids []string
	for i := 0; i < len(list) && i < JointTopCodes; i++ {
		ids = append(ids, list[i].id)
	}
	return strings.Join(ids, "; ")
}

// jointGroup is a row's grouping and group: all/all, or municipality and its group.
type jointGroup struct{ by, group string }

type jointKey struct {
	factor  string
	valence codebook.Valence
	by      string // "all" or "municipality"
	group   string // "all" or the municipality group
}

// jointCounts are the counted codings of the interviews, by factor, valence and group.
type jointCounts struct {
	x     *codingIndex
	cells map[jointKey]*jointCell
	// quotable memoises per segment number whether its text is long enough to quote
	// (0 not yet known, 1 yes, -1 no): a segment is a candidate in "all" and in its
	// group, for each of its factors and valences, and counting its runes once is
	// enough.
	quotable []int8
}

// jointCell holds the counted codings of one factor, valence and group, by segment and
// respondent number of the coding index (codingIndex.resp): numbers, not ids, so that
// a national study's 100,000 codings are not looked up in maps of strings (they were
// the joint display's time, and grew faster than the study).
type jointCell struct {
	// segs are, once jointEvidence returns, the distinct segments carrying a code of
	// the factor with the valence, ascending, and counts their numbers of such codes.
	segs   []int32
	counts []int32
	// named is the number of respondents naming the factor with the valence.
	named int
}

// named is the number of respondents naming the factor with the valence in the group.
func (jc jointCounts) named(k jointKey) int {
	if c := jc.cells[k]; c != nil {
		return c.named
	}
	return 0
}

// jointEvidence counts, over the counted codings of respondents' segments (not the
// interviewer's), who names each factor as a facilitator or a barrier, in "all" and in
// the municipality group the interview tables put the respondent in.
func (in *Input) jointEvidence() jointCounts {
	x := in.ids
	jc := jointCounts{x: x, cells: map[jointKey]*jointCell{}, quotable: make([]int8, len(x.seg))}
	// The coding index holds, per code, the respondent segments with a counted coding of
	// it: a code counts once per segment.
	gi := in.grouping("municipality", disclosure.Interviews)
	cell := func(k jointKey) *jointCell {
		c := jc.cells[k]
		if c == nil {
			c = &jointCell{}
			jc.cells[k] = c
		}
		return c
	}
	// The segments' municipality groups, found once (not once per code).
	group := make([]int32, len(x.seg)) // per segment: its group's number in gi.labels, or -1
	for s := range group {
		group[s] = -1
		if x.seg[s] != nil && x.resp[s] >= 0 {
			if n := x.respNum[x.resp[s]]; n >= 0 {
				if k := gi.of[n]; k != noGroup && k != leftOutGroup && gi.labels[k] != "" {
					group[s] = int32(k)
				}
			}
		}
	}
	for k, segs := range x.counted {
		if x.codeOf[x.codes[k]] != k {
			continue // a repeated code id: Codebook.Code finds the first
		}
		factor, valence := x.pairOf[k][0], codebook.Valence(x.pairOf[k][1])
		all := cell(jointKey{factor, valence, "all", "all"})
		byGroup := make([]*jointCell, len(gi.labels))
		eachBit(segs, func(s int) {
			all.segs = append(all.segs, int32(s))
			if g := group[s]; g >= 0 {
				c := byGroup[g]
				if c == nil {
					c = cell(jointKey{factor, valence, "municipality", gi.labels[g]})
					byGroup[g] = c
				}
				c.segs = append(c.segs, int32(s))
			}
		})
	}
	// Each cell's segments, counted, and its respondents: seen holds, per respondent,
	// the last cell that counted them.
	seen := make([]int32, len(x.respIDs))
	serial := int32(0)
	for _, c := range jc.cells {
		serial++
		slices.Sort(c.segs)
		distinct := c.segs[:0]
		for i := 0; i < len(c.segs); {
			j := i + 1
			for j < len(c.segs) && c.segs[j] == c.segs[i] {
				j++
			}
			s := c.segs[i]
			distinct = append(distinct, s)
			c.counts = append(c.counts, int32(j-i))
			if r := x.resp[s]; seen[r] != serial {
				seen[r] = serial
				c.named++
			}
			i = j
		}
		c.segs = distinct
	}
	return jc
}

type jointQuote struct{ text, by string }

// quote picks the group's quote for a factor and valence: of the segments of at least
// minQuoteRunes characters, the one with the most codes of the factor and valence, ties
// by the smaller segment id.
func (jc jointCounts) quote(factor string, v codebook.Valence, g jointGroup) (jointQuote, bool) {
	c := jc.cells[jointKey{factor, v, g.by, g.group}]
	if c == nil {
		return jointQuote{}, false
	}
	best, bestN := -1, int32(0)
	for i, s := range c.segs {
		n, id := c.counts[i], jc.x.seg[s].segment.ID
		if n < bestN || best >= 0 && n == bestN && id > jc.x.seg[best].segment.ID {
			continue // cannot win, quotable or not
		}
		if jc.quotable[s] == 0 {
			jc.quotable[s] = -1
			if utf8.RuneCountInString(strings.TrimSpace(jc.x.seg[s].segment.Text)) >= minQuoteRunes {
				jc.quotable[s] = 1
			}
		}
		if jc.quotable[s] < 0 {
			continue
		}
		best, bestN = int(s), n
	}
	if best < 0 {
		return jointQuote{}, false
	}
	seg := jc.x.seg[best].segment
	return jointQuote{shorten(seg.Text), seg.Respondent}, true
}

func containsString(xs []string, s string) bool {
	for _, x := range xs {
		if x == s {
			return true
		}
	}
	return false
}

// rowIndex finds the rows of a table by the text of their key columns.
type rowIndex struct {
	t    *results.Table
	rows map[string][]any
}

// tableRow is one row of an indexed table (nil when there is none).
type tableRow struct {
	t   *results.Table
	row []any
}

func indexRows(t *results.Table, keys ...string) rowIndex {
	ix := rowIndex{t: t, rows: map[string][]any{}}
	if t == nil {
		return ix
	}
	cols := make([]int, len(keys))
	for i, k := range keys {
		if cols[i] = t.Col(k); cols[i] < 0 {
			return ix
		}
	}
	for _, r := range t.Rows {
		parts := make([]string, len(cols))
		for i, c := range cols {
			parts[i] = results.FormatCell(r[c])
		}
		k := strings.Join(parts, "\x00")
		if _, dup := ix.rows[k]; !dup {
			ix.rows[k] = r
		}
	}
	return ix
}

func (ix rowIndex) get(key ...string) *tableRow {
	r, ok := ix.rows[strings.Join(key, "\x00")]
	if !ok {
		return nil
	}
	return &tableRow{ix.t, r}
}

func (r *tableRow) cell(col string) any {
	if r == nil {
		return nil
	}
	if i := r.t.Col(col); i >= 0 {
		return r.row[i]
	}
	return nil
}

func (r *tableRow) flag(col string) bool {
	b, _ := r.cell(col).(bool)
	return b
}

func (r *tableRow) int(col string) (int, bool) {
	n, ok := r.cell(col).(int)
	return n, ok
}

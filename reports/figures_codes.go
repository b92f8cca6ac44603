package reports

import (
	"fmt"
	"image/color"
	"math"
	"slices"
	"sort"
	"strings"

	"gonum.org/v1/plot"
	"gonum.org/v1/plot/vg"

	"github.com/samenspel/samenspel/pipeline/results"
)

// factorsByRole draws, per factor and respondent role, how often the role's respondents
// speak of the factor as a facilitator (to the right) and as a barrier (to the left): the
// segments coded with the factor's facilitator codes and with its barrier codes, summed
// over the codes (a segment with two codes counts twice). It replaces the share of
// respondents mentioning a factor at all, which is near 100% for every role in a typical
// study and so says little.
func factorsByRole(res *results.Results, l labels) []*figure {
	t := view(res.Table("code_frequencies"))
	type key struct{ factor, role, valence string }
	mentions := map[key]float64{}
	groupN := map[string]int{}
	var roles []string
	suppressed := map[string]bool{}
	for i := 0; i < t.len(); i++ {
		code := t.str(i, "code")
		if t.str(i, "group_by") != "role" || code == "*" || code == "" {
			continue
		}
		g := t.str(i, "group")
		if t.flag(i, "suppressed") {
			suppressed[g] = true
			continue
		}
		v := l.valence[code]
		if v != "facilitator" && v != "barrier" {
			continue
		}
		n, ok := t.num(i, "segments")
		if !ok {
			continue
		}
		if _, seen := groupN[g]; !seen {
			gn, _ := t.num(i, "group_respondents")
			groupN[g] = int(gn)
			roles = append(roles, g)
		}
		f := l.factorOf[code]
		if f == "" {
			f = t.str(i, "factor")
		}
		mentions[key{f, g, v}] += n
	}
	if len(roles) == 0 {
		return nil
	}
	for g := range groupN {
		delete(suppressed, g) // a role shown for some code is not left out
	}

	var rows []row
	type cell struct{ factor, role string }
	var cells []cell // parallel to rows; empty for a heading
	for _, f := range res.Codebook.Factors {
		any := false
		for _, g := range roles {
			if mentions[key{f.ID, g, "facilitator"}]+mentions[key{f.ID, g, "barrier"}] > 0 {
				any = true
			}
		}
		if !any {
			continue
		}
		rows = append(rows, row{Label: f.Label, Heading: true})
		cells = append(cells, cell{})
		for _, g := range roles {
			rows = append(rows, row{Label: fmt.Sprintf("%s (n = %d)", l.roleLabel(g), groupN[g])})
			cells = append(cells, cell{f.ID, g})
		}
	}
	if len(rows) == 0 {
		return nil
	}
	rc := newRowChart(figureWidthOf(res), rows, res.Text("Aantal vermeldingen (gecodeerde fragmenten)", "Mentions (coded segments)"))
	b := bars{}
	maxN := 1.0
	for i, c := range cells {
		if c.factor == "" {
			continue
		}
		fac, bar := mentions[key{c.factor, c.role, "facilitator"}], mentions[key{c.factor, c.role, "barrier"}]
		maxN = math.Max(maxN, math.Max(fac, bar))
		b.Bars = append(b.Bars,
			barOf(rc.y(i), fac, facilitatorColour, number(res.Language, fac, 0)),
			barOf(rc.y(i), -bar, barrierColour, number(res.Language, bar, 0)))
	}
	lim := niceCeil(maxN * 1.1) // room for the value labels beyond the longest bar
	rc.Plot.X.Min, rc.Plot.X.Max = -lim, lim
	rc.Plot.X.Tick.Marker = relabel{ticker: plot.DefaultTicks{}, f: func(x float64) string { return number(res.Language, math.Abs(x), 0) }}
	rc.Plot.Add(b, refLine{X: 0, Colour: mutedColour})

	total := 0
	for _, g := range roles {
		total += groupN[g]
	}
	return []*figure{{
		Name:  "factors_by_role",
		Title: res.Text("Bevorderend en belemmerend, per factor en rol", "Facilitators and barriers, by factor and role"),
		Caption: caption(
			res.Text(fmt.Sprintf("n = %d respondenten in %d rollen; per rol het aantal fragmenten met een bevorderende (rechts) of belemmerende (links) code van de factor.", total, len(roles)),
				fmt.Sprintf("n = %d respondents in %d roles; per role the segments coded with a facilitator (right) or barrier (left) code of the factor.", total, len(roles))),
			leftOut(res, len(suppressed), res.Text("rol", "role"), res.Text("rollen", "roles")),
			source(res, "gecodeerde interviews", "coded interviews", "code_frequencies"),
		),
		Legend: []legendEntry{
			{Label: res.Text("Belemmerend (links)", "Barrier (left)"), Colour: barrierColour},
			{Label: res.Text("Bevorderend (rechts)", "Facilitator (right)"), Colour: facilitatorColour},
		},
		Plot:       rc.Plot,
		PlotHeight: rc.Height,
	}}
}

// barOf is a diverging bar from 0 to x with its count as the value label.
func barOf(y, x float64, c color.Color, label string) bar {
	return bar{Y: y, X0: 0, X1: x, Thick: 0.7, Colour: c, Label: label}
}

// inCodebookOrder sorts factor ids in codebook order; unknown ids follow, as found.
func inCodebookOrder(ids []string, res *results.Results) []string {
	pos := map[string]int{}
	for i, f := range res.Codebook.Factors {
		pos[f.ID] = i
	}
	out := append([]string(nil), ids...)
	sort.SliceStable(out, func(a, b int) bool {
		pa, oka := pos[out[a]]
		pb, okb := pos[out[b]]
		if oka != okb {
			return oka
		}
		return oka && pa < pb
	})
	return out
}

// valenceByFactor draws, per factor, how many respondents mention each facilitator code
// (to the right) and each barrier code (to the left).
func valenceByFactor(res *results.Results, l labels) []*figure {
	t := view(res.Table("code_frequencies"))
	count := map[string]float64{}
	total, hidden := 0.0, 0
	for i := 0; i < t.len(); i++ {
		if t.str(i, "group_by") != "all" {
			continue
		}
		code := t.str(i, "code")
		if code == "*" || code == "" {
			continue
		}
		if t.flag(i, "suppressed") {
			hidden++
			continue
		}
		if n, ok := t.num(i, "group_respondents"); ok {
			total = math.Max(total, n)
		}
		v := l.valence[code]
		if v != "facilitator" && v != "barrier" {
			continue
		}
		if n, ok := t.num(i, "respondents"); ok {
			count[code] = n
		}
	}
	if len(count) == 0 {
		return nil
	}
	all := len(count)
	keep := keepCodeRows(l, count, false)
	var rows []row
	var codes []string // parallel to rows; "" for a heading
	for _, f := range res.Codebook.Factors {
		var fac, bar []string
		for _, c := range f.Codes {
			if _, ok := count[c.ID]; !ok || !keep[c.ID] {
				continue
			}
			if c.Valence == "barrier" {
				bar = append(bar, c.ID)
			} else {
				fac = append(fac, c.ID)
			}
		}
		// A factor nobody mentions is left out, as in the figure by role: a study that
		// codes only the default codebook's first three factors shows those three.
		mentioned := 0.0
		for _, c := range append(fac, bar...) {
			mentioned += count[c]
		}
		if len(fac)+len(bar) == 0 || mentioned == 0 {
			continue
		}
		rows = append(rows, row{Label: f.Label, Heading: true})
		codes = append(codes, "")
		for _, c := range append(fac, bar...) {
			rows = append(rows, row{Label: l.codeLabel(c)})
			codes = append(codes, c)
		}
	}
	rc := newRowChart(figureWidthOf(res), rows, res.Text("Aantal respondenten dat de code noemt", "Number of respondents mentioning the code"))
	b := bars{}
	maxN := 1.0
	for i, c := range codes {
		if c == "" {
			continue
		}
		n := count[c]
		maxN = math.Max(maxN, n)
		x1, col := n, color.Color(facilitatorColour)
		if l.valence[c] == "barrier" {
			x1, col = -n, barrierColour
		}
		b.Bars = append(b.Bars, bar{Y: rc.y(i), X0: 0, X1: x1, Thick: 0.7, Colour: col, Label: number(res.Language, n, 0)})
	}
	lim := niceCeil(maxN)
	rc.Plot.X.Min, rc.Plot.X.Max = -lim, lim
	rc.Plot.X.Tick.Marker = relabel{ticker: plot.DefaultTicks{}, f: func(x float64) string { return number(res.Language, math.Abs(x), 0) }}
	rc.Plot.Add(b, refLine{X: 0, Colour: mutedColour})
	return []*figure{{
		Name:  "valence_by_factor",
		Title: res.Text("Bevorderende en belemmerende factoren in de samenwerking", "Facilitators and barriers of collaboration"),
		Caption: caption(
			res.Text(fmt.Sprintf("n = %d respondenten; per code het aantal respondenten dat de code ten minste één keer noemt.", int(total)),
				fmt.Sprintf("n = %d respondents; per code the number of respondents mentioning it at least once.", int(total))),
			leftOut(res, hidden, "code", "codes"),
			codeRowsShown(res, len(keep), all,
				"met de meeste respondenten", "mentioned by the most respondents", "code_frequencies"),
			source(res, "gecodeerde interviews", "coded interviews", "code_frequencies"),
		),
		Legend: []legendEntry{
			{Label: res.Text("Belemmerend (links)", "Barrier (left)"), Colour: barrierColour},
			{Label: res.Text("Bevorderend (rechts)", "Facilitator (right)"), Colour: facilitatorColour},
		},
		Plot:       rc.Plot,
		PlotHeight: rc.Height,
	}}
}

// niceCeil rounds x up to 1, 2 or 5 times a power of ten, with a little room for labels.
func niceCeil(x float64) float64 {
	x *= 1.08
	if x <= 1 || !finite(x) {
		return 1
	}
	p := math.Pow(10, math.Floor(math.Log10(x)))
	for _, m := range []float64{1, 2, 2.5, 5, 10} {
		if m*p >= x {
			return m * p
		}
	}
	return 10 * p
}

// agreement draws Krippendorff's alpha per code with the conventional thresholds: 0.80
// for firm conclusions and 0.667 as the lowest acceptable (Krippendorff 2004, p. 241).
func agreement(res *results.Results, l labels) []*figure {
	t := view(res.Table("agreement"))
	type entry struct {
		code  string
		alpha float64
	}
	var pooled *entry
	var entries []entry
	missing := 0
	units := doubleCodedSegments(t)
	for i := 0; i < t.len(); i++ {
		code := t.str(i, "code")
		a, ok := t.num(i, "krippendorff_alpha")
		if !ok {
			missing++
			continue
		}
		if code == "*" {
			pooled = &entry{code, a}
			continue
		}
		entries = append(entries, entry{code, a})
	}
	if len(entries) == 0 && pooled == nil {
		return nil
	}
	alphas := make(map[string]float64, len(entries))
	for _, e := range entries {
		alphas[e.code] = e.alpha
	}
	all := len(entries)
	keep := keepCodeRows(l, alphas, true)
	entries = slices.DeleteFunc(entries, func(e entry) bool { return !keep[e.code] })
	sort.SliceStable(entries, func(a, b int) bool {
		pa, oka := l.codeOrder[entries[a].code]
		pb, okb := l.codeOrder[entries[b].code]
		if oka != okb {
			return oka
		}
		return oka && pa < pb
	})
	var rows []row
	var vals []float64
	if pooled != nil {
		rows = append(rows, row{Label: res.Text("Alle codes (gepoold)", "All codes (pooled)")})
		vals = append(vals, pooled.alpha)
	}
	lastFactor := "\x00"
	for _, e := range entries {
		if f := l.factorOf[e.code]; f != lastFactor && f != "" {
			rows = append(rows, row{Label: l.factorLabel(f), Heading: true})
			vals = append(vals, math.NaN())
			lastFactor = f
		}
		rows = append(rows, row{Label: l.codeLabel(e.code)})
		vals = append(vals, e.alpha)
	}
	rc := newRowChart(figureWidthOf(res), rows, res.Text("Krippendorffs alfa (nominaal)", "Krippendorff's alpha (nominal)"))
	b := bars{}
	lo := 0.0
	for i, a := range vals {
		if math.IsNaN(a) {
			continue
		}
		lo = math.Min(lo, a)
		col := okabeOrange
		switch {
		case a >= 0.8:
			col = okabeBlue
		case a >= 0.667:
			col = okabeSky
		}
		b.Bars = append(b.Bars, bar{Y: rc.y(i), X0: 0, X1: a, Thick: 0.65, Colour: col, Label: number(res.Language, a, 2)})
	}
	rc.Plot.X.Min, rc.Plot.X.Max = math.Floor(lo*10)/10, 1
	rc.Plot.X.Tick.Marker = relabel{ticker: plot.DefaultTicks{}, f: func(x float64) string { return number(res.Language, x, 1) }}
	rc.Plot.Add(
		refLine{X: 0.667, Colour: okabeVermilion, Dashed: true, Width: vg.Points(1)},
		refLine{X: 0.8, Colour: okabeBlack, Dashed: true, Width: vg.Points(1)},
		b,
	)
	nt := ""
	if missing > 0 {
		nt = res.Text(fmt.Sprintf("Weggelaten: %s zonder alfa (niet toegekend, geen variatie of te weinig dubbel gecodeerde fragmenten).", plural(missing, "code", "codes")),
			fmt.Sprintf("Left out: %s without an alpha (never applied, no variation or too few double-coded segments).", plural(missing, "code", "codes")))
	}
	coders := len(humanCoders(res.Coders))
	return []*figure{{
		Name:  "agreement",
		Title: res.Text("Overeenstemming tussen codeurs per code", "Agreement between coders, per code"),
		Caption: caption(
			res.Text(fmt.Sprintf("%d codeurs, %d dubbel gecodeerde fragmenten.", coders, int(units)),
				fmt.Sprintf("%d coders, %d double-coded segments.", coders, int(units))),
			nt,
			codeRowsShown(res, len(entries), all, "met de laagste alfa", "with the lowest alpha", "agreement"),
			source(res, "coderingen van alle codeurs", "codings of all coders", "agreement"),
		),
		Legend: []legendEntry{
			{Label: res.Text("α ≥ 0,80: betrouwbaar", "α ≥ 0.80: reliable"), Colour: okabeBlue},
			{Label: res.Text("0,667 ≤ α < 0,80: voorlopige conclusies", "0.667 ≤ α < 0.80: tentative conclusions"), Colour: okabeSky},
			{Label: res.Text("α < 0,667: onvoldoende", "α < 0.667: insufficient"), Colour: okabeOrange},
			{Label: "α = " + number(res.Language, 0.667, 3), Colour: okabeVermilion, Line: true},
			{Label: "α = " + number(res.Language, 0.8, 2), Colour: okabeBlack, Line: true},
		},
		Plot:       rc.Plot,
		PlotHeight: rc.Height,
	}}
}

// humanCoders leaves out the auto-coder.
func humanCoders(cs []string) []string {
	var out []string
	for _, c := range cs {
		if c != "auto" && strings.TrimSpace(c) != "" {
			out = append(out, c)
		}
	}
	return out
}

// doubleCodedSegments is the number of segments the agreement table rests on: the units
// of its per-code rows (the pooled row "*" counts segment × code pairs).
func doubleCodedSegments(t rows) float64 {
	segments := 0.0
	for i := 0; i < t.len(); i++ {
		if u, ok := t.num(i, "units"); ok && t.str(i, "code") != "*" && u > segments {
			segments = u
		}
	}
	return segments
}

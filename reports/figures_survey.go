package reports

import (
	"fmt"
	"image/color"
	"math"
	"sort"
	"strconv"
	"strings"

	"gonum.org/v1/plot"
	"gonum.org/v1/plot/vg"

	"github.com/samenspel/samenspel/pipeline/results"
)

// answerColumn is a pct_<value> column of the items table.
type answerColumn struct {
	name  string
	value float64
}

// surveyItems draws the answers to every survey item as diverging stacked bars: disagree
// to the left of zero, agree to the right, neutral split across zero, grouped by scale
// (Robbins & Heiberger 2011, "Plotting Likert and other rating scales").
func surveyItems(res *results.Results, l labels) []*figure {
	t := view(res.Table("items"))
	if t.len() == 0 {
		return nil
	}
	var cols []answerColumn
	for _, c := range t.t.Columns {
		if v, ok := strings.CutPrefix(c.Name, "pct_"); ok {
			if x, err := strconv.ParseFloat(v, 64); err == nil && finite(x) {
				cols = append(cols, answerColumn{c.Name, x})
			}
		}
	}
	if len(cols) < 2 {
		return nil
	}
	sort.SliceStable(cols, func(a, b int) bool { return cols[a].value < cols[b].value })
	// Shares in [0,1] unless the column says otherwise and a value shows percentages.
	scaleBy := 1.0
	if t.kind(cols[0].name) != results.Share {
		for i := 0; i < t.len(); i++ {
			for _, c := range cols {
				if v, ok := t.num(i, c.name); ok && v > 1.0001 {
					scaleBy = 0.01
				}
			}
		}
	}

	var rows []row
	type itemRow struct {
		scale string
		pct   []float64 // NaN where empty
	}
	var items []itemRow
	lastScale := "\x00"
	hidden := 0
	nMax := 0.0
	var firstScale string
	for i := 0; i < t.len(); i++ {
		if t.has("group_by") && t.str(i, "group_by") != "all" {
			continue
		}
		if t.flag(i, "suppressed") {
			hidden++
			continue
		}
		sc := t.str(i, "scale")
		if sc != lastScale {
			rows = append(rows, row{Label: l.scaleLabel(sc), Heading: true})
			items = append(items, itemRow{})
			lastScale = sc
			if firstScale == "" {
				firstScale = sc
			}
		}
		id := t.str(i, "item")
		text := t.str(i, "text")
		if text == "" {
			text = l.item[id]
		}
		label := id
		if text != "" {
			label = id + ". " + text
		}
		if t.flag(i, "reverse") {
			label += res.Text(" (omgekeerd gescoord)", " (reverse-scored)")
		}
		if n, ok := t.num(i, "n"); ok {
			label += fmt.Sprintf(" (n = %d)", int(n))
			nMax = math.Max(nMax, n)
		}
		ir := itemRow{scale: sc}
		for _, c := range cols {
			v, ok := t.num(i, c.name)
			if !ok {
				v = math.NaN()
			}
			ir.pct = append(ir.pct, v*scaleBy)
		}
		rows = append(rows, row{Label: label})
		items = append(items, ir)
	}
	if len(rows) == 0 {
		return nil
	}

	sc := l.scale[firstScale]
	disagree, neutral, agree := splitAnswers(cols, sc.AgreeFrom)
	colours := answerColours(len(disagree), neutral >= 0, len(agree))
	rc := newRowChart(figureWidthOf(res), rows, res.Text("Aandeel respondenten", "Share of respondents"))
	b := bars{Inside: true}
	for i, it := range items {
		if it.pct == nil {
			continue
		}
		y := rc.y(i)
		label := func(v float64) string {
			if v < 0.07 {
				return ""
			}
			return percent(res.Language, v)
		}
		at := func(k int) float64 {
			if v := it.pct[k]; finite(v) {
				return v
			}
			return 0
		}
		half := 0.0
		if neutral >= 0 {
			half = at(neutral) / 2
			b.Bars = append(b.Bars, bar{Y: y, X0: -half, X1: half, Thick: 0.7, Colour: colours[neutral], Label: label(at(neutral))})
		}
		x := -half
		for j := len(disagree) - 1; j >= 0; j-- { // mildest next to zero
			k := disagree[j]
			v := at(k)
			b.Bars = append(b.Bars, bar{Y: y, X0: x - v, X1: x, Thick: 0.7, Colour: colours[k], Label: label(v)})
			x -= v
		}
		x = half
		for _, k := range agree {
			v := at(k)
			b.Bars = append(b.Bars, bar{Y: y, X0: x, X1: x + v, Thick: 0.7, Colour: colours[k], Label: label(v)})
			x += v
		}
	}
	rc.Plot.X.Min, rc.Plot.X.Max = -1, 1
	rc.Plot.X.Tick.Marker = fixedTicks{
		{Value: -1, Label: "100%"}, {Value: -0.5, Label: "50%"}, {Value: 0, Label: "0%"},
		{Value: 0.5, Label: "50%"}, {Value: 1, Label: "100%"},
	}
	rc.Plot.Add(gridLines{X: []float64{-0.5, 0.5}}, refLine{X: 0, Colour: inkColour, Width: vg.Points(0.6)}, b)

	var legend []legendEntry
	for k, c := range cols {
		legend = append(legend, legendEntry{Label: answerLabel(res, sc, c.value, len(cols)), Colour: colours[k]})
	}
	return []*figure{{
		Name:  "survey_items",
		Title: res.Text("Antwoorden op de stellingen van de vragenlijst", "Answers to the survey items"),
		Caption: caption(
			res.Text(fmt.Sprintf("n = %d respondenten; oneens links van nul, eens rechts, neutraal over nul verdeeld; antwoorden zoals gegeven, vóór omscoren.", int(nMax)),
				fmt.Sprintf("n = %d respondents; disagreement left of zero, agreement right, neutral split across zero; answers as given, before reverse-scoring.", int(nMax))),
			leftOut(res, hidden, res.Text("stelling", "item"), res.Text("stellingen", "items")),
			source(res, "vragenlijst", "survey", "items"),
		),
		Legend:     legend,
		Plot:       rc.Plot,
		PlotHeight: rc.Height,
	}}
}

// splitAnswers sorts the answer columns into disagreeing (lowest first), the neutral
// middle (-1 when there is none) and agreeing ones. agreeFrom, when set, is the lowest
// agreeing value; otherwise the upper half agrees.
func splitAnswers(cols []answerColumn, agreeFrom float64) (disagree []int, neutral int, agree []int) {
	k := len(cols)
	neutral = -1
	mid := -1
	if k%2 == 1 {
		mid = k / 2
	}
	for i, c := range cols {
		switch {
		case agreeFrom > 0 && c.value >= agreeFrom, agreeFrom <= 0 && i > (k-1)/2 && i != mid:
			agree = append(agree, i)
		case i == mid:
			neutral = i
		default:
			disagree = append(disagree, i)
		}
	}
	return disagree, neutral, agree
}

// answerColours runs from vermilion (strongly disagree) through grey to blue (strongly
// agree): a diverging scheme built from Okabe-Ito colours.
func answerColours(nd int, hasNeutral bool, na int) []color.Color {
	var out []color.Color
	lightOrange := rgb(0xF3, 0xC8, 0x7A)
	lightBlue := rgb(0x9E, 0xCF, 0xF0)
	for i := 0; i < nd; i++ {
		out = append(out, lerp(okabeVermilion, lightOrange, frac(i, nd)))
	}
	if hasNeutral {
		out = append(out, neutralColour)
	}
	for i := 0; i < na; i++ {
		out = append(out, lerp(lightBlue, okabeBlue, frac(i, na)))
	}
	return out
}

func frac(i, n int) float64 {
	if n <= 1 {
		return 0.5
	}
	return float64(i) / float64(n-1)
}

func lerp(a, b color.RGBA, t float64) color.Color {
	m := func(p, q uint8) uint8 { return uint8(math.Round(float64(p) + t*(float64(q)-float64(p)))) }
	return color.RGBA{R: m(a.R, b.R), G: m(a.G, b.G), B: m(a.B, b.B), A: 0xFF}
}

// answerLabel names an answer value: the scale's label where the codebook gives one,
// else the usual Dutch or English wording of a five-point agreement scale, else the value.
func answerLabel(res *results.Results, sc results.Scale, v float64, k int) string {
	for _, a := range sc.Answers {
		if a.Value == v && a.Label != "" {
			return a.Label
		}
	}
	if k == 5 && v >= 1 && v <= 5 && v == math.Trunc(v) {
		nl := []string{"Helemaal mee oneens", "Mee oneens", "Neutraal", "Mee eens", "Helemaal mee eens"}
		en := []string{"Strongly disagree", "Disagree", "Neutral", "Agree", "Strongly agree"}
		return res.Text(nl[int(v)-1], en[int(v)-1])
	}
	return number(res.Language, v, decimalsOf(v))
}

func decimalsOf(v float64) int {
	if v == math.Trunc(v) {
		return 0
	}
	return 1
}

// municipalities draws, per scale, the mean score per municipality with its 95%
// interval, sorted from high to low, with the overall mean as a dashed line.
// municipalitiesShownEachEnd is how many of the highest and of the lowest municipalities
// the comparison figure shows when there are too many to show all.
const municipalitiesShownEachEnd = 15

// showing says, when a figure shows only some municipalities, which.
func showing(res *results.Results, shown, all int) string {
	if shown >= all {
		return ""
	}
	return res.Text(fmt.Sprintf("Getoond: de %d hoogste en de %d laagste.", shown/2, shown/2),
		fmt.Sprintf("Shown: the %d highest and the %d lowest.", shown/2, shown/2))
}

func municipalities(res *results.Results, l labels) []*figure {
	t := view(res.Table("scales"))
	type muni struct {
		name            string
		n               int
		mean, low, high float64
	}
	var order []string
	by := map[string][]muni{}
	overall := map[string]float64{}
	overallN := map[string]int{}
	hidden := map[string]int{}
	for i := 0; i < t.len(); i++ {
		sc := t.str(i, "scale")
		switch t.str(i, "group_by") {
		case "all":
			if m, ok := t.num(i, "mean"); ok {
				overall[sc] = m
				n, _ := t.num(i, "n")
				overallN[sc] = int(n)
			}
			continue
		case "municipality":
		default:
			continue
		}
		if _, ok := by[sc]; !ok {
			order = append(order, sc)
			by[sc] = nil
		}
		if t.flag(i, "suppressed") {
			hidden[sc]++
			continue
		}
		m, ok := t.num(i, "mean")
		if !ok {
			hidden[sc]++
			continue
		}
		n, _ := t.num(i, "n")
		lo, okl := t.num(i, "ci_low")
		hi, okh := t.num(i, "ci_high")
		if !okl || !okh {
			lo, hi = math.NaN(), math.NaN()
		}
		by[sc] = append(by[sc], muni{t.str(i, "group"), int(n), m, lo, hi})
	}
	var figs []*figure
	for _, sc := range order {
		ms := by[sc]
		if len(ms) == 0 {
			continue
		}
		sort.SliceStable(ms, func(a, b int) bool {
			if ms[a].mean != ms[b].mean {
				return ms[a].mean > ms[b].mean
			}
			return ms[a].name < ms[b].name
		})
		total, shown := 0, len(ms)
		for _, m := range ms {
			total += m.n
		}
		// A national study compares hundreds of municipalities: no figure can show them
		// readably, so it shows the highest and the lowest, and the table all of them.
		var between string
		if len(ms) > 2*municipalitiesShownEachEnd+1 {
			between = res.Text(fmt.Sprintf("… %d gemeenten daartussen (zie tabel scales) …", len(ms)-2*municipalitiesShownEachEnd),
				fmt.Sprintf("… %d municipalities in between (see table scales) …", len(ms)-2*municipalitiesShownEachEnd))
			cut := append(append([]muni{}, ms[:municipalitiesShownEachEnd]...), muni{name: "", mean: math.NaN()})
			ms = append(cut, ms[len(ms)-municipalitiesShownEachEnd:]...)
			shown = 2 * municipalitiesShownEachEnd
		}
		rows := make([]row, len(ms))
		for i, m := range ms {
			if m.name == "" && math.IsNaN(m.mean) {
				rows[i] = row{Label: between, Heading: true}
				continue
			}
			rows[i] = row{Label: fmt.Sprintf("%s (n = %d)", m.name, m.n)}
		}
		rc := newRowChart(figureWidthOf(res), rows, res.Text("Gemiddelde schaalscore met 95%-betrouwbaarheidsinterval", "Mean scale score with 95% confidence interval"))
		var pts intervals
		for i, m := range ms {
			if math.IsNaN(m.mean) {
				continue
			}
			pts.Points = append(pts.Points, interval{Y: rc.y(i), Low: m.low, Mid: m.mean, High: m.high, Colour: okabeBlue})
		}
		scale := l.scale[sc]
		if len(scale.Answers) >= 2 {
			rc.Plot.X.Min, rc.Plot.X.Max = scale.Answers[0].Value, scale.Answers[len(scale.Answers)-1].Value
			for _, a := range scale.Answers {
				rc.Plot.X.Min = math.Min(rc.Plot.X.Min, a.Value)
				rc.Plot.X.Max = math.Max(rc.Plot.X.Max, a.Value)
			}
		}
		rc.Plot.X.Tick.Marker = relabel{ticker: plot.DefaultTicks{}, f: func(x float64) string { return number(res.Language, x, decimalsOf(x)) }}
		if len(scale.Answers) >= 2 && len(scale.Answers) <= 11 {
			// One tick per answer of the scale.
			var ticks fixedTicks
			for _, a := range scale.Answers {
				ticks = append(ticks, plot.Tick{Value: a.Value, Label: number(res.Language, a.Value, decimalsOf(a.Value))})
			}
			rc.Plot.X.Tick.Marker = ticks
		}
		legend := []legendEntry{{Label: res.Text("Gemeente: gemiddelde en 95%-interval", "Municipality: mean and 95% interval"), Colour: okabeBlue}}
		if m, ok := overall[sc]; ok {
			rc.Plot.Add(refLine{X: m, Colour: okabeVermilion, Dashed: true, Width: vg.Points(1)})
			legend = append(legend, legendEntry{
				Label:  res.Text("Alle gemeenten: ", "All municipalities: ") + number(res.Language, m, 2) + fmt.Sprintf(" (n = %d)", overallN[sc]),
				Colour: okabeVermilion, Line: true,
			})
		}
		rc.Plot.Add(pts)
		figs = append(figs, &figure{
			Name:  "municipalities_" + fileName(sc),
			Title: res.Text("Gemeenten vergeleken: ", "Municipalities compared: ") + l.scaleLabel(sc),
			Caption: caption(
				res.Text(fmt.Sprintf("n = %d respondenten in %d gemeenten; gesorteerd van hoog naar laag.", total, len(by[sc])),
					fmt.Sprintf("n = %d respondents in %d municipalities; sorted from high to low.", total, len(by[sc]))),
				showing(res, shown, len(by[sc])),
				leftOut(res, hidden[sc], res.Text("gemeente", "municipality"), res.Text("gemeenten", "municipalities")),
				source(res, "vragenlijst", "survey", "scales"),
			),
			Legend:     legend,
			Plot:       rc.Plot,
			PlotHeight: rc.Height,
		})
	}
	return figs
}

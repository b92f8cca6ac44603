package reports

import (
	"fmt"
	"math"
	"slices"
	"sort"
	"strconv"
	"strings"

	"gonum.org/v1/plot"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"

	"github.com/samenspel/samenspel/pipeline/results"
)

// heatChart sets up a plot for a heat map with named columns (labels turned upright
// under the map) and named rows, and returns the height the plot needs so its cells come
// out roughly square.
func heatChart(figWidth vg.Length, colNames, rowNames []string) (*plot.Plot, vg.Length) {
	p := newPlot()
	square := slices.Equal(colNames, rowNames)
	rowTicks := func(prefix bool) ([]plot.Tick, vg.Length, int) {
		yt := make([]plot.Tick, len(rowNames))
		widest, lines := vg.Length(0), 1
		for i, n := range rowNames {
			if prefix {
				n = fmt.Sprintf("%d. %s", i+1, n)
			}
			lbl := wrapLabel(n, labelWidth(figWidth), tickSize)
			yt[i] = plot.Tick{Value: float64(len(rowNames) - 1 - i), Label: lbl}
			widest = max(widest, linesWidth(lbl))
			lines = max(lines, strings.Count(lbl, "\n")+1)
		}
		return yt, widest, lines
	}
	yt, widest, lines := rowTicks(false)
	cellWidth := func() vg.Length {
		return (figWidth - 2*margin - widest - 12) / vg.Length(max(1, len(colNames)))
	}
	cellW := cellWidth()

	// Column labels stay horizontal when each fits its column in three lines; otherwise
	// they are turned upright, on one line each, which needs a column at least a line
	// high. Where even that is too narrow (many codes in a column-wide figure), a square
	// map numbers its rows and names its columns by those numbers.
	const uprightLine = tickSize + 2
	mode := "horizontal"
	for _, n := range colNames {
		lbl := wrapLabel(n, cellW-4, tickSize)
		if strings.Count(lbl, "\n") >= 3 || linesWidth(lbl) > cellW-2 {
			mode = "upright"
		}
	}
	if mode == "upright" && cellW < uprightLine && square {
		mode = "numbered"
		yt, widest, lines = rowTicks(true)
		cellW = cellWidth()
	}
	xt := make([]plot.Tick, len(colNames))
	labelsH := vg.Length(0)
	for i, n := range colNames {
		switch mode {
		case "horizontal":
			xt[i] = plot.Tick{Value: float64(i), Label: wrapLabel(n, cellW-4, tickSize)}
			labelsH = max(labelsH, vg.Length(strings.Count(xt[i].Label, "\n")+1)*tickSize*lineGap)
		case "upright":
			xt[i] = plot.Tick{Value: float64(i), Label: n}
			labelsH = max(labelsH, textWidth(n, tickSize, false))
		case "numbered":
			xt[i] = plot.Tick{Value: float64(i), Label: strconv.Itoa(i + 1)}
			labelsH = max(labelsH, textWidth(xt[i].Label, tickSize, false))
		}
	}
	if mode != "horizontal" {
		p.X.Tick.Label.Rotation = math.Pi / 2
		p.X.Tick.Label.XAlign = draw.XRight
		p.X.Tick.Label.YAlign = draw.YCenter
	}
	// Rows are as high as a cell is wide (up to 28 pt), and never lower than their
	// label's lines.
	cell := max(min(max(cellW, 12), 28), vg.Length(lines)*tickSize+3)
	p.Y.Tick.Marker = plot.ConstantTicks(yt)
	p.X.Tick.Marker = plot.ConstantTicks(xt)
	for _, ax := range []*plot.Axis{&p.X, &p.Y} {
		ax.Tick.Width, ax.Tick.Length, ax.Width, ax.Padding = 0, 0, 0, 0
	}
	// gonum aligns an upright label's end about one line height into the data area;
	// the padding keeps the labels' last letters clear of the cells.
	p.X.Padding = tickSize * lineGap
	return p, cell*vg.Length(len(rowNames)) + labelsH + 2*tickSize*lineGap
}

// linesWidth is the width of the widest line of a wrapped label.
func linesWidth(lbl string) vg.Length {
	w := vg.Length(0)
	for _, line := range strings.Split(lbl, "\n") {
		w = max(w, textWidth(line, tickSize, false))
	}
	return w
}

// cooccurrence draws how often codes occur together as a heat map of the Jaccard index:
// segments carrying both codes over segments carrying either.
func cooccurrence(res *results.Results, l labels) []*figure {
	t := view(res.Table("cooccurrence"))
	jac := map[[2]string]float64{}
	present := map[string]bool{}
	for i := 0; i < t.len(); i++ {
		a, b := t.str(i, "code_a"), t.str(i, "code_b")
		j, ok := t.num(i, "jaccard")
		if !ok || a == "" || b == "" || a == b || t.flag(i, "suppressed") {
			continue
		}
		jac[[2]string{a, b}], jac[[2]string{b, a}] = j, j
		present[a], present[b] = true, true
	}
	if len(present) < 2 {
		return nil
	}
	codes := make([]string, 0, len(present))
	for c := range present {
		codes = append(codes, c)
	}
	sort.Slice(codes, func(x, y int) bool {
		px, okx := l.codeOrder[codes[x]]
		py, oky := l.codeOrder[codes[y]]
		if okx != oky {
			return okx
		}
		if okx && px != py {
			return px < py
		}
		return codes[x] < codes[y]
	})
	all := len(codes)
	codes = strongestCooccurring(l, codes, jac)
	names := make([]string, len(codes))
	for i, c := range codes {
		names[i] = l.codeLabel(c)
	}
	p, h := heatChart(figureWidthOf(res), names, names)
	hm := heatMap{Cols: len(codes), Rows: len(codes)}
	for _, a := range codes { // the colours span the pairs shown
		for _, b := range codes {
			hm.Max = math.Max(hm.Max, jac[[2]string{a, b}])
		}
	}
	if hm.Max <= 0 {
		hm.Max = 1
	}
	for x, a := range codes {
		for y, b := range codes {
			v, ok := jac[[2]string{a, b}]
			if !ok {
				continue
			}
			lbl := ""
			if v > 0 {
				lbl = number(res.Language, v, 2)
			}
			hm.Cells = append(hm.Cells, heatCell{X: x, Y: len(codes) - 1 - y, Value: v, Label: lbl})
		}
	}
	p.Add(hm)
	return []*figure{{
		Name:  "cooccurrence",
		Title: res.Text("Samen voorkomende codes", "Co-occurring codes"),
		Caption: caption(
			res.Text(fmt.Sprintf("%d codes; Jaccard-index: fragmenten met beide codes gedeeld door fragmenten met ten minste één van beide.", len(codes)),
				fmt.Sprintf("%d codes; Jaccard index: segments with both codes divided by segments with either.", len(codes))),
			shownOf(res, len(codes), all),
			source(res, "gecodeerde interviews", "coded interviews", "cooccurrence"),
		),
		Scale:      &colourScale{Label: res.Text("Jaccard-index", "Jaccard index"), Max: hm.Max, Ticks: []float64{0, hm.Max / 2, hm.Max}, Lang: res.Language},
		Plot:       p,
		PlotHeight: h,
	}}
}

// strongestCooccurring keeps, of more than maxCodeRows codes (a map of 198 codes was
// 1.4 m high, its cells too small for their values), those with the highest sum of their
// Jaccard indexes with all other codes (the codes that most occur together with others),
// chosen by keepCodeRows; the kept codes stay in the order given (codebook order).
func strongestCooccurring(l labels, codes []string, jac map[[2]string]float64) []string {
	sum := make(map[string]float64, len(codes))
	for _, a := range codes {
		sum[a] = 0
		for _, b := range codes {
			if v, ok := jac[[2]string{a, b}]; ok && a != b && finite(v) {
				sum[a] += v
			}
		}
	}
	keep := keepCodeRows(l, sum, false)
	out := make([]string, 0, min(len(codes), maxCodeRows))
	for _, c := range codes {
		if keep[c] {
			out = append(out, c)
		}
	}
	return out
}

// shownOf says that a figure shows n of all codes, and where the rest are; nothing when
// it shows them all.
func shownOf(res *results.Results, n, all int) string {
	if n >= all {
		return ""
	}
	return res.Text(
		fmt.Sprintf("Getoond: de %d van de %d codes met de hoogste som van hun Jaccard-indexen met de andere codes; alle paren staan in de tabel.", n, all),
		fmt.Sprintf("Shown: the %d of %d codes with the highest sum of their Jaccard indexes with the other codes; the table holds every pair.", n, all),
	)
}

// partners draws which partners respondents mention with which factor, split by
// facilitator and barrier: a heat map of the number of respondents.
func partners(res *results.Results, l labels) []*figure {
	t := view(res.Table("partners"))
	type cell struct{ partner, col string }
	count := map[cell]float64{}
	var partnerOrder []string
	seenPartner := map[string]bool{}
	colSeen := map[string]bool{}
	hidden := 0
	pooled := false // rows without a valence pool both valences
	for i := 0; i < t.len(); i++ {
		v := t.str(i, "valence")
		if v == "" || v == "*" || v == "all" {
			pooled = true
		}
	}
	for i := 0; i < t.len(); i++ {
		p, f, v := t.str(i, "partner"), t.str(i, "factor"), t.str(i, "valence")
		isPooled := v == "" || v == "*" || v == "all"
		if p == "" || f == "" || pooled != isPooled {
			continue
		}
		if t.flag(i, "suppressed") {
			hidden++
			continue
		}
		n, ok := t.num(i, "respondents")
		if !ok {
			continue
		}
		if !seenPartner[p] {
			seenPartner[p] = true
			partnerOrder = append(partnerOrder, p)
		}
		key := f
		if !pooled {
			key = f + "\x00" + v
		}
		count[cell{p, key}] = n
		colSeen[key] = true
	}
	if len(partnerOrder) == 0 {
		return nil
	}
	// Columns in codebook order: each factor, facilitator before barrier.
	var colKeys, colNames []string
	var factorIDs []string
	for k := range colSeen {
		f, _, _ := strings.Cut(k, "\x00")
		factorIDs = append(factorIDs, f)
	}
	sort.Strings(factorIDs)
	factorIDs = inCodebookOrder(uniq(factorIDs), res)
	for _, f := range factorIDs {
		if pooled {
			colKeys = append(colKeys, f)
			colNames = append(colNames, l.factorLabel(f))
			continue
		}
		for _, v := range []string{"facilitator", "barrier"} {
			k := f + "\x00" + v
			if colSeen[k] {
				colKeys = append(colKeys, k)
				colNames = append(colNames, l.factorLabel(f)+": "+valenceLabel(res, v))
			}
		}
		var rest []string
		for k := range colSeen {
			if ff, v, _ := strings.Cut(k, "\x00"); ff == f && v != "facilitator" && v != "barrier" {
				rest = append(rest, k)
			}
		}
		sort.Strings(rest)
		for _, k := range rest {
			_, v, _ := strings.Cut(k, "\x00")
			colKeys = append(colKeys, k)
			colNames = append(colNames, l.factorLabel(f)+": "+v)
		}
	}
	rowNames := make([]string, len(partnerOrder))
	for i, p := range partnerOrder {
		rowNames[i] = l.partnerLabel(p)
	}
	p, h := heatChart(figureWidthOf(res), colNames, rowNames)
	hm := heatMap{Cols: len(colKeys), Rows: len(partnerOrder)}
	for _, v := range count {
		hm.Max = math.Max(hm.Max, v)
	}
	if hm.Max <= 0 {
		hm.Max = 1
	}
	for y, pn := range partnerOrder {
		for x, k := range colKeys {
			if v, ok := count[cell{pn, k}]; ok {
				hm.Cells = append(hm.Cells, heatCell{X: x, Y: len(partnerOrder) - 1 - y, Value: v, Label: number(res.Language, v, 0)})
			}
		}
	}
	p.Add(hm)
	return []*figure{{
		Name:  "partners",
		Title: res.Text("Samenwerkingspartners en succesfactoren", "Collaboration partners and success factors"),
		Caption: caption(
			res.Text(fmt.Sprintf("%d partners; per cel het aantal respondenten dat de partner noemt in een fragment met een code van de factor.", len(partnerOrder)),
				fmt.Sprintf("%d partners; each cell counts the respondents who mention the partner in a segment coded with the factor.", len(partnerOrder))),
			leftOut(res, hidden, res.Text("cel", "cell"), res.Text("cellen", "cells")),
			source(res, "gecodeerde interviews", "coded interviews", "partners"),
		),
		Scale:      &colourScale{Label: res.Text("Aantal respondenten", "Number of respondents"), Max: hm.Max, Ticks: countTicks(hm.Max), Lang: res.Language, Counts: true},
		Plot:       p,
		PlotHeight: h,
	}}
}

func valenceLabel(res *results.Results, v string) string {
	switch v {
	case "facilitator":
		return res.Text("bevorderend", "facilitator")
	case "barrier":
		return res.Text("belemmerend", "barrier")
	}
	return v
}

func countTicks(max float64) []float64 {
	if max <= 1 {
		return []float64{0, max}
	}
	return []float64{0, math.Round(max / 2), max}
}

func uniq(sorted []string) []string {
	var out []string
	for i, s := range sorted {
		if i == 0 || s != sorted[i-1] {
			out = append(out, s)
		}
	}
	return out
}

package reports

import (
	"fmt"
	"image/color"
	"sort"

	"gonum.org/v1/plot"

	"github.com/samenspel/samenspel/pipeline/results"
)

// surveyColour marks the survey's share agreeing beside the interviews' facilitator
// (blue) and barrier (vermilion) shares: Okabe-Ito orange, apart from both.
var surveyColour = okabeOrange

// metaLabel is a meta-inference of the joint display in the study's language.
func metaLabel(res *results.Results, m string) string {
	switch m {
	case "convergent":
		return res.Text("convergent", "convergent")
	case "divergent":
		return res.Text("divergent", "divergent")
	case "one source only":
		return res.Text("één bron", "one source only")
	}
	return ""
}

// groupLabel names a row's group: "Alle respondenten" for all, else the group itself.
func groupLabel(res *results.Results, by, g string) string {
	if by == "all" {
		return res.Text("Alle respondenten", "All respondents")
	}
	return g
}

// jointGroupsMax is how many municipalities the joint display figure shows at most: a
// national study's 342 would make it 100,000 pixels tall. The table has them all.
const jointGroupsMax = 12

// jointGroupsShown returns the groups (group_by and group) the figure shows: all of them
// when they are few, else the jointGroupsMax with the most survey respondents (the
// largest n over the factors; ties by name), and how many groups the table has.
func jointGroupsShown(t rows) (map[string]bool, int) {
	n := map[string]float64{}
	for i := 0; i < t.len(); i++ {
		if by := t.str(i, "group_by"); by != "all" {
			k := by + "\x00" + t.str(i, "group")
			v, _ := t.num(i, "n")
			n[k] = max(n[k], v)
		}
	}
	keys := make([]string, 0, len(n))
	for k := range n {
		keys = append(keys, k)
	}
	sort.Slice(keys, func(a, b int) bool {
		if n[keys[a]] != n[keys[b]] {
			return n[keys[a]] > n[keys[b]]
		}
		return keys[a] < keys[b]
	})
	keep := map[string]bool{}
	for _, k := range keys[:min(len(keys), jointGroupsMax)] {
		keep[k] = true
	}
	return keep, len(keys)
}

// jointShowing says, when the figure shows only some municipalities, which.
func jointShowing(res *results.Results, shown, all int) string {
	if shown >= all {
		return ""
	}
	return res.Text(fmt.Sprintf("Getoond: de %d gemeenten met de meeste respondenten in de enquête; alle %d in tabel joint_display.", shown, all),
		fmt.Sprintf("Shown: the %d municipalities with the most survey respondents; all %d in table joint_display.", shown, all))
}

// jointDisplay draws the joint display (Guetterman, Fetters & Creswell 2015): per
// success factor a heading, and per group of the table joint_display (all, then each
// municipality both sources cover) three bars on one percentage scale: the survey's
// share agreeing with the factor's scale, and the shares of the coded interviewees who
// name the factor as a facilitator and as a barrier; the row's label ends in its
// meta-inference. An empty side is left out of its row.
func jointDisplay(res *results.Results, l labels) []*figure {
	t := view(res.Table("joint_display"))
	if t.len() == 0 {
		return nil
	}
	type line struct {
		factor, label    string
		agree, fac, bar  float64
		hasA, hasF, hasB bool
		heading          bool
	}
	keep, groups := jointGroupsShown(t)
	var lines []line
	last := ""
	for i := 0; i < t.len(); i++ {
		if by := t.str(i, "group_by"); by != "all" && !keep[by+"\x00"+t.str(i, "group")] {
			continue
		}
		f := t.str(i, "factor")
		if f != last {
			lines = append(lines, line{factor: f, label: l.factorLabel(f), heading: true})
			last = f
		}
		ln := line{factor: f, label: groupLabel(res, t.str(i, "group_by"), t.str(i, "group"))}
		if m := metaLabel(res, t.str(i, "meta_inference")); m != "" {
			ln.label += "\n" + m // a second line: taller rows leave room for three bars
		}
		ln.agree, ln.hasA = t.num(i, "pct_agree")
		ln.fac, ln.hasF = t.num(i, "facilitator_share")
		ln.bar, ln.hasB = t.num(i, "barrier_share")
		if !ln.hasA && !ln.hasF && !ln.hasB {
			continue
		}
		// A factor without a survey scale that nobody mentions has nothing to show (the
		// default codebook's fourth factor in a study that codes only the first three).
		if !ln.hasA && ln.fac == 0 && ln.bar == 0 {
			continue
		}
		lines = append(lines, ln)
	}
	// A heading left without rows goes too.
	kept := lines[:0]
	for i, ln := range lines {
		if ln.heading && (i+1 == len(lines) || lines[i+1].heading) {
			continue
		}
		kept = append(kept, ln)
	}
	lines = kept
	if len(lines) == 0 {
		return nil
	}
	rows := make([]row, len(lines))
	for i, ln := range lines {
		rows[i] = row{Label: ln.label, Heading: ln.heading}
	}
	rc := newRowChart(figureWidthOf(res), rows, res.Text("Aandeel respondenten (%)", "Share of respondents (%)"))
	b := bars{}
	for i, ln := range lines {
		if ln.heading {
			continue
		}
		y := rc.y(i)
		add := func(ok bool, share, dy float64, c color.Color) {
			if ok {
				b.Bars = append(b.Bars, bar{Y: y + dy, X0: 0, X1: 100 * share, Thick: 0.24, Colour: c, Label: percent(res.Language, share)})
			}
		}
		add(ln.hasA, ln.agree, 0.28, surveyColour)
		add(ln.hasF, ln.fac, 0, facilitatorColour)
		add(ln.hasB, ln.bar, -0.28, barrierColour)
	}
	rc.Plot.X.Min, rc.Plot.X.Max = 0, 115 // room for the value labels beyond 100%
	var ticks fixedTicks
	for _, x := range []float64{0, 25, 50, 75, 100} {
		ticks = append(ticks, plot.Tick{Value: x, Label: number(res.Language, x, 0)})
	}
	rc.Plot.X.Tick.Marker = ticks
	rc.Plot.Add(gridLines{X: []float64{50}}, b)
	n, ni := 0, 0
	for i := 0; i < t.len(); i++ {
		if t.str(i, "group_by") == "all" {
			if v, ok := t.num(i, "n"); ok && int(v) > n {
				n = int(v)
			}
			if v, ok := t.num(i, "group_respondents"); ok && int(v) > ni {
				ni = int(v)
			}
		}
	}
	return []*figure{{
		Name:  "joint_display",
		Title: res.Text("Enquête en interviews per succesfactor (gezamenlijke weergave)", "Survey and interviews by success factor (joint display)"),
		Caption: caption(
			res.Text(fmt.Sprintf("Enquête: n = %d, aandeel dat het eens is met de schaal van de factor; interviews: n = %d gecodeerde geïnterviewden, aandeel dat de factor bevorderend of belemmerend noemt.", n, ni),
				fmt.Sprintf("Survey: n = %d, share agreeing with the factor's scale; interviews: n = %d coded interviewees, share naming the factor as a facilitator or a barrier.", n, ni)),
			res.Text("Convergent: beide bronnen wijzen dezelfde kant op (enquête: minstens 50% eens; interviews: meer bevorderend dan belemmerend), divergent: niet; één bron: alleen één bron getoond.",
				"Convergent: both sources point the same way (survey: at least 50% agreeing; interviews: more naming it a facilitator than a barrier), divergent: they do not; one source only: only one source shown."),
			jointShowing(res, len(keep), groups),
			source(res, "enquête en gecodeerde interviews", "survey and coded interviews", "joint_display"),
		),
		Legend: []legendEntry{
			{Label: res.Text("Enquête: eens", "Survey: agreeing"), Colour: surveyColour},
			{Label: res.Text("Interviews: bevorderend", "Interviews: facilitator"), Colour: facilitatorColour},
			{Label: res.Text("Interviews: belemmerend", "Interviews: barrier"), Colour: barrierColour},
		},
		Plot:       rc.Plot,
		PlotHeight: rc.Height,
	}}
}

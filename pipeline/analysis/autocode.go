package analysis

import (
	"sort"

	"github.com/samenspel/samenspel/pipeline/results"
	"github.com/samenspel/samenspel/pipeline/stats"
)

func init() { Stages = append(Stages, AutoCodings, AutocodeValidation) }

// AutoCodings is the table `autocodings`: every coding of the auto-coder with the rule
// (pattern) that fired and the text span it matched, its code point offsets in the
// segment text (end exclusive), its source (dictionary, or learned with the model's
// probability), in segment order, then by position.
func AutoCodings(in *Input, res *results.Results) {
	t := results.NewTable("autocodings",
		results.Column{Name: "segment", Kind: results.Text},
		results.Column{Name: "respondent", Kind: results.Text},
		results.Column{Name: "code", Kind: results.Text},
		results.Column{Name: "rule", Kind: results.Text},
		results.Column{Name: "span", Kind: results.Text},
		results.Column{Name: "start", Kind: results.Int},
		results.Column{Name: "end", Kind: results.Int},
		results.Column{Name: "source", Kind: results.Text},
		results.Column{Name: "probability", Kind: results.Float},
		results.Column{Name: "held", Kind: results.Text}) // autocode_held.go
	t.Title = map[string]string{"nl": "Automatische coderingen", "en": "Auto-codings"}
	// Sorted by a number per coding (its segment's position among the dataset's
	// segments, 0 for an unknown segment: the coding index numbers the dataset's
	// segments in their order), and the rest of the key; a stable sort on the
	// same key gives the same order as sorting the codings themselves.
	x := in.ids
	codings := in.autocodings() // with the held-back suggestions: autocode_held.go
	n := 0
	for i := range codings {
		if c := &codings[i]; c.Coder == AutoCoder && c.Code != "" {
			n++
		}
	}
	auto := make([]int32, 0, n)
	order := make([]int, 0, n)
	for i := range codings {
		if c := &codings[i]; c.Coder == AutoCoder && c.Code != "" {
			auto = append(auto, int32(i))
			o := 0
			if s := x.segmentOfListed(i, c.Segment); s >= 0 && x.seg[s] != nil {
				o = s
			}
			order = append(order, o)
		}
	}
	perm := make([]int, len(auto))
	for i := range perm {
		perm[i] = i
	}
	sort.SliceStable(perm, func(i, j int) bool {
		pi, pj := perm[i], perm[j]
		if order[pi] != order[pj] {
			return order[pi] < order[pj]
		}
		a, b := &codings[auto[pi]], &codings[auto[pj]]
		if a.Segment != b.Segment {
			return a.Segment < b.Segment
		}
		if a.SpanStart != b.SpanStart {
			return a.SpanStart < b.SpanStart
		}
		if a.SpanEnd != b.SpanEnd {
			return a.SpanEnd < b.SpanEnd
		}
		if a.Code != b.Code {
			return a.Code < b.Code
		}
		return a.Rule < b.Rule
	})
	if len(perm) > 0 {
		t.Rows = make([][]any, 0, len(perm))
	}
	lastSeg, lastPseudonym := int32(-1), ""
	for k, p := range perm {
		c := &codings[auto[p]]
		if s := int32(x.segmentOfListed(int(auto[p]), c.Segment)); k == 0 || s != lastSeg {
			lastSeg, lastPseudonym = s, ""
			if s >= 0 {
				lastPseudonym = in.pseudonymOfNum(int(s))
			}
		}
		t.Add(autocodingRow(c, lastPseudonym)...) // learned.go: source and probability
	}
	res.Add(t)
}

// AutocodeValidation is the table `autocode_validation`: the auto-coder checked against
// each human coder, per code, over the segments both coded. The auto-coder has coded a
// segment when it has a row for it, and, once it has run (it has at least one coding),
// every respondent segment, since it runs over all of them. With the auto-coder as the
// rows and the human coder as the columns of a 2×2 table of code presence:
//
//	tp = both, fp = auto only, fn = human only, tn = neither
//	precision = tp / (tp + fp), recall = tp / (tp + fn), f1 = 2 p r / (p + r)
//	cohen_kappa = Cohen's kappa of the table (stats.CohenKappa)
//
// An undefined statistic (a zero denominator) is an empty cell.
func AutocodeValidation(in *Input, res *results.Results) {
	t := results.NewTable("autocode_validation",
		results.Column{Name: "code", Kind: results.Text},
		results.Column{Name: "coder", Kind: results.Text},
		results.Column{Name: "tp", Kind: results.Int},
		results.Column{Name: "fp", Kind: results.Int},
		results.Column{Name: "fn", Kind: results.Int},
		results.Column{Name: "tn", Kind: results.Int},
		results.Column{Name: "precision", Kind: results.Float},
		results.Column{Name: "recall", Kind: results.Float},
		results.Column{Name: "f1", Kind: results.Float},
		results.Column{Name: "cohen_kappa", Kind: results.Float},
		results.Column{Name: "held", Kind: results.Int}) // autocode_held.go
	t.Title = map[string]string{"nl": "Automatisch coderen vergeleken met menselijke codeurs", "en": "Auto-coding against human coders"}
	defer res.Add(t)
	if in.Codebook == nil {
		return
	}
	x := in.ids
	if x.auto < 0 {
		return // the auto-coder did not run
	}
	in.noteHeld(res)  // the calibration's held suggestions: autocode_held.go
	in.noteModel(res) // the shipped model's: autocode_model.go
	// The auto-coder coded the segments it has a row for and every respondent segment.
	covered := func(sg int) bool { return x.autoCovers[sg] || x.coded[x.slot(sg, x.auto)] }
	autoSet := func(sg int) []uint64 { return x.set(sg, x.auto) }
	var coders []int
	var tables []*confusions
	var held [][]int
	for c, name := range x.coders {
		if c == x.auto || name == "" {
			continue
		}
		coders = append(coders, c)
		tables = append(tables, x.confusions(c, covered, autoSet))
		held = append(held, in.heldOnCoded(c))
	}
	for k, code := range x.codes {
		for i, c := range coders {
			ct := tables[i]
			// With the auto-coder as rows: tp both, fp auto only, fn human only.
			tp, fp, fn := ct.both[k], ct.auto[k], ct.human[k]
			tn := ct.units - tp - fp - fn
			if ct.units == 0 {
				continue
			}
			p := ratio(tp, tp+fp)
			r := ratio(tp, tp+fn)
			var f1 any
			if p != nil && r != nil && p.(float64)+r.(float64) > 0 {
				f1 = 2 * p.(float64) * r.(float64) / (p.(float64) + r.(float64))
			}
			kappa := stats.CohenKappa([][]float64{{float64(tp), float64(fp)}, {float64(fn), float64(tn)}})
			t.Add(code, x.coders[c], tp, fp, fn, tn, p, r, f1, finite(kappa), held[i][k])
		}
	}
}

// ratio returns a/b, or nil when b is 0.
func ratio(a, b int) any {
	if b == 0 {
		return nil
	}
	return float64(a) / float64(b)
}

// segmentOfListed returns the segment number of coding i of the autocodings list (the
// dataset's codings, numbered by the index, then the held suggestions, found by their
// segment id), -1 for a segment the index does not know.
func (x *codingIndex) segmentOfListed(i int, segment string) int {
	if i < len(x.segOfCoding) {
		return int(x.segOfCoding[i])
	}
	if s, ok := x.segNum(segment); ok {
		return s
	}
	return -1
}

// pseudonymOfNum returns the pseudonym of segment number s's respondent, empty when
// unknown: a respondent's own id never reaches a table.
func (in *Input) pseudonymOfNum(s int) string {
	x := in.ids
	if x.seg[s] == nil {
		return ""
	}
	if n := x.respNum[x.resp[s]]; n != noRespondent {
		return in.Data.Respondents[n].Pseudonym
	}
	return ""
}

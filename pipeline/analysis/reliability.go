package analysis

import (
	"math"

	"github.com/samenspel/samenspel/pipeline/results"
	"github.com/samenspel/samenspel/pipeline/stats"
)

func init() { Stages = append(Stages, ScaleReliability) }

// ScaleReliability is the tables `reliability` and `reliability_items`: per scale,
// Cronbach's alpha (raw and standardised) with its Feldt 95% interval over the
// respondents who answered every item (listwise; n_excluded counts those who answered
// some items but not all), and per item its mean, sd, corrected item-total correlation
// (r_drop) and alpha if the item is deleted, on the answers with reverse-keyed items
// reversed. A scale with fewer than MinCell complete respondents is suppressed: its rows
// have suppressed = true, n and every statistic empty, and a note says so.
//
// Column missing says which respondents alpha rests on: listwise (the default: n is the
// respondents who answered every item) or, with Input.PairwiseReliability, pairwise:
// alpha from the covariances of each pair of items over the respondents who answered
// both (stats.PairwiseAlpha, as psych::alpha(use = "pairwise")), n the respondents who
// answered at least two items; the standardised alpha and the Feldt interval, which
// assume complete answers, are then left empty. Column scored counts the respondents
// with a scale score (at least half of the items answered), the n of the scales table,
// so that a reader sees both.
func ScaleReliability(in *Input, res *results.Results) {
	t := results.NewTable("reliability",
		results.Column{Name: "scale", Kind: results.Text},
		results.Column{Name: "items", Kind: results.Int},
		results.Column{Name: "n", Kind: results.Int},
		results.Column{Name: "cronbach_alpha", Kind: results.Float},
		results.Column{Name: "std_alpha", Kind: results.Float},
		results.Column{Name: "alpha_ci_low", Kind: results.Float},
		results.Column{Name: "alpha_ci_high", Kind: results.Float},
		results.Column{Name: "n_excluded", Kind: results.Int},
		results.Column{Name: "suppressed", Kind: results.Bool},
		results.Column{Name: "missing", Kind: results.Text},
		results.Column{Name: "scored", Kind: results.Int})
	t.Title = map[string]string{"nl": "Betrouwbaarheid van de schalen", "en": "Reliability of the scales"}
	missing := "listwise"
	if in.PairwiseReliability {
		missing = "pairwise"
	}
	ti := results.NewTable("reliability_items",
		results.Column{Name: "scale", Kind: results.Text},
		results.Column{Name: "item", Kind: results.Text},
		results.Column{Name: "n", Kind: results.Int},
		results.Column{Name: "mean", Kind: results.Float},
		results.Column{Name: "sd", Kind: results.Float},
		results.Column{Name: "r_drop", Kind: results.Float},
		results.Column{Name: "alpha_if_deleted", Kind: results.Float},
		results.Column{Name: "reverse", Kind: results.Bool},
		results.Column{Name: "suppressed", Kind: results.Bool})
	ti.Title = map[string]string{"nl": "Itemanalyse", "en": "Item analysis"}
	for _, sa := range in.SurveyScales() {
		// An item no respondent answered (no survey file holds it; ingest warns) would
		// leave no complete respondent at all: alpha is then of the items answered, and
		// items says how many (answeredItems).
		on := answeredItems(sa)
		keyed := sa.Keyed
		if len(on) > 0 && len(on) < len(sa.Scale.Items) {
			keyed = onlyItems(sa.Keyed, on)
			noteFewerItems(in, res, sa, on)
		} else {
			on = nil
		}
		r := stats.ScaleReliability(keyed)
		k := len(sa.Scale.Items)
		if on != nil {
			k = len(on)
		}
		scored := 0
		for _, x := range sa.Scores {
			if !math.IsNaN(x) {
				scored++
			}
		}
		if in.Suppressed(r.N) || r.N == 0 || len(r.ItemStats) != k {
			t.Add(sa.Scale.ID, k, nil, nil, nil, nil, nil, nil, true, missing, nil)
			for _, item := range sa.Scale.Items {
				ti.Add(sa.Scale.ID, item.ID, nil, nil, nil, nil, nil, item.Reverse, true)
			}
			nl, en := sprintf("minder dan %d respondenten beantwoordden", in.MinCell), sprintf("fewer than %d respondents answered", in.MinCell)
			if in.MinCell <= 1 {
				nl, en = "geen respondent beantwoordde", "no respondent answered"
			}
			if on != nil && len(on) < 2 {
				continue // noteFewerItems says why (one item: no alpha)
			}
			res.Note("reliability",
				sprintf("%s: %s alle items; de betrouwbaarheid is niet berekend.", in.measureLabel(sa.Scale.ID, "nl"), nl),
				sprintf("%s: %s every item; reliability is not computed.", in.measureLabel(sa.Scale.ID, "en"), en))
			continue
		}
		if in.PairwiseReliability {
			alpha, n := stats.PairwiseAlpha(keyed)
			t.Add(sa.Scale.ID, k, n, results.Opt(alpha), nil, nil, nil, len(sa.Keyed)-n, false, missing, scored)
		} else {
			t.Add(sa.Scale.ID, k, r.N, results.Opt(r.Alpha), results.Opt(r.StdAlpha),
				results.Opt(r.AlphaLow), results.Opt(r.AlphaHigh), r.Excluded, false, missing, scored)
		}
		j := 0
		for i, item := range sa.Scale.Items {
			if on != nil && (j >= len(on) || on[j] != i) {
				ti.Add(sa.Scale.ID, item.ID, 0, nil, nil, nil, nil, item.Reverse, false) // answered by no one
				continue
			}
			is := r.ItemStats[j]
			j++
			ti.Add(sa.Scale.ID, item.ID, is.N, results.Opt(is.Mean), results.Opt(is.SD),
				results.Opt(is.RDrop), results.Opt(is.AlphaIfDeleted), item.Reverse, false)
		}
	}
	res.Add(t)
	res.Add(ti)
}

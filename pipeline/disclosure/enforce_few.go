package disclosure

import "github.com/samenspel/samenspel/pipeline/results"

// strandCounts are, per ungrouped table, its strand and the columns that count the
// strand's respondents or their segments (or follow from such a count: folds is the
// number of coded respondents when they are fewer than learn.DefaultFolds). The
// ratios (precision, jaccard, alpha) stay: they are what the table is for, and no
// count follows from one of them alone.
var strandCounts = map[string]struct {
	strand string
	cols   []string
}{
	"cooccurrence":                {Interviews, []string{"segments", "respondents"}},
	"autocode_learned_validation": {Interviews, []string{"segments", "positives", "folds", "tp", "fp", "fn", "tn", "suggestions", "reviewed_accepted", "reviewed_deleted"}},
	"autocode_validation":         {Interviews, []string{"tp", "fp", "fn", "tn", "held"}},
	"autocode_review":             {Interviews, []string{"reviewed", "accepted", "deleted"}},
	"agreement":                   {Interviews, []string{"units", "applied"}},
	"agreement_auto":              {Interviews, []string{"units"}},
	"partners":                    {Interviews, []string{"segments", "respondents"}},
	"reliability":                 {Survey, []string{"n", "n_excluded", "scored"}},
	"reliability_items":           {Survey, []string{"n"}},
}

// enforceFew holds the ungrouped tables of a Few strand (fewer than MinCell
// interviewees, say, so that the sample's and code_frequencies' "all" rows are
// suppressed) to the same rule as those rows: every count in strandCounts is left
// empty, whatever stage made the table. A note on such a table may state a count
// (the learned validation's "3-fold", agreement's "over 24 segments"), so its notes are
// replaced by one that says why the counts are not shown (none for a table without
// rows). It reports the tables it held back (true when they have rows).
func (d *Decision) enforceFew(res *results.Results) map[string]bool {
	held := map[string]bool{}
	for _, t := range res.Tables {
		sc, ok := strandCounts[t.Name]
		if !ok || !d.Few[sc.strand] {
			continue
		}
		held[t.Name] = len(t.Rows) > 0
		for _, c := range sc.cols {
			i := t.Col(c)
			if i < 0 {
				continue
			}
			for _, r := range t.Rows {
				r[i] = nil
			}
		}
	}
	kept := res.Notes[:0]
	for _, n := range res.Notes {
		if _, ok := held[n.Topic]; !ok {
			kept = append(kept, n)
		}
	}
	res.Notes = kept
	for _, t := range res.Tables {
		if !held[t.Name] {
			continue
		}
		if strandCounts[t.Name].strand == Interviews {
			res.Note(t.Name,
				"Aantallen niet getoond: minder dan "+itoa(d.Rules.MinCell)+" geïnterviewden (of gecodeerde geïnterviewden).",
				"Counts not shown: fewer than "+itoa(d.Rules.MinCell)+" interviewees (or coded interviewees).")
		} else {
			res.Note(t.Name,
				"Aantallen niet getoond: minder dan "+itoa(d.Rules.MinCell)+" ondervraagden.",
				"Counts not shown: fewer than "+itoa(d.Rules.MinCell)+" surveyed.")
		}
	}
	return held
}

// HoldCounts marks the run's counts as held back (results.Results.CountsHeld) when its
// respondents are fewer than MinCell in all: the sample's "all" row is then suppressed,
// and the report's sample paragraph and the manifest must not give the number either.
func (d *Decision) HoldCounts(res *results.Results) {
	if d.Rules.Small(res.Respondents) {
		res.CountsHeld = true
	}
}

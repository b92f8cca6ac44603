package pipeline

import (
	"slices"

	"github.com/samenspel/samenspel/codebook"
	"github.com/samenspel/samenspel/pipeline/analysis"
	"github.com/samenspel/samenspel/pipeline/model"
	"github.com/samenspel/samenspel/pipeline/progress"
)

// autocode runs the codebook's auto-coder over every respondent segment (interviewer
// turns are context, never coded). Each code that fires gives one coding by coder "auto"
// carrying the first rule and text span that fired, and, where the codebook has a
// calibration, its confidence and whether the calibration holds it back (such a coding is
// taken out of the dataset after the protect stage, splitHeld); a segment where nothing fires (or nothing is suggested) gets a
// row with an empty code, so the auto-coder counts as having coded it, as a human coder
// who found nothing would.
func autocode(d *model.Dataset, cb *codebook.Codebook, rep progress.Reporter, ahead *autocoded, built *autoCoderAhead) error {
	from := 0
	if ahead == nil {
		ac, err := built.get(cb) // run_ahead.go
		ahead = &autocoded{ac: ac, err: err}
	}
	if ahead.err != nil {
		return ahead.err
	}
	if ahead.segments > 0 {
		// Room for the codings coded ahead and about one a segment for the rest.
		d.Codings = slices.Grow(d.Codings, len(ahead.codings)+len(d.Segments)-ahead.segments)
		d.Codings = append(d.Codings, ahead.codings...)
		from = ahead.segments
		rep.Add(from / 1000 * 1000)
	}
	for i := from; i < len(d.Segments); i++ {
		if i%1000 == 999 {
			rep.Add(1000)
		}
		d.Codings = autocodeSegment(d.Codings, ahead.ac, &d.Segments[i])
	}
	return nil
}

// autocodeSegment appends the auto-coder's codings of one segment (see autocode).
func autocodeSegment(codings []model.Coding, ac *codebook.AutoCoder, seg *model.Segment) []model.Coding {
	if seg.Interviewer {
		return codings
	}
	suggested := 0
	for _, m := range ac.Suggest(seg.Text) { // with the codebook's calibration, if any: autocode_held.go
		if m.Held == "" {
			suggested++
		}
		c := model.Coding{
			Segment: seg.ID, Code: m.Code, Raw: m.Code, Coder: analysis.AutoCoder,
			Rule: m.Rule, Span: m.Span, SpanStart: m.Start, SpanEnd: m.End, Source: seg.Source,
			Confidence: m.Confidence, Held: m.Held,
		}
		if ac.ModelDecides(m.Code) {
			c.Probability = m.Confidence // the shipped model's: its source names it (analysis.AutoSource)
		}
		codings = model.AppendDoubling(codings, c)
	}
	if suggested == 0 {
		codings = model.AppendDoubling(codings, model.Coding{Segment: seg.ID, Coder: analysis.AutoCoder, Source: seg.Source})
	}
	return codings
}

// autocoded is the auto-coder and its codings of a dataset's first segments, coded
// ahead: execute codes the interviews' segments while the survey is still being read
// (a national survey takes the better part of a second), and autocode appends them and
// codes the rest (the survey's open answers). The codings and their order are those of
// coding every segment in turn.
type autocoded struct {
	ac       *codebook.AutoCoder
	err      error
	segments int // the dataset's first segments, coded
	codings  []model.Coding
}

// autocodeAhead codes the segments of the datasets, in order, which will be the first
// segments of the merged dataset.
func autocodeAhead(dss []model.Dataset, cb *codebook.Codebook, built *autoCoderAhead) *autocoded {
	ac, err := built.get(cb)
	a := &autocoded{ac: ac, err: err}
	if err != nil {
		return a
	}
	for i := range dss {
		for j := range dss[i].Segments {
			a.codings = autocodeSegment(a.codings, ac, &dss[i].Segments[j])
		}
		a.segments += len(dss[i].Segments)
	}
	return a
}

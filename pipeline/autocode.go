package pipeline

import (
	"github.com/samenspel/samenspel/codebook"
	"github.com/samenspel/samenspel/pipeline/analysis"
	"github.com/samenspel/samenspel/pipeline/model"
	"github.com/samenspel/samenspel/pipeline/progress"
)

// autocode runs the codebook's auto-coder over every respondent segment (interviewer
// turns are context, never coded). Each code that fires gives one coding by coder "auto"
// carrying the first rule and text span that fired; a segment where nothing fires gets a
// row with an empty code, so the auto-coder counts as having coded it, as a human coder
// who found nothing would.
func autocode(d *model.Dataset, cb *codebook.Codebook, rep progress.Reporter) error {
	ac, err := codebook.NewAutoCoder(cb)
	if err != nil {
		return err
	}
	for i, seg := range d.Segments {
		if i%1000 == 999 {
			rep.Add(1000)
		}
		if seg.Interviewer {
			continue
		}
		seen := map[string]bool{}
		for _, m := range ac.Code(seg.Text) {
			if seen[m.Code] {
				continue
			}
			seen[m.Code] = true
			d.Codings = append(d.Codings, model.Coding{
				Segment: seg.ID, Code: m.Code, Raw: m.Code, Coder: analysis.AutoCoder,
				Rule: m.Rule, Span: m.Span, SpanStart: m.Start, SpanEnd: m.End, Source: seg.Source,
			})
		}
		if len(seen) == 0 {
			d.Codings = append(d.Codings, model.Coding{Segment: seg.ID, Coder: analysis.AutoCoder, Source: seg.Source})
		}
	}
	return nil
}

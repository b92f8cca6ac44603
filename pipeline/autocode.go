package pipeline

import (
	"runtime"
	"slices"
	"sync"

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
		n := 0
		for _, c := range ahead.codings {
			n += len(c)
		}
		d.Codings = slices.Grow(d.Codings, n+len(d.Segments)-ahead.segments)
		for _, c := range ahead.codings {
			d.Codings = append(d.Codings, c...)
		}
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
	segments int              // the dataset's first segments, coded
	codings  [][]model.Coding // of consecutive stretches of those segments, in order
}

// autocodingAhead is the auto-coding of a dataset's first segments, under way
// (startAutocodeAhead).
type autocodingAhead struct {
	done chan struct{}
	a    *autocoded
}

// wait waits for the codings; nil for a nil w (nothing coded ahead).
func (w *autocodingAhead) wait() *autocoded {
	if w == nil {
		return nil
	}
	<-w.done
	return w.a
}

// startAutocodeAhead starts coding segs, which will be the first segments of the
// merged dataset, on goroutines of their own, and returns at once. On twice the national
// study (100,000 segments, two workbooks read side by side) the interviews were read
// about when the survey was, and coding them ahead on the run's own goroutine put some
// 0.4 s of a single core on the run's serial path, the other core idle, while execute
// waited to merge the survey (issue 16). The coder gets a copy of the fields it reads
// (id, text, source, interviewer), so that execute may merge, fold and rename the
// dataset's segments meanwhile, and it codes consecutive stretches of them side by side
// (the AutoCoder is safe for concurrent use; each segment's codings depend on its text
// alone), so the codings, appended stretch by stretch, are those of coding the segments
// in turn.
func startAutocodeAhead(segs []model.Segment, cb *codebook.Codebook, built *autoCoderAhead) *autocodingAhead {
	copied := make([]model.Segment, len(segs))
	for i := range segs {
		x := &segs[i]
		copied[i] = model.Segment{ID: x.ID, Text: x.Text, Source: x.Source, Interviewer: x.Interviewer}
	}
	w := &autocodingAhead{done: make(chan struct{})}
	go func() {
		defer close(w.done)
		w.a = autocodeAhead(copied, cb, built)
	}()
	return w
}

// autocodeAhead codes the segments, in order, which will be the first segments of the
// merged dataset: in consecutive stretches, one per processor.
func autocodeAhead(segs []model.Segment, cb *codebook.Codebook, built *autoCoderAhead) *autocoded {
	ac, err := built.get(cb)
	a := &autocoded{ac: ac, err: err, segments: len(segs)}
	if err != nil {
		return a
	}
	stretches := min(runtime.GOMAXPROCS(0), len(segs)/minAutocodeStretch+1)
	a.codings = make([][]model.Coding, stretches)
	var wg sync.WaitGroup
	for k := range stretches {
		lo, hi := k*len(segs)/stretches, (k+1)*len(segs)/stretches
		wg.Go(func() {
			var codings []model.Coding
			for i := lo; i < hi; i++ {
				codings = autocodeSegment(codings, ac, &segs[i])
			}
			a.codings[k] = codings
		})
	}
	wg.Wait()
	return a
}

// minAutocodeStretch is the fewest segments worth a goroutine of their own.
const minAutocodeStretch = 256

package pipeline

import (
	"github.com/samenspel/samenspel/pipeline/model"
	"github.com/samenspel/samenspel/pipeline/redact"
)

// protectAhead is what the protect stage needs that depends on no pseudonym and on no
// coding: the redactor, the study salt and the segments' redacted texts. On a national
// study these take about a second of CPU, so execute computes them on a goroutine of
// their own while the auto-coder runs (startProtect): the auto-coder and the learning
// stage only add codings and file counts, and these read the respondents, rejects,
// segments and survey, so the two never touch the same data.
type protectAhead struct {
	red  *redact.Redactor
	salt [32]byte
	// texts are the redacted texts of the segments renameSegments keeps (the first of
	// each id), in that order.
	texts []redactedText
}

// startProtect starts computing the protectAhead of d on a goroutine; wait returns it.
// Until wait returns, the caller may add codings and files to d but must not change its
// respondents, rejects, segments or survey.
func startProtect(d *model.Dataset, newRed func() *redact.Redactor) (wait func() protectAhead) {
	// The segments' ids and texts are taken now: renameSegments later rewrites the
	// segments in place.
	ids, texts := make([]string, len(d.Segments)), make([]string, len(d.Segments))
	for i := range d.Segments {
		ids[i], texts[i] = d.Segments[i].ID, d.Segments[i].Text
	}
	done := make(chan protectAhead, 1)
	go func() {
		var a protectAhead
		a.salt = studySalt(d)
		a.red = newRed()
		a.texts = redactKept(a.red, ids, texts)
		done <- a
	}()
	return func() protectAhead { return <-done }
}

// aheadOf is the protectAhead of d, computed here and now.
func aheadOf(d *model.Dataset, r *redact.Redactor) protectAhead {
	return startProtect(d, func() *redact.Redactor { return r })()
}

// redactKept redacts the text of the first segment of each id, in order: the segments
// that renameSegments keeps.
func redactKept(r *redact.Redactor, ids, texts []string) []redactedText {
	seen := make(map[string]struct{}, len(ids))
	out := make([]redactedText, 0, len(ids))
	for i, id := range ids {
		if _, dup := seen[id]; dup {
			continue
		}
		seen[id] = struct{}{}
		text, m := r.RedactMapped(texts[i])
		out = append(out, redactedText{text, m})
	}
	return out
}

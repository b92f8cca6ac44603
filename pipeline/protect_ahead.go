package pipeline

import (
	"runtime"
	"sync"

	"github.com/samenspel/samenspel/pipeline/model"
	"github.com/samenspel/samenspel/pipeline/redact"
)

// protectAhead is what the protect stage needs from the redactor alone: the redactor and
// the segments' redacted texts. On a national study these take most of a second of CPU,
// so execute builds them on a goroutine of their own (startProtect) while it auto-codes
// the survey's open answers and gives the pseudonyms: those only add codings and file
// counts, rank the respondents' ids for their pseudonyms and rename segments in place,
// and these read the respondents, the rejects and a copy of the segments' ids and
// texts, so that neither writes what the other reads (the pseudonyms are set on the
// respondents once the redactor is built: setPseudonyms). While the segments' texts are
// redacted, protectWith redacts everything else with the same redactor (which is safe
// for concurrent use).
type protectAhead struct {
	red *redact.Redactor
	// texts are the redacted texts of the segments renameSegments keeps (the first of
	// each id), in that order.
	texts []redactedText
}

// startProtect starts computing the protectAhead of d on a goroutine; its wait returns
// it (and returns it again when called again), its redactor returns the redactor as soon
// as it is built, before the segments are redacted. Until redactor returns, the caller
// may add codings and files to d and rename its segments, but must not change its
// respondents or rejects.
func startProtect(d *model.Dataset, newRed func(texts []string) *redact.Redactor) *aheadWork {
	// The segments' ids and texts are taken now: renameSegments rewrites the segments in
	// place.
	ids, texts := make([]string, len(d.Segments)), make([]string, len(d.Segments))
	for i := range d.Segments {
		ids[i], texts[i] = d.Segments[i].ID, d.Segments[i].Text
	}
	w := &aheadWork{red: make(chan *redact.Redactor, 1), done: make(chan protectAhead, 1)}
	go func() {
		var a protectAhead
		a.red = newRed(texts) // the texts taken now, not d.Segments: renamed meanwhile
		w.red <- a.red
		a.texts = redactKept(a.red, ids, texts)
		w.done <- a
	}()
	return w
}

// aheadWork is the protectAhead being computed (startProtect).
type aheadWork struct {
	red      chan *redact.Redactor
	done     chan protectAhead
	redOnce  sync.Once
	doneOnce sync.Once
	r        *redact.Redactor
	a        protectAhead
}

// redactor waits for the redactor.
func (w *aheadWork) redactor() *redact.Redactor {
	w.redOnce.Do(func() { w.r = <-w.red })
	return w.r
}

// wait waits for the redactor and the segments' texts.
func (w *aheadWork) wait() protectAhead {
	w.doneOnce.Do(func() { w.a = <-w.done })
	return w.a
}

// aheadOf is startProtect with a redactor made already.
func aheadOf(d *model.Dataset, r *redact.Redactor) *aheadWork {
	return startProtect(d, func([]string) *redact.Redactor { return r })
}

// redactKept redacts the text of the first segment of each id, in order: the segments
// that renameSegments keeps. Each distinct text is redacted once: a Redactor is a pure
// function of the text, and a text coded in two documents, an interviewer's stock
// question or a bare "Ja." repeats over the segments (the synthetic studies of
// bench/run.sh draw their texts from a set, half the national study's 50,000). The
// distinct texts are redacted side by side on every processor, in contiguous
// stretches: on a national study redaction is most of a second of CPU on the protect
// stage's longest path, and each text's redaction depends on nothing but the text (the
// Redactor is safe for concurrent use), so the result is the same as one after the
// other. Segments with one text share its redactedText, which nothing changes.
func redactKept(r *redact.Redactor, ids, texts []string) []redactedText {
	seen := make(map[string]struct{}, len(ids))
	kept := make([]int, 0, len(ids))
	for i, id := range ids {
		if _, dup := seen[id]; dup {
			continue
		}
		seen[id] = struct{}{}
		kept = append(kept, i)
	}
	// of[k] is the index in distinct of kept[k]'s text
	first := make(map[string]int, len(kept))
	of := make([]int, len(kept))
	var distinct []string
	for k, i := range kept {
		j, ok := first[texts[i]]
		if !ok {
			j = len(distinct)
			first[texts[i]] = j
			distinct = append(distinct, texts[i])
		}
		of[k] = j
	}
	done := make([]redactedText, len(distinct))
	workers := min(runtime.GOMAXPROCS(0), len(distinct)/minRedactStretch+1)
	var wg sync.WaitGroup
	for w := range workers {
		lo, hi := w*len(distinct)/workers, (w+1)*len(distinct)/workers
		wg.Go(func() {
			for k := lo; k < hi; k++ {
				text, m := r.RedactMapped(distinct[k])
				done[k] = redactedText{text, m}
			}
		})
	}
	wg.Wait()
	out := make([]redactedText, len(kept))
	for k, j := range of {
		out[k] = done[j]
	}
	return out
}

// minRedactStretch is the fewest texts worth a goroutine of their own.
const minRedactStretch = 256

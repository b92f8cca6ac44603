package pipeline

import "github.com/samenspel/samenspel/pipeline/model"

// readerWarnings are the readers' warnings (model.Dataset.Warnings), each after its
// file's name relative to the study folder; the run redacts them with the others.
func readerWarnings(s *Study, d *model.Dataset) []error {
	out := make([]error, 0, len(d.Warnings))
	for _, w := range d.Warnings {
		out = append(out, model.Reasonf("%s: %w", "%s: %v", s.Rel(w.File), w.Err))
	}
	return out
}

package pipeline

import "github.com/samenspel/samenspel/codebook"

// codebookModel returns the codebook the auto-coder uses: cb, or, where the study sets
// `autocode: {model: false}`, cb without its shipped model (codebook.Model), so that the
// dictionary and its calibration alone decide, as before the model.
func (s *Study) codebookModel(cb *codebook.Codebook) *codebook.Codebook {
	if s.Autocode.Model != nil && !*s.Autocode.Model {
		return cb.WithoutModel()
	}
	return cb
}

// codebookBeside says which files beside the codebook a run reads: the calibration and
// the model only where something uses the dictionary's auto-coder (autocode: enabled,
// or autocode: learn, whose features it gives), the model not where the study turns it
// off. A run that does not use them never opens them, so that neither a missing nor an
// unreadable one (a named pipe: attack 14, calibration-fifo-hangs) matters there.
func (s *Study) codebookBeside() codebook.Beside {
	uses := s.AutocodeEnabled() || s.Autocode.Learn
	return codebook.Beside{Calibration: uses, Model: uses && (s.Autocode.Model == nil || *s.Autocode.Model)}
}

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

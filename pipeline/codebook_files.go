package pipeline

import (
	"github.com/samenspel/samenspel/codebook"
	"github.com/samenspel/samenspel/pipeline/results"
)

// autoCoderFiles names, for the manifest, the calibration and shipped-model files the
// codebook's auto-coder used (codebook.AutoCoderFiles), relative to the study folder and
// with the SHA-256 of their bytes as read, as the codebook's own: the auto-coder's
// suggestions depend on them as much as on the patterns. A model the study turned off
// (autocode: model: false) or a file that was not there is not listed.
func autoCoderFiles(s *Study, cb *codebook.Codebook) (calibration, shippedModel *results.HashedFile) {
	c, m := cb.AutoCoderFiles()
	if c != nil {
		calibration = &results.HashedFile{File: s.Rel(s.Abs(c.Path)), SHA256: c.SHA256}
	}
	if m != nil {
		shippedModel = &results.HashedFile{File: s.Rel(s.Abs(m.Path)), SHA256: m.SHA256}
	}
	return calibration, shippedModel
}

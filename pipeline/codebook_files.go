package pipeline

import (
	"path/filepath"

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
		calibration = &results.HashedFile{File: studyRel(s, c.Path), SHA256: c.SHA256}
	}
	if m != nil {
		shippedModel = &results.HashedFile{File: studyRel(s, m.Path), SHA256: m.SHA256}
	}
	return calibration, shippedModel
}

// studyRel is path (absolute, or relative to the working folder, as the codebook names
// the files beside it) relative to the study folder, whichever way the study was named,
// so that the same study elsewhere gives the same manifest.
func studyRel(s *Study, path string) string {
	p, err1 := filepath.Abs(path)
	d, err2 := filepath.Abs(s.Dir)
	if err1 == nil && err2 == nil {
		if r, err := filepath.Rel(d, p); err == nil {
			return filepath.ToSlash(r)
		}
	}
	return s.Rel(path)
}

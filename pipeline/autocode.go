package pipeline

import (
	"github.com/samenspel/samenspel/codebook"
	"github.com/samenspel/samenspel/pipeline/model"
)

// autocode runs the codebook's auto-coder over every respondent segment.
func autocode(d *model.Dataset, cb *codebook.Codebook) error {
	return nil
}

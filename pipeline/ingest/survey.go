package ingest

import (
	"fmt"

	"github.com/samenspel/samenspel/pipeline/model"
)

// ReadSurvey reads a survey export.
func ReadSurvey(path string, opt Options) (model.Dataset, error) {
	return model.Dataset{}, fmt.Errorf("%s: %w", path, ErrUnknownFormat)
}

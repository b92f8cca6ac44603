package ingest

import (
	"fmt"

	"github.com/samenspel/samenspel/pipeline/model"
)

// ReadInterviews reads coded segments, .qdpx projects or transcripts.
func ReadInterviews(path string, opt Options) (model.Dataset, error) {
	return model.Dataset{}, fmt.Errorf("%s: %w", path, ErrUnknownFormat)
}

package ingest

import (
	"fmt"

	"github.com/samenspel/samenspel/pipeline/model"
)

func readSPSS(path string, opt Options) (model.Dataset, error) {
	return model.Dataset{}, fmt.Errorf("%s: %w", path, ErrUnknownFormat)
}

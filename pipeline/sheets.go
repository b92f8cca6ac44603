package pipeline

import (
	"errors"

	"github.com/samenspel/samenspel/pipeline/ingest"
	"github.com/samenspel/samenspel/pipeline/model"
)

// readerWarnings are the readers' warnings (a workbook's sheet left unread, see
// ingest/sheets.go) as the summary gives them: files named relative to the study.
func readerWarnings(s *Study, d *model.Dataset) []error {
	out := make([]error, 0, len(d.Warnings))
	for _, w := range d.Warnings {
		var sheet *ingest.SheetNotRead
		if errors.As(w, &sheet) {
			w = sheet.In(s.Rel(sheet.Path))
		}
		out = append(out, w)
	}
	return out
}

package ingest

import (
	"archive/zip"
	"testing"

	"github.com/samenspel/samenspel/pipeline/ingest/sheet"
)

// A workbook of several sheets is opened once in the fast reader, for the headers of all
// its sheets and the rows of those read: before, once per sheet's header and once more
// per sheet read (7 opens for sheetsWorkbook's five sheets, two of them read).
func TestWorkbookOpenedOnce(t *testing.T) {
	path := sheetsWorkbook(t)
	opens := 0
	openZip = func(path string, z *zip.Reader, l sheet.Limits) (*sheet.Workbook, error) {
		opens++
		return sheet.OpenZip(path, z, l)
	}
	defer func() { openZip = sheet.OpenZip }()
	ds, err := ReadSurvey(path, Options{Codebook: loadCodebook(t)})
	if err != nil {
		t.Fatal(err)
	}
	if len(ds.Files) != 2 {
		t.Fatalf("files %v", ds.Files)
	}
	if opens != 1 {
		t.Errorf("the workbook was opened %d times in the fast reader, want 1", opens)
	}
}

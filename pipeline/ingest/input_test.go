package ingest

import (
	"crypto/sha256"
	"encoding/hex"
	"os"
	"testing"

	"github.com/samenspel/samenspel/pipeline/model"
)

// hashed checks that the reader put the sha256 and size of path's bytes on its
// FileCount, then clears them, so that tests can compare the counts alone.
func hashed(t *testing.T, path string, ds *model.Dataset) {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	sum := sha256.Sum256(data)
	for i := range ds.Files {
		fc := &ds.Files[i]
		if fc.SHA256 != hex.EncodeToString(sum[:]) || fc.Bytes != int64(len(data)) {
			t.Errorf("%s: sha256 %q, %d bytes; want the file's %x, %d bytes", path, fc.SHA256, fc.Bytes, sum, len(data))
		}
		fc.SHA256, fc.Bytes = "", 0
	}
}

package pipeline

import (
	"fmt"
	"testing"
	"time"

	"github.com/samenspel/samenspel/pipeline/model"
)

// Files read side by side come back in the files' order, and a failure is the one
// readAll gives: the first file's, in order, that fails, also when a later file fails
// sooner.
func TestReadAllParallelKeepsOrder(t *testing.T) {
	files := []inputFile{{path: "a"}, {path: "b"}, {path: "c"}, {path: "d"}}
	read := func(fail map[string]bool) func(string, Input) (model.Dataset, error) {
		return func(f string, _ Input) (model.Dataset, error) {
			if f == "b" {
				time.Sleep(20 * time.Millisecond) // c and d fail first
			}
			if fail[f] {
				return model.Dataset{}, fmt.Errorf("%s: unreadable", f)
			}
			return model.Dataset{Files: []model.FileCount{{Path: f}}}, nil
		}
	}
	got, err := readAllParallel(files, read(nil))
	if err != nil {
		t.Fatal(err)
	}
	for i, ds := range got {
		if ds.Files[0].Path != files[i].path {
			t.Errorf("dataset %d is of %s, want %s", i, ds.Files[0].Path, files[i].path)
		}
	}
	fail := map[string]bool{"b": true, "c": true, "d": true}
	_, want := readAll(files, read(fail))
	_, err = readAllParallel(files, read(fail))
	if err == nil || want == nil || err.Error() != want.Error() {
		t.Errorf("error %v, want readAll's %v", err, want)
	}
}

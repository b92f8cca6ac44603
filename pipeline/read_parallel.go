package pipeline

import (
	"runtime"
	"sync"

	"github.com/samenspel/samenspel/pipeline/model"
)

// readAllParallel is readAll with the files read side by side, as many at a time as
// there are cores: a study whose survey is two national workbooks (two waves, two
// tools) read them one after the other, and the second one's second of reading was
// most of what made twice the national study more than twice the time of once (issue
// 16). Each reader works on its own file and its own dataset only; the datasets come
// back in the files' order, and the error is the one readAll would have returned: that
// of the first file, in order, that fails (a later file is read all the same, which
// costs only time on a run that stops).
func readAllParallel(files []inputFile, read func(string, Input) (model.Dataset, error)) ([]model.Dataset, error) {
	if len(files) < 2 {
		return readAll(files, read)
	}
	out := make([]model.Dataset, len(files))
	errs := make([]error, len(files))
	slots := make(chan struct{}, max(1, runtime.GOMAXPROCS(0)))
	var wg sync.WaitGroup
	for i, f := range files {
		slots <- struct{}{}
		wg.Go(func() {
			defer func() { <-slots }()
			out[i], errs[i] = read(f.path, f.input)
		})
	}
	wg.Wait()
	for _, err := range errs {
		if err != nil {
			return nil, err
		}
	}
	return out, nil
}

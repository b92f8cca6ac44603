package main

import (
	"context"
	"io"
	"os"
	"runtime/pprof"
	"runtime/trace"

	"github.com/samenspel/samenspel/pipeline/model"
	"github.com/samenspel/samenspel/pipeline/progress"
)

// startCPUProfile starts a CPU profile of the run in a new file (run -cpuprofile), for
// measuring where a study's time goes on the researcher's own files. stop ends the
// profile and closes the file.
func startCPUProfile(path string) (stop func(), err error) {
	return startRecording("-cpuprofile", path, pprof.StartCPUProfile, pprof.StopCPUProfile)
}

// startTrace starts an execution trace of the run in a new file (run -trace), for `go
// tool trace`: which stage waits on which, and where a processor is idle.
func startTrace(path string) (stop func(), err error) {
	return startRecording("-trace", path, trace.Start, trace.Stop)
}

// startRecording starts a recording of the run (a profile or a trace) into a new file.
// The file is created exclusively, so that the flag can never overwrite anything: not an
// input, not an earlier recording.
func startRecording(flag, path string, start func(io.Writer) error, end func()) (stop func(), err error) {
	f, err := os.OpenFile(path, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o644)
	if err != nil {
		return nil, model.Reasonf("%s: %w", "%s: %v", flag, err)
	}
	if err := start(f); err != nil {
		f.Close()
		os.Remove(path)
		return nil, model.Reasonf("%s %s: %w", "%s %s: %v", flag, path, err)
	}
	return func() {
		end()
		f.Close()
	}, nil
}

// tracedStages marks the start of every stage of a traced run (run -trace) in the trace,
// as a log event of category "stage", so that `go tool trace` shows where each stage
// begins, beside the goroutines that do its work.
type tracedStages struct{ progress.Reporter }

func (t tracedStages) Stage(name string, total int) {
	trace.Log(context.Background(), "stage", name)
	t.Reporter.Stage(name, total)
}

func (t tracedStages) Done() {
	trace.Log(context.Background(), "stage", "done")
	t.Reporter.Done()
}

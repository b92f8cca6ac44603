package main

import (
	"os"
	"runtime/pprof"
	"runtime/trace"

	"github.com/samenspel/samenspel/pipeline/model"
)

// startCPUProfile starts a CPU profile of the run in a new file (run -cpuprofile), for
// measuring where a study's time goes on the researcher's own files. The file is created
// exclusively, so that the flag can never overwrite anything: not an input, not an earlier
// profile. stop ends the profile and closes the file.
func startCPUProfile(path string) (stop func(), err error) {
	f, err := os.OpenFile(path, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o644)
	if err != nil {
		return nil, model.Reasonf("-cpuprofile: %w", "-cpuprofile: %v", err)
	}
	if err := pprof.StartCPUProfile(f); err != nil {
		f.Close()
		os.Remove(path)
		return nil, model.Reasonf("-cpuprofile %s: %w", "-cpuprofile %s: %v", path, err)
	}
	return func() {
		pprof.StopCPUProfile()
		f.Close()
	}, nil
}

// startTrace starts an execution trace of the run in a new file (run -trace), for `go
// tool trace`: which stage waits on which, and where a processor is idle. Like the CPU
// profile, the file is created exclusively and never overwrites anything.
func startTrace(path string) (stop func(), err error) {
	f, err := os.OpenFile(path, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o644)
	if err != nil {
		return nil, model.Reasonf("-trace: %w", "-trace: %v", err)
	}
	if err := trace.Start(f); err != nil {
		f.Close()
		os.Remove(path)
		return nil, model.Reasonf("-trace %s: %w", "-trace %s: %v", path, err)
	}
	return func() {
		trace.Stop()
		f.Close()
	}, nil
}

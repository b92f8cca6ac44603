package analysis_test

import (
	"os"
	"reflect"
	"runtime"
	"slices"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/samenspel/samenspel/pipeline"
	"github.com/samenspel/samenspel/pipeline/analysis"
	"github.com/samenspel/samenspel/pipeline/results"
	"github.com/samenspel/samenspel/pipeline/synth"
)

// BenchmarkStages times every analysis stage (and then every join) on its own, over the protected dataset of a
// study: the folder in SAMENSPEL_BENCH_STUDY, or else a synthetic study of
// SAMENSPEL_BENCH_SEGMENTS segments (default 50,000, as the national study) coded by two
// coders, without a survey. For example, side by side with another checkout:
//
//	analyse synth -o /tmp/s4 -segments 200000 -respondents 0
//	SAMENSPEL_BENCH_STUDY=/tmp/s4 go test -run '^$' -bench Stages -benchtime 3x ./pipeline/analysis/
func BenchmarkStages(b *testing.B) {
	dir := os.Getenv("SAMENSPEL_BENCH_STUDY")
	if dir == "" {
		c := synth.DefaultConfig()
		c.Respondents, c.Segments = 0, 50000
		if n, err := strconv.Atoi(os.Getenv("SAMENSPEL_BENCH_SEGMENTS")); err == nil {
			c.Segments = n
		}
		dir = b.TempDir()
		if _, err := synth.Write(dir, c, synth.Progress{}); err != nil {
			b.Fatal(err)
		}
	}
	s, err := pipeline.LoadStudy(dir)
	if err != nil {
		b.Fatal(err)
	}
	out, err := pipeline.Execute(s, "bench")
	if err != nil {
		b.Fatal(err)
	}
	in := &analysis.Input{Data: out.Data, Codebook: out.Codebook, Language: s.Language, Groups: s.Groups,
		MinCell: s.Privacy.MinCell, Seed: s.Seed, BootstrapSamples: s.Agreement.Bootstrap}
	in.Prepare()
	in.Decide()
	b.Run("Prepare", func(b *testing.B) {
		b.ReportAllocs()
		start := cpuTime()
		for b.Loop() {
			in.Prepare()
		}
		b.ReportMetric(float64(cpuTime()-start)/float64(time.Millisecond)/float64(b.N), "cpu-ms/op")
	})
	for _, stage := range analysis.Stages {
		name := runtime.FuncForPC(reflect.ValueOf(stage).Pointer()).Name()
		name = name[strings.LastIndex(name, ".")+1:]
		b.Run(name, func(b *testing.B) {
			b.ReportAllocs()
			start := cpuTime()
			for b.Loop() {
				stage(in, &results.Results{Language: s.Language, MinCell: s.Privacy.MinCell})
			}
			b.ReportMetric(float64(cpuTime()-start)/float64(time.Millisecond)/float64(b.N), "cpu-ms/op")
		})
	}
	// The joins read the stages' tables: they get those of one run of every stage.
	tables := &results.Results{Language: s.Language, MinCell: s.Privacy.MinCell}
	for _, stage := range analysis.Stages {
		stage(in, tables)
	}
	for _, join := range analysis.Joins {
		name := runtime.FuncForPC(reflect.ValueOf(join).Pointer()).Name()
		name = name[strings.LastIndex(name, ".")+1:]
		b.Run(name, func(b *testing.B) {
			b.ReportAllocs()
			start := cpuTime()
			for b.Loop() {
				res := *tables
				res.Tables = slices.Clone(tables.Tables)
				join(in, &res)
			}
			b.ReportMetric(float64(cpuTime()-start)/float64(time.Millisecond)/float64(b.N), "cpu-ms/op")
		})
	}
}

// cpuTime is the process's CPU time so far (user and system, garbage collection
// included): on a shared machine it says more than the wall time.
func cpuTime() time.Duration {
	var u syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &u); err != nil {
		return 0
	}
	return time.Duration(u.Utime.Nano() + u.Stime.Nano())
}

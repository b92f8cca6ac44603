package pipeline

import (
	"syscall"
	"testing"
	"time"

	"github.com/samenspel/samenspel/codebook"
	"github.com/samenspel/samenspel/pipeline/model"
	"github.com/samenspel/samenspel/pipeline/progress"
	"github.com/samenspel/samenspel/pipeline/synth"
)

// BenchmarkLearn5000 times the learned coder (autocode.learn) on 5,000 coded segments of
// the synthetic study (analyse synth: interviews of 25 segments, two coders) and 1,000
// segments whose codings are taken away: features, 5-fold cross-validation, the final fit
// of every code that passes and its suggestions. It reports the
// CPU time (user + sys) per run beside the wall time.
//
//	go test -run '^$' -bench Learn5000 -benchtime 3x ./pipeline/
func BenchmarkLearn5000(b *testing.B) {
	c := synth.DefaultConfig()
	c.Respondents, c.Segments = 0, 6000
	dir := b.TempDir()
	if _, err := synth.Write(dir, c, synth.Progress{}); err != nil {
		b.Fatal(err)
	}
	s, err := LoadStudy(dir)
	if err != nil {
		b.Fatal(err)
	}
	s.Autocode.Learn = true
	var d *model.Dataset
	var cb *codebook.Codebook
	if _, err := execute(s, "bench", progress.Discard, func(dd *model.Dataset, c *codebook.Codebook, _ []error) { d, cb = dd, c }); err != nil {
		b.Fatal(err)
	}
	uncoded := map[string]bool{}
	for _, seg := range d.Segments[5000:] {
		uncoded[seg.ID] = true
	}
	var codings []model.Coding
	for _, c := range d.Codings {
		if !uncoded[c.Segment] {
			codings = append(codings, c)
		}
	}
	cpu := func() time.Duration {
		var ru syscall.Rusage
		syscall.Getrusage(syscall.RUSAGE_SELF, &ru)
		return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
	}
	b.ResetTimer()
	start := cpu()
	for b.Loop() {
		d.Codings = codings[:len(codings):len(codings)]
		l, err := learnCodes(d, cb, s)
		if err != nil {
			b.Fatal(err)
		}
		if l.Codes[0].Segments != 5000 {
			b.Fatalf("%d coded segments", l.Codes[0].Segments)
		}
	}
	// CPU time (user + sys) per run: on a shared machine wall time says more about the
	// other processes than about this one.
	b.ReportMetric((cpu()-start).Seconds()/float64(b.N), "cpu-s/op")
}

package pipeline_test

import (
	"testing"

	"github.com/samenspel/samenspel/pipeline"
	"github.com/samenspel/samenspel/pipeline/synth"
	"github.com/samenspel/samenspel/reports"
)

// mediumStudy writes the medium synthetic study of bench/run.sh (40 municipalities, 5,000
// survey respondents in .xlsx, 5,000 segments coded by two coders) and loads it.
func mediumStudy(b *testing.B) *pipeline.Study {
	c := synth.DefaultConfig()
	c.Municipalities, c.Respondents, c.Segments = 40, 5000, 5000
	return synthStudy(b, c)
}

// nationalStudy is the national study of bench/run.sh: 342 municipalities, 100,000
// respondents × 24 items in .xlsx, 50,000 segments coded by two coders.
func nationalStudy(b *testing.B) *pipeline.Study {
	c := synth.DefaultConfig()
	c.Municipalities, c.Respondents, c.Items, c.Segments = 342, 100000, 8, 50000
	return synthStudy(b, c)
}

func synthStudy(b *testing.B, c synth.Config) *pipeline.Study {
	b.Helper()
	dir := b.TempDir()
	if _, err := synth.Write(dir, c, synth.Progress{}); err != nil {
		b.Fatal(err)
	}
	s, err := pipeline.LoadStudy(dir)
	if err != nil {
		b.Fatal(err)
	}
	return s
}

// BenchmarkExecute times every stage from reading the inputs to the results.
func BenchmarkExecute(b *testing.B) {
	s := mediumStudy(b)
	b.ReportAllocs()
	for b.Loop() {
		if _, err := pipeline.Execute(s, "bench"); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkExecuteNational times Execute and reports.Write on the national study; it takes
// a while,
// so run it on its own: go test -run '^$' -bench ExecuteNational -benchtime 1x ./pipeline/
func BenchmarkExecuteNational(b *testing.B) {
	s := nationalStudy(b)
	b.ReportAllocs()
	for b.Loop() {
		out, err := pipeline.Execute(s, "bench")
		if err != nil {
			b.Fatal(err)
		}
		if _, err := reports.Write(b.TempDir(), out.Results); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkReports times writing the tables, figures, report and manifest of the outcome.
func BenchmarkReports(b *testing.B) {
	s := mediumStudy(b)
	out, err := pipeline.Execute(s, "bench")
	if err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	for b.Loop() {
		if _, err := reports.Write(b.TempDir(), out.Results); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkExampleRun times the whole run of the example study (data/example: 25
// interviews, 300 respondents), from loading study.yaml to the last output file, as
// `analyse run data/example` does it. Issue 16 wants it under 0.3 s wall.
func BenchmarkExampleRun(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		s, err := pipeline.LoadStudy("../data/example")
		if err != nil {
			b.Fatal(err)
		}
		out, err := pipeline.Execute(s, "bench")
		if err != nil {
			b.Fatal(err)
		}
		if _, err := reports.Write(b.TempDir(), out.Results); err != nil {
			b.Fatal(err)
		}
	}
}

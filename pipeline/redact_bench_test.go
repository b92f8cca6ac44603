package pipeline

import (
	"testing"

	"github.com/samenspel/samenspel/codebook"
	"github.com/samenspel/samenspel/pipeline/model"
	"github.com/samenspel/samenspel/pipeline/progress"
	"github.com/samenspel/samenspel/pipeline/synth"
)

// nationalSegments reads the interviews of the national study of bench/run.sh (342
// municipalities, 50,000 segments of 2,000 interviewees coded by two coders; no survey,
// which the redactor does not read) up to the protect stage, and returns the dataset,
// its codebook and study.
func nationalSegments(b *testing.B) (*model.Dataset, *codebook.Codebook, *Study) {
	c := synth.DefaultConfig()
	c.Municipalities, c.Respondents, c.Segments = 342, 0, 50000
	dir := b.TempDir()
	if _, err := synth.Write(dir, c, synth.Progress{}); err != nil {
		b.Fatal(err)
	}
	s, err := LoadStudy(dir)
	if err != nil {
		b.Fatal(err)
	}
	var d *model.Dataset
	var cb *codebook.Codebook
	if _, err := execute(s, "bench", progress.Discard, func(dd *model.Dataset, c *codebook.Codebook, _ []error) { d, cb = dd, c }); err != nil {
		b.Fatal(err)
	}
	return d, cb, s
}

// BenchmarkRedactSegments times the study's redactor (newRedactorTexts) on the national
// study's 50,000 segment texts one after the other, as redactKept does on each of its
// goroutines: RedactMapped (blankControls, Find, the placeholders and the offset map).
// Its MB/s is per core.
//
//	go test -run '^$' -bench RedactSegments -benchtime 5x ./pipeline/
func BenchmarkRedactSegments(b *testing.B) {
	d, cb, s := nationalSegments(b)
	texts := segmentTexts(d)
	r := newRedactorTexts(d, cb, s, texts)
	size := 0
	for _, t := range texts {
		size += len(t)
	}
	b.SetBytes(int64(size))
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		for _, t := range texts {
			r.RedactMapped(t)
		}
	}
	b.ReportMetric(float64(len(texts)), "texts")
}

// BenchmarkNewRedactor times building the national study's redactor from its dataset
// and segment texts (newRedactorTexts: the names, kept words, speakers, anchors, ids).
func BenchmarkNewRedactor(b *testing.B) {
	d, cb, s := nationalSegments(b)
	texts := segmentTexts(d)
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		newRedactorTexts(d, cb, s, texts)
	}
}

// BenchmarkRedactKept times the protect stage's redaction of the national study's
// segment texts as it runs (redactKept: each distinct text once, on every processor).
func BenchmarkRedactKept(b *testing.B) {
	d, cb, s := nationalSegments(b)
	ids, texts := make([]string, len(d.Segments)), segmentTexts(d)
	for i := range d.Segments {
		ids[i] = d.Segments[i].ID
	}
	r := newRedactorTexts(d, cb, s, texts)
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		redactKept(r, ids, texts)
	}
}

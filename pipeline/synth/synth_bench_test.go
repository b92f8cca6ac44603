package synth

import (
	"strings"
	"testing"
)

// benchmarkWrite writes the medium study of bench/run.sh (40 municipalities, 5,000 survey
// respondents × 12 items, 5,000 segments coded by two coders) in the given survey format.
func benchmarkWrite(b *testing.B, format string) {
	c := DefaultConfig()
	c.Formats, c.SurveyFormat = []string{format}, format
	b.ReportAllocs()
	for b.Loop() {
		if _, err := Write(b.TempDir(), c, Progress{}); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(c.Respondents*3*c.Items+c.Segments*c.Coders)/b.Elapsed().Seconds()*float64(b.N), "cells+codings/s")
}

func BenchmarkWriteXLSX(b *testing.B) { benchmarkWrite(b, "xlsx") }
func BenchmarkWriteCSV(b *testing.B)  { benchmarkWrite(b, "csv") }

// BenchmarkComposeSegment times composing one segment's text and codes.
func BenchmarkComposeSegment(b *testing.B) {
	c := DefaultConfig()
	p := newPopulation(c)
	people := interviewees(c, p)
	r := newRand(1, streamInterviews)
	cum := defaultCodes.factorCum(people[0])
	var codes []string
	var text strings.Builder
	for b.Loop() {
		codes = defaultCodes.drawCodes(r, cum, codes[:0])
		defaultCodes.composeSegment(r, &text, codes)
	}
}

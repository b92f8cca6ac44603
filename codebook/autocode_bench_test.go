package codebook

import (
	"strings"
	"testing"
)

// BenchmarkAutoCoder measures the auto-coder on interview-like Dutch text with the default
// codebook (target: at least 80 MB/s on one core, issue 16).
func BenchmarkAutoCoder(b *testing.B) {
	cb, err := Load("../data/codebooks/samenwerking.yaml")
	if err != nil {
		b.Fatal(err)
	}
	ac, err := NewAutoCoder(cb)
	if err != nil {
		b.Fatal(err)
	}
	text := benchText() // about 14 kB, a long answer or a short interview
	b.SetBytes(int64(len(text)))
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		ac.Code(text)
	}
}

// benchText is BenchmarkAutoCoder's text: interview-like Dutch, about 14 kB.
func benchText() string {
	para := "Met de wijkagent hebben we korte lijnen, ik app hem gewoon even. Maar bij de jeugdzorg " +
		"krijg ik nooit terugkoppeling, het is een zwart gat. In het casuïstiekoverleg op school " +
		"zien we elkaar elke maand; de zorgcoördinator en het jongerenwerk kennen elkaar goed. " +
		"Wĳ hebben geen vaste contactpersoon bij het wijkteam en de wachtlijsten zijn lang. "
	return strings.Repeat(para, 40)
}

// BenchmarkNormalize measures the auto-coder's first step alone: folding the text for
// the automaton.
func BenchmarkNormalize(b *testing.B) {
	text := benchText()
	b.SetBytes(int64(len(text)))
	b.ReportAllocs()
	var n Normalized
	for b.Loop() {
		n = normalizeInto(text, n)
	}
}

package codebook

import (
	"os"
	"strings"
	"testing"

	"go.yaml.in/yaml/v3"
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

// BenchmarkAutoCoderSegments measures the auto-coder as a run uses it: Suggest (the
// patterns, then the calibration) on each segment of the example study's interviews in
// turn, 233 segments of 60-400 bytes, where BenchmarkAutoCoder codes one 14 kB text (one
// paragraph forty times). Short texts weigh the cost per call (buffers, the result, the
// suggestions) that one long text spreads over 14 kB.
func BenchmarkAutoCoderSegments(b *testing.B) {
	cb, err := Load("../data/codebooks/samenwerking.yaml")
	if err != nil {
		b.Fatal(err)
	}
	ac, err := NewAutoCoder(cb)
	if err != nil {
		b.Fatal(err)
	}
	texts := exampleSegments(b)
	size := 0
	for _, s := range texts {
		size += len(s)
	}
	b.SetBytes(int64(size))
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		for _, s := range texts {
			ac.Suggest(s)
		}
	}
}

// exampleSegments returns the texts of the example study's interview segments.
func exampleSegments(tb testing.TB) []string {
	data, err := os.ReadFile("../data/example/generate/interviews.yaml")
	if err != nil {
		tb.Fatal(err)
	}
	var doc struct {
		Respondents []struct {
			Segments []struct {
				Text string `yaml:"text"`
			} `yaml:"segments"`
		} `yaml:"respondents"`
	}
	if err := yaml.Unmarshal(data, &doc); err != nil {
		tb.Fatal(err)
	}
	var texts []string
	for _, r := range doc.Respondents {
		for _, s := range r.Segments {
			texts = append(texts, s.Text)
		}
	}
	if len(texts) < 200 {
		tb.Fatalf("%d segments in the example's interviews", len(texts))
	}
	return texts
}

package redact

import (
	"encoding/csv"
	"os"
	"testing"
)

// BenchmarkFind redacts the labelled sentences (testdata/zinnen.txt: names listed and
// unlisted, phone numbers, addresses, dates) and interview-like text without any
// identifier, as the protect stage does for every segment.
func BenchmarkFind(b *testing.B) {
	sentences, opt := readLabelled(b, "testdata/zinnen.txt")
	r := New(opt)
	texts := []string{
		"Met de wijkagent hebben we korte lijnen, ik app hem gewoon even. Maar bij de jeugdzorg " +
			"krijg ik nooit terugkoppeling, het is een zwart gat. In het casuïstiekoverleg op school " +
			"zien we elkaar elke maand; de zorgcoördinator en het jongerenwerk kennen elkaar goed.",
		"Ja, door de AVG durft de mentor geen namen meer te noemen. Er is een protocol met de jeugdhulp voor als er iets gebeurt in de wijk.",
	}
	for _, s := range sentences {
		texts = append(texts, s.text)
	}
	size := 0
	for _, t := range texts {
		size += len(t)
	}
	b.SetBytes(int64(size))
	b.ReportAllocs()
	for b.Loop() {
		for _, t := range texts {
			r.Find(t)
		}
	}
}

// BenchmarkFindBenchSegments redacts the medium bench study's segments (one of each,
// /tmp/bench/medium, written by bench/run.sh; skipped without it), as the protect stage
// of a run does.
func BenchmarkFindBenchSegments(b *testing.B) {
	f, err := os.Open("/tmp/bench/medium/interviews/segments.csv")
	if err != nil {
		b.Skip("no bench study")
	}
	defer f.Close()
	rows, err := csv.NewReader(f).ReadAll()
	if err != nil {
		b.Fatal(err)
	}
	seen := map[string]bool{}
	var texts []string
	size := 0
	for _, row := range rows[1:] {
		if !seen[row[2]] {
			seen[row[2]] = true
			texts = append(texts, row[3])
			size += len(row[3])
		}
	}
	r := New(Options{Keep: []string{"Zeezand", "jongerenwerker", "jeugdzorg"}})
	b.SetBytes(int64(size))
	b.ReportAllocs()
	for b.Loop() {
		for _, t := range texts {
			r.Find(t)
		}
	}
}

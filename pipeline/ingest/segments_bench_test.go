package ingest

import (
	"encoding/csv"
	"fmt"
	"math/rand"
	"os"
	"path/filepath"
	"testing"
)

// BenchmarkReadSegmentTable reads a generic coded-segment table shaped like the national
// study's (bench/run.sh): 50,000 segments of 2,000 respondents, each on one row per code
// (one or two) and coder (two), about 150,000 rows.
func BenchmarkReadSegmentTable(b *testing.B) {
	path := filepath.Join(b.TempDir(), "segments.csv")
	f, err := os.Create(path)
	if err != nil {
		b.Fatal(err)
	}
	w := csv.NewWriter(f)
	w.Write([]string{"Respondent", "Document", "Segment", "Tekst", "Code", "Codeur", "Gemeente", "Functie"})
	rng := rand.New(rand.NewSource(1))
	words := []string{"de", "jeugdzorg", "school", "we", "bellen", "als", "er", "iets", "speelt", "in", "wijk", "mentor", "protocol", "afspraken", "korte", "lijnen"}
	rows := 0
	for s := 1; s <= 50000; s++ {
		resp := fmt.Sprintf("R%04d", (s-1)/25+1)
		text := ""
		for n := 8 + rng.Intn(30); n > 0; n-- {
			text += words[rng.Intn(len(words))] + " "
		}
		for _, coder := range []string{"Anouk", "Bram"} {
			for c := 0; c < 1+rng.Intn(2); c++ {
				w.Write([]string{resp, "Interview " + resp, fmt.Sprintf("S%05d", s), text, fmt.Sprintf("code.%d", rng.Intn(18)), coder, "Zeezand", "Jongerenwerker"})
				rows++
			}
		}
	}
	w.Flush()
	if err := f.Close(); err != nil {
		b.Fatal(err)
	}
	st, _ := os.Stat(path)
	b.SetBytes(st.Size())
	b.ReportAllocs()
	for b.Loop() {
		ds, err := ReadInterviews(path, Options{Format: "generic"})
		if err != nil {
			b.Fatal(err)
		}
		if len(ds.Segments) != 50000 {
			b.Fatalf("%d segments", len(ds.Segments))
		}
	}
	b.ReportMetric(float64(rows), "rows")
}

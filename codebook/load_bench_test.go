package codebook

import (
	"os"
	"testing"
)

// BenchmarkLoadExampleCodebook loads the example study's codebook (78 kB of YAML) with
// its calibration (63 kB), as analyse run does before it reads anything: the two parses
// of the codebook and the calibration's run side by side (issue 16), so that on two
// processors the time per op is below the CPU it takes.
func BenchmarkLoadExampleCodebook(b *testing.B) {
	const path = "../data/codebooks/samenwerking.yaml"
	data, err := os.ReadFile(path)
	if err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	for b.Loop() {
		cb, err := LoadData(path, data)
		if err != nil {
			b.Fatal(err)
		}
		if cb.calibrationFor() == nil {
			b.Fatal("the example codebook's calibration was not read")
		}
	}
}

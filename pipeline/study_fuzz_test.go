package pipeline

import (
	"os"
	"testing"
)

// FuzzParseStudy: no study.yaml makes the loader panic; what parses has its defaults.
func FuzzParseStudy(f *testing.F) {
	for _, p := range []string{"../data/example/study.yaml"} {
		if b, err := os.ReadFile(p); err == nil {
			f.Add(b)
		}
	}
	f.Add([]byte(studyTemplate))
	f.Add([]byte("codebook: c.yaml\ninterviews: [a]\nprivacy: {min_cell: -1}\n"))
	f.Add([]byte("codebook: c.yaml\ninterviews:\n  - {path: a, columns: {text: Fragment}}\n"))
	f.Add([]byte("respondents: {path: r.xlsx, sheet: 2}\n"))
	f.Add([]byte("&a [*a]"))
	f.Fuzz(func(t *testing.T, data []byte) {
		s, err := ParseStudy(data)
		if err != nil {
			return
		}
		if s.Privacy.MinCell < 1 || (s.Language != "nl" && s.Language != "en") || len(s.Groups) == 0 {
			t.Errorf("parsed without defaults: %+v", s)
		}
	})
}

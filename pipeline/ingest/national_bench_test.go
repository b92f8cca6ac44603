package ingest

import (
	"path/filepath"
	"testing"

	"github.com/samenspel/samenspel/codebook"
	"github.com/samenspel/samenspel/pipeline/model"
	"github.com/samenspel/samenspel/pipeline/synth"
)

// BenchmarkReadNational reads the inputs of bench/run.sh's national study (written by
// synth: 342 municipalities, 100,000 respondents × 24 items as .csv and .xlsx, 50,000
// segments coded by two coders) with the options a run gives them: the respondents
// table's ids for the survey (TableIDs, KnownKeys) and the interviews (Known), the survey
// as the study's only survey file.
//
//	go test -run '^$' -bench ReadNational -benchtime 5x ./pipeline/ingest/
func BenchmarkReadNational(b *testing.B) {
	dir := b.TempDir()
	c := synth.DefaultConfig()
	c.Municipalities, c.Respondents, c.Items, c.Segments = 342, 100000, 8, 50000
	c.Formats, c.SurveyFormat = []string{"csv", "xlsx"}, "csv"
	if _, err := synth.Write(dir, c, synth.Progress{}); err != nil {
		b.Fatal(err)
	}
	cb, err := codebook.Load(filepath.Join(dir, synth.CodebookFile))
	if err != nil {
		b.Fatal(err)
	}
	table, err := ReadRespondents(filepath.Join(dir, synth.RespondentsFile), Options{Codebook: cb})
	if err != nil {
		b.Fatal(err)
	}
	known, keys := map[string]bool{}, map[string]string{}
	for _, r := range table.Respondents {
		known[r.ID] = true
		keys[model.IDKey(r.ID)] = r.ID
	}
	survey := Options{Codebook: cb, TableIDs: known, KnownKeys: keys, OnlySurvey: true}
	for _, c := range []struct {
		name, path string
		read       func(string, Options) (model.Dataset, error)
		opt        Options
	}{
		{"survey-csv", filepath.Join(dir, "survey", "survey.csv"), ReadSurvey, survey},
		{"survey-xlsx", filepath.Join(dir, "survey", "survey.xlsx"), ReadSurvey, survey},
		{"segments", filepath.Join(dir, "interviews", "segments.csv"), ReadInterviews, Options{Codebook: cb, Format: "generic", Known: known, KnownKeys: keys}},
	} {
		b.Run(c.name, func(b *testing.B) {
			b.ReportAllocs()
			defer reportCPU(b)()
			for b.Loop() {
				ds, err := c.read(c.path, c.opt)
				if err != nil {
					b.Fatal(err)
				}
				if len(ds.Rejects) > len(ds.Respondents)/100 {
					b.Fatalf("%d rejects of %d respondents", len(ds.Rejects), len(ds.Respondents))
				}
			}
		})
	}
}

// Command generate writes the bundled example study of samenspel: the coded interviews
// (interviews/codering.xlsx), the respondents table (respondenten.xlsx) and the survey
// among professionals in two waves (enquete/enquete.csv, 2024, and enquete/enquete_2025.csv;
// see survey_wave2.go).
//
// The interview text and its coding are hand-written in interviews.yaml; the survey is
// simulated from an ordinal latent-variable model with a fixed seed, and its free-text
// remarks are drawn from the hand-written fragments in toelichting.yaml. Everything is
// fictional. Run it from the repository root:
//
//	go run ./data/example/generate
//
// Rerunning gives the same bytes.
package main

import (
	"flag"
	"fmt"
	"os"
	"path/filepath"
)

func main() {
	out := flag.String("out", filepath.Join("data", "example"), "folder of the example study to write into")
	flag.Parse()
	if err := generate(*out); err != nil {
		fmt.Fprintln(os.Stderr, "generate:", err)
		os.Exit(1)
	}
}

// generate writes the four input files of the example study into dir.
func generate(dir string) error {
	if st, err := os.Stat(dir); err != nil || !st.IsDir() {
		return fmt.Errorf("output folder %s does not exist (run from the repository root or pass -out)", dir)
	}
	study, err := loadInterviews()
	if err != nil {
		return err
	}
	remarks, err := loadRemarks()
	if err != nil {
		return err
	}
	for _, sub := range []string{"interviews", "enquete"} {
		if err := os.MkdirAll(filepath.Join(dir, sub), 0o755); err != nil {
			return err
		}
	}
	if err := writeCoding(filepath.Join(dir, "interviews", "codering.xlsx"), study); err != nil {
		return err
	}
	if err := writeRespondents(filepath.Join(dir, "respondenten.xlsx"), study); err != nil {
		return err
	}
	wave1 := simulateSurvey(remarks)
	if err := writeSurvey(filepath.Join(dir, "enquete", "enquete.csv"), wave1); err != nil {
		return err
	}
	return writeSurvey(filepath.Join(dir, "enquete", "enquete_2025.csv"), simulateWave2(wave1))
}

package synth

import (
	"fmt"
	"slices"

	"github.com/samenspel/samenspel/pipeline/model"
)

// ErrConfig marks a synthetic study that cannot be written as asked.
var ErrConfig = model.NewKind("synthetic study", "synthetisch onderzoek")

// Config says how large a synthetic study is and what it looks like.
type Config struct {
	// Municipalities is the number of (fictional) municipalities.
	Municipalities int
	// Respondents is the number of survey respondents; 0 writes no survey.
	Respondents int
	// Items is the number of survey items per scale (kennen, bereiken, informeren); every
	// fourth item is reverse-keyed.
	Items int
	// Segments is the number of interview segments; 0 writes no interviews.
	Segments int
	// SegmentsPerInterview sets the number of interviewees: Segments / SegmentsPerInterview,
	// rounded up.
	SegmentsPerInterview int
	// Coders is the number of coders who each coded every segment.
	Coders int
	// Disagreement is the share of segments on which two coders' codes differ (about).
	Disagreement float64
	// Seed fixes every random choice: the same Config writes the same bytes.
	Seed uint64
	// Formats are the survey files to write: "xlsx", "csv" or both.
	Formats []string
	// SurveyFormat is the one study.yaml points at; it must be among Formats.
	SurveyFormat string
	// SurveyFiles splits the survey respondents evenly over this many files per format
	// (survey-1.xlsx, survey-2.xlsx, ...), as exports per region or wave are; 0 or 1 writes
	// one file (survey.xlsx).
	SurveyFiles int
	// Numbers writes answers as the numbers 1..5 instead of their Dutch labels.
	Numbers bool
	// Waves, when set, writes the survey once per wave (a year, e.g. 2024 and 2025), each
	// of Respondents respondents of their own (ids E2024-000001, ...), in a file per wave
	// (survey-2024.xlsx), each named in study.yaml with its wave.
	Waves []int
	// Codes is the number of codes of the codebook, over the default codebook's three
	// factors (see codeSet); 0 keeps the default codebook's 18.
	Codes int
}

// DefaultConfig is a medium study: 40 municipalities, 5,000 survey respondents, 4 items per
// scale, 5,000 segments coded by two coders, the survey as .xlsx.
func DefaultConfig() Config {
	return Config{
		Municipalities:       40,
		Respondents:          5000,
		Items:                4,
		Segments:             5000,
		SegmentsPerInterview: 25,
		Coders:               2,
		Disagreement:         0.15,
		Seed:                 1,
		Formats:              []string{"xlsx"},
		SurveyFormat:         "xlsx",
	}
}

// Limits that keep a typo from filling the disk; a national survey is far below them.
const (
	maxMunicipalities = 10000
	maxRespondents    = 10_000_000
	maxItems          = 200
	maxSegments       = 10_000_000
	maxCoders         = 26
)

// Validate reports the first setting that cannot be used, wrapping ErrConfig.
func (c Config) Validate() error {
	bad := func(format, nl string, args ...any) error {
		return model.Reasonf("%w: %v", "%v: %v", ErrConfig, model.Reasonf(format, nl, args...))
	}
	switch {
	case c.Municipalities < 1 || c.Municipalities > maxMunicipalities:
		return bad("municipalities %d: want 1 to %d", "gemeenten %d: kies 1 tot %d", c.Municipalities, maxMunicipalities)
	case c.Respondents < 0 || c.Respondents > maxRespondents:
		return bad("respondents %d: want 0 to %d", "respondenten %d: kies 0 tot %d", c.Respondents, maxRespondents)
	case c.Items < 1 || c.Items > maxItems:
		return bad("items %d: want 1 to %d per scale", "items %d: kies 1 tot %d per schaal", c.Items, maxItems)
	case c.Segments < 0 || c.Segments > maxSegments:
		return bad("segments %d: want 0 to %d", "fragmenten %d: kies 0 tot %d", c.Segments, maxSegments)
	case c.Respondents == 0 && c.Segments == 0:
		return bad("no respondents and no segments: the study would name no input", "geen respondenten en geen fragmenten: het onderzoek zou geen invoer noemen")
	case c.Segments > 0 && c.SegmentsPerInterview < 1:
		return bad("segments per interview %d: want at least 1", "fragmenten per interview %d: kies minstens 1", c.SegmentsPerInterview)
	case c.Segments > 0 && (c.Coders < 1 || c.Coders > maxCoders):
		return bad("coders %d: want 1 to %d", "codeurs %d: kies 1 tot %d", c.Coders, maxCoders)
	case c.SurveyFiles < 0 || c.SurveyFiles > 1000 || (c.Respondents > 0 && c.SurveyFiles > c.Respondents):
		return bad("survey files %d: want 1 to 1000, and no more than respondents", "vragenlijstbestanden %d: kies 1 tot 1000, en niet meer dan respondenten", c.SurveyFiles)
	case len(c.Waves) > 0 && c.Respondents == 0:
		return bad("waves %v without respondents: a wave is a survey", "metingen %v zonder respondenten: een meting is een vragenlijst", c.Waves)
	case len(c.Waves) > 0 && c.SurveyFiles > 1:
		return bad("waves %v and survey files %d: a wave is one file", "metingen %v en vragenlijstbestanden %d: een meting is één bestand", c.Waves, c.SurveyFiles)
	case c.Codes != 0 && (c.Codes < nScales || c.Codes > maxCodes):
		return bad("codes %d: want %d to %d (0: the default codebook's)", "codes %d: kies %d tot %d (0: die van het standaardcodeboek)", c.Codes, nScales, maxCodes)
	case c.Disagreement < 0 || c.Disagreement >= 1:
		return bad("disagreement %g: want at least 0 and below 1", "onenigheid %g: kies minstens 0 en minder dan 1", c.Disagreement)
	}
	for i, w := range c.Waves {
		if w < 1900 || w > 2200 || slices.Contains(c.Waves[:i], w) {
			return bad("wave %d: want distinct years from 1900 to 2200", "meting %d: kies verschillende jaren van 1900 tot 2200", w)
		}
	}
	if c.Respondents > 0 {
		if len(c.Formats) == 0 {
			return bad("no survey format: want xlsx, csv or both", "geen vragenlijstformaat: kies xlsx, csv of beide")
		}
		for _, f := range c.Formats {
			if f != "xlsx" && f != "csv" {
				return bad("survey format %q: want xlsx or csv", "vragenlijstformaat %q: kies xlsx of csv", f)
			}
		}
		if !slices.Contains(c.Formats, c.SurveyFormat) {
			return bad("survey format %q for study.yaml is not among the formats written (%v)", "vragenlijstformaat %q voor study.yaml is niet een van de geschreven formaten (%v)", c.SurveyFormat, c.Formats)
		}
	}
	return nil
}

// surveyFiles is the number of survey files per format: one per wave, or SurveyFiles.
func (c Config) surveyFiles() int {
	if len(c.Waves) > 0 {
		return len(c.Waves)
	}
	return max(c.SurveyFiles, 1)
}

// surveyed is the number of survey respondents over all waves.
func (c Config) surveyed() int { return c.Respondents * max(len(c.Waves), 1) }

// surveyFile is the path of survey file k (0-based) in format f, relative to the study.
func (c Config) surveyFile(k int, f string) string {
	if len(c.Waves) > 0 {
		return fmt.Sprintf("%s-%d.%s", SurveyBase, c.Waves[k], f)
	}
	if c.SurveyFiles <= 1 {
		return SurveyBase + "." + f
	}
	return fmt.Sprintf("%s-%d.%s", SurveyBase, k+1, f)
}

// interviewees is the number of interviewed respondents.
func (c Config) interviewees() int {
	if c.Segments == 0 {
		return 0
	}
	return (c.Segments + c.SegmentsPerInterview - 1) / c.SegmentsPerInterview
}

package synth

import (
	"errors"
	"fmt"
	"slices"
)

// ErrConfig marks a synthetic study that cannot be written as asked.
var ErrConfig = errors.New("synthetic study")

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
	bad := func(format string, args ...any) error {
		return fmt.Errorf("%w: %s", ErrConfig, fmt.Sprintf(format, args...))
	}
	switch {
	case c.Municipalities < 1 || c.Municipalities > maxMunicipalities:
		return bad("municipalities %d: want 1 to %d", c.Municipalities, maxMunicipalities)
	case c.Respondents < 0 || c.Respondents > maxRespondents:
		return bad("respondents %d: want 0 to %d", c.Respondents, maxRespondents)
	case c.Items < 1 || c.Items > maxItems:
		return bad("items %d: want 1 to %d per scale", c.Items, maxItems)
	case c.Segments < 0 || c.Segments > maxSegments:
		return bad("segments %d: want 0 to %d", c.Segments, maxSegments)
	case c.Respondents == 0 && c.Segments == 0:
		return bad("no respondents and no segments: the study would name no input")
	case c.Segments > 0 && c.SegmentsPerInterview < 1:
		return bad("segments per interview %d: want at least 1", c.SegmentsPerInterview)
	case c.Segments > 0 && (c.Coders < 1 || c.Coders > maxCoders):
		return bad("coders %d: want 1 to %d", c.Coders, maxCoders)
	case c.SurveyFiles < 0 || c.SurveyFiles > 1000 || (c.Respondents > 0 && c.SurveyFiles > c.Respondents):
		return bad("survey files %d: want 1 to 1000, and no more than respondents", c.SurveyFiles)
	case c.Disagreement < 0 || c.Disagreement >= 1:
		return bad("disagreement %g: want at least 0 and below 1", c.Disagreement)
	}
	if c.Respondents > 0 {
		if len(c.Formats) == 0 {
			return bad("no survey format: want xlsx, csv or both")
		}
		for _, f := range c.Formats {
			if f != "xlsx" && f != "csv" {
				return bad("survey format %q: want xlsx or csv", f)
			}
		}
		if !slices.Contains(c.Formats, c.SurveyFormat) {
			return bad("survey format %q for study.yaml is not among the formats written (%v)", c.SurveyFormat, c.Formats)
		}
	}
	return nil
}

// surveyFile is the path of survey file k (0-based) in format f, relative to the study.
func (c Config) surveyFile(k int, f string) string {
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

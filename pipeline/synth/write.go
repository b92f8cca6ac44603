package synth

import (
	"bytes"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"sync"

	"github.com/samenspel/samenspel/pipeline/model"
	"go.yaml.in/yaml/v3"
)

// Files of a synthetic study, relative to its folder.
const (
	StudyFile       = "study.yaml"
	CodebookFile    = "codebook.yaml"
	RespondentsFile = "respondents.csv"
	SegmentsFile    = "interviews/segments.csv"
	SurveyBase      = "survey/survey" // + ".xlsx" or ".csv"; + "-1.xlsx", ... for several files
)

// Summary tells what a synthetic study holds.
type Summary struct {
	Municipalities int
	Interviewees   int
	Surveyed       int
	Segments       int
	Items          int // all survey items, over the three scales
	Codes          int // codes of the codebook
	Files          []string
}

// Progress receives the progress of the two large files; both may be nil.
type Progress struct {
	Survey   func(respondents int)
	Segments func(segments int)
}

// Write writes a synthetic study into dir (created if needed): study.yaml, codebook.yaml,
// respondents.csv, interviews/segments.csv and survey/survey.xlsx and/or .csv. The survey
// and the segments are written in parallel, each streamed row by row. A Config that does
// not validate gives an error wrapping ErrConfig; nothing is written then.
func Write(dir string, c Config, progress Progress) (Summary, error) {
	if err := c.Validate(); err != nil {
		return Summary{}, err
	}
	codes := newCodeSet(c.Codes)
	cbYAML, err := extendedCodebook(c.Items, codes)
	if err != nil {
		return Summary{}, err
	}
	for _, sub := range []string{"", "interviews", "survey"} {
		if err := os.MkdirAll(filepath.Join(dir, sub), 0o755); err != nil {
			return Summary{}, err
		}
	}
	p := newPopulation(c)
	people := interviewees(c, p)
	sum := Summary{
		Municipalities: c.Municipalities, Interviewees: len(people), Surveyed: c.surveyed(),
		Segments: c.Segments, Items: nScales * c.Items, Codes: len(codes.all),
	}
	if err := os.WriteFile(filepath.Join(dir, CodebookFile), cbYAML, 0o644); err != nil {
		return Summary{}, err
	}
	study, err := studyYAML(c)
	if err != nil {
		return Summary{}, err
	}
	if err := os.WriteFile(filepath.Join(dir, StudyFile), study, 0o644); err != nil {
		return Summary{}, err
	}
	sum.Files = append(sum.Files, StudyFile, CodebookFile)

	var wg sync.WaitGroup
	errs := make([]error, 2)
	if c.Segments > 0 {
		sum.Files = append(sum.Files, RespondentsFile, SegmentsFile)
		wg.Go(func() {
			if err := writeRespondents(filepath.Join(dir, RespondentsFile), people); err != nil {
				errs[0] = model.Reasonf("%s: %w", "%s: %v", RespondentsFile, err)
				return
			}
			if err := writeInterviews(filepath.Join(dir, SegmentsFile), c, codes, people, progress.Segments); err != nil {
				errs[0] = model.Reasonf("%s: %w", "%s: %v", SegmentsFile, err)
			}
		})
	}
	if c.Respondents > 0 {
		for k := range c.surveyFiles() {
			for _, f := range c.Formats {
				sum.Files = append(sum.Files, c.surveyFile(k, f))
			}
		}
		wg.Go(func() { errs[1] = writeSurveyFiles(dir, c, p, progress.Survey) })
	}
	wg.Wait()
	if err := errors.Join(errs...); err != nil {
		return Summary{}, err
	}
	slices.Sort(sum.Files)
	return sum, nil
}

// writeSurveyFiles writes the survey in every format asked for, from one simulation.
func writeSurveyFiles(dir string, c Config, p *population, progress func(int)) error {
	open := func(k int) ([]surveyRowWriter, error) {
		var writers []surveyRowWriter
		for _, f := range c.Formats {
			path := filepath.Join(dir, c.surveyFile(k, f))
			var w surveyRowWriter
			var err error
			if f == "xlsx" {
				w, err = newXLSXSurvey(path)
			} else {
				w, err = newCSVSurvey(path)
			}
			if err != nil {
				for _, w := range writers {
					w.Close()
				}
				return nil, model.Reasonf("%s: %w", "%s: %v", c.surveyFile(k, f), err)
			}
			writers = append(writers, w)
		}
		return writers, nil
	}
	if err := writeSurvey(c, p, open, progress); err != nil {
		return model.Reasonf("%s: %w", "%s: %v", SurveyBase, err)
	}
	return nil
}

// studyFile is the study.yaml of a synthetic study, in the order a researcher reads it.
type studyFile struct {
	Title       string       `yaml:"title"`
	Language    string       `yaml:"language"`
	Codebook    string       `yaml:"codebook"`
	Respondents string       `yaml:"respondents,omitempty"`
	Interviews  []studyInput `yaml:"interviews,omitempty"`
	Survey      []studyInput `yaml:"survey,omitempty"`
	Groups      []string     `yaml:"groups,flow"`
	Privacy     studyPrivacy `yaml:"privacy"`
	Seed        uint64       `yaml:"seed"`
}

type studyInput struct {
	Path   string `yaml:"path"`
	Format string `yaml:"format"`
	Wave   int    `yaml:"wave,omitempty"`
}

type studyPrivacy struct {
	MinCell int      `yaml:"min_cell"`
	Names   []string `yaml:"names,flow"`
}

func studyYAML(c Config) ([]byte, error) {
	s := studyFile{
		Title: fmt.Sprintf("Synthetische studie: %d gemeenten, %d respondenten in de enquête, %d interviewfragmenten",
			c.Municipalities, c.surveyed(), c.Segments),
		Language: "nl",
		Codebook: CodebookFile,
		Groups:   []string{"role", "municipality"},
		Privacy:  studyPrivacy{MinCell: 5, Names: []string{}},
		Seed:     c.Seed,
	}
	if c.Segments > 0 {
		s.Respondents = RespondentsFile
		s.Interviews = []studyInput{{Path: SegmentsFile, Format: "generic"}}
	}
	if c.Respondents > 0 {
		path := SurveyBase + "." + c.SurveyFormat
		if c.SurveyFiles > 1 {
			path = SurveyBase + "-*." + c.SurveyFormat
		}
		s.Survey = []studyInput{{Path: path, Format: "generic"}}
		if len(c.Waves) > 0 {
			s.Survey = nil
			for k, w := range c.Waves {
				s.Survey = append(s.Survey, studyInput{Path: c.surveyFile(k, c.SurveyFormat), Format: "generic", Wave: w})
			}
		}
	}
	var body bytes.Buffer
	enc := yaml.NewEncoder(&body)
	enc.SetIndent(2)
	if err := enc.Encode(s); err != nil {
		return nil, err
	}
	if err := enc.Close(); err != nil {
		return nil, err
	}
	head := fmt.Sprintf(syntheticMark+" (seed %d): fictional municipalities,\n"+
		"# respondents, interviews and answers, for measuring the pipeline at scale.\n", c.Seed)
	return append([]byte(head), body.Bytes()...), nil
}

package reports

import (
	"encoding/json"

	"github.com/samenspel/samenspel/pipeline/model"
	"github.com/samenspel/samenspel/pipeline/results"
)

// manifest ties the outputs to the tool, the codebook and the inputs by checksum. It
// holds no clock time, so the same inputs give the same manifest.
type manifest struct {
	Tool     string `json:"tool"`
	Title    string `json:"title,omitempty"`
	Language string `json:"language,omitempty"`
	Codebook struct {
		Name    string `json:"name"`
		Version string `json:"version"`
		File    string `json:"file"`
		SHA256  string `json:"sha256"`
		// The calibration and shipped-model files the auto-coder used, where it did.
		Calibration *results.HashedFile `json:"calibration,omitempty"`
		Model       *results.HashedFile `json:"model,omitempty"`
	} `json:"codebook"`
	Inputs  []results.Input `json:"inputs"`
	Outputs []manifestFile  `json:"outputs"`
	Counts  struct {
		Respondents int `json:"respondents"`
		Segments    int `json:"segments"`
		Codings     int `json:"codings"`
		Answers     int `json:"answers"`
		Rejected    int `json:"rejected"`
		// Answer cells of the accepted survey rows, and those that could not be used.
		AnswerCells   int `json:"answer_cells"`
		RejectedCells int `json:"rejected_answer_cells"`
		// Held: fewer than min_cell respondents in all, so respondents, segments,
		// codings, answers and answer_cells are 0 here, not their number.
		Held bool `json:"held,omitempty"`
		// RespondentsHeld: respondents is 0 here, not their number, because it would
		// tell how many took part in two waves where the tables hide that
		// (results.Results.PeopleHeld).
		RespondentsHeld bool `json:"respondents_held,omitempty"`
	} `json:"counts"`
	// Rejects groups every rejected row and answer cell by reason, most frequent first.
	Rejects []results.RejectGroup `json:"rejects"`
	// Warnings are the run's warnings about its inputs, in the study's language (none
	// where the counts are held back).
	Warnings []string        `json:"warnings,omitempty"`
	Coders   []string        `json:"coders"`
	MinCell  int             `json:"min_cell"`
	Methods  results.Methods `json:"methods"`
}

type manifestFile struct {
	Path   string `json:"path"`
	SHA256 string `json:"sha256"`
}

func manifestJSON(res *results.Results, outputs []Output) ([]byte, error) {
	var m manifest
	m.Tool = res.Tool
	m.Title = res.Title
	m.Language = res.Language
	m.Codebook.Name = res.Codebook.Name
	m.Codebook.Version = res.Codebook.Version
	m.Codebook.File = res.Codebook.File
	m.Codebook.SHA256 = res.Codebook.SHA256
	m.Codebook.Calibration, m.Codebook.Model = res.Codebook.Calibration, res.Codebook.Model
	m.Inputs = append([]results.Input{}, res.Inputs...)
	m.Outputs = make([]manifestFile, 0, len(outputs))
	for _, o := range outputs {
		m.Outputs = append(m.Outputs, manifestFile(o))
	}
	m.Counts.Respondents = res.Respondents
	m.Counts.Segments = res.Segments
	m.Counts.Codings = res.Codings
	m.Counts.Answers = res.Answers
	m.Counts.Rejected = res.Rejected
	m.Counts.AnswerCells = res.AnswerCells
	m.Counts.RejectedCells = res.RejectedCells
	if res.PeopleHeld && !res.CountsHeld {
		m.Counts.Respondents, m.Counts.RespondentsHeld = 0, true
	}
	if res.CountsHeld {
		m.Counts.Respondents, m.Counts.Segments, m.Counts.Codings, m.Counts.Answers, m.Counts.AnswerCells = 0, 0, 0, 0, 0
		m.Counts.Held = true
	}
	m.Rejects = append([]results.RejectGroup{}, res.RejectGroups...)
	if !res.CountsHeld {
		m.Warnings = append([]string{}, res.Warnings...)
	}
	m.Coders = append([]string{}, res.Coders...)
	m.MinCell = res.MinCell
	m.Methods = res.Methods
	b, err := json.MarshalIndent(m, "", "  ")
	if err != nil {
		return nil, model.Reasonf("%w: manifest.json: %v", "%v: manifest.json: %v", ErrWrite, err)
	}
	return append(b, '\n'), nil
}

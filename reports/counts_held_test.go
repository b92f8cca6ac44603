package reports

import (
	"encoding/json"
	"strings"
	"testing"

	"github.com/samenspel/samenspel/pipeline/results"
)

// With fewer than min_cell respondents in all (CountsHeld, finding 5), neither the
// sample paragraph nor the manifest gives their number.
func TestCountsHeld(t *testing.T) {
	res := &results.Results{Language: "en", MinCell: 5, Respondents: 4, Segments: 32, Codings: 19, CountsHeld: true}
	text, _ := sampleSection(res, newLabels(res))
	joined := strings.Join(text, " ")
	if !strings.Contains(joined, "fewer than 5 respondents") || strings.Contains(joined, "4 respondents") || strings.Contains(joined, "32") {
		t.Errorf("sample paragraph: %s", joined)
	}
	b, err := manifestJSON(res, nil)
	if err != nil {
		t.Fatal(err)
	}
	var m manifest
	if err := json.Unmarshal(b, &m); err != nil {
		t.Fatal(err)
	}
	if !m.Counts.Held || m.Counts.Respondents != 0 || m.Counts.Segments != 0 || m.Counts.Codings != 0 {
		t.Errorf("manifest counts: %+v", m.Counts)
	}
	res.CountsHeld = false
	text, _ = sampleSection(res, newLabels(res))
	if joined := strings.Join(text, " "); !strings.Contains(joined, "4 respondents, 32 text segments") {
		t.Errorf("not held: %s", joined)
	}
}

// Where the wave tables hide the "all" pairs (PeopleHeld), the people in all are not
// given: with the waves' totals they would be the pairs (case waves/people_total_pairs).
func TestPeopleHeld(t *testing.T) {
	res := &results.Results{Language: "en", MinCell: 5, Respondents: 29, Answers: 196, AnswerCells: 196, PeopleHeld: true}
	text, _ := sampleSection(res, newLabels(res))
	joined := strings.Join(text, " ")
	if strings.Contains(joined, "29") || !strings.Contains(joined, "196 survey answers") || !strings.Contains(joined, "number of respondents is not given") {
		t.Errorf("sample paragraph: %s", joined)
	}
	b, err := manifestJSON(res, nil)
	if err != nil {
		t.Fatal(err)
	}
	var m manifest
	if err := json.Unmarshal(b, &m); err != nil {
		t.Fatal(err)
	}
	if !m.Counts.RespondentsHeld || m.Counts.Held || m.Counts.Respondents != 0 || m.Counts.Answers != 196 {
		t.Errorf("manifest counts: %+v", m.Counts)
	}
}

package pipeline

import (
	"strings"
	"testing"

	"github.com/samenspel/samenspel/pipeline/model"
)

// TestSurveyID: LimeSurvey's export names say the survey, with a browser's " (1)";
// other names say nothing.
func TestSurveyID(t *testing.T) {
	for path, want := range map[string]string{
		"enquete/results-survey123456.csv":      "limesurvey:123456",
		"enquete/results-survey123456 (1).csv":  "limesurvey:123456",
		"w2025/Results-Survey654321.xlsx":       "limesurvey:654321",
		"enquete/enquete-bergdorp.csv":          "",
		"Enquete samenwerking (Antwoorden).csv": "",
	} {
		if got := surveyID(path); got != want {
			t.Errorf("surveyID(%q) = %q, want %q", path, got, want)
		}
	}
}

// TestLatestVersion: of two versions of a response, the submitted one counts, else the
// one changed last (LimeSurvey's datestamp), even where it is in the export with fewer
// responses; else the one in the export with more; at a tie the run stops. A Qualtrics
// response id (no count from 1): the later submit or record time wins, from either
// export; the same times with other answers stop the run, whatever the exports' sizes.
func TestLatestVersion(t *testing.T) {
	sets := []model.Dataset{{Prints: make([]model.ResponsePrint, 10)}, {Prints: make([]model.ResponsePrint, 6)}, {Prints: make([]model.ResponsePrint, 6)}}
	rel := func(i int) string { return []string{"a.csv", "b.csv", "c.csv"}[i] }
	v := func(same uint64, complete bool, last string) *model.ResponsePrint {
		return &model.ResponsePrint{Number: "3", Line: 4, Same: same, HasIdent: true, HasSubmit: true, Complete: complete, LastAction: last, ByNumber: true}
	}
	q := func(same uint64, recorded string) *model.ResponsePrint {
		return &model.ResponsePrint{Number: "R_2b", Line: 4, Same: same, HasIdent: true, HasStamp: true, HasSubmit: true, Complete: true, SubmitTime: recorded}
	}
	qu := func(same uint64, recorded string) *model.ResponsePrint { // a date its column leaves day or month first
		p := q(same, recorded)
		p.Unordered = "EndDate"
		return p
	}
	for _, c := range []struct {
		name string
		g    responseGroup
		want int // the set whose version counts; -1: the run stops
	}{
		{"submitted wins", responseGroup{{0, v(1, false, "")}, {1, v(2, true, "")}}, 1},
		{"changed last wins", responseGroup{{0, v(1, true, "2025-03-04 10:03:00")}, {1, v(2, true, "2025-03-05 09:00:00")}}, 1},
		{"stamps of other forms say nothing", responseGroup{{0, v(1, true, "3/4/2025 10:03")}, {1, v(2, true, "3/5/2025 09:00")}}, 0},
		{"the larger export", responseGroup{{0, v(1, true, "")}, {1, v(2, true, "")}}, 0},
		{"identical rows", responseGroup{{1, v(1, true, "")}, {2, v(1, true, "")}}, 1},
		{"a tie stops", responseGroup{{1, v(1, true, "")}, {2, v(2, true, "")}}, -1},
		{"qualtrics: recorded later wins", responseGroup{{0, q(1, "2025-02-01 11:10:00")}, {1, q(2, "2025-02-04 09:00:00")}}, 1},
		{"qualtrics: recorded earlier loses", responseGroup{{1, q(1, "2025-02-04 09:00:00")}, {2, q(2, "2025-02-01 11:10:00")}}, 1},
		{"qualtrics: same times stop", responseGroup{{1, q(1, "2025-02-01 11:10:00")}, {2, q(2, "2025-02-01 11:10:00")}}, -1},
		{"qualtrics: earlier read either way", responseGroup{{1, qu(1, "1-2-2025 11:10")}, {2, q(2, "2025-02-04 09:30:00")}}, 2},
		{"qualtrics: readings disagree, stop", responseGroup{{1, qu(1, "3-2-2025 11:10")}, {2, qu(2, "2-3-2025 09:30")}}, -1},
	} {
		got, err := latestVersion(c.g, sets, nil, rel)
		switch {
		case c.want < 0 && (err == nil || !strings.Contains(err.Error(), "b.csv row 4 and c.csv row 4")):
			t.Errorf("%s: %v, want a stop naming both rows", c.name, err)
		case c.want >= 0 && (err != nil || got.set != c.want):
			t.Errorf("%s: set %d (%v), want %d", c.name, got.set, err, c.want)
		case c.g[0].p.Unordered != "" && c.want < 0 && !strings.Contains(err.Error(), `column "EndDate" ("3-2-2025 11:10", "2-3-2025 09:30")`):
			t.Errorf("%s: %v, want the column and its dates named", c.name, err)
		}
	}
}

// TestVersionDirections: one response later in a, another later in b: a stop naming
// both files and the rows of both responses.
func TestVersionDirections(t *testing.T) {
	rel := func(i int) string { return []string{"a.csv", "b.csv"}[i] }
	p := func(number string, line int, same uint64, complete bool) *model.ResponsePrint {
		return &model.ResponsePrint{Number: number, Line: line, Same: same, HasIdent: true, HasSubmit: true, Complete: complete}
	}
	groups := []responseGroup{
		{{0, p("2", 3, 1, true)}, {1, p("2", 3, 2, false)}},
		{{0, p("3", 4, 3, false)}, {1, p("3", 5, 4, true)}},
	}
	_, err := versionDirections(groups, rel)
	if err == nil || !strings.Contains(err.Error(), "response 2 is later in a.csv (row 3") || !strings.Contains(err.Error(), "response 3 is later in b.csv (row 5") {
		t.Fatalf("%v", err)
	}
	if _, err := versionDirections(groups[:1], rel); err != nil {
		t.Fatal(err)
	}
}

package pipeline

import (
	"reflect"
	"testing"

	"github.com/samenspel/samenspel/pipeline/model"
	"github.com/samenspel/samenspel/pipeline/protected"
	"github.com/samenspel/samenspel/pipeline/results"
)

// The published accounting sums an entry's files and sheets and takes the group values
// out of the names, so that no row is one small group's (attack 11, F19, F20).
func TestPublishedInputs(t *testing.T) {
	people := []protected.Respondent{
		{Pseudonym: "JW-01", Municipality: "Bergdorp", Role: "jongerenwerker"},
		{Pseudonym: "JW-02", Municipality: "Heidekamp", Role: "jongerenwerker"},
		{Pseudonym: "WA-01", Municipality: "Bergdorp-Noord", Role: "wijkagent", Attributes: map[string]string{"wijk": "Centrum"}},
	}
	files := []model.FileCount{
		{Path: "respondenten.xlsx", Format: "respondents", SHA256: "r", Read: 3, Accepted: 3},
		{Path: "enquete.xlsx", Sheet: "Bergdorp", Format: "generic", SHA256: "x", Read: 20, Accepted: 19, Rejected: 1, Cells: 76, CellsAccepted: 76},
		{Path: "enquete.xlsx", Sheet: "Heidekamp", Format: "generic", SHA256: "x", Read: 3, Accepted: 3, Cells: 12, CellsAccepted: 11, CellsRejected: 1},
		{Path: "interviews/[naam]_Bergdorp.txt", Format: "transcript", SHA256: "b", Read: 4, Accepted: 4},
		{Path: "interviews/[naam]_Bergdorp.txt", Format: "transcript", SHA256: "a", Read: 22, Accepted: 22},
		{Path: "open/heidekamp.csv", Format: "generic", SHA256: "h", Read: 3, Accepted: 3},
		{Path: "open/Bergdorp-Noord.csv", Format: "generic", SHA256: "n", Read: 30, Accepted: 30},
		{Path: "open/bergdorpse_school.csv", Format: "generic", SHA256: "s", Read: 7, Accepted: 7},
		{Path: "review_centrum.qdpx", Format: "qdpx", SHA256: "q", Read: 1, Accepted: 1},
	}
	entries := []fileEntry{
		{key: "respondents", path: "respondenten.xlsx"},
		{key: "survey\x00enquete.xlsx", path: "enquete.xlsx"}, {key: "survey\x00enquete.xlsx", path: "enquete.xlsx"},
		{key: "interviews\x00interviews/*.txt", path: "interviews/*.txt"}, {key: "interviews\x00interviews/*.txt", path: "interviews/*.txt"},
		{key: "survey\x00open/heidekamp.csv", path: "open/heidekamp.csv"},
		{key: "survey\x00open/Bergdorp-Noord.csv", path: "open/Bergdorp-Noord.csv"},
		{key: "survey\x00open/bergdorpse_school.csv", path: "open/bergdorpse_school.csv"},
		// the review file has no entry (appended after the protect stage)
	}
	got := publishedInputs(files, entries, people, []string{"role", "municipality", "wijk"}, func(s string) string { return s })
	want := []results.Input{
		{Path: "respondenten.xlsx", Format: "respondents", SHA256: "r", Read: 3, Accepted: 3},
		{Path: "enquete.xlsx", Format: "generic", SHA256: "x", Read: 23, Accepted: 22, Rejected: 1, Cells: 88, CellsAccepted: 87, CellsRejected: 1, Sheets: 2},
		{Path: "interviews/*.txt", Format: "transcript", Read: 26, Accepted: 26, Files: 2, SHA256s: []string{"a", "b"}},
		// Heidekamp and Bergdorp-Noord (the longer value first) become one row of 2 files;
		// "bergdorpse" is no whole-word Bergdorp.
		{Path: "open/[gemeente].csv", Format: "generic", Read: 33, Accepted: 33, Files: 2, SHA256s: []string{"h", "n"}},
		{Path: "open/bergdorpse_school.csv", Format: "generic", SHA256: "s", Read: 7, Accepted: 7},
		{Path: "review_[groep].qdpx", Format: "qdpx", SHA256: "q", Read: 1, Accepted: 1},
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("published inputs:\n got %+v\nwant %+v", got, want)
	}
}

// The survey entries of one wave are one published row, an entry per municipality
// included (attack 12, F6: the pooled Heidekamp's 4 rows); entries of different waves
// and the respondents table stay apart.
func TestPublishedInputsSumStrandEntries(t *testing.T) {
	people := []protected.Respondent{{Pseudonym: "JW-01", Municipality: "Heidekamp", Role: "jongerenwerker"}}
	files := []model.FileCount{
		{Path: "respondenten.xlsx", Format: "respondents", SHA256: "r", Read: 3, Accepted: 3},
		{Path: "b/enquete.csv", Format: "generic", SHA256: "b", Read: 296, Accepted: 296, Cells: 3552, CellsAccepted: 3552},
		{Path: "Heidekamp/enquete.csv", Format: "generic", SHA256: "h", Read: 4, Accepted: 4, Cells: 48, CellsAccepted: 48},
		{Path: "enquete_2025.csv", Format: "generic", SHA256: "w", Read: 281, Accepted: 281},
	}
	entries := []fileEntry{
		{key: "respondents", path: "respondenten.xlsx"},
		{key: "survey\x00b/enquete.csv", path: "b/enquete.csv", strand: "survey\x00"},
		{key: "survey\x00Heidekamp/enquete.csv", path: "Heidekamp/enquete.csv", strand: "survey\x00"},
		{key: "survey\x00enquete_2025.csv", path: "enquete_2025.csv", strand: "survey\x002025"},
	}
	got := publishedInputs(files, entries, people, nil, func(s string) string { return s })
	want := []results.Input{
		{Path: "respondenten.xlsx", Format: "respondents", SHA256: "r", Read: 3, Accepted: 3},
		{Path: "b/enquete.csv + [gemeente]/enquete.csv", Format: "generic", Read: 300, Accepted: 300, Cells: 3600, CellsAccepted: 3600, Files: 2, SHA256s: []string{"b", "h"}},
		{Path: "enquete_2025.csv", Format: "generic", SHA256: "w", Read: 281, Accepted: 281},
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("published inputs:\n got %+v\nwant %+v", got, want)
	}
}

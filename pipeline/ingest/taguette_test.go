package ingest

import (
	"strings"
	"testing"
)

func TestReadTaguette(t *testing.T) {
	ds, err := ReadInterviews("testdata/interviews/taguette.csv", Options{Known: known})
	if err != nil {
		t.Fatal(err)
	}
	s1 := digestID("JW01_Bergdorp.docx", "JW01", "Ik app de wijkagent gewoon.")
	s2 := digestID("JZ02_Zeestad.docx", "JZ02", "Geen idee wie ik moet bellen.")
	s3 := digestID("JZ02_Zeestad.docx", "JZ02", "Ze laten nooit iets weten,\nook niet na weken.")
	checkDataset(t, ds, summary{
		Respondents: []string{"JW01|||", "JZ02|||"},
		Segments: []string{
			s1 + "|JW01|JW01_Bergdorp.docx|Ik app de wijkagent gewoon.",
			s2 + "|JZ02|JZ02_Zeestad.docx|Geen idee wie ik moet bellen.",
			s3 + "|JZ02|JZ02_Zeestad.docx|Ze laten nooit iets weten,\nook niet na weken.",
		},
		Codings: []string{
			s1 + `|bereiken\korte lijnen|`,
			s1 + `|kennen\vertrouwen|`,
			s2 + "||", // a highlight without tags
			s3 + `|informeren\terugkoppeling|`,
		},
		Files: "taguette.csv taguette read=4 accepted=4 rejected=0",
	})
}

// Taguette's own export (testdata/third_party/qda/taguette: the expected output of
// Taguette's tests.py), read as it is. From the file:
//
//	/usr/bin/python3 -c "import csv; r=list(csv.DictReader(open('highlights_interesting.csv')));
//	print(len(r), sorted({(x['id'],x['content']) for x in r}), [x['tag'] for x in r])"
//	3 [('2', 'diff'), ('3', 'tent')] ['interesting\\places', 'interesting', 'people']
func TestReadTaguetteRealExport(t *testing.T) {
	path := "../../testdata/third_party/qda/taguette/highlights_interesting.csv"
	ds, err := ReadInterviews(path, Options{})
	if err != nil {
		t.Fatal(err)
	}
	s2, s3 := digestID("otherdoc", "otherdoc", "diff"), digestID("otherdoc", "otherdoc", "tent")
	checkDataset(t, ds, summary{
		Respondents: []string{"otherdoc|||"},
		Segments:    []string{s2 + "|otherdoc|otherdoc|diff", s3 + "|otherdoc|otherdoc|tent"},
		Codings:     []string{s2 + `|interesting\places|`, s3 + "|interesting|", s3 + "|people|"},
		Files:       "highlights_interesting.csv taguette read=3 accepted=3 rejected=0",
	})
	// A document name that does not fit the study's name_pattern is a reject naming it.
	ds, err = ReadInterviews(path, Options{NamePattern: "{role}{nr}_{municipality}"})
	if err != nil {
		t.Fatal(err)
	}
	checkDataset(t, ds, summary{
		Rejects: []string{
			`highlights_interesting.csv|row 2, column "document"|otherdoc|the name "otherdoc" does not fit name_pattern "{role}{nr}_{municipality}": unknown respondent`,
			`highlights_interesting.csv|row 3, column "document"|otherdoc|the name "otherdoc" does not fit name_pattern "{role}{nr}_{municipality}": unknown respondent`,
			`highlights_interesting.csv|row 4, column "document"|otherdoc|the name "otherdoc" does not fit name_pattern "{role}{nr}_{municipality}": unknown respondent`,
		},
		Files: "highlights_interesting.csv taguette read=3 accepted=0 rejected=3",
	})
}

// Taguette records no role or municipality: name_pattern reads them from the document names.
func TestReadTaguetteNamePattern(t *testing.T) {
	cb := loadCodebook(t)
	ds, err := ReadInterviews("testdata/interviews/taguette.csv", Options{Known: known, Codebook: cb, NamePattern: "{role}{nr}_{municipality}"})
	if err != nil {
		t.Fatal(err)
	}
	if got := summarise(ds).Respondents; !equalStrings(got, []string{"JW01|Bergdorp|jongerenwerker|", "JZ02|Zeestad|jeugdzorgprofessional|"}) {
		t.Errorf("respondents %q", got)
	}
	ds, err = ReadInterviews("testdata/interviews/taguette.csv", Options{NamePattern: "{respondent}_{gemeente}"})
	if err != nil {
		t.Fatal(err)
	}
	if got := summarise(ds).Respondents; !equalStrings(got, []string{"JW01|Bergdorp||", "JZ02|Zeestad||"}) {
		t.Errorf("respondents with {gemeente} %q", got)
	}
	for _, bad := range []string{"{role", "geen", "{1x}", "{role}{role}"} {
		if _, err := ReadInterviews("testdata/interviews/taguette.csv", Options{NamePattern: bad}); err == nil || !strings.Contains(err.Error(), "name_pattern") {
			t.Errorf("pattern %q: %v", bad, err)
		}
	}
}

func equalStrings(a, b []string) bool {
	return strings.Join(a, "\n") == strings.Join(b, "\n")
}

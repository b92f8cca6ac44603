package ingest

import "testing"

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

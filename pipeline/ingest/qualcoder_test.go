package ingest

import "testing"

func TestReadQualCoderCSV(t *testing.T) {
	// Byte-order mark, every field quoted, a quote inside a field.
	ds, err := ReadInterviews("testdata/interviews/qualcoder.csv", Options{Known: known})
	if err != nil {
		t.Fatal(err)
	}
	s1 := digestID("JW01_Bergdorp.txt", "JW01", "We hebben een vast aanspreekpunt bij het wijkteam.")
	s2 := digestID("JZ02_Zeestad.txt", "JZ02", `Privacyregels houden ons tegen, "dat mag niet" zeggen ze.`)
	checkDataset(t, ds, summary{
		Respondents: []string{"JW01|Bergdorp|jongerenwerker|", "JZ02|Zeestad|jeugdzorgprofessional|"},
		Segments: []string{
			s1 + "|JW01|JW01_Bergdorp.txt|We hebben een vast aanspreekpunt bij het wijkteam.",
			s2 + `|JZ02|JZ02_Zeestad.txt|Privacyregels houden ons tegen, "dat mag niet" zeggen ze.`,
		},
		Codings: []string{
			s1 + "|Elkaar bereiken > Aandachtsfunctionaris|anna",
			s1 + "|Elkaar bereiken > Aandachtsfunctionaris|bram",
			s2 + "|Privacy|anna",
		},
		Files: "qualcoder.csv qualcoder read=3 accepted=3 rejected=0",
	})
}

func TestReadQualCoderXLSX(t *testing.T) {
	ds, err := ReadInterviews("testdata/interviews/qualcoder.xlsx", Options{})
	if err != nil {
		t.Fatal(err)
	}
	s1 := digestID("JW01_Bergdorp.txt", "JW01", "We hebben een vast aanspreekpunt bij het wijkteam.")
	checkDataset(t, ds, summary{
		Respondents: []string{"JW01|Bergdorp|jongerenwerker|"},
		Segments:    []string{s1 + "|JW01|JW01_Bergdorp.txt|We hebben een vast aanspreekpunt bij het wijkteam."},
		Codings:     []string{s1 + "|Elkaar bereiken > Aandachtsfunctionaris|anna"},
		Files:       "qualcoder.xlsx qualcoder read=1 accepted=1 rejected=0",
	})
}

package ingest

import "testing"

func TestReadATLASti(t *testing.T) {
	ds, err := ReadInterviews("testdata/interviews/atlasti.xlsx", Options{Known: known})
	if err != nil {
		t.Fatal(err)
	}
	checkDataset(t, ds, summary{
		Respondents: []string{"JW01|Bergdorp|jongerenwerker|", "JZ02|Zeestad|jeugdzorgprofessional|"},
		Segments: []string{
			"atlasti:3:10|JW01|JW01_Bergdorp.docx|Ik app de wijkagent en hij reageert binnen vijf minuten.",
			"atlasti:3:11|JW01|JW01_Bergdorp.docx|We zitten elke week samen in het ZAT.",
			"atlasti:5:2|JZ02|JZ02_Zeestad.docx|De school laat niets van zich horen.",
		},
		Codings: []string{
			"atlasti:3:10|Bereiken::Korte lijnen|Anna",
			"atlasti:3:10|Kennen::Vertrouwen|Anna",
			"atlasti:3:11|Bereiken::Casuistiekoverleg|Bram",
			"atlasti:5:2||Anna", // a quotation without codes
		},
		Files: "atlasti.xlsx atlasti read=3 accepted=3 rejected=0",
	})
}

func TestGroupAttributes(t *testing.T) {
	got := groupAttributes("gemeente: Bergdorp\nAlle documenten;rol:jongerenwerker\n: leeg")
	if len(got) != 2 || got["gemeente"] != "Bergdorp" || got["rol"] != "jongerenwerker" {
		t.Errorf("got %v", got)
	}
}

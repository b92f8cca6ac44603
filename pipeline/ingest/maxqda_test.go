package ingest

import "testing"

func TestReadMAXQDA(t *testing.T) {
	// A title row and a blank row sit above the header, as MAXQDA writes them.
	ds, err := ReadInterviews("testdata/interviews/maxqda.xlsx", Options{Known: known})
	if err != nil {
		t.Fatal(err)
	}
	s1 := digestID("JW01_Bergdorp\x004-4", "JW01", "Ik bel gewoon de wijkagent als er iets is.")
	s2 := digestID("JZ02_Zeestad\x007-8", "JZ02", "Na een melding hoor ik er niets meer van.")
	checkDataset(t, ds, summary{
		Respondents: []string{"JW01|Bergdorp|jongerenwerker|", "JZ02|Zeestad|jeugdzorgprofessional|"},
		Segments: []string{
			s1 + "|JW01|JW01_Bergdorp|Ik bel gewoon de wijkagent als er iets is.",
			s2 + "|JZ02|JZ02_Zeestad|Na een melding hoor ik er niets meer van.",
		},
		Codings: []string{
			s1 + "|Elkaar bereiken > Korte lijnen|Anna",
			s1 + "|Elkaar kennen > Vertrouwen|Bram",
			s2 + "|Op de hoogte houden > Terugkoppeling|Anna",
		},
		Rejects: []string{`maxqda.xlsx|sheet "Gecodeerde segmenten", row 7, column "Segment"||the segment has no text: empty segment`},
		Files:   "maxqda.xlsx maxqda read=4 accepted=3 rejected=1",
	})
}

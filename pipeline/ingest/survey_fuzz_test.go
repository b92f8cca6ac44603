package ingest

import (
	"os"
	"path/filepath"
	"testing"
)

func FuzzOpenRowsCSV(f *testing.F) {
	f.Add([]byte(genericCSV))
	f.Add([]byte("\xef\xbb\xbf\"a\";\"b\"\r\n\"1\";\"x\ny\"\r\n"))
	f.Add([]byte("a,b\n1,\"2\n"))
	f.Add([]byte("id;tekst\n2;hij zei \"nee\" en ging\n"))
	f.Add(utf16le("\ufeffa\tb\r\n1\t2\r\n"))
	dir := f.TempDir()
	f.Fuzz(func(t *testing.T, data []byte) {
		p := filepath.Join(dir, "f.csv")
		if err := os.WriteFile(p, data, 0o644); err != nil {
			t.Skip()
		}
		r, err := OpenRows(p, "")
		if err != nil {
			return
		}
		defer r.Close()
		last := 0
		for r.Next() {
			// Rows count upwards; a record left out for an unclosed quote keeps its number.
			if r.Line() <= last || r.Line() > last+1 && len(r.Rejects()) == 0 {
				t.Fatalf("line %d after %d", r.Line(), last)
			}
			last = r.Line()
		}
	})
}

func FuzzReadSurveyCSV(f *testing.F) {
	f.Add([]byte(genericCSV), "")
	f.Add([]byte("id,submitdate,K[K1],opm[comment]\n1,,A3,x\n2,2024,A9,\n"), "")
	f.Add([]byte("ResponseId,Finished,Q1_1\nResponse ID,Finished,Stellingen - Ik ken de jongerenwerkers in mijn wijk persoonlijk.\n{\"ImportId\":\"_recordId\"},{\"ImportId\":\"finished\"},{\"ImportId\":\"QID1_1\"}\nR_1,1,Agree\n"), "")
	f.Add([]byte("Tijdstempel,Stellingen [Ik kan de wijkagent snel bereiken als het nodig is.]\n5-3-2024 9:01:02,Mee eens\n"), "forms")
	f.Add([]byte("V1,V2,V3\nResponseID,ResponseSet,Name\nR_1,x,Anonym\n"), "qualtrics")
	cb := loadCodebook(f)
	dir := f.TempDir()
	f.Fuzz(func(t *testing.T, data []byte, format string) {
		p := filepath.Join(dir, "s.csv")
		if err := os.WriteFile(p, data, 0o644); err != nil {
			t.Skip()
		}
		ds, err := ReadSurvey(p, Options{Codebook: cb, Format: format, Columns: map[string]string{"B1": "Q1_1"}})
		if err != nil {
			return
		}
		c := ds.Files[0]
		if c.Read != c.Accepted+c.Rejected || len(ds.Respondents) != c.Accepted {
			t.Fatalf("count %+v, %d respondents", c, len(ds.Respondents))
		}
	})
}

func FuzzSav(f *testing.F) {
	for _, name := range []string{"enquete.sav", "enquete_compressed.sav", "enquete.zsav", "labels.sav"} {
		data, err := os.ReadFile("testdata/spss/" + name)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(data)
	}
	cb := loadCodebook(f)
	dir := f.TempDir()
	f.Fuzz(func(t *testing.T, data []byte) {
		p := filepath.Join(dir, "f.sav")
		if err := os.WriteFile(p, data, 0o644); err != nil {
			t.Skip()
		}
		ReadSurvey(p, Options{Codebook: cb})
	})
}

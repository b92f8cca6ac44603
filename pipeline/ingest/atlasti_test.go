package ingest

import (
	"testing"

	"github.com/samenspel/samenspel/codebook"
)

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

// A real ATLAS.ti Quotation Manager export (CSV, ';', Portuguese column "Extensão"; MIT,
// see testdata/third_party/README.md): codes on one line separated by ", ", names that
// hold ", " themselves, group prefixes with a colon ("T1. ...: Communication Protocol").
// Expected values from the file itself:
//
//	/usr/bin/python3 -c "import csv,re; r=list(csv.DictReader(open('20250914_citation_manager.csv',
//	encoding='utf-8-sig'), delimiter=';')); print(len(r), sum(int(x['Number of Codes']) for x in r),
//	sum(len(re.findall(r'T1\. Edge Connectivity & Communication Protocols: Communication Protocol(?=, |$)',
//	x['Codes'])) for x in r), r[1]['Number'], r[1]['Text Content'])"
//	394 1465 44 1:2 "Click the Add subscriber button to subscribe to the topic t and t/topic."
func TestReadATLAStiQuotationManagerCSV(t *testing.T) {
	path := "../../testdata/third_party/qda/atlasti/20250914_citation_manager.csv"
	cb := &codebook.Codebook{Factors: []codebook.Factor{{ID: "t1", Label: codebook.Text{"en": "T1. Edge Connectivity & Communication Protocols"},
		Codes: []codebook.Code{{ID: "t1.protocol", Label: codebook.Text{"en": "Communication Protocol"}}}}}}
	cb.Prepare()
	ds, err := ReadInterviews(path, Options{Codebook: cb})
	if err != nil {
		t.Fatal(err)
	}
	if f := ds.Files[0]; f.Format != "atlasti" || f.Read != 394 || f.Accepted != 394 || len(ds.Segments) != 394 || len(ds.Codings) != 1465 {
		t.Fatalf("files %+v, %d segments, %d codings", ds.Files, len(ds.Segments), len(ds.Codings))
	}
	if s := ds.Segments[1]; s.ID != "atlasti:1:2" || s.Text != `"Click the Add subscriber button to subscribe to the topic t and t/topic."` {
		t.Errorf("second quotation %+v", s)
	}
	mapped := 0
	for _, c := range ds.Codings {
		if id, ok := cb.Resolve(c.Raw); ok && id == "t1.protocol" {
			mapped++
		}
	}
	if mapped != 44 {
		t.Errorf("%d codings map onto Communication Protocol, want 44", mapped)
	}
	// A count that no split gives is a reject, not a guess.
	data := "Number;Text Content;Document;Codes;Number of Codes\n1:1;Tekst;Doc;A, B, C;2\n1:2;Tekst twee;Doc;Groep: a, b;2\n"
	ds, err = ReadInterviews(writeFile(t, "q.csv", []byte(data)), Options{})
	if err != nil {
		t.Fatal(err)
	}
	checkDataset(t, ds, summary{
		Respondents: []string{"Doc|||"},
		Segments:    []string{"atlasti:1:2|Doc|Doc|Tekst twee"},
		Codings:     []string{"atlasti:1:2|Groep: a|", "atlasti:1:2|b|"},
		Rejects:     []string{`q.csv|row 2, column "Codes"|A, B, C|the cell does not split into the 2 codes that Number of Codes gives: codes cannot be told apart`},
		Files:       "q.csv atlasti read=2 accepted=1 rejected=1",
	})
}

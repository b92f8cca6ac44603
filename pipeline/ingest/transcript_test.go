package ingest

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestReadTranscriptSpeakerTurns(t *testing.T) {
	ds, err := ReadInterviews("testdata/transcripts/JW01_Bergdorp.txt", Options{Known: known})
	if err != nil {
		t.Fatal(err)
	}
	checkDataset(t, ds, summary{
		Respondents: []string{"JW01|||"},
		Segments: []string{
			"JW01_Bergdorp.txt#1|JW01|JW01_Bergdorp.txt|Hoe werk je samen met de wijkagent?|3-38|I",
			"JW01_Bergdorp.txt#2|JW01|JW01_Bergdorp.txt|Heel goed. We hebben korte lijnen,\nik app hem gewoon.|42-95",
			"JW01_Bergdorp.txt#3|JW01|JW01_Bergdorp.txt|En met Veilig Thuis?|100-120|I",
			// "iets van: geen" does not split the turn: "Daar hoor ik nooit meer iets van" is no speaker.
			"JW01_Bergdorp.txt#4|JW01|JW01_Bergdorp.txt|Daar hoor ik nooit meer iets van: geen terugkoppeling.|124-178",
		},
		Rejects: []string{"JW01_Bergdorp.txt|line 7|R:|the turn has no text: empty segment"},
		Files:   "JW01_Bergdorp.txt transcript read=5 accepted=4 rejected=1",
	})
	// Offsets point into the document.
	raw, _ := os.ReadFile("testdata/transcripts/JW01_Bergdorp.txt")
	doc := []rune(string(raw))
	for _, s := range ds.Segments {
		if string(doc[s.Start:s.End]) != s.Text {
			t.Errorf("%s: offsets %d-%d hold %q", s.ID, s.Start, s.End, string(doc[s.Start:s.End]))
		}
	}
}

func TestReadTranscriptWindows1252Names(t *testing.T) {
	// Windows-1252, CR LF, "Interviewer (Sanne):" and a respondent speaking under her name.
	ds, err := ReadInterviews("testdata/transcripts/JZ02_Zeestad.txt", Options{})
	if err != nil {
		t.Fatal(err)
	}
	checkDataset(t, ds, summary{
		Respondents: []string{"JZ02|||Petra"},
		Segments: []string{
			"JZ02_Zeestad.txt#1|JZ02|JZ02_Zeestad.txt|Wat gaat er goed?|21-38|I",
			"JZ02_Zeestad.txt#2|JZ02|JZ02_Zeestad.txt|Het casuïstiekoverleg met de school, één keer per maand.|46-102",
			"JZ02_Zeestad.txt#3|JZ02|JZ02_Zeestad.txt|En wat kan beter?|124-141|I",
			"JZ02_Zeestad.txt#4|JZ02|JZ02_Zeestad.txt|De terugkoppeling na een melding.|149-182",
		},
		Files: "JZ02_Zeestad.txt transcript read=4 accepted=4 rejected=0",
	})
}

func TestReadTranscriptDocx(t *testing.T) {
	ds, err := ReadInterviews("testdata/transcripts/JZ03_Zeestad.docx", Options{Respondent: "JZ03"})
	if err != nil {
		t.Fatal(err)
	}
	checkDataset(t, ds, summary{
		Respondents: []string{"JZ03|||"},
		Segments: []string{
			"JZ03_Zeestad.docx#1|JZ03|JZ03_Zeestad.docx|Interview JZ03|0-14",
			"JZ03_Zeestad.docx#2|JZ03|JZ03_Zeestad.docx|Hoe werk je samen met de school?|28-60|I",
			"JZ03_Zeestad.docx#3|JZ03|JZ03_Zeestad.docx|Via de intern begeleider. We hebben\u00a0korte lijnen.|73-122",
			"JZ03_Zeestad.docx#4|JZ03|JZ03_Zeestad.docx|En met het wijkteam?|136-156|I",
			"JZ03_Zeestad.docx#5|JZ03|JZ03_Zeestad.docx|Dat verschilt per persoon.|169-195",
		},
		Files: "JZ03_Zeestad.docx transcript read=5 accepted=5 rejected=0",
	})
}

func TestReadTranscriptParagraphs(t *testing.T) {
	// No speaker labels: blank-line paragraphs; "dat is fijn: hij" is no label.
	ds, err := ReadInterviews("testdata/transcripts/OU04_paragraphs.txt", Options{})
	if err != nil {
		t.Fatal(err)
	}
	checkDataset(t, ds, summary{
		Respondents: []string{"OU04|||"},
		Segments: []string{
			"OU04_paragraphs.txt#1|OU04|OU04_paragraphs.txt|Ik ken de mensen van het wijkteam niet.\nNooit gezien ook.|0-57",
			"OU04_paragraphs.txt#2|OU04|OU04_paragraphs.txt|Mijn zoon heeft een jongerenwerker, dat is fijn: hij luistert.|60-122",
		},
		Files: "OU04_paragraphs.txt transcript read=2 accepted=2 rejected=0",
	})
}

func TestReadTranscriptUnknownRespondent(t *testing.T) {
	path := filepath.Join(t.TempDir(), "XX01_elders.txt")
	os.WriteFile(path, []byte("I: Vraag?\nR: Antwoord.\n"), 0o644)
	ds, err := ReadInterviews(path, Options{Known: known})
	if err != nil {
		t.Fatal(err)
	}
	checkDataset(t, ds, summary{
		Rejects: []string{
			`XX01_elders.txt|line 1|XX01|"XX01" is not in the respondents table: unknown respondent`,
			`XX01_elders.txt|line 2|XX01|"XX01" is not in the respondents table: unknown respondent`,
		},
		Files: "XX01_elders.txt transcript read=2 accepted=0 rejected=2",
	})
}

// FuzzSplitTranscript splits arbitrary text: offsets always hold the segment's text.
func FuzzSplitTranscript(f *testing.F) {
	for _, p := range []string{"JW01_Bergdorp.txt", "JZ02_Zeestad.txt", "OU04_paragraphs.txt"} {
		b, _ := os.ReadFile(filepath.Join("testdata/transcripts", p))
		f.Add(string(b))
	}
	f.Add("[00:01] I: a\r\nR:\rb:\n\n\nAnna (x): y\nAnna: z")
	f.Fuzz(func(t *testing.T, text string) {
		ds := splitTranscript("f.txt", "f.txt", "R1", text, Options{})
		norm := []rune(normaliseBreaks(text))
		for _, s := range ds.Segments {
			if s.Start < 0 || s.End > len(norm) || string(norm[s.Start:s.End]) != s.Text {
				t.Fatalf("segment %s %d-%d %q does not match the text", s.ID, s.Start, s.End, s.Text)
			}
		}
		if f := ds.Files[0]; f.Read != f.Accepted+f.Rejected {
			t.Fatal("rows not accounted for")
		}
	})
}

// A transcript's file name gives role and municipality through name_pattern.
func TestReadTranscriptNamePattern(t *testing.T) {
	path := writeFile(t, "Bergdorp-JW07.txt", []byte("I: Hoe gaat het?\nR: Goed, de lijnen zijn kort.\n"))
	ds, err := ReadInterviews(path, Options{Codebook: loadCodebook(t), NamePattern: "{municipality}-{role}{nr}"})
	if err != nil {
		t.Fatal(err)
	}
	if got := summarise(ds).Respondents; len(got) != 1 || got[0] != "JW07|Bergdorp|jongerenwerker|" {
		t.Errorf("respondents %q", got)
	}
	ds, err = ReadInterviews(path, Options{NamePattern: "{role}{nr}_{municipality}"})
	if err != nil {
		t.Fatal(err)
	}
	if s := summarise(ds); len(s.Respondents) != 0 || len(s.Rejects) != 2 || !strings.Contains(s.Rejects[0], `the name "Bergdorp-JW07" does not fit name_pattern`) {
		t.Errorf("mismatch: %+v", s)
	}
}

package ingest

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/samenspel/samenspel/pipeline/model"
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
	f.Add("Zwarbeltje: hoi.\nI: Vraag?\nR: Ja, dus.\nDus: nee.\nTrijntje Zwarbel (gast): ook.\nI: En?\nR: Nee.\n") // labels that open one line: transcript_once_names.go
	f.Add("Interviewer\tHeeft u korte lijnen?\t\nRespondent\t\t\nR\tNee.\nNooit.\t\n00:00:05\tI\tEn nu?\t\n")      // a Word table's rows (docx_tables.go)
	f.Add("Interviewer: Hoe?\nQ1: Goed.\nQ2: Ook.\nInterviewer: En?\nQ1: Nee.\nQ3: Vraag 4\n")                     // Q with a number beside the interviewer: transcript_question_numbers.go
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

// Speakers under their names (attack 10, finding 5): without knowing which one is the
// interviewer, every turn is rejected, naming the speakers and the fix; interviewer: in
// study.yaml makes the named speaker's turns the interviewer's, as I: would.
func TestReadTranscriptNamedSpeakers(t *testing.T) {
	named := "Qwyntje: Hebben jullie korte lijnen met de wijkagent?\nZorblat: Ja, ik app hem gewoon.\n" +
		"Qwyntje: En met Veilig Thuis?\nZorblat: Nooit terugkoppeling.\n"
	path := filepath.Join(t.TempDir(), "JW01_Bergdorp.txt")
	os.WriteFile(path, []byte(named), 0o644)
	ds, err := ReadInterviews(path, Options{})
	if err != nil {
		t.Fatal(err)
	}
	reason := `the speakers "Qwyntje", "Zorblat": none is known as the interviewer (I:, Interviewer:, Onderzoeker:, ...), so the interviewer's questions would count as the respondent's words; name the interviewer on this entry in study.yaml, e.g. interviewer: Qwyntje: no speaker known as the interviewer`
	checkDataset(t, ds, summary{
		Respondents: []string{"JW01|||"},
		Rejects: []string{
			"JW01_Bergdorp.txt|line 1|Qwyntje:|" + reason, "JW01_Bergdorp.txt|line 2|Zorblat:|" + reason,
			"JW01_Bergdorp.txt|line 3|Qwyntje:|" + reason, "JW01_Bergdorp.txt|line 4|Zorblat:|" + reason,
		},
		Files: "JW01_Bergdorp.txt transcript read=4 accepted=0 rejected=4",
	})
	if got := model.Dutch(ds.Rejects[0].Err); !strings.Contains(got, `de sprekers "Qwyntje", "Zorblat": geen van hen is bekend als de interviewer`) ||
		!strings.Contains(got, "bijvoorbeeld interviewer: Qwyntje: geen spreker bekend als de interviewer") {
		t.Errorf("Dutch: %s", got)
	}

	// Named in study.yaml (case and a bracketed name do not matter): as I: and R:.
	for _, names := range [][]string{{"Qwyntje"}, {"qwyntje:"}, {"Anna", "Qwyntje (interviewer)"}} {
		ds, err = ReadInterviews(path, Options{Interviewers: names})
		if err != nil {
			t.Fatal(err)
		}
		checkDataset(t, ds, summary{
			Respondents: []string{"JW01|||Zorblat"}, // the respondent's label, kept for redaction
			Segments: []string{
				"JW01_Bergdorp.txt#1|JW01|JW01_Bergdorp.txt|Hebben jullie korte lijnen met de wijkagent?|9-53|I",
				"JW01_Bergdorp.txt#2|JW01|JW01_Bergdorp.txt|Ja, ik app hem gewoon.|63-85",
				"JW01_Bergdorp.txt#3|JW01|JW01_Bergdorp.txt|En met Veilig Thuis?|95-115|I",
				"JW01_Bergdorp.txt#4|JW01|JW01_Bergdorp.txt|Nooit terugkoppeling.|125-146",
			},
			Files: "JW01_Bergdorp.txt transcript read=4 accepted=4 rejected=0",
		})
	}

	// Named, but not among this file's speakers: rejected, saying whom study.yaml names.
	ds, _ = ReadInterviews(path, Options{Interviewers: []string{"Anna"}})
	if len(ds.Segments) != 0 || len(ds.Rejects) != 4 || !strings.Contains(ds.Rejects[0].Err.Error(), `or one of interviewer: "Anna" on this entry in study.yaml`) {
		t.Errorf("Anna: %d segments, rejects %v", len(ds.Segments), ds.Rejects)
	}

	// One speaker alone is the respondent; a known interviewer label beside names settles it.
	for text, want := range map[string]int{
		"Zorblat: Ik app hem gewoon.\nZorblat: Nooit terugkoppeling.\n":                                         2,
		"I: Hoe gaat het?\nZorblat: Goed.\nAnna: Ook goed.\nI: En verder?\nZorblat: Niets.\nAnna: Ook niets.\n": 6,
	} {
		p := filepath.Join(t.TempDir(), "JW02_Bergdorp.txt")
		os.WriteFile(p, []byte(text), 0o644)
		ds, err := ReadInterviews(p, Options{})
		if err != nil || len(ds.Segments) != want || len(ds.Rejects) != 0 {
			t.Errorf("%q: %v, %d segments, rejects %v", text, err, len(ds.Segments), ds.Rejects)
		}
	}

	// interviewer: on a file that is not a transcript is a mistake, not ignored.
	if _, err := ReadInterviews("testdata/interviews/generic.csv", Options{Interviewers: []string{"Qwyntje"}}); !errors.Is(err, ErrNotTranscript) {
		t.Errorf("interviewer on a table: %v", err)
	}
}

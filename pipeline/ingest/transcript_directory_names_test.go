package ingest

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// Attack 16, f01, f02, f03: speaker labels as Teams, Stream, Zoom and WhatsApp write
// them. No label may reach a segment's text, the interviewer's turns are the
// interviewer's, and the respondent's Name is the label as a name.
func TestDirectoryNameLabels(t *testing.T) {
	for _, c := range []struct {
		name, text, interviewer, wantName string
		want                              []string // the respondent's turns
	}{
		{"teams docx heading", "de Groot, Anna   0:01\nHoe gaat het?\n\nBaldewsingh, Rishaan   0:05\nWe hebben korte lijnen.\n\nde Groot, Anna   0:10\nEn Veilig Thuis?\n\nBaldewsingh, Rishaan   0:15\nKoppelt nooit terug.\n",
			"de Groot, Anna", "Rishaan Baldewsingh", []string{"We hebben korte lijnen.", "Koppelt nooit terug."}},
		{"department in brackets, prefix after the given name", "Groot, Anna de (Onderzoeker)   00:00:01\nHoe gaat het?\nPinas, Dewayne (Jongere)   00:00:05\nGoed.\n",
			"Groot, Anna de (Onderzoeker)", "Dewayne Pinas", []string{"Goed."}},
		{"zoom cue text", "Groot, Anna: Hoe gaat het?\nPinas, Dewayne: Goed.\nGroot, Anna: En verder?\nPinas, Dewayne: Ook goed.\n",
			"Groot, Anna", "Dewayne Pinas", []string{"Goed.", "Ook goed."}},
		{"vtt voices", subtitleText("WEBVTT\n\n00:00:01.000 --> 00:00:04.000\n<v de Groot, Anna (Onderzoeker)>Hoe gaat het?</v>\n\n00:00:05.000 --> 00:00:09.000\n<v Martina, Xaviera (Jongere)>Goed.</v>\n\n00:00:10.000 --> 00:00:14.000\n<v de Groot, Anna (Onderzoeker)>En verder?</v>\n\n00:00:15.000 --> 00:00:19.000\n<v Martina, Xaviera (Jongere)>Ook goed.</v>\n"),
			"de Groot, Anna (Onderzoeker)", "Xaviera Martina", []string{"Goed.", "Ook goed."}},
		{"whatsapp android", "12-03-2024 14:01 - Rishaan Baldewsingh: korte lijnen\n12-03-2024 14:01 - Marlon: ja klopt\n12-03-2024 14:02 - Rishaan Baldewsingh: de wijkagent\n",
			"Marlon", "Rishaan Baldewsingh", []string{"korte lijnen", "de wijkagent"}},
		{"whatsapp ios, lower case", "[12-03-24, 14:02:33] Marlon: hoe is het\n[12-03-24, 14:02:40] rishaan: goed\n",
			"Marlon", "rishaan", []string{"goed"}},
		{"whatsapp us", "3/12/24, 2:05\u202fPM - Marlon: waar ben je\n3/12/24, 2:06\u202fPM - Shurandy Martina: thuis\n",
			"Marlon", "Shurandy Martina", []string{"thuis"}},
	} {
		ds := splitTranscript("f.txt", "f.txt", "R1", c.text, Options{Interviewers: []string{c.interviewer}})
		var got []string
		for _, s := range ds.Segments {
			for _, leak := range []string{"Rishaan", "Pinas", "Xaviera", "Martina", "Groot", "Marlon", "rishaan", "Shurandy"} {
				if strings.Contains(s.Text, leak) {
					t.Errorf("%s: %q in a segment's text: %q", c.name, leak, s.Text)
				}
			}
			if !s.Interviewer {
				got = append(got, s.Text)
			}
		}
		if strings.Join(got, "|") != strings.Join(c.want, "|") {
			t.Errorf("%s: respondent's turns %q, want %q (rejects %v)", c.name, got, c.want, ds.Rejects)
		}
		if len(ds.Respondents) != 1 || ds.Respondents[0].Name != c.wantName {
			t.Errorf("%s: respondents %+v, want the name %q", c.name, ds.Respondents, c.wantName)
		}
	}
}

// A sentence with a comma and a colon is no label unless it opens two or more lines,
// and "Nou, ja 0:05" is no heading (ja is no capitalised given name).
func TestDirectoryNameNotEverySentence(t *testing.T) {
	ds := splitTranscript("f.txt", "f.txt", "R1", "I: Hoe gaat het?\nR: Nou, eerlijk gezegd: slecht.\nNou, ja 0:05\nI: Waarom?\n", Options{})
	var text []string
	for _, s := range ds.Segments {
		text = append(text, s.Text)
	}
	if got := strings.Join(text, "|"); got != "Hoe gaat het?|Nou, eerlijk gezegd: slecht.\nNou, ja 0:05|Waarom?" {
		t.Errorf("turns %q", got)
	}
}

func TestChatSenders(t *testing.T) {
	text := "12-03-2024 14:05 - Rishaan Baldewsingh: oke top\n" +
		"3/12/24, 2:05 PM - Shurandy Martina: ik ben thuis\n" +
		"\u200e[12-03-24, 14:02:33] Dewayne Pinas: ben er over 5 min\n" +
		"[14:02] rishaan: ok\n[14:03] ik: niets\n12.03.24 14:05 - Eylül: hoi\n" +
		"Om 14:02 belde ik: niemand nam op.\n"
	want := "Rishaan Baldewsingh|Shurandy Martina|Dewayne Pinas|rishaan|Eylül"
	if got := strings.Join(ChatSenders(text), "|"); got != want {
		t.Errorf("ChatSenders = %q, want %q", got, want)
	}
	if got := ChatSenders("We hebben korte lijnen met de wijkagent: top."); got != nil {
		t.Errorf("a sentence: %q", got)
	}
}

func TestSplitDirectoryName(t *testing.T) {
	for in, want := range map[string]string{
		"Pinas, Dewayne": "Dewayne Pinas", "de Groot, Anna (Onderzoeker)": "Anna de Groot",
		"Groot, A. de": "A. de Groot", "Speaker 1 (Anna)": "", "Interviewer": "",
	} {
		got, ok := splitDirectoryName(in)
		if want == "" && ok || want != "" && got != want {
			t.Errorf("splitDirectoryName(%q) = %q, %v; want %q", in, got, ok, want)
		}
	}
}

// Attack 16, f04: every name column of the respondents table is the respondent's name
// (roepnaam, bijnaam, voornaam, ...), none an attribute; another column that says
// "naam" in a compound is named in a warning.
func TestRespondentsNameColumns(t *testing.T) {
	path := filepath.Join(t.TempDir(), "respondenten.csv")
	csv := "respondent,naam,roepnaam,Bijnaam,Voornaam,Nickname,naam ouder,gemeente\n" +
		"JO01,Rishaan Baldewsingh,Rishie,Rish,,,Sunita Baldewsingh,Bergdorp\n" +
		"JO02,,Stino,,Dewayne,D-Money,,Bergdorp\n"
	if err := os.WriteFile(path, []byte(csv), 0o644); err != nil {
		t.Fatal(err)
	}
	ds, err := ReadRespondents(path, Options{})
	if err != nil {
		t.Fatal(err)
	}
	want := map[string]string{"JO01": "Rishaan Baldewsingh Rishie Rish", "JO02": "Stino Dewayne D-Money"}
	for _, r := range ds.Respondents {
		if r.Name != want[r.ID] {
			t.Errorf("%s: name %q, want %q", r.ID, r.Name, want[r.ID])
		}
		for k := range r.Attributes {
			if k != "naam ouder" {
				t.Errorf("%s: attribute %q", r.ID, k)
			}
		}
	}
	if len(ds.Warnings) != 1 || !strings.Contains(ds.Warnings[0].Err.Error(), `"naam ouder"`) {
		t.Errorf("warnings %v, want one naming the column naam ouder", ds.Warnings)
	}
}

// Teams' older transcript layout: a timing line, the speaker, the text.
func TestTeamsCues(t *testing.T) {
	in := "0:0:0.0 --> 0:0:5.330\nde Groot, Anna\nHoe gaat de samenwerking?\n\n0:0:5.330 --> 0:0:9.100\nPinas, Dewayne\nWe hebben korte lijnen\nmet de wijkagent.\n\n0:0:9.100 --> 0:0:12.0\nde Groot, Anna\nEn verder?\n"
	want := "de Groot, Anna\t0:00:00\tHoe gaat de samenwerking?\n\nPinas, Dewayne\t0:00:05\tWe hebben korte lijnen met de wijkagent.\n\nde Groot, Anna\t0:00:09\tEn verder?\n\n"
	if got := teamsCues(in); got != want {
		t.Errorf("teamsCues:\n got %q\nwant %q", got, want)
	}
	ds := splitTranscript("f.txt", "f.txt", "R1", teamsCues(in), Options{Interviewers: []string{"de Groot, Anna"}})
	var got []string
	for _, s := range ds.Segments {
		if !s.Interviewer {
			got = append(got, s.Text)
		}
	}
	if strings.Join(got, "|") != "We hebben korte lijnen met de wijkagent." || ds.Respondents[0].Name != "Dewayne Pinas" {
		t.Errorf("turns %q, respondents %+v", got, ds.Respondents)
	}
	if plain := "Om 10:30 belde ik.\nNiemand nam op.\n"; teamsCues(plain) != plain {
		t.Error("a text without cues changed")
	}
}

// A generic survey's roepnaam or voornaam column is part of the respondent's name, not
// an open answer or an unmatched column (attack 16, f04).
func TestSurveyNamePartColumns(t *testing.T) {
	path := filepath.Join(t.TempDir(), "enquete.csv")
	csv := "respondent,naam,roepnaam,gemeente,B1\nE1,Rishaan Baldewsingh,Rishie,Bergdorp,4\nE2,,Stino,Bergdorp,3\n"
	if err := os.WriteFile(path, []byte(csv), 0o644); err != nil {
		t.Fatal(err)
	}
	ds, err := ReadSurvey(path, Options{})
	if err != nil {
		t.Fatal(err)
	}
	want := map[string]string{"E1": "Rishaan Baldewsingh Rishie", "E2": "Stino"}
	for _, r := range ds.Respondents {
		if r.Name != want[r.ID] {
			t.Errorf("%s: name %q, want %q", r.ID, r.Name, want[r.ID])
		}
	}
	for _, s := range ds.Segments {
		t.Errorf("an open answer %q", s.Text)
	}
	for _, c := range ds.Unmatched {
		if c.Header == "roepnaam" {
			t.Error("roepnaam unmatched")
		}
	}
}

// A Word table's speaker cell may hold a directory name too ("Pinas, Dewayne | text").
func TestDirectoryNameInTableCell(t *testing.T) {
	ds := splitTranscript("f.docx", "f.docx", "R1", "de Groot, Anna\tHoe gaat het?\nPinas, Dewayne\tGoed.\nde Groot, Anna\tEn verder?\nPinas, Dewayne\tOok goed.\n", Options{Interviewers: []string{"de Groot, Anna"}})
	var got []string
	for _, s := range ds.Segments {
		if !s.Interviewer {
			got = append(got, s.Text)
		}
	}
	if strings.Join(got, "|") != "Goed.|Ook goed." || ds.Respondents[0].Name != "Dewayne Pinas" {
		t.Errorf("turns %q, respondents %+v", got, ds.Respondents)
	}
}

package pipeline

import (
	"strings"
	"testing"

	"github.com/samenspel/samenspel/codebook"
	"github.com/samenspel/samenspel/pipeline/model"
)

// The attacker of attack 16, f11: code names made after a case. None of the names may
// be published, listed or not; the codebook's and the study's own words stay.
func TestCodeNamesAfterACase(t *testing.T) {
	cb, err := codebook.Load("../data/codebooks/samenwerking.yaml")
	if err != nil {
		t.Fatal(err)
	}
	d := &model.Dataset{Respondents: []model.Respondent{{ID: "JO01", Municipality: "Bergdorp"}}}
	red := newRedactor(d, cb, &Study{Language: "nl"})
	publish := codeNameRedactor(d, cb, red)
	for in, want := range map[string]string{
		"Casus Rishaan":                "Casus [naam]",
		"Casus Xaviera":                "Casus [naam]",
		"Overleg over Eylül Yıldız":    "Overleg over [naam]",
		"Stino (bijnaam)":              "[naam] (bijnaam)",
		"Thuissituatie Tjerk Hoekstra": "Thuissituatie [naam]",
		"casus: Qwyntje van der Zorb":  "casus: Qwyntje van der Zorb", // the colon: not adjacent
		"Gesprek met Qwyntje Zorblat":  "Gesprek met [naam]",
		"Cliënt Jurensley":             "Cliënt [naam]",
		"Casus Bergdorp":               "Casus Bergdorp",
		"Overleg met Veilig Thuis":     "Overleg met Veilig Thuis",
		"Overleg met Wijkagent":        "Overleg met Wijkagent",
		"Bereiken > Korte lijnen":      "Bereiken > Korte lijnen",
		"Casus 12":                     "Casus 12",
		// (an attack on 0.12) in lower case, glued, and a surname in lower case
		"Overig > casus yassin el amrani": "Overig > casus [naam]",
		"Overig > lotte de vries":         "Overig > [naam]",
		"Overig > zorgen om mohamed":      "Overig > zorgen om [naam]",
		"casus-yassin":                    "casus-[naam]",
		"casus_ouarda_el_amrani":          "casus_[naam]",
		"Casus Lotte de vries":            "Casus [naam]",
		"casus overdracht":                "casus overdracht",
		"casus jongerenwerker bergdorp":   "casus jongerenwerker bergdorp",
	} {
		if got := publish(red.RedactWithPaths(in)); got != want {
			t.Errorf("%q published as %q, want %q", in, got, want)
		}
	}
}

// A chat sender in a segment is a speaker: redacted as a name wherever it stands
// (attack 16, f03), while a sender that is a codebook or municipality word, or a word
// of speech, is none.
func TestChatSendersRedacted(t *testing.T) {
	d := &model.Dataset{Respondents: []model.Respondent{{ID: "JO01", Municipality: "Bergdorp"}}}
	texts := []string{
		"12-03-2024 14:05 - Rishaan Baldewsingh: oke top",
		"3/12/24, 2:05 PM - Shurandy Martina: ik ben thuis",
		"[12-03-24, 14:02:33] Dewayne Pinas: ben er over 5 min",
		"[14:02] rishaan: ok, de wijkagent is er ook",
		"[14:03] Jongerenwerk Bergdorp: wij zijn er om 5 uur",
		"[14:04] ik: dan kom ik ook",
	}
	for i, s := range texts {
		d.Segments = append(d.Segments, model.Segment{ID: string(rune('a' + i)), Respondent: "JO01", Text: s})
	}
	cb, err := codebook.Load("../data/codebooks/samenwerking.yaml")
	if err != nil {
		t.Fatal(err)
	}
	r := newRedactor(d, cb, &Study{Language: "nl"})
	var got []string
	for _, s := range texts {
		got = append(got, r.Redact(s))
	}
	out := strings.Join(got, "\n")
	for _, leak := range []string{"Rishaan", "rishaan", "Baldewsingh", "Shurandy", "Martina", "Dewayne", "Pinas"} {
		if strings.Contains(out, leak) {
			t.Errorf("%q published:\n%s", leak, out)
		}
	}
	for _, kept := range []string{"Jongerenwerk Bergdorp:", "ik: dan kom ik ook", "de wijkagent"} {
		if !strings.Contains(out, kept) {
			t.Errorf("%q redacted:\n%s", kept, out)
		}
	}
	if again := r.Redact("Later zei Dewayne dat rishaan ook kwam."); again != "Later zei [naam] dat [naam] ook kwam." {
		t.Errorf("a sender elsewhere: %q", again)
	}
}

package ingest

import (
	"testing"
)

// Summary labels (attack 17 F01, F13) and the words they must not take: a respondent id
// "Max" (initials), an anonymous respondent whose role, municipality or name is a word
// like one, a label that only begins like one.
func TestSummaryWords(t *testing.T) {
	for _, c := range []struct {
		label string
		want  bool
	}{
		{"Gemiddelde", true}, {"Modus", true}, {"Eindtotaal", true}, {"Grand Total", true},
		{"grand  total:", true}, {"Gemiddelde score", true}, {"Som van K1", true}, {"Count of K1", true},
		{"Totaal generaal", true}, {"Mean score", true}, {"Totaal:", true},
		{"Grand", false}, {"Grandma", false}, {"Max de Vries", false}, {"N Valid", false},
		{"Modest", false}, {"Totaalzorg", false}, {"Bergdorp", false}, {"E001", false},
	} {
		if got := isSummaryWord(c.label); got != c.want {
			t.Errorf("isSummaryWord(%q) = %v, want %v", c.label, got, c.want)
		}
	}
}

// A summary row whose label stands under Gemeente or Functie is a rejected row; an
// anonymous respondent beside it, with a municipality, a role or a name, is read.
func TestSummaryLabelElsewhere(t *testing.T) {
	path := writeFile(t, "s.csv", []byte("Respondent;Naam;Gemeente;Functie;K1;K2\n"+
		"r1;;Bergdorp;Wijkagent;4;5\n"+
		";;Zeeveen;;3;4\n"+ // anonymous, a municipality
		";;;Jongerenwerker;2;2\n"+ // anonymous, a role
		";Max;;;5;5\n"+ // anonymous, a name like a summary word
		";;N;;3;3\n"+ // "N": no, not applicable
		";;Mediaan;;4;4\n"+
		";;;Totaal;4;4\n"+
		";;Mediaan;Wijkagent;4;4\n")) // two texts: no summary row
	ds := readSurvey(t, path, Options{Codebook: loadCodebook(t)})
	same(t, "rejects", rejects(ds), []string{
		`s.csv | row 7, column "Gemeente" | Mediaan | summary row: the row has no respondent id, and its only text, "Mediaan" in column "Gemeente", is the label of a summary row (a mean, total or count below the data); it is not read as a respondent`,
		`s.csv | row 8, column "Functie" | Totaal | summary row: the row has no respondent id, and its only text, "Totaal" in column "Functie", is the label of a summary row (a mean, total or count below the data); it is not read as a respondent`,
	})
	if len(ds.Respondents) != 6 {
		t.Errorf("%d respondents, want 6: %v", len(ds.Respondents), ds.Respondents)
	}
}

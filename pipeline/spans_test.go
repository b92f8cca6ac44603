package pipeline

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestAutocodingSpansPublished checks that every auto-coding's start and end point into
// the published (redacted) segment text: runes(text)[start:end] is the span that
// autocodings.csv shows, for a study whose respondents' ids are names that stand before
// the coded phrases (so redaction shifts the offsets) and for the example study.
func TestAutocodingSpansPublished(t *testing.T) {
	dir := t.TempDir()
	csv := "Respondent;Segment;Tekst;Code;Codeur;Gemeente;Functie\n" +
		"Daan Jansen;1;Daan Jansen zegt: we hebben korte lijnen met de wijkagent.;;A;Bergdorp;Jongerenwerker\n" +
		"Daan Jansen;2;Bel 06-12345678, want bij Veilig Thuis hoor ik nooit meer iets terug.;;A;Bergdorp;Jongerenwerker\n" +
		"Sanne de Vries;3;Mevrouw Hoekstra en Sanne de Vries kennen de mensen van het wijkteam persoonlijk.;;A;Bergdorp;Jeugdzorgprofessional\n" +
		"Sanne de Vries;4;Sannes collega, Lotte, heeft korte lijnen met Jansen en de wijkagent.;;A;Bergdorp;Jeugdzorgprofessional\n"
	if err := os.WriteFile(filepath.Join(dir, "codering.csv"), []byte(csv), 0o644); err != nil {
		t.Fatal(err)
	}
	cb, _ := filepath.Abs("../data/codebooks/samenwerking.yaml")
	yaml := "title: Spans\ncodebook: " + cb + "\ninterviews: [codering.csv]\nprivacy: {min_cell: 1}\n"
	if err := os.WriteFile(filepath.Join(dir, "study.yaml"), []byte(yaml), 0o644); err != nil {
		t.Fatal(err)
	}
	for _, study := range []string{dir, "../data/example"} {
		s, err := LoadStudy(study)
		if err != nil {
			t.Fatal(err)
		}
		out, err := Execute(s, "test")
		if err != nil {
			t.Fatal(err)
		}
		texts := map[string][]rune{}
		for _, seg := range out.Data.Segments {
			texts[seg.ID] = []rune(seg.Text)
		}
		tab := out.Results.Table("autocodings")
		if tab == nil || len(tab.Rows) == 0 {
			t.Fatalf("%s: no autocodings", study)
		}
		col := map[string]int{}
		for i, c := range tab.Columns {
			col[c.Name] = i
		}
		for _, row := range tab.Rows {
			seg, span := row[col["segment"]].(string), row[col["span"]].(string)
			start, end := row[col["start"]].(int), row[col["end"]].(int)
			text := texts[seg]
			if start < 0 || end > len(text) || start > end || string(text[start:end]) != span {
				t.Errorf("%s: segment %s: span %q at [%d:%d] is not in the published text %q", study, seg, span, start, end, string(text))
			}
			if strings.Contains(span, "Jansen") || strings.Contains(span, "Lotte") || strings.Contains(span, "Hoekstra") {
				t.Errorf("%s: span %q holds a name", study, span)
			}
		}
	}
}

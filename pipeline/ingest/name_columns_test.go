package ingest

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/samenspel/samenspel/pipeline/model"
)

// A name beside the segments (a "Naam" column, or Voornaam and Achternaam) is the
// respondent's Name, never an attribute; the attack of 0.5.0 found it unused.
func TestNameColumnOfSegmentTable(t *testing.T) {
	path := filepath.Join(t.TempDir(), "codering.csv")
	csv := "Respondent;Naam;Voornaam;Achternaam;Gemeente;Tekst;Code\n" +
		"R01;Qwyntje Zorblat;;;Bergdorp;Zorblat hier.;a\n" +
		"R01;Qwyntje Zorblat;;;Bergdorp;Nog een fragment.;a\n" +
		"R02;;Brammert;Vlokhuis;Bergdorp;Brammert belt.;a\n"
	if err := os.WriteFile(path, []byte(csv), 0o644); err != nil {
		t.Fatal(err)
	}
	ds, err := ReadInterviews(path, Options{})
	if err != nil {
		t.Fatal(err)
	}
	want := map[string]string{"R01": "Qwyntje Zorblat", "R02": "Brammert Vlokhuis"}
	for _, r := range ds.Respondents {
		if r.Name != want[r.ID] {
			t.Errorf("%s: name %q, want %q", r.ID, r.Name, want[r.ID])
		}
		for k := range r.Attributes {
			if k == "naam" || k == "voornaam" || k == "achternaam" {
				t.Errorf("%s: the name is an attribute %q", r.ID, k)
			}
		}
	}
}

func TestSetAttributeName(t *testing.T) {
	var r model.Respondent
	setAttribute(&r, "name", "Qwyntje Zorblat")
	setAttribute(&r, "Naam", "Qwyntje Zorblat") // the same name twice is kept once
	setAttribute(&r, "Gemeente", "Bergdorp")
	if r.Name != "Qwyntje Zorblat" || r.Municipality != "Bergdorp" || len(r.Attributes) != 0 {
		t.Errorf("got %+v", r)
	}
}

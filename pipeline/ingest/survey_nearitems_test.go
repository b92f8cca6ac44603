package ingest

import (
	"errors"
	"strings"
	"testing"

	"github.com/samenspel/samenspel/pipeline/model"
)

// A header slightly off from an item the file lacks ("K-1", "B01", a question text with
// a typo) is read as before, not as the item, but named: ds.Unmatched says which item it
// resembles, and a warning gives the scale's count and the mapping. A header that is no
// item ("Toelichting", "K5" where K1 is missing) is not named. With the mapping the
// column is the item.
func TestSurveyHeaderResemblesItem(t *testing.T) {
	cb := loadCodebook(t)
	csv := "Respondent;K-1;K2;K3;K4;B01;Ik ken de jongerenwerker in mijn wijk persoonlijk;Toelichting;K5\n" +
		"r1;4;4;3;2;5;Mee eens;Goed;1\n"
	path := writeFile(t, "e.csv", []byte(csv))
	ds := readSurvey(t, path, Options{Codebook: cb})
	var got []string
	for _, c := range ds.Unmatched {
		got = append(got, c.Header+" "+c.Resembles)
	}
	same(t, "unmatched", got, []string{"K-1 K1", "B01 B1", "Ik ken de jongerenwerker in mijn wijk persoonlijk ", "Toelichting ", "K5 "})
	if len(ds.Warnings) != 2 {
		t.Fatalf("warnings %v", ds.Warnings)
	}
	want := `column "K-1" is read as an open answer or attribute, not as item K1 (scale kennen), which it resembles and which no column of the file holds: the file gives 3 of the scale's 4 items; if the column is K1, map it in study.yaml (columns: {K1: "K-1"})`
	if w := ds.Warnings[0]; w.File != path || w.Err.Error() != want {
		t.Errorf("warning %s: %v", w.File, w.Err)
	}
	if nl := model.Dutch(ds.Warnings[1].Err); nl != `kolom "B01" is gelezen als open antwoord of kenmerk, niet als item B1 (schaal bereiken), waarop hij lijkt en dat geen kolom van het bestand bevat: het bestand geeft 0 van de 4 items van de schaal; is de kolom B1, koppel hem dan in study.yaml (columns: {B1: "B01"})` {
		t.Errorf("Dutch %q", nl)
	}
	ds = readSurvey(t, path, Options{Codebook: cb, Columns: map[string]string{"K1": "K-1"}})
	same(t, "answers with the mapping", answers(ds)[:1], []string{"r1 K1 4"})
	for _, c := range ds.Unmatched {
		if c.Resembles == "K1" {
			t.Errorf("K-1 still named after its mapping: %+v", c)
		}
	}
}

// A question text within a third of its letters of an item's text resembles it; ids
// compare without case, punctuation and leading zeros.
func TestResemblesItem(t *testing.T) {
	cb := loadCodebook(t)
	k1, _, _ := cb.Item("K1")
	for h, want := range map[string]bool{
		"K-1": true, "k 1": true, "K01": true, "K_001": true, "K10": false, "K2": false, "": false, "-": false,
		"Ik ken de jongerenwerkers in mijn wijk persoonlijk":    true,
		"1. Ik ken de jongerenwerkrs in mijn wijk persoonlijk.": true,
		"Ik weet wie ik moet bellen bij het wijkteam.":          false,
	} {
		if got := resemblesItem(h, k1); got != want {
			t.Errorf("resemblesItem(%q, K1) = %v, want %v", h, got, want)
		}
	}
	for s, want := range map[string]string{"K-01": "k1", "K0": "k0", "Q10_0": "q100", "B 007a": "b7a"} {
		if got := compactID(s); got != want {
			t.Errorf("compactID(%q) = %q, want %q", s, got, want)
		}
	}
}

// A survey file with responses but no item column is named: not one answer was read.
func TestSurveyWithoutItems(t *testing.T) {
	ds := readSurvey(t, writeFile(t, "e.csv", []byte("Respondent;Stelling 1;Stelling 2\nr1;4;2\n")), Options{Codebook: loadCodebook(t)})
	if len(ds.Warnings) != 1 || !strings.HasPrefix(ds.Warnings[0].Err.Error(), "no column of the file is an item of the codebook") {
		t.Errorf("warnings %v", ds.Warnings)
	}
	ds = readSurvey(t, writeFile(t, "k.csv", []byte("Respondent;K1;K2;K3;K4\nr1;4;4;4;4\n")), Options{Codebook: loadCodebook(t)})
	if len(ds.Warnings) != 0 {
		t.Errorf("warnings %v", ds.Warnings)
	}
}

// A scale item that no column of a file holds, where the file gives the scale's other
// items and no column resembles it, was not named: the scale's scores were the mean of
// the other items without a word. It is now a warning per file (ErrItemMissing), one per
// scale, naming the items; a scale the file holds no item of is not warned about, nor an
// item a look-alike column is named for.
func TestSurveyItemInNoColumn(t *testing.T) {
	cb := loadCodebook(t)
	ds := readSurvey(t, writeFile(t, "e.csv", []byte("Respondent;K2;K3;K4;B01;B2;B3\nr1;4;4;3;2;5;4\n")), Options{Codebook: cb})
	var got []string
	for _, w := range ds.Warnings {
		if errors.Is(w.Err, ErrItemMissing) {
			got = append(got, w.Err.Error(), model.Dutch(w.Err))
		}
	}
	same(t, "warnings", got, []string{
		"scale item missing from the survey: no column of the file is item K1 (scale kennen): its respondents' scores on kennen are computed from the 3 of the scale's 4 items the file gives; if an item is under another header, map it in study.yaml (columns: {K1: ...})",
		"item van een schaal ontbreekt in de vragenlijst: geen kolom van het bestand is item K1 (schaal kennen): de scores van de respondenten op kennen zijn berekend uit de 3 van de 4 items van de schaal die het bestand geeft; staat een item onder een andere kop, koppel die dan in study.yaml (columns: {K1: ...})",
		"scale item missing from the survey: no column of the file is item B4 (scale bereiken): its respondents' scores on bereiken are computed from the 2 of the scale's 4 items the file gives; if an item is under another header, map it in study.yaml (columns: {B4: ...})",
		"item van een schaal ontbreekt in de vragenlijst: geen kolom van het bestand is item B4 (schaal bereiken): de scores van de respondenten op bereiken zijn berekend uit de 2 van de 4 items van de schaal die het bestand geeft; staat een item onder een andere kop, koppel die dan in study.yaml (columns: {B4: ...})",
	})
	ds = readSurvey(t, writeFile(t, "k.csv", []byte("Respondent;K1\nr1;4\n")), Options{Codebook: cb})
	if len(ds.Warnings) != 1 || ds.Warnings[0].Err.Error() != "scale item missing from the survey: no column of the file is items K2, K3 or K4 (scale kennen): its respondents get no score on kennen, which needs at least half of the scale's 4 items, and the file gives 1; if an item is under another header, map it in study.yaml (columns: {K2: ...})" ||
		model.Dutch(ds.Warnings[0].Err) != "item van een schaal ontbreekt in de vragenlijst: geen kolom van het bestand is de items K2, K3 of K4 (schaal kennen): de respondenten krijgen geen score op kennen, waarvoor ten minste de helft van de 4 items van de schaal nodig is, en het bestand geeft er 1; staat een item onder een andere kop, koppel die dan in study.yaml (columns: {K2: ...})" {
		t.Errorf("warnings %v", ds.Warnings)
	}
}

// withoutItemMissing is ws without the ErrItemMissing warnings, for the tests of other
// warnings on files that give one item of a scale (K1).
func withoutItemMissing(ws []model.Warning) []model.Warning {
	var out []model.Warning
	for _, w := range ws {
		if !errors.Is(w.Err, ErrItemMissing) {
			out = append(out, w)
		}
	}
	return out
}

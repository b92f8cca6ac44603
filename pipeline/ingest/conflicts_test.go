package ingest

import (
	"strings"
	"testing"

	"github.com/samenspel/samenspel/pipeline/model"
)

func warningTexts(ws []model.Warning, lang string) []string {
	var out []string
	for _, w := range ws {
		if lang == "nl" {
			out = append(out, model.Dutch(w.Err))
		} else {
			out = append(out, w.Err.Error())
		}
	}
	return out
}

// A respondent's coded rows that give two municipalities or roles (attack 10, finding
// 8): the first is used, and a warning says so, naming rows and values, not the id.
func TestRespondentConflictsWarn(t *testing.T) {
	path := writeFile(t, "c.csv", []byte("Respondent;Segment;Tekst;Code;Codeur;Gemeente;Functie\n"+
		"R1;S1;Korte lijnen.;bereiken.korte_lijnen;A;Bergdorp;Jongerenwerker\n"+
		"R1;S2;Ken ze.;kennen.persoonlijk;A;Zeeveen;jongerenwerker\n"+ // case does not count
		"R1;S3;Ook.;kennen.persoonlijk;B;;\n"+ // empty says nothing
		"R2;S4;Korte lijnen ook.;bereiken.korte_lijnen;A;Zeeveen;Wijkagent\n"+
		"R2;S5;Nog eens.;bereiken.korte_lijnen;A;Bergdorp;Wijkagent\n"))
	ds, err := ReadInterviews(path, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if ds.Respondents[0].Municipality != "Bergdorp" || ds.Respondents[1].Municipality != "Zeeveen" {
		t.Errorf("respondents %+v", ds.Respondents)
	}
	check(t, "warnings", warningTexts(ds.Warnings, "en"), []string{
		`2 row(s) give their respondent another municipality than an earlier row did, and the earlier one is used (row 3: "Zeeveen", where row 2 gave "Bergdorp"); a respondent has one municipality: correct the rows, or the respondents table decides`,
	})
	check(t, "Dutch", warningTexts(ds.Warnings, "nl"), []string{
		`2 regel(s) geven hun respondent een andere gemeente dan een eerdere regel, en de eerdere telt (regel 3: "Zeeveen", waar regel 2 "Bergdorp" gaf); een respondent heeft één gemeente: verbeter de regels, of laat de respondententabel beslissen`,
	})
	for _, w := range ds.Warnings {
		if w.File != path || strings.Contains(w.Err.Error(), "R1") {
			t.Errorf("warning %+v", w)
		}
	}
}

// Two columns that name one field: the first is used, the warning says which; a study
// that maps the field has chosen.
func TestSameFieldColumnsWarn(t *testing.T) {
	cb := loadCodebook(t)
	path := writeFile(t, "e.csv", []byte("Respondent;Gemeente;Functie;Woonplaats;Municipality;K1\nE1;Zeeveen;School;X;Bergdorp;1\n"))
	ds, err := ReadSurvey(path, Options{Codebook: cb})
	if err != nil {
		t.Fatal(err)
	}
	ds.Warnings = withoutItemMissing(ds.Warnings)
	check(t, "warnings", warningTexts(ds.Warnings, "en"), []string{
		`2 columns name the municipality ("Gemeente", "Municipality"): "Gemeente" is used, the others are not; map the one you mean in study.yaml (columns: {municipality: ...})`,
	})
	check(t, "Dutch", warningTexts(ds.Warnings, "nl"), []string{
		`2 kolommen noemen de gemeente ("Gemeente", "Municipality"): "Gemeente" wordt gebruikt, de andere niet; koppel de bedoelde kolom in study.yaml (columns: {municipality: ...})`,
	})
	ds, err = ReadSurvey(path, Options{Codebook: cb, Columns: map[string]string{"municipality": "Municipality"}})
	ds.Warnings = withoutItemMissing(ds.Warnings)
	if err != nil || len(ds.Warnings) != 0 || ds.Respondents[0].Municipality != "Bergdorp" {
		t.Errorf("mapped: %v, %v, %+v", err, warningTexts(ds.Warnings, "en"), ds.Respondents)
	}
	// The same in a coded-segment table.
	path = writeFile(t, "s.csv", []byte("Respondent;Tekst;Code;Rol;Functie\nR1;Korte lijnen.;bereiken.korte_lijnen;Wijkagent;Agent\n"))
	ds, err = ReadInterviews(path, Options{})
	if err != nil {
		t.Fatal(err)
	}
	check(t, "segment table", warningTexts(ds.Warnings, "en"), []string{
		`2 columns name the role ("Rol", "Functie"): "Rol" is used, the others are not; map the one you mean in study.yaml (columns: {role: ...})`,
	})
}

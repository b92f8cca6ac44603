package pipeline

import (
	"errors"
	"reflect"
	"testing"

	"github.com/samenspel/samenspel/pipeline/model"
)

func TestFoldSpellings(t *testing.T) {
	d := &model.Dataset{
		Respondents: []model.Respondent{
			{ID: "1", Municipality: "bergdorp", Attributes: map[string]string{"wijk": "Noord"}},
			{ID: "2", Municipality: "Bergdorp", Attributes: map[string]string{"wijk": "noord"}},
			{ID: "3", Municipality: "Gemeente Bergdorp", Attributes: map[string]string{"wijk": "Noord"}},
			{ID: "4", Municipality: "Bergdorp"},
			{ID: "5", Municipality: "Súdwest-Fryslân"},
			{ID: "6", Municipality: "Sudwest-Fryslan"},
			{ID: "7", Municipality: "Gemeente"}, // a name of its own, not an empty one
			{ID: "8", Municipality: "Zeeveen"},
		},
		Codings: []model.Coding{{Coder: "Anna"}, {Coder: "anna "}, {Coder: "Anna"}, {Coder: "Bram"}},
	}
	warnings := foldSpellings(d, []string{"role", "municipality", "wijk"})
	var got []string
	for _, r := range d.Respondents {
		got = append(got, r.Municipality)
	}
	want := []string{"Bergdorp", "Bergdorp", "Bergdorp", "Bergdorp", "Súdwest-Fryslân", "Súdwest-Fryslân", "Gemeente", "Zeeveen"}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("municipalities %q, want %q", got, want)
	}
	if w := d.Respondents[1].Attributes["wijk"]; w != "Noord" {
		t.Errorf("wijk %q, want the more frequent Noord", w)
	}
	var coders []string
	for _, c := range d.Codings {
		coders = append(coders, c.Coder)
	}
	if want := []string{"Anna", "Anna", "Anna", "Bram"}; !reflect.DeepEqual(coders, want) {
		t.Errorf("coders %q, want %q", coders, want)
	}
	// Bergdorp, Súdwest-Fryslân, the wijk Noord and the coder Anna.
	if len(warnings) != 4 {
		t.Fatalf("%d warnings, want 4: %v", len(warnings), warnings)
	}
	for _, w := range warnings {
		if !errors.As(w, new(spellingWarning)) {
			t.Errorf("warning %v is no spellingWarning", w)
		}
		if model.Dutch(w) == w.Error() {
			t.Errorf("warning %v has no Dutch text", w)
		}
	}
	if w := warnings[0].Error(); w != `municipality: "bergdorp", "Gemeente Bergdorp" and "Bergdorp" differ only in case, accents, spaces, apostrophes, hyphens, brackets or a leading "Gemeente": they are taken as one, "Bergdorp"; correct the inputs to be sure` {
		t.Errorf("warning %s", w)
	}
}

func TestFoldSpellingsNothingToFold(t *testing.T) {
	d := &model.Dataset{Respondents: []model.Respondent{{ID: "1", Municipality: "Bergdorp"}, {ID: "2", Municipality: "Zeeveen"}, {ID: "3"}}}
	if w := foldSpellings(d, nil); len(w) != 0 {
		t.Errorf("warnings %v", w)
	}
}

// A municipality's spellings that differ in apostrophes, hyphens or brackets are one
// (attack 17 F16); two municipalities told apart by their brackets' text stay two.
func TestMunicipalityPunctuationSpellings(t *testing.T) {
	sp := newSpellings(true)
	for _, v := range []string{"'s-Hertogenbosch", "’s-Hertogenbosch", "s-Hertogenbosch", "Bergen (NH)", "Bergen NH", "Bergen (L)", "Súdwest Fryslân", "Súdwest-Fryslân"} {
		sp.add(v)
	}
	to, folds := sp.folds("municipality")
	if len(folds) != 3 {
		t.Fatalf("%d folds, want 3: %v", len(folds), folds)
	}
	if to["’s-Hertogenbosch"] != "'s-Hertogenbosch" || to["s-Hertogenbosch"] != "'s-Hertogenbosch" || to["Bergen NH"] != "Bergen (NH)" || to["Súdwest-Fryslân"] != "Súdwest Fryslân" {
		t.Errorf("folds %v", to)
	}
	if _, ok := to["Bergen (L)"]; ok {
		t.Errorf("Bergen (L) folded: %v", to)
	}
	coders := newSpellings(false) // a coder's name keeps its hyphen
	coders.add("Anne-Marie")
	coders.add("Anne Marie")
	if to, _ := coders.folds("coder"); to != nil {
		t.Errorf("coders folded by their hyphen: %v", to)
	}
}

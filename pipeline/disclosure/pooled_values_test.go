package disclosure

import (
	"strings"
	"testing"

	"github.com/samenspel/samenspel/pipeline/results"
)

// The attacker of attack 16, f17: 11 young people, gender 5 / 5 / 1 and living situation
// 5 / 5 / 1, every group pooled. Neither disclosure.csv nor the notes may name a pooled
// or hidden group of an attribute (the group of 1 is a fact about one person), in
// either language and with suppress; roles and municipalities are named as before.
func TestPooledAttributeValuesNotNamed(t *testing.T) {
	secret := []string{"non-binair", "gesloten jeugdzorg", "jongen", "meisje", "thuis", "pleeggezin"}
	for _, small := range []string{"pool", "suppress"} {
		for _, lang := range []string{"nl", "en"} {
			resp, all := people("jongere/Bergdorp=11")
			gender := []string{"jongen", "jongen", "jongen", "jongen", "jongen", "meisje", "meisje", "meisje", "meisje", "meisje", "non-binair"}
			living := []string{"thuis", "thuis", "thuis", "thuis", "thuis", "pleeggezin", "pleeggezin", "pleeggezin", "pleeggezin", "pleeggezin", "gesloten jeugdzorg"}
			for i := range resp {
				resp[i].Attributes = map[string]string{"gender": gender[i], "woonsituatie": living[i]}
			}
			// Two populations that differ by one (a respondent without codings), as in
			// the finding, so that the group of 1 cannot be pooled with one other alone.
			codings := map[string]bool{}
			for p := range all {
				if p != resp[0].Pseudonym {
					codings[p] = true
				}
			}
			rules := Rules{MinCell: 5, Language: lang, SmallGroups: SmallGroups(small)}
			d := Decide(Input{Respondents: resp, Groupings: []string{"gender", "woonsituatie"},
				Populations: []Population{{Name: "all", Strand: Interviews, Members: all}, {Name: "coded", Strand: Interviews, Members: codings}}}, rules)
			if _, st := d.Group(Interviews, "gender", "non-binair"); st == Shown {
				t.Fatalf("%s %s: non-binair shown", small, lang)
			}
			var text []string
			for _, r := range d.Table().Rows {
				for _, c := range r {
					text = append(text, results.FormatCell(c))
				}
			}
			res := &results.Results{}
			d.note(res)
			for _, n := range res.Notes {
				text = append(text, n.NL, n.EN)
			}
			published := strings.Join(text, "\n")
			for _, s := range secret {
				by := "gender"
				if s == "thuis" || s == "pleeggezin" || s == "gesloten jeugdzorg" {
					by = "woonsituatie"
				}
				if _, st := d.Group(Interviews, by, s); st != Shown && strings.Contains(published, s) {
					t.Errorf("%s %s: %q published:\n%s", small, lang, s, published)
				}
			}
			if !strings.Contains(published, "Bergdorp") {
				t.Errorf("%s %s: the municipality is no longer named:\n%s", small, lang, published)
			}
			want := map[string]string{"nl": "groepen", "en": "groups"}[lang]
			if !strings.Contains(published, want) {
				t.Errorf("%s %s: the groups are not counted:\n%s", small, lang, published)
			}
		}
	}
}

// A pooled municipality is still named: its name identifies no person.
func TestPooledMunicipalitiesStillNamed(t *testing.T) {
	resp, all := people("jongerenwerker/Aardam=2", "jongerenwerker/Bergdorp=10", "jongerenwerker/Citadel=3")
	d := Decide(Input{Respondents: resp, Populations: []Population{{Name: "all", Strand: Survey, Members: all}}}, Rules{MinCell: 5})
	var groups []string
	for _, r := range d.Table().Rows {
		if r[0] == "municipality" {
			groups = append(groups, results.FormatCell(r[2]))
		}
	}
	if got := strings.Join(groups, " "); !strings.Contains(got, "Aardam") || !strings.Contains(got, "Citadel") {
		t.Errorf("municipalities: %s", got)
	}
	if !isGroupsCount(Rules{}.GroupsCount(3)) || !isGroupsCount(Rules{Language: "en"}.GroupsCount(1)) || isGroupsCount("(zonder gender)") || isGroupsCount("Aardam") {
		t.Error("isGroupsCount")
	}
}

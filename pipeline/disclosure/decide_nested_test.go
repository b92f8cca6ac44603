package disclosure

import (
	"fmt"
	"testing"

	"github.com/samenspel/samenspel/pipeline/protected"
)

// A wijk within a gemeente: no gemeente minus its shown wijken may be small, pooled or
// suppressed (attack 11, F12: Bergdorp 33 - Bergdorp-Noord 30 = Bergdorp-Zuid's 3).
func TestNestedGroupingsLeaveNoSmallDifference(t *testing.T) {
	var resp []protected.Respondent
	all := map[string]bool{}
	add := func(mun, wijk string, n int) {
		for i := 0; i < n; i++ {
			p := fmt.Sprintf("JW-%s-%02d", wijk, i)
			resp = append(resp, protected.Respondent{Pseudonym: p, Municipality: mun, Role: "jongerenwerker", Attributes: map[string]string{"wijk": wijk}})
			all[p] = true
		}
	}
	add("Bergdorp", "Bergdorp-Noord", 30)
	add("Bergdorp", "Bergdorp-Zuid", 3)
	add("Zeeveen", "Zeeveen-Centrum", 20)
	add("Aardam", "Aardam-Oost", 20)
	for _, mode := range []SmallGroups{Pool, Suppress} {
		d := Decide(Input{Respondents: resp, Groupings: []string{"municipality", "wijk"},
			Populations: []Population{{Name: "surveyed", Strand: Survey, Members: all, Whole: true}}}, Rules{SmallGroups: mode})
		status := func(by, v string) Status { _, s := d.Group(Survey, by, v); return s }
		if status("wijk", "Bergdorp-Zuid") == Shown {
			t.Fatalf("%v: Bergdorp-Zuid (3) shown", mode)
		}
		// Bergdorp is shown, so its wijken must hide 0 or at least 5: Noord goes too.
		if status("municipality", "Bergdorp") != Shown || status("wijk", "Bergdorp-Noord") == Shown {
			t.Errorf("%v: Bergdorp %v, Bergdorp-Noord %v: Bergdorp minus Noord gives Zuid", mode, status("municipality", "Bergdorp"), status("wijk", "Bergdorp-Noord"))
		}
		if status("wijk", "Zeeveen-Centrum") != Shown {
			t.Errorf("%v: Zeeveen-Centrum (20, all of Zeeveen) hidden for nothing", mode)
		}
	}
	// A wijk in two gemeenten (one of Bergdorp-Noord's respondents in Zeeveen): Noord
	// refines nothing and stays shown (Zeeveen minus Zeeveen-Centrum, 1, is then taken
	// care of as a partial nesting: TestNestedSharedWijkName).
	resp[0].Municipality = "Zeeveen"
	d := Decide(Input{Respondents: resp, Groupings: []string{"municipality", "wijk"},
		Populations: []Population{{Name: "surveyed", Strand: Survey, Members: all, Whole: true}}}, Rules{})
	if _, s := d.Group(Survey, "wijk", "Bergdorp-Noord"); s != Shown {
		t.Errorf("Bergdorp-Noord across two gemeenten: %v, want shown", s)
	}
}

// One wijk name in two gemeenten (attack 12, F5): Bergdorp 30 Noord + 3 Centrum,
// Zeeveen 20 Centrum, Aardam 20 Oost. Centrum lies in no gemeente, yet Bergdorp minus
// Bergdorp-Noord (33 - 30) and Centrum minus Zeeveen (23 - 20) both give Bergdorp's 3 in
// Centrum. After the decision no shown group minus the shown groups of the other
// grouping that lie inside it (the pool counted as one group) is small.
func TestNestedSharedWijkName(t *testing.T) {
	type person struct{ mun, wijk string }
	var people []person
	var resp []protected.Respondent
	all := map[string]bool{}
	add := func(mun, wijk string, n int) {
		for i := 0; i < n; i++ {
			p := fmt.Sprintf("JW-%s-%s-%02d", mun, wijk, i)
			resp = append(resp, protected.Respondent{Pseudonym: p, Municipality: mun, Role: "jongerenwerker", Attributes: map[string]string{"wijk": wijk}})
			people = append(people, person{mun, wijk})
			all[p] = true
		}
	}
	add("Bergdorp", "Bergdorp-Noord", 30)
	add("Bergdorp", "Centrum", 3)
	add("Zeeveen", "Centrum", 20)
	add("Aardam", "Aardam-Oost", 20)
	for _, mode := range []SmallGroups{Pool, Suppress} {
		d := Decide(Input{Respondents: resp, Groupings: []string{"municipality", "wijk"},
			Populations: []Population{{Name: "surveyed", Strand: Survey, Members: all, Whole: true}}}, Rules{SmallGroups: mode, MinCell: 5})
		// shownAs: the group a respondent is counted in under a grouping ("" hidden).
		shownAs := func(by string, p person) string {
			v := p.mun
			if by == "wijk" {
				v = p.wijk
			}
			label, st := d.Group(Survey, by, v)
			if st == Suppressed {
				return ""
			}
			return label
		}
		for _, pair := range [][2]string{{"municipality", "wijk"}, {"wijk", "municipality"}} {
			outer, inner := pair[0], pair[1]
			members := map[string][]person{}
			for _, p := range people {
				if g := shownAs(outer, p); g != "" {
					members[g] = append(members[g], p)
				}
			}
			innerSize := map[string]int{}
			for _, p := range people {
				innerSize[shownAs(inner, p)]++
			}
			for g, ps := range members {
				within := map[string]int{}
				for _, p := range ps {
					within[shownAs(inner, p)]++
				}
				rest := len(ps)
				for h, n := range within {
					if h != "" && n == innerSize[h] { // all of h lies in g
						rest -= n
					}
				}
				if rest > 0 && rest < 5 {
					t.Errorf("%v: %s %s (%d) minus the %s groups inside it leaves %d", mode, outer, g, len(ps), inner, rest)
				}
			}
		}
		if _, st := d.Group(Survey, "municipality", "Bergdorp"); st != Shown {
			t.Errorf("%v: Bergdorp %v, want shown (it is 33)", mode, st)
		}
	}
}

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
	// A grouping that does not refine another (a wijk in two gemeenten) is left alone.
	resp[0].Municipality = "Zeeveen"
	d := Decide(Input{Respondents: resp, Groupings: []string{"municipality", "wijk"},
		Populations: []Population{{Name: "surveyed", Strand: Survey, Members: all, Whole: true}}}, Rules{})
	if _, s := d.Group(Survey, "wijk", "Bergdorp-Noord"); s != Shown {
		t.Errorf("Bergdorp-Noord across two gemeenten: %v, want shown", s)
	}
}

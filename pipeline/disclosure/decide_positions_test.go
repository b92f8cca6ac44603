package disclosure

import (
	"fmt"
	"reflect"
	"testing"

	"github.com/samenspel/samenspel/pipeline/protected"
)

// wavePeople makes n people in m municipalities, each measured in the waves given; a
// person's later wave may have moved municipality (every seventh person).
func wavePeople(n, m int, waves ...string) []protected.Respondent {
	var out []protected.Respondent
	for _, w := range waves {
		for i := range n {
			mun := i % m
			if w != waves[0] && i%7 == 0 {
				mun = (mun + 1) % m
			}
			// Municipality 0 is small: only people i%m == 0 with i < 2m live there.
			if mun == 0 && i >= 2*m {
				mun = 1
			}
			out = append(out, protected.Respondent{Pseudonym: fmt.Sprintf("PR-%05d", i), Wave: w, Role: []string{"jongerenwerker", "wijkagent", "leerkracht"}[i%3], Municipality: fmt.Sprintf("M%02d", mun)})
		}
	}
	return out
}

// TestDecidePositionsAsKeys: a population given as positions decides exactly what the
// same population given as keys (List) or as a set (Members) decides, also with people
// in two waves (one person counted once per group) and members named twice.
func TestDecidePositionsAsKeys(t *testing.T) {
	resp := wavePeople(400, 20, "2024", "2025")
	var keys []string
	var pos []int32
	members := map[string]bool{}
	for i, r := range resp {
		if i%5 == 3 {
			continue // a population of most, not all
		}
		keys = append(keys, r.Key())
		pos = append(pos, int32(i))
		members[r.Key()] = true
	}
	// A member given twice, by key and by position, counts once.
	dup := append(append([]int32(nil), pos...), pos[:10]...)
	rules := Rules{MinCell: 10, SmallGroups: Pool}
	decide := func(p Population) *Decision {
		p.Name, p.Strand, p.Whole = "item x", Survey, true
		return Decide(Input{Respondents: resp, Populations: []Population{p}}, rules)
	}
	want := decide(Population{List: keys})
	for name, p := range map[string]Population{
		"members":   {Members: members},
		"positions": {Positions: pos},
		"both":      {Positions: dup, List: keys[:50]},
	} {
		got := decide(p)
		for _, by := range []string{"role", "municipality"} {
			if !reflect.DeepEqual(got.Groupings[Survey][by], want.Groupings[Survey][by]) {
				t.Errorf("%s, by %s: %+v, want %+v", name, by, got.Groupings[Survey][by], want.Groupings[Survey][by])
			}
		}
	}
	// The small municipality is pooled, and its size counts people, not rows.
	g := want.Groupings[Survey]["municipality"]
	if g.Status["M00"] != Pooled {
		t.Errorf("M00 is %v, want pooled", g.Status["M00"])
	}
}

// BenchmarkDecide decides a national survey: 100,000 respondents in 342 municipalities,
// 30 populations (scales and items) given as positions, as analysis.Populations does.
func BenchmarkDecide(b *testing.B) {
	resp := wavePeople(100000, 342, "")
	var pops []Population
	for k := range 30 {
		p := Population{Name: fmt.Sprint("item ", k), Strand: Survey}
		for i := range resp {
			if (i+k)%11 != 0 {
				p.Positions = append(p.Positions, int32(i))
			}
		}
		pops = append(pops, p)
	}
	b.ReportAllocs()
	for b.Loop() {
		Decide(Input{Respondents: resp, Populations: pops}, Rules{MinCell: 10, SmallGroups: Pool})
	}
}

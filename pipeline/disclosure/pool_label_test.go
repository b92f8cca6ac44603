package disclosure

import "testing"

// A real value that takes the pool's name keeps its own row: the pool gets a suffix
// (finding 7), in either language and for roles too, numbered while that is taken.
func TestPoolLabelNeverARealValue(t *testing.T) {
	resp, all := people("jongerenwerker/Aardam=2", "jongerenwerker/Citadel=3", "jongerenwerker/Overige gemeenten=10", "jongerenwerker/Bergdorp=10")
	d := Decide(Input{Respondents: resp, Populations: []Population{{Name: "all", Strand: Survey, Members: all}}}, Rules{})
	if l, st := d.Group(Survey, "municipality", "Aardam"); l != "Overige gemeenten (samengevoegd)" || st != Pooled {
		t.Errorf("Aardam: %q %v", l, st)
	}
	if l, st := d.Group(Survey, "municipality", "Overige gemeenten"); l != "Overige gemeenten" || st != Shown {
		t.Errorf("the municipality Overige gemeenten: %q %v", l, st)
	}
	if got := d.PoolLabel("municipality"); got != "Overige gemeenten (samengevoegd)" {
		t.Errorf("PoolLabel = %q", got)
	}
	if got := d.PoolLabel("role"); got != "" {
		t.Errorf("no role pooled, PoolLabel = %q", got)
	}
	taken := takenBy(map[string]bool{"other roles ": true, "Other roles (pooled)": true})
	if got := (Rules{Language: "en"}).PoolLabelAmong("role", taken); got != "Other roles (pooled 2)" {
		t.Errorf("en, role: %q", got)
	}
	if got := (Rules{}).PoolLabelAmong("municipality", taken); got != "Overige gemeenten" {
		t.Errorf("nothing taken: %q", got)
	}
}

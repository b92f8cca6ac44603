package disclosure

import (
	"testing"

	"github.com/samenspel/samenspel/pipeline/results"
)

// fewResults are the tables of a run with three coded interviewees (fewer than
// min_cell 5): code_frequencies' "all" row is suppressed, and the learned validation
// has one fold per coded respondent, as learn.Folds makes them.
func fewResults() *results.Results {
	cf := results.NewTable("code_frequencies",
		results.Column{Name: "factor", Kind: results.Text}, results.Column{Name: "code", Kind: results.Text},
		results.Column{Name: "group_by", Kind: results.Text}, results.Column{Name: "group", Kind: results.Text},
		results.Column{Name: "respondents", Kind: results.Int}, results.Column{Name: "suppressed", Kind: results.Bool})
	cf.Add("kennen", "*", "all", "all", nil, true)
	lv := results.NewTable("autocode_learned_validation",
		results.Column{Name: "code", Kind: results.Text}, results.Column{Name: "segments", Kind: results.Int},
		results.Column{Name: "folds", Kind: results.Int}, results.Column{Name: "tp", Kind: results.Int},
		results.Column{Name: "f1", Kind: results.Float})
	lv.Add("kennen.vertrouwen", 24, 3, 2, 0.36)
	co := results.NewTable("cooccurrence",
		results.Column{Name: "code_a", Kind: results.Text}, results.Column{Name: "code_b", Kind: results.Text},
		results.Column{Name: "segments", Kind: results.Int}, results.Column{Name: "respondents", Kind: results.Int},
		results.Column{Name: "jaccard", Kind: results.Float})
	co.Add("kennen.vertrouwen", "bereiken.korte_lijnen", 2, 2, 0.15)
	res := &results.Results{Tables: []*results.Table{cf, lv, co}}
	res.Note("autocode_learned_validation", "F1 in de 3-voudige kruisvalidatie.", "F1 in the 3-fold cross-validation.")
	return res
}

// With fewer interviewees than min_cell, no ungrouped interview table counts them:
// the attacker recovers the coded respondents from folds and cooccurrence before the
// final pass, and nothing after it; the note with "3-fold" is replaced.
func TestEnforceFewInterviewees(t *testing.T) {
	resp, iv := people("jongerenwerker/Aardam=2", "wijkagent/Aardam=1")
	d := Decide(Input{Respondents: resp, Populations: []Population{{Name: "interviewed", Strand: Interviews, Members: iv, Whole: true}},
		Rows: []Population{{Name: "rows", Members: iv}}}, Rules{})
	if !d.Few[Interviews] || d.Few[Survey] {
		t.Fatalf("Few = %v, want the interviews", d.Few)
	}
	res := fewResults()
	p, err := PublishedOf(res)
	if err != nil {
		t.Fatal(err)
	}
	p.Respondents = 3 // the manifest's count, as a run before HoldCounts wrote it
	if fs := Attack(p); len(fs) != 3 {
		t.Errorf("without the final pass the attacker finds %v, want folds, cooccurrence and the manifest", fs)
	}
	d.Enforce(res)
	p, err = PublishedOf(res)
	if err != nil {
		t.Fatal(err)
	}
	if fs := Attack(p); len(fs) != 0 {
		t.Errorf("after the final pass: %v", fs)
	}
	lv, co := res.Tables[1], res.Tables[2]
	if r := lv.Rows[0]; r[1] != nil || r[2] != nil || r[3] != nil || r[4] != 0.36 {
		t.Errorf("learned validation: %v", r)
	}
	if r := co.Rows[0]; r[2] != nil || r[3] != nil || r[4] != 0.15 {
		t.Errorf("cooccurrence: %v", r)
	}
	for _, n := range res.Notes {
		if n.Topic == "autocode_learned_validation" && n.EN != "Counts not shown: fewer than 5 interviewees (or coded interviewees)." {
			t.Errorf("note: %q", n.EN)
		}
	}
	// Five interviewees: nothing is held back.
	resp, iv = people("jongerenwerker/Aardam=5")
	d = Decide(Input{Respondents: resp, Populations: []Population{{Name: "interviewed", Strand: Interviews, Members: iv, Whole: true}}}, Rules{})
	res = fewResults()
	d.Enforce(res)
	if d.Few[Interviews] || res.Tables[1].Rows[0][2] != 3 {
		t.Errorf("five interviewees: Few %v, %v", d.Few, res.Tables[1].Rows[0])
	}
}

// A run of fewer than min_cell respondents in all holds its summary counts back.
func TestHoldCounts(t *testing.T) {
	d := Decide(Input{}, Rules{})
	for n, want := range map[int]bool{0: false, 4: true, 5: false} {
		res := &results.Results{Respondents: n}
		if d.HoldCounts(res); res.CountsHeld != want {
			t.Errorf("%d respondents: CountsHeld %v", n, res.CountsHeld)
		}
	}
}

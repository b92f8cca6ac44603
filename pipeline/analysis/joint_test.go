package analysis

import (
	"math"
	"strconv"
	"strings"
	"testing"

	"github.com/samenspel/samenspel/codebook"
	"github.com/samenspel/samenspel/pipeline/protected"
	"github.com/samenspel/samenspel/pipeline/results"
)

func TestMetaInference(t *testing.T) {
	nan := math.NaN()
	cases := []struct {
		name string
		e    JointEvidence
		want string
	}{
		{"both positive", JointEvidence{true, 0.7, true, 5, 2}, Convergent},
		{"both negative", JointEvidence{true, 0.2, true, 1, 4}, Convergent},
		{"share exactly 0.5 is positive", JointEvidence{true, 0.5, true, 3, 2}, Convergent},
		{"share just below 0.5 is negative", JointEvidence{true, 0.4999, true, 3, 2}, Divergent},
		{"survey positive, interviews negative", JointEvidence{true, 0.8, true, 1, 6}, Divergent},
		{"survey negative, interviews positive", JointEvidence{true, 0.1, true, 6, 1}, Divergent},
		{"a tie is not positive: with a negative survey", JointEvidence{true, 0.3, true, 3, 3}, Convergent},
		{"a tie is not positive: with a positive survey", JointEvidence{true, 0.6, true, 3, 3}, Divergent},
		{"no mentions either way", JointEvidence{true, 0.6, true, 0, 0}, OneSourceOnly},
		{"survey only", JointEvidence{Survey: true, PctAgree: 0.6}, OneSourceOnly},
		{"share undefined (no agree_from)", JointEvidence{true, nan, true, 2, 1}, OneSourceOnly},
		{"interviews only", JointEvidence{Interviews: true, Facilitators: 1}, OneSourceOnly},
		{"neither", JointEvidence{PctAgree: nan}, ""},
		{"no mentions and no survey", JointEvidence{Interviews: true}, ""},
	}
	for _, c := range cases {
		if got := c.e.MetaInference(); got != c.want {
			t.Errorf("%s: %q, want %q", c.name, got, c.want)
		}
	}
}

func jointCodebook(t *testing.T) *codebook.Codebook {
	t.Helper()
	cb, err := codebook.ParseYAML([]byte(`
name: test
version: "1"
factors:
  - id: kennen
    label: {nl: Elkaar kennen}
    codes:
      - {id: kennen.a, label: {nl: A}, valence: facilitator}
      - {id: kennen.a2, label: {nl: A2}, valence: facilitator}
      - {id: kennen.b, label: {nl: B}, valence: barrier}
      - {id: kennen.b2, label: {nl: B2}, valence: barrier}
  - id: bereiken
    label: {nl: Elkaar bereiken}
    codes:
      - {id: bereiken.c, label: {nl: C}, valence: facilitator}
roles:
  - {id: jongerenwerker, abbrev: JW, label: {nl: Jongerenwerker}}
  - {id: jeugdzorg, abbrev: JZ, label: {nl: Jeugdzorg}}
partners:
  - {id: wijkteam, label: {nl: Wijkteam}, synonyms: ["wijkteam*"]}
  - {id: jongerenwerk, label: {nl: Jongerenwerk}, synonyms: ["jongerenwerk*"]}
  - {id: politie, label: {nl: Politie}, synonyms: ["wijkagent*", "politie"]}
  - {id: school, label: {nl: School}, synonyms: ["*school"]}
scales:
  - id: kennen_schaal
    factor: kennen
    label: {nl: Kennen}
    answers: {1: [een], 2: [twee], 3: [drie], 4: [vier], 5: [vijf]}
    agree_from: 4
    items:
      - {id: K1, text: {nl: een}}
      - {id: K2, text: {nl: twee}}
`))
	if err != nil {
		t.Fatal(err)
	}
	return cb
}

// jointData: interviewees I1..I6 in Aardam and I7..I12 in Bergdorp, surveyed S01..S12
// (six per municipality).
func jointData() protected.Dataset {
	var d protected.Dataset
	long := func(s string) string { return s + " Dit is een zin die lang genoeg is om te citeren." }
	seg := func(id, resp, text string, interviewer bool, codes ...string) {
		d.Segments = append(d.Segments, protected.Segment{ID: id, Respondent: resp, Text: text, Interviewer: interviewer})
		if len(codes) == 0 {
			d.Codings = append(d.Codings, protected.Coding{Segment: id, Coder: "A"})
		}
		for _, c := range codes {
			d.Codings = append(d.Codings, protected.Coding{Segment: id, Code: c, Raw: c, Coder: "A"})
		}
	}
	for i, m := range []string{"Aardam", "Aardam", "Aardam", "Aardam", "Aardam", "Aardam", "Bergdorp", "Bergdorp", "Bergdorp", "Bergdorp", "Bergdorp", "Bergdorp"} {
		id := "I" + string(rune('A'+i))
		d.Respondents = append(d.Respondents, protected.Respondent{Pseudonym: id, Municipality: m, Role: "jongerenwerker"})
	}
	// Aardam: kennen as facilitator by IA, IB, ID; as barrier by IC, ID.
	seg("IA/1", "IA", long("Twee codes."), false, "kennen.a", "kennen.a2")
	seg("IB/0", "IB", long("De interviewer vraagt."), true, "kennen.b") // not counted
	seg("IB/1", "IB", long("Een code."), false, "kennen.a")
	seg("IC/1", "IC", long("Barrière een."), false, "kennen.b")
	seg("ID/1", "ID", long("Barrière twee."), false, "kennen.b")
	seg("ID/2", "ID", long("Gemengd."), false, "kennen.b", "kennen.a")
	seg("ID/3", "ID", "Kort.", false, "kennen.b", "kennen.b2") // two barrier codes, too short to quote
	seg("IE/1", "IE", long("Niets."), false)
	seg("IF/1", "IF", long("Bereiken."), false, "bereiken.c")
	// Bergdorp: kennen as barrier by all six.
	for _, r := range []string{"IG", "IH", "II", "IJ", "IK", "IL"} {
		seg(r+"/1", r, long("Barrière in Bergdorp."), false, "kennen.b")
	}
	answers := [][2]float64{
		{4, 5}, {3, 3}, {5, 5}, {2, 3}, {4, 4}, {5, 4}, // Aardam: 4.5 3 5 2.5 4 4.5
		{4, 4}, {4, 5}, {5, 5}, {2, 2}, {3, 3}, {1, 2}, // Bergdorp: 4 4.5 5 2 3 1.5
	}
	var list []protected.Answer
	for i, a := range answers {
		id := "S" + string(rune('A'+i))
		m := "Aardam"
		if i >= 6 {
			m = "Bergdorp"
		}
		d.Respondents = append(d.Respondents, protected.Respondent{Pseudonym: id, Municipality: m, Role: "jeugdzorg"})
		list = append(list, protected.Answer{Respondent: id, Item: "K1", Value: a[0]}, protected.Answer{Respondent: id, Item: "K2", Value: a[1]})
	}
	d.Survey = protected.NewSurvey(list)
	return d
}

func jointRow(t *testing.T, tab *results.Table, factor, group string) map[string]string {
	t.Helper()
	rs := rowsWhere(tab, map[string]string{"factor": factor, "group": group})
	if len(rs) != 1 {
		t.Fatalf("joint_display: %d rows for %s / %s", len(rs), factor, group)
	}
	out := map[string]string{}
	for i, c := range tab.Columns {
		out[c.Name] = results.FormatCell(rs[0][i])
	}
	return out
}

func TestJointDisplay(t *testing.T) {
	in := &Input{Data: jointData(), Codebook: jointCodebook(t), Groups: []string{"municipality"}, MinCell: 5}
	res := &results.Results{MinCell: 5}
	Run(in, res)
	tab := res.Table("joint_display")
	if tab == nil {
		t.Fatal("no table joint_display")
	}
	if len(tab.Rows) != 6 {
		t.Errorf("%d rows, want 2 factors x (all, Aardam, Bergdorp)", len(tab.Rows))
	}
	a := jointRow(t, tab, "kennen", "Aardam")
	// R: x <- c(4.5, 3, 5, 2.5, 4, 4.5); mean(x) 3.91666666666667;
	// t.test(x)$conf.int 2.89829945499038 4.93503387834295; mean(x >= 4) 0.666666666666667
	near := func(col string, want float64) {
		t.Helper()
		got, err := strconv.ParseFloat(a[col], 64)
		if err != nil || math.Abs(got-want) > 1e-12 {
			t.Errorf("Aardam %s = %q, want %v", col, a[col], want)
		}
	}
	near("mean", 3.91666666666667)
	near("ci_low", 2.89829945499038)
	near("ci_high", 4.93503387834295)
	near("pct_agree", 0.666666666666667)
	want := map[string]string{
		"scale": "kennen_schaal", "group_by": "municipality", "n": "6", "group_respondents": "6",
		"facilitator_respondents": "3", "facilitator_share": "0.5", "barrier_respondents": "2",
		"top_codes": "kennen.a; kennen.b; kennen.a2", "facilitator_quote_by": "IA", "barrier_quote_by": "IC",
		"meta_inference": Convergent,
	}
	for col, v := range want {
		if a[col] != v {
			t.Errorf("Aardam %s = %q, want %q", col, a[col], v)
		}
	}
	if !strings.HasPrefix(a["facilitator_quote"], "Twee codes.") || !strings.HasPrefix(a["barrier_quote"], "Barrière een.") {
		t.Errorf("Aardam quotes: %q / %q", a["facilitator_quote"], a["barrier_quote"])
	}
	// Bergdorp: 3 of 6 agree (exactly 0.5: positive), six name kennen as a barrier.
	b := jointRow(t, tab, "kennen", "Bergdorp")
	if b["pct_agree"] != "0.5" || b["facilitator_respondents"] != "0" || b["barrier_respondents"] != "6" || b["meta_inference"] != Divergent || b["facilitator_quote"] != "" {
		t.Errorf("Bergdorp: %v", b)
	}
	// All: 7 of 12 agree; 3 facilitator against 8 barrier interviewees.
	all := jointRow(t, tab, "kennen", "all")
	if all["n"] != "12" || all["group_respondents"] != "12" || all["facilitator_respondents"] != "3" || all["barrier_respondents"] != "8" || all["meta_inference"] != Divergent {
		t.Errorf("all: %v", all)
	}
	// bereiken has no scale: interviews only, and nothing where nobody names it.
	if r := jointRow(t, tab, "bereiken", "Aardam"); r["scale"] != "" || r["n"] != "" || r["facilitator_respondents"] != "1" || r["meta_inference"] != OneSourceOnly {
		t.Errorf("bereiken Aardam: %v", r)
	}
	if r := jointRow(t, tab, "bereiken", "Bergdorp"); r["facilitator_respondents"] != "0" || r["meta_inference"] != "" {
		t.Errorf("bereiken Bergdorp: %v", r)
	}
}

// A municipality that a table suppresses is suppressed in the joint display as well.
func TestJointDisplayFollowsSuppression(t *testing.T) {
	d := jointData()
	// Bergdorp's survey shrinks to 3 scores: the scales table suppresses it, and Aardam
	// with it (the one other group).
	var keep []protected.Answer
	for _, a := range d.Survey.Answers() {
		if a.Respondent < "SJ" {
			keep = append(keep, a)
		}
	}
	d.Survey = protected.NewSurvey(keep)
	in := &Input{Data: d, Codebook: jointCodebook(t), Groups: []string{"municipality"}, MinCell: 5}
	res := &results.Results{MinCell: 5}
	Run(in, res)
	tab := res.Table("joint_display")
	for _, g := range []string{"Aardam", "Bergdorp"} {
		r := jointRow(t, tab, "kennen", g)
		if r["n"] != "" || r["mean"] != "" || r["pct_agree"] != "" {
			t.Errorf("%s: survey cells of a suppressed group: %v", g, r)
		}
		if r["meta_inference"] != OneSourceOnly {
			t.Errorf("%s: meta_inference %q", g, r["meta_inference"])
		}
	}
}

func TestMunicipalityBenchmark(t *testing.T) {
	sc := results.NewTable("scales",
		results.Column{Name: "scale", Kind: results.Text}, results.Column{Name: "group_by", Kind: results.Text},
		results.Column{Name: "group", Kind: results.Text}, results.Column{Name: "n", Kind: results.Int},
		results.Column{Name: "mean", Kind: results.Float}, results.Column{Name: "suppressed", Kind: results.Bool})
	sc.Add("k", "all", "all", 60, 3.1, false)
	sc.Add("k", "municipality", "Aardam", 10, 3.2, false)
	sc.Add("k", "municipality", "Bergdorp", 11, 2.9, false)
	sc.Add("k", "municipality", "Citadel", 12, 3.5, false)
	sc.Add("k", "municipality", "Duinwijk", 13, 2.9, false)
	sc.Add("k", "municipality", "Eemhoven", nil, nil, true)          // suppressed: in no benchmark
	sc.Add("k", "municipality", "Overige gemeenten", 14, 9.0, false) // the pool: not a municipality
	res := &results.Results{Tables: []*results.Table{sc}}
	in := &Input{Groups: []string{"municipality"}, Language: "nl"}
	MunicipalityBenchmark(in, res)
	tab := res.Table("municipality_benchmark")
	// R: m <- c(Aardam=3.2, Bergdorp=2.9, Citadel=3.5, Duinwijk=2.9)
	// rank(-m, ties.method="min"): 2 3 1 3; for each g, median/min/max of m[names(m) != g]:
	// Aardam 2.9 2.9 3.5; Bergdorp 3.2 2.9 3.5; Citadel 2.9 2.9 3.2; Duinwijk 3.2 2.9 3.5
	want := [][]string{
		{"k", "municipality", "Aardam", "10", "3.2", "2", "4", "2.9", "2.9", "3.5"},
		{"k", "municipality", "Bergdorp", "11", "2.9", "3", "4", "3.2", "2.9", "3.5"},
		{"k", "municipality", "Citadel", "12", "3.5", "1", "4", "2.9", "2.9", "3.2"},
		{"k", "municipality", "Duinwijk", "13", "2.9", "3", "4", "3.2", "2.9", "3.5"},
	}
	if len(tab.Rows) != len(want) {
		t.Fatalf("%d rows, want %d", len(tab.Rows), len(want))
	}
	for i, w := range want {
		for j, v := range w {
			if got := results.FormatCell(tab.Rows[i][j]); got != v {
				t.Errorf("row %d %s = %s, want %s", i, tab.Columns[j].Name, got, v)
			}
		}
	}
}

func TestPartnerPairs(t *testing.T) {
	cb := jointCodebook(t)
	var d protected.Dataset
	for i, role := range []string{"jongerenwerker", "jongerenwerker", "jeugdzorg", "jeugdzorg", "jeugdzorg"} {
		id := "R" + string(rune('A'+i))
		d.Respondents = append(d.Respondents, protected.Respondent{Pseudonym: id, Role: role, Municipality: "Aardam"})
	}
	add := func(seg, resp, text, code string) {
		d.Segments = append(d.Segments, protected.Segment{ID: seg, Respondent: resp, Text: text})
		d.Codings = append(d.Codings, protected.Coding{Segment: seg, Code: code, Raw: code, Coder: "A"})
	}
	add("RA/1", "RA", "Met de wijkagent heb ik korte lijnen.", "kennen.a")               // own jongerenwerk + politie: working
	add("RB/1", "RB", "De school en het wijkteam weten ons niet te vinden.", "kennen.b") // three partners: three pairs missing
	add("RC/1", "RC", "De wijkagent belt de school meteen.", "kennen.a")                 // jeugdzorg is no golden partner: politie + school
	add("RD/1", "RD", "Het wijkteam werkt goed.", "kennen.a")                            // one partner: no pair
	add("RE/1", "RE", "Niets over partners.", "kennen.b")
	in := &Input{Data: d, Codebook: cb, MinCell: 5}
	res := &results.Results{MinCell: 5}
	in.Prepare()
	PartnerPairs(in, res)
	tab := res.Table("partner_pairs")
	got := map[string]string{}
	for _, r := range tab.Rows {
		got[r[2].(string)+"-"+r[3].(string)] = results.FormatCell(r[4]) + "/" + results.FormatCell(r[5]) + "/" + results.FormatCell(r[6])
	}
	want := map[string]string{
		"wijkteam-jongerenwerk": "0/1/5", "wijkteam-politie": "0/0/5", "wijkteam-school": "0/1/5",
		"jongerenwerk-politie": "1/0/5", "jongerenwerk-school": "0/1/5", "politie-school": "1/0/5",
	}
	if len(got) != len(want) {
		t.Errorf("pairs %v", got)
	}
	for k, v := range want {
		if got[k] != v {
			t.Errorf("%s = %s, want %s (working/missing/group)", k, got[k], v)
		}
	}
}

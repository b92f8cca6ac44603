package disclosure

import (
	"fmt"
	"slices"
	"strings"
	"testing"

	"github.com/samenspel/samenspel/pipeline/protected"
	"github.com/samenspel/samenspel/pipeline/results"
)

// people makes respondents: for each "role/municipality=n", n respondents, pseudonyms
// by role abbreviation (the first two letters, upper case) and number.
func people(spec ...string) ([]protected.Respondent, map[string]bool) {
	var out []protected.Respondent
	all := map[string]bool{}
	next := map[string]int{}
	for _, s := range spec {
		var role, mun string
		var n int
		k, v, _ := strings.Cut(s, "=")
		role, mun, _ = strings.Cut(k, "/")
		fmt.Sscan(v, &n)
		for range n {
			ab := strings.ToUpper(role[:2])
			next[ab]++
			p := fmt.Sprintf("%s-%02d", ab, next[ab])
			out = append(out, protected.Respondent{Pseudonym: p, Role: role, Municipality: mun})
			all[p] = true
		}
	}
	return out, all
}

func statuses(d *Decision, by string) string {
	g := d.Groupings[Survey][by]
	var parts []string
	for _, v := range slices.Sorted(func(yield func(string) bool) {
		for k := range g.Status {
			if !yield(k) {
				return
			}
		}
	}) {
		parts = append(parts, v+":"+g.Status[v].String())
	}
	return strings.Join(parts, " ")
}

func TestDecidePoolsTheSmallWithTheNextSmallest(t *testing.T) {
	resp, all := people("jongerenwerker/Aardam=10", "jongerenwerker/Bergdorp=3", "jongerenwerker/Citadel=20")
	d := Decide(Input{Respondents: resp, Populations: []Population{{Name: "all", Strand: Survey, Members: all}}}, Rules{})
	if got, want := statuses(d, "municipality"), "Aardam:pooled Bergdorp:pooled Citadel:shown"; got != want {
		t.Errorf("pool: %s, want %s", got, want)
	}
	if l, st := d.Group(Survey, "municipality", "Bergdorp"); l != "Overige gemeenten" || st != Pooled {
		t.Errorf("Bergdorp: %q %v", l, st)
	}
	if !d.Shows(Survey, "municipality", "Overige gemeenten") || d.Shows(Survey, "municipality", "Bergdorp") || !d.Shows(Survey, "municipality", "Citadel") {
		t.Error("Shows")
	}
	// Two small ones that together reach min_cell are pooled alone.
	resp, all = people("jongerenwerker/Aardam=10", "jongerenwerker/Bergdorp=3", "jongerenwerker/Duinwijk=2", "jongerenwerker/Citadel=20")
	d = Decide(Input{Respondents: resp, Populations: []Population{{Name: "all", Strand: Survey, Members: all}}}, Rules{Language: "en"})
	if got, want := statuses(d, "municipality"), "Aardam:shown Bergdorp:pooled Citadel:shown Duinwijk:pooled"; got != want {
		t.Errorf("pool: %s, want %s", got, want)
	}
	if d.Groupings[Survey]["municipality"].Pool != "Other municipalities" {
		t.Errorf("pool label %q", d.Groupings[Survey]["municipality"].Pool)
	}
	// All together under min_cell: nothing can be shown.
	resp, all = people("jongerenwerker/Aardam=2", "jongerenwerker/Bergdorp=1")
	d = Decide(Input{Respondents: resp, Populations: []Population{{Name: "all", Strand: Survey, Members: all}}}, Rules{})
	if got, want := statuses(d, "municipality"), "Aardam:suppressed Bergdorp:suppressed"; got != want {
		t.Errorf("tiny: %s, want %s", got, want)
	}
}

func TestDecideSuppressHidesEnoughToProtect(t *testing.T) {
	resp, all := people("jongerenwerker/Aardam=10", "jongerenwerker/Bergdorp=3", "jongerenwerker/Citadel=20")
	d := Decide(Input{Respondents: resp, Populations: []Population{{Name: "all", Strand: Survey, Members: all}}}, Rules{SmallGroups: Suppress})
	if got, want := statuses(d, "municipality"), "Aardam:suppressed Bergdorp:suppressed Citadel:shown"; got != want {
		t.Errorf("suppress: %s, want %s", got, want)
	}
	// Two small ones that are small together: the next smallest is hidden too.
	resp, all = people("jongerenwerker/Aardam=10", "jongerenwerker/Bergdorp=2", "jongerenwerker/Duinwijk=1", "jongerenwerker/Citadel=20")
	d = Decide(Input{Respondents: resp, Populations: []Population{{Name: "all", Strand: Survey, Members: all}}}, Rules{SmallGroups: Suppress})
	if got, want := statuses(d, "municipality"), "Aardam:suppressed Bergdorp:suppressed Citadel:shown Duinwijk:suppressed"; got != want {
		t.Errorf("suppress: %s, want %s", got, want)
	}
}

// A group that is large among all respondents but small among the interviewed is small.
func TestDecideEveryPopulation(t *testing.T) {
	resp, all := people("jongerenwerker/Aardam=20", "jongerenwerker/Bergdorp=20", "jongerenwerker/Citadel=20")
	interviewed := map[string]bool{"JO-01": true, "JO-02": true, "JO-21": true, "JO-22": true, "JO-23": true, "JO-24": true, "JO-25": true, "JO-41": true, "JO-42": true, "JO-43": true, "JO-44": true, "JO-45": true}
	d := Decide(Input{Respondents: resp, Populations: []Population{{Name: "all", Strand: Survey, Members: all}, {Name: "interviewed", Strand: Survey, Members: interviewed}}}, Rules{})
	if got, want := statuses(d, "municipality"), "Aardam:pooled Bergdorp:pooled Citadel:shown"; got != want {
		t.Errorf("%s, want %s", got, want)
	}
	// Respondents without a municipality, fewer than min_cell, join the pool.
	resp, all = people("jongerenwerker/Aardam=20", "jongerenwerker/Bergdorp=10", "jongerenwerker/=2")
	d = Decide(Input{Respondents: resp, Populations: []Population{{Name: "all", Strand: Survey, Members: all}}}, Rules{})
	if got, want := statuses(d, "municipality"), ":pooled Aardam:shown Bergdorp:pooled"; got != want {
		t.Errorf("%s, want %s", got, want)
	}
}

func TestDecideRespondentRows(t *testing.T) {
	resp, all := people("jongerenwerker/Aardam=6", "jongerenwerker/Bergdorp=6", "wijkagent/Aardam=1", "jeugdzorgprofessional/Bergdorp=7")
	d := Decide(Input{Respondents: resp, Populations: []Population{{Name: "all", Strand: Survey, Members: all}}, Rows: []Population{{Name: "rows", Strand: Survey, Members: all}}}, Rules{})
	if !d.Neutral["wijkagent"] || d.Neutral["jongerenwerker"] {
		t.Errorf("neutral roles %v", d.Neutral)
	}
	// The wijkagent alone would be a group of 1 without a role: the next smallest
	// (jongerenwerker 12 or jeugdzorgprofessional 7) joins it.
	if !d.Neutral["jeugdzorgprofessional"] {
		t.Errorf("the neutral group is small: %v", d.Neutral)
	}
	if d.Published("WI-01") == "WI-01" || !strings.HasPrefix(d.Published("WI-01"), "OV-") {
		t.Errorf("the wijkagent keeps a pseudonym with its role: %s", d.Published("WI-01"))
	}
	v, ok := d.View(d.Published("WI-01"))
	if !ok || v.Role != "" {
		t.Errorf("view %+v %v", v, ok)
	}
	// Cells jongerenwerker x Aardam = 6 but (no role) x Aardam = 1: no municipality in rows.
	if d.MunicipalityInRows {
		t.Error("municipality shown in rows with a small cell")
	}
	ds := protected.Dataset{Respondents: slices.Clone(resp), Segments: []protected.Segment{{ID: "WI-01/001", Respondent: "WI-01"}},
		Codings: []protected.Coding{{Segment: "WI-01/001"}}, Survey: protected.NewSurvey([]protected.Answer{{Respondent: "WI-01", Item: "K1"}})}
	d.Rename(&ds)
	p := d.Published("WI-01")
	if ds.Segments[0].ID != p+"/001" || ds.Segments[0].Respondent != p || ds.Codings[0].Segment != p+"/001" || ds.Survey.Respondents[0] != p {
		t.Errorf("renamed: %+v", ds)
	}
	// Large cells: the municipality is shown.
	resp, all = people("jongerenwerker/Aardam=6", "jongerenwerker/Bergdorp=6")
	d = Decide(Input{Respondents: resp, Populations: []Population{{Name: "all", Strand: Survey, Members: all}}, Rows: []Population{{Name: "rows", Strand: Survey, Members: all}}}, Rules{})
	if v, _ := d.View("JO-01"); !d.MunicipalityInRows || v.Municipality != "Aardam" || v.Role != "jongerenwerker" {
		t.Errorf("view %+v", v)
	}
}

func TestEnforce(t *testing.T) {
	resp, all := people("jongerenwerker/Aardam=10", "jongerenwerker/Bergdorp=3", "jongerenwerker/Citadel=20")
	d := Decide(Input{Respondents: resp, Populations: []Population{{Name: "surveyed", Strand: Survey, Members: all}, {Name: "interviewed", Strand: Interviews, Members: all}}, Rows: []Population{{Name: "rows", Members: all}}}, Rules{})
	res := &results.Results{}
	sc := results.NewTable("scales", results.Column{Name: "group_by"}, results.Column{Name: "group"}, results.Column{Name: "n", Kind: results.Int}, results.Column{Name: "suppressed", Kind: results.Bool})
	sc.Add("all", "all", 33, false)
	sc.Add("municipality", "Bergdorp", 3, false)           // a pooled group by its own name
	sc.Add("municipality", "Overige gemeenten", 13, false) // the pool
	sc.Add("municipality", "Citadel", 20, false)
	sc.Add("municipality", "Citadel", 4, false) // a small n, whatever the decision said
	cmp := results.NewTable("comparisons", results.Column{Name: "group_by"}, results.Column{Name: "n", Kind: results.Int})
	cmp.Add("municipality", 33)
	cmp.Add("municipality: Aardam vs Citadel", 30)
	cmp.Add("municipality: Citadel vs Overige gemeenten", 33)
	rows := results.NewTable("code_presence", results.Column{Name: "respondent"}, results.Column{Name: "role"}, results.Column{Name: "municipality"})
	rows.Add("JO-01", "jongerenwerker", "Aardam")
	rows.Add("XX-99", "jongerenwerker", "Aardam") // unknown to the decision
	res.Add(sc)
	res.Add(cmp)
	res.Add(rows)
	d.Enforce(res)
	var got []string
	for _, tb := range res.Tables[:3] {
		for _, r := range tb.Rows {
			got = append(got, fmt.Sprint(r))
		}
	}
	want := []string{"[all all 33 false]", "[municipality Overige gemeenten 13 false]", "[municipality Citadel 20 false]",
		"[municipality 33]", "[municipality: Citadel vs Overige gemeenten 33]", "[JO-01 jongerenwerker Overige gemeenten]"}
	if !slices.Equal(got, want) {
		t.Errorf("after Enforce:\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	if res.Table("disclosure") == nil || len(res.Notes) == 0 || !strings.Contains(res.Notes[0].NL, "Aardam, Bergdorp") {
		t.Errorf("disclosure table or note missing: %+v", res.Notes)
	}
}

func csvTable(s string) [][]string {
	var out [][]string
	for _, line := range strings.Split(strings.TrimSpace(s), "\n") {
		out = append(out, strings.Split(strings.TrimSpace(line), ","))
	}
	return out
}

func attack(tables map[string]string, cases ...Case) []string {
	p := Published{Tables: map[string][][]string{}, MinCell: 5, Cases: cases}
	for k, v := range tables {
		p.Tables[k] = csvTable(v)
	}
	var out []string
	for _, f := range Attack(p) {
		out = append(out, f.String())
	}
	return out
}

func hasFinding(fs []string, sub string) bool {
	for _, f := range fs {
		if strings.Contains(f, sub) {
			return true
		}
	}
	return false
}

func TestAttackDifferencing(t *testing.T) {
	// All minus the shown groups, one group hidden: its n follows.
	fs := attack(map[string]string{"scales": `scale,group_by,group,n
		kennen,all,all,40
		kennen,municipality,Aardam,20
		kennen,municipality,Bergdorp,17`})
	if !hasFinding(fs, "groups named nowhere and respondents without a municipality (score kennen) = 3 (from scales)") {
		t.Errorf("all minus shown: %v", fs)
	}
	// Two hidden groups, one of them given away by a Dunn pair's n (issue 13).
	fs = attack(map[string]string{"scales": `scale,group_by,group,n
		kennen,all,all,50
		kennen,municipality,Aardam,21
		kennen,municipality,Bergdorp,20`, "comparisons": `measure,group_by,test,n
		kennen,municipality: Aardam vs Citadel,dunn,27`})
	if !hasFinding(fs, "groups named nowhere and respondents without a municipality (score kennen) = 3 (from comparisons, scales)") {
		t.Errorf("Dunn: %v", fs)
	}
	// A test's n against the total: the group left out.
	fs = attack(map[string]string{"code_frequencies": `factor,code,group_by,group,group_respondents
		kennen,*,all,all,24`, "comparisons": `measure,group_by,test,n
		kennen,role,chi_square,20`})
	if !hasFinding(fs, "role: respondents left out of a test of kennen (coded) = 4") {
		t.Errorf("test n: %v", fs)
	}
	// The sample: interviewed plus surveyed; and an item answered by every surveyed
	// respondent, where another role was hidden (issue 13's items.csv attack).
	fs = attack(map[string]string{"sample": `group_by,group,respondents,suppressed,interviewed,surveyed
		all,all,36,false,7,29
		role,jongerenwerker,20,false,0,20
		role,wijkagent,8,false,0,8`, "items": `scale,item,group_by,group,n
		kennen,K1,all,all,29
		kennen,K1,role,jongerenwerker,20`})
	if !hasFinding(fs, "(item kennen/K1) = 1 (from items, sample)") {
		t.Errorf("items: %v", fs)
	}
	// Pooled groups with their pool and nothing hidden: nothing to find.
	fs = attack(map[string]string{"scales": `scale,group_by,group,n
		kennen,all,all,40
		kennen,municipality,Aardam,20
		kennen,municipality,Overige gemeenten,20`, "disclosure": `group_by,group,status,shown_as
		municipality,Aardam,shown,Aardam
		municipality,Bergdorp,pooled,Overige gemeenten
		municipality,Citadel,pooled,Overige gemeenten`, "comparisons": `measure,group_by,test,n
		kennen,municipality,kruskal_wallis,40`})
	if len(fs) != 0 {
		t.Errorf("pooled: %v", fs)
	}
	// A small group shown directly.
	fs = attack(map[string]string{"sample": `group_by,group,respondents,suppressed,interviewed,surveyed
		all,all,40,false,10,30
		municipality,Aardam,21,false,1,20
		municipality,Bergdorp,19,false,9,10`})
	if !hasFinding(fs, "municipality Aardam (sample interviewed) = 1") {
		t.Errorf("shown: %v", fs)
	}
}

func TestAttackRespondentRows(t *testing.T) {
	// The only wijkagent, by its pseudonym; a small role x municipality cell.
	fs := attack(map[string]string{"code_presence": `respondent,role,municipality
		JW-01,jongerenwerker,Aardam
		JW-02,jongerenwerker,Aardam
		JW-03,jongerenwerker,Aardam
		JW-04,jongerenwerker,Aardam
		JW-05,jongerenwerker,Aardam
		JW-06,jongerenwerker,Bergdorp
		WA-01,,`})
	for _, want := range []string{"prefix WA = 1", "role jongerenwerker x municipality Bergdorp = 1"} {
		if !hasFinding(fs, want) {
			t.Errorf("%s not found: %v", want, fs)
		}
	}
	// A quote's blank municipality filled in from code_presence by pseudonym.
	fs = attack(map[string]string{"code_presence": `respondent,role,municipality
		JW-01,jongerenwerker,
		JW-02,jongerenwerker,Aardam
		JW-03,jongerenwerker,Aardam
		JW-04,jongerenwerker,Aardam
		JW-05,jongerenwerker,Aardam
		JW-06,jongerenwerker,Aardam`, "quotes": `factor,code,respondent,role,municipality,quote
		kennen,kennen.persoonlijk,JW-01,jongerenwerker,Bergdorp,...`})
	if !hasFinding(fs, "municipality Bergdorp = 1 (from code_presence, quotes)") {
		t.Errorf("join: %v", fs)
	}
	// Blanks filled in from the one municipality whose total lacks rows.
	fs = attack(map[string]string{"code_presence": `respondent,role,municipality
		JW-01,jongerenwerker,
		JW-02,jongerenwerker,
		JW-03,jongerenwerker,Aardam
		JW-04,jongerenwerker,Aardam
		JW-05,jongerenwerker,Aardam
		JW-06,jongerenwerker,Aardam
		JW-07,jongerenwerker,Aardam
		JZ-01,jeugdzorgprofessional,Bergdorp
		JZ-02,jeugdzorgprofessional,Bergdorp
		JZ-03,jeugdzorgprofessional,Bergdorp
		JZ-04,jeugdzorgprofessional,Bergdorp
		JZ-05,jeugdzorgprofessional,Bergdorp`, "code_frequencies": `factor,code,group_by,group,group_respondents
		kennen,*,municipality,Aardam,5
		kennen,*,municipality,Bergdorp,7`})
	if !hasFinding(fs, "role jongerenwerker x municipality Bergdorp = 2 (from code_frequencies, code_presence)") {
		t.Errorf("fill in: %v", fs)
	}
	// review.qdpx cases.
	var cases []Case
	for i := range 6 {
		cases = append(cases, Case{Name: fmt.Sprintf("JW-%02d", i+1), Variables: map[string]string{"rol": "jongerenwerker", "gemeente": "Aardam"}})
	}
	cases = append(cases, Case{Name: "JZ-01", Variables: map[string]string{"rol": "jeugdzorgprofessional", "gemeente": "Aardam"}})
	fs = attack(nil, cases...)
	if !hasFinding(fs, "role jeugdzorgprofessional x municipality Aardam = 1 (from review.qdpx)") {
		t.Errorf("review.qdpx: %v", fs)
	}
}

// A municipality with many surveyed respondents and two interviewees is pooled in the
// interview tables only; the sample then counts its respondents per group nowhere.
func TestDecidePerStrand(t *testing.T) {
	resp, _ := people("jongerenwerker/Aardam=20", "jongerenwerker/Bergdorp=20", "jongerenwerker/Citadel=20")
	surveyed, interviewed := map[string]bool{}, map[string]bool{}
	for i, r := range resp {
		if i%20 < 14 {
			surveyed[r.Pseudonym] = true
		} else if r.Municipality != "Aardam" || i%20 < 16 {
			interviewed[r.Pseudonym] = true // Aardam: 2 interviewees; the others 6
		}
	}
	d := Decide(Input{Respondents: resp, Populations: []Population{
		{Name: "surveyed", Strand: Survey, Members: surveyed}, {Name: "interviewed", Strand: Interviews, Members: interviewed}}}, Rules{})
	if _, st := d.Group(Survey, "municipality", "Aardam"); st != Shown {
		t.Errorf("survey: Aardam %v", st)
	}
	if l, st := d.Group(Interviews, "municipality", "Aardam"); st != Pooled || l != "Overige gemeenten" {
		t.Errorf("interviews: Aardam %q %v", l, st)
	}
	if d.Same("municipality") {
		t.Error("the strands group alike")
	}
	tb := d.Table()
	if tb.Col("strand") != 1 || len(tb.Rows) != 6+2 { // 3 municipalities and 1 role, per strand
		t.Errorf("disclosure table: %v", tb.Rows)
	}
}

// Issue 13: respondent-level code profiles with the municipality blank, and respondents
// per code per municipality: one assignment fits, so every role x municipality cell
// follows. JW-01 and JZ-01 have c1 (2 in X), JW-02 has c2 (0 in X), JZ-02 has c3 (1 in
// X), and X has 3: JW x X = 1, JZ x X = 2, JW x Y = 2, JZ x Y = 1.
func TestAttackProfileAssignment(t *testing.T) {
	presence := `respondent,role,municipality,c1,c2,c3
JW-01,jongerenwerker,,1,0,0
JZ-01,jeugdzorgprofessional,,1,0,0
JW-02,jongerenwerker,,0,1,0
JZ-02,jeugdzorgprofessional,,0,0,1
JW-03,jongerenwerker,,0,0,0
JZ-03,jeugdzorgprofessional,,0,0,0`
	freq := `factor,code,group_by,group,respondents,group_respondents,suppressed
f,*,all,all,4,6,false
f,c1,all,all,2,6,false
f,c2,all,all,1,6,false
f,c3,all,all,1,6,false
f,*,municipality,X,3,3,false
f,c1,municipality,X,2,3,false
f,c2,municipality,X,0,3,false
f,c3,municipality,X,1,3,false
f,*,municipality,Y,1,3,false
f,c1,municipality,Y,0,3,false
f,c2,municipality,Y,1,3,false
f,c3,municipality,Y,0,3,false`
	fs := attack(map[string]string{"code_presence": presence, "code_frequencies": freq})
	for _, want := range []string{
		"role jongerenwerker x municipality X (code profiles assigned to groups) = 1",
		"role jeugdzorgprofessional x municipality X (code profiles assigned to groups) = 2",
		"role jongerenwerker x municipality Y (code profiles assigned to groups) = 2",
		"role jeugdzorgprofessional x municipality Y (code profiles assigned to groups) = 1",
	} {
		if !hasFinding(fs, want) {
			t.Errorf("not found: %s in %q", want, fs)
		}
	}
	// Without c3's counts JZ-02 may be in X or Y: no cell follows.
	var fewer []string
	for _, l := range strings.Split(freq, "\n") {
		if !strings.Contains(l, ",c3,") {
			fewer = append(fewer, l)
		}
	}
	if fs := attack(map[string]string{"code_presence": presence, "code_frequencies": strings.Join(fewer, "\n")}); hasFinding(fs, "code profiles") {
		t.Errorf("an assignment claimed where two fit: %q", fs)
	}
	// Codes not counted per municipality (the fix): nothing to assign against.
	var none []string
	for _, l := range strings.Split(freq, "\n") {
		if !strings.Contains(l, ",municipality,") {
			none = append(none, l)
		}
	}
	if fs := attack(map[string]string{"code_presence": presence, "code_frequencies": strings.Join(none, "\n")}); hasFinding(fs, "code profiles") {
		t.Errorf("an assignment claimed without counts per municipality: %q", fs)
	}
}

// A grouping the rows have no column for (gender) is blank for everyone: its code
// counts assign the profiles as well.
func TestAttackProfileAssignmentOtherGrouping(t *testing.T) {
	presence := `respondent,role,c1,c2
JW-01,jongerenwerker,1,0
JW-02,jongerenwerker,0,1
JW-03,jongerenwerker,0,0
JZ-01,jeugdzorgprofessional,0,0`
	freq := `factor,code,group_by,group,respondents,group_respondents,suppressed
f,c1,all,all,1,4,false
f,c2,all,all,1,4,false
f,c1,gender,m,1,2,false
f,c2,gender,m,0,2,false
f,c1,gender,v,0,2,false
f,c2,gender,v,1,2,false`
	// JW-01 is m, JW-02 v; JW-03 and JZ-01 fill one place each, either way round.
	fs := attack(map[string]string{"code_presence": presence, "code_frequencies": freq})
	if hasFinding(fs, "role jongerenwerker x gender") {
		t.Errorf("a cell claimed that two assignments give differently: %q", fs)
	}
	// With JZ-01 known to have c2 (so in v), every cell follows.
	presence = strings.Replace(presence, "JZ-01,jeugdzorgprofessional,0,0", "JZ-01,jeugdzorgprofessional,0,1", 1)
	freq = strings.Replace(strings.Replace(freq, "f,c2,gender,v,1,2", "f,c2,gender,v,2,2", 1), "f,c2,all,all,1", "f,c2,all,all,2", 1)
	fs = attack(map[string]string{"code_presence": presence, "code_frequencies": freq})
	for _, want := range []string{"role jongerenwerker x gender m (code profiles assigned to groups) = 2", "role jeugdzorgprofessional x gender v (code profiles assigned to groups) = 1"} {
		if !hasFinding(fs, want) {
			t.Errorf("not found: %s in %q", want, fs)
		}
	}
}

// Issue 13: while the rows leave the municipality blank (jeugdzorgprofessional x
// Bergdorp = 2), codes are not counted per municipality, nor per a grouping the rows
// never show (gender); per role they are. With every cell large they are per
// municipality too.
func TestEnforceCodeCounts(t *testing.T) {
	run := func(spec ...string) []string {
		resp, all := people(spec...)
		for i := range resp {
			resp[i].Attributes = map[string]string{"gender": []string{"m", "v"}[i%2]}
		}
		d := Decide(Input{Respondents: resp, Groupings: []string{"gender"}, Populations: []Population{{Name: "interviewed", Strand: Interviews, Members: all}}, Rows: []Population{{Name: "rows", Members: all}}}, Rules{})
		res := &results.Results{}
		cf := results.NewTable("code_frequencies", results.Column{Name: "code"}, results.Column{Name: "group_by"}, results.Column{Name: "group"}, results.Column{Name: "respondents", Kind: results.Int})
		cf.Add("c", "all", "all", 9)
		cf.Add("c", "role", "jongerenwerker", 5)
		cf.Add("c", "municipality", "Aardam", 5)
		cf.Add("c", "municipality", "Bergdorp", 4)
		cf.Add("c", "gender", "m", 5)
		cmp := results.NewTable("comparisons", results.Column{Name: "measure"}, results.Column{Name: "group_by"}, results.Column{Name: "test"})
		cmp.Add("f", "role", "chi_square")
		cmp.Add("f", "municipality", "chi_square")
		res.Add(cf)
		res.Add(cmp)
		d.Enforce(res)
		var got []string
		for _, tb := range res.Tables[:2] {
			for _, r := range tb.Rows {
				got = append(got, fmt.Sprint(r))
			}
		}
		for _, n := range res.Notes {
			if strings.Contains(n.EN, "not counted per") {
				got = append(got, n.EN[:strings.Index(n.EN, ":")])
			}
		}
		return got
	}
	got := run("jongerenwerker/Aardam=6", "jongerenwerker/Bergdorp=6", "jeugdzorgprofessional/Aardam=6", "jeugdzorgprofessional/Bergdorp=2")
	want := []string{"[c all all 9]", "[c role jongerenwerker 5]", "[f role chi_square]", "Codes are not counted per municipality", "Codes are not counted per gender"}
	if !slices.Equal(got, want) {
		t.Errorf("a small cell:\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	got = run("jongerenwerker/Aardam=6", "jongerenwerker/Bergdorp=6", "jeugdzorgprofessional/Aardam=6", "jeugdzorgprofessional/Bergdorp=6")
	want = []string{"[c all all 9]", "[c role jongerenwerker 5]", "[c municipality Aardam 5]", "[c municipality Bergdorp 4]", "[f role chi_square]", "[f municipality chi_square]", "Codes are not counted per gender"}
	if !slices.Equal(got, want) {
		t.Errorf("no small cell:\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

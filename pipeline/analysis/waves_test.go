package analysis

import (
	"math/rand/v2"
	"strconv"
	"strings"
	"testing"

	"github.com/samenspel/samenspel/codebook"
	"github.com/samenspel/samenspel/pipeline/protected"
	"github.com/samenspel/samenspel/pipeline/results"
)

const waveCodebook = `
name: waves
version: "1"
factors: [{id: kennen, label: {en: Knowing each other}, codes: [{id: kennen.persoonlijk, valence: facilitator}]}]
scales:
  - id: kennen
    factor: kennen
    label: {en: Knowing each other}
    answers: {1: a, 2: b, 3: c, 4: d, 5: e}
    agree_from: 4
    items: [{id: K1}, {id: K2}]
`

// waveAnswers: respondent, municipality, wave, K1, K2. A: 10 people in both waves and 2
// new in 2025; B: 5 in both, 1 only in 2024, 2 only in 2025; C: 3 in each wave, none
// in both.
const waveAnswers = `a01,A,2024,3,4 a01,A,2025,3,3 a02,A,2024,2,1 a02,A,2025,3,2 a03,A,2024,3,3 a03,A,2025,2,1
a04,A,2024,3,3 a04,A,2025,3,5 a05,A,2024,2,1 a05,A,2025,3,3 a06,A,2024,4,3 a06,A,2025,5,5 a07,A,2024,2,2
a07,A,2025,1,1 a08,A,2024,4,4 a08,A,2025,5,5 a09,A,2024,3,3 a09,A,2025,3,2 a10,A,2024,4,3 a10,A,2025,5,4
a11,A,2025,3,3 a12,A,2025,5,4 b01,B,2024,4,5 b01,B,2025,5,3 b02,B,2024,3,3 b02,B,2025,3,4 b03,B,2024,3,3
b03,B,2025,4,5 b04,B,2024,2,3 b04,B,2025,4,3 b05,B,2024,4,3 b05,B,2025,5,4 b06,B,2024,2,4 b07,B,2025,2,3
b08,B,2025,3,3 c01,C,2024,2,3 c04,C,2025,4,4 c02,C,2024,1,2 c05,C,2025,4,4 c03,C,2024,2,2 c06,C,2025,4,3`

func waveInput(t *testing.T, extra string) *Input {
	t.Helper()
	return waveInputFrom(t, waveAnswers+" "+extra)
}

// waveInputFrom is waveInput over the given rows (respondent, municipality, wave, then
// K1, K2, ... as far as the row goes).
func waveInputFrom(t *testing.T, rows string) *Input {
	t.Helper()
	cb, err := codebook.ParseYAML([]byte(waveCodebook))
	if err != nil {
		t.Fatal(err)
	}
	var d protected.Dataset
	var answers []protected.Answer
	for _, line := range strings.Fields(rows) {
		f := strings.Split(line, ",")
		d.Respondents = append(d.Respondents, protected.Respondent{Pseudonym: f[0], Municipality: f[1], Role: "jw", Wave: f[2]})
		for j, v := range f[3:] {
			x, _ := strconv.ParseFloat(v, 64)
			answers = append(answers, protected.Answer{Respondent: f[0], Wave: f[2], Item: "K" + strconv.Itoa(j+1), Value: x})
		}
	}
	d.Survey = protected.NewSurvey(answers)
	in := &Input{Data: d, Codebook: cb, Language: "en", Groups: []string{"municipality", "wave"}, MinCell: 5}
	in.Prepare()
	return in
}

// R 4.2.2, rstatix 0.7.2, with the rows of waveAnswers in data.txt:
//
//	> d <- read.csv("data.txt", header = FALSE, col.names = c("id", "mun", "wave", "K1", "K2"))
//	> d$score <- (d$K1 + d$K2) / 2
//	> a <- s[s$wave == 2024, ]; b <- s[s$wave == 2025, ]    # s: d, or d's rows of one municipality
//	> p <- merge(a, b, by = "id", suffixes = c(".a", ".b"))
//	> wilcox.test(round(p$score.b - p$score.a, 9)); t.test(p$score.b, p$score.a, paired = TRUE)
//	> wilcox_effsize(data.frame(id = rep(p$id, 2), g = factor(rep(c("b", "a"), each = nrow(p))),
//	+                           v = c(p$score.b, p$score.a)), v ~ g, paired = TRUE)
//	> wilcox.test(b$score, a$score); t.test(b$score, a$score)
//	> wilcox_effsize(data.frame(g = factor(rep(c("b", "a"), c(nrow(b), nrow(a)))),
//	+                           v = c(b$score, a$score)), v ~ g)
//	(every test with continuity correction: the scores tie)
//	                  n     mean_from            mean_to         change               ci_low               ci_high             V/W    p                    r
//	all paired       15     3                  3.4666666666666668 0.46666666666666667 -0.081815408094735004 1.0151487414280682  91     0.078500643945737678 0.46173609546197286
//	all independent  19/22  2.8421052631578947 3.4772727272727271 0.63516746411483238  0.030046311995523409 1.2402886162341413  286.5  0.041419361337211434 0.32055439527045676
//	A paired         10     2.85               3.2                0.35                -0.44175500697937176  1.1417550069793718  38     0.30008295117130945  0.34407740661799696
//	A independent    10/12  2.85               3.2916666666666665 0.44166666666666643 -0.54761828006298097  1.4309516133963138  70     0.52549839507038054  0.14248376795245973
//	B paired          5     3.3                4                  0.7                 -0.24153834417421921  1.6415383441742191  13.5   0.13441657417036029  0.73029674334022143
//	> a <- d$score[d$wave == 2024 & d$mun == "A"]; t.test(a)$conf.int; sd(a)
//	n 10, mean 2.85, sd 0.88349055204657145, ci 2.2179889322336503 3.4820110677663498, median 3
//
// The statistics are checked with min_cell 1 (nothing but empty cells suppressed): with
// min_cell 5 the paired rows of all and A are suppressed, their 4 and 2 people beside
// the pairs being a small cell (see TestWaveNewcomersSuppressed).
func TestWaveComparisonsMatchR(t *testing.T) {
	in := waveInput(t, "")
	in.MinCell = 1
	res := &results.Results{}
	Waves(in, res)
	tab := res.Table("wave_comparisons")
	if tab == nil {
		t.Fatal("no table wave_comparisons")
	}
	noFloatTrouble(t, tab)
	cols := []string{"n", "mean_from", "mean_to", "change", "ci_low", "ci_high", "statistic", "p", "effect_size"}
	for _, c := range []struct {
		group, design string
		want          [9]float64
	}{
		{"all", WavePaired, [9]float64{15, 3, 3.4666666666666668, 0.46666666666666667, -0.081815408094735004, 1.0151487414280682, 91, 0.078500643945737678, 0.46173609546197286}},
		{"all", WaveIndependent, [9]float64{41, 2.8421052631578947, 3.4772727272727271, 0.63516746411483238, 0.030046311995523409, 1.2402886162341413, 286.5, 0.041419361337211434, 0.32055439527045676}},
		{"A", WavePaired, [9]float64{10, 2.85, 3.2, 0.35, -0.44175500697937176, 1.1417550069793718, 38, 0.30008295117130945, 0.34407740661799696}},
		{"A", WaveIndependent, [9]float64{22, 2.85, 3.2916666666666665, 0.44166666666666643, -0.54761828006298097, 1.4309516133963138, 70, 0.52549839507038054, 0.14248376795245973}},
		{"B", WavePaired, [9]float64{5, 3.3, 4, 0.7, -0.24153834417421921, 1.6415383441742191, 13.5, 0.13441657417036029, 0.73029674334022143}},
	} {
		by := "municipality"
		if c.group == "all" {
			by = "all"
		}
		row := findRow(t, tab, map[string]string{"group_by": by, "group": c.group, "design": c.design, "wave_from": "2024", "wave_to": "2025"})
		for i, col := range cols {
			checkNum(t, tab, row, col, c.want[i], 1e-12)
		}
		if cell(t, tab, row, "suppressed") != false || cell(t, tab, row, "exact") != false {
			t.Errorf("%s %s: suppressed or exact: %v", c.group, c.design, row)
		}
	}
	row := findRow(t, tab, map[string]string{"group_by": "all", "design": WaveIndependent})
	if n := cell(t, tab, row, "n_from"); n != 19 {
		t.Errorf("n_from = %v, want 19", n)
	}
	if note, _ := cell(t, tab, row, "note").(string); !strings.HasPrefix(note, "15 respondent(s) in both waves") {
		t.Errorf("note = %q, want the overlap named", note)
	}
	row = findRow(t, tab, map[string]string{"group_by": "municipality", "group": "C", "design": WavePaired})
	if cell(t, tab, row, "suppressed") != true {
		t.Errorf("C paired (0 pairs) not suppressed: %v", row)
	}
	// The wave itself is no grouping of the comparisons.
	for _, r := range tab.Rows {
		if r[tab.Col("group_by")] == "wave" {
			t.Fatalf("row grouped by wave: %v", r)
		}
	}
	// Families: one per test and grouping; Holm over the all row's two tests is its
	// own family each.
	row = findRow(t, tab, map[string]string{"group_by": "municipality", "group": "A", "design": WavePaired})
	if f := cell(t, tab, row, "family"); f != "waves/wilcoxon_signed_rank/municipality" {
		t.Errorf("family %v", f)
	}
	// A's and B's paired p values adjusted together (Holm over 2 tests): R
	// p.adjust(c(0.30008295117130945, 0.13441657417036029), "holm") = 0.3000829511713, 0.2688331483407
	checkNum(t, tab, row, "p_holm", 0.30008295117130945, 1e-12)
	row = findRow(t, tab, map[string]string{"group_by": "municipality", "group": "B", "design": WavePaired})
	checkNum(t, tab, row, "p_holm", 0.26883314834072058, 1e-12)

	in.MinCell = 5
	res = &results.Results{}
	Waves(in, res)
	tab = res.Table("wave_comparisons")
	// C has 3 scores a wave (< 5): suppressed, and B, the next smallest, with it, so
	// that C does not follow from "all" minus A. B's 5 pairs stand: the 0 pairs of C
	// leave nothing to recover.
	for _, g := range []string{"B", "C"} {
		row := findRow(t, tab, map[string]string{"group_by": "municipality", "group": g, "design": WaveIndependent})
		if cell(t, tab, row, "suppressed") != true || cell(t, tab, row, "n") != nil || cell(t, tab, row, "p") != nil {
			t.Errorf("%s independent not suppressed: %v", g, row)
		}
	}
	ws := res.Table("wave_scales")
	checkHeader(t, ws, "scale", "wave", "group_by", "group", "n", "mean", "sd", "ci_low", "ci_high", "median", "pct_agree", "suppressed")
	row = findRow(t, ws, map[string]string{"wave": "2024", "group_by": "municipality", "group": "A"})
	for col, w := range map[string]float64{"n": 10, "mean": 2.85, "sd": 0.88349055204657145, "ci_low": 2.2179889322336503, "ci_high": 3.4820110677663498, "median": 3} {
		checkNum(t, ws, row, col, w, 1e-12)
	}
	for _, g := range []string{"B", "C"} {
		row := findRow(t, ws, map[string]string{"wave": "2025", "group_by": "municipality", "group": g})
		if cell(t, ws, row, "suppressed") != true {
			t.Errorf("wave_scales %s not suppressed", g)
		}
	}
	if !hasNote(res, "wave_scales", "Knowing each other: 2 group(s) by municipality with fewer than 5 respondents in a wave") {
		t.Errorf("no note on the suppressed cells: %+v", res.Notes)
	}
}

// A third wave adds the Kruskal-Wallis test over the three waves, a study of one wave
// gets no wave tables, and waves are ordered as numbers.
func TestWavesThreeAndOne(t *testing.T) {
	extra := "a01,A,2026,4,4 a02,A,2026,4,5 a03,A,2026,3,3 a04,A,2026,5,5 a05,A,2026,4,3"
	in := waveInput(t, extra)
	res := &results.Results{}
	Waves(in, res)
	tab := res.Table("wave_comparisons")
	row := findRow(t, tab, map[string]string{"group_by": "all", "test": KruskalTest})
	if cell(t, tab, row, "wave_from") != "2024" || cell(t, tab, row, "wave_to") != "2026" || cell(t, tab, row, "df") != 2 {
		t.Errorf("Kruskal-Wallis row %v", row)
	}
	if cell(t, tab, row, "effect_name") != "eta_squared_h" {
		t.Errorf("effect %v", cell(t, tab, row, "effect_name"))
	}
	findRow(t, tab, map[string]string{"group_by": "all", "design": WavePaired, "wave_from": "2025", "wave_to": "2026"})

	cb, _ := codebook.ParseYAML([]byte(waveCodebook))
	one := &Input{Data: protected.Dataset{Respondents: []protected.Respondent{{Pseudonym: "x", Wave: "2024"}}}, Codebook: cb, MinCell: 5}
	one.Prepare()
	res = &results.Results{}
	Waves(one, res)
	if len(res.Tables) != 0 {
		t.Errorf("one wave gave tables %v", res.Tables)
	}
}

// BenchmarkWaves measures the wave tables for 100,000 people in two waves (180,000
// measurements: 80% answer again), three scales of four items, 40 municipalities and 8
// roles.
func BenchmarkWaves(b *testing.B) {
	cb, err := codebook.Load("../../data/codebooks/samenwerking.yaml")
	if err != nil {
		b.Fatal(err)
	}
	rng := rand.New(rand.NewPCG(1, 2))
	var d protected.Dataset
	var answers []protected.Answer
	roles := []string{"jongerenwerker", "jeugdzorgprofessional", "wijkagent", "school", "wijkteammedewerker", "ouder", "beleidsmedewerker", "jongere"}
	for i := 0; i < 100000; i++ {
		id := "R" + strconv.Itoa(i)
		for _, w := range []string{"2024", "2025"} {
			if w == "2025" && rng.IntN(5) == 0 {
				continue
			}
			d.Respondents = append(d.Respondents, protected.Respondent{Pseudonym: id, Municipality: "G" + strconv.Itoa(i%40), Role: roles[i%8], Wave: w})
			for _, s := range cb.Scales {
				for _, it := range s.Items {
					answers = append(answers, protected.Answer{Respondent: id, Wave: w, Item: it.ID, Value: float64(1 + rng.IntN(5))})
				}
			}
		}
	}
	d.Survey = protected.NewSurvey(answers)
	in := &Input{Data: d, Codebook: cb, Groups: []string{"municipality", "role"}, MinCell: 5}
	in.Prepare()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		res := &results.Results{}
		Waves(in, res)
		if n := len(res.Table("wave_comparisons").Rows); n != 3*(1+40+8)*2 {
			b.Fatalf("%d rows", n)
		}
	}
}

// Attack 13 (wave-newcomer-by-difference): a paired row beside the group's wave rows
// gives the score of the people who are in one wave of the group only, n·mean of the
// wave less pairs·mean of the pairs. In waveAnswers, A has 10 pairs and 2 newcomers in
// 2025 and "all" 15 pairs and 4 leavers: with min_cell 5 both paired rows are
// suppressed, and B's stands (its wave rows are suppressed, so there is nothing to
// subtract it from), leaving 10 of the 15 pairs out of the shown groups.
func TestWaveNewcomersSuppressed(t *testing.T) {
	in := waveInput(t, "")
	res := &results.Results{}
	Waves(in, res)
	tab := res.Table("wave_comparisons")
	for g, want := range map[string]bool{"all": true, "A": true, "B": false} {
		by := "municipality"
		if g == "all" {
			by = "all"
		}
		row := findRow(t, tab, map[string]string{"group_by": by, "group": g, "design": WavePaired})
		if cell(t, tab, row, "suppressed") != want {
			t.Errorf("%s paired: suppressed %v, want %v: %v", g, cell(t, tab, row, "suppressed"), want, row)
		}
	}
	// The subtraction itself, on the published cells: each shown group's (or all's)
	// wave rows less its shown pairs is 0 or at least min_cell people.
	pairs := map[string]int{}
	for _, r := range tab.Rows {
		if r[tab.Col("design")] == WavePaired && r[tab.Col("suppressed")] == false {
			pairs[r[tab.Col("group")].(string)] = r[tab.Col("n")].(int)
		}
	}
	for _, r := range tab.Rows {
		g := r[tab.Col("group")].(string)
		p, ok := pairs[g]
		if r[tab.Col("design")] != WaveIndependent || r[tab.Col("suppressed")] == true || !ok {
			continue
		}
		for _, col := range []string{"n_from", "n_to"} {
			if d := r[tab.Col(col)].(int) - p; d > 0 && d < 5 {
				t.Errorf("%s: %s - pairs = %d people recoverable", g, col, d)
			}
		}
	}
}

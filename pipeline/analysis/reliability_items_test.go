package analysis

import (
	"strconv"
	"strings"
	"testing"

	"github.com/samenspel/samenspel/codebook"
	"github.com/samenspel/samenspel/pipeline/protected"
	"github.com/samenspel/samenspel/pipeline/results"
)

// An item no survey file holds (K3 here, of kennen's four) left no complete respondent,
// so reliability was suppressed with a note that blamed the respondents, and the scale's
// scores were the mean of three items without a word. Alpha is now of the three items
// answered, items says 3, and a note under the scales and reliability tables names K3.
// R 4.2 with psych 2.2.9, on surveyAnswers without K3, K4 reversed:
//
//	> x <- matrix(c(4,5,2, 5,5,1, 3,4,3, 4,4,2, 2,3,4, 4,NA,2, 2,2,4, 3,2,5, 1,2,4,
//	+   3,3,NA, 2,3,3, 4,4,1, 5,4,2, 3,4,2, 4,NA,NA, 2,3,3, 3,3,3), ncol = 3, byrow = TRUE)
//	> colnames(x) <- c("K1","K2","K4"); x[, "K4"] <- 6 - x[, "K4"]
//	> a <- psych::alpha(x[complete.cases(x), ]); print(a$total[1:2], digits = 10)
//	    raw_alpha    std.alpha
//	 0.9186681223 0.9233065034
//	> print(unlist(a$feldt[c("lower.ci","upper.ci")]), digits=10)
//	      0.8006153026       0.9716796717
//	> print(a$item.stats[, c("n","mean","sd","r.drop")], digits=10)
//	K1 14 3.071428571 1.206666464 0.7872744622
//	K2 14 3.428571429 1.016349858 0.8906887559
//	K4 14 3.214285714 1.188313053 0.8464400958
//	> print(a$alpha.drop[,1,drop=FALSE], digits=10)
//	K1 0.9264173703   K2 0.8502202643   K4 0.8745341615
func TestReliabilityItemInNoFile(t *testing.T) {
	cb, err := codebook.ParseYAML([]byte(surveyCodebook))
	if err != nil {
		t.Fatal(err)
	}
	var d protected.Dataset
	var answers []protected.Answer
	for _, line := range strings.Fields(surveyAnswers) {
		f := strings.Split(line, ",")
		d.Respondents = append(d.Respondents, protected.Respondent{Pseudonym: f[0], Municipality: f[1], Role: f[2]})
		for j, v := range f[3:] {
			item := "K" + strconv.Itoa(j+1)
			switch {
			case item == "K3" || v == "":
			case v == "x":
				answers = append(answers, protected.Answer{Respondent: f[0], Item: item, Missing: true})
			default:
				x, _ := strconv.ParseFloat(v, 64)
				answers = append(answers, protected.Answer{Respondent: f[0], Item: item, Value: x})
			}
		}
	}
	d.Survey = protected.NewSurvey(answers)
	in := &Input{Data: d, Codebook: cb, Language: "en", Groups: []string{"municipality"}, MinCell: 3}
	in.Prepare()
	res := &results.Results{}
	ScaleReliability(in, res)
	tab := res.Table("reliability")
	row := findRow(t, tab, map[string]string{"scale": "kennen"})
	for col, w := range map[string]float64{"items": 3, "n": 14, "cronbach_alpha": 0.9186681223,
		"std_alpha": 0.9233065034, "alpha_ci_low": 0.8006153026, "alpha_ci_high": 0.9716796717, "n_excluded": 3} {
		checkNum(t, tab, row, col, w, 1e-8)
	}
	items := res.Table("reliability_items")
	for item, w := range map[string][5]float64{
		"K1": {14, 3.071428571, 1.206666464, 0.7872744622, 0.9264173703},
		"K2": {14, 3.428571429, 1.016349858, 0.8906887559, 0.8502202643},
		"K4": {14, 3.214285714, 1.188313053, 0.8464400958, 0.8745341615},
	} {
		row := findRow(t, items, map[string]string{"scale": "kennen", "item": item})
		for i, col := range []string{"n", "mean", "sd", "r_drop", "alpha_if_deleted"} {
			checkNum(t, items, row, col, w[i], 1e-8)
		}
	}
	row = findRow(t, items, map[string]string{"scale": "kennen", "item": "K3"})
	if cell(t, items, row, "n") != 0 || cell(t, items, row, "mean") != nil {
		t.Errorf("K3: %v", row)
	}
	for _, topic := range []string{"scales", "reliability"} {
		if !hasNote(res, topic, "Elkaar kennen: computed from 3 of its 4 items; no one answered K3") {
			t.Errorf("no note under %s: %+v", topic, res.Notes)
		}
	}
	// A scale nobody answered at all is suppressed as before, without that note.
	if hasNote(res, "reliability", "Elkaar bereiken: computed from") {
		t.Errorf("bereiken: %+v", res.Notes)
	}
}

// A file that holds one of kennen's four items (readers16): no respondent has a score
// (ScaleScore needs half of the items) and alpha needs two items, but 0.10.0's notes
// said "computed from 1 of its 4 items" under both tables. Now each says what was not
// computed and why, with "1 item" in the singular, in both languages; two items of four
// still give scores, and their note is unchanged.
func TestScaleNotesOneItemAnswered(t *testing.T) {
	cb, err := codebook.ParseYAML([]byte(surveyCodebook))
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		items            []string
		scales, reliable [2]string // the notes' start, en and nl
	}{
		{[]string{"K1"},
			[2]string{"Elkaar kennen: no scale scores: a score needs at least half of its 4 items, and only 1 item was answered; no one answered K2, K3, K4",
				"Elkaar kennen: geen schaalscores: een score vraagt ten minste de helft van de 4 items, en alleen 1 item is beantwoord; niemand beantwoordde K2, K3, K4"},
			[2]string{"Elkaar kennen: reliability is not computed: α needs at least 2 items, and only 1 item was answered; no one answered K2, K3, K4",
				"Elkaar kennen: de betrouwbaarheid is niet berekend: α vraagt ten minste 2 items, en alleen 1 item is beantwoord; niemand beantwoordde K2, K3, K4"}},
		{[]string{"K1", "K2"},
			[2]string{"Elkaar kennen: computed from 2 of its 4 items; no one answered K3, K4", "Elkaar kennen: berekend uit 2 van de 4 items; niemand beantwoordde K3, K4"},
			[2]string{"Elkaar kennen: computed from 2 of its 4 items; no one answered K3, K4", "Elkaar kennen: berekend uit 2 van de 4 items; niemand beantwoordde K3, K4"}},
	} {
		var d protected.Dataset
		var answers []protected.Answer
		for i := 0; i < 6; i++ {
			p := "P" + strconv.Itoa(i)
			d.Respondents = append(d.Respondents, protected.Respondent{Pseudonym: p, Municipality: "Bergdorp", Role: "jongerenwerker"})
			for j, item := range c.items {
				answers = append(answers, protected.Answer{Respondent: p, Item: item, Value: float64(1 + (i+j)%5)})
			}
		}
		d.Survey = protected.NewSurvey(answers)
		in := &Input{Data: d, Codebook: cb, Language: "en", Groups: []string{"municipality"}, MinCell: 1}
		in.Prepare()
		res := &results.Results{}
		ScaleReliability(in, res)
		for topic, want := range map[string][2]string{"scales": c.scales, "reliability": c.reliable} {
			found := false
			for _, n := range res.Notes {
				found = found || n.Topic == topic && strings.HasPrefix(n.EN, want[0]) && strings.HasPrefix(n.NL, want[1])
			}
			if !found {
				t.Errorf("%v: no note under %s %q / %q: %+v", c.items, topic, want[0], want[1], res.Notes)
			}
		}
		scored := cell(t, res.Table("reliability"), findRow(t, res.Table("reliability"), map[string]string{"scale": "kennen"}), "scored")
		if want := map[int]int{1: 0, 2: 6}[len(c.items)]; scored != want {
			t.Errorf("%v: scored %v, want %d", c.items, scored, want)
		}
	}
}

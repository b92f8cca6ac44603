package analysis

import (
	"fmt"
	"math"
	"reflect"
	"strings"
	"testing"

	"github.com/samenspel/samenspel/codebook"
	"github.com/samenspel/samenspel/pipeline/protected"
	"github.com/samenspel/samenspel/pipeline/results"
)

func agreementCodebook(t *testing.T) *codebook.Codebook {
	t.Helper()
	cb, err := codebook.ParseYAML([]byte(`
name: test
version: "1"
factors:
  - id: kennen
    label: {nl: Elkaar kennen}
    codes:
      - {id: kennen.a, label: {nl: Vertrouwen}, valence: facilitator}
      - {id: kennen.b, label: {nl: Rol onbekend}, valence: barrier}
  - id: bereiken
    label: {nl: Elkaar bereiken}
    codes:
      - {id: bereiken.c, label: {nl: Korte lijnen}, valence: facilitator}
`))
	if err != nil {
		t.Fatal(err)
	}
	return cb
}

// codedBy describes a dataset: per segment, per coder, the codes applied; a coder with an
// empty list coded the segment without applying a code (a row with an empty code).
type codedBy map[string]map[string][]string

// agreementDataset builds segments s01.. of respondents r1.. (two segments each) with the
// given codings. Segment "s12" is an interviewer turn.
func agreementDataset(segments int, coded codedBy) protected.Dataset {
	var d protected.Dataset
	for i := 1; i <= segments; i++ {
		seg := fmt.Sprintf("s%02d", i)
		resp := fmt.Sprintf("P-r%d", (i+1)/2)
		if i%2 == 1 {
			d.Respondents = append(d.Respondents, protected.Respondent{Pseudonym: resp})
		}
		d.Segments = append(d.Segments, protected.Segment{ID: seg, Respondent: resp, Text: "Wij bellen elkaar gewoon even.", Interviewer: seg == "s12"})
	}
	for _, seg := range SortedGroups(coded) {
		for _, coder := range SortedGroups(coded[seg]) {
			codes := coded[seg][coder]
			if len(codes) == 0 {
				d.Codings = append(d.Codings, protected.Coding{Segment: seg, Coder: coder})
			}
			for _, c := range codes {
				d.Codings = append(d.Codings, protected.Coding{Segment: seg, Code: c, Raw: c, Coder: coder})
			}
		}
	}
	return d
}

func runAgreement(t *testing.T, d protected.Dataset) *results.Results {
	t.Helper()
	in := &Input{Data: d, Codebook: agreementCodebook(t), Language: "en", Seed: 20260509}
	in.Prepare()
	res := &results.Results{Language: "en"}
	Agreement(in, res)
	AgreementAuto(in, res)
	return res
}

// agreementCell returns the cell of the row whose first columns equal key.
func agreementCell(t *testing.T, tab *results.Table, key []string, col string) any {
	t.Helper()
	if tab == nil {
		t.Fatal("table missing")
	}
	for _, r := range tab.Rows {
		match := true
		for i, k := range key {
			if results.FormatCell(r[i]) != k {
				match = false
			}
		}
		if match {
			return r[tab.Col(col)]
		}
	}
	t.Fatalf("table %s has no row %v", tab.Name, key)
	return nil
}

func wantAgreementNum(t *testing.T, tab *results.Table, key []string, col string, want float64) {
	t.Helper()
	got, ok := results.Num(agreementCell(t, tab, key, col))
	if !ok || math.Abs(got-want) > 1e-12 {
		t.Errorf("%s %v %s = %v, want %.12g", tab.Name, key, col, agreementCell(t, tab, key, col), want)
	}
}

func wantAgreementEmpty(t *testing.T, tab *results.Table, key []string, col string) {
	t.Helper()
	if v := agreementCell(t, tab, key, col); v != nil {
		t.Errorf("%s %v %s = %v, want an empty cell", tab.Name, key, col, v)
	}
}

func wantAgreementNote(t *testing.T, tab *results.Table, key []string, part string) {
	t.Helper()
	if note, _ := agreementCell(t, tab, key, "note").(string); !strings.Contains(note, part) {
		t.Errorf("%s %v note = %q, want it to say %q", tab.Name, key, note, part)
	}
}

// twoCoders is coders A and B on s01..s10, with A alone on s11, both on the interviewer
// turn s12 (not a unit), and the auto-coder on every segment where a rule fired.
//
//	segment  kennen.a  bereiken.c  auto
//	         A  B      A  B
//	s01      1  1      1  1        kennen.a
//	s02      1  1      0  1        bereiken.c
//	s03      1  0      0  0        kennen.a
//	s04      0  1      0  0
//	s05      0  0      0  0        kennen.a
//	s06..s09 0  0      0  0        (s08: A's row names an unmapped code)
//	s10      0  1      0  0
//	s07      1  1      0  0
//	s11      1  -      -  -
//
// kennen.b is never applied.
func twoCoders() protected.Dataset {
	c := codedBy{
		"s01": {"A": {"kennen.a", "bereiken.c"}, "B": {"kennen.a", "bereiken.c"}, AutoCoder: {"kennen.a"}},
		"s02": {"A": {"kennen.a"}, "B": {"kennen.a", "bereiken.c"}, AutoCoder: {"bereiken.c"}},
		"s03": {"A": {"kennen.a"}, "B": {}, AutoCoder: {"kennen.a"}},
		"s04": {"A": {}, "B": {"kennen.a"}},
		"s05": {"A": {}, "B": {}, AutoCoder: {"kennen.a"}},
		"s06": {"A": {}, "B": {}},
		"s07": {"A": {"kennen.a"}, "B": {"kennen.a"}},
		"s08": {"B": {}},
		"s09": {"A": {}, "B": {}},
		"s10": {"A": {}, "B": {"kennen.a"}},
		"s11": {"A": {"kennen.a"}},
		"s12": {"A": {"kennen.a"}, "B": {}},
	}
	d := agreementDataset(12, c)
	d.Codings = append(d.Codings, protected.Coding{Segment: "s08", Raw: "Iets anders", Coder: "A"})
	return d
}

func TestAgreementTwoCoders(t *testing.T) {
	res := runAgreement(t, twoCoders())
	tab := res.Table("agreement")
	wantCols := []string{"code", "coders", "units", "percent_agreement", "cohen_kappa", "krippendorff_alpha", "alpha_ci_low", "alpha_ci_high", "note", "fleiss_kappa",
		"applied", "positive_agreement", "chance_agreement", "kappa_ci_low", "kappa_ci_high", "pairwise_kappa", "alpha_ci_method", "bootstrap_samples", "alpha_reliability"}
	var cols []string
	for _, c := range tab.Columns {
		cols = append(cols, c.Name)
	}
	if !reflect.DeepEqual(cols, wantCols) {
		t.Fatalf("columns %v, want %v", cols, wantCols)
	}
	var order []string
	for _, r := range tab.Rows {
		order = append(order, r[0].(string))
	}
	if want := []string{"kennen.a", "kennen.b", "bereiken.c", "*"}; !reflect.DeepEqual(order, want) {
		t.Errorf("rows %v, want %v (codebook order, pooled last)", order, want)
	}
	for _, code := range order {
		if got := agreementCell(t, tab, []string{code}, "coders"); got != "A; B" {
			t.Errorf("%s coders = %v, want \"A; B\"", code, got)
		}
	}

	// kennen.a over the 10 units s01..s10 (s08 counts: A's row names an unmapped code):
	// both 3, A only 1, B only 2, neither 4.
	// percent agreement 7/10; Cohen: p_o = 0.7, p_e = (4*5 + 6*5)/100 = 0.5, kappa = 0.4;
	// alpha (Krippendorff 2011, two coders): n = 20, n_1 = 4 + 5 = 9, n_0 = 11,
	// 3 disagreeing units give o_01 + o_10 = 6, alpha = 1 - 19*6/(2*11*9) = 14/33.
	a := []string{"kennen.a"}
	wantAgreementNum(t, tab, a, "units", 10)
	wantAgreementNum(t, tab, a, "percent_agreement", 0.7)
	wantAgreementNum(t, tab, a, "cohen_kappa", 0.4)
	wantAgreementNum(t, tab, a, "krippendorff_alpha", 14.0/33)
	wantAgreementEmpty(t, tab, a, "fleiss_kappa")
	wantAgreementEmpty(t, tab, a, "pairwise_kappa")
	// Positive agreement 3/(3 + 1 + 2); alpha's chance agreement
	// (n_1 (n_1 - 1) + n_0 (n_0 - 1)) / (n (n - 1)) = (72 + 110)/380; psych:
	//	> cohen.kappa(matrix(c(3,1,2,4), 2, byrow = TRUE))$confid[1, ]
	//	-0.156574558617958  0.400000000000000  0.956574558617957
	wantAgreementNum(t, tab, a, "applied", 6)
	wantAgreementNum(t, tab, a, "positive_agreement", 0.5)
	wantAgreementNum(t, tab, a, "chance_agreement", 182.0/380)
	wantAgreementNum(t, tab, a, "kappa_ci_low", -0.156574558617958)
	wantAgreementNum(t, tab, a, "kappa_ci_high", 0.956574558617957)
	if agreementCell(t, tab, a, "alpha_reliability") != "unreliable" || agreementCell(t, tab, a, "alpha_ci_method") != UnitBootstrap ||
		agreementCell(t, tab, a, "bootstrap_samples") != DefaultBootstrapSamples {
		t.Errorf("kennen.a: %v", tab.Rows[0])
	}
	lo, ok1 := results.Num(agreementCell(t, tab, a, "alpha_ci_low"))
	hi, ok2 := results.Num(agreementCell(t, tab, a, "alpha_ci_high"))
	if !ok1 || !ok2 || !(lo <= 14.0/33 && 14.0/33 <= hi && hi <= 1) {
		t.Errorf("kennen.a interval [%v, %v] does not hold alpha 14/33", lo, hi)
	}

	// kennen.b: never applied; every coder agrees on every unit, nothing else is defined.
	b := []string{"kennen.b"}
	wantAgreementNum(t, tab, b, "percent_agreement", 1)
	for _, col := range []string{"cohen_kappa", "krippendorff_alpha", "alpha_ci_low", "alpha_ci_high", "fleiss_kappa",
		"positive_agreement", "chance_agreement", "kappa_ci_low", "kappa_ci_high", "alpha_ci_method", "bootstrap_samples", "alpha_reliability"} {
		wantAgreementEmpty(t, tab, b, col)
	}
	wantAgreementNote(t, tab, b, "code never applied: no variation")

	// bereiken.c: both 1 (s01), B only 1 (s02), neither 8. p_o = 0.9,
	// p_e = (1*2 + 9*8)/100 = 0.74, kappa = 0.16/0.26 = 8/13; alpha: n_1 = 3, n_0 = 17,
	// alpha = 1 - 19*2/(2*17*3) = 32/51. Only 2 of 10 units carry the code, so about
	// 0.8^10 = 11% of resamples have no variation: too many for an interval.
	c := []string{"bereiken.c"}
	wantAgreementNum(t, tab, c, "percent_agreement", 0.9)
	wantAgreementNum(t, tab, c, "cohen_kappa", 8.0/13)
	wantAgreementNum(t, tab, c, "krippendorff_alpha", 32.0/51)
	if agreementCell(t, tab, c, "alpha_ci_low") == nil {
		wantAgreementNote(t, tab, c, "no bootstrap interval: alpha undefined in")
	}

	// bereiken.c's kappa interval, psych (clipped at 1 as psych does):
	//	> cohen.kappa(matrix(c(1,0,1,8), 2, byrow = TRUE))$confid[1, ]
	//	-0.0447521054131423  0.6153846153846153  1.0000000000000000
	wantAgreementNum(t, tab, c, "kappa_ci_low", -0.0447521054131423)
	wantAgreementNum(t, tab, c, "kappa_ci_high", 1)
	wantAgreementNum(t, tab, c, "positive_agreement", 0.5)

	// Pooled over the two codes applied at least once (kennen.b, never applied, is left
	// out): 20 unit × code pairs; both 3+1 = 4, A only 1, B only 2+1 = 3, neither 12.
	// p_o = 16/20; A applied 5, B 7: p_e = (5*7 + 15*13)/400 = 230/400,
	// kappa = (320 - 230)/(400 - 230) = 9/17; alpha: n = 40, n_1 = 12, n_0 = 28,
	// alpha = 1 - 39*8/(2*28*12) = 15/28; positive agreement 4/(4 + 1 + 3).
	p := []string{"*"}
	wantAgreementNum(t, tab, p, "units", 20)
	wantAgreementNum(t, tab, p, "percent_agreement", 16.0/20)
	wantAgreementNum(t, tab, p, "cohen_kappa", 9.0/17)
	wantAgreementNum(t, tab, p, "krippendorff_alpha", 15.0/28)
	wantAgreementNum(t, tab, p, "positive_agreement", 0.5)
	wantAgreementNum(t, tab, p, "applied", 8)
	// The pooled decisions of a segment are not independent: no asymptotic kappa interval.
	wantAgreementEmpty(t, tab, p, "kappa_ci_low")
	if got := agreementCell(t, tab, p, "alpha_ci_method"); got != ClusterBootstrap {
		t.Errorf("pooled interval method %v", got)
	}
	if len(res.Notes) == 0 || !strings.Contains(res.Notes[0].EN, "10 segments coded by two or more coders (A; B)") ||
		!strings.Contains(res.Notes[0].EN, "row ‘all codes’ (the 2 codes applied at least once)") {
		t.Errorf("notes %v, want one on the 10 segments", res.Notes)
	}

	// Every (segment, code) where A and B differ, by segment (s12, an interviewer turn,
	// is no unit).
	dis := res.Table("disagreements")
	var got []string
	for _, r := range dis.Rows {
		var cells []string
		for _, c := range r[:5] {
			cells = append(cells, results.FormatCell(c))
		}
		got = append(got, strings.Join(cells, " "))
	}
	want := []string{"s02 bereiken.c P-r1 0 1", "s03 kennen.a P-r2 1 0", "s04 kennen.a P-r2 0 1", "s10 kennen.a P-r5 0 1"}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("disagreements\n%q\nwant\n%q", got, want)
	}
	if cols := dis.Columns; cols[3].Name != "A" || cols[4].Name != "B" || cols[5].Name != "quote" {
		t.Errorf("disagreements columns %v", cols)
	}
}

func TestAgreementAuto(t *testing.T) {
	res := runAgreement(t, twoCoders())
	tab := res.Table("agreement_auto")
	if tab == nil {
		t.Fatal("no agreement_auto table")
	}
	// The auto-coder ran over every respondent segment, so it shares s01..s11 with A
	// (11 units) and s01..s10 with B; s12 is an interviewer turn.
	//
	// kennen.a, A against auto: both s01 s03 (2), A only s02 s07 s11 (3), auto only s05
	// (1), neither 5. p_o = 7/11, p_e = (5*3 + 6*8)/121 = 63/121,
	// kappa = (77 - 63)/(121 - 63) = 7/29.
	wantAgreementNum(t, tab, []string{"kennen.a", "A"}, "units", 11)
	wantAgreementNum(t, tab, []string{"kennen.a", "A"}, "percent_agreement", 7.0/11)
	wantAgreementNum(t, tab, []string{"kennen.a", "A"}, "cohen_kappa", 7.0/29)
	// kennen.a, B against auto: both s01 (1), B only s02 s04 s07 s10 (4), auto only s03
	// s05 (2), neither 3. p_o = 0.4, p_e = (5*3 + 5*7)/100 = 0.5, kappa = -0.2.
	wantAgreementNum(t, tab, []string{"kennen.a", "B"}, "units", 10)
	wantAgreementNum(t, tab, []string{"kennen.a", "B"}, "percent_agreement", 0.4)
	wantAgreementNum(t, tab, []string{"kennen.a", "B"}, "cohen_kappa", -0.2)
	// kennen.b: applied by neither.
	wantAgreementNum(t, tab, []string{"kennen.b", "A"}, "percent_agreement", 1)
	wantAgreementEmpty(t, tab, []string{"kennen.b", "A"}, "cohen_kappa")
	wantAgreementNote(t, tab, []string{"kennen.b", "A"}, "no variation")
	// bereiken.c, B against auto: both s02 (1), B only s01 (1), auto only 0, neither 8:
	// p_o = 0.9, p_e = (2*1 + 8*9)/100 = 0.74, kappa = 0.16/0.26 = 8/13.
	wantAgreementNum(t, tab, []string{"bereiken.c", "B"}, "cohen_kappa", 8.0/13)
	// Pooled for B: 30 pairs; both 1 + 0 + 1 = 2, B only 4 + 0 + 1 = 5, auto only 2,
	// neither 3 + 10 + 8 = 21: p_o = 23/30, B applied 7, auto 4:
	// p_e = (7*4 + 23*26)/900 = 626/900, kappa = (690 - 626)/(900 - 626) = 64/274.
	wantAgreementNum(t, tab, []string{"*", "B"}, "units", 30)
	wantAgreementNum(t, tab, []string{"*", "B"}, "percent_agreement", 23.0/30)
	wantAgreementNum(t, tab, []string{"*", "B"}, "cohen_kappa", 64.0/274)
	if n := len(tab.Rows); n != 8 {
		t.Errorf("%d rows, want 3 codes × 2 coders + 2 pooled = 8", n)
	}
}

func TestAgreementThreeCoders(t *testing.T) {
	// kennen.a by A, B, C on five segments:
	//
	//	s01 1 1 1   s02 1 1 0   s03 0 0 0   s04 0 0 0   s05 1 0 0
	//
	// percent agreement 3/5. Fleiss (1971): P_i = 1, 1/3, 1, 1, 1/3, P̄ = 11/15,
	// p = 6/15 applied, P̄_e = 0.16 + 0.36 = 0.52, kappa = (11/15 - 0.52)/0.48 = 4/9.
	// Alpha: n = 15, n_1 = 6, n_0 = 9; s02 and s05 each give 2*1*2/(3-1) = 2 coincidences
	// of different values, alpha = 1 - 14*4/(2*9*6) = 13/27.
	c := codedBy{
		"s01": {"A": {"kennen.a"}, "B": {"kennen.a"}, "C": {"kennen.a"}},
		"s02": {"A": {"kennen.a"}, "B": {"kennen.a"}, "C": {}},
		"s03": {"A": {}, "B": {}, "C": {}},
		"s04": {"A": {}, "B": {}, "C": {}},
		"s05": {"A": {"kennen.a"}, "B": {}, "C": {}},
	}
	tab := runAgreement(t, agreementDataset(5, c)).Table("agreement")
	a := []string{"kennen.a"}
	if got := agreementCell(t, tab, a, "coders"); got != "A; B; C" {
		t.Errorf("coders %v", got)
	}
	wantAgreementNum(t, tab, a, "percent_agreement", 0.6)
	wantAgreementNum(t, tab, a, "fleiss_kappa", 4.0/9)
	wantAgreementNum(t, tab, a, "krippendorff_alpha", 13.0/27)
	wantAgreementEmpty(t, tab, a, "cohen_kappa")
	wantAgreementNote(t, tab, a, "cohen_kappa needs exactly two coders (here 3)")
	// Light's kappa, psych 2.2.9:
	//	> r <- cbind(c(1,1,0,0,1), c(1,1,0,0,0), c(1,0,0,0,0))
	//	> cohen.kappa(r)$av.kappa
	//	[1] 0.482184482184482
	// positive agreement: of s01, s02, s05 (someone applied it) only s01 is unanimous.
	wantAgreementNum(t, tab, a, "pairwise_kappa", 0.482184482184482)
	wantAgreementNum(t, tab, a, "positive_agreement", 1.0/3)
	wantAgreementEmpty(t, tab, a, "kappa_ci_low")

	// A sixth segment coded by A and B only: Fleiss no longer applies, alpha still does.
	// Its (0, 0) adds n_0 = 2: n = 17, n_0 = 11, alpha = 1 - 16*4/(2*11*6) = 68/132.
	c["s06"] = map[string][]string{"A": {}, "B": {}}
	tab = runAgreement(t, agreementDataset(6, c)).Table("agreement")
	wantAgreementEmpty(t, tab, a, "fleiss_kappa")
	wantAgreementNote(t, tab, a, "fleiss_kappa needs the same number of coders on every unit")
	wantAgreementNum(t, tab, a, "krippendorff_alpha", 68.0/132)
	wantAgreementNum(t, tab, a, "units", 6)
}

func TestAgreementSingleCoder(t *testing.T) {
	c := codedBy{"s01": {"A": {"kennen.a"}}, "s02": {"A": {}}}
	res := runAgreement(t, agreementDataset(2, c))
	tab := res.Table("agreement")
	if len(tab.Rows) != 4 {
		t.Fatalf("%d rows, want 4", len(tab.Rows))
	}
	for _, r := range tab.Rows {
		key := []string{r[0].(string)}
		wantAgreementNum(t, tab, key, "units", 0)
		for _, col := range []string{"percent_agreement", "cohen_kappa", "krippendorff_alpha", "alpha_ci_low", "alpha_ci_high", "fleiss_kappa"} {
			wantAgreementEmpty(t, tab, key, col)
		}
		wantAgreementNote(t, tab, key, "no segment coded by two or more coders")
	}
	if res.Table("agreement_auto") != nil {
		t.Error("agreement_auto written although the auto-coder coded nothing")
	}
	if len(res.Notes) != 2 {
		t.Errorf("notes %v, want one for agreement and one for agreement_auto", res.Notes)
	}
}

func TestAgreementDeterministic(t *testing.T) {
	a := runAgreement(t, twoCoders()).Table("agreement")
	b := runAgreement(t, twoCoders()).Table("agreement")
	if !reflect.DeepEqual(a.Rows, b.Rows) {
		t.Error("the same seed gave different tables")
	}
	for _, r := range a.Rows {
		for _, v := range r {
			if f, ok := v.(float64); ok && (math.IsNaN(f) || math.IsInf(f, 0)) {
				t.Errorf("row %v holds %v", r, f)
			}
		}
	}
}

func FuzzAgreement(f *testing.F) {
	f.Add([]byte{0, 1, 1, 1, 2, 0, 2, 1, 1, 3, 2, 2})
	f.Add([]byte{5, 3, 0, 5, 3, 1, 9, 9, 9})
	cb := agreementCodebook(&testing.T{})
	codes := []string{"", "kennen.a", "kennen.b", "bereiken.c", "onbekend"}
	coders := []string{"A", "B", "C", AutoCoder}
	f.Fuzz(func(t *testing.T, data []byte) {
		d := agreementDataset(12, nil)
		for i := 0; i+2 < len(data); i += 3 {
			c := protected.Coding{
				Segment: fmt.Sprintf("s%02d", 1+int(data[i])%13), // s13 is unknown
				Coder:   coders[int(data[i+1])%len(coders)],
				Code:    codes[int(data[i+2])%len(codes)],
			}
			if c.Code == "onbekend" {
				c.Code, c.Raw = "", "onbekend"
			}
			d.Codings = append(d.Codings, c)
		}
		in := &Input{Data: d, Codebook: cb, Seed: 1}
		in.Prepare()
		res := &results.Results{}
		Agreement(in, res)
		AgreementAuto(in, res)
		for _, tab := range res.Tables {
			for _, r := range tab.Rows {
				for _, v := range r {
					if x, ok := v.(float64); ok && (math.IsNaN(x) || math.IsInf(x, 0) || x > 1+1e-9) {
						t.Fatalf("%s row %v", tab.Name, r)
					}
				}
			}
		}
	})
}

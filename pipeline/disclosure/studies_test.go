package disclosure_test

import (
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/samenspel/samenspel/pipeline"
	"github.com/samenspel/samenspel/pipeline/disclosure"
)

// attackStudy runs a study folder in memory and attacks what it would publish.
func attackStudy(t *testing.T, dir string) ([]disclosure.Finding, disclosure.Published) {
	t.Helper()
	s, err := pipeline.LoadStudy(dir)
	if err != nil {
		t.Fatal(err)
	}
	out, err := pipeline.Execute(s, "test")
	if err != nil {
		t.Fatal(err)
	}
	p, err := disclosure.PublishedOf(out.Results)
	if err != nil {
		t.Fatal(err)
	}
	return disclosure.Attack(p), p
}

// The bundled example study: nothing below min_cell can be recovered.
func TestAttackExample(t *testing.T) {
	if testing.Short() {
		t.Skip("the example study takes seconds")
	}
	fs, p := attackStudy(t, "../../data/example")
	for _, f := range fs {
		t.Errorf("recoverable: %s", f)
	}
	if len(p.Tables["disclosure"]) < 2 {
		t.Error("no table disclosure")
	}
}

// Every regression case that runs a study: nothing below min_cell can be recovered.
func TestAttackCases(t *testing.T) {
	dirs, _ := filepath.Glob("../../testdata/cases/*/*")
	ran := 0
	for _, dir := range dirs {
		if _, err := os.Stat(filepath.Join(dir, "study.yaml")); err != nil {
			continue
		}
		if b, err := os.ReadFile(filepath.Join(dir, "expected", "exit")); err == nil && strings.TrimSpace(string(b)) != "0" {
			continue // a case of a run that fails
		}
		if b, err := os.ReadFile(filepath.Join(dir, "cmd")); err == nil && !strings.HasPrefix(strings.TrimSpace(string(b)), "run ") {
			continue // a case of another command
		}
		ran++
		t.Run(strings.TrimPrefix(filepath.ToSlash(dir), "../../testdata/cases/"), func(t *testing.T) {
			fs, _ := attackStudy(t, dir)
			for _, f := range fs {
				t.Errorf("recoverable: %s", f)
			}
		})
	}
	if ran < 5 {
		t.Errorf("only %d cases attacked", ran)
	}
}

// 200 random studies with small groups, pooled or suppressed, with min_cell from 3 to
// 6: nothing below min_cell can be recovered from any of them.
func TestAttackRandomStudies(t *testing.T) {
	n := 200
	if testing.Short() {
		n = 20
	}
	start := time.Now()
	withSmall := 0
	for i := range n {
		dir := t.TempDir()
		seed := uint64(i + 1)
		writeRandomStudy(t, dir, seed)
		fs, p := attackStudy(t, dir)
		for _, f := range fs {
			t.Errorf("study %d (seed %d): recoverable: %s", i, seed, f)
		}
		if len(fs) > 0 {
			b, _ := os.ReadFile(filepath.Join(dir, "study.yaml"))
			t.Logf("study %d:\n%s", i, b)
		}
		for _, r := range p.Tables["disclosure"] {
			if r[3] == "pooled" || r[3] == "suppressed" {
				withSmall++
				break
			}
		}
	}
	t.Logf("%d random studies, %d with a pooled or suppressed group, in %v", n, withSmall, time.Since(start))
	if withSmall < n/2 {
		t.Errorf("only %d of %d random studies have a small group", withSmall, n)
	}
}

var (
	municipalities = []string{"Aardam", "Bergdorp", "Citadel", "Duinwijk", "Eemhoven", "Sluiswaarde", "Zeeveen"}
	roles          = []string{"Jongerenwerker", "Jeugdzorgprofessional", "Jongere", "Wijkagent", "School", "Wijkteammedewerker", "Ouder", "Beleidsmedewerker"}
	codes          = []string{"kennen.persoonlijk", "kennen.vertrouwen", "kennen.afspraken", "bereiken.korte_lijnen", "bereiken.overleg", "bereiken.onbereikbaar", "informeren.terugkoppeling", "informeren.geen_terugkoppeling", "informeren.privacy"}
	sentences      = []string{
		"Ik ken de mensen van het wijkteam persoonlijk, we drinken wekelijks koffie samen.",
		"Na een melding bij Veilig Thuis hoor ik nooit meer iets, dat zwarte gat frustreert.",
		"We hebben korte lijnen met de wijkagent, ik app hem gewoon als er iets is.",
		"In het overleg op school bespreken we elke maand de jongeren die zorgen geven.",
		"De privacyregels maken het lastig om zorgen over een jongere met de school te delen.",
		"Als ik de jeugdzorg bel krijg ik nooit iemand te pakken, dat duurt weken.",
	}
	items = []string{"K1", "K2", "K3", "K4", "B1", "B2", "B3", "B4", "I1", "I2", "I3", "I4"}
)

// pick draws an index with the given weights.
func pick(rng *rand.Rand, w []float64) int {
	sum := 0.0
	for _, x := range w {
		sum += x
	}
	u := rng.Float64() * sum
	for i, x := range w {
		if u < x {
			return i
		}
		u -= x
	}
	return len(w) - 1
}

// weights gives each of n groups a weight from very small to large, so that some
// groups come out below min_cell.
func weights(rng *rand.Rand, n int) []float64 {
	levels := []float64{0.03, 0.1, 0.5, 1, 3}
	w := make([]float64, n)
	for i := range w {
		w[i] = levels[rng.IntN(len(levels))]
	}
	return w
}

// writeRandomStudy writes a small study: interviews with 0 to 30 respondents and a
// survey with 0 to 120, over 2 to 7 municipalities and 2 to 8 roles drawn with skewed
// weights, a few respondents without a municipality, answers missing at random.
func writeRandomStudy(t *testing.T, dir string, seed uint64) {
	rng := rand.New(rand.NewPCG(seed, 13))
	muns := municipalities[:2+rng.IntN(len(municipalities)-1)]
	rs := roles[:2+rng.IntN(len(roles)-1)]
	wm, wr := weights(rng, len(muns)), weights(rng, len(rs))
	mun := func() string {
		if rng.IntN(25) == 0 {
			return ""
		}
		return muns[pick(rng, wm)]
	}
	var iv strings.Builder
	iv.WriteString("Respondent;Segment;Tekst;Code;Codeur;Gemeente;Functie\n")
	nInt := rng.IntN(31)
	for r := range nInt {
		m, role := mun(), rs[pick(rng, wr)]
		for s := range 1 + rng.IntN(4) {
			text := sentences[rng.IntN(len(sentences))]
			for c := range 1 + rng.IntN(2) {
				code := codes[rng.IntN(len(codes))]
				if c > 0 && rng.IntN(2) == 0 {
					code = codes[rng.IntN(len(codes))]
				}
				fmt.Fprintf(&iv, "P%03d;P%03d-%d;%s (%d);%s;A;%s;%s\n", r+1, r+1, s+1, text, s+1, code, m, role)
				if rng.IntN(3) == 0 {
					fmt.Fprintf(&iv, "P%03d;P%03d-%d;%s (%d);%s;B;%s;%s\n", r+1, r+1, s+1, text, s+1, codes[rng.IntN(len(codes))], m, role)
				}
			}
		}
	}
	var sv strings.Builder
	sv.WriteString("Respondent;Gemeente;Functie;" + strings.Join(items, ";") + "\n")
	nSurv := rng.IntN(121)
	if nInt == 0 && nSurv == 0 {
		nSurv = 10
	}
	for r := range nSurv {
		fmt.Fprintf(&sv, "E%03d;%s;%s", r+1, mun(), rs[pick(rng, wr)])
		for range items {
			if rng.IntN(8) == 0 {
				sv.WriteString(";")
			} else {
				fmt.Fprintf(&sv, ";%d", 1+rng.IntN(5))
			}
		}
		sv.WriteString("\n")
	}
	mode := []string{"pool", "suppress"}[rng.IntN(2)]
	cb, _ := filepath.Abs("../../data/codebooks/samenwerking.yaml")
	yaml := fmt.Sprintf("title: Willekeurig %d\ncodebook: %s\n", seed, cb)
	if nInt > 0 {
		yaml += "interviews: [codering.csv]\n"
		write(t, filepath.Join(dir, "codering.csv"), iv.String())
	}
	if nSurv > 0 {
		yaml += "survey: [enquete.csv]\n"
		write(t, filepath.Join(dir, "enquete.csv"), sv.String())
	}
	yaml += fmt.Sprintf("groups: [role, municipality]\nprivacy: {min_cell: %d, small_groups: %s}\noutputs: [csv, qdpx]\n", 3+rng.IntN(4), mode)
	write(t, filepath.Join(dir, "study.yaml"), yaml)
}

func write(t *testing.T, path, s string) {
	t.Helper()
	if err := os.WriteFile(path, []byte(s), 0o644); err != nil {
		t.Fatal(err)
	}
}

// Issue 13: review.qdpx showed the whole role x municipality cross-tab under a simpler
// rule. In this case every municipality has 8 or 9 interviewees but two of the four
// role x municipality cells are small: no case may carry a municipality, and the
// attacker, which reads the cases, finds nothing.
func TestReviewCasesHoldTheCrossTab(t *testing.T) {
	fs, p := attackStudy(t, "../../testdata/cases/privacy/review_qdpx_crosstab")
	for _, f := range fs {
		t.Errorf("recoverable: %s", f)
	}
	if len(p.Cases) < 17 {
		t.Fatalf("review.qdpx has %d cases", len(p.Cases))
	}
	for _, c := range p.Cases {
		if c.Variables["gemeente"] != "" || c.Variables["municipality"] != "" {
			t.Errorf("case %s shows municipality %v", c.Name, c.Variables)
		}
		if c.Variables["rol"] == "" {
			t.Errorf("case %s lost its role (every role has at least 8 interviewees): %v", c.Name, c.Variables)
		}
	}
}

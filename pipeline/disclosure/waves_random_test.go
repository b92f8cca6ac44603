package disclosure_test

import (
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// TestAttackRandomWaveStudies runs the attacker over random studies with two survey
// waves (people in both waves, newcomers, leavers, movers between municipalities, small
// municipalities, pooled or suppressed), so that it tries differencing across tables:
// a wave's table minus the other wave's, scales minus a wave, a suppressed group from
// the totals and the other groups, pairs beside independent rows. Zero findings is the
// bar, as for the random studies of one measurement.
func TestAttackRandomWaveStudies(t *testing.T) {
	n := 40
	if testing.Short() {
		n = 8
	}
	start := time.Now()
	withSmall, withWaves := 0, 0
	for i := range n {
		dir := t.TempDir()
		seed := uint64(1000 + i)
		writeRandomWaveStudy(t, dir, seed)
		fs, p := attackStudy(t, dir)
		for _, f := range fs {
			t.Errorf("wave study %d (seed %d): recoverable: %s", i, seed, f)
		}
		if len(fs) > 0 {
			b, _ := os.ReadFile(filepath.Join(dir, "study.yaml"))
			t.Logf("wave study %d:\n%s", i, b)
		}
		if len(p.Tables["wave_scales"]) > 0 && len(p.Tables["wave_comparisons"]) > 0 {
			withWaves++
		}
		for _, r := range p.Tables["disclosure"] {
			if r[3] == "pooled" || r[3] == "suppressed" {
				withSmall++
				break
			}
		}
	}
	t.Logf("%d random wave studies, %d with a pooled or suppressed group, %d with wave tables, in %v", n, withSmall, withWaves, time.Since(start))
	if withWaves < n {
		t.Errorf("only %d of %d random wave studies publish wave_scales and wave_comparisons", withWaves, n)
	}
	if withSmall < n/3 {
		t.Errorf("only %d of %d random wave studies have a small group", withSmall, n)
	}
}

func writeRandomWaveStudy(t *testing.T, dir string, seed uint64) {
	rng := rand.New(rand.NewPCG(seed, 17))
	muns := municipalities[:2+rng.IntN(4)]
	wm := weights(rng, len(muns))
	rs := roles[:2+rng.IntN(3)]
	wr := weights(rng, len(rs))
	withRole := rng.IntN(2) == 0
	role := map[string]string{}
	row := func(b *strings.Builder, id, mun string) {
		if role[id] == "" {
			role[id] = rs[pick(rng, wr)]
		}
		fmt.Fprintf(b, "%s;%s;%s", id, mun, role[id])
		for range items[:4] {
			fmt.Fprintf(b, ";%d", 1+rng.IntN(5))
		}
		b.WriteString("\n")
	}
	var w1, w2 strings.Builder
	w1.WriteString("Respondent;Gemeente;Functie;" + strings.Join(items[:4], ";") + "\n")
	w2.WriteString(w1.String())
	people := 15 + rng.IntN(50)
	for r := range people {
		id := fmt.Sprintf("E%03d", r+1)
		m := muns[pick(rng, wm)]
		switch k := rng.IntN(10); {
		case k < 6: // in both waves
			row(&w1, id, m)
			m2 := m
			if rng.IntN(12) == 0 { // a mover
				m2 = muns[pick(rng, wm)]
			}
			row(&w2, id, m2)
		case k < 8: // a leaver
			row(&w1, id, m)
		default: // a newcomer
			row(&w2, id, m)
		}
	}
	write(t, filepath.Join(dir, "w1.csv"), w1.String())
	write(t, filepath.Join(dir, "w2.csv"), w2.String())
	cb, _ := filepath.Abs("../../data/codebooks/samenwerking.yaml")
	mode := []string{"pool", "suppress"}[rng.IntN(2)]
	yaml := fmt.Sprintf("title: Willekeurige metingen %d\ncodebook: %s\nsurvey:\n  - {path: w1.csv, wave: 2024}\n  - {path: w2.csv, wave: 2025}\n", seed, cb)
	groups := "[municipality]"
	if withRole {
		groups = "[role, municipality]"
	}
	yaml += fmt.Sprintf("groups: %s\nprivacy: {min_cell: %d, small_groups: %s}\noutputs: [csv]\n", groups, 3+rng.IntN(3), mode)
	write(t, filepath.Join(dir, "study.yaml"), yaml)
}

package analysis

import (
	"strings"
	"testing"

	"github.com/samenspel/samenspel/pipeline/results"
)

// TestWavesOnItemsEveryWaveHas: waveAnswers with K2 left out of the 2025 questionnaire
// (attack 14, F06). Both waves are compared on K1 alone, every row and wave_scales say
// so, and the note under scales names the latest wave. R 4.2.2, the rows of waveAnswers
// in data.txt:
//
//	> d <- read.csv("data.txt", header = FALSE, col.names = c("id", "mun", "wave", "K1", "K2"))
//	> a <- d[d$wave == 2024, ]; b <- d[d$wave == 2025, ]
//	> mean(a$K1); mean(b$K1); wilcox.test(b$K1, a$K1)
//	2.78947368421052611 3.59090909090909083 W = 294, p = 0.02214475646819291
//	> p <- merge(a, b, by = "id"); wilcox.test(round(p$K1.y - p$K1.x, 9))
//	V = 55, p = 0.036663009319582343 (15 pairs)
func TestWavesOnItemsEveryWaveHas(t *testing.T) {
	var rows []string
	for _, r := range strings.Fields(waveAnswers) {
		if strings.Contains(r, ",2025,") {
			r = r[:strings.LastIndex(r, ",")] // no K2
		}
		rows = append(rows, r)
	}
	in := waveInputFrom(t, strings.Join(rows, " "))
	in.MinCell = 1
	res := &results.Results{}
	Waves(in, res)
	ScaleReliability(in, res) // the note under scales and reliability
	tab := res.Table("wave_comparisons")
	for _, c := range []struct {
		design  string
		n, stat float64
		p       float64
	}{
		{WaveIndependent, 41, 294, 0.02214475646819291},
		{WavePaired, 15, 55, 0.036663009319582343},
	} {
		row := findRow(t, tab, map[string]string{"group_by": "all", "design": c.design})
		checkNum(t, tab, row, "n", c.n, 0)
		checkNum(t, tab, row, "statistic", c.stat, 1e-12)
		checkNum(t, tab, row, "p", c.p, 1e-12)
		if c.design == WaveIndependent {
			checkNum(t, tab, row, "mean_from", 2.78947368421052611, 1e-12)
			checkNum(t, tab, row, "mean_to", 3.59090909090909083, 1e-12)
		}
		if note, _ := cell(t, tab, row, "note").(string); !strings.HasPrefix(note, "compared on K1 (not answered: K2 in 2025)") {
			t.Errorf("%s: note %q", c.design, note)
		}
	}
	var waveNote, scaleNote bool
	for _, n := range res.Notes {
		waveNote = waveNote || n.Topic == "wave_scales" && strings.Contains(n.EN, "computed in every wave from K1") && strings.Contains(n.EN, "K2 in 2025")
		scaleNote = scaleNote || n.Topic == "scales" && strings.Contains(n.EN, "in wave 2025, which these tables describe, no one answered K2")
	}
	if !waveNote || !scaleNote {
		t.Errorf("notes: wave_scales %v, scales %v: %+v", waveNote, scaleNote, res.Notes)
	}
}

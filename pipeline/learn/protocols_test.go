package learn

import (
	"flag"
	"fmt"
	"os"
	"strings"
	"testing"

	"github.com/samenspel/samenspel/codebook"
)

var protocols = flag.String("model-protocols", "", "TestModelProtocols: run both nested protocols on the eight sets and write their models into this folder (many minutes)")

// TestModelProtocols runs, with one trainer (the fits shared), the two nested
// leave-one-set-out protocols on the eight sets: the model alone with one threshold
// (0.8.0's, the highest F1 at a precision of 0.75 on the inner blind sets) and the
// combination (the model keeps a dictionary suggestion at one threshold and adds its own
// at another, the highest recall at a precision of 0.78), and logs per left-out set and
// pooled (over all eight and over the four blind sets) the dictionary's, the model
// alone's and the combination's figures; it writes both models (alone.model.json,
// combined.model.json) into the folder -model-protocols names. Without the flag it skips.
func TestModelProtocols(t *testing.T) {
	if *protocols == "" {
		t.Skip("-model-protocols DIR runs it")
	}
	ac, cb, opt := shippedSetup(t)
	sets := loadShippedSets(t, ac, shippedSetPaths)
	opt.Calibration = calibrationOf(cb, sets)
	tr := newTrainer(sets, opt)
	models := map[string]*codebook.Model{}
	for _, p := range []struct {
		name    string
		combine bool
		minP    float64
	}{{"combined", true, modelMinPrecision}, {"alone", false, aloneMinPrecision}} {
		tr.opt.MinPrecision = p.minP
		tr.opt.Combine = p.combine
		perSet, final := tr.chooseAll(p.combine)
		m := tr.build(perSet, final)
		finishModel(m, cb, nil, false)
		models[p.name] = m
		data, err := codebook.MarshalModel(m)
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(*protocols+"/"+p.name+".model.json", data, 0o644); err != nil {
			t.Fatal(err)
		}
		t.Logf("%s: final %+v\n%s\n%s", p.name, final, leftOutTable(m), perCodeTable(m))
	}
	t.Logf("\n%s", protocolTable(models["alone"], models["combined"], sets))
}

// protocolTable lists per left-out set the dictionary's, the model alone's and the
// combination's P / R / F1, then pooled over all sets and over the blind ones.
func protocolTable(alone, comb *codebook.Model, sets []ShippedSet) string {
	var b strings.Builder
	b.WriteString("| left-out set | dictionary | model alone | combination |\n|---|---|---|---|\n")
	var all, blind [3][3]int
	add := func(c *[3]int, p codebook.PRF) { c[0] += p.TP; c[1] += p.FP; c[2] += p.FN }
	for i, l := range comb.LeftOut {
		a := alone.LeftOut[i]
		fmt.Fprintf(&b, "| %s | %s | %s | %s |\n", l.Set, prf(l.Dictionary), prf(a.Model), prf(l.Model))
		for k, p := range []codebook.PRF{l.Dictionary, a.Model, l.Model} {
			add(&all[k], p)
			if !sets[i].Dev {
				add(&blind[k], p)
			}
		}
	}
	row := func(name string, c [3][3]int) {
		fmt.Fprintf(&b, "| %s | %s | %s | %s |\n", name, prf(codebook.NewPRF(c[0][0], c[0][1], c[0][2])),
			prf(codebook.NewPRF(c[1][0], c[1][1], c[1][2])), prf(codebook.NewPRF(c[2][0], c[2][1], c[2][2])))
	}
	row("pooled, eight sets", all)
	row("pooled, four blind sets", blind)
	return b.String()
}

var frontier = flag.Bool("model-frontier", false, "TestModelFrontier: the best operating points on the blind sets left out, chosen with hindsight (minutes)")

// TestModelFrontier is the bound on what any choice of the two thresholds could do: for
// two knobs (those the nested protocols chose most), each blind set scored by the model
// trained on the other seven sets, the threshold pair chosen with hindsight on the four
// blind sets pooled (not nested: an upper bound, not a figure to report as achieved). It
// logs the highest pooled recall at a pooled precision of at least 0.75 and 0.78, and
// the highest precision at a recall of at least 0.5; and the same with a pair per code,
// chosen with hindsight too. Without -model-frontier it skips.
func TestModelFrontier(t *testing.T) {
	if !*frontier {
		t.Skip("-model-frontier runs it")
	}
	ac, cb, opt := shippedSetup(t)
	sets := loadShippedSets(t, ac, shippedSetPaths)
	opt.Calibration = calibrationOf(cb, sets)
	tr := newTrainer(sets, opt)
	all := tr.all()
	for _, k := range []Knobs{{Lambda: 10, DevWeight: 0.25}, {Lambda: 3, Text: true, MinSupport: 2, DevWeight: 0.25}} {
		var d []decision
		for s := range sets {
			if sets[s].Dev {
				continue
			}
			train := without(all, s)
			d = append(d, tr.decisions(tr.model(train, k), train, s)...)
		}
		type point struct {
			c Choice
			s codebook.PRF
		}
		var best75, best78, bestR50 point
		for _, veto := range opt.Thresholds {
			for _, add := range opt.AddThresholds {
				c := Choice{k, veto, add}
				var n [3]int
				for _, x := range d {
					countOne(&n, x.gold, c.says(x.dict, x.p))
				}
				s := codebook.NewPRF(n[0], n[1], n[2])
				if s.Precision >= 0.75 && s.Recall > best75.s.Recall {
					best75 = point{c, s}
				}
				if s.Precision >= 0.78 && s.Recall > best78.s.Recall {
					best78 = point{c, s}
				}
				if s.Recall >= 0.5 && s.Precision > bestR50.s.Precision {
					bestR50 = point{c, s}
				}
			}
		}
		t.Logf("%+v: P>=0.75: %s at %.2f/%.2f; P>=0.78: %s at %.2f/%.2f; R>=0.5: %s at %.2f/%.2f", k,
			prf(best75.s), best75.c.Threshold, best75.c.Add, prf(best78.s), best78.c.Threshold, best78.c.Add,
			prf(bestR50.s), bestR50.c.Threshold, bestR50.c.Add)
		// Per code: each code its own pair, with hindsight. For a price mu of a false
		// positive, every code takes the pair that maximises tp - mu fp; the prices trace
		// the frontier of the pooled figures.
		nc := len(opt.Codes)
		type pairCount struct{ tp, fp int }
		counts := make([][]pairCount, nc)
		gold := make([]int, nc)
		for i, x := range d {
			if x.gold {
				gold[i%nc]++
			}
		}
		for ci := range counts {
			for _, veto := range opt.Thresholds {
				for _, add := range opt.AddThresholds {
					c := Choice{k, veto, add}
					var pc pairCount
					for i := ci; i < len(d); i += nc {
						if c.says(d[i].dict, d[i].p) {
							if d[i].gold {
								pc.tp++
							} else {
								pc.fp++
							}
						}
					}
					counts[ci] = append(counts[ci], pc)
				}
			}
		}
		allGold := 0
		for _, g := range gold {
			allGold += g
		}
		var perCode75 codebook.PRF
		bestP50 := codebook.PRF{}
		for mu := 0.0; mu <= 20; mu += 0.05 {
			tp, fp := 0, 0
			for ci := range counts {
				bi := 0
				for i, pc := range counts[ci] {
					if float64(pc.tp)-mu*float64(pc.fp) > float64(counts[ci][bi].tp)-mu*float64(counts[ci][bi].fp) {
						bi = i
					}
				}
				tp, fp = tp+counts[ci][bi].tp, fp+counts[ci][bi].fp
			}
			s := codebook.NewPRF(tp, fp, allGold-tp)
			if s.Precision >= 0.75 && s.Recall > perCode75.Recall {
				perCode75 = s
			}
			if s.Recall >= 0.5 && s.Precision > bestP50.Precision {
				bestP50 = s
			}
		}
		t.Logf("%+v, per-code pairs with hindsight: P>=0.75: %s; R>=0.5: %s", k, prf(perCode75), prf(bestP50))
	}
}

package disclosure

import (
	"fmt"
	"strconv"
)

// waveRows feeds the counts of the wave tables to the attacker's system of group counts:
// the n of wave_scales per scale, wave and group (population "score <scale> wave <w>");
// of wave_comparisons the pairs of a paired comparison (population "pairs <scale>
// <from>-<to>") and the n_from and n_to of a comparison of independent samples (the
// waves' scores again). It returns, per scale, the wave populations it saw, for
// waveSums.
func (a *attacker) waveRows(addRow func(table, pop, by, g, v string)) map[string][]string {
	waves := map[string][]string{}
	seen := map[string]bool{}
	pop := func(scale, wave string) string {
		p := "score " + scale + " wave " + wave
		if !seen[p] {
			seen[p] = true
			waves[scale] = append(waves[scale], p)
		}
		return p
	}
	if t := a.p.table("wave_scales"); t != nil {
		for _, r := range t.rows {
			addRow("wave_scales", pop(t.get(r, "scale"), t.get(r, "wave")), t.get(r, "group_by"), t.get(r, "group"), t.get(r, "n"))
		}
	}
	if t := a.p.table("wave_comparisons"); t != nil {
		for _, r := range t.rows {
			sc, by, g := t.get(r, "scale"), t.get(r, "group_by"), t.get(r, "group")
			from, to := t.get(r, "wave_from"), t.get(r, "wave_to")
			switch t.get(r, "test") {
			case "wilcoxon_signed_rank":
				addRow("wave_comparisons", "pairs "+sc+" "+from+"-"+to, by, g, t.get(r, "n"))
			case "mann_whitney":
				addRow("wave_comparisons", pop(sc, from), by, g, t.get(r, "n_from"))
				addRow("wave_comparisons", pop(sc, to), by, g, t.get(r, "n_to"))
			}
		}
	}
	return waves
}

// waveSums adds, where the scales table's total for a scale is the sum of the waves'
// totals (every scored respondent has a wave), the equations that make each group's
// count in scales the sum of its counts in the waves: a municipality shown in scales
// and hidden in one wave of two is its count minus the other wave's.
func (a *attacker) waveSums(s *system, bys []string, groups map[string]map[string]bool, waves map[string][]string) {
scales:
	for _, sc := range sortedKeys(boolKeys(waves)) {
		total, ok := s.totals[[2]string{"score " + sc, "all"}]
		if !ok {
			continue
		}
		sum := 0.0
		for _, p := range waves[sc] {
			t, ok := s.totals[[2]string{p, "all"}]
			if !ok {
				continue scales
			}
			sum += t
		}
		if sum != total {
			continue
		}
		for _, by := range bys {
			for _, g := range append(sortedKeys(groups[by]), rest) {
				e := equation{coef: map[int]float64{s.unknown("score "+sc, by, g): 1}, table: "wave_scales"}
				for _, p := range waves[sc] {
					e.coef[s.unknown(p, by, g)] = -1
				}
				s.eqs = append(s.eqs, e)
			}
		}
	}
}

func boolKeys(m map[string][]string) map[string]bool {
	out := make(map[string]bool, len(m))
	for k := range m {
		out[k] = true
	}
	return out
}

// pairsFromPeople adds the "all" pairs of two waves that wave_comparisons hides, where
// the manifest's respondents (the people in all) give them back: in a survey of two
// waves without interviews, everyone of the later wave scored (its total in wave_scales
// is the sample's surveyed), the pairs are the waves' totals minus the people. The
// pairs of the groups the waves hide then follow as that minus the shown groups' pairs
// (0.5.0 published the people in all; results.Results.PeopleHeld holds them back).
func (a *attacker) pairsFromPeople(s *system) {
	if a.p.Respondents <= 0 {
		return
	}
	if ti, ok := s.totals[[2]string{"sample interviewed", "all"}]; !ok || ti != 0 {
		return
	}
	surveyed, ok := s.totals[[2]string{"sample surveyed", "all"}]
	if !ok {
		return
	}
	ws, wc := a.p.table("wave_scales"), a.p.table("wave_comparisons")
	if ws == nil || wc == nil {
		return
	}
	waves := map[string]bool{}
	for _, r := range ws.rows {
		waves[ws.get(r, "wave")] = true
	}
	if len(waves) != 2 {
		return
	}
	for _, r := range wc.rows {
		if wc.get(r, "test") != "wilcoxon_signed_rank" || wc.get(r, "group_by") != "all" || wc.get(r, "n") != "" {
			continue
		}
		sc, from, to := wc.get(r, "scale"), wc.get(r, "wave_from"), wc.get(r, "wave_to")
		nf, ok1 := s.totals[[2]string{"score " + sc + " wave " + from, "all"}]
		nt, ok2 := s.totals[[2]string{"score " + sc + " wave " + to, "all"}]
		if !ok1 || !ok2 || nt != surveyed {
			continue
		}
		pairs := nf + nt - float64(a.p.Respondents)
		if pairs <= 0 || pairs > min(nf, nt) {
			continue
		}
		k := [2]string{"pairs " + sc + " " + from + "-" + to, "all"}
		s.totals[k] = pairs
		s.totalOf[k] = "manifest.json"
	}
}

// newcomers attacks a paired comparison beside the wave counts of the same group: a
// group's respondents in a wave (n_from or n_to of the independent row, or its n in
// wave_scales) less its pairs are the people who joined it in the later wave (new
// respondents, or movers from another group) or left it after the earlier one, and the
// means of the two rows give their score between them (n·mean - pairs·mean of the
// pairs). A difference of 1 to min_cell-1 is a finding (attack 13,
// wave-newcomer-by-difference).
func (a *attacker) newcomers() {
	type key struct{ scale, by, g, wave string }
	counts := map[key]int{}
	from := map[key]string{}
	put := func(k key, v, table string) {
		if n, err := strconv.Atoi(v); err == nil {
			counts[k], from[k] = n, table
		}
	}
	if t := a.p.table("wave_scales"); t != nil {
		for _, r := range t.rows {
			put(key{t.get(r, "scale"), t.get(r, "group_by"), t.get(r, "group"), t.get(r, "wave")}, t.get(r, "n"), "wave_scales")
		}
	}
	t := a.p.table("wave_comparisons")
	if t == nil {
		return
	}
	for _, r := range t.rows {
		if t.get(r, "test") == "mann_whitney" {
			k := key{t.get(r, "scale"), t.get(r, "group_by"), t.get(r, "group"), ""}
			k.wave = t.get(r, "wave_from")
			put(k, t.get(r, "n_from"), "wave_comparisons")
			k.wave = t.get(r, "wave_to")
			put(k, t.get(r, "n_to"), "wave_comparisons")
		}
	}
	for _, r := range t.rows {
		pairs, ok := t.count(r, "n")
		if t.get(r, "test") != "wilcoxon_signed_rank" || !ok {
			continue
		}
		sc, by, g := t.get(r, "scale"), t.get(r, "group_by"), t.get(r, "group")
		for _, side := range []struct{ col, what string }{{"wave_from", "left after"}, {"wave_to", "new in"}} {
			k := key{sc, by, g, t.get(r, side.col)}
			if n, ok := counts[k]; ok {
				a.report(fmt.Sprintf("%s %s: %s %s (%s respondents less its pairs)", by, g, side.what, k.wave, sc), float64(n-pairs), []string{"wave_comparisons", from[k]})
			}
		}
	}
}

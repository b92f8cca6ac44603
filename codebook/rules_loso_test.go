package codebook

// Leave-one-set-out judgement of the dictionary's rules (issue 19, fifth round). Every
// blind measurement put the dictionary's precision on new text 0.05-0.15 below its
// in-sample figure: a rule judged on the set it was written for looks better than it is.
// Here a rule is judged only on the sets it is not scored on: for each of the ten coded
// sets in turn, the rules whose precision on the other eight is below a bound (with at
// least a few hits there) are cut, and the left-out set is scored with what is left. The
// pooled and per-set figures of those ten scorings estimate what the same cutting
// procedure, applied to all ten sets, does on an eleventh set written by someone else.
//
// go test -run TestRulesLeftOut -v ./codebook logs the estimate for a grid of bounds,
// the rules the chosen bound cuts on all ten sets (their hits and precision per set)
// and, with -rules-fp FILE, every false positive of the ten sets by code and rule, for
// reading by class. -rules-codebook PATH judges another codebook file (for instance the
// patterns before a round, from `git show main:data/codebooks/samenwerking.yaml`).

import (
	"flag"
	"fmt"
	"os"
	"sort"
	"strings"
	"testing"
)

var (
	rulesCodebook = flag.String("rules-codebook", "", "TestRulesLeftOut: the codebook file to judge (default: the shipped one)")
	rulesFP       = flag.String("rules-fp", "", "TestRulesLeftOut: write every false positive of the ten sets to this file")
	rulesDecided  = flag.String("rules-decisions", "", "TestRulesLeftOut: write every fragment×code decision that is not a true negative (tp, fp, fn) to this file, for diffs between two states")
)

// losoSets are the coded sets the rules are judged on and the calibration is estimated
// on: the four development sets and the seven spent held-out sets (held-out 7 since the
// seventh round; "the ten sets" in older comments and names). Written out here, not
// taken from heldoutSets, so that a held-out set still blind is never read by either
// procedure.
var losoSets = []string{
	"testdata/dev/fragments.yaml", "testdata/dev2/fragments.yaml", dev3Path, dev4Path,
	"testdata/heldout/fragments.yaml", "testdata/heldout2/fragments.yaml", "testdata/heldout3/fragments.yaml",
	"testdata/heldout4/fragments.yaml", "testdata/heldout5/fragments.yaml", "testdata/heldout6/fragments.yaml",
	heldout7Path,
}

// ruleKey is one rule of one code: Match.Code and Match.Rule.
type ruleKey struct{ code, rule string }

// firedFragment is one coded fragment with the rules that fired in it, per code of the
// three factors.
type firedFragment struct {
	text  string
	gold  map[string]bool
	rules map[string][]string // code -> rules that fired for it
	spans map[ruleKey]string
}

// ruleCount is a rule's hits (fragments where it fired) and the correct ones among them.
type ruleCount struct{ hits, correct int }

func (c ruleCount) precision() float64 {
	if c.hits == 0 {
		return 0
	}
	return float64(c.correct) / float64(c.hits)
}

// cutPolicy says which rules are cut given the counts on the sets they are judged on: a
// pattern with at least MinHits hits (its own and those of its negated form, the barrier
// it suggests when negated) whose precision over them is below Bound. With Pair
// above Bound, a rule whose precision is in [Bound, Pair) is not cut but needs a second
// piece of evidence: another rule of the same code in the same fragment.
type cutPolicy struct {
	Bound   float64
	MinHits int
	Pair    float64
}

func (p cutPolicy) String() string {
	if p.Pair > p.Bound {
		return fmt.Sprintf("cut below %.2f over >=%d hits, pair below %.2f", p.Bound, p.MinHits, p.Pair)
	}
	return fmt.Sprintf("cut below %.2f over >=%d hits", p.Bound, p.MinHits)
}

// verdict is a policy applied to counts: the rules cut and the rules that need a pair.
type verdict struct{ cut, pair map[ruleKey]bool }

func (p cutPolicy) judge(counts map[ruleKey]ruleCount) verdict {
	v := verdict{cut: map[ruleKey]bool{}, pair: map[ruleKey]bool{}}
	// A pattern's negated form is the same pattern: cutting it cuts both, so it is judged
	// on both ("*afspraken*" misfires, "geen afspraken" finds kennen.onbekend).
	derived := map[ruleKey][]ruleKey{}
	for k := range counts {
		if rest, ok := strings.CutPrefix(k.rule, "negated "); ok {
			if code, pat, ok := strings.Cut(rest, ": "); ok {
				src := ruleKey{code, pat}
				derived[src] = append(derived[src], k)
			}
		}
	}
	for k, c := range counts {
		if strings.HasPrefix(k.rule, "negated ") {
			continue
		}
		for _, d := range derived[k] {
			c.hits += counts[d].hits
			c.correct += counts[d].correct
		}
		if c.hits < p.MinHits || c.hits == 0 {
			continue
		}
		switch pr := c.precision(); {
		case pr < p.Bound:
			v.cut[k] = true
			for _, d := range derived[k] {
				v.cut[d] = true
			}
		case pr < p.Pair:
			v.pair[k] = true
		}
	}
	return v
}

// countRules sums the rules' hits and correct hits over the sets.
func countRules(sets [][]firedFragment) map[ruleKey]ruleCount {
	out := map[ruleKey]ruleCount{}
	for _, set := range sets {
		for _, f := range set {
			for code, rules := range f.rules {
				for _, r := range rules {
					c := out[ruleKey{code, r}]
					c.hits++
					if f.gold[code] {
						c.correct++
					}
					out[ruleKey{code, r}] = c
				}
			}
		}
	}
	return out
}

// suggested reports whether code is suggested in f under v: some rule fired that is not
// cut and, where all such rules need a pair, at least two of them fired.
func (v verdict) suggested(f firedFragment, code string) bool {
	var kept, unpaired int
	for _, r := range f.rules[code] {
		k := ruleKey{code, r}
		if v.cut[k] {
			continue
		}
		kept++
		if !v.pair[k] {
			unpaired++
		}
	}
	return unpaired > 0 || kept >= 2
}

// scoreVerdict scores a set under v on the codes ids.
func scoreVerdict(set []firedFragment, v verdict, ids []string) devScore {
	var s devScore
	for _, f := range set {
		for _, id := range ids {
			a, h := v.suggested(f, id), f.gold[id]
			switch {
			case a && h:
				s.tp++
			case a:
				s.fp++
			case h:
				s.fn++
			}
		}
	}
	return s
}

// fireSets codes the sets' fragments with ac, keeping the rules of the codes ids.
func fireSets(t *testing.T, ac *AutoCoder, ids []string, paths []string) [][]firedFragment {
	t.Helper()
	keep := map[string]bool{}
	for _, id := range ids {
		keep[id] = true
	}
	var out [][]firedFragment
	for _, path := range paths {
		var set []firedFragment
		for _, fr := range loadFragments(t, path) {
			f := firedFragment{text: fr.Text, gold: map[string]bool{}, rules: map[string][]string{}, spans: map[ruleKey]string{}}
			for _, c := range fr.Codes {
				f.gold[c] = true
			}
			seen := map[ruleKey]bool{}
			for _, m := range ac.Code(fr.Text) {
				k := ruleKey{m.Code, m.Rule}
				if !keep[m.Code] || seen[k] {
					continue
				}
				seen[k] = true
				f.rules[m.Code] = append(f.rules[m.Code], m.Rule)
				f.spans[k] = m.Span
			}
			set = append(set, f)
		}
		out = append(out, set)
	}
	return out
}

// losoEstimate applies p to each set with the rules judged on the other sets and returns
// the left-out scores per set.
func losoEstimate(sets [][]firedFragment, p cutPolicy, ids []string) []devScore {
	out := make([]devScore, len(sets))
	for i := range sets {
		var others [][]firedFragment
		for j := range sets {
			if j != i {
				others = append(others, sets[j])
			}
		}
		out[i] = scoreVerdict(sets[i], p.judge(countRules(others)), ids)
	}
	return out
}

// summary is the pooled P/R/F1 of per-set scores, their mean precision and recall, and
// the lowest recall and precision of the held-out sets (indexes from firstHeldout on).
type summary struct {
	pooled, heldout devScore // heldout: the six spent held-out sets pooled
	meanP, meanR    float64
	minHoP, minHoR  float64
}

const firstHeldout = 4 // losoSets[4:] are the spent held-out sets

func summarise(scores []devScore) summary {
	s := summary{minHoP: 1, minHoR: 1}
	for i, sc := range scores {
		s.pooled.tp += sc.tp
		s.pooled.fp += sc.fp
		s.pooled.fn += sc.fn
		p, r, _ := sc.prf()
		s.meanP += p / float64(len(scores))
		s.meanR += r / float64(len(scores))
		if i >= firstHeldout {
			s.heldout.tp += sc.tp
			s.heldout.fp += sc.fp
			s.heldout.fn += sc.fn
			s.minHoP = min(s.minHoP, p)
			s.minHoR = min(s.minHoR, r)
		}
	}
	return s
}

func (s summary) String() string {
	p, r, f := s.pooled.prf()
	hp, hr, hf := s.heldout.prf()
	return fmt.Sprintf("pooled %.3f / %.3f / %.3f, mean P %.3f R %.3f; held-out sets pooled %.3f / %.3f / %.3f, min P %.2f min R %.2f",
		p, r, f, s.meanP, s.meanR, hp, hr, hf, s.minHoP, s.minHoR)
}

func setName(path string) string {
	return strings.TrimSuffix(strings.TrimPrefix(path, "testdata/"), "/fragments.yaml")
}

// perSetLine formats per-set P/R/F1.
func perSetLine(scores []devScore) string {
	var b strings.Builder
	for i, sc := range scores {
		p, r, f := sc.prf()
		fmt.Fprintf(&b, "  %-9s %.2f / %.2f / %.2f (tp %d fp %d fn %d)\n", setName(losoSets[i]), p, r, f, sc.tp, sc.fp, sc.fn)
	}
	return b.String()
}

// rulesPolicy is the shipped choice of the procedure: a rule that is right in fewer than
// rulesBound of its hits on the sets it is judged on, over at least rulesMinHits hits, is
// cut. TestRulesLeftOut fails where a rule of the judged codebook would still be cut on
// all ten sets: the shipped patterns are the procedure's outcome, not a hand pick.
var rulesPolicy = cutPolicy{Bound: 0.3, MinHits: 3}

// TestRulesLeftOut is the leave-one-set-out judgement of the rules (see the file comment).
func TestRulesLeftOut(t *testing.T) {
	path := defaultBook
	if *rulesCodebook != "" {
		path = *rulesCodebook
	}
	cb, err := Load(path)
	if err != nil {
		t.Fatal(err)
	}
	ac, err := NewAutoCoder(cb)
	if err != nil {
		t.Fatal(err)
	}
	ids := threeFactorCodes(cb)
	sets := fireSets(t, ac, ids, losoSets)
	none := make([]devScore, len(sets))
	for i := range sets {
		none[i] = scoreVerdict(sets[i], verdict{}, ids)
	}
	t.Logf("the rules as they are, per set (18 codes, P / R / F1), %s:\n%s", summarise(none), perSetLine(none))

	var grid []cutPolicy
	for _, b := range []float64{0.3, 0.4, 0.5, 0.6} {
		for _, n := range []int{2, 3, 4} {
			grid = append(grid, cutPolicy{Bound: b, MinHits: n})
			for _, pair := range []float64{0.6, 0.7} {
				if pair > b {
					grid = append(grid, cutPolicy{Bound: b, MinHits: n, Pair: pair})
				}
			}
		}
	}
	for _, p := range grid {
		t.Logf("left out, %s: %s", p, summarise(losoEstimate(sets, p, ids)))
	}
	est := losoEstimate(sets, rulesPolicy, ids)
	t.Logf("left out, shipped %s: %s, per set:\n%s", rulesPolicy, summarise(est), perSetLine(est))

	all := countRules(sets)
	v := rulesPolicy.judge(all)
	var cut []ruleKey
	for k := range v.cut {
		cut = append(cut, k)
	}
	sort.Slice(cut, func(i, j int) bool {
		if cut[i].code != cut[j].code {
			return cut[i].code < cut[j].code
		}
		return cut[i].rule < cut[j].rule
	})
	for _, k := range cut {
		if strings.HasPrefix(k.rule, "negated ") {
			continue // reported with its pattern
		}
		var per []string
		for i, set := range sets {
			c := countRules([][]firedFragment{set})[k]
			if c.hits > 0 {
				per = append(per, fmt.Sprintf("%s %d/%d", setName(losoSets[i]), c.correct, c.hits))
			}
		}
		t.Errorf("rule %s %q is right in %d of %d hits on the ten sets (%s): below %.2f, cut or narrow it", k.code, k.rule, all[k].correct, all[k].hits, strings.Join(per, ", "), rulesPolicy.Bound)
	}
	if *rulesFP != "" {
		writeFalsePositives(t, *rulesFP, sets, ids, all)
	}
	if *rulesDecided != "" {
		writeDecisions(t, *rulesDecided, sets, ids)
	}
}

// writeDecisions writes one line per fragment and code that the coder or the rules gave
// it: the set, the fragment's number, tp, fp or fn, the code and the text.
func writeDecisions(t *testing.T, path string, sets [][]firedFragment, ids []string) {
	t.Helper()
	var b strings.Builder
	for i, set := range sets {
		for j, f := range set {
			for _, id := range ids {
				a, h := len(f.rules[id]) > 0, f.gold[id]
				kind := map[[2]bool]string{{true, true}: "tp", {true, false}: "fp", {false, true}: "fn"}[[2]bool{a, h}]
				if kind != "" {
					fmt.Fprintf(&b, "%s %d %s %s | %s\n", setName(losoSets[i]), j, kind, id, f.text)
				}
			}
		}
	}
	if err := os.WriteFile(path, []byte(b.String()), 0o644); err != nil {
		t.Fatal(err)
	}
}

// writeFalsePositives writes every false positive of the sets, grouped by code and rule,
// with the rule's counts on all sets, for reading them by class.
func writeFalsePositives(t *testing.T, path string, sets [][]firedFragment, ids []string, all map[ruleKey]ruleCount) {
	t.Helper()
	byRule := map[ruleKey][]string{}
	for i, set := range sets {
		for _, f := range set {
			for _, id := range ids {
				if f.gold[id] {
					continue
				}
				for _, r := range f.rules[id] {
					k := ruleKey{id, r}
					byRule[k] = append(byRule[k], fmt.Sprintf("  [%s] %q | %s", setName(losoSets[i]), f.spans[k], f.text))
				}
			}
		}
	}
	var keys []ruleKey
	for k := range byRule {
		keys = append(keys, k)
	}
	sort.Slice(keys, func(i, j int) bool {
		if len(byRule[keys[i]]) != len(byRule[keys[j]]) {
			return len(byRule[keys[i]]) > len(byRule[keys[j]])
		}
		return keys[i].code+keys[i].rule < keys[j].code+keys[j].rule
	})
	var b strings.Builder
	for _, k := range keys {
		c := all[k]
		fmt.Fprintf(&b, "%s %q: %d of %d right\n%s\n", k.code, k.rule, c.correct, c.hits, strings.Join(byRule[k], "\n"))
	}
	if err := os.WriteFile(path, []byte(b.String()), 0o644); err != nil {
		t.Fatal(err)
	}
}

// rankPolicy keeps, in each fragment, the suggestion whose best rule is the most precise
// on the sets it is judged on, and another code only where its best rule's precision
// there is at least Second: a coder gives most fragments one code, and a second
// suggestion beside a stronger one was right in two of three cases on the nine sets.
// Precision is smoothed toward Prior with weight 1: (correct + Prior) / (hits + 1).
type rankPolicy struct{ Second, Prior float64 }

func (p rankPolicy) confidence(counts map[ruleKey]ruleCount, f firedFragment, code string) float64 {
	best := 0.0
	for _, r := range f.rules[code] {
		c := counts[ruleKey{code, r}]
		best = max(best, (float64(c.correct)+p.Prior)/(float64(c.hits)+1))
	}
	return best
}

// scoreRanked scores a set under p with the counts of the sets it is judged on.
func scoreRanked(set []firedFragment, p rankPolicy, counts map[ruleKey]ruleCount, ids []string) devScore {
	var s devScore
	for _, f := range set {
		top, topCode := -1.0, ""
		for _, id := range ids {
			if len(f.rules[id]) > 0 {
				if c := p.confidence(counts, f, id); c > top {
					top, topCode = c, id
				}
			}
		}
		for _, id := range ids {
			a := len(f.rules[id]) > 0 && (id == topCode || p.confidence(counts, f, id) >= p.Second)
			h := f.gold[id]
			switch {
			case a && h:
				s.tp++
			case a:
				s.fp++
			case h:
				s.fn++
			}
		}
	}
	return s
}

// TestRulesRankedLeftOut is the leave-one-set-out estimate of rankPolicy for a grid of
// Second.
func TestRulesRankedLeftOut(t *testing.T) {
	cb, err := Load(defaultBook)
	if err != nil {
		t.Fatal(err)
	}
	ac, err := NewAutoCoder(cb)
	if err != nil {
		t.Fatal(err)
	}
	ids := threeFactorCodes(cb)
	sets := fireSets(t, ac, ids, losoSets)
	for _, second := range []float64{0, 0.5, 0.6, 0.7, 0.75, 0.8, 0.85, 0.9, 1.01} {
		p := rankPolicy{Second: second, Prior: 0.7}
		scores := make([]devScore, len(sets))
		for i := range sets {
			var others [][]firedFragment
			for j := range sets {
				if j != i {
					others = append(others, sets[j])
				}
			}
			scores[i] = scoreRanked(sets[i], p, countRules(others), ids)
		}
		t.Logf("left out, second code at >= %.2f: %s", second, summarise(scores))
	}
}

// Admission of new rules (issue 19, seventh round). A rule written in a round from the
// misses pooled over all sets is judged like the cut rules above, but the other way round:
// for each set in turn it counts only where, on the other sets, it was right in at least
// admitCorrect hits spread over at least admitSets sets, at a precision of at least
// admitBound. The left-out scores of that procedure say what a rule written from errors
// buys on a set whose errors did not admit it. The rules of -rules-base (the codebook
// before the round) are the old ones; every other rule of the judged codebook is new.
var rulesBase = flag.String("rules-base", "", "TestRulesAdmitted: the codebook before the round (its rules are not judged for admission)")

// admitRules is the round's choice: a new rule right in at least two hits in at least two
// sets, at a precision of at least 0.7 there.
var admitRules = admitPolicy{Correct: 2, Sets: 2, Bound: 0.7}

// admitPolicy admits a new rule judged on some sets.
type admitPolicy struct {
	Correct, Sets int
	Bound         float64
}

// baseRules are the (code, rule) pairs the codebook at path has on the sets, with their
// negated forms.
func baseRuleSet(t *testing.T, path string) map[ruleKey]bool {
	t.Helper()
	cb, err := Load(path)
	if err != nil {
		t.Fatal(err)
	}
	out := map[ruleKey]bool{}
	for _, f := range cb.Factors {
		for _, c := range f.Codes {
			for _, p := range c.Patterns {
				out[ruleKey{c.ID, p}] = true
				if opp, ok := cb.Negated[c.ID]; ok {
					out[ruleKey{opp, "negated " + c.ID + ": " + p}] = true
				}
			}
		}
	}
	return out
}

// admitted is the set of new rules p admits on sets: base rules are always in. A
// pattern and its negated form (the barrier it suggests when negated) are one rule,
// judged on their hits together and admitted together, as judge cuts them.
func (p admitPolicy) admitted(sets [][]firedFragment, base map[ruleKey]bool) map[ruleKey]bool {
	source := func(k ruleKey) ruleKey {
		if rest, ok := strings.CutPrefix(k.rule, "negated "); ok {
			if code, pat, ok := strings.Cut(rest, ": "); ok {
				return ruleKey{code, pat}
			}
		}
		return k
	}
	total := map[ruleKey]ruleCount{}
	inSets := map[ruleKey]map[int]bool{}
	forms := map[ruleKey][]ruleKey{}
	for i, s := range sets {
		for k, c := range countRules([][]firedFragment{s}) {
			if base[k] {
				continue
			}
			src := source(k)
			t := total[src]
			t.hits += c.hits
			t.correct += c.correct
			total[src] = t
			if c.correct > 0 {
				if inSets[src] == nil {
					inSets[src] = map[int]bool{}
				}
				inSets[src][i] = true
			}
			if i == 0 || !containsKey(forms[src], k) {
				forms[src] = append(forms[src], k)
			}
		}
	}
	out := map[ruleKey]bool{}
	for src, c := range total {
		if c.correct >= p.Correct && len(inSets[src]) >= p.Sets && c.precision() >= p.Bound {
			for _, k := range forms[src] {
				out[k] = true
			}
		}
	}
	return out
}

func containsKey(keys []ruleKey, k ruleKey) bool {
	for _, x := range keys {
		if x == k {
			return true
		}
	}
	return false
}

// scoreAdmitted scores set with the base rules and the admitted new ones, after v's cuts.
func scoreAdmitted(set []firedFragment, v verdict, base, admit map[ruleKey]bool, ids []string) devScore {
	var s devScore
	for _, f := range set {
		g := firedFragment{text: f.text, gold: f.gold, rules: map[string][]string{}}
		for code, rules := range f.rules {
			for _, r := range rules {
				if k := (ruleKey{code, r}); base[k] || admit[k] {
					g.rules[code] = append(g.rules[code], r)
				}
			}
		}
		for _, id := range ids {
			a, h := v.suggested(g, id), f.gold[id]
			switch {
			case a && h:
				s.tp++
			case a:
				s.fp++
			case h:
				s.fn++
			}
		}
	}
	return s
}

// TestRulesAdmitted (with -rules-base) logs, for the judged codebook against the base,
// every new rule's hits per set and the leave-one-set-out estimate of admitting new rules
// by admitPolicy and cutting by rulesPolicy, beside the base alone and the judged codebook
// as it is (all new rules in).
func TestRulesAdmitted(t *testing.T) {
	if *rulesBase == "" {
		t.Skip("-rules-base not given")
	}
	path := defaultBook
	if *rulesCodebook != "" {
		path = *rulesCodebook
	}
	cb, err := Load(path)
	if err != nil {
		t.Fatal(err)
	}
	ac, err := NewAutoCoder(cb)
	if err != nil {
		t.Fatal(err)
	}
	ids := threeFactorCodes(cb)
	base := baseRuleSet(t, *rulesBase)
	sets := fireSets(t, ac, ids, losoSets)
	others := func(i int) [][]firedFragment {
		var o [][]firedFragment
		for j := range sets {
			if j != i {
				o = append(o, sets[j])
			}
		}
		return o
	}
	none := map[ruleKey]bool{}
	all := map[ruleKey]bool{}
	for k := range countRules(sets) {
		all[k] = true
	}
	for _, variant := range []struct {
		name  string
		admit func(i int) map[ruleKey]bool
	}{
		{"base rules only", func(int) map[ruleKey]bool { return none }},
		{"all new rules in", func(int) map[ruleKey]bool { return all }},
		{"new rules admitted left out (>=2 right in >=2 sets, P>=0.5)", func(i int) map[ruleKey]bool {
			return admitPolicy{2, 2, 0.5}.admitted(others(i), base)
		}},
		{"new rules admitted left out (>=2 right in >=2 sets, P>=0.6)", func(i int) map[ruleKey]bool {
			return admitPolicy{2, 2, 0.6}.admitted(others(i), base)
		}},
		{"new rules admitted left out (>=2 right in >=2 sets, P>=0.7: admitRules)", func(i int) map[ruleKey]bool {
			return admitRules.admitted(others(i), base)
		}},
		{"new rules admitted left out (>=3 right in >=2 sets, P>=0.6)", func(i int) map[ruleKey]bool {
			return admitPolicy{3, 2, 0.6}.admitted(others(i), base)
		}},
	} {
		for _, cutting := range []bool{false, true} {
			scores := make([]devScore, len(sets))
			for i := range sets {
				v := verdict{}
				if cutting {
					v = rulesPolicy.judge(countRules(others(i)))
				}
				scores[i] = scoreAdmitted(sets[i], v, base, variant.admit(i), ids)
			}
			t.Logf("%s, cut left out %v: %s, per set:\n%s", variant.name, cutting, summarise(scores), perSetLine(scores))
		}
	}
	shipped := admitRules.admitted(sets, base)
	perSet := make([]map[ruleKey]ruleCount, len(sets))
	for i, s := range sets {
		perSet[i] = countRules([][]firedFragment{s})
	}
	total := countRules(sets)
	var keys []ruleKey
	for k := range total {
		if !base[k] {
			keys = append(keys, k)
		}
	}
	sort.Slice(keys, func(i, j int) bool { return keys[i].code+keys[i].rule < keys[j].code+keys[j].rule })
	for _, k := range keys {
		var per []string
		for i, ps := range perSet {
			if c := ps[k]; c.hits > 0 {
				per = append(per, fmt.Sprintf("%s %d/%d", setName(losoSets[i]), c.correct, c.hits))
			}
		}
		verdict := "not admitted"
		if shipped[k] {
			verdict = "admitted"
		}
		t.Logf("new %s %q: %d/%d (%s), %s", k.code, k.rule, total[k].correct, total[k].hits, strings.Join(per, ", "), verdict)
	}
}

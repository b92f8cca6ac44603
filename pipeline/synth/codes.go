package synth

import (
	"fmt"
	"strconv"

	"go.yaml.in/yaml/v3"
)

// maxCodes keeps a synthetic codebook within what a coding team could hold.
const maxCodes = 1000

// codeSet is the codebook's codes that the interviews speak of: by default the default
// codebook's 18; for Config.Codes another number, built on the default's three factors.
// With fewer codes each factor keeps its first codes, the factors taking turns; with
// more, each factor's codes return as variants ("kennen.persoonlijk_2", ...) of the
// factor's codes in turn, until the number is reached, the factors again taking turns.
// A variant is spoken of as often as its code, in the code's sentences followed by a
// marker sentence naming its own theme word ("themaab"), which is the variant's only
// auto-coder pattern: the auto-coder then finds the code and the variant, as a coder
// reading the sentence might apply either.
type codeSet struct {
	order   [nScales][]string // per factor, the codes in codebook order
	all     []string          // the codes in the order of factorCum
	weight  map[string]float64
	phrases map[string][]string
	factor  map[string]int
	// variant maps a variant's id to the code it varies and its theme word.
	variant map[string]variantOf
}

type variantOf struct {
	base, theme string
	n           int // 2 for the first variant of base
}

// defaultCodes is the default codebook's code set.
var defaultCodes = newCodeSet(0)

// newCodeSet builds the code set of n codes (0: the default codebook's).
func newCodeSet(n int) *codeSet {
	cs := &codeSet{weight: codeWeight, phrases: codePhrases, factor: map[string]int{}, variant: map[string]variantOf{}}
	defaults := 0
	for f := range nScales {
		defaults += len(codeOrder[f])
	}
	switch {
	case n == 0 || n == defaults:
		cs.order = codeOrder
	case n < defaults:
		// The factors take turns, each giving its next code.
		next := [nScales]int{}
		for taken := 0; taken < n; {
			for f := range nScales {
				if taken < n && next[f] < len(codeOrder[f]) {
					next[f]++
					taken++
				}
			}
		}
		for f := range nScales {
			cs.order[f] = codeOrder[f][:next[f]]
		}
	default:
		cs.weight, cs.phrases = map[string]float64{}, map[string][]string{}
		for c, w := range codeWeight {
			cs.weight[c] = w
		}
		for c, p := range codePhrases {
			cs.phrases[c] = p
		}
		for f := range nScales {
			cs.order[f] = append([]string(nil), codeOrder[f]...)
		}
		made := [nScales]int{}
		for taken := defaults; taken < n; {
			for f := range nScales {
				if taken == n {
					break
				}
				base := codeOrder[f][made[f]%len(codeOrder[f])]
				v := variantOf{base: base, n: made[f]/len(codeOrder[f]) + 2, theme: themeWord(taken - defaults)}
				id := base + "_" + strconv.Itoa(v.n)
				made[f]++
				taken++
				cs.order[f] = append(cs.order[f], id)
				cs.variant[id] = v
				cs.weight[id] = codeWeight[base]
				for _, p := range codePhrases[base] {
					cs.phrases[id] = append(cs.phrases[id], p+" Dat valt bij ons onder "+v.theme+".")
				}
			}
		}
	}
	for f := range nScales {
		cs.all = append(cs.all, cs.order[f]...)
		for _, c := range cs.order[f] {
			cs.factor[c] = f
		}
	}
	return cs
}

// themeWord is the i-th (0-based) theme word: "thema" and two letters (aa, ab, ..., zz),
// then three.
func themeWord(i int) string {
	if i < 26*26 {
		return "thema" + string([]byte{byte('a' + i/26), byte('a' + i%26)})
	}
	i -= 26 * 26
	return "thema" + string([]byte{byte('a' + i/676%26), byte('a' + i/26%26), byte('a' + i%26)})
}

// editCodes makes the factors' codes in the codebook tree those of the code set: codes
// left out are removed; a variant is a copy of its code's entry with its own id, a
// numbered label, no aliases (an alias names one code) and its theme word as its only
// pattern. The default code set leaves the tree as it is; any other keeps only the three
// factors the interviews speak of (those with a survey scale), so that the codebook
// holds exactly the codes asked for.
func (cs *codeSet) editCodes(root *yaml.Node) error {
	if cs == defaultCodes || len(cs.variant) == 0 && len(cs.all) == len(defaultCodes.all) {
		return nil
	}
	factors := mappingValue(root, "factors")
	if factors == nil || factors.Kind != yaml.SequenceNode {
		return fmt.Errorf("default codebook: no factors")
	}
	var spoken []*yaml.Node
	for f := range nScales {
		for _, fn := range factors.Content {
			if id := mappingValue(fn, "id"); id != nil && id.Value == scaleIDs[f] {
				spoken = append(spoken, fn)
			}
		}
		if len(spoken) != f+1 {
			return fmt.Errorf("default codebook: no factor %s", scaleIDs[f])
		}
	}
	factors.Content = spoken
	// The map of negated facilitators to barriers keeps the pairs of codes kept.
	if neg := mappingValue(root, "negated"); neg != nil && neg.Kind == yaml.MappingNode {
		kept := map[string]bool{}
		for _, c := range cs.all {
			kept[c] = true
		}
		var pairs []*yaml.Node
		for i := 0; i+1 < len(neg.Content); i += 2 {
			if kept[neg.Content[i].Value] && kept[neg.Content[i+1].Value] {
				pairs = append(pairs, neg.Content[i], neg.Content[i+1])
			}
		}
		neg.Content = pairs
	}
	for f, fn := range factors.Content {
		codes := mappingValue(fn, "codes")
		if codes == nil || codes.Kind != yaml.SequenceNode {
			return fmt.Errorf("default codebook: factor %d has no codes", f+1)
		}
		byID := map[string]*yaml.Node{}
		for _, c := range codes.Content {
			if id := mappingValue(c, "id"); id != nil {
				byID[id.Value] = c
			}
		}
		var out []*yaml.Node
		for _, id := range cs.order[f] {
			if n, ok := byID[id]; ok {
				out = append(out, n)
				continue
			}
			v := cs.variant[id]
			base, ok := byID[v.base]
			if !ok {
				return fmt.Errorf("default codebook: no code %s", v.base)
			}
			n := cloneNode(base)
			n.HeadComment, n.FootComment = "", ""
			var kept []*yaml.Node
			for i := 0; i+1 < len(n.Content); i += 2 {
				k, val := n.Content[i], n.Content[i+1]
				switch k.Value {
				case "id":
					val.Value = id
				case "label":
					for j := 0; j+1 < len(val.Content); j += 2 {
						val.Content[j+1].Value += " " + strconv.Itoa(v.n)
					}
				case "aliases":
					continue
				case "patterns":
					val.Content = []*yaml.Node{quoted(v.theme)}
				}
				kept = append(kept, k, val)
			}
			n.Content = kept
			out = append(out, n)
		}
		codes.Content = out
	}
	return nil
}

// cloneNode returns a deep copy of a YAML node (aliases copied as aliases).
func cloneNode(n *yaml.Node) *yaml.Node {
	c := *n
	c.Content = make([]*yaml.Node, len(n.Content))
	for i, k := range n.Content {
		c.Content[i] = cloneNode(k)
	}
	return &c
}

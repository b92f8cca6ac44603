package synth

import (
	"bytes"
	"fmt"
	"strconv"

	"go.yaml.in/yaml/v3"

	"github.com/samenspel/samenspel/data"
)

// extendedCodebook returns the default codebook with each scale's items replaced by n
// items (K1..Kn, B1..Bn, I1..In), every fourth reverse-keyed, and the codes of cs. It edits the YAML tree
// rather than the Codebook value so that the file keeps the default codebook's comments,
// anchors and layout: a researcher opening it sees the codebook they know.
func extendedCodebook(n int, cs *codeSet) ([]byte, error) {
	var root yaml.Node
	if err := yaml.Unmarshal(data.DefaultCodebook, &root); err != nil {
		return nil, fmt.Errorf("default codebook: %v", err)
	}
	if len(root.Content) == 0 || root.Content[0].Kind != yaml.MappingNode {
		return nil, fmt.Errorf("default codebook: not a mapping")
	}
	scales := mappingValue(root.Content[0], "scales")
	if scales == nil || scales.Kind != yaml.SequenceNode {
		return nil, fmt.Errorf("default codebook: no scales")
	}
	done := 0
	for _, sc := range scales.Content {
		id := mappingValue(sc, "id")
		items := mappingValue(sc, "items")
		if id == nil || items == nil {
			continue
		}
		for s := range nScales {
			if id.Value == scaleIDs[s] {
				items.Content = itemNodes(s, n)
				done++
			}
		}
	}
	if done != nScales {
		return nil, fmt.Errorf("default codebook: found %d of the scales %v", done, scaleIDs)
	}
	if err := cs.editCodes(root.Content[0]); err != nil {
		return nil, err
	}
	codes := ""
	if len(cs.all) != len(defaultCodes.all) {
		codes = fmt.Sprintf(" and %d codes", len(cs.all))
	}
	root.Content[0].HeadComment = fmt.Sprintf("Codebook of a synthetic study written by `analyse synth`: the default codebook\n"+
		"with %d items per scale, every fourth reverse-keyed%s.\n\n", n, codes) + root.Content[0].HeadComment
	var buf bytes.Buffer
	enc := yaml.NewEncoder(&buf)
	enc.SetIndent(2)
	if err := enc.Encode(&root); err != nil {
		return nil, err
	}
	if err := enc.Close(); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

// mappingValue returns the value under key in a mapping node, or nil.
func mappingValue(m *yaml.Node, key string) *yaml.Node {
	if m == nil || m.Kind != yaml.MappingNode {
		return nil
	}
	for i := 0; i+1 < len(m.Content); i += 2 {
		if m.Content[i].Value == key {
			return m.Content[i+1]
		}
	}
	return nil
}

// itemNodes writes n items of scale s in the default codebook's flow style:
//
//	{id: K4, reverse: true, text: {nl: "...", en: "..."}}
func itemNodes(s, n int) []*yaml.Node {
	out := make([]*yaml.Node, 0, n)
	for j := 1; j <= n; j++ {
		nl, en := itemText(s, j)
		text := flowMap(str("nl"), quoted(nl), str("en"), quoted(en))
		kv := []*yaml.Node{str("id"), str(scalePrefix[s] + strconv.Itoa(j))}
		if j%4 == 0 {
			kv = append(kv, str("reverse"), &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!bool", Value: "true"})
		}
		out = append(out, flowMap(append(kv, str("text"), text)...))
	}
	return out
}

// itemText is the statement of item j (1-based) of scale s: a negatively worded one for
// the reverse-keyed items, positively worded ones for the rest. Once a bank runs out its
// statements return, numbered, so that no two items share a text.
func itemText(s, j int) (nl, en string) {
	bank, k := itemTexts[s].pos, j-j/4-1
	if j%4 == 0 {
		bank, k = itemTexts[s].neg, j/4-1
	}
	t := bank[k%len(bank)]
	if k >= len(bank) {
		return fmt.Sprintf("%s (stelling %d)", t[0], j), fmt.Sprintf("%s (statement %d)", t[1], j)
	}
	return t[0], t[1]
}

func str(s string) *yaml.Node { return &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!str", Value: s} }

func quoted(s string) *yaml.Node {
	return &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!str", Value: s, Style: yaml.DoubleQuotedStyle}
}

func flowMap(kv ...*yaml.Node) *yaml.Node {
	return &yaml.Node{Kind: yaml.MappingNode, Tag: "!!map", Style: yaml.FlowStyle, Content: kv}
}

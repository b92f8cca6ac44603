package codebook

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"os"
	"sort"
	"strconv"

	"go.yaml.in/yaml/v3"
)

// Answers are a scale's answer labels. In YAML they are written as a mapping from value
// to label, or to a list of labels (Dutch, English, synonyms):
//
//	answers: {1: Helemaal mee oneens, 2: [Mee oneens, Disagree]}
type Answers []AnswerLabel

// UnmarshalYAML reads the mapping form and the list form ({value, labels}).
func (a *Answers) UnmarshalYAML(n *yaml.Node) error {
	switch n.Kind {
	case yaml.MappingNode:
		for i := 0; i+1 < len(n.Content); i += 2 {
			kn, vn := n.Content[i], n.Content[i+1]
			v, err := strconv.ParseFloat(kn.Value, 64)
			if err != nil {
				return fmt.Errorf("line %d: answer value %q is not a number", kn.Line, kn.Value)
			}
			var labels []string
			switch vn.Kind {
			case yaml.ScalarNode:
				labels = []string{vn.Value}
			case yaml.SequenceNode:
				if err := vn.Decode(&labels); err != nil {
					return err
				}
			default:
				return fmt.Errorf("line %d: answer %s needs a label or a list of labels", vn.Line, kn.Value)
			}
			*a = append(*a, AnswerLabel{Value: v, Labels: labels})
		}
		return nil
	case yaml.SequenceNode:
		var list []AnswerLabel
		if err := n.Decode(&list); err != nil {
			return err
		}
		*a = append(*a, list...)
		return nil
	}
	return fmt.Errorf("line %d: answers must be a mapping from value to label", n.Line)
}

// MarshalYAML writes the mapping form, values in ascending order.
func (a Answers) MarshalYAML() (any, error) {
	sorted := append(Answers(nil), a...)
	sort.SliceStable(sorted, func(i, j int) bool { return sorted[i].Value < sorted[j].Value })
	n := &yaml.Node{Kind: yaml.MappingNode, Style: yaml.FlowStyle}
	for _, al := range sorted {
		k := &yaml.Node{Kind: yaml.ScalarNode, Value: strconv.FormatFloat(al.Value, 'f', -1, 64)}
		var v *yaml.Node
		if len(al.Labels) == 1 {
			v = &yaml.Node{Kind: yaml.ScalarNode, Value: al.Labels[0]}
		} else {
			v = &yaml.Node{Kind: yaml.SequenceNode, Style: yaml.FlowStyle}
			for _, l := range al.Labels {
				v.Content = append(v.Content, &yaml.Node{Kind: yaml.ScalarNode, Value: l})
			}
		}
		n.Content = append(n.Content, k, v)
	}
	return n, nil
}

// ParseYAML reads a codebook from YAML. Unknown keys are errors naming their line.
func ParseYAML(data []byte) (*Codebook, error) {
	dec := yaml.NewDecoder(bytes.NewReader(data))
	dec.KnownFields(true)
	var cb Codebook
	if err := dec.Decode(&cb); err != nil {
		return nil, err
	}
	cb.Prepare()
	return &cb, nil
}

// Load reads a codebook file. The format follows the extension: .yaml/.yml (others are
// added by their own files).
func Load(path string) (*Codebook, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	cb, err := ParseYAML(data)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	return cb, nil
}

// FileSHA256 returns the hex sha256 of a file, for the manifest.
func FileSHA256(path string) (string, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return "", err
	}
	sum := sha256.Sum256(data)
	return hex.EncodeToString(sum[:]), nil
}

// MarshalYAML writes the codebook as YAML.
func (cb *Codebook) MarshalYAMLBytes() ([]byte, error) {
	var buf bytes.Buffer
	enc := yaml.NewEncoder(&buf)
	enc.SetIndent(2)
	if err := enc.Encode(cb); err != nil {
		return nil, err
	}
	return buf.Bytes(), enc.Close()
}

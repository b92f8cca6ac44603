package codebook

import (
	"bytes"
	"os"
	"path/filepath"
	"strconv"
	"strings"

	"github.com/samenspel/samenspel/pipeline/model"
	"go.yaml.in/yaml/v3"
)

// AnswerAlias is a label to add to a scale: as a further label of the answer with Value,
// or, when Missing, to the scale's missing labels.
type AnswerAlias struct {
	Scale   string
	Label   string
	Value   float64
	Missing bool
}

// RoleAlias is a name to add to a role's synonyms.
type RoleAlias struct {
	Role string
	Name string
}

// CodeAlias is a name to add to a code's aliases.
type CodeAlias struct {
	Code string
	Name string
}

// AddAliases adds answer labels and code aliases to a YAML codebook in place, keeping its
// comments, order and anchors: it edits the parsed document and writes it back through a
// temporary file. An alias that the codebook already holds is not added twice; an answer
// list shared by an anchor (answers: &likert5) gains the label for every scale sharing
// it, as they share their answers. Other formats are refused with ErrFormat: write the
// aliases into the .xlsx or .qdc by hand, or convert the codebook to YAML first.
func AddAliases(path string, answers []AnswerAlias, codes []CodeAlias, roles ...RoleAlias) error {
	switch strings.ToLower(filepath.Ext(path)) {
	case ".yaml", ".yml":
	default:
		return model.Reasonf("%s: %w: aliases are added to a YAML codebook only (convert it with `analyse codebook convert`)", "%s: %v: aliassen worden alleen aan een YAML-codeboek toegevoegd (zet het om met `analyse codebook convert`)", path, ErrFormat)
	}
	data, err := readRegular(path)
	if err != nil {
		return err
	}
	crlf := bytes.Contains(data, []byte("\r\n"))
	data = bytes.ReplaceAll(data, []byte("\r\n"), []byte("\n"))
	var doc yaml.Node
	if err := yaml.Unmarshal(data, &doc); err != nil {
		return model.Reasonf("%s: %v", "%s: %v", path, err)
	}
	if len(doc.Content) == 0 || doc.Content[0].Kind != yaml.MappingNode {
		return model.Reasonf("%s: %w: not a codebook", "%s: %v: geen codeboek", path, ErrFormat)
	}
	root := doc.Content[0]
	for _, a := range answers {
		sc := findByID(value(root, "scales"), a.Scale)
		if sc == nil {
			return model.Reasonf("%s: no scale %q", "%s: geen schaal %q", path, a.Scale)
		}
		if a.Missing {
			m := value(sc, "missing")
			if m == nil {
				m = &yaml.Node{Kind: yaml.SequenceNode, Style: yaml.FlowStyle}
				setValue(sc, "missing", m)
			}
			m = deref(m)
			addScalar(m, a.Label)
			continue
		}
		ans := deref(value(sc, "answers"))
		if ans == nil || ans.Kind != yaml.MappingNode {
			return model.Reasonf("%s: scale %q: answers are not a mapping from value to label", "%s: schaal %q: answers koppelt geen waarden aan labels", path, a.Scale)
		}
		done := false
		for i := 0; i+1 < len(ans.Content); i += 2 {
			v, err := strconv.ParseFloat(ans.Content[i].Value, 64)
			if err != nil || v != a.Value {
				continue
			}
			lab := deref(ans.Content[i+1])
			if lab.Kind == yaml.ScalarNode {
				old := *lab
				*lab = yaml.Node{Kind: yaml.SequenceNode, Style: yaml.FlowStyle, Content: []*yaml.Node{&old}}
			}
			addScalar(lab, a.Label)
			done = true
		}
		if !done {
			return model.Reasonf("%s: scale %q has no answer %v", "%s: schaal %q heeft geen antwoord %v", path, a.Scale, a.Value)
		}
	}
	for _, c := range codes {
		var code *yaml.Node
		if fs := value(root, "factors"); fs != nil {
			for _, f := range deref(fs).Content {
				if code = findByID(value(f, "codes"), c.Code); code != nil {
					break
				}
			}
		}
		if code == nil {
			return model.Reasonf("%s: no code %q", "%s: geen code %q", path, c.Code)
		}
		al := value(code, "aliases")
		if al == nil {
			al = &yaml.Node{Kind: yaml.SequenceNode, Style: yaml.FlowStyle}
			setValue(code, "aliases", al)
		}
		addScalar(deref(al), c.Name)
	}
	for _, ra := range roles {
		role := findByID(value(root, "roles"), ra.Role)
		if role == nil {
			return model.Reasonf("%s: no role %q", "%s: geen rol %q", path, ra.Role)
		}
		syn := value(role, "synonyms")
		if syn == nil {
			syn = &yaml.Node{Kind: yaml.SequenceNode, Style: yaml.FlowStyle}
			setValue(role, "synonyms", syn)
		}
		addScalar(deref(syn), ra.Name)
	}
	var buf bytes.Buffer
	enc := yaml.NewEncoder(&buf)
	enc.SetIndent(2)
	if err := enc.Encode(&doc); err != nil {
		return err
	}
	if err := enc.Close(); err != nil {
		return err
	}
	out := keepBlankLines(data, buf.Bytes())
	if crlf { // a codebook saved on Windows keeps its line ends
		out = bytes.ReplaceAll(out, []byte("\n"), []byte("\r\n"))
	}
	tmp, err := os.CreateTemp(filepath.Dir(path), ".codebook-*")
	if err != nil {
		return err
	}
	defer os.Remove(tmp.Name())
	if _, err := tmp.Write(out); err != nil {
		tmp.Close()
		return err
	}
	if err := tmp.Close(); err != nil {
		return err
	}
	if fi, err := os.Stat(path); err == nil {
		os.Chmod(tmp.Name(), fi.Mode().Perm())
	}
	return os.Rename(tmp.Name(), path)
}

// deref follows a YAML alias (*likert5) to the node it names.
func deref(n *yaml.Node) *yaml.Node {
	for n != nil && n.Kind == yaml.AliasNode {
		n = n.Alias
	}
	return n
}

// value returns the value of key in a mapping node, nil when absent.
func value(m *yaml.Node, key string) *yaml.Node {
	m = deref(m)
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

func setValue(m *yaml.Node, key string, v *yaml.Node) {
	m.Content = append(m.Content, &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!str", Value: key}, v)
}

// findByID returns the element of a sequence of mappings whose id is id.
func findByID(seq *yaml.Node, id string) *yaml.Node {
	seq = deref(seq)
	if seq == nil || seq.Kind != yaml.SequenceNode {
		return nil
	}
	for _, e := range seq.Content {
		if v := value(e, "id"); v != nil && v.Value == id {
			return deref(e)
		}
	}
	return nil
}

// addScalar appends a string to a sequence unless it holds it already (folded).
func addScalar(seq *yaml.Node, s string) {
	for _, e := range seq.Content {
		if Fold(e.Value) == Fold(s) {
			return
		}
	}
	seq.Content = append(seq.Content, &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!str", Value: s})
}

// keepBlankLines puts the blank lines of the original file back into the re-encoded one,
// which the YAML encoder drops: before each line of the new text that follows a blank
// line in the original, matching lines in order and skipping the lines that changed.
func keepBlankLines(orig, encoded []byte) []byte {
	old := strings.Split(string(orig), "\n")
	cur := strings.Split(string(encoded), "\n")
	var out []string
	j, blank := 0, false
	for _, l := range old {
		if strings.TrimSpace(l) == "" {
			blank = true
			continue
		}
		k := j
		for k < len(cur) && k < j+200 && cur[k] != l {
			k++
		}
		if k >= len(cur) || cur[k] != l {
			continue // a line that changed: its blank line goes before the next match
		}
		out = append(out, cur[j:k]...)
		if blank {
			out = append(out, "")
			blank = false
		}
		out = append(out, cur[k])
		j = k + 1
	}
	out = append(out, cur[j:]...)
	return []byte(strings.Join(out, "\n"))
}

package pipeline

import "go.yaml.in/yaml/v3"

// Names is a list of names in study.yaml, written as a list (interviewer: [Qwyntje,
// Anna]) or, for one name, as the name alone (interviewer: Qwyntje).
type Names []string

// UnmarshalYAML accepts a single name as well as a list.
func (n *Names) UnmarshalYAML(v *yaml.Node) error {
	if v.Kind == yaml.ScalarNode {
		if v.Value == "" {
			*n = nil
			return nil
		}
		*n = Names{v.Value}
		return nil
	}
	var list []string
	if err := v.Decode(&list); err != nil {
		return err
	}
	*n = list
	return nil
}

package pipeline

import (
	"fmt"
	"strconv"
	"strings"

	"go.yaml.in/yaml/v3"
)

// checkMinCell refuses a privacy.min_cell that is written but is no whole number of at
// least 1. The YAML decoder turns 2.5 into 2 (less protection than written) without a
// word, and 0 reads as "not set", which became the default 5: a threshold is taken only
// as written, never rounded down or replaced.
func (s *Study) checkMinCell() error {
	n := s.keyNode("privacy.min_cell")
	if n == nil || n.Kind != yaml.ScalarNode || n.Tag == "!!null" {
		return nil
	}
	v := strings.TrimSpace(n.Value)
	i, err := strconv.Atoi(v)
	if err != nil {
		return s.errAt("privacy.min_cell", -1, fmt.Sprintf("%q is not a whole number (a group size: 5, not 2.5)", v), fmt.Sprintf("%q is geen geheel getal (een groepsgrootte: 5, niet 2,5)", v))
	}
	if i < 1 {
		return s.errAt("privacy.min_cell", -1, fmt.Sprintf("%d must be at least 1", i), fmt.Sprintf("%d moet minstens 1 zijn", i))
	}
	return nil
}

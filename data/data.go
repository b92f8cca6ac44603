// Package data holds the bundled example study and the default codebook; the default
// codebook is embedded so `analyse init` can copy it into a new study.
package data

import _ "embed"

// DefaultCodebook is data/codebooks/samenwerking.yaml.
//
//go:embed codebooks/samenwerking.yaml
var DefaultCodebook []byte

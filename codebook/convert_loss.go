package codebook

import (
	"bytes"
	"path/filepath"
	"reflect"
	"strings"

	"github.com/samenspel/samenspel/pipeline/model"
)

// Lost names what of cb a file written to path would not give back: the codebook is
// written in that format in memory, read back and compared part by part (scales, roles,
// partners, the negation words and map, the calibration and the model, code sets, and per code its
// labels, definitions, rules, aliases and patterns). A REFI-QDA codebook (.qdc) has no
// place for scales, roles, partners or settings; the Excel one none for code sets. So that
// `codebook convert` can say so instead of seeming to be a complete round trip. A
// Markdown appendix is written only, never read back: Lost says nothing for it.
func Lost(cb *Codebook, path string) ([]Loss, error) {
	ext := strings.ToLower(filepath.Ext(path))
	if ext == ".md" {
		return nil, nil
	}
	data, err := cb.bytesFor(path, "nl")
	if err != nil {
		return nil, err
	}
	var back *Codebook
	switch ext {
	case ".yaml", ".yml":
		back, err = ParseYAML(data)
	case ".xlsx":
		back, err = parseXLSX(bytes.NewReader(data))
	case ".qdc":
		back, err = parseQDCFile(path, bytes.NewReader(data))
	}
	if err != nil {
		return nil, model.Reasonf("%s: reading the written codebook back: %w", "%s: het geschreven codeboek teruglezen: %v", path, err)
	}
	src := cb.calibrationFrom(path)
	var lost []Loss
	count := func(part string, a, b int) {
		if a > b {
			lost = append(lost, Loss{part, a - b})
		}
	}
	count("scales", len(src.Scales), len(back.Scales))
	count("roles", len(src.Roles), len(back.Roles))
	count("partners", len(src.Partners), len(back.Partners))
	count("code sets", len(src.Sets), len(back.Sets))
	count("negation words", len(src.Negations), len(back.Negations))
	count("entries of the negated map", len(src.Negated), len(back.Negated))
	if src.Calibration != "" && back.Calibration != src.Calibration {
		lost = append(lost, Loss{"the calibration", 1})
	}
	if src.ModelFile != "" && back.ModelFile != src.ModelFile {
		lost = append(lost, Loss{"the model", 1})
	}
	if src.Name != "" && back.Name != src.Name {
		lost = append(lost, Loss{"the name", 1})
	}
	if src.Version != "" && back.Version != src.Version {
		lost = append(lost, Loss{"the version", 1})
	}
	codes := map[string]Code{}
	for _, f := range back.Factors {
		for _, c := range f.Codes {
			codes[c.ID] = c
		}
	}
	parts := []string{"codes", "codes' labels", "codes' definitions", "codes' inclusion rules", "codes' exclusion rules", "codes' examples", "codes' aliases", "codes' patterns"}
	n := make([]int, len(parts))
	for _, f := range src.Factors {
		for _, c := range f.Codes {
			b, ok := codes[c.ID]
			if !ok {
				n[0]++
				continue
			}
			for i, pair := range [][2]any{
				{c.Label, b.Label}, {c.Definition, b.Definition}, {c.Include, b.Include},
				{c.Exclude, b.Exclude}, {c.Example, b.Example}, {c.Aliases, b.Aliases}, {c.Patterns, b.Patterns},
			} {
				if !sameContent(pair[0], pair[1]) {
					n[i+1]++
				}
			}
		}
	}
	for i, part := range parts {
		if n[i] > 0 {
			lost = append(lost, Loss{part, n[i]})
		}
	}
	return lost, nil
}

// Loss is a part of a codebook a format does not give back: Part is one of "scales",
// "roles", "partners", "code sets", "negation words", "entries of the negated map", "the
// calibration", "the model", "the name", "the version", "codes", "codes' labels", "codes'
// definitions", "codes' inclusion rules", "codes' exclusion rules", "codes' examples",
// "codes' aliases", "codes' patterns"; N how many (of the codes: how many codes).
type Loss struct {
	Part string
	N    int
}

// sameContent compares two texts or lists, an empty one equal to a missing one.
func sameContent(a, b any) bool {
	va, vb := reflect.ValueOf(a), reflect.ValueOf(b)
	if va.Len() == 0 && vb.Len() == 0 {
		return true
	}
	return reflect.DeepEqual(a, b)
}

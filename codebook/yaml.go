package codebook

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"io"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"

	"github.com/samenspel/samenspel/pipeline/model"
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
				return model.Reasonf("line %d: answer value %q is not a number", "regel %d: antwoordwaarde %q is geen getal", kn.Line, kn.Value)
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
				return model.Reasonf("line %d: answer %s needs a label or a list of labels", "regel %d: antwoord %s heeft een label of een lijst van labels nodig", vn.Line, kn.Value)
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
	return model.Reasonf("line %d: answers must be a mapping from value to label", "regel %d: answers moet waarden aan labels koppelen (1: Helemaal mee oneens, ...)", n.Line)
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

// ParseYAML reads a codebook from YAML. Unknown keys are errors naming their line. It
// records the line of every element for Validate, but does not validate.
func ParseYAML(data []byte) (*Codebook, error) { return parseYAML(data, nil) }

// parseYAML is ParseYAML. The file is parsed twice, into the codebook (with unknown keys
// as errors) and into nodes for the lines; the two parses run side by side (on the
// example's codebook some 10 ms each). decoded, when not nil, is called as soon as the
// codebook is decoded; what it returns is called once the lines are recorded and the
// codebook prepared, so that the work decoded starts (reading the calibration) runs
// beside that.
func parseYAML(data []byte, decoded func(cb *Codebook) (finish func())) (*Codebook, error) {
	nodes := make(chan *yaml.Node, 1)
	go func() {
		var root yaml.Node
		if err := yaml.Unmarshal(data, &root); err != nil {
			nodes <- nil
			return
		}
		nodes <- &root
	}()
	dec := yaml.NewDecoder(bytes.NewReader(data))
	dec.KnownFields(true)
	var cb Codebook
	if err := dec.Decode(&cb); err != nil {
		<-nodes
		if err == io.EOF {
			return nil, model.Reasonf("%w: empty file", "%v: leeg bestand", ErrFormat)
		}
		return nil, model.Reasonf("%w: %v", "%v: %v", ErrFormat, err)
	}
	finish := func() {}
	if decoded != nil {
		finish = decoded(&cb)
	}
	if root := <-nodes; root != nil {
		cb.recordYAML(root, "", 0)
	}
	cb.Prepare()
	finish()
	return &cb, nil
}

// recordYAML records the line of every mapping value and sequence item under path. The
// answers of a scale are recorded by their position, as Answers holds them.
func (cb *Codebook) recordYAML(n *yaml.Node, path string, depth int) {
	if n == nil || depth > 64 {
		return
	}
	if n.Kind == yaml.AliasNode {
		n = n.Alias
		if n == nil {
			return
		}
	}
	switch n.Kind {
	case yaml.DocumentNode:
		for _, c := range n.Content {
			cb.recordYAML(c, path, depth+1)
		}
	case yaml.MappingNode:
		answers := strings.HasSuffix(path, "/answers")
		for i := 0; i+1 < len(n.Content); i += 2 {
			k, v := n.Content[i], n.Content[i+1]
			child := at(path, k.Value)
			if answers {
				child = at(path, i/2)
				cb.setPlace(child, Place{Line: k.Line})
				if v.Kind == yaml.SequenceNode {
					for j, l := range v.Content {
						cb.setPlace(at(child, "labels", j), Place{Line: l.Line})
					}
				} else {
					cb.setPlace(at(child, "labels", 0), Place{Line: v.Line})
				}
				continue
			}
			if path == "" {
				child = k.Value
			}
			cb.setPlace(child, Place{Line: k.Line})
			cb.recordYAML(v, child, depth+1)
		}
	case yaml.SequenceNode:
		for i, c := range n.Content {
			child := at(path, i)
			cb.setPlace(child, Place{Line: c.Line})
			cb.recordYAML(c, child, depth+1)
		}
	}
}

// Load reads a codebook file and validates it. The format follows the extension: .yaml or
// .yml, .xlsx (the workbook researchers edit by hand), .qdc (REFI-QDA codebook). A
// codebook that does not validate gives a *ValidationError listing every problem with its
// place; a file that cannot be read gives an error wrapping ErrFormat or the I/O error.
func Load(path string) (*Codebook, error) {
	cb, err := read(path, nil, BesideAll)
	if err != nil {
		return nil, err
	}
	if err := cb.check(); err != nil {
		return nil, err
	}
	return cb, nil
}

// LoadData is Load over the bytes of the file at path, already read (by a caller that
// hashes what it reads): the extension of path names the format.
func LoadData(path string, data []byte) (*Codebook, error) {
	return LoadDataBeside(path, data, BesideAll)
}

// Beside says which of the files a codebook names beside it (calibration:, model:) a
// load reads. A study whose auto-coder is off uses neither, and one with `autocode:
// {model: false}` no model: such a load does not open them at all, so that a file
// there that cannot be read (or one that is missing) has no say in a run that does not
// use it (attack 14, calibration-fifo-hangs).
type Beside struct{ Calibration, Model bool }

// BesideAll reads the calibration and the model, as Load and LoadData do.
var BesideAll = Beside{Calibration: true, Model: true}

// LoadDataBeside is LoadData reading only the files beside the codebook that b names. A
// model left unread where the codebook names one counts as turned off (ModelOff), as
// WithoutModel does.
func LoadDataBeside(path string, data []byte, b Beside) (*Codebook, error) {
	cb, err := read(path, data, b)
	if err != nil {
		return nil, err
	}
	if err := cb.check(); err != nil {
		return nil, err
	}
	return cb, nil
}

// read reads a codebook file, or its bytes when data is not nil, without validating it.
func read(path string, data []byte, beside Beside) (*Codebook, error) {
	var cb *Codebook
	var err error
	// A YAML codebook's calibration is read while its lines are recorded (parseYAML);
	// calibrated says so, and calErr is what reading it gave.
	calibrated := false
	var calErr error
	switch strings.ToLower(filepath.Ext(path)) {
	case ".yaml", ".yml":
		if data == nil {
			data, err = readRegular(path) // never a FIFO: readfile.go
			if err != nil {
				return nil, err
			}
		}
		cb, err = parseYAML(data, func(cb *Codebook) func() {
			cb.file = path
			if !beside.Calibration {
				calibrated = true
				return func() {}
			}
			finish := cb.startCalibration()
			calibrated = true
			return func() { calErr = finish() }
		})
	case ".xlsx":
		if data == nil {
			cb, err = ReadXLSX(path)
		} else {
			cb, err = parseXLSX(bytes.NewReader(data))
		}
	case ".qdc":
		if data == nil {
			cb, err = ReadQDC(path)
		} else {
			cb, err = parseQDCFile(path, bytes.NewReader(data))
		}
	case ".md":
		// The appendix holds one language and leaves out aliases, patterns and colours: read
		// back, it would be a poorer codebook, so it is written only.
		return nil, model.Reasonf("%s: %w: a Markdown codebook is an appendix for the report and is not read back; convert from the .yaml, .xlsx or .qdc it was written from", "%s: %v: een Markdown-codeboek is een bijlage voor het rapport en wordt niet teruggelezen; zet het om vanuit de .yaml, .xlsx of .qdc waaruit het geschreven is", path, ErrFormat)
	default:
		return nil, model.Reasonf("%s: %w: unknown extension %q (want .yaml, .yml, .xlsx or .qdc)", "%s: %v: onbekende extensie %q (kies .yaml, .yml, .xlsx of .qdc)", path, ErrFormat, filepath.Ext(path))
	}
	if err != nil {
		return nil, model.Reasonf("%s: %w", "%s: %v", path, err)
	}
	cb.file = path
	if !calibrated && beside.Calibration {
		calErr = cb.loadCalibration()
	}
	if calErr != nil {
		return nil, calErr
	}
	if !beside.Model {
		cb.modelOff = cb.ModelFile != ""
		return cb, nil
	}
	if err := cb.loadModel(); err != nil { // model.go
		return nil, err
	}
	return cb, nil
}

// bytesFor is the codebook as Save writes it to path.
func (cb *Codebook) bytesFor(path, lang string) ([]byte, error) {
	var data []byte
	var err error
	switch strings.ToLower(filepath.Ext(path)) {
	case ".yaml", ".yml":
		data, err = cb.calibrationFrom(path).MarshalYAMLBytes() // calibrate.go
	case ".xlsx":
		data, err = cb.calibrationFrom(path).XLSXBytes()
	case ".qdc":
		data, err = cb.QDCBytes()
	case ".md":
		data = []byte(cb.Markdown(lang))
	default:
		return nil, model.Reasonf("%s: %w: unknown extension %q (want .yaml, .yml, .xlsx, .qdc or .md)", "%s: %v: onbekende extensie %q (kies .yaml, .yml, .xlsx, .qdc of .md)", path, ErrFormat, filepath.Ext(path))
	}
	if err != nil {
		return nil, model.Reasonf("%s: %w", "%s: %v", path, err)
	}
	return data, nil
}

// Save writes the codebook in the format its extension names: .yaml/.yml, .xlsx, .qdc or
// .md (a table for a report's appendix, in Dutch; written only, not read back, so not a
// round trip). It writes to a temporary file beside
// path and renames it, so a failed save leaves no half-written file.
func Save(cb *Codebook, path string) error { return SaveIn(cb, path, "nl") }

// SaveIn is Save with the language (nl or en) of the Markdown table.
func SaveIn(cb *Codebook, path, lang string) error {
	data, err := cb.bytesFor(path, lang)
	if err != nil {
		return err
	}
	tmp, err := os.CreateTemp(filepath.Dir(path), ".codebook-*")
	if err != nil {
		return err
	}
	defer os.Remove(tmp.Name())
	if _, err := tmp.Write(data); err != nil {
		tmp.Close()
		return err
	}
	if err := tmp.Close(); err != nil {
		return err
	}
	return os.Rename(tmp.Name(), path)
}

// FileSHA256 returns the hex sha256 of a file, for the manifest.
func FileSHA256(path string) (string, error) {
	data, err := readRegular(path)
	if err != nil {
		return "", err
	}
	sum := sha256.Sum256(data)
	return hex.EncodeToString(sum[:]), nil
}

// yamlHeader opens a codebook written as YAML.
const yamlHeader = `# Codebook of samenspel.
#
# factors: the success factors, each with its codes. A code has an id (keep it: codings
# refer to it), a label in Dutch and English, a valence (facilitator: it helps; barrier:
# it hinders), a definition, inclusion and exclusion criteria, an example quote, aliases
# (the names coding tools export, e.g. "Bereiken > Korte lijnen") and patterns for the
# auto-coder (* at a word's end for any ending, * before the first word for compounds,
# "..." between two words for up to four words of the same clause, a leading ! for an
# exclusion: where it matches, the code's overlapping patterns do not count).
# partners: the partners respondents mention, with synonyms matched like patterns.
# roles: respondent roles, with the abbreviation used in pseudonyms and their synonyms.
# scales: survey scales with their items, answer labels and values, reverse-keyed items
# and agree_from, the lowest value that counts as agreeing.
`

// MarshalYAMLBytes writes the codebook as commented YAML, with short multilingual labels
// and list entries in flow style.
func (cb *Codebook) MarshalYAMLBytes() ([]byte, error) {
	var root yaml.Node
	if err := root.Encode(cb); err != nil {
		return nil, err
	}
	flowShort(&root, 0)
	var buf bytes.Buffer
	buf.WriteString(yamlHeader)
	enc := yaml.NewEncoder(&buf)
	enc.SetIndent(2)
	if err := enc.Encode(&root); err != nil {
		return nil, err
	}
	return buf.Bytes(), enc.Close()
}

// flowShort writes short mappings and sequences of scalars on one line.
func flowShort(n *yaml.Node, depth int) {
	if depth > 64 {
		return
	}
	for _, c := range n.Content {
		flowShort(c, depth+1)
	}
	if n.Kind != yaml.MappingNode && n.Kind != yaml.SequenceNode {
		return
	}
	width := 0
	for _, c := range n.Content {
		if c.Kind != yaml.ScalarNode && c.Style != yaml.FlowStyle {
			return
		}
		width += len(c.Value) + 4
		for _, cc := range c.Content {
			width += len(cc.Value) + 4
		}
	}
	if width <= 100 {
		n.Style = yaml.FlowStyle
	}
}

// MarshalYAML writes a text with Dutch first, then English, then other languages in
// alphabetical order.
func (t Text) MarshalYAML() (any, error) {
	n := &yaml.Node{Kind: yaml.MappingNode}
	for _, lang := range sortedLangs(t) {
		n.Content = append(n.Content,
			&yaml.Node{Kind: yaml.ScalarNode, Value: lang},
			&yaml.Node{Kind: yaml.ScalarNode, Value: t[lang]})
	}
	return n, nil
}

// valenceWords are the words researchers write for a valence, folded: the English ids,
// the Dutch words the Markdown appendix and Dutch codebooks use, and their nouns.
var valenceWords = map[string]Valence{
	"facilitator": Facilitator, "facilitating": Facilitator, "enabler": Facilitator,
	"bevorderend": Facilitator, "bevorderende": Facilitator, "bevorderende factor": Facilitator,
	"faciliterend": Facilitator, "stimulerend": Facilitator,
	"barrier": Barrier, "hindering": Barrier,
	"belemmerend": Barrier, "belemmerende": Barrier, "belemmerende factor": Barrier,
	"belemmering": Barrier, "barriere": Barrier, "drempel": Barrier,
}

// ParseValence reads a valence as written in any codebook format: facilitator or barrier,
// or the Dutch bevorderend or belemmerend (and the words in valenceWords), in any case and
// with or without accents. Anything else is returned as written, for Validate to report.
func ParseValence(s string) Valence {
	if v, ok := valenceWords[Fold(s)]; ok {
		return v
	}
	return Valence(strings.TrimSpace(s))
}

// UnmarshalYAML reads a valence through ParseValence.
func (v *Valence) UnmarshalYAML(n *yaml.Node) error {
	var s string
	if err := n.Decode(&s); err != nil {
		return err
	}
	*v = ParseValence(s)
	return nil
}

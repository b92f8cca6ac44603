package pipeline

import (
	"bytes"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strings"

	"go.yaml.in/yaml/v3"
)

// Study is a study.yaml: what to read, how to group, what to protect and what to write.
type Study struct {
	Title        string   `yaml:"title"`
	Language     string   `yaml:"language"`
	Codebook     string   `yaml:"codebook"`
	Respondents  *Input   `yaml:"respondents"`
	Interviews   []Input  `yaml:"interviews"`
	Survey       []Input  `yaml:"survey"`
	Groups       []string `yaml:"groups"`
	PrimaryCoder string   `yaml:"primary_coder"`
	Autocode     Autocode `yaml:"autocode"`
	Privacy      Privacy  `yaml:"privacy"`
	// Outputs lists the formats to write: csv, xlsx, png, svg, html, md, qdpx.
	// Empty means all but qdpx.
	Outputs []string `yaml:"outputs"`
	// Seed makes every random choice (bootstrap intervals) reproducible.
	Seed uint64 `yaml:"seed"`

	// Path is the study.yaml file; Dir the folder it sits in. Input paths are relative to Dir.
	Path string `yaml:"-"`
	Dir  string `yaml:"-"`
}

// Input is one entry under interviews, survey or respondents. In YAML it is a path (glob
// allowed) or a mapping with path, format, columns, sheet, respondent, include_incomplete.
type Input struct {
	Path              string            `yaml:"path"`
	Format            string            `yaml:"format"`
	Columns           map[string]string `yaml:"columns"`
	Sheet             string            `yaml:"sheet"`
	Respondent        string            `yaml:"respondent"`
	IncludeIncomplete bool              `yaml:"include_incomplete"`
}

// UnmarshalYAML accepts a plain path as well as the full mapping.
func (in *Input) UnmarshalYAML(n *yaml.Node) error {
	if n.Kind == yaml.ScalarNode {
		in.Path = n.Value
		return nil
	}
	type plain Input
	var p plain
	if err := decodeStrict(n, &p); err != nil {
		return err
	}
	*in = Input(p)
	return nil
}

// decodeStrict decodes a node with unknown keys as errors.
func decodeStrict(n *yaml.Node, v any) error {
	data, err := yaml.Marshal(n)
	if err != nil {
		return err
	}
	dec := yaml.NewDecoder(bytes.NewReader(data))
	dec.KnownFields(true)
	if err := dec.Decode(v); err != nil {
		// Line numbers in err are relative to the node; shift them to the file.
		return shiftLines(err, n.Line-1)
	}
	return nil
}

var lineRe = regexp.MustCompile(`line (\d+)`)

func shiftLines(err error, by int) error {
	msg := lineRe.ReplaceAllStringFunc(err.Error(), func(s string) string {
		var l int
		fmt.Sscanf(s, "line %d", &l)
		return fmt.Sprintf("line %d", l+by)
	})
	return errors.New(msg)
}

// Autocode sets the auto-coder.
type Autocode struct {
	// Enabled runs the auto-coder over every respondent segment (default true); its
	// codings carry coder "auto", the rule and the text span that fired.
	Enabled *bool `yaml:"enabled"`
	// Count says where auto-codings count in frequencies: never (default), uncoded
	// (segments no human coded, such as transcripts and open answers) or always.
	Count string `yaml:"count"`
}

// Privacy sets pseudonymisation, redaction and suppression.
type Privacy struct {
	// MinCell: groups with fewer respondents are suppressed (default 5).
	MinCell int `yaml:"min_cell"`
	// Names are further names to redact from quotes (of young people, parents, schools).
	Names []string `yaml:"names"`
	// KeyFile, when set, is where the key real id → pseudonym is written. It must lie
	// outside the output folder.
	KeyFile string `yaml:"key_file"`
}

// AutocodeEnabled reports whether the auto-coder runs.
func (s *Study) AutocodeEnabled() bool { return s.Autocode.Enabled == nil || *s.Autocode.Enabled }

// ErrStudy marks a problem with study.yaml.
var ErrStudy = errors.New("study.yaml")

var knownOutputs = map[string]bool{"csv": true, "xlsx": true, "png": true, "svg": true, "html": true, "md": true, "qdpx": true}

// LoadStudy reads a study from a folder holding study.yaml or from the yaml file itself,
// fills defaults and checks that every named file exists.
func LoadStudy(path string) (*Study, error) {
	fi, err := os.Stat(path)
	if err != nil {
		return nil, fmt.Errorf("%s: no such study folder or file", path)
	}
	if fi.IsDir() {
		path = filepath.Join(path, "study.yaml")
		if _, err := os.Stat(path); err != nil {
			return nil, fmt.Errorf("%s: missing (a study folder holds study.yaml; `analyse init DIR` makes one)", path)
		}
	}
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("%s: %v", path, err)
	}
	s, err := ParseStudy(data)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	s.Path = path
	s.Dir = filepath.Dir(path)
	if err := s.check(); err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	return s, nil
}

// ParseStudy parses study.yaml content and fills defaults, without touching the disk.
func ParseStudy(data []byte) (*Study, error) {
	var root yaml.Node
	if err := yaml.Unmarshal(data, &root); err != nil {
		return nil, cleanYAMLError(err)
	}
	s := &Study{}
	if len(root.Content) > 0 {
		if err := decodeStrict(root.Content[0], s); err != nil {
			return nil, cleanYAMLError(err)
		}
	}
	if s.Language == "" {
		s.Language = "nl"
	}
	if s.Language != "nl" && s.Language != "en" {
		return nil, fmt.Errorf("key language: %q is not nl or en", s.Language)
	}
	if s.Codebook == "" {
		return nil, fmt.Errorf("key codebook: missing (name a .yaml, .xlsx or .qdc codebook)")
	}
	if len(s.Groups) == 0 {
		s.Groups = []string{"role", "municipality"}
	}
	for i, g := range s.Groups {
		g = strings.ToLower(strings.TrimSpace(g))
		switch g {
		case "rol", "functie":
			g = "role"
		case "gemeente":
			g = "municipality"
		case "all", "":
			return nil, fmt.Errorf("key groups: %q cannot be a group (\"all\" is always there)", s.Groups[i])
		}
		s.Groups[i] = g
	}
	if s.Privacy.MinCell == 0 {
		s.Privacy.MinCell = 5
	}
	if s.Privacy.MinCell < 1 {
		return nil, fmt.Errorf("key privacy.min_cell: %d must be at least 1", s.Privacy.MinCell)
	}
	switch s.Autocode.Count {
	case "":
		s.Autocode.Count = "never"
	case "never", "uncoded", "always":
	default:
		return nil, fmt.Errorf("key autocode.count: %q is not never, uncoded or always", s.Autocode.Count)
	}
	for _, o := range s.Outputs {
		if !knownOutputs[o] {
			return nil, fmt.Errorf("key outputs: %q is not one of csv, xlsx, png, svg, html, md, qdpx", o)
		}
	}
	if len(s.Interviews) == 0 && len(s.Survey) == 0 {
		return nil, fmt.Errorf("keys interviews and survey: the study names no input")
	}
	return s, nil
}

var unknownFieldRe = regexp.MustCompile(`field (\S+) not found in type \S+`)

// cleanYAMLError turns yaml's Go-flavoured messages into ones a researcher reads.
func cleanYAMLError(err error) error {
	msg := strings.TrimPrefix(err.Error(), "yaml: ")
	msg = strings.ReplaceAll(msg, "unmarshal errors:\n  ", "")
	msg = unknownFieldRe.ReplaceAllString(msg, `unknown key "$1"`)
	msg = strings.ReplaceAll(msg, "\n  ", "; ")
	return errors.New(msg)
}

// check resolves the codebook and input globs against the study folder.
func (s *Study) check() error {
	if _, err := os.Stat(s.Abs(s.Codebook)); err != nil {
		return fmt.Errorf("key codebook: file %s not found", s.Codebook)
	}
	if s.Respondents != nil {
		if _, err := os.Stat(s.Abs(s.Respondents.Path)); err != nil {
			return fmt.Errorf("key respondents: file %s not found", s.Respondents.Path)
		}
	}
	for key, list := range map[string][]Input{"interviews": s.Interviews, "survey": s.Survey} {
		for _, in := range list {
			files, err := s.Files(in)
			if err != nil {
				return fmt.Errorf("key %s: %v", key, err)
			}
			if len(files) == 0 {
				return fmt.Errorf("key %s: no file matches %s", key, in.Path)
			}
		}
	}
	return nil
}

// Abs resolves a path relative to the study folder.
func (s *Study) Abs(p string) string {
	if filepath.IsAbs(p) {
		return p
	}
	return filepath.Join(s.Dir, p)
}

// Files expands an input's glob into sorted file paths, skipping the lock files that
// Excel and LibreOffice leave next to an open workbook.
func (s *Study) Files(in Input) ([]string, error) {
	if in.Path == "" {
		return nil, fmt.Errorf("an input without a path")
	}
	matches, err := filepath.Glob(s.Abs(in.Path))
	if err != nil {
		return nil, fmt.Errorf("bad pattern %s: %v", in.Path, err)
	}
	var out []string
	for _, m := range matches {
		base := filepath.Base(m)
		if strings.HasPrefix(base, "~$") || strings.HasPrefix(base, ".~lock") {
			continue
		}
		if fi, err := os.Stat(m); err == nil && !fi.IsDir() {
			out = append(out, m)
		}
	}
	sort.Strings(out)
	return out, nil
}

// Rel returns a path relative to the study folder, slash-separated, for outputs.
func (s *Study) Rel(p string) string {
	if r, err := filepath.Rel(s.Dir, p); err == nil {
		return filepath.ToSlash(r)
	}
	return filepath.ToSlash(p)
}

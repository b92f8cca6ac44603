package pipeline

import (
	"bytes"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"regexp"
	"sort"
	"strings"

	"github.com/samenspel/samenspel/pipeline/disclosure"

	"github.com/samenspel/samenspel/codebook"
	"github.com/samenspel/samenspel/pipeline/ingest"
	"github.com/samenspel/samenspel/pipeline/model"
	"go.yaml.in/yaml/v3"
)

// Study is a study.yaml: what to read, how to group, what to protect and what to write.
type Study struct {
	Title       string   `yaml:"title"`
	Language    string   `yaml:"language"`
	Codebook    string   `yaml:"codebook"`
	Respondents *Input   `yaml:"respondents"`
	Interviews  []Input  `yaml:"interviews"`
	Survey      []Input  `yaml:"survey"`
	Groups      []string `yaml:"groups"`
	// WaveOrder lists the measurement waves from first to last, for labels that do not
	// say their order themselves (voorjaar 2024, najaar 2024): wave_order.go.
	WaveOrder    []string `yaml:"wave_order"`
	PrimaryCoder string   `yaml:"primary_coder"`
	Autocode     Autocode `yaml:"autocode"`
	Privacy      Privacy  `yaml:"privacy"`
	// Comparisons sets the adjustment of p values within each family of tests.
	Comparisons Comparisons `yaml:"comparisons"`
	// Reliability sets how Cronbach's alpha treats missing answers.
	Reliability Reliability `yaml:"reliability"`
	// Agreement sets the bootstrap behind the agreement intervals.
	Agreement Agreement `yaml:"agreement"`
	// Outputs lists the formats to write: csv, xlsx, png, svg, html, md, docx, qdpx.
	// Empty means all but qdpx.
	Outputs []string `yaml:"outputs"`
	// Seed makes every random choice (bootstrap intervals) reproducible.
	Seed uint64 `yaml:"seed"`
	// KnownUnmapped lists code names (globs: "Overig > *") that the researchers keep
	// outside the codebook on purpose: they are still listed in unmapped_codes, but
	// analyse check does not ask to map them.
	KnownUnmapped []string `yaml:"known_unmapped"`
	// Rejects sets how many rejected answers a run accepts before it ends with
	// ExitTooManyRejects.
	Rejects Rejects `yaml:"rejects"`
	// Figures chooses, orders and sizes the figures (study_figures.go).
	Figures Figures `yaml:"figures"`

	// Path is the study.yaml file; Dir the folder it sits in. Input paths are relative to Dir.
	Path string `yaml:"-"`
	Dir  string `yaml:"-"`

	root *yaml.Node // the parsed file, for the line and column of a key in errors
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
	// Interviewer names the interviewers' speaker labels of transcripts whose speakers
	// are named (interviewer: [Qwyntje]); see ingest.Options.Interviewers.
	Interviewer Names `yaml:"interviewer"`
	// NamePattern reads respondent, role, municipality and other variables from file or
	// document names, e.g. "{role}{nr}_{municipality}" (ingest.Options.NamePattern).
	NamePattern string `yaml:"name_pattern"`
	// Wave is the measurement wave of the entry's respondents (wave: 2024), kept as
	// written; see docs/dataset.md, "Waves".
	Wave string `yaml:"wave"`
	// Coder names the coder of a coded-segment table without a coder column (a workbook
	// with a sheet per coder, read an entry per sheet); see ingest.Options.Coder.
	Coder string `yaml:"coder"`
}

// UnmarshalYAML accepts a plain path as well as the full mapping.
func (in *Input) UnmarshalYAML(n *yaml.Node) error {
	if n.Kind == yaml.ScalarNode {
		in.Path = n.Value
		return nil
	}
	type plain Input
	var p plain
	if err := n.Decode(&p); err != nil {
		return err
	}
	*in = Input(p)
	return nil
}

// StudyError is a problem with study.yaml at a place in the file as written: line and
// column (1-based; 0 where unknown) and the key. It wraps ErrStudy.
type StudyError struct {
	Line, Column int
	Key          string // dotted, e.g. privacy.min_cell
	Msg          string
	MsgNL        string // the same in Dutch; empty where only English is known (yaml's own messages)
}

func (e *StudyError) Error() string {
	return e.text("line %d", ", column %d", "key %s: ", e.Msg)
}

// Dutch is the error in Dutch, for the command line in Dutch (model.Dutch); wholly in
// English where the message has no Dutch text.
func (e *StudyError) Dutch() string {
	if e.MsgNL == "" {
		return e.Error()
	}
	return e.text("regel %d", ", kolom %d", "sleutel %s: ", e.MsgNL)
}

func (e *StudyError) text(line, column, key, msg string) string {
	var b strings.Builder
	if e.Line > 0 {
		fmt.Fprintf(&b, line, e.Line)
		if e.Column > 0 {
			fmt.Fprintf(&b, column, e.Column)
		}
		b.WriteString(": ")
	}
	if e.Key != "" {
		fmt.Fprintf(&b, key, e.Key)
	}
	b.WriteString(msg)
	return b.String()
}

func (e *StudyError) Unwrap() error { return ErrStudy }

// checkKeys walks a YAML node along the struct type it decodes into and reports the first
// key that the type does not know, at its line and column in the file as written, with
// the nearest known key. Decoding itself is then lenient: every key has been checked.
func checkKeys(n *yaml.Node, t reflect.Type, prefix string) error {
	for t.Kind() == reflect.Pointer {
		t = t.Elem()
	}
	switch t.Kind() {
	case reflect.Slice:
		if n.Kind == yaml.SequenceNode {
			for _, c := range n.Content {
				if err := checkKeys(c, t.Elem(), prefix); err != nil {
					return err
				}
			}
		}
		return nil
	case reflect.Struct:
	default:
		return nil
	}
	if n.Kind != yaml.MappingNode {
		return nil // a scalar where a mapping is expected: the decoder says so
	}
	fields := map[string]reflect.Type{}
	var names []string
	for i := 0; i < t.NumField(); i++ {
		f := t.Field(i)
		tag := strings.Split(f.Tag.Get("yaml"), ",")[0]
		if tag == "" || tag == "-" {
			continue
		}
		fields[tag] = f.Type
		names = append(names, tag)
	}
	for i := 0; i+1 < len(n.Content); i += 2 {
		k, v := n.Content[i], n.Content[i+1]
		ft, ok := fields[k.Value]
		if !ok {
			return &StudyError{Line: k.Line, Column: k.Column, Msg: fmt.Sprintf("unknown key %q%s", prefix+k.Value, codebook.DidYouMean(k.Value, names)),
				MsgNL: fmt.Sprintf("onbekende sleutel %q%s", prefix+k.Value, codebook.DidYouMeanIn("nl", k.Value, names))}
		}
		if err := checkKeys(v, ft, prefix+k.Value+"."); err != nil {
			return err
		}
	}
	return nil
}

// keyNode returns the value node of a key of study.yaml, dotted for nested keys
// (privacy.min_cell); nil when absent.
func (s *Study) keyNode(key string) *yaml.Node {
	n := s.root
	for _, k := range strings.Split(key, ".") {
		if n == nil || n.Kind != yaml.MappingNode {
			return nil
		}
		var next *yaml.Node
		for i := 0; i+1 < len(n.Content); i += 2 {
			if n.Content[i].Value == k {
				next = n.Content[i+1]
			}
		}
		n = next
	}
	return n
}

// errAt returns a StudyError at the value of a key (dotted for nested keys), or at its i-th element
// where the value is a list and i >= 0, saying msg in English and nl in Dutch.
func (s *Study) errAt(key string, i int, msg, nl string) error {
	e := &StudyError{Key: key, Msg: msg, MsgNL: nl}
	if n := s.keyNode(key); n != nil {
		if i >= 0 && n.Kind == yaml.SequenceNode && i < len(n.Content) {
			n = n.Content[i]
		}
		e.Line, e.Column = n.Line, n.Column
	}
	return e
}

// Autocode sets the auto-coder.
type Autocode struct {
	// Enabled runs the auto-coder over every respondent segment (default true); its
	// codings carry coder "auto", the rule and the text span that fired.
	Enabled *bool `yaml:"enabled"`
	// Count says where auto-codings count in frequencies: never (default), uncoded
	// (segments no human coded, such as transcripts and open answers) or always.
	Count string `yaml:"count"`
	// Learn trains a classifier per code on the human-coded segments and suggests codes
	// for the uncoded ones, for the codes whose cross-validated F1 reaches LearnMinF1
	// (default 0.6); see learned.go.
	Learn      bool     `yaml:"learn"`
	LearnMinF1 *float64 `yaml:"learn_min_f1"`
	// Model: false has the dictionary alone decide, without the codebook's shipped model
	// (default true where the codebook has one; autocode_model.go).
	Model *bool `yaml:"model"`
	// Review lists review.qdpx files that a researcher reviewed in a QDA tool: the
	// suggestions kept count as accepted, those deleted as rejected (learned_review.go).
	Review []Input `yaml:"review"`
}

// Privacy sets pseudonymisation, redaction and suppression.
type Privacy struct {
	// MinCell: groups with fewer respondents are never shown on their own
	// (disclosure.DefaultMinCell when unset).
	MinCell int `yaml:"min_cell"`
	// SmallGroups: pool (the default) merges groups smaller than MinCell into one
	// "Overige gemeenten" / "Other municipalities"; suppress hides them.
	SmallGroups disclosure.SmallGroups `yaml:"small_groups"`
	// Names are further names to redact from quotes (of young people, parents, schools):
	// a person's whole and part by part, an organisation's as a phrase (redact.Options).
	Names []string `yaml:"names"`
	// Organisations are names redacted only as a whole phrase ("Het Baken").
	Organisations []string `yaml:"organisations"`
	// KeyFile, when set, is where the key real id → pseudonym is written. It must lie
	// outside the output folder.
	KeyFile string `yaml:"key_file"`
	// Coders: "pseudonymise" replaces the coders' names by Coder 1, Coder 2, ... (in the
	// order of their names) in every output; empty or "keep" shows them as exported.
	Coders string `yaml:"coders"`
}

// Rejects sets the rejected-answers check.
type Rejects struct {
	// MaxShare is the largest share of a scale's answer cells that may be rejected
	// (default DefaultMaxRejectedShare, 0.05); above it the run writes its output but
	// exits with ExitTooManyRejects, unless --accept-rejects is given.
	MaxShare *float64 `yaml:"max_share"`
}

// IsKnownUnmapped reports whether a code name is one that study.yaml keeps outside the
// codebook on purpose (known_unmapped, globs allowed, compared folded).
func (s *Study) IsKnownUnmapped(name string) bool {
	for _, pat := range s.KnownUnmapped {
		if ok, _ := filepath.Match(codebook.Fold(pat), codebook.Fold(name)); ok {
			return true
		}
	}
	return false
}

// MaxRejectedShare returns rejects.max_share or its default.
func (s *Study) MaxRejectedShare() float64 {
	if s.Rejects.MaxShare == nil {
		return DefaultMaxRejectedShare
	}
	return *s.Rejects.MaxShare
}

// Comparisons sets the multiple-testing adjustment of the comparisons table.
type Comparisons struct {
	// Adjust is holm (default), bh (Benjamini-Hochberg) or none, applied within each
	// family of tests.
	Adjust string `yaml:"adjust"`
}

// Reliability sets Cronbach's alpha.
type Reliability struct {
	// Missing is listwise (default: respondents who answered every item) or pairwise
	// (covariances over the respondents who answered both items, as psych::alpha).
	Missing string `yaml:"missing"`
}

// Agreement sets the inter-coder agreement tables.
type Agreement struct {
	// Bootstrap is the number of resamples behind Krippendorff's alpha interval
	// (default 5000).
	Bootstrap int `yaml:"bootstrap"`
}

// Rules is the disclosure rule set of the study's privacy settings.
func (p Privacy) Rules(language string) disclosure.Rules {
	return disclosure.Rules{MinCell: p.MinCell, SmallGroups: p.SmallGroups, Language: language}
}

// AutocodeEnabled reports whether the auto-coder runs.
func (s *Study) AutocodeEnabled() bool { return s.Autocode.Enabled == nil || *s.Autocode.Enabled }

// ErrStudy marks a problem with study.yaml.
var ErrStudy = model.NewKind("study.yaml", "study.yaml")

var knownOutputs = map[string]bool{"csv": true, "xlsx": true, "png": true, "svg": true, "html": true, "md": true, "docx": true, "qdpx": true, "parquet": true, "municipalities": true}

// LoadStudy reads a study from a folder holding study.yaml or from the yaml file itself,
// fills defaults and checks that every named file exists.
func LoadStudy(path string) (*Study, error) {
	fi, err := os.Stat(path)
	if err != nil {
		return nil, model.Reasonf("%s: no such study folder or file", "%s: geen onderzoeksmap of -bestand met die naam", path)
	}
	if fi.IsDir() {
		path = filepath.Join(path, "study.yaml")
		if _, err := os.Stat(path); err != nil {
			return nil, model.Reasonf("%s: missing (a study folder holds study.yaml; `analyse init DIR` makes one)", "%s: ontbreekt (een onderzoeksmap bevat study.yaml; `analyse init MAP` maakt er een)", path)
		}
	}
	data, _, err := ingest.ReadFile(path) // a regular file, read-only, bounded: never a FIFO
	if err != nil {
		return nil, err
	}
	s, err := ParseStudy(data)
	if err != nil {
		return nil, model.Reasonf("%s: %w", "%s: %v", path, err)
	}
	s.Path = path
	s.Dir = filepath.Dir(path)
	if err := s.check(); err != nil {
		return nil, model.Reasonf("%s: %w", "%s: %v", path, err)
	}
	return s, nil
}

// ParseStudy parses study.yaml content and fills defaults, without touching the disk.
func ParseStudy(data []byte) (*Study, error) {
	var root yaml.Node
	if err := yaml.Unmarshal(data, &root); err != nil {
		e := cleanYAMLError(err)
		if se, ok := e.(*StudyError); ok && se.Line > 0 {
			se.Line = problemLine(data, se.Line, se.Msg)
		}
		return nil, e
	}
	s := &Study{}
	if len(root.Content) > 0 {
		doc := root.Content[0]
		if err := checkKeys(doc, reflect.TypeOf(s), ""); err != nil {
			return nil, err
		}
		if err := doc.Decode(s); err != nil {
			return nil, cleanYAMLError(err)
		}
		s.root = doc
	}
	if s.Language == "" {
		s.Language = "nl"
	}
	if s.Language != "nl" && s.Language != "en" {
		return nil, s.errAt("language", -1, fmt.Sprintf("%q is not nl or en", s.Language), fmt.Sprintf("%q is niet nl of en", s.Language))
	}
	if s.Codebook == "" {
		return nil, &StudyError{Key: "codebook", Msg: "missing (name a .yaml, .xlsx or .qdc codebook)", MsgNL: "ontbreekt (noem een codeboek in .yaml, .xlsx of .qdc)"}
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
			return nil, s.errAt("groups", i, fmt.Sprintf("%q cannot be a group (\"all\" is always there)", s.Groups[i]), fmt.Sprintf("%q kan geen groepering zijn (\"all\" is er altijd)", s.Groups[i]))
		}
		s.Groups[i] = g
	}
	if err := s.checkMinCell(); err != nil { // study_mincell.go
		return nil, err
	}
	if s.Privacy.MinCell == 0 || s.Privacy.SmallGroups == "" {
		r := s.Privacy.Rules("").WithDefaults()
		if s.Privacy.MinCell == 0 {
			s.Privacy.MinCell = r.MinCell
		}
		if s.Privacy.SmallGroups == "" {
			s.Privacy.SmallGroups = r.SmallGroups
		}
	}
	if s.Privacy.MinCell < 1 {
		return nil, s.errAt("privacy.min_cell", -1, fmt.Sprintf("%d must be at least 1", s.Privacy.MinCell), fmt.Sprintf("%d moet minstens 1 zijn", s.Privacy.MinCell))
	}
	switch s.Privacy.Coders {
	case "", "keep", "pseudonymise":
	default:
		return nil, s.errAt("privacy.coders", -1, fmt.Sprintf("%q is not keep or pseudonymise", s.Privacy.Coders), fmt.Sprintf("%q is niet keep of pseudonymise", s.Privacy.Coders))
	}
	if sg := s.Privacy.SmallGroups; sg != disclosure.Pool && sg != disclosure.Suppress {
		return nil, s.errAt("privacy.small_groups", -1, fmt.Sprintf("%q is not pool or suppress", sg), fmt.Sprintf("%q is niet pool of suppress", sg))
	}
	switch s.Autocode.Count {
	case "":
		s.Autocode.Count = "never"
	case "never", "uncoded", "always":
	default:
		return nil, s.errAt("autocode.count", -1, fmt.Sprintf("%q is not never, uncoded or always", s.Autocode.Count), fmt.Sprintf("%q is niet never, uncoded of always", s.Autocode.Count))
	}
	if err := s.checkLearnKeys(); err != nil {
		return nil, err
	}
	if m := s.Rejects.MaxShare; m != nil && !(*m >= 0 && *m <= 1) { // NaN too: no share is ever more than NaN (attack 16 F09)
		return nil, s.errAt("rejects.max_share", -1, fmt.Sprintf("%v must lie between 0 and 1", *m), fmt.Sprintf("%v moet tussen 0 en 1 liggen", *m))
	}
	switch s.Comparisons.Adjust {
	case "":
		s.Comparisons.Adjust = "holm"
	case "holm", "bh", "none":
	default:
		return nil, s.errAt("comparisons.adjust", -1, fmt.Sprintf("%q is not holm, bh or none", s.Comparisons.Adjust), fmt.Sprintf("%q is niet holm, bh of none", s.Comparisons.Adjust))
	}
	switch s.Reliability.Missing {
	case "":
		s.Reliability.Missing = "listwise"
	case "listwise", "pairwise":
	default:
		return nil, s.errAt("reliability.missing", -1, fmt.Sprintf("%q is not listwise or pairwise", s.Reliability.Missing), fmt.Sprintf("%q is niet listwise of pairwise", s.Reliability.Missing))
	}
	switch {
	case s.Agreement.Bootstrap == 0:
		s.Agreement.Bootstrap = 5000
	case s.Agreement.Bootstrap < 200:
		return nil, s.errAt("agreement.bootstrap", -1, fmt.Sprintf("%d resamples are too few for a 95%% interval (at least 200)", s.Agreement.Bootstrap),
			fmt.Sprintf("%d trekkingen zijn te weinig voor een 95%%-interval (minstens 200)", s.Agreement.Bootstrap))
	}
	for i, o := range s.Outputs {
		if !knownOutputs[o] {
			return nil, s.errAt("outputs", i, fmt.Sprintf("%q is not one of csv, xlsx, png, svg, html, md, docx, qdpx, parquet, municipalities", o),
				fmt.Sprintf("%q is niet een van csv, xlsx, png, svg, html, md, docx, qdpx, parquet, municipalities", o))
		}
	}
	if err := s.Figures.fill(s); err != nil {
		return nil, err
	}
	if len(s.Interviews) == 0 && len(s.Survey) == 0 {
		return nil, &StudyError{Key: "interviews", Msg: "the study names no input (neither interviews nor survey)", MsgNL: "het onderzoek noemt geen invoer (interviews noch survey)"}
	}
	return s, nil
}

var lineRe = regexp.MustCompile(`^line (\d+)`)

var unknownFieldRe = regexp.MustCompile(`field (\S+) not found in type \S+`)

// cleanYAMLError turns yaml's Go-flavoured messages into ones a researcher reads.
func cleanYAMLError(err error) error {
	var se *StudyError
	if errors.As(err, &se) {
		return se // from an UnmarshalYAML of ours
	}
	msg := strings.TrimPrefix(err.Error(), "yaml: ")
	msg = strings.ReplaceAll(msg, "unmarshal errors:\n  ", "")
	msg = unknownFieldRe.ReplaceAllString(msg, `unknown key "$1"`)
	msg = strings.ReplaceAll(msg, "\n  ", "; ")
	e := &StudyError{Msg: msg}
	if m := lineRe.FindStringSubmatch(msg); m != nil {
		fmt.Sscan(m[1], &e.Line)
		e.Msg = strings.TrimPrefix(strings.TrimPrefix(msg, m[0]), ": ")
	}
	e.MsgNL = yamlMessageDutch(e.Msg)
	return e
}

// problemLine finds the line a YAML syntax error is on. The parser names the line where
// the block it was reading began ("interviews: []" on line 3 for a misindented "- path:"
// on line 4, a review of 0.12), so the line is the first from there whose text up to and
// with it fails with the same message; the parser's own where none does. A prefix can
// fail on its own where it ends inside a value of several lines (a quoted text, a flow
// map), with another message: those are passed. The search goes 100 lines on, in a
// study.yaml of at most 256 KiB, so that it costs a few parses of a small file.
func problemLine(data []byte, from int, msg string) int {
	if len(data) > 256<<10 {
		return from
	}
	lines := bytes.SplitAfter(data, []byte("\n"))
	var v any
	for n := from; n <= min(len(lines), from+100); n++ {
		err := yaml.Unmarshal(bytes.Join(lines[:n], nil), &v)
		if err == nil {
			continue
		}
		if se, ok := cleanYAMLError(err).(*StudyError); ok && se.Msg == msg {
			return n
		}
	}
	return from
}

// check resolves the codebook and input globs against the study folder.
func (s *Study) check() error {
	if _, err := os.Stat(s.Abs(s.Codebook)); err != nil {
		return s.errAt("codebook", -1, fmt.Sprintf("file %s not found", s.Codebook), fmt.Sprintf("bestand %s niet gevonden", s.Codebook))
	}
	if s.Respondents != nil {
		if _, err := os.Stat(s.Abs(s.Respondents.Path)); err != nil {
			return s.errAt("respondents", -1, fmt.Sprintf("file %s not found", s.Respondents.Path), fmt.Sprintf("bestand %s niet gevonden", s.Respondents.Path))
		}
		if s.Respondents.Wave != "" {
			return s.errAt("respondents", -1, "wave belongs on a survey or interviews entry: the respondents table holds each person once, for every wave",
				"wave hoort bij een survey- of interviews-regel: de respondententabel bevat ieder persoon één keer, voor alle metingen")
		}
	}
	for key, list := range map[string][]Input{"interviews": s.Interviews, "survey": s.Survey} {
		for _, in := range list {
			files, err := s.Files(in)
			if err != nil {
				return s.errAt(key, -1, err.Error(), model.Dutch(err))
			}
			if len(files) == 0 {
				return s.errAt(key, -1, fmt.Sprintf("no file matches %s", in.Path), fmt.Sprintf("geen bestand past bij %s", in.Path))
			}
		}
	}
	return s.checkReviewFiles()
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
		return nil, model.Reasonf("an input without a path", "een invoer zonder pad")
	}
	matches, err := filepath.Glob(s.Abs(in.Path))
	if err != nil {
		return nil, model.Reasonf("bad pattern %s: %v", "ongeldig patroon %s: %v", in.Path, err)
	}
	var out []string
	glob := strings.ContainsAny(in.Path, "*?[")
	outputs := newOwnOutputs()
	for _, m := range matches {
		if officeLock(filepath.Base(m)) { // safety.go
			continue
		}
		if glob && outputs.wrote(m) { // output_inputs.go
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

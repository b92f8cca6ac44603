// Package codebook holds a study's codebook: success factors, their codes (facilitator or
// barrier), the partners and respondent roles it recognises, and the survey scales. It
// loads and saves the codebook and maps the code names that coding tools export onto it.
package codebook

import (
	"maps"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/runes"
	"golang.org/x/text/transform"
	"golang.org/x/text/unicode/norm"
)

// Text is a text in several languages, keyed "nl" and "en".
type Text map[string]string

// In returns the text in lang, falling back to Dutch, then English, then any.
func (t Text) In(lang string) string {
	if s := t[lang]; s != "" {
		return s
	}
	if s := t["nl"]; s != "" {
		return s
	}
	if s := t["en"]; s != "" {
		return s
	}
	for _, s := range t {
		return s
	}
	return ""
}

// Valence says whether a code speaks of a factor as helping or hindering collaboration.
type Valence string

const (
	Facilitator Valence = "facilitator"
	Barrier     Valence = "barrier"
)

// Codebook is a study's codebook.
type Codebook struct {
	Name     string    `yaml:"name"`
	Version  string    `yaml:"version"`
	Factors  []Factor  `yaml:"factors"`
	Partners []Partner `yaml:"partners,omitempty"`
	Roles    []Role    `yaml:"roles,omitempty"`
	Scales   []Scale   `yaml:"scales,omitempty"`
	// Negations are the words that turn a facilitator pattern off when they stand shortly
	// before it; DefaultNegations when empty.
	Negations []string `yaml:"negations,omitempty"`
	// Negated maps a facilitator code to the barrier code that its negation means ("geen
	// korte lijnen" is bereiken.onbereikbaar): the auto-coder suggests that barrier where a
	// pattern of the facilitator is negated.
	Negated map[string]string `yaml:"negated,omitempty"`
	// Sets are the code sets of a REFI-QDA codebook, kept so that the codebook goes back
	// into the QDA tool as it came.
	Sets []CodeSet `yaml:"sets,omitempty"`
	// Calibration names the file, relative to the codebook's, that holds the dictionary's
	// calibration (calibrate.go); none: every code that fires is suggested.
	Calibration string `yaml:"calibration,omitempty"`
	// ModelFile names the file, relative to the codebook's, that holds the shipped model
	// (model.go) that decides per code from the dictionary's evidence and the words;
	// none: the dictionary decides.
	ModelFile string `yaml:"model,omitempty"`
	// Notes say what a reader did that the researcher should know (a flat REFI-QDA
	// codebook's codes put in one factor named after the file); not saved.
	Notes []string `yaml:"-"`
	// CalibrationMissing is the calibration file Calibration names where it is not there
	// (the codebook copied without it): the auto-coder then suggests every code that
	// fires, as without a calibration. The run warns, and `analyse codebook check` says
	// so, each in its language.
	CalibrationMissing string `yaml:"-"`

	index       map[string]string   // normalised name -> code id; "" for a name codes share
	shared      map[string][]string // normalised name -> the codes that share it (Prepare)
	factorNames map[string]string   // normalised factor id or label -> factor id
	partners    *matcher            // partner synonyms, built on first use
	places      map[string]Place    // where each element was read, for Validate
	file        string              // the file it was read from
	calib       *Calibration        // read from Calibration by Load
	model       *Model              // read from ModelFile by Load
	// modelMissing is the path of a model file named but not found; modelOff: the study
	// turned the model off (WithoutModel).
	modelMissing string
	modelOff     bool
}

// Factor is a success factor such as "Elkaar bereiken".
type Factor struct {
	ID          string `yaml:"id"`
	Label       Text   `yaml:"label"`
	Description Text   `yaml:"description,omitempty"`
	Codes       []Code `yaml:"codes"`
	// GUID, Color and Codable are the factor's parent code in a REFI-QDA codebook it was
	// read from, where they differ from what samenspel writes (a GUID derived from the id,
	// its factor colour, not codable), so that the codebook goes back as it came.
	GUID    string `yaml:"guid,omitempty"`
	Color   string `yaml:"color,omitempty"`
	Codable bool   `yaml:"codable,omitempty"`
}

// Code is a code under a factor.
type Code struct {
	ID         string   `yaml:"id"`
	Label      Text     `yaml:"label"`
	Valence    Valence  `yaml:"valence"`
	Definition Text     `yaml:"definition,omitempty"`
	Include    Text     `yaml:"include,omitempty"`
	Exclude    Text     `yaml:"exclude,omitempty"`
	Example    Text     `yaml:"example,omitempty"`
	Aliases    []string `yaml:"aliases,omitempty"`
	Patterns   []string `yaml:"patterns,omitempty"`
	// GUID and Color are the code's in a REFI-QDA codebook it was read from, where they
	// differ from what samenspel writes (a GUID derived from the id, a valence colour);
	// Color "none" is no colour.
	GUID   string `yaml:"guid,omitempty"`
	Color  string `yaml:"color,omitempty"`
	Factor string `yaml:"-"` // the factor id, filled on load
}

// CodeSet is a REFI-QDA code set: a named group of codes and factors, by id.
type CodeSet struct {
	GUID        string   `yaml:"guid,omitempty"`
	Name        string   `yaml:"name"`
	Description string   `yaml:"description,omitempty"`
	Members     []string `yaml:"members,omitempty"`
}

// Partner is a collaboration partner that respondents mention, with its synonyms.
type Partner struct {
	ID       string   `yaml:"id"`
	Label    Text     `yaml:"label"`
	Synonyms []string `yaml:"synonyms,omitempty"`
}

// Role is a respondent role with the abbreviation used in pseudonyms (e.g. JW for
// jongerenwerker) and the names it goes by in inputs.
type Role struct {
	ID       string   `yaml:"id"`
	Abbrev   string   `yaml:"abbrev"`
	Label    Text     `yaml:"label"`
	Synonyms []string `yaml:"synonyms,omitempty"`
}

// Scale is a survey scale: Likert items that measure one factor.
type Scale struct {
	ID        string   `yaml:"id"`
	Factor    string   `yaml:"factor,omitempty"`
	Label     Text     `yaml:"label"`
	Answers   Answers  `yaml:"answers"`
	Missing   []string `yaml:"missing,omitempty"`
	AgreeFrom float64  `yaml:"agree_from,omitempty"`
	Items     []Item   `yaml:"items"`
}

// AnswerLabel ties an answer value to its labels (Dutch, English, and further synonyms).
type AnswerLabel struct {
	Value  float64  `yaml:"value"`
	Labels []string `yaml:"labels"`
}

// Item is a survey item of a scale.
type Item struct {
	ID      string `yaml:"id"`
	Text    Text   `yaml:"text"`
	Reverse bool   `yaml:"reverse,omitempty"`
}

// Fold normalises a name for matching: lower case, accents removed, runs of white space
// and underscores made one space, trimmed.
func Fold(s string) string {
	out := s
	// Pure ASCII has no accents to remove and is its own NFD and NFC: skip the transform,
	// whose chain allocates its buffers on every call (Fold runs for every survey cell).
	if !isASCII(s) {
		t := transform.Chain(norm.NFD, runes.Remove(runes.In(unicode.Mn)), norm.NFC)
		var err error
		if out, _, err = transform.String(t, s); err != nil {
			out = s
		}
	}
	out = strings.ToLower(out)
	return strings.Join(strings.FieldsFunc(out, func(r rune) bool {
		return unicode.IsSpace(r) || r == '_'
	}), " ")
}

// pathSeparators are the ways coding tools write a code path: MAXQDA "Parent > Child",
// ATLAS.ti "Parent::Child", Taguette "parent\child", NVivo and others "Parent/Child".
var pathSeparators = []string{"::", ">", "\\", "/"}

// SplitPath splits a code path as a coding tool writes it into its parts.
func SplitPath(name string) []string {
	for _, sep := range pathSeparators {
		if strings.Contains(name, sep) {
			parts := strings.Split(name, sep)
			out := parts[:0]
			for _, p := range parts {
				if p = strings.TrimSpace(p); p != "" {
					out = append(out, p)
				}
			}
			return out
		}
	}
	return []string{strings.TrimSpace(name)}
}

// Prepare fills derived fields (each code's factor) and builds the name index. Load calls
// it; call it again after changing a codebook in code.
//
// The index is built in levels: code ids, then aliases, then labels, then the paths
// "factor label > code label". A name of a higher level keeps it against the lower ones
// (an alias the researcher added for one code wins over another code's label); a name
// that two codes claim at one level ("Anders" as the label of kennen.anders and of
// bereiken.anders) is shared: Resolve maps it onto neither, and SharedName names them.
func (cb *Codebook) Prepare() {
	partnerMu.Lock()
	cb.partners = nil
	partnerMu.Unlock()
	cb.index = map[string]string{}
	cb.shared = nil
	cb.factorNames = map[string]string{}
	var level map[string]string // this level's names, folded -> first id
	add := func(name, id string) {
		k := Fold(name)
		if k == "" {
			return
		}
		if prev, ok := level[k]; ok {
			if prev != id && !slices.Contains(cb.shared[k], id) {
				if cb.shared == nil {
					cb.shared = map[string][]string{}
				}
				if len(cb.shared[k]) == 0 {
					cb.shared[k] = []string{prev}
				}
				cb.shared[k] = append(cb.shared[k], id)
			}
			return
		}
		if _, ok := cb.index[k]; ok {
			return // a higher level's name
		}
		level[k] = id
	}
	endLevel := func() {
		for k, id := range level {
			if _, shared := cb.shared[k]; !shared {
				cb.index[k] = id
			}
		}
		// A shared name is no one's at the lower levels either.
		for k := range cb.shared {
			if _, ok := cb.index[k]; !ok {
				cb.index[k] = ""
			}
		}
	}
	each := func(f func(fa *Factor, c *Code)) {
		for fi := range cb.Factors {
			fa := &cb.Factors[fi]
			for ci := range fa.Codes {
				f(fa, &fa.Codes[ci])
			}
		}
	}
	for fi := range cb.Factors {
		f := &cb.Factors[fi]
		cb.factorNames[Fold(f.ID)] = f.ID
		for _, l := range f.Label {
			if k := Fold(l); k != "" {
				cb.factorNames[k] = f.ID
			}
		}
	}
	level = map[string]string{}
	each(func(fa *Factor, c *Code) { c.Factor = fa.ID; add(c.ID, c.ID) })
	endLevel()
	level = map[string]string{}
	each(func(_ *Factor, c *Code) {
		for _, a := range c.Aliases {
			add(a, c.ID)
		}
	})
	endLevel()
	level = map[string]string{}
	each(func(_ *Factor, c *Code) {
		for _, l := range c.Label {
			add(l, c.ID)
		}
	})
	endLevel()
	level = map[string]string{}
	each(func(fa *Factor, c *Code) {
		for _, l := range c.Label {
			for _, fl := range fa.Label {
				add(fl+" > "+l, c.ID)
			}
		}
	})
	endLevel()
	// Paths as the tools write them, normalised to "a > b".
	level = map[string]string{}
	for _, k := range slices.Sorted(maps.Keys(cb.index)) {
		if id := cb.index[k]; id != "" {
			if parts := SplitPath(k); len(parts) > 1 {
				add(strings.Join(parts, " > "), id)
			}
		}
	}
	endLevel()
}

// Resolve maps a code name as an export wrote it onto a code id: by id, alias or label,
// and for a path ("Bereiken > Korte lijnen", "Bereiken::Korte lijnen", "bereiken\\korte
// lijnen") by the whole path or else by its last part (ByLastPart tells where no part
// before it names the code's factor: "Op de hoogte houden > Geen terugkoppeling"); a name
// with a colon ("Bereiken: korte lijnen", ATLAS.ti's group prefix) as such a path where it
// is not known as a whole. ok is false for a name the codebook does not know, for a
// name two codes share (SharedName), and for a path whose groups name the other valence
// than its last part's code ("Kennen > Belemmerend > Vertrouwen": ValenceConflict).
func (cb *Codebook) Resolve(name string) (id string, ok bool) {
	id, _, ok = cb.resolve(name)
	return id, ok
}

// ByLastPart reports whether Resolve maps name onto a code by the last part of its path
// only, with no part before it naming the code's factor: the group may be the
// researcher's own ("Overig > Korte lijnen"), so the run says so.
func (cb *Codebook) ByLastPart(name string) bool {
	_, byLast, ok := cb.resolve(name)
	return ok && byLast
}

func (cb *Codebook) resolve(name string) (id string, byLast, ok bool) {
	if cb.index == nil {
		cb.Prepare()
	}
	k := Fold(name)
	if k == "" {
		return "", false, false
	}
	if id, ok := cb.index[k]; ok {
		return id, false, id != ""
	}
	parts := pathParts(k)
	if len(parts) > 1 {
		if id, ok := cb.index[strings.Join(parts, " > ")]; ok {
			return id, false, id != ""
		}
		leaf, parents := parts[len(parts)-1], parts[:len(parts)-1]
		if id := cb.index[leaf]; id != "" {
			if !cb.valenceAgrees(parents, id) {
				return "", false, false // path_valence.go
			}
			return id, !cb.underFactor(parents, id), true
		}
		// A name two codes share, under a group that names the factor of one of them
		// ("Bereiken > Anders").
		var under []string
		for _, id := range cb.shared[leaf] {
			if cb.underFactor(parents, id) && cb.valenceAgrees(parents, id) {
				under = append(under, id)
			}
		}
		if len(under) == 1 {
			return under[0], false, true
		}
	}
	return "", false, false
}

// pathParts splits a folded name that the index does not know as a whole into the
// parts of its path. ATLAS.ti users often name codes after their group with a colon
// ("Bereiken: korte lijnen"). A colon is also ordinary text in a code name, so it is a
// path separator only when the name as a whole is unknown and the path resolves.
func pathParts(k string) []string {
	parts := SplitPath(k)
	if len(parts) <= 1 && strings.Contains(k, ":") {
		parts = splitColon(k)
	}
	return parts
}

// underFactor reports whether one of a path's parents names code id's factor.
func (cb *Codebook) underFactor(parents []string, id string) bool {
	c, ok := cb.Code(id)
	if !ok {
		return false
	}
	for _, p := range parents {
		if cb.factorNames[p] == c.Factor {
			return true
		}
	}
	return false
}

// SharedNames lists the names two or more codes share (a label "Anders" in two factors),
// sorted, each with its codes in the codebook's order: an export that writes only such a
// name cannot say which code it means, so its codings are not counted (Resolve).
// `analyse codebook check` lists them.
func (cb *Codebook) SharedNames() []SharedNameCodes {
	if cb.index == nil {
		cb.Prepare()
	}
	var out []SharedNameCodes
	for _, k := range slices.Sorted(maps.Keys(cb.shared)) {
		if strings.Contains(k, " > ") {
			continue // a path two codes share is the case of its last part
		}
		out = append(out, SharedNameCodes{Name: k, Codes: cb.shared[k]})
	}
	return out
}

// SharedNameCodes is a name (folded, as Fold gives it) and the codes that share it.
type SharedNameCodes struct {
	Name  string
	Codes []string
}

// SharedName returns the codes a code name as an export wrote it names at once (a label
// two codes have), in the codebook's order; nil for a name that names one code or none.
func (cb *Codebook) SharedName(name string) []string {
	if cb.index == nil {
		cb.Prepare()
	}
	k := Fold(name)
	if ids, ok := cb.shared[k]; ok {
		return ids
	}
	parts := SplitPath(k)
	if len(parts) <= 1 && strings.Contains(k, ":") {
		parts = splitColon(k)
	}
	if len(parts) > 1 {
		if ids, ok := cb.shared[strings.Join(parts, " > ")]; ok {
			return ids
		}
		if _, whole := cb.index[strings.Join(parts, " > ")]; !whole {
			if _, ok := cb.Resolve(name); !ok {
				return cb.shared[parts[len(parts)-1]]
			}
		}
	}
	return nil
}

func splitColon(k string) []string {
	var out []string
	for _, p := range strings.Split(k, ":") {
		if p = strings.TrimSpace(p); p != "" {
			out = append(out, p)
		}
	}
	return out
}

// Code returns the code with the given id.
func (cb *Codebook) Code(id string) (Code, bool) {
	for _, f := range cb.Factors {
		for _, c := range f.Codes {
			if c.ID == id {
				return c, true
			}
		}
	}
	return Code{}, false
}

// Factor returns the factor with the given id.
func (cb *Codebook) Factor(id string) (Factor, bool) {
	for _, f := range cb.Factors {
		if f.ID == id {
			return f, true
		}
	}
	return Factor{}, false
}

// Role maps a role as an input wrote it ("Jongerenwerker", "youth worker") onto a role id
// by id, label or synonym, case- and accent-insensitively.
func (cb *Codebook) Role(name string) (Role, bool) {
	// A role written exactly as the codebook writes it needs no folding (Role runs for
	// every row of a survey).
	for _, r := range cb.Roles {
		if name == r.ID || slices.Contains(r.Synonyms, name) {
			return r, true
		}
		for _, l := range r.Label {
			if name == l {
				return r, true
			}
		}
	}
	k := Fold(name)
	if k == "" {
		return Role{}, false
	}
	for _, r := range cb.Roles {
		if Fold(r.ID) == k {
			return r, true
		}
		for _, l := range r.Label {
			if Fold(l) == k {
				return r, true
			}
		}
		for _, s := range r.Synonyms {
			if Fold(s) == k {
				return r, true
			}
		}
	}
	return Role{}, false
}

// Item finds a survey item by id (case-insensitive) and returns it with its scale.
func (cb *Codebook) Item(id string) (Item, Scale, bool) {
	k := Fold(id)
	for _, s := range cb.Scales {
		for _, it := range s.Items {
			if Fold(it.ID) == k {
				return it, s, true
			}
		}
	}
	return Item{}, Scale{}, false
}

// ItemByText finds a survey item by its question text in any language (accent- and
// case-insensitive, ignoring surrounding punctuation), for exports that head columns with
// the full question.
func (cb *Codebook) ItemByText(text string) (Item, Scale, bool) {
	k := strings.Trim(Fold(text), " .?!:")
	if k == "" {
		return Item{}, Scale{}, false
	}
	for _, s := range cb.Scales {
		for _, it := range s.Items {
			for _, t := range it.Text {
				if strings.Trim(Fold(t), " .?!:") == k {
					return it, s, true
				}
			}
		}
	}
	return Item{}, Scale{}, false
}

// Min and Max return the lowest and highest answer value of the scale.
func (s Scale) Min() float64 {
	m := 0.0
	for i, a := range s.Answers {
		if i == 0 || a.Value < m {
			m = a.Value
		}
	}
	return m
}

// Max returns the highest answer value of the scale.
func (s Scale) Max() float64 {
	m := 0.0
	for i, a := range s.Answers {
		if i == 0 || a.Value > m {
			m = a.Value
		}
	}
	return m
}

// Value maps an answer label ("Mee eens", "Strongly agree", "4") onto the scale: value and
// missing=false for a known label or a number on the scale; missing=true for an empty
// answer or a label listed under missing ("Weet niet", "N.v.t."); ok=false for anything
// else.
func (s Scale) Value(label string) (value float64, missing, ok bool) {
	// Exports mostly write a label exactly as the codebook does: find those without folding
	// every label of the scale for every cell of a survey.
	for _, m := range s.Missing {
		if label == m {
			return 0, true, true
		}
	}
	for _, a := range s.Answers {
		for _, l := range a.Labels {
			if label == l {
				return a.Value, false, true
			}
		}
	}
	k := Fold(label)
	if k == "" {
		return 0, true, true
	}
	for _, m := range s.Missing {
		if Fold(m) == k {
			return 0, true, true
		}
	}
	for _, a := range s.Answers {
		for _, l := range a.Labels {
			if Fold(l) == k {
				return a.Value, false, true
			}
		}
	}
	return 0, false, false
}

// Reversed returns the value of a reverse-keyed item mirrored on the scale (min+max-v).
func (s Scale) Reversed(v float64) float64 { return s.Min() + s.Max() - v }

func isASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			return false
		}
	}
	return true
}

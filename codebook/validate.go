package codebook

import (
	"errors"
	"fmt"
	"sort"
	"strconv"
	"strings"
)

// Sentinel errors of codebook problems; test with errors.Is.
var (
	ErrInvalid      = errors.New("codebook does not validate")
	ErrDuplicate    = errors.New("duplicate")
	ErrNoFactor     = errors.New("code without a factor")
	ErrItemInScales = errors.New("item in two scales")
	ErrAnswerValues = errors.New("answer label given two values")
	ErrValence      = errors.New("unknown valence")
	ErrMissing      = errors.New("required field missing")
	ErrReference    = errors.New("unknown reference")
	ErrFormat       = errors.New("unreadable codebook file")
)

// Place says where in a codebook file an element was read: a line for YAML and REFI-QDA,
// a sheet and cell (with its column header) for a workbook. The zero Place is unknown.
type Place struct {
	File   string
	Line   int
	Sheet  string
	Cell   string
	Column string
}

// String writes the place the way a researcher finds it back: `line 12`, or
// `sheet "Codes", cell H14 (column "Patterns")`, after the file name when known.
func (p Place) String() string {
	var parts []string
	if p.File != "" {
		parts = append(parts, p.File)
	}
	switch {
	case p.Sheet != "":
		s := fmt.Sprintf("sheet %q", p.Sheet)
		if p.Cell != "" {
			s += ", cell " + p.Cell
		}
		if p.Column != "" {
			s += fmt.Sprintf(" (column %q)", p.Column)
		}
		parts = append(parts, s)
	case p.Line > 0:
		parts = append(parts, "line "+strconv.Itoa(p.Line))
	}
	return strings.Join(parts, ": ")
}

// Problem is one reason a codebook does not validate, with its place.
type Problem struct {
	Place  Place
	Reason string
	Err    error // one of the sentinels above
}

func (p Problem) Error() string {
	if s := p.Place.String(); s != "" {
		return s + ": " + p.Reason
	}
	return p.Reason
}

func (p Problem) Unwrap() error { return p.Err }

// ValidationError lists every problem of a codebook that does not validate; it wraps
// ErrInvalid and each problem's sentinel.
type ValidationError struct {
	File     string
	Problems []Problem
}

func (e *ValidationError) Error() string {
	var b strings.Builder
	name := e.File
	if name == "" {
		name = "codebook"
	}
	fmt.Fprintf(&b, "%s: %d problem(s):", name, len(e.Problems))
	for _, p := range e.Problems {
		q := p
		if q.Place.File == e.File {
			q.Place.File = ""
		}
		b.WriteString("\n  " + q.Error())
	}
	return b.String()
}

func (e *ValidationError) Unwrap() []error {
	errs := []error{ErrInvalid}
	for _, p := range e.Problems {
		errs = append(errs, p)
	}
	return errs
}

// at joins the parts of an element path: at("factors", 0, "codes", 2) = "factors/0/codes/2".
func at(parts ...any) string {
	s := make([]string, len(parts))
	for i, p := range parts {
		s[i] = fmt.Sprint(p)
	}
	return strings.Join(s, "/")
}

// setPlace records where the element at path was read.
func (cb *Codebook) setPlace(path string, p Place) {
	if cb.places == nil {
		cb.places = map[string]Place{}
	}
	cb.places[path] = p
}

// place returns where the element at path was read, or its nearest recorded parent.
func (cb *Codebook) place(path string) Place {
	for {
		if p, ok := cb.places[path]; ok {
			if p.File == "" {
				p.File = cb.file
			}
			return p
		}
		i := strings.LastIndex(path, "/")
		if i < 0 {
			return Place{File: cb.file}
		}
		path = path[:i]
	}
}

// Validate checks the codebook and returns every problem with its place: missing or
// duplicate ids, an alias or synonym that names two things, a code without a factor, an
// unknown valence, a pattern that cannot match, an item in two scales, an answer label
// given two values. An empty valence is allowed (a code imported from a tool that has
// none).
func (cb *Codebook) Validate() []Problem {
	var probs []Problem
	add := func(path string, err error, format string, args ...any) {
		probs = append(probs, Problem{Place: cb.place(path), Reason: fmt.Sprintf(format, args...), Err: err})
	}
	// Factors and codes.
	factorIDs := map[string]string{}
	codeIDs := map[string]string{}
	type owner struct{ code, path string }
	names := map[string]owner{} // folded id or alias -> code
	for fi, f := range cb.Factors {
		fp := at("factors", fi)
		if f.ID == "" && len(f.Codes) == 0 {
			add(fp, ErrMissing, "factor without id")
		}
		if f.ID != "" {
			if prev, ok := factorIDs[f.ID]; ok {
				add(fp+"/id", ErrDuplicate, "duplicate factor id %q (first at %s)", f.ID, cb.place(prev))
			} else {
				factorIDs[f.ID] = fp + "/id"
			}
		}
		for ci, c := range f.Codes {
			cp := at(fp, "codes", ci)
			if f.ID == "" {
				add(cp, ErrNoFactor, "code %q has no factor", c.ID)
			}
			if c.ID == "" {
				add(cp, ErrMissing, "code without id (label %q)", c.Label.In("nl"))
				continue
			}
			if prev, ok := codeIDs[c.ID]; ok {
				add(cp+"/id", ErrDuplicate, "duplicate code id %q (first at %s)", c.ID, cb.place(prev))
			} else {
				codeIDs[c.ID] = cp + "/id"
			}
			switch c.Valence {
			case "", Facilitator, Barrier:
			default:
				add(cp+"/valence", ErrValence, "code %q: unknown valence %q (facilitator or barrier; bevorderend or belemmerend)", c.ID, c.Valence)
			}
			claim := func(name, path, what string) {
				k := Fold(name)
				if k == "" {
					return
				}
				if prev, ok := names[k]; ok && prev.code != c.ID {
					add(path, ErrDuplicate, "%s %q of code %q also names code %q (at %s)", what, name, c.ID, prev.code, cb.place(prev.path))
					return
				}
				if _, ok := names[k]; !ok {
					names[k] = owner{c.ID, path}
				}
			}
			claim(c.ID, cp+"/id", "id")
			for ai, a := range c.Aliases {
				claim(a, at(cp, "aliases", ai), "alias")
			}
			for pi, p := range c.Patterns {
				if _, err := compileRule(c.ID, p); err != nil {
					add(at(cp, "patterns", pi), ErrPattern, "code %q: %v", c.ID, strings.TrimPrefix(err.Error(), ErrPattern.Error()+": "))
				}
			}
		}
	}
	cb.checkNegated(codeIDs, func(err error, format string, args ...any) { add("negated", err, format, args...) })
	// An alias that equals another code's label is ambiguous too.
	for fi, f := range cb.Factors {
		for ci, c := range f.Codes {
			for _, l := range c.Label {
				if o, ok := names[Fold(l)]; ok && o.code != c.ID && c.ID != "" {
					add(at("factors", fi, "codes", ci, "label"), ErrDuplicate, "label %q of code %q is an id or alias of code %q (at %s)", l, c.ID, o.code, cb.place(o.path))
				}
			}
		}
	}
	// Partners and roles.
	synonyms := func(kind string, n int, id func(int) string, words func(int) []string, path func(int, int) string) {
		ids := map[string]int{}
		seen := map[string]int{}
		for i := 0; i < n; i++ {
			if id(i) == "" {
				add(path(i, -1), ErrMissing, "%s without id", kind)
			} else if prev, ok := ids[id(i)]; ok {
				add(path(i, -1), ErrDuplicate, "duplicate %s id %q (first at %s)", kind, id(i), cb.place(path(prev, -1)))
			} else {
				ids[id(i)] = i
			}
			for j, w := range words(i) {
				k := Fold(w)
				if k == "" {
					continue
				}
				if prev, ok := seen[k]; ok && prev != i {
					add(path(i, j), ErrDuplicate, "%s synonym %q of %q also names %q", kind, w, id(i), id(prev))
				} else {
					seen[k] = i
				}
				if kind == "partner" {
					if _, err := compileRule(id(i), w); err != nil {
						add(path(i, j), ErrPattern, "partner %q: %v", id(i), strings.TrimPrefix(err.Error(), ErrPattern.Error()+": "))
					}
				}
			}
		}
	}
	synonyms("partner", len(cb.Partners), func(i int) string { return cb.Partners[i].ID },
		func(i int) []string { return cb.Partners[i].Synonyms },
		func(i, j int) string {
			if j < 0 {
				return at("partners", i)
			}
			return at("partners", i, "synonyms", j)
		})
	synonyms("role", len(cb.Roles), func(i int) string { return cb.Roles[i].ID },
		func(i int) []string {
			r := cb.Roles[i]
			return append(append([]string{r.ID}, r.Label["nl"], r.Label["en"]), r.Synonyms...)
		},
		func(i, j int) string {
			if j < 0 {
				return at("roles", i)
			}
			if j < 3 {
				return at("roles", i)
			}
			return at("roles", i, "synonyms", j-3)
		})
	abbrevs := map[string]string{}
	for i, r := range cb.Roles {
		if r.Abbrev == "" {
			add(at("roles", i), ErrMissing, "role %q has no abbreviation (used in pseudonyms)", r.ID)
		} else if prev, ok := abbrevs[strings.ToUpper(r.Abbrev)]; ok {
			add(at("roles", i, "abbrev"), ErrDuplicate, "role %q has the abbreviation %q of role %q", r.ID, r.Abbrev, prev)
		} else {
			abbrevs[strings.ToUpper(r.Abbrev)] = r.ID
		}
	}
	// Scales.
	scaleIDs := map[string]bool{}
	items := map[string]string{} // folded item id -> scale id
	for si, s := range cb.Scales {
		sp := at("scales", si)
		if s.ID == "" {
			add(sp, ErrMissing, "scale without id")
		} else if scaleIDs[s.ID] {
			add(sp+"/id", ErrDuplicate, "duplicate scale id %q", s.ID)
		}
		scaleIDs[s.ID] = true
		if s.Factor != "" {
			if _, ok := factorIDs[s.Factor]; !ok {
				add(sp+"/factor", ErrReference, "scale %q: unknown factor %q", s.ID, s.Factor)
			}
		}
		if len(s.Answers) == 0 {
			add(sp, ErrMissing, "scale %q has no answers", s.ID)
		}
		values := map[float64]bool{}
		labels := map[string]float64{}
		for ai, a := range s.Answers {
			ap := at(sp, "answers", ai)
			if values[a.Value] {
				add(ap, ErrDuplicate, "scale %q: answer value %v given twice", s.ID, a.Value)
			}
			values[a.Value] = true
			for li, l := range a.Labels {
				k := Fold(l)
				if v, ok := labels[k]; ok && v != a.Value {
					add(at(ap, "labels", li), ErrAnswerValues, "scale %q: answer label %q is given the values %v and %v", s.ID, l, v, a.Value)
				} else {
					labels[k] = a.Value
				}
			}
		}
		for mi, m := range s.Missing {
			if v, ok := labels[Fold(m)]; ok {
				add(at(sp, "missing", mi), ErrAnswerValues, "scale %q: %q is both missing and the answer value %v", s.ID, m, v)
			}
		}
		if s.AgreeFrom != 0 && len(s.Answers) > 0 && (s.AgreeFrom < s.Min() || s.AgreeFrom > s.Max()) {
			add(sp+"/agree_from", ErrReference, "scale %q: agree_from %v is outside the answers %v..%v", s.ID, s.AgreeFrom, s.Min(), s.Max())
		}
		inScale := map[string]bool{}
		for ii, it := range s.Items {
			ip := at(sp, "items", ii)
			k := Fold(it.ID)
			if k == "" {
				add(ip, ErrMissing, "scale %q: item without id", s.ID)
				continue
			}
			if inScale[k] {
				add(ip, ErrDuplicate, "scale %q: item %q listed twice", s.ID, it.ID)
				continue
			}
			inScale[k] = true
			if other, ok := items[k]; ok {
				add(ip, ErrItemInScales, "item %q is in the scales %q and %q", it.ID, other, s.ID)
			} else {
				items[k] = s.ID
			}
		}
	}
	// Code sets (from a REFI-QDA codebook) name factors and codes by id.
	for si, set := range cb.Sets {
		for mi, m := range set.Members {
			if _, ok := factorIDs[m]; !ok {
				if _, ok := codeIDs[m]; !ok {
					add(at("sets", si, "members", mi), ErrReference, "set %q: unknown factor or code %q", set.Name, m)
				}
			}
		}
	}
	sort.SliceStable(probs, func(i, j int) bool { return placeLess(probs[i].Place, probs[j].Place) })
	return probs
}

func placeLess(a, b Place) bool {
	if a.Sheet != b.Sheet {
		return a.Sheet < b.Sheet
	}
	return a.Line < b.Line
}

// check returns a ValidationError when cb does not validate.
func (cb *Codebook) check() error {
	if probs := cb.Validate(); len(probs) > 0 {
		return &ValidationError{File: cb.file, Problems: probs}
	}
	return nil
}

package codebook

import (
	"fmt"
	"sort"
	"strconv"
	"strings"

	"github.com/samenspel/samenspel/pipeline/model"
)

// Sentinel errors of codebook problems; test with errors.Is.
var (
	ErrInvalid      = model.NewKind("codebook does not validate", "codeboek klopt niet")
	ErrDuplicate    = model.NewKind("duplicate", "dubbel")
	ErrNoFactor     = model.NewKind("code without a factor", "code zonder factor")
	ErrItemInScales = model.NewKind("item in two scales", "item in twee schalen")
	ErrAnswerValues = model.NewKind("answer label given two values", "antwoord met twee waarden")
	ErrValence      = model.NewKind("unknown valence", "onbekende valentie")
	ErrMissing      = model.NewKind("required field missing", "verplicht veld ontbreekt")
	ErrReference    = model.NewKind("unknown reference", "onbekende verwijzing")
	ErrFormat       = model.NewKind("unreadable codebook file", "onleesbaar codeboekbestand")
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
func (p Place) String() string { return p.in("sheet", "cell", "column", "line") }

// Dutch is the place in Dutch: `regel 12`, or `blad "Codes", cel H14 (kolom "Patterns")`.
func (p Place) Dutch() string { return p.in("blad", "cel", "kolom", "regel") }

func (p Place) in(sheet, cell, column, line string) string {
	var parts []string
	if p.File != "" {
		parts = append(parts, p.File)
	}
	switch {
	case p.Sheet != "":
		s := fmt.Sprintf("%s %q", sheet, p.Sheet)
		if p.Cell != "" {
			s += ", " + cell + " " + p.Cell
		}
		if p.Column != "" {
			s += fmt.Sprintf(" (%s %q)", column, p.Column)
		}
		parts = append(parts, s)
	case p.Line > 0:
		parts = append(parts, line+" "+strconv.Itoa(p.Line))
	}
	return strings.Join(parts, ": ")
}

// Problem is one reason a codebook does not validate, with its place.
type Problem struct {
	Place    Place
	Reason   string
	ReasonNL string // the reason in Dutch
	Err      error  // one of the sentinels above
}

func (p Problem) Error() string { return join(p.Place.String(), p.Reason) }

// Dutch is the problem in Dutch (model.Dutch), in English where it has no Dutch reason.
func (p Problem) Dutch() string {
	if p.ReasonNL == "" {
		return p.Error()
	}
	return join(p.Place.Dutch(), p.ReasonNL)
}

func join(place, reason string) string {
	if place != "" {
		return place + ": " + reason
	}
	return reason
}

// inBoth is a word of the reasons above (the kind of an element: partner, role, alias,
// id) in both languages, for model.Reasonf.
func inBoth(word string) error {
	nl, ok := map[string]string{"partner": "partner", "role": "rol", "alias": "alias", "id": "id"}[word]
	if !ok {
		nl = word
	}
	return model.Translated(word, nl)
}

// patternReason is why a pattern cannot match, without the sentinel's words before it.
func patternReason(err error) error {
	return model.Translated(strings.TrimPrefix(err.Error(), ErrPattern.Error()+": "),
		strings.TrimPrefix(model.Dutch(err), model.Dutch(ErrPattern)+": "))
}

func (p Problem) Unwrap() error { return p.Err }

// ValidationError lists every problem of a codebook that does not validate; it wraps
// ErrInvalid and each problem's sentinel.
type ValidationError struct {
	File     string
	Problems []Problem
}

func (e *ValidationError) Error() string {
	return e.text("codebook", "%s: %d problem(s):", Problem.Error)
}

// Dutch is the error in Dutch (model.Dutch).
func (e *ValidationError) Dutch() string {
	return e.text("codeboek", "%s: %d probleem/problemen:", Problem.Dutch)
}

func (e *ValidationError) text(codebook, head string, problem func(Problem) string) string {
	var b strings.Builder
	name := e.File
	if name == "" {
		name = codebook
	}
	fmt.Fprintf(&b, head, name, len(e.Problems))
	for _, p := range e.Problems {
		q := p
		if q.Place.File == e.File {
			q.Place.File = ""
		}
		b.WriteString("\n  " + problem(q))
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
	add := func(path string, err error, format, nl string, args ...any) {
		r := model.Reasonf(format, nl, args...)
		probs = append(probs, Problem{Place: cb.place(path), Reason: r.Error(), ReasonNL: model.Dutch(r), Err: err})
	}
	// Factors and codes.
	factorIDs := map[string]string{}
	codeIDs := map[string]string{}
	type owner struct{ code, path string }
	names := map[string]owner{} // folded id or alias -> code
	for fi, f := range cb.Factors {
		fp := at("factors", fi)
		if f.ID == "" && len(f.Codes) == 0 {
			add(fp, ErrMissing, "factor without id", "factor zonder id")
		}
		if f.ID != "" {
			if prev, ok := factorIDs[f.ID]; ok {
				add(fp+"/id", ErrDuplicate, "duplicate factor id %q (first at %s)", "dubbel factor-id %q (eerst bij %s)", f.ID, cb.place(prev))
			} else {
				factorIDs[f.ID] = fp + "/id"
			}
		}
		for ci, c := range f.Codes {
			cp := at(fp, "codes", ci)
			if f.ID == "" {
				add(cp, ErrNoFactor, "code %q has no factor", "code %q heeft geen factor", c.ID)
			}
			if c.ID == "" {
				add(cp, ErrMissing, "code without id (label %q)", "code zonder id (label %q)", c.Label.In("nl"))
				continue
			}
			if prev, ok := codeIDs[c.ID]; ok {
				add(cp+"/id", ErrDuplicate, "duplicate code id %q (first at %s)", "dubbel code-id %q (eerst bij %s)", c.ID, cb.place(prev))
			} else {
				codeIDs[c.ID] = cp + "/id"
			}
			switch c.Valence {
			case "", Facilitator, Barrier:
			default:
				add(cp+"/valence", ErrValence, "code %q: unknown valence %q (facilitator or barrier; bevorderend or belemmerend)", "code %q: onbekende valentie %q (bevorderend of belemmerend; facilitator of barrier)", c.ID, c.Valence)
			}
			claim := func(name, path, what string) {
				k := Fold(name)
				if k == "" {
					return
				}
				if prev, ok := names[k]; ok && prev.code != c.ID {
					add(path, ErrDuplicate, "%s %q of code %q also names code %q (at %s)", "%s %q van code %q noemt ook code %q (bij %s)", inBoth(what), name, c.ID, prev.code, cb.place(prev.path))
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
					add(at(cp, "patterns", pi), ErrPattern, "code %q: %v", "code %q: %v", c.ID, patternReason(err))
				}
			}
		}
	}
	cb.checkNegated(codeIDs, func(err error, format, nl string, args ...any) { add("negated", err, format, nl, args...) })
	// An alias that equals another code's label is ambiguous too.
	for fi, f := range cb.Factors {
		for ci, c := range f.Codes {
			for _, l := range c.Label {
				if o, ok := names[Fold(l)]; ok && o.code != c.ID && c.ID != "" {
					add(at("factors", fi, "codes", ci, "label"), ErrDuplicate, "label %q of code %q is an id or alias of code %q (at %s)", "label %q van code %q is een id of alias van code %q (bij %s)", l, c.ID, o.code, cb.place(o.path))
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
				add(path(i, -1), ErrMissing, "%s without id", "%s zonder id", inBoth(kind))
			} else if prev, ok := ids[id(i)]; ok {
				add(path(i, -1), ErrDuplicate, "duplicate %s id %q (first at %s)", "dubbel id van %s %q (eerst bij %s)", inBoth(kind), id(i), cb.place(path(prev, -1)))
			} else {
				ids[id(i)] = i
			}
			for j, w := range words(i) {
				k := Fold(w)
				if k == "" {
					continue
				}
				if prev, ok := seen[k]; ok && prev != i {
					add(path(i, j), ErrDuplicate, "%s synonym %q of %q also names %q", "synoniem (%s) %q van %q noemt ook %q", inBoth(kind), w, id(i), id(prev))
				} else {
					seen[k] = i
				}
				if kind == "partner" {
					if _, err := compileRule(id(i), w); err != nil {
						add(path(i, j), ErrPattern, "partner %q: %v", "partner %q: %v", id(i), patternReason(err))
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
			add(at("roles", i), ErrMissing, "role %q has no abbreviation (used in pseudonyms)", "rol %q heeft geen afkorting (die in pseudoniemen staat)", r.ID)
		} else if prev, ok := abbrevs[strings.ToUpper(r.Abbrev)]; ok {
			add(at("roles", i, "abbrev"), ErrDuplicate, "role %q has the abbreviation %q of role %q", "rol %q heeft de afkorting %q van rol %q", r.ID, r.Abbrev, prev)
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
			add(sp, ErrMissing, "scale without id", "schaal zonder id")
		} else if scaleIDs[s.ID] {
			add(sp+"/id", ErrDuplicate, "duplicate scale id %q", "dubbel schaal-id %q", s.ID)
		}
		scaleIDs[s.ID] = true
		if s.Factor != "" {
			if _, ok := factorIDs[s.Factor]; !ok {
				add(sp+"/factor", ErrReference, "scale %q: unknown factor %q", "schaal %q: onbekende factor %q", s.ID, s.Factor)
			}
		}
		if len(s.Answers) == 0 {
			add(sp, ErrMissing, "scale %q has no answers", "schaal %q heeft geen antwoorden", s.ID)
		}
		values := map[float64]bool{}
		labels := map[string]float64{}
		for ai, a := range s.Answers {
			ap := at(sp, "answers", ai)
			if values[a.Value] {
				add(ap, ErrDuplicate, "scale %q: answer value %v given twice", "schaal %q: antwoordwaarde %v staat er twee keer", s.ID, a.Value)
			}
			values[a.Value] = true
			for li, l := range a.Labels {
				k := Fold(l)
				if v, ok := labels[k]; ok && v != a.Value {
					add(at(ap, "labels", li), ErrAnswerValues, "scale %q: answer label %q is given the values %v and %v", "schaal %q: antwoord %q krijgt de waarden %v en %v", s.ID, l, v, a.Value)
				} else {
					labels[k] = a.Value
				}
			}
		}
		for mi, m := range s.Missing {
			if v, ok := labels[Fold(m)]; ok {
				add(at(sp, "missing", mi), ErrAnswerValues, "scale %q: %q is both missing and the answer value %v", "schaal %q: %q is zowel ontbrekend (missing) als de antwoordwaarde %v", s.ID, m, v)
			}
		}
		if s.AgreeFrom != 0 && len(s.Answers) > 0 && (s.AgreeFrom < s.Min() || s.AgreeFrom > s.Max()) {
			add(sp+"/agree_from", ErrReference, "scale %q: agree_from %v is outside the answers %v..%v", "schaal %q: agree_from %v ligt buiten de antwoorden %v..%v", s.ID, s.AgreeFrom, s.Min(), s.Max())
		}
		inScale := map[string]bool{}
		for ii, it := range s.Items {
			ip := at(sp, "items", ii)
			k := Fold(it.ID)
			if k == "" {
				add(ip, ErrMissing, "scale %q: item without id", "schaal %q: item zonder id", s.ID)
				continue
			}
			if inScale[k] {
				add(ip, ErrDuplicate, "scale %q: item %q listed twice", "schaal %q: item %q staat er twee keer in", s.ID, it.ID)
				continue
			}
			inScale[k] = true
			if other, ok := items[k]; ok {
				add(ip, ErrItemInScales, "item %q is in the scales %q and %q", "item %q staat in de schalen %q en %q", it.ID, other, s.ID)
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
					add(at("sets", si, "members", mi), ErrReference, "set %q: unknown factor or code %q", "set %q: onbekende factor of code %q", set.Name, m)
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

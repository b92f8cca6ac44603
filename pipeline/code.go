package pipeline

import (
	"sort"
	"strings"

	"github.com/samenspel/samenspel/codebook"
	"github.com/samenspel/samenspel/pipeline/model"
	"github.com/samenspel/samenspel/pipeline/protected"
)

// Unmapped is a code name from an export that the codebook does not know: reported in the
// summary and in tables/unmapped_codes.csv, never dropped silently.
type Unmapped struct {
	Name    string
	Codings int
	Coders  []string
	Files   []string
}

// mapCodes sets each coding's Code from its Raw name (by id, alias, label or path).
// The names that do not map stay as they are (Raw without Code), for unmappedCodes: a
// name study.yaml's known_unmapped keeps outside the codebook on purpose ("Overig > *")
// even where its last part is a codebook code's name, and a name two codes share
// (codebook.SharedName), for which it returns a warning.
func mapCodes(d *model.Dataset, cb *codebook.Codebook, kept func(name string) bool) []error {
	cache := map[string]string{}
	shared := map[string]int{}
	var sharedOrder []string
	conflict := map[string]int{} // path_valence.go of codebook: a group of the other valence
	var conflictOrder []string
	type leaf struct {
		n       int
		example string // a name as written
		code    string
	}
	byGroup := map[string]*leaf{} // the part before the last, as written
	var groupOrder []string
	for i := range d.Codings {
		c := &d.Codings[i]
		if c.Code != "" || strings.TrimSpace(c.Raw) == "" {
			continue
		}
		id, seen := cache[c.Raw]
		if !seen {
			if kept == nil || !kept(c.Raw) {
				id, _ = cb.Resolve(c.Raw)
			}
			cache[c.Raw] = id
		}
		c.Code = id
		if id != "" && cb.ByLastPart(c.Raw) {
			group := pathGroup(c.Raw)
			l := byGroup[group]
			if l == nil {
				l = &leaf{example: strings.TrimSpace(c.Raw), code: id}
				byGroup[group] = l
				groupOrder = append(groupOrder, group)
			}
			l.n++
		}
		if id == "" && (kept == nil || !kept(c.Raw)) && cb.SharedName(c.Raw) != nil {
			name := strings.TrimSpace(c.Raw)
			if shared[name] == 0 {
				sharedOrder = append(sharedOrder, name)
			}
			shared[name]++
		}
		if id == "" && (kept == nil || !kept(c.Raw)) {
			if _, _, ok := cb.ValenceConflict(c.Raw); ok {
				name := strings.TrimSpace(c.Raw)
				if conflict[name] == 0 {
					conflictOrder = append(conflictOrder, name)
				}
				conflict[name]++
			}
		}
	}
	var warnings []error
	for _, name := range sharedOrder {
		ids := strings.Join(cb.SharedName(name), ", ")
		warnings = append(warnings, model.Reasonf(
			"the code name %q (%d coding(s)) names more than one code of the codebook (%s): it is not counted; let the export write the code's path (factor > code) or give one code an alias",
			"de codenaam %q (%d codering(en)) noemt meer dan één code van het codeboek (%s): hij telt niet mee; laat de export het pad van de code schrijven (factor > code) of geef één code een alias",
			name, shared[name], ids))
	}
	for _, name := range conflictOrder {
		id, v, _ := cb.ValenceConflict(name)
		warnings = append(warnings, model.Reasonf(
			"the code name %q (%d coding(s)) ends in the name of %s, a %s, but its group names a %s: it is not counted as %s (it is listed as unmapped); give the codebook's code for it the path as an alias, or add the path to known_unmapped in study.yaml",
			"de codenaam %q (%d codering(en)) eindigt op de naam van %s, een %s, maar zijn groep noemt een %s: hij telt niet als %s (hij staat bij de niet-toegewezen codes); geef de code van het codeboek die ervoor hoort het pad als alias, of zet het pad onder known_unmapped in study.yaml",
			name, conflict[name], id, valenceName(codeValence(cb, id)), valenceName(v), id))
	}
	for _, g := range groupOrder {
		l := byGroup[g]
		warnings = append(warnings, model.Reasonf(
			"%d coding(s) under the group %q, which is no factor of the codebook, are counted as the codebook code of their last part (for example %q as %s); if that group is not the code's factor, add \"%s > *\" to known_unmapped in study.yaml",
			"%d codering(en) onder de groep %q, die geen factor van het codeboek is, tellen als de code van het codeboek met hun laatste deel (bijvoorbeeld %q als %s); is die groep niet de factor van de code, zet dan \"%s > *\" onder known_unmapped in study.yaml",
			l.n, g, l.example, l.code, g))
	}
	return warnings
}

// pathGroup is the part of a code path before its last part, as written ("Overig" of
// "Overig > Korte lijnen", "Bereiken" of "Bereiken: korte lijnen").
func pathGroup(name string) string {
	name = strings.TrimSpace(name)
	for _, sep := range []string{"::", ">", "\\", "/", ":"} {
		if i := strings.LastIndex(name, sep); i > 0 {
			return strings.TrimSpace(name[:i])
		}
	}
	return name
}

// unmappedCodes lists the code names that the codebook does not know, sorted by name,
// from the protected dataset: names and file names as published (redacted, relative to
// the study folder).
func unmappedCodes(p *protected.Dataset) []Unmapped {
	byName := map[string]*Unmapped{}
	coders := map[string]map[string]bool{}
	files := map[string]map[string]bool{}
	for _, c := range p.Codings {
		if !c.Unmapped() || strings.TrimSpace(c.Raw) == "" {
			continue
		}
		name := strings.TrimSpace(c.Raw)
		u := byName[name]
		if u == nil {
			u = &Unmapped{Name: name}
			byName[name] = u
			coders[name] = map[string]bool{}
			files[name] = map[string]bool{}
		}
		u.Codings++
		coders[name][c.Coder] = true
		files[name][c.Source] = true
	}
	out := make([]Unmapped, 0, len(byName))
	for name, u := range byName {
		u.Coders = model.SortedKeys(coders[name])
		u.Files = model.SortedKeys(files[name])
		out = append(out, *u)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Name < out[j].Name })
	return out
}

// mapRoles maps each respondent's role as read onto a codebook role id where the codebook
// knows it; other roles stay as read. Municipalities are trimmed.
// Each distinct value is trimmed and looked up once (a national survey has a few
// hundred municipalities and a handful of roles over 100,000 rows).
func mapRoles(d *model.Dataset, cb *codebook.Codebook) {
	municipality, role := map[string]string{}, map[string]string{}
	for i := range d.Respondents {
		r := &d.Respondents[i]
		m, ok := municipality[r.Municipality]
		if !ok {
			m = strings.Join(strings.Fields(r.Municipality), " ")
			municipality[r.Municipality] = m
		}
		id, ok := role[r.Role]
		if !ok {
			id = strings.Join(strings.Fields(r.Role), " ")
			if known, ok := cb.Role(id); ok {
				id = known.ID
			}
			role[r.Role] = id
		}
		r.Municipality, r.Role = m, id
	}
}

// roleMemo returns cb.Role, remembering each answer: a survey repeats a handful of role
// values over all its rows, and Role folds every role's labels and synonyms for a value
// it does not find as written.
func roleMemo(cb *codebook.Codebook) func(string) (codebook.Role, bool) {
	type found struct {
		role codebook.Role
		ok   bool
	}
	seen := map[string]found{}
	return func(name string) (codebook.Role, bool) {
		f, ok := seen[name]
		if !ok {
			f.role, f.ok = cb.Role(name)
			seen[name] = f
		}
		return f.role, f.ok
	}
}

// valenceName is a valence as a warning names it, in English or Dutch (model.Reasonf).
type valenceName codebook.Valence

func (v valenceName) String() string { return string(v) }

func (v valenceName) Dutch() string {
	switch codebook.Valence(v) {
	case codebook.Facilitator:
		return "bevorderende factor"
	case codebook.Barrier:
		return "belemmerende factor"
	}
	return string(v)
}

// codeValence is the valence of code id, "" for a code the codebook lacks.
func codeValence(cb *codebook.Codebook, id string) codebook.Valence {
	c, _ := cb.Code(id)
	return c.Valence
}

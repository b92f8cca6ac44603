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
// The names that do not map stay as they are (Raw without Code), for unmappedCodes.
func mapCodes(d *model.Dataset, cb *codebook.Codebook) {
	cache := map[string]string{}
	for i := range d.Codings {
		c := &d.Codings[i]
		if c.Code != "" || strings.TrimSpace(c.Raw) == "" {
			continue
		}
		id, seen := cache[c.Raw]
		if !seen {
			id, _ = cb.Resolve(c.Raw)
			cache[c.Raw] = id
		}
		c.Code = id
	}
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

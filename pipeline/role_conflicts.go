package pipeline

import (
	"strings"

	"github.com/samenspel/samenspel/codebook"
	"github.com/samenspel/samenspel/pipeline/model"
)

// roleConflictWarnings warns, per file, about the respondents it gives another role than
// an earlier file did (model.Dataset.RoleConflicts), as Merge does for municipalities:
// the first role is used. Two spellings the codebook takes for one role (a label, a
// synonym, the abbreviation: "JW" and "Jongerenwerker") are no conflict. A warning gives the count, the first example's two
// roles and the files, never a respondent's id.
func roleConflictWarnings(s *Study, d *model.Dataset, cb *codebook.Codebook) []error {
	role := func(v string) string {
		v = strings.Join(strings.Fields(v), " ")
		if r, ok := cb.Role(v); ok {
			return r.ID
		}
		for _, r := range cb.Roles { // the abbreviation, as name_pattern reads it
			if r.Abbrev != "" && strings.EqualFold(r.Abbrev, v) {
				return r.ID
			}
		}
		return strings.ToLower(v)
	}
	type perFile struct {
		n     int
		first model.RoleConflict
	}
	byFile := map[string]*perFile{}
	var order []string
	for _, c := range d.RoleConflicts {
		if role(c.Value) == role(c.Was) {
			continue
		}
		f := byFile[c.File]
		if f == nil {
			f = &perFile{first: c}
			byFile[c.File] = f
			order = append(order, c.File)
		}
		f.n++
	}
	var out []error
	for _, file := range order {
		f := byFile[file]
		out = append(out, model.Reasonf(
			"%s: %d respondent(s) are given another role here than in a file read before (for example %q where %s said %q): the first is used; correct the file or the respondents table",
			"%s: %d respondent(en) krijgen hier een andere rol dan in een eerder gelezen bestand (bijvoorbeeld %q waar %s %q zei): de eerste geldt; verbeter het bestand of de respondententabel",
			s.Rel(file), f.n, f.first.Value, s.Rel(f.first.Earlier), f.first.Was))
	}
	return out
}

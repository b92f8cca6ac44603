package ingest

import (
	"path/filepath"
	"regexp"
	"strings"

	"github.com/samenspel/samenspel/codebook"
	"github.com/samenspel/samenspel/pipeline/model"
)

// namePattern reads respondent variables from a file or document name, for exports that
// carry none (transcripts, Taguette): study.yaml's name_pattern, such as
// "{role}{nr}_{municipality}", matched against the name without folder and extension.
//
// Placeholders: {respondent} (the respondent id), {role}, {nr} (digits), {municipality},
// and any other word, which becomes a respondent attribute of that name ({team}). {role}
// and {nr} match letters and digits only, the others any text; everything else in the
// pattern is literal. The respondent id is {respondent} where the pattern has it, else
// {role} and {nr} as written in the name ("JW01"), else the whole name. A role written as
// a codebook role's abbreviation (JW) becomes that role.
type namePattern struct {
	src    string
	re     *regexp.Regexp
	fields []string
}

var (
	placeholder     = regexp.MustCompile(`\{([^{}]*)\}`)
	placeholderWord = regexp.MustCompile(`^[\p{L}][\p{L}\p{N}_ ]*$`)
)

func compileNamePattern(p string) (*namePattern, error) {
	p = strings.TrimSpace(p)
	if p == "" {
		return nil, nil
	}
	np := &namePattern{src: p}
	var b strings.Builder
	b.WriteString("^")
	last := 0
	seen := map[string]bool{}
	literal := func(s string) error {
		if strings.ContainsAny(s, "{}") {
			return model.Reasonf("name_pattern %q: unbalanced braces", "name_pattern %q: een accolade { of } zonder tegenhanger", p)
		}
		b.WriteString(regexp.QuoteMeta(s))
		return nil
	}
	for _, m := range placeholder.FindAllStringSubmatchIndex(p, -1) {
		if err := literal(p[last:m[0]]); err != nil {
			return nil, err
		}
		name := strings.ToLower(strings.TrimSpace(p[m[2]:m[3]]))
		if !placeholderWord.MatchString(name) {
			return nil, model.Reasonf("name_pattern %q: placeholder {%s} is not a word", "name_pattern %q: plaatshouder {%s} is geen woord", p, p[m[2]:m[3]])
		}
		if seen[name] {
			return nil, model.Reasonf("name_pattern %q: {%s} appears twice", "name_pattern %q: {%s} staat er twee keer in", p, name)
		}
		seen[name] = true
		switch name {
		case "nr":
			b.WriteString(`(\d+)`)
		case "role":
			b.WriteString(`(\p{L}+)`)
		default:
			b.WriteString(`(.+?)`)
		}
		np.fields = append(np.fields, name)
		last = m[1]
	}
	if err := literal(p[last:]); err != nil {
		return nil, err
	}
	b.WriteString("$")
	if len(np.fields) == 0 {
		return nil, model.Reasonf("name_pattern %q has no placeholder such as {role} or {municipality}", "name_pattern %q heeft geen plaatshouder zoals {role} of {municipality}", p)
	}
	re, err := regexp.Compile(b.String())
	if err != nil {
		return nil, model.Reasonf("name_pattern %q: %v", "name_pattern %q: %v", p, err)
	}
	np.re = re
	return np, nil
}

// nameStem is a file or document name without folder and extension.
func nameStem(name string) string {
	name = filepath.Base(strings.ReplaceAll(strings.TrimSpace(name), "\\", "/"))
	if ext := filepath.Ext(name); ext != "" && len(ext) <= 5 {
		name = strings.TrimSuffix(name, ext)
	}
	return strings.TrimSpace(name)
}

// nameVariables are what a name gives: the respondent id and the respondent's fields.
type nameVariables struct {
	respondent   string
	role         string
	municipality string
	attributes   map[string]string
}

// match reads a name; ok is false when the name does not fit the pattern.
func (np *namePattern) match(name string, cb *codebook.Codebook) (nameVariables, bool) {
	var v nameVariables
	stem := nameStem(name)
	m := np.re.FindStringSubmatch(stem)
	if m == nil {
		return v, false
	}
	var nr string
	for i, f := range np.fields {
		val := strings.TrimSpace(m[i+1])
		switch f {
		case "respondent":
			v.respondent = val
		case "role":
			v.role = val
		case "nr":
			nr = val
		case "municipality":
			v.municipality = val
		default:
			if v.attributes == nil {
				v.attributes = map[string]string{}
			}
			v.attributes[f] = val
		}
	}
	if v.respondent == "" {
		v.respondent = v.role + nr
	}
	if v.respondent == "" {
		v.respondent = stem
	}
	if cb != nil && v.role != "" {
		for _, r := range cb.Roles {
			if strings.EqualFold(r.Abbrev, v.role) {
				v.role = r.ID
				break
			}
		}
	}
	return v, true
}

// apply sets the respondent's fields that the name gives, where they are still empty.
func (v nameVariables) apply(r *model.Respondent) {
	if r.Role == "" {
		r.Role = v.role
	}
	if r.Municipality == "" {
		r.Municipality = v.municipality
	}
	for _, k := range model.SortedKeys(v.attributes) {
		setAttribute(r, k, v.attributes[k])
	}
}

// errNameMismatch is the reason for a segment whose file or document name does not fit
// the study's name_pattern.
func errNameMismatch(name string, np *namePattern) error {
	return model.Reasonf("the name %q does not fit name_pattern %q: %w", "de naam %q past niet bij name_pattern %q: %v", nameStem(name), np.src, ErrUnknownRespondent)
}

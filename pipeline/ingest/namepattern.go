package ingest

import (
	"fmt"
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
//
// Each placeholder takes the shortest text it can, in order ("{respondent}_{part}": the
// respondent is the name up to its first "_"). A name whose municipality or role that
// rule does not decide ("Kevin_Oosterhuis_Bergdorp" against
// "{respondent}_{municipality}": municipality "Oosterhuis_Bergdorp" or "Bergdorp") is an
// error (ErrAmbiguousName), not the shortest reading: that would put a surname into the
// municipality, a group value that is published (namepattern_readings.go).
type namePattern struct {
	src    string
	re     *regexp.Regexp // every placeholder as short as it can be
	fields []string
	pieces []namePiece // the pattern in order, for its other readings
}

// ErrAmbiguousName is wrapped by the error for a file or document name that fits the
// study's name_pattern in more than one way.
var ErrAmbiguousName = model.NewKind("name fits name_pattern in more than one way", "naam past op meer dan een manier bij name_pattern")

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
		if s != "" {
			np.pieces = append(np.pieces, namePiece{literal: s, field: -1})
		}
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
			b.WriteString(`(\d+?)`)
			np.pieces = append(np.pieces, namePiece{field: len(np.fields), class: digits})
		case "role":
			b.WriteString(`(\p{L}+?)`)
			np.pieces = append(np.pieces, namePiece{field: len(np.fields), class: letters})
		default:
			b.WriteString(`(.+?)`)
			np.pieces = append(np.pieces, namePiece{field: len(np.fields), class: anyText})
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

// nameStem is a file or document name without folder and extension, and without a
// copy's mark.
func nameStem(name string) string {
	return WithoutCopyMark(bareStem(name))
}

// bareStem is a file or document name without folder and extension.
func bareStem(name string) string {
	name = filepath.Base(strings.ReplaceAll(strings.TrimSpace(name), "\\", "/"))
	if ext := filepath.Ext(name); ext != "" && len(ext) <= 5 {
		name = strings.TrimSuffix(name, ext)
	}
	return strings.TrimSpace(name)
}

// stem is the part of a name that the pattern reads: nameStem, but where the pattern
// ends in {respondent} or {nr}, a bare number in brackets stays ("Deelnemer(1)",
// "Deelnemer (2)"): there it numbers the people ("{respondent}" over documents
// Deelnemer(1), Deelnemer(2) and Deelnemer(3) read one respondent for three, silently
// in a segment table; a review of the wider copy marks), while after a municipality
// ("JW05_Zeeveen (1)") it is a second download's. A copy's word ("- Kopie") goes either
// way.
func (np *namePattern) stem(name string) string {
	if n := len(np.fields); n > 0 && (np.fields[n-1] == "respondent" || np.fields[n-1] == "nr") {
		return withoutCopyWord(bareStem(name))
	}
	return nameStem(name)
}

// copyMark is what Windows, macOS, browsers and sync tools add to the name of a copy or
// a second download: "JW02_Bergdorp - Kopie", "- Copy (2)", "JW05_Zeeveen (1)", "Kopie
// van JW02_Bergdorp", "JW02_Bergdorp kopie", and as people write it themselves or
// Dropbox does, "JW01_kopie", "JW01 (kopie)", "JW01(1)", "JW01 – kopie" (an en dash),
// "JW01 (conflicted copy 2024-03-01)". Read by name_pattern, it became part of the
// municipality ("Bergdorp - Kopie"; attack 17, F08); the name is read without it.
var (
	// copyWordEnd holds the marks that say copy; copyMarkEnd those and a bare number in
	// brackets.
	copyWordEnd   = regexp.MustCompile(`(?i)(` + copyWords + `)$`)
	copyMarkEnd   = regexp.MustCompile(`(?i)(` + copyWords + `|\s*\(\d+\))$`)
	copyMarkStart = regexp.MustCompile(`(?i)^(kopie van|copy of)\s+`)
)

// copyWords are the copy marks at a name's end that say copy.
const copyWords = `\s*[-_–—]\s*(kopie|copy|kopia)(\s*\(\d+\))?|\s*\((kopie|copy|kopia)(\s*\d+)?\)|\s+(kopie|copy)(\s+\d+)?|\s*\([^()]*conflicted copy[^()]*\)`

// withoutCopyWord is stem without the copy marks that say copy, at its end and start.
func withoutCopyWord(stem string) string { return withoutMarks(stem, copyWordEnd) }

// WithoutCopyMark is a file name's stem without the copy marks at its end and start.
func WithoutCopyMark(stem string) string { return withoutMarks(stem, copyMarkEnd) }

// withoutMarks takes the marks that end matches off stem's end, and copyMarkStart's off
// its start, for as long as there are any, but never the whole stem.
func withoutMarks(stem string, end *regexp.Regexp) string {
	for {
		s := copyMarkStart.ReplaceAllString(end.ReplaceAllString(stem, ""), "")
		if s == stem || s == "" {
			return stem
		}
		stem = s
	}
}

// nameVariables are what a name gives: the respondent id and the respondent's fields.
type nameVariables struct {
	respondent   string
	role         string
	municipality string
	attributes   map[string]string
}

// match reads a name; ok is false when the name does not fit the pattern. err is not nil
// (ErrAmbiguousName, naming both readings) when it fits in more than one way.
func (np *namePattern) match(name string, cb *codebook.Codebook) (v nameVariables, ok bool, err error) {
	stem := np.stem(name)
	m := np.re.FindStringSubmatch(stem)
	if m == nil {
		return v, false, nil
	}
	if other := np.otherGroups(stem, m); other != nil {
		return v, false, np.errAmbiguous(name, m, other)
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
	return v, true, nil
}

// errAmbiguous is the error for a name with two readings (submatches: the whole name,
// then the placeholders' texts) that give other group values.
func (np *namePattern) errAmbiguous(name string, short, long []string) error {
	reading := func(m []string) string {
		parts := make([]string, len(np.fields))
		for i, f := range np.fields {
			parts[i] = fmt.Sprintf("{%s} %q", f, m[i+1])
		}
		return strings.Join(parts, ", ")
	}
	return model.Reasonf("%[1]s: the name fits name_pattern %[2]q in more than one way: %[3]s, or %[4]s (a placeholder's text holds what separates it from the next); give each part of the name its own placeholder (for names such as Voornaam_Achternaam_Gemeente: \"{voornaam}_{achternaam}_{municipality}\", the respondent then is the whole name), use {role}{nr} (letters, then digits) for ids such as JW01, or rename the files: %[5]w",
		"%[1]s: de naam past op meer dan een manier bij name_pattern %[2]q: %[3]s, of %[4]s (de tekst van een plaatshouder bevat wat hem van de volgende scheidt); geef elk deel van de naam een eigen plaatshouder (voor namen als Voornaam_Achternaam_Gemeente: \"{voornaam}_{achternaam}_{municipality}\", de respondent is dan de hele naam), gebruik {role}{nr} (letters, dan cijfers) voor ids als JW01, of hernoem de bestanden: %[5]v",
		name, np.src, reading(short), reading(long), ErrAmbiguousName)
}

// apply sets the respondent's fields that the name gives, where they are still empty.
func (v nameVariables) apply(r *model.Respondent) {
	if r.Role == "" {
		r.Role = strings.Clone(v.role) // not the document name's row (Rows.nextRecord)
	}
	if r.Municipality == "" {
		r.Municipality = strings.Clone(v.municipality)
	}
	for _, k := range model.SortedKeys(v.attributes) {
		setAttribute(r, k, v.attributes[k])
	}
}

// errNameMismatch is the reason for a segment whose file or document name does not fit
// the study's name_pattern.
func errNameMismatch(name string, np *namePattern) error {
	return model.Reasonf("the name %q does not fit name_pattern %q: %w", "de naam %q past niet bij name_pattern %q: %v", np.stem(name), np.src, ErrUnknownRespondent)
}

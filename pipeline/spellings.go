package pipeline

import (
	"fmt"
	"strings"

	"github.com/samenspel/samenspel/codebook"
	"github.com/samenspel/samenspel/pipeline/model"
)

// Spellings of one name. A municipality typed "Bergdorp", "bergdorp", "BERGDORP " and
// "Gemeente Bergdorp" by respondents, or a coder written "Anna" in one file and "anna" in
// another, is one municipality and one coder: kept apart, the smaller spellings are
// pooled as small groups (and the municipality vanishes from every table), or one coder
// becomes two and Cohen's kappa, which needs exactly two, disappears. Values that are
// equal after codebook.Fold (case, accents, white space) are one value, and for a
// municipality also after a leading "gemeente"; the outputs show the most frequent
// spelling (respondents for a grouping, codings for a coder; at a tie the one read
// first). Every fold is a warning, in the summary and the report, and something to fix
// in `analyse check`: the researcher sees which spellings were taken together.

// spellingFold is one name written in more than one way.
type spellingFold struct {
	What   string   // "municipality", "coder", or the grouping attribute
	Shown  string   // the spelling the outputs show
	Others []string // the other spellings, in the order they were read
}

// spellingWarning is the warning of a fold; check counts it as something to fix.
type spellingWarning struct{ error }

func (w spellingWarning) Unwrap() error { return w.error }

// spellings gathers the spellings of one kind of name, with their weights.
type spellings struct {
	municipality bool // a leading "gemeente" is no part of the name
	byKey        map[string][]spelling
	keys         []string // in the order first read
	// at is each value's key and place in byKey[key], so that a value read again (a
	// study's few municipalities, for each of its 100,000 respondents) is counted
	// without being folded again
	at map[string]spellingAt
}

type spellingAt struct {
	key string
	i   int
}

type spelling struct {
	value string
	n     int
}

func newSpellings(municipality bool) *spellings {
	return &spellings{municipality: municipality, byKey: map[string][]spelling{}, at: map[string]spellingAt{}}
}

// key is the name a spelling stands for.
func (s *spellings) key(v string) string {
	if !s.municipality {
		return codebook.Fold(v)
	}
	k := municipalitySpellingKey(v)
	if official, ok := municipalityEveryday[k]; ok {
		k = official
	}
	return k
}

// municipalitySpellingKey is a municipality's name without what is no part of it:
// case, accents, white space, a leading "gemeente", and apostrophes, hyphens, brackets
// and full stops (attack 17 F16): 's-Hertogenbosch, ’s-Hertogenbosch (Word's
// apostrophe) and s-Hertogenbosch, Súdwest-Fryslân and Súdwest Fryslân, Bergen (NH) and
// Bergen NH are one each. Bergen (NH) and Bergen (L) stay two.
func municipalitySpellingKey(v string) string {
	k := codebook.Fold(v)
	if rest, ok := strings.CutPrefix(k, "gemeente "); ok && rest != "" {
		k = rest
	}
	if p := strings.Join(strings.FieldsFunc(k, municipalityPunctuation), " "); p != "" {
		k = p
	}
	return k
}

// municipalityEveryday maps the everyday names of municipalities whose official name
// is another (as keys: folded, punctuation as spaces) to the official one: respondents
// and coders write Den Bosch and Den Haag as often as 's-Hertogenbosch and
// 's-Gravenhage, and a review of 0.12 found one municipality shown as two groups. Only
// names that cannot mean another municipality are here (Alphen could be Alphen aan den
// Rijn or Alphen-Chaam, Bergen one of two).
var municipalityEveryday = map[string]string{
	"den bosch":     "s hertogenbosch",
	"hertogenbosch": "s hertogenbosch",
	"den haag":      "s gravenhage",
	"the hague":     "s gravenhage",
	"gravenhage":    "s gravenhage",
	"nuenen":        "nuenen gerwen en nederwetten",
}

// municipalityPunctuation reports whether r separates the words of a municipality's name
// without being one: a space, an apostrophe of any kind, a hyphen or dash, a bracket, a
// full stop.
func municipalityPunctuation(r rune) bool {
	switch r {
	case ' ', '\t', '\'', '’', '‘', '`', '´', '-', '‐', '‑', '–', '—', '(', ')', '[', ']', '.':
		return true
	}
	return false
}

// add counts one more use of v; an empty value is no name.
func (s *spellings) add(v string) {
	if at, ok := s.at[v]; ok {
		s.byKey[at.key][at.i].n++
		return
	}
	if strings.TrimSpace(v) == "" {
		return
	}
	k := s.key(v)
	list, seen := s.byKey[k]
	if !seen {
		s.keys = append(s.keys, k)
	}
	for i := range list {
		if list[i].value == v {
			list[i].n++
			return
		}
	}
	s.at[v] = spellingAt{k, len(list)}
	s.byKey[k] = append(list, spelling{v, 1})
}

// folds returns, for every spelling that is not the one shown, the one shown, and the
// folds in the order their names were first read.
func (s *spellings) folds(what string) (map[string]string, []spellingFold) {
	var to map[string]string
	var out []spellingFold
	for _, k := range s.keys {
		list := s.byKey[k]
		if len(list) < 2 {
			continue
		}
		best := 0
		for i, sp := range list {
			if sp.n > list[best].n {
				best = i
			}
		}
		f := spellingFold{What: what, Shown: list[best].value}
		if to == nil {
			to = map[string]string{}
		}
		for i, sp := range list {
			if i != best {
				to[sp.value] = f.Shown
				f.Others = append(f.Others, sp.value)
			}
		}
		out = append(out, f)
	}
	return to, out
}

// foldSpellings makes the spellings of one municipality, one value of another grouping
// and one coder one value in d, and returns a warning per fold.
func foldSpellings(d *model.Dataset, groups []string) []error {
	var warnings []error
	attrs := []string{"municipality"}
	for _, g := range groups {
		if g != "role" && g != "municipality" && g != "wave" {
			attrs = append(attrs, g)
		}
	}
	for _, a := range attrs {
		sp := newSpellings(a == "municipality")
		for _, r := range d.Respondents {
			sp.add(r.Attribute(a))
		}
		to, folds := sp.folds(a)
		if to == nil {
			continue
		}
		for i := range d.Respondents {
			r := &d.Respondents[i]
			if a == "municipality" {
				if v, ok := to[r.Municipality]; ok {
					r.Municipality = v
				}
			} else if v, ok := to[r.Attributes[a]]; ok {
				r.Attributes[a] = v
			}
		}
		for _, f := range folds {
			warnings = append(warnings, f.warning())
			if a == "municipality" {
				d.PlaceSpellings = append(d.PlaceSpellings, f.Others...)
			}
		}
	}
	coders := newSpellings(false)
	for _, c := range d.Codings { // the readers' codings: the auto-coder has not run yet
		coders.add(c.Coder)
	}
	if to, folds := coders.folds("coder"); to != nil {
		for i := range d.Codings {
			if v, ok := to[d.Codings[i].Coder]; ok {
				d.Codings[i].Coder = v
			}
		}
		for _, f := range folds {
			warnings = append(warnings, f.warning())
		}
	}
	return warnings
}

// everyday reports whether the fold took an everyday name and an official one together
// (municipalityEveryday), not only other spellings of one name.
func (f spellingFold) everyday() bool {
	shown := municipalitySpellingKey(f.Shown)
	for _, o := range f.Others {
		if municipalitySpellingKey(o) != shown {
			return true
		}
	}
	return false
}

func (f spellingFold) warning() error {
	others := make([]string, len(f.Others))
	for i, o := range f.Others {
		others[i] = `"` + o + `"`
	}
	list := strings.Join(others, ", ")
	if f.What == "coder" {
		return spellingWarning{coderFold{shown: f.Shown, others: f.Others}} // coder_fold.go
	}
	whatNL := f.What
	if f.What == "municipality" {
		whatNL = "gemeente"
	}
	if f.What == "municipality" && f.everyday() {
		return spellingWarning{model.Translated(
			fmt.Sprintf("%s: %s and %q are one municipality by its everyday and its official name, or differ only in case, accents, spaces, apostrophes, hyphens, brackets or a leading \"Gemeente\": they are taken as one, %q; correct the inputs to be sure", f.What, list, f.Shown, f.Shown),
			fmt.Sprintf("%s: %s en %q zijn één gemeente bij haar gewone en haar officiële naam, of verschillen alleen in hoofdletters, accenten, spaties, apostrofs, koppeltekens, haakjes of een \"Gemeente\" ervoor: ze gelden als één, %q; verbeter de invoer om zeker te zijn", whatNL, list, f.Shown, f.Shown))}
	}
	if f.What == "municipality" {
		return spellingWarning{model.Translated(
			fmt.Sprintf("%s: %s and %q differ only in case, accents, spaces, apostrophes, hyphens, brackets or a leading \"Gemeente\": they are taken as one, %q; correct the inputs to be sure", f.What, list, f.Shown, f.Shown),
			fmt.Sprintf("%s: %s en %q verschillen alleen in hoofdletters, accenten, spaties, apostrofs, koppeltekens, haakjes of een \"Gemeente\" ervoor: ze gelden als één, %q; verbeter de invoer om zeker te zijn", whatNL, list, f.Shown, f.Shown))}
	}
	return spellingWarning{model.Translated(
		fmt.Sprintf("%s: %s and %q differ only in case, accents, spaces or a leading \"Gemeente\": they are taken as one, %q; correct the inputs to be sure", f.What, list, f.Shown, f.Shown),
		fmt.Sprintf("%s: %s en %q verschillen alleen in hoofdletters, accenten, spaties of een \"Gemeente\" ervoor: ze gelden als één, %q; verbeter de invoer om zeker te zijn", whatNL, list, f.Shown, f.Shown))}
}

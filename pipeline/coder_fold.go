package pipeline

import (
	"errors"
	"fmt"
	"strings"

	"github.com/samenspel/samenspel/pipeline/analysis"
	"github.com/samenspel/samenspel/pipeline/model"
	"github.com/samenspel/samenspel/pipeline/redact"
)

// The warning that a coder's name was written in several ways ("Anna" and "anna") names
// the coders as every other output names them, not as free text: with privacy.coders:
// keep (the default) the outputs show the coders as exported (agreement.csv, the
// report), so the warning shows every spelling as written; once the coders are shown as
// Coder 1, Coder 2, ... (privacy.coders: pseudonymise, or a coder's name that holds a
// respondent's name) it names the coder so and no spelling. 0.9.0 ran it through the
// redactor like any warning, which hid a capitalised "Anna" as "[naam]" and left "anna"
// as written, also under pseudonymise.

// coderFold is the warning of one coder's name written in several ways; its text is
// made when the outputs' names for the coders are known (shownAs).
type coderFold struct {
	shown  string   // the spelling the outputs use
	others []string // the other spellings, in the order read
}

func (f coderFold) Error() string { return f.asWritten().Error() }

// Dutch is the warning in Dutch, as written.
func (f coderFold) Dutch() string { return model.Dutch(f.asWritten()) }

// asWritten is the warning with the coders' spellings as exported.
func (f coderFold) asWritten() error {
	others := make([]string, len(f.others))
	for i, o := range f.others {
		others[i] = `"` + o + `"`
	}
	list := strings.Join(others, ", ")
	return model.Reasonf(
		"the coder names %s and %q differ only in case, accents or spaces: they are taken as one coder, %q; write the name one way in the exports to be sure",
		"de codeursnamen %s en %q verschillen alleen in hoofdletters, accenten of spaties: ze gelden als één codeur, %q; schrijf de naam in de exports op één manier om zeker te zijn",
		list, f.shown, f.shown)
}

// shownAs is the warning as the outputs name coders: as written where coders is nil
// (privacy.coders: keep), else by the coder's published name and the number of
// spellings, none of them given.
func (f coderFold) shownAs(coders coderNames) error {
	if coders == nil {
		return spellingWarning{f.asWritten()}
	}
	return spellingWarning{model.Reasonf(
		"%[1]s's name is written in %[2]d ways that differ only in case, accents or spaces: they are taken as one coder; write the name one way in the exports to be sure",
		"de naam van %[1]s is op %[2]d manieren geschreven die alleen in hoofdletters, accenten of spaties verschillen: ze gelden als één codeur; schrijf de naam in de exports op één manier om zeker te zijn",
		coders.of(f.shown), len(f.others)+1)}
}

// redactWarnings redacts the warnings gathered before the protect stage (they may name
// input files, and so names in file names); a coder fold names the coders as the
// outputs do (see above).
func redactWarnings(warnings []error, r *redact.Redactor, coders coderNames) {
	for i, w := range warnings {
		var f coderFold
		if errors.As(w, &f) {
			warnings[i] = f.shownAs(coders)
			continue
		}
		warnings[i] = model.Translated(r.RedactWithPaths(w.Error()), r.RedactWithPaths(model.Dutch(w))) // they may name files
	}
}

// checkCoderFolds gives `analyse check`'s listing the coder folds as a run publishes
// them (redactWarnings): as written, or by Coder 1, Coder 2, ... where a run would
// pseudonymise the coders (privacy.coders, or a coder's name that holds a respondent's
// name: codersToHide). The listing prints them without redacting them again (Shown).
func checkCoderFolds(s *Study, d *model.Dataset, r *CheckReport) {
	set := map[string]bool{}
	for _, c := range d.Codings {
		if c.Coder != analysis.AutoCoder && c.Coder != "" {
			set[c.Coder] = true
		}
	}
	names := model.SortedKeys(set)
	hide := s.Privacy.Coders == "pseudonymise"
	for _, n := range names {
		hide = hide || n != LearnedCoder && r.redactor != nil && len(r.redactor.FindListed(n)) > 0
	}
	var coders coderNames
	if hide {
		sortNatural(names)
		coders = make(coderNames, len(names))
		for i, n := range names {
			coders[n] = fmt.Sprintf("Coder %d", i+1)
		}
	}
	for i, w := range r.Warnings {
		var f coderFold
		if !errors.As(w, &f) {
			continue
		}
		r.Warnings[i] = f.shownAs(coders)
		if r.asWritten == nil {
			r.asWritten = map[string]bool{}
		}
		r.asWritten[r.Warnings[i].Error()], r.asWritten[model.Dutch(r.Warnings[i])] = true, true
	}
}

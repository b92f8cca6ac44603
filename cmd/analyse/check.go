package main

import (
	"errors"
	"fmt"
	"io"
	"path/filepath"
	"strconv"
	"strings"

	"github.com/samenspel/samenspel/codebook"
	"github.com/samenspel/samenspel/pipeline"
	"github.com/samenspel/samenspel/pipeline/disclosure"
	"github.com/samenspel/samenspel/pipeline/model"
	"github.com/samenspel/samenspel/pipeline/progress"
)

func runCheck(u *ui, args []string, stdout, stderr io.Writer) int {
	fs := newFlags(u, "check", "analyse check STUDY [-write-codebook] | analyse check -disclosure OUT", "analyse check data/example", stderr)
	write := fs.Bool("write-codebook", false, u.s("add the proposed answer labels and code aliases to the study's YAML codebook (comments are kept)"))
	attack := fs.String("disclosure", "", u.s("attack the published tables of an output folder: list every cell below min_cell that can be recovered from them"))
	pos, status := parse(fs, args)
	if status >= 0 {
		return status
	}
	if *attack != "" {
		if len(pos) != 0 {
			u.f(stderr, "analyse check: -disclosure takes an output folder, not a study (see analyse check --help)\n")
			return exitUsage
		}
		n, err := disclosure.Check(*attack, stdout)
		if err != nil {
			u.f(stderr, "analyse: %v\n", err)
			return exitBadInput
		}
		if n > 0 {
			return exitTooManyRejects
		}
		return exitOK
	}
	if len(pos) != 1 {
		u.f(stderr, "analyse check: name one study folder or study.yaml (see analyse check --help)\n")
		return exitUsage
	}
	study, err := pipeline.LoadStudy(pos[0])
	if err != nil {
		u.f(stderr, "analyse: %v\n", err)
		return exitBadInput
	}
	u = u.forStudy(study.Language)
	report, err := pipeline.Check(study, progress.Discard)
	if err != nil {
		u.f(stderr, "analyse: %v\n", err)
		return exitBadInput
	}
	printCheck(u, stdout, study, report, pos[0])
	if *write {
		answers, codes, roles := proposals(report)
		// Resolved through symbolic links: a link inside the study to a shared codebook
		// elsewhere is a codebook outside the study.
		cbPath, err := filepath.EvalSymlinks(study.Abs(study.Codebook))
		if err != nil {
			u.f(stderr, "analyse: %v\n", err)
			return exitBadInput
		}
		studyDir, err := filepath.EvalSymlinks(study.Dir)
		if err != nil {
			u.f(stderr, "analyse: %v\n", err)
			return exitBadInput
		}
		if !within(cbPath, studyDir) {
			u.f(stderr, "analyse: -write-codebook: the codebook %s lies outside the study folder and may be shared by other studies: copy it into the study folder, point study.yaml at the copy and run again\n", study.Codebook)
			return exitUsage
		}
		if len(answers)+len(codes)+len(roles) == 0 {
			u.f(stdout, "  nothing to add to the codebook\n")
		} else {
			if err := codebook.AddAliases(cbPath, answers, codes, roles...); err != nil {
				u.f(stderr, "analyse: %v\n", err)
				return exitBadInput
			}
			u.f(stdout, "  added %s and %s to %s; run `analyse check %s` again to see what is left\n",
				u.n(len(answers), "answer label", "answer labels"), u.n(len(codes)+len(roles), "code or role alias", "code or role aliases"), study.Codebook, pos[0])
			if report.StopsRun() {
				return exitBadInput // what a run would stop at is still there
			}
			return exitOK
		}
	}
	if report.StopsRun() {
		return exitBadInput // what `analyse run` would stop at, as it would
	}
	if report.Nothing() {
		return exitOK
	}
	return exitTooManyRejects
}

// proposals collects the answer labels and code aliases that check found a meaning for.
func proposals(r *pipeline.CheckReport) ([]codebook.AnswerAlias, []codebook.CodeAlias, []codebook.RoleAlias) {
	var answers []codebook.AnswerAlias
	for _, l := range r.Labels {
		if l.Found {
			answers = append(answers, codebook.AnswerAlias{Scale: l.Scale, Label: l.Label, Value: l.Value, Missing: l.Missing})
		}
	}
	var codes []codebook.CodeAlias
	for _, c := range r.Codes {
		if c.Code != "" && !c.Explicit {
			codes = append(codes, codebook.CodeAlias{Code: c.Code, Name: c.Name})
		}
	}
	var roles []codebook.RoleAlias
	for _, p := range r.Roles {
		if p.Nearest != "" {
			roles = append(roles, codebook.RoleAlias{Role: p.Nearest, Name: p.Role})
		}
	}
	return answers, codes, roles
}

func printCheck(u *ui, w io.Writer, s *pipeline.Study, r *pipeline.CheckReport, arg string) {
	u.f(w, "%s\n", r.ShownTitle())
	u.f(w, "  inputs\n")
	for _, f := range r.Files {
		u.f(w, "    %-40s %-10s rows %d = %d accepted + %d rejected", r.Shown(f.Shown()), f.Format, f.Read, f.Accepted, f.Rejected)
		if f.Cells > 0 {
			u.f(w, "; answers %d = %d accepted + %d rejected", f.Cells, f.CellsAccepted, f.CellsRejected)
		}
		fmt.Fprintln(w)
	}
	if len(r.Labels) > 0 {
		n := 0
		for _, l := range r.Labels {
			n += l.Count
		}
		u.f(w, "  answer labels that are not answers of their scale (%s)\n", u.n(n, "answer", "answers"))
		for _, l := range r.Labels {
			how := l.How
			switch l.How {
			case "close to":
				how = u.s("close to %q", l.Near)
			case "number prefix":
				how = u.s("number prefix")
			case "number suffix":
				how = u.s("number suffix")
			case "label after the number":
				how = u.s("its label; the number %s beside it counts the other way", l.Near)
			case "a known Likert wording":
				how = u.s("a known Likert wording")
			case "a known \"don't know\" wording":
				how = u.s("a known \"don't know\" wording")
			}
			to := u.s("no proposal: add it to the codebook's answers or missing by hand")
			switch {
			case l.Found && l.Missing:
				to = u.s("missing (%s)", how)
			case l.Found:
				to = strconv.FormatFloat(l.Value, 'f', -1, 64) + " (" + how + ")"
			}
			u.f(w, "    %5d× %q in scale %s -> %s\n", l.Count, r.Shown(l.Label), l.Scale, to)
		}
	}
	var unknown, known []pipeline.CodeProposal
	for _, c := range r.Codes {
		if c.Explicit {
			known = append(known, c)
		} else {
			unknown = append(unknown, c)
		}
	}
	if len(unknown) > 0 {
		u.f(w, "  code names the codebook does not know\n")
		for _, c := range unknown {
			to := u.s("no close code: add it to a code's aliases, or to known_unmapped in study.yaml to keep it outside the codebook")
			if c.Code != "" {
				to = fmt.Sprintf("%s (%s)", c.Code, c.Label)
				switch c.How {
				case "negated":
					to += u.s(": the name negates %q, and the codebook's negated map gives this barrier for it", c.Near)
				case "negated, same code":
					to += u.s(": the name negates %q, whose lack the codebook's negated map codes as the code itself", c.Near)
				}
			}
			u.f(w, "    %5d× %q -> %s\n", c.Codings, r.ShownCode(c.Name), to)
		}
	}
	if len(known) > 0 {
		var names []string
		for _, c := range known {
			names = append(names, fmt.Sprintf("%q (%d)", r.ShownCode(c.Name), c.Codings))
		}
		u.f(w, "  kept outside the codebook (known_unmapped): %s\n", strings.Join(names, ", "))
	}
	if len(r.Roles) > 0 {
		u.f(w, "  roles the codebook does not know (each would be a group of its own)\n")
		for _, p := range r.Roles {
			to := u.s("no close role: add it to a role's synonyms in the codebook")
			if p.Nearest != "" {
				to = p.Nearest
			}
			u.f(w, "    %5d× %q -> %s\n", p.Respondents, r.Shown(p.Role), to)
		}
	}
	if len(r.Unmatched) > 0 {
		u.f(w, "  survey columns read as open answers or attributes, not as items (map them in study.yaml's columns: if they are items)\n")
		byFile := map[string][]string{}
		var files []string
		for _, c := range r.Unmatched {
			if byFile[c.File] == nil {
				files = append(files, c.File)
			}
			shown := strconv.Quote(r.Shown(c.Header))
			if c.Resembles != "" {
				shown += u.s(" (resembles item ") + c.Resembles + ")"
			}
			byFile[c.File] = append(byFile[c.File], shown)
		}
		for _, f := range files {
			u.f(w, "    %s: %s\n", r.Shown(f), strings.Join(byFile[f], ", "))
		}
	}
	if r.NoRole > 0 || r.NoMunicipality > 0 {
		u.f(w, "  respondents without a role: %d; without a municipality: %d (add them to the respondents table)\n", r.NoRole, r.NoMunicipality)
	}
	if len(r.Other) > 0 {
		u.f(w, "  other rows and answers that a run would not use\n")
		for _, o := range r.Other {
			unit := u.s("row")
			switch {
			case o.Cells && o.Count != 1:
				unit = u.s("answers")
			case o.Cells:
				unit = u.s("answer")
			case o.Count != 1:
				unit = u.s("rows")
			}
			u.f(w, "    %5d %-7s %s\n", o.Count, unit, r.Shown(o.ReasonIn(u.lang)))
		}
	}
	for _, warn := range r.Warnings {
		text := warn.Error()
		if u.lang == "nl" {
			text = model.Dutch(warn)
		}
		if errors.As(warn, new(pipeline.RunStop)) { // a run would stop here: pipeline/check_stops.go
			// As the run's error says it, unredacted: its hint names the coders and sheets
			// to write in study.yaml ("coder: Anna").
			u.f(w, "  stops a run: %s\n", text)
			continue
		}
		u.f(w, "  warning: %s\n", r.Shown(text))
	}
	answers, codes, roles := proposals(r)
	codes2 := len(codes) + len(roles)
	switch {
	case r.Nothing():
		u.f(w, "  nothing to fix: every row, answer and code of the study is used\n")
	case len(answers)+codes2 > 0:
		u.f(w, "  %s and %s proposed: `analyse check %s -write-codebook` adds them to %s\n",
			u.n(len(answers), "answer label", "answer labels"), u.n(codes2, "code or role alias", "code or role aliases"), arg, s.Codebook)
	}
}

// within reports whether path is dir or lies inside it (both made absolute).
func within(path, dir string) bool {
	p, err1 := filepath.Abs(path)
	d, err2 := filepath.Abs(dir)
	if err1 != nil || err2 != nil {
		return false
	}
	rel, err := filepath.Rel(d, p)
	return err == nil && rel != ".." && !strings.HasPrefix(rel, ".."+string(filepath.Separator))
}

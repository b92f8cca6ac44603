package main

import (
	"fmt"
	"io"
	"path/filepath"
	"strconv"
	"strings"

	"github.com/samenspel/samenspel/codebook"
	"github.com/samenspel/samenspel/pipeline"
	"github.com/samenspel/samenspel/pipeline/progress"
)

func runCheck(args []string, stdout, stderr io.Writer) int {
	fs := newFlags("check", "analyse check STUDY [-write-codebook]", "analyse check data/example", stderr)
	write := fs.Bool("write-codebook", false, "add the proposed answer labels and code aliases to the study's YAML codebook (comments are kept)")
	pos, status := parse(fs, args)
	if status >= 0 {
		return status
	}
	if len(pos) != 1 {
		fmt.Fprintln(stderr, "analyse check: name one study folder or study.yaml (see analyse check --help)")
		return exitUsage
	}
	study, err := pipeline.LoadStudy(pos[0])
	if err != nil {
		fmt.Fprintf(stderr, "analyse: %v\n", err)
		return exitBadInput
	}
	report, err := pipeline.Check(study, progress.Discard)
	if err != nil {
		fmt.Fprintf(stderr, "analyse: %v\n", err)
		return exitBadInput
	}
	printCheck(stdout, study, report, pos[0])
	if *write {
		answers, codes := proposals(report)
		if !within(study.Abs(study.Codebook), study.Dir) {
			fmt.Fprintf(stderr, "analyse: -write-codebook: the codebook %s lies outside the study folder and may be shared by other studies: copy it into the study folder, point study.yaml at the copy and run again\n", study.Codebook)
			return exitUsage
		}
		if len(answers)+len(codes) == 0 {
			fmt.Fprintln(stdout, "  nothing to add to the codebook")
		} else {
			if err := codebook.AddAliases(study.Abs(study.Codebook), answers, codes); err != nil {
				fmt.Fprintf(stderr, "analyse: %v\n", err)
				return exitBadInput
			}
			fmt.Fprintf(stdout, "  added %s and %s to %s; run `analyse check %s` again to see what is left\n",
				plural(len(answers), "answer label", "answer labels"), plural(len(codes), "code alias", "code aliases"), study.Codebook, pos[0])
			return exitOK
		}
	}
	if report.Nothing() {
		return exitOK
	}
	return exitTooManyRejects
}

// proposals collects the answer labels and code aliases that check found a meaning for.
func proposals(r *pipeline.CheckReport) ([]codebook.AnswerAlias, []codebook.CodeAlias) {
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
	return answers, codes
}

func printCheck(w io.Writer, s *pipeline.Study, r *pipeline.CheckReport, arg string) {
	fmt.Fprintf(w, "%s\n", s.Title)
	fmt.Fprintf(w, "  inputs\n")
	for _, f := range r.Files {
		fmt.Fprintf(w, "    %-40s %-10s rows %d = %d accepted + %d rejected", f.Path, f.Format, f.Read, f.Accepted, f.Rejected)
		if f.Cells > 0 {
			fmt.Fprintf(w, "; answers %d = %d accepted + %d rejected", f.Cells, f.CellsAccepted, f.CellsRejected)
		}
		fmt.Fprintln(w)
	}
	if len(r.Labels) > 0 {
		n := 0
		for _, l := range r.Labels {
			n += l.Count
		}
		fmt.Fprintf(w, "  answer labels that are not answers of their scale (%s)\n", plural(n, "answer", "answers"))
		for _, l := range r.Labels {
			to := "no proposal: add it to the codebook's answers or missing by hand"
			switch {
			case l.Found && l.Missing:
				to = "missing (" + l.How + ")"
			case l.Found:
				to = strconv.FormatFloat(l.Value, 'f', -1, 64) + " (" + l.How + ")"
			}
			fmt.Fprintf(w, "    %5d× %q in scale %s -> %s\n", l.Count, l.Label, l.Scale, to)
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
		fmt.Fprintf(w, "  code names the codebook does not know\n")
		for _, c := range unknown {
			to := "no close code: add it to a code's aliases, or to known_unmapped in study.yaml to keep it outside the codebook"
			if c.Code != "" {
				to = fmt.Sprintf("%s (%s)", c.Code, c.Label)
			}
			fmt.Fprintf(w, "    %5d× %q -> %s\n", c.Codings, c.Name, to)
		}
	}
	if len(known) > 0 {
		var names []string
		for _, c := range known {
			names = append(names, fmt.Sprintf("%q (%d)", c.Name, c.Codings))
		}
		fmt.Fprintf(w, "  kept outside the codebook (known_unmapped): %s\n", strings.Join(names, ", "))
	}
	if len(r.Unmatched) > 0 {
		fmt.Fprintf(w, "  survey columns read as open answers or attributes, not as items (map them in study.yaml's columns: if they are items)\n")
		byFile := map[string][]string{}
		var files []string
		for _, c := range r.Unmatched {
			if byFile[c.File] == nil {
				files = append(files, c.File)
			}
			byFile[c.File] = append(byFile[c.File], strconv.Quote(c.Header))
		}
		for _, f := range files {
			fmt.Fprintf(w, "    %s: %s\n", f, strings.Join(byFile[f], ", "))
		}
	}
	if r.NoRole > 0 || r.NoMunicipality > 0 {
		fmt.Fprintf(w, "  respondents without a role: %d; without a municipality: %d (add them to the respondents table)\n", r.NoRole, r.NoMunicipality)
	}
	if len(r.Other) > 0 {
		fmt.Fprintf(w, "  other rows and answers that a run would not use\n")
		for _, o := range r.Other {
			unit := "row"
			if o.Cells {
				unit = "answer"
			}
			if o.Count != 1 {
				unit += "s"
			}
			fmt.Fprintf(w, "    %5d %-7s %s\n", o.Count, unit, o.Reason)
		}
	}
	for _, warn := range r.Warnings {
		fmt.Fprintf(w, "  warning: %s\n", warn)
	}
	answers, codes := proposals(r)
	switch {
	case r.Nothing():
		fmt.Fprintf(w, "  nothing to fix: every row, answer and code of the study is used\n")
	case len(answers)+len(codes) > 0:
		fmt.Fprintf(w, "  %s and %s proposed: `analyse check %s -write-codebook` adds them to %s\n",
			plural(len(answers), "answer label", "answer labels"), plural(len(codes), "code alias", "code aliases"), arg, s.Codebook)
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

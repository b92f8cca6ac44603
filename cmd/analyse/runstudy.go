package main

import (
	"fmt"
	"io"
	"path/filepath"
	"sort"
	"strings"

	"github.com/samenspel/samenspel/pipeline"
	"github.com/samenspel/samenspel/pipeline/progress"
	"github.com/samenspel/samenspel/reports"
)

func runStudy(args []string, stdout, stderr io.Writer) int {
	fs := newFlags("run", "analyse run STUDY [-o OUT] [-quiet]", "analyse run data/example -o /tmp/uitvoer", stderr)
	out := fs.String("o", "", "output folder (default: output/ inside the study folder)")
	quiet := fs.Bool("quiet", false, "print nothing but errors")
	pos, status := parse(fs, args)
	if status >= 0 {
		return status
	}
	if len(pos) != 1 {
		fmt.Fprintln(stderr, "analyse run: name one study folder or study.yaml (see analyse run --help)")
		return exitUsage
	}
	study, err := pipeline.LoadStudy(pos[0])
	if err != nil {
		fmt.Fprintf(stderr, "analyse: %v\n", err)
		return exitBadInput
	}
	if *out == "" {
		*out = filepath.Join(study.Dir, "output")
	}
	rep := progress.Discard
	if !*quiet {
		rep = progress.New(stderr)
	}
	outcome, err := pipeline.ExecuteWith(study, "samenspel analyse "+pipeline.Version, rep)
	if err != nil {
		rep.Done()
		fmt.Fprintf(stderr, "analyse: %v\n", err)
		return exitBadInput
	}
	if study.Privacy.KeyFile != "" {
		if err := pipeline.WriteKey(study.Abs(study.Privacy.KeyFile), *out, outcome.Key); err != nil {
			rep.Done()
			fmt.Fprintf(stderr, "analyse: %v\n", err)
			return exitBadInput
		}
	}
	rep.Stage("writing figures, tables and report", 0)
	err = pipeline.Publish(*out, func(tmp string) error {
		_, err := reports.Write(tmp, outcome.Results)
		return err
	})
	rep.Done()
	if err != nil {
		fmt.Fprintf(stderr, "analyse: %v\n", err)
		return exitBadInput
	}
	if !*quiet {
		printSummary(stdout, outcome, *out)
	}
	return exitOK
}

func printSummary(w io.Writer, o *pipeline.Outcome, out string) {
	s := o.Summary
	fmt.Fprintf(w, "%s\n", o.Study.Title)
	fmt.Fprintf(w, "  respondents   %d (%d interviewed, %d surveyed)\n", s.Respondents, s.Interviewed, s.Surveyed)
	fmt.Fprintf(w, "    by role         %s\n", counts(s.ByRole))
	fmt.Fprintf(w, "    by municipality %s\n", counts(s.ByMunicipality))
	fmt.Fprintf(w, "  segments      %d\n", s.Segments)
	fmt.Fprintf(w, "  codings       %d by coders, %d suggested by the auto-coder\n", s.Codings, s.AutoCodings)
	fmt.Fprintf(w, "  answers       %d\n", s.Answers)
	fmt.Fprintf(w, "  inputs\n")
	for _, f := range s.Files {
		fmt.Fprintf(w, "    %-40s %-10s rows %d = %d accepted + %d rejected\n", f.Path, f.Format, f.Read, f.Accepted, f.Rejected)
	}
	if s.Rejected > 0 {
		fmt.Fprintf(w, "  rejected      %d rows: see %s\n", s.Rejected, filepath.Join(out, "tables", "rejects.csv"))
	}
	if len(s.Unmapped) > 0 {
		var names []string
		for _, u := range s.Unmapped {
			names = append(names, fmt.Sprintf("%q (%d)", u.Name, u.Codings))
		}
		fmt.Fprintf(w, "  unmapped codes %s: add them as aliases to the codebook; see %s\n",
			strings.Join(names, ", "), filepath.Join(out, "tables", "unmapped_codes.csv"))
	}
	for _, warn := range s.Warnings {
		fmt.Fprintf(w, "  warning: %s\n", warn)
	}
	fmt.Fprintf(w, "  report        %s\n", filepath.Join(out, "report.html"))
}

func counts(m map[string]int) string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	parts := make([]string, len(keys))
	for i, k := range keys {
		parts[i] = fmt.Sprintf("%s %d", k, m[k])
	}
	return strings.Join(parts, ", ")
}

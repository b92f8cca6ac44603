package main

import (
	"errors"
	"fmt"
	"io"
	"path/filepath"
	"slices"
	"sort"
	"strings"

	"github.com/samenspel/samenspel/pipeline"
	"github.com/samenspel/samenspel/pipeline/model"
	"github.com/samenspel/samenspel/pipeline/progress"
	"github.com/samenspel/samenspel/reports"
)

func runStudy(u *ui, args []string, stdout, stderr io.Writer) int {
	fs := newFlags(u, "run", "analyse run STUDY [-o OUT] [-quiet] [-accept-rejects]", "analyse run data/example -o /tmp/uitvoer", stderr)
	out := fs.String("o", "", u.s("output folder (default: output/ inside the study folder); an existing folder is replaced only when it is an earlier samenspel output"))
	quiet := fs.Bool("quiet", false, u.s("print nothing but errors"))
	acceptRejects := fs.Bool("accept-rejects", false, u.s("exit 0 even when more than rejects.max_share of a scale's answers or of an input file's rows could not be used"))
	cpuProfile := fs.String("cpuprofile", "", u.s("write a CPU profile of the run to this new file, for `go tool pprof` (an existing file is never overwritten)"))
	traceFile := fs.String("trace", "", u.s("write an execution trace of the run to this new file, for `go tool trace` (an existing file is never overwritten)"))
	pos, status := parse(fs, args)
	if status >= 0 {
		return status
	}
	for _, rec := range []struct {
		path  string
		start func(string) (func(), error)
	}{{*traceFile, startTrace}, {*cpuProfile, startCPUProfile}} {
		if rec.path == "" {
			continue
		}
		stop, err := rec.start(rec.path)
		if err != nil {
			u.f(stderr, "analyse: %v\n", err)
			return exitUsage
		}
		defer stop()
	}
	if len(pos) != 1 {
		u.f(stderr, "analyse run: name one study folder or study.yaml (see analyse run --help)\n")
		return exitUsage
	}
	study, err := pipeline.LoadStudy(pos[0])
	if err != nil {
		u.f(stderr, "analyse: %v\n", err)
		return exitBadInput
	}
	u = u.forStudy(study.Language)
	if *out == "" {
		*out = filepath.Join(study.Dir, "output")
	}
	// Refuse a harmful output folder or key file before reading anything.
	if err := study.CheckOutput(*out); err != nil {
		u.f(stderr, "analyse: %v\n", err)
		return exitUsage
	}
	if study.Privacy.KeyFile != "" {
		if err := study.CheckKeyFile(study.Privacy.KeyFile, *out); err != nil {
			u.f(stderr, "analyse: %v\n", err)
			return exitUsage
		}
	}
	rep := progress.Discard
	if !*quiet {
		rep = progress.New(stderr)
	}
	if *traceFile != "" {
		rep = tracedStages{rep}
	}
	outcome, err := pipeline.ExecuteWith(study, "samenspel analyse "+pipeline.Version, rep)
	if err != nil {
		rep.Done()
		u.f(stderr, "analyse: %v\n", err)
		return exitBadInput
	}
	var keptKey string // the earlier key, kept beside the new one before the output is published
	if study.Privacy.KeyFile != "" {
		err = study.CheckKeyReplace(study.Privacy.KeyFile, outcome.Key)
		if err == nil {
			keptKey, err = study.KeepEarlierKey(outcome.Key)
		}
	}
	if err == nil {
		rep.Stage(u.s("writing figures, tables and report"), 0)
		err = pipeline.Publish(*out, func(tmp string) error {
			_, err := reports.Write(tmp, outcome.Results)
			return err
		})
	}
	if err == nil && study.Privacy.KeyFile != "" {
		if err = study.WriteKey(outcome.Key); err != nil {
			// Checked before the run, the key can still fail here (another run wrote
			// its key meanwhile, a full disk): the output is there, and the key is not.
			err = model.Reasonf("the output is written to %[1]s, but the pseudonym key is not: %[2]w", "de uitvoer is geschreven naar %[1]s, maar de pseudoniemsleutel niet: %[2]v", *out, err)
		}
	}
	rep.Done()
	if err != nil {
		u.f(stderr, "analyse: %v\n", err)
		if errors.Is(err, pipeline.ErrUnsafeOutput) {
			return exitUsage
		}
		return exitBadInput
	}
	if !*quiet {
		printSummary(u, stdout, outcome, *out)
		printKey(u, stdout, keptKey)
	}
	if len(outcome.Summary.TooManyRejects) > 0 && !*acceptRejects {
		var parts []string
		for _, sr := range outcome.Summary.TooManyRejects {
			parts = append(parts, u.s("%s %d of %d (%.1f%%)", sr.Scale, sr.Rejected, sr.Cells, 100*sr.Share()))
		}
		u.f(stderr, "analyse: the output is written, but more than %.0f%% of the answers of a scale or of the rows of an input file could not be used: %s; see %s, run `analyse check %s` for proposed mappings, or pass -accept-rejects\n",
			100*outcome.Summary.MaxShare, strings.Join(parts, ", "), filepath.Join(*out, "tables", "rejects.csv"), pos[0])
		return exitTooManyRejects
	}
	return exitOK
}

// maxRejectGroups is how many kinds of reject the summary lists per input.
const maxRejectGroups = 5

func printSummary(u *ui, w io.Writer, o *pipeline.Outcome, out string) {
	s := o.Summary
	u.f(w, "%s\n", o.Study.Title)
	u.f(w, "  respondents   %d (%d interviewed, %d surveyed)\n", s.Respondents, s.Interviewed, s.Surveyed)
	printNotInterviewed(u, w, &s)
	// The summary is often pasted into a methods section or an e-mail: the groups are
	// given as the published sample table gives them (summary_groups.go).
	minCell := o.Study.Privacy.MinCell
	if line, ok := publishedGroups(u, o.Results, "role"); ok {
		u.f(w, "    by role         %s\n", line)
	}
	if line, ok := publishedGroups(u, o.Results, "municipality"); ok {
		u.f(w, "    by municipality %s\n", line)
	}
	if r := o.Results; r != nil && r.LatestWave != "" { // summary_groups.go's lines are the sample's: its wave
		switch {
		case r.InterviewWave != "" && r.EarlierOnly >= 0 && r.EarlierInterviewed >= 0:
			u.f(w, "    (groups of wave %s, as in the tables; %d surveyed and %d interviewed in an earlier wave only)\n", r.LatestWave, r.EarlierOnly, r.EarlierInterviewed)
		case r.EarlierOnly >= 0:
			u.f(w, "    (groups of wave %s, as in the tables; %d answered in an earlier wave only)\n", r.LatestWave, r.EarlierOnly)
		default:
			u.f(w, "    (groups of wave %s, as in the tables)\n", r.LatestWave)
		}
	}
	if len(s.ByWave) > 1 {
		u.f(w, "    surveyed by wave %s\n", counts(s.ByWave, minCell))
	}
	u.f(w, "  segments      %d\n", s.Segments)
	if r := o.Results; r != nil && r.InterviewWave != "" { // waves_interviews.go: the coding tables' wave
		left := 0
		for _, e := range r.EarlierWaves {
			left += e.Segments
		}
		if len(r.EarlierWaves) > 0 && r.EarlierWaves[0].Segments < 0 { // held with the latest wave's sample
			u.f(w, "    (coding tables: interviews of wave %s; segments of other waves left out, counted in wave_codes)\n", r.InterviewWave)
		} else {
			u.f(w, "    (coding tables: interviews of wave %s; %d segments of other waves left out, counted in wave_codes)\n", r.InterviewWave, left)
		}
	}
	u.f(w, "  codings       %d by coders, %d suggested by the auto-coder\n", s.Codings, s.AutoCodings)
	printModelMissing(u, w, o) // codebook.go
	if s.AnswerCells > 0 {
		u.f(w, "  answers       %d given, %d \"don't know\" or empty, %d not used\n", s.Answers, s.AnswerCells-s.RejectedCells-s.Answers, s.RejectedCells)
	} else {
		u.f(w, "  answers       %d\n", s.Answers)
	}
	if inputsPublishedOtherwise(o) {
		u.f(w, "  inputs (per file, for you only: the report and manifest.json give them per study.yaml entry and without group names, since a file's rows can tell a small group's size)\n")
	} else {
		u.f(w, "  inputs\n")
	}
	for _, f := range s.Files {
		u.f(w, "    %-40s %-10s rows %d = %d accepted + %d rejected", f.Shown(), f.Format, f.Read, f.Accepted, f.Rejected)
		if f.Cells > 0 {
			u.f(w, "; answers %d = %d accepted + %d rejected", f.Cells, f.CellsAccepted, f.CellsRejected)
		}
		fmt.Fprintln(w)
		if rule := f.RespondentRule; rule != "" {
			if u.lang == "nl" && f.RespondentRuleNL != "" {
				rule = f.RespondentRuleNL
			}
			u.f(w, "      %s\n", rule)
		}
	}
	if s.Rejected > 0 || s.RejectedCells > 0 || s.RejectedOtherCells > 0 {
		var what []string
		if s.Rejected > 0 {
			what = append(what, u.n(s.Rejected, "row", "rows"))
		}
		if s.RejectedCells > 0 {
			what = append(what, u.s("%d of %d answers", s.RejectedCells, s.AnswerCells))
		}
		if s.RejectedOtherCells > 0 { // a name, an attribute, an open answer
			what = append(what, u.n(s.RejectedOtherCells, "other cell", "other cells"))
		}
		u.f(w, "  not used      %s: see %s\n", joinAnd(what, u.s(" and ")), filepath.Join(out, "tables", "rejects.csv"))
		for i, g := range s.RejectGroups {
			if i == maxRejectGroups {
				u.f(w, "    ... and %d more kinds\n", len(s.RejectGroups)-maxRejectGroups)
				break
			}
			unit := u.s("row")
			switch {
			case g.Other && g.Count != 1:
				unit = u.s("cells")
			case g.Other:
				unit = u.s("cell")
			case g.Cells && g.Count != 1:
				unit = u.s("answers")
			case g.Cells:
				unit = u.s("answer")
			case g.Count != 1:
				unit = u.s("rows")
			}
			u.f(w, "    %5d %-7s %s\n", g.Count, unit, g.ReasonIn(u.lang))
		}
	}
	var unmapped, kept []string
	for _, u := range s.Unmapped {
		name := fmt.Sprintf("%q (%d)", u.Name, u.Codings)
		if o.Study.IsKnownUnmapped(u.Name) {
			kept = append(kept, name)
		} else {
			unmapped = append(unmapped, name)
		}
	}
	if len(unmapped) > 0 {
		u.f(w, "  unmapped codes %s: add them as aliases to the codebook (analyse check proposes them); see %s\n",
			strings.Join(unmapped, ", "), filepath.Join(out, "tables", "unmapped_codes.csv"))
	}
	if len(kept) > 0 {
		u.f(w, "  kept outside the codebook %s (known_unmapped in study.yaml)\n", strings.Join(kept, ", "))
	}
	for _, warn := range s.Warnings {
		u.f(w, "  warning: %s\n", warn)
	}
	u.f(w, "  output        %s\n", filepath.Join(out, mainOutput(o.Study.Outputs)))
}

// printKey names the earlier pseudonym key the run kept beside the new one
// (pipeline.Study.KeepEarlierKey): its pseudonyms are those of what was made before.
func printKey(u *ui, w io.Writer, kept string) {
	if kept != "" {
		u.f(w, "  earlier key   kept as %s: it gives other pseudonyms (the data changed); keep it while anything made with them (an article, a report) may need tracing back, then delete it\n", kept)
	}
}

// mainOutput names the file a researcher opens first among the outputs written.
func mainOutput(outputs []string) string {
	has := func(f string) bool { return len(outputs) == 0 || slices.Contains(outputs, f) }
	switch {
	case has("html"):
		return "report.html"
	case has("md"):
		return "report.md"
	case has("xlsx"):
		return "tables.xlsx"
	}
	return "tables"
}

// counts lists group sizes by name; a size below minCell is shown as "<minCell", so the
// summary reveals no small group's exact size.
func counts(m map[string]int, minCell int) string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	parts := make([]string, len(keys))
	for i, k := range keys {
		if m[k] < minCell {
			parts[i] = fmt.Sprintf("%s <%d", k, minCell)
			continue
		}
		parts[i] = fmt.Sprintf("%s %d", k, m[k])
	}
	return strings.Join(parts, ", ")
}

// printNotInterviewed says how many respondents are left out for want of a usable
// interview, and which files held nothing usable (every row rejected, or none); and how
// many of the respondents table have no data at all.
func printNotInterviewed(u *ui, w io.Writer, s *pipeline.Summary) {
	if s.TableOnly > 0 {
		u.f(w, "    not counted     %s in the respondents table without an interview or survey answer\n", u.n(s.TableOnly, "respondent", "respondents"))
	}
	if s.Unanswered > 0 {
		u.f(w, "    not counted     %s of the survey without a usable answer (see tables/rejects.csv)\n", u.n(s.Unanswered, "respondent", "respondents"))
	}
	if s.NotInterviewed == 0 {
		return
	}
	u.f(w, "    not counted     %s without a usable interview:\n", u.n(s.NotInterviewed, "respondent", "respondents"))
	for _, f := range s.NotInterviewedFiles() {
		if f.Read == 0 {
			u.f(w, "      %s: no text\n", f.Shown())
		} else {
			u.f(w, "      %s: all %s rejected\n", f.Shown(), u.n(f.Read, "row", "rows"))
		}
	}
}

// joinAnd joins parts with commas and the last with and ("a, b and c").
func joinAnd(parts []string, and string) string {
	if len(parts) < 2 {
		return strings.Join(parts, "")
	}
	return strings.Join(parts[:len(parts)-1], ", ") + and + parts[len(parts)-1]
}

package main

import (
	"errors"
	"io"
	"strconv"
	"strings"

	"github.com/samenspel/samenspel/pipeline/progress"
	"github.com/samenspel/samenspel/pipeline/synth"
)

func runSynth(u *ui, args []string, stdout, stderr io.Writer) int {
	d := synth.DefaultConfig()
	fs := newFlags(u, "synth", "analyse synth -o DIR [flags]",
		"analyse synth -o /tmp/landelijk -municipalities 342 -respondents 100000 -items 8 -segments 50000\n"+
			"  analyse run /tmp/landelijk", stderr)
	out := fs.String("o", "", u.s("folder to write the study into (required; created if needed)"))
	c := d
	fs.IntVar(&c.Municipalities, "municipalities", d.Municipalities, u.s("number of (fictional) municipalities"))
	fs.IntVar(&c.Respondents, "respondents", d.Respondents, u.s("survey respondents (0: no survey)"))
	fs.IntVar(&c.Items, "items", d.Items, u.s("survey items per scale (kennen, bereiken, informeren); every 4th is reverse-keyed"))
	fs.IntVar(&c.Segments, "segments", d.Segments, u.s("interview segments (0: no interviews)"))
	fs.IntVar(&c.SegmentsPerInterview, "per-interview", d.SegmentsPerInterview, u.s("segments per interview (sets the number of interviewees)"))
	fs.IntVar(&c.Coders, "coders", d.Coders, u.s("coders who each coded every segment"))
	fs.Float64Var(&c.Disagreement, "disagreement", d.Disagreement, u.s("share of segments on which two coders differ"))
	fs.Uint64Var(&c.Seed, "seed", d.Seed, u.s("random seed: the same flags and seed write the same files"))
	formats := fs.String("formats", "xlsx", u.s("survey files to write: xlsx, csv or xlsx,csv"))
	surveyFormat := fs.String("survey-format", "", u.s("the survey file study.yaml points at: xlsx or csv (default: the first of -formats)"))
	fs.IntVar(&c.SurveyFiles, "survey-files", 1, u.s("split the survey respondents over this many files (survey-1.xlsx, ...)"))
	fs.BoolVar(&c.Numbers, "numbers", false, u.s("write answers as numbers 1..5 instead of their labels"))
	fs.IntVar(&c.Codes, "codes", 0, u.s("codes in the codebook, over the default's three factors (0: the default's 18)"))
	waves := fs.String("waves", "", u.s("write the survey once per wave, e.g. 2024,2025 (each wave -respondents respondents)"))
	force := fs.Bool("force", false, u.s("overwrite a study already in the folder"))
	pos, status := parse(fs, args)
	if status >= 0 {
		return status
	}
	if len(pos) > 0 {
		u.f(stderr, "analyse synth: unexpected argument %q (the folder goes after -o; see analyse synth --help)\n", pos[0])
		return exitUsage
	}
	if *out == "" {
		u.f(stderr, "analyse synth: name the folder to write with -o DIR (see analyse synth --help)\n")
		return exitUsage
	}
	c.Formats = nil
	for _, f := range strings.Split(*formats, ",") {
		if f = strings.ToLower(strings.TrimSpace(f)); f != "" {
			c.Formats = append(c.Formats, f)
		}
	}
	for _, w := range strings.Split(*waves, ",") {
		if w = strings.TrimSpace(w); w == "" {
			continue
		}
		year, err := strconv.Atoi(w)
		if err != nil {
			u.f(stderr, "analyse synth: wave %q is not a year (see analyse synth --help)\n", w)
			return exitUsage
		}
		c.Waves = append(c.Waves, year)
	}
	c.SurveyFormat = strings.ToLower(strings.TrimSpace(*surveyFormat))
	if c.SurveyFormat == "" && len(c.Formats) > 0 {
		c.SurveyFormat = c.Formats[0]
	}
	if err := c.Validate(); err != nil {
		u.f(stderr, "analyse synth: %v\n", err)
		return exitUsage
	}
	// Never overwrite what synth did not write: without -force no file of the study may
	// exist yet; with -force only a synthetic study is replaced.
	if existing := synth.Existing(*out, c); len(existing) > 0 {
		switch {
		case !*force:
			u.f(stderr, "analyse synth: %s already holds %s; add -force to overwrite a synthetic study\n", *out, strings.Join(existing, ", "))
			return exitBadInput
		case len(synth.Links(*out, c)) > 0:
			u.f(stderr, "analyse synth: %s holds %s, which is not a regular file (a link or a folder): it is never overwritten; choose another folder\n", *out, strings.Join(synth.Links(*out, c), ", "))
			return exitBadInput
		case !synth.IsSynthetic(*out):
			u.f(stderr, "analyse synth: %s holds %s but no study.yaml written by analyse synth: -force overwrites only a synthetic study; choose another folder\n", *out, strings.Join(existing, ", "))
			return exitBadInput
		}
	}

	rep := progress.New(stderr)
	rep.Stage("synth", c.Respondents+c.Segments)
	sum, err := synth.Write(*out, c, synth.Progress{Survey: rep.Add, Segments: rep.Add})
	rep.Done()
	if err != nil {
		if errors.Is(err, synth.ErrConfig) {
			u.f(stderr, "analyse synth: %v\n", err)
			return exitUsage
		}
		u.f(stderr, "analyse synth: %s: %v\n", *out, err)
		return exitBadInput
	}
	u.f(stdout, "synthetic study in %s (seed %d)\n", *out, c.Seed)
	u.f(stdout, "  municipalities %d\n", sum.Municipalities)
	if sum.Segments > 0 {
		u.f(stdout, "  interviews     %d interviewees, %d segments, %d coders, %d codes\n", sum.Interviewees, sum.Segments, c.Coders, sum.Codes)
	}
	if sum.Surveyed > 0 {
		files := max(c.SurveyFiles, 1)
		if len(c.Waves) > 0 {
			files = len(c.Waves)
		}
		u.f(stdout, "  survey         %d respondents, %d items (%s, %d file(s))\n", sum.Surveyed, sum.Items, strings.Join(c.Formats, ", "), files)
	}
	u.f(stdout, "  files          %s\n", strings.Join(sum.Files, ", "))
	u.f(stdout, "  run it with    analyse run %s\n", shellArg(*out))
	return exitOK
}

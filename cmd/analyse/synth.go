package main

import (
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"

	"github.com/samenspel/samenspel/pipeline/progress"
	"github.com/samenspel/samenspel/pipeline/synth"
)

func runSynth(args []string, stdout, stderr io.Writer) int {
	d := synth.DefaultConfig()
	fs := newFlags("synth", "analyse synth -o DIR [flags]",
		"analyse synth -o /tmp/landelijk -municipalities 342 -respondents 100000 -items 8 -segments 50000\n"+
			"  analyse run /tmp/landelijk", stderr)
	out := fs.String("o", "", "folder to write the study into (required; created if needed)")
	c := d
	fs.IntVar(&c.Municipalities, "municipalities", d.Municipalities, "number of (fictional) municipalities")
	fs.IntVar(&c.Respondents, "respondents", d.Respondents, "survey respondents (0: no survey)")
	fs.IntVar(&c.Items, "items", d.Items, "survey items per scale (kennen, bereiken, informeren); every 4th is reverse-keyed")
	fs.IntVar(&c.Segments, "segments", d.Segments, "interview segments (0: no interviews)")
	fs.IntVar(&c.SegmentsPerInterview, "per-interview", d.SegmentsPerInterview, "segments per interview (sets the number of interviewees)")
	fs.IntVar(&c.Coders, "coders", d.Coders, "coders who each coded every segment")
	fs.Float64Var(&c.Disagreement, "disagreement", d.Disagreement, "share of segments on which two coders differ")
	fs.Uint64Var(&c.Seed, "seed", d.Seed, "random seed: the same flags and seed write the same files")
	formats := fs.String("formats", "xlsx", "survey files to write: xlsx, csv or xlsx,csv")
	surveyFormat := fs.String("survey-format", "", "the survey file study.yaml points at: xlsx or csv (default: the first of -formats)")
	fs.IntVar(&c.SurveyFiles, "survey-files", 1, "split the survey respondents over this many files (survey-1.xlsx, ...)")
	fs.BoolVar(&c.Numbers, "numbers", false, "write answers as numbers 1..5 instead of their labels")
	force := fs.Bool("force", false, "overwrite a study already in the folder")
	pos, status := parse(fs, args)
	if status >= 0 {
		return status
	}
	if len(pos) > 0 {
		fmt.Fprintf(stderr, "analyse synth: unexpected argument %q (the folder goes after -o; see analyse synth --help)\n", pos[0])
		return exitUsage
	}
	if *out == "" {
		fmt.Fprintln(stderr, "analyse synth: name the folder to write with -o DIR (see analyse synth --help)")
		return exitUsage
	}
	c.Formats = nil
	for _, f := range strings.Split(*formats, ",") {
		if f = strings.ToLower(strings.TrimSpace(f)); f != "" {
			c.Formats = append(c.Formats, f)
		}
	}
	c.SurveyFormat = strings.ToLower(strings.TrimSpace(*surveyFormat))
	if c.SurveyFormat == "" && len(c.Formats) > 0 {
		c.SurveyFormat = c.Formats[0]
	}
	if err := c.Validate(); err != nil {
		fmt.Fprintf(stderr, "analyse synth: %v\n", err)
		return exitUsage
	}
	if _, err := os.Stat(filepath.Join(*out, synth.StudyFile)); err == nil && !*force {
		fmt.Fprintf(stderr, "analyse synth: %s already holds a study (%s); add -force to overwrite it\n", *out, synth.StudyFile)
		return exitBadInput
	}

	rep := progress.New(stderr)
	rep.Stage("synth", c.Respondents+c.Segments)
	sum, err := synth.Write(*out, c, synth.Progress{Survey: rep.Add, Segments: rep.Add})
	rep.Done()
	if err != nil {
		if errors.Is(err, synth.ErrConfig) {
			fmt.Fprintf(stderr, "analyse synth: %v\n", err)
			return exitUsage
		}
		fmt.Fprintf(stderr, "analyse synth: %s: %v\n", *out, err)
		return exitBadInput
	}
	fmt.Fprintf(stdout, "synthetic study in %s (seed %d)\n", *out, c.Seed)
	fmt.Fprintf(stdout, "  municipalities %d\n", sum.Municipalities)
	if sum.Segments > 0 {
		fmt.Fprintf(stdout, "  interviews     %d interviewees, %d segments, %d coders\n", sum.Interviewees, sum.Segments, c.Coders)
	}
	if sum.Surveyed > 0 {
		fmt.Fprintf(stdout, "  survey         %d respondents, %d items (%s, %d file(s))\n", sum.Surveyed, sum.Items, strings.Join(c.Formats, ", "), max(c.SurveyFiles, 1))
	}
	fmt.Fprintf(stdout, "  files          %s\n", strings.Join(sum.Files, ", "))
	fmt.Fprintf(stdout, "  run it with    analyse run %s\n", *out)
	return exitOK
}

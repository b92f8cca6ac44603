// Command analyse runs a samenspel study: it reads the study's coded interviews and survey
// exports, applies its codebook and writes figures, tables and a report.
//
//	analyse run STUDY [-o OUT]     run a study (folder with study.yaml, or the yaml file)
//	analyse check STUDY            list what a run would reject or leave unused
//	analyse init DIR               start a new study folder from templates
//	analyse codebook check FILE    check a codebook
//	analyse codebook convert IN OUT
//	analyse version
//
// Exit status: 0 on success, 1 on bad input, 2 on bad usage or an output path that would
// harm the study, 3 when the output is written but too many answers could not be used.
package main

import (
	"fmt"
	"io"
	"os"
)

const usage = `analyse: collaboration studies from coded interviews and surveys to figures, tables and a report

Usage:
  analyse run STUDY [-o OUT]        run a study: STUDY is a folder holding study.yaml, or the file
  analyse check STUDY               read everything, write nothing: list what a run would reject,
                                    with proposed answer and code aliases (-write-codebook adds them)
  analyse init DIR                  start a new study folder with templates to fill in
  analyse codebook check FILE       check a codebook (.yaml, .xlsx, .qdc)
  analyse codebook convert IN OUT   convert a codebook (.yaml, .xlsx, .qdc) to those or to .md
  analyse synth -o DIR [flags]      write a synthetic study of any size (for benchmarks)
  analyse version                   print the version

Example:
  analyse run data/example          writes data/example/output/report.html and more

Every command takes -lang nl|en. Run "analyse COMMAND --help" for the flags of a command.
`

func main() {
	tuneGC() // gc.go
	os.Exit(run(os.Args[1:], os.Stdout, os.Stderr))
}

// Exit statuses.
const (
	exitOK       = 0
	exitBadInput = 1 // an input or study.yaml cannot be used; nothing is written
	exitUsage    = 2 // bad usage, or an output path that would harm the study
	// exitTooManyRejects: the output is written, but more than rejects.max_share of a
	// scale's answers could not be used (unless -accept-rejects).
	exitTooManyRejects = 3
)

func run(args []string, stdout, stderr io.Writer) int {
	u := newUI(args)
	if l := langFlag(args); l != "" && l != "nl" && l != "en" {
		fmt.Fprintf(stderr, "analyse: -lang %q: want nl or en / kies nl of en\n", l)
		return exitUsage
	}
	if len(args) == 0 {
		u.f(stderr, usage)
		return exitUsage
	}
	switch args[0] {
	case "run":
		return runStudy(u, args[1:], stdout, stderr)
	case "check":
		return runCheck(u, args[1:], stdout, stderr)
	case "init":
		return runInit(u, args[1:], stdout, stderr)
	case "codebook":
		return runCodebook(u, args[1:], stdout, stderr)
	case "synth":
		return runSynth(u, args[1:], stdout, stderr)
	case "version", "--version", "-version":
		return runVersion(u, stdout)
	case "help", "-h", "-help", "--help":
		u.f(stdout, usage)
		return exitOK
	}
	u.f(stderr, "analyse: unknown command %q\n\n%s", args[0], usage)
	return exitUsage
}

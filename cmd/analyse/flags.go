package main

import (
	"errors"
	"flag"
	"io"
	"strings"
)

// newFlags returns a flag set whose --help prints the command's usage and example.
// Every command takes -lang nl|en, the language of what it prints (see newUI).
func newFlags(u *ui, name, synopsis, example string, stderr io.Writer) *flag.FlagSet {
	fs := flag.NewFlagSet(name, flag.ContinueOnError)
	fs.SetOutput(stderr)
	if name != "analyse codebook convert" { // there -lang is the appendix's language as well
		fs.String("lang", u.lang, u.s("language of what the command prints: nl or en (default: the study's language, else LANG)"))
	}
	fs.Usage = func() {
		u.f(stderr, "Usage:\n  %s\n\n", synopsis)
		var b strings.Builder
		fs.SetOutput(&b)
		fs.PrintDefaults()
		fs.SetOutput(stderr)
		if b.Len() > 0 {
			u.f(stderr, "Flags:\n%s\n", b.String())
		}
		u.f(stderr, "Example:\n  %s\n", example)
	}
	return fs
}

// parse parses flags that may come before or after the positional arguments, as
// researchers type `analyse run data/example -o out`. It returns the positional
// arguments, or a status to exit with (-1 when parsing succeeded).
func parse(fs *flag.FlagSet, args []string) ([]string, int) {
	var pos []string
	for {
		if err := fs.Parse(args); err != nil {
			if errors.Is(err, flag.ErrHelp) {
				return nil, exitOK
			}
			return nil, exitUsage
		}
		args = fs.Args()
		if len(args) == 0 {
			return pos, -1
		}
		pos = append(pos, args[0])
		args = args[1:]
	}
}

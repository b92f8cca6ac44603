package main

import (
	"io"

	"github.com/samenspel/samenspel/data"
	"github.com/samenspel/samenspel/pipeline"
)

func runInit(u *ui, args []string, stdout, stderr io.Writer) int {
	fs := newFlags(u, "init", "analyse init DIR", "analyse init mijn-onderzoek", stderr)
	pos, status := parse(fs, args)
	if status >= 0 {
		return status
	}
	if len(pos) != 1 {
		u.f(stderr, "analyse init: name the folder to create (see analyse init --help)\n")
		return exitUsage
	}
	if err := pipeline.Scaffold(pos[0], data.DefaultCodebook); err != nil {
		u.f(stderr, "analyse: %v\n", err)
		return exitBadInput
	}
	u.f(stdout, `New study in %[1]s:
  study.yaml                 settings (read the comments)
  codebook.yaml              the default codebook of success factors
  respondenten.xlsx          respondents: id, name (only for redaction), municipality, role
  interviews/codering.xlsx   coded segments: one row per segment, code and coder
  enquete/enquete.xlsx       survey: one row per respondent, one column per item
Replace the example rows with your data, then run:
  analyse run %[1]s
`, pos[0])
	return exitOK
}

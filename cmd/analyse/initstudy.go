package main

import (
	"io"
	"strings"

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
  analyse run %[2]s
`, pos[0], shellArg(pos[0]))
	return exitOK
}

// shellArg writes a path so that the command it is printed in can be pasted into a
// shell as it is: bare when it holds only letters, digits and "_./-:\", in double quotes
// (which sh, cmd.exe and PowerShell all read) when it holds a space or such, also a
// Windows path such as C:\Onderzoek\Mijn studie, and in single quotes for sh when it
// holds a character double quotes do not keep.
func shellArg(p string) string {
	plain := true
	for _, r := range p {
		if !(r == '_' || r == '.' || r == '/' || r == '-' || r == ':' || r == '\\' || r >= '0' && r <= '9' || r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z') {
			plain = false
			break
		}
	}
	switch {
	case plain && p != "":
		return p
	case !strings.ContainsAny(p, "\"$`!") && !strings.Contains(p, `\\`) && !strings.HasSuffix(p, `\`):
		// A Windows path's single backslashes stay as they are in double quotes in sh
		// too; only a doubled one (\\server) or one before the closing quote does not.
		return `"` + p + `"`
	default:
		return "'" + strings.ReplaceAll(p, "'", `'\''`) + "'"
	}
}

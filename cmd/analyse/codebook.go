package main

import (
	"errors"
	"io"
	"os"
	"path/filepath"
	"strings"

	"github.com/samenspel/samenspel/codebook"
	"github.com/samenspel/samenspel/pipeline"
)

const codebookUsage = `Usage:
  analyse codebook check FILE       check a codebook (.yaml, .yml, .xlsx, .qdc)
  analyse codebook convert IN OUT   convert a codebook; IN is .yaml, .xlsx or .qdc, OUT is
                                    .yaml, .xlsx, .qdc or .md (a report appendix: written
                                    only, it is not read back)

A check lists every problem with its place (line, or sheet and cell): duplicate ids or
aliases, a code without a factor, an unknown valence, a pattern that cannot match, an item
in two scales, an answer label given two values.

Examples:
  analyse codebook check data/codebooks/samenwerking.yaml
  analyse codebook convert data/codebooks/samenwerking.yaml codeboek.xlsx
  analyse codebook convert codeboek.xlsx codeboek.qdc      (import into ATLAS.ti, MAXQDA, NVivo)
  analyse codebook convert codeboek.xlsx bijlage.md -lang en
`

// runCodebook implements "analyse codebook check|convert".
func runCodebook(u *ui, args []string, stdout, stderr io.Writer) int {
	if len(args) == 0 {
		u.f(stderr, codebookUsage)
		return exitUsage
	}
	switch args[0] {
	case "check":
		return runCodebookCheck(u, args[1:], stdout, stderr)
	case "convert":
		return runCodebookConvert(u, args[1:], stdout, stderr)
	case "help", "-h", "-help", "--help":
		u.f(stdout, codebookUsage)
		return exitOK
	}
	u.f(stderr, "analyse codebook: unknown subcommand %q\n\n%s", args[0], codebookUsage)
	return exitUsage
}

func runCodebookCheck(u *ui, args []string, stdout, stderr io.Writer) int {
	fs := newFlags(u, "analyse codebook check", "analyse codebook check FILE",
		"analyse codebook check data/codebooks/samenwerking.yaml", stderr)
	pos, status := parse(fs, args)
	if status >= 0 {
		return status
	}
	if len(pos) != 1 {
		u.f(stderr, "analyse codebook check: give one codebook file\n")
		fs.Usage()
		return exitUsage
	}
	cb, err := codebook.Load(pos[0])
	if err != nil {
		return codebookError(u, stderr, err)
	}
	if _, err := codebook.NewAutoCoder(cb); err != nil {
		u.f(stderr, "%s: %v\n", pos[0], err)
		return exitBadInput
	}
	codes, patterns, items := 0, 0, 0
	for _, f := range cb.Factors {
		codes += len(f.Codes)
		for _, c := range f.Codes {
			patterns += len(c.Patterns)
		}
	}
	for _, s := range cb.Scales {
		items += len(s.Items)
	}
	for _, n := range cb.Notes {
		u.f(stdout, "%s: note: %s\n", pos[0], n)
	}
	calibrationMissing(u, stdout, pos[0], cb) // codebook_calibration.go
	for _, sh := range cb.SharedNames() {
		u.f(stdout, "%s: note: the name %q is shared by the codes %s: an export that writes only this name is not counted (one written with its factor, \"factor > %s\", is); give one code another label or an alias\n",
			pos[0], sh.Name, strings.Join(sh.Codes, ", "), sh.Name)
	}
	if path := cb.ModelMissing(); path != "" {
		u.f(stdout, "%s: note: model %s not found: the auto-coder uses the dictionary alone (copy the file beside the codebook to use it)\n", pos[0], path)
	}
	u.f(stdout, "%s: ok: %d factors, %d codes (%d patterns), %d partners, %d roles, %d scales (%d items)\n",
		pos[0], len(cb.Factors), codes, patterns, len(cb.Partners), len(cb.Roles), len(cb.Scales), items)
	return exitOK
}

func runCodebookConvert(u *ui, args []string, stdout, stderr io.Writer) int {
	fs := newFlags(u, "analyse codebook convert", "analyse codebook convert IN OUT [-lang nl|en]",
		"analyse codebook convert data/codebooks/samenwerking.yaml codeboek.xlsx", stderr)
	lang := fs.String("lang", "nl", u.s("language of a Markdown appendix: nl or en"))
	force := fs.Bool("force", false, u.s("replace an existing output file (never the input)"))
	pos, status := parse(fs, args)
	if status >= 0 {
		return status
	}
	if len(pos) != 2 {
		u.f(stderr, "analyse codebook convert: give an input and an output file\n")
		fs.Usage()
		return exitUsage
	}
	if *lang != "nl" && *lang != "en" {
		u.f(stderr, "analyse codebook convert: -lang %q: want nl or en\n", *lang)
		return exitUsage
	}
	in, out := pos[0], pos[1]
	switch strings.ToLower(filepath.Ext(out)) {
	case ".yaml", ".yml", ".xlsx", ".qdc", ".md":
	default:
		u.f(stderr, "analyse codebook convert: %s: the output must end in .yaml, .xlsx, .qdc or .md\n", out)
		return exitUsage
	}
	// Never write over the researcher's own files unasked: an existing OUT may be their
	// coded data or notes, and OUT naming IN (or a link to it) would replace the codebook
	// and its comments with the generated file.
	if inInfo, err := os.Stat(in); err == nil {
		if outInfo, err := os.Stat(out); err == nil && os.SameFile(inInfo, outInfo) {
			u.f(stderr, "analyse codebook convert: %s is the input itself; choose another output file\n", out)
			return exitUsage
		}
	}
	if _, err := os.Lstat(out); err == nil && !*force {
		u.f(stderr, "analyse codebook convert: %s already exists; choose another name, or add -force to replace it\n", out)
		return exitUsage
	}
	cb, err := codebook.Load(in)
	if err != nil {
		return codebookError(u, stderr, err)
	}
	if err := codebook.SaveIn(cb, out, *lang); err != nil {
		u.f(stderr, "analyse codebook convert: %v\n", err)
		return exitBadInput
	}
	for _, n := range cb.Notes {
		u.f(stdout, "%s: note: %s\n", in, n)
	}
	calibrationMissing(u, stdout, in, cb) // codebook_calibration.go
	u.f(stdout, "%s -> %s\n", in, out)
	// What the target format does not hold (scales in a .qdc, code sets in an .xlsx):
	// said, so that converting back is not taken for a complete round trip.
	lost, err := codebook.Lost(cb, out)
	if err != nil {
		u.f(stderr, "analyse codebook convert: %v\n", err)
		return exitBadInput
	}
	for _, l := range lost {
		if strings.HasPrefix(l.Part, "the ") {
			u.f(stdout, "%s: note: this format does not hold %s: it is left out; keep %s as the study's codebook\n", out, lossPart(u, l.Part), in)
			continue
		}
		u.f(stdout, "%s: note: this format does not hold %s (%d): they are left out; keep %s as the study's codebook\n", out, lossPart(u, l.Part), l.N, in)
	}
	return exitOK
}

// codebookError prints a codebook that cannot be read or does not validate, one problem a
// line, and returns the bad-input status.
func codebookError(u *ui, stderr io.Writer, err error) int {
	var ve *codebook.ValidationError
	if errors.As(err, &ve) {
		for _, p := range ve.Problems {
			u.f(stderr, "%v\n", p)
		}
		u.f(stderr, "%s: %d problem(s)\n", ve.File, len(ve.Problems))
		return exitBadInput
	}
	u.f(stderr, "%v\n", err)
	return exitBadInput
}

// lossPart is a codebook.Loss's part in the command line's language.
func lossPart(u *ui, part string) string {
	switch part {
	case "scales":
		return u.s("scales")
	case "roles":
		return u.s("roles")
	case "partners":
		return u.s("partners")
	case "code sets":
		return u.s("code sets")
	case "negation words":
		return u.s("negation words")
	case "entries of the negated map":
		return u.s("entries of the negated map")
	case "the calibration":
		return u.s("the calibration")
	case "the model":
		return u.s("the model")
	case "the name":
		return u.s("the name")
	case "the version":
		return u.s("the version")
	case "codes":
		return u.s("codes")
	case "codes' labels":
		return u.s("codes' labels")
	case "codes' definitions":
		return u.s("codes' definitions")
	case "codes' inclusion rules":
		return u.s("codes' inclusion rules")
	case "codes' exclusion rules":
		return u.s("codes' exclusion rules")
	case "codes' examples":
		return u.s("codes' examples")
	case "codes' aliases":
		return u.s("codes' aliases")
	case "codes' patterns":
		return u.s("codes' patterns")
	}
	return part
}

// printModelMissing says in the run's summary that the codebook names a shipped model
// whose file is not there, so that the dictionary alone suggested codes.
func printModelMissing(u *ui, w io.Writer, o *pipeline.Outcome) {
	if o.Codebook == nil || !o.Study.AutocodeEnabled() {
		return
	}
	if path := o.Codebook.ModelMissing(); path != "" {
		u.f(w, "  auto-coder    model %s not found: the dictionary alone suggested codes (copy the file beside the codebook to use it)\n", path)
	}
}

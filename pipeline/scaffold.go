package pipeline

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"unicode"

	"github.com/samenspel/samenspel/codebook"
	"github.com/samenspel/samenspel/pipeline/model"
	"github.com/xuri/excelize/v2"
)

const studyTemplate = `# study.yaml: what samenspel reads, how it groups, what it protects and what it writes.
# Paths are relative to this folder; globs such as interviews/*.xlsx are allowed.

title: Mijn onderzoek naar samenwerking rond jongeren
language: nl                      # nl | en: labels of figures and report

codebook: codebook.yaml           # .yaml, .xlsx or REFI-QDA .qdc

# Optional: one row per respondent with Respondent, Naam (only used to redact names
# from quotes), Gemeente, Functie and any further attributes.
respondents: respondenten.xlsx

# Coded segments: one row per segment, code and coder (columns Respondent, Document,
# Segment, Tekst, Code, Codeur). Exports of MAXQDA, ATLAS.ti, QualCoder, Taguette,
# REFI-QDA projects (.qdpx) and plain transcripts (.txt, .docx) are read as well.
interviews:
  - path: interviews/*.xlsx
    format: auto                  # auto | generic | maxqda | atlasti | qualcoder | taguette | qdpx | transcript
    # columns: {text: Fragment}   # where a column has an unusual name

# Survey: one row per respondent, one column per item (the item ids of the codebook,
# or the question text). LimeSurvey, Qualtrics, Forms and SPSS .sav exports are read too.
survey:
  - path: enquete/*.xlsx
    format: auto                  # auto | generic | limesurvey | qualtrics | forms | spss

groups: [role, municipality]      # compare by these attributes

# primary_coder: Anouk            # count only this coder's codings in the frequencies

autocode:
  enabled: true                   # suggest codes for every segment (coder "auto")
  count: never                    # never | uncoded | always: where suggestions count

privacy:
  min_cell: 5                     # groups smaller than this are not shown on their own
  small_groups: pool              # pool | suppress: merge them into "Overige gemeenten", or hide them
  names: []                       # further names to redact from quotes
  # key_file: ../sleutel.csv      # write the key real id -> pseudonym here (outside the output)

# outputs: [csv, xlsx, png, svg, html, md, docx]   # add qdpx to review the coding in your QDA tool

# figures:                        # which figures, in what order, how wide
#   include: [factors_by_role, valence_by_factor, survey_items, municipalities, cooccurrence, partners, agreement]
#   width: page                   # column (8.5 cm), page (17 cm) or a width in cm
#   dpi: 300
`

// scaffoldFiles are the files Scaffold writes, relative to the study folder.
var scaffoldFiles = []string{"study.yaml", "codebook.yaml", "respondenten.xlsx", filepath.Join("interviews", "codering.xlsx"), filepath.Join("enquete", "enquete.xlsx")}

// Scaffold makes a new study folder: a commented study.yaml, the codebook, and template
// workbooks with the expected headers and one example row each. It never overwrites: when
// any of its files (or anything at their paths, such as a link) is already there, it
// writes nothing and says which; and each file is created anew, so a file that appears
// meanwhile is not overwritten either.
func Scaffold(dir string, codebookYAML []byte) error {
	var there []string
	for _, f := range scaffoldFiles {
		if _, err := os.Lstat(filepath.Join(dir, f)); err == nil {
			there = append(there, f)
		}
	}
	if len(there) > 0 {
		list := strings.Join(there, ", ")
		return model.Reasonf("%s already holds %s: analyse init never overwrites; choose an empty or new folder",
			"%s bevat al %s: analyse init overschrijft nooit iets; kies een lege of nieuwe map", dir, list)
	}
	cb, err := codebook.ParseYAML(codebookYAML)
	if err != nil {
		return model.Reasonf("default codebook: %v", "standaardcodeboek: %v", err)
	}
	for _, sub := range []string{"", "interviews", "enquete"} {
		if err := os.MkdirAll(filepath.Join(dir, sub), 0o755); err != nil {
			return err
		}
	}
	// The key file proposed is named for the study, so that two studies made side by side
	// do not share one (a run refuses another study's key, key_file.go).
	template := strings.Replace(studyTemplate, "../sleutel.csv    ", "../sleutel-"+keyFileStem(dir)+".csv", 1)
	if err := writeNew(filepath.Join(dir, "study.yaml"), []byte(template)); err != nil {
		return err
	}
	if err := writeNew(filepath.Join(dir, "codebook.yaml"), codebookYAML); err != nil {
		return err
	}
	if err := writeTemplate(filepath.Join(dir, "respondenten.xlsx"), "Respondenten",
		[]string{"Respondent", "Naam", "Gemeente", "Functie"},
		[]any{"R01", "Voornaam Achternaam", "Gemeentenaam", "Jongerenwerker"}); err != nil {
		return err
	}
	if err := writeTemplate(filepath.Join(dir, "interviews", "codering.xlsx"), "Codering",
		[]string{"Respondent", "Document", "Segment", "Tekst", "Code", "Codeur", "Gemeente", "Functie"},
		[]any{"R01", "Interview R01", "R01-01", "Met de wijkagent heb ik korte lijnen, ik bel hem gewoon even.", "bereiken.korte_lijnen", "Codeur 1", "Gemeentenaam", "Jongerenwerker"}); err != nil {
		return err
	}
	header := []string{"Respondent", "Gemeente", "Functie"}
	example := []any{"E001", "Gemeentenaam", "Jongerenwerker"}
	for _, s := range cb.Scales {
		for _, it := range s.Items {
			header = append(header, it.ID)
			label := ""
			for _, a := range s.Answers {
				if a.Value == s.AgreeFrom && len(a.Labels) > 0 {
					label = a.Labels[0]
				}
			}
			example = append(example, label)
		}
	}
	header = append(header, "Toelichting")
	example = append(example, "")
	return writeTemplate(filepath.Join(dir, "enquete", "enquete.xlsx"), "Enquete", header, example)
}

func writeTemplate(path, sheet string, header []string, example []any) error {
	f := excelize.NewFile()
	defer f.Close()
	f.SetSheetName("Sheet1", sheet)
	for i, h := range header {
		cell, _ := excelize.CoordinatesToCellName(i+1, 1)
		f.SetCellStr(sheet, cell, h)
	}
	for i, v := range example {
		cell, _ := excelize.CoordinatesToCellName(i+1, 2)
		f.SetCellValue(sheet, cell, v)
	}
	bold, _ := f.NewStyle(&excelize.Style{Font: &excelize.Font{Bold: true}})
	last, _ := excelize.CoordinatesToCellName(len(header), 1)
	f.SetCellStyle(sheet, "A1", last, bold)
	f.SetPanes(sheet, &excelize.Panes{Freeze: true, YSplit: 1, TopLeftCell: "A2", ActivePane: "bottomLeft"})
	var buf bytes.Buffer
	if _, err := f.WriteTo(&buf); err != nil {
		return err
	}
	return writeNew(path, buf.Bytes())
}

// writeNew writes data to a file that does not exist yet (O_EXCL: never over a file, and
// never through a link).
func writeNew(path string, data []byte) error {
	f, err := os.OpenFile(path, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o644)
	if err != nil {
		return err
	}
	if _, err := f.Write(data); err != nil {
		f.Close()
		return err
	}
	return f.Close()
}

// keyFileStem is the study folder's name as a file name part: letters, digits, "-" and
// "_" kept, anything else (a space, ":" or "#" that YAML would read) made "-".
func keyFileStem(dir string) string {
	abs, err := filepath.Abs(dir)
	if err != nil {
		abs = dir
	}
	stem := strings.Map(func(r rune) rune {
		if unicode.IsLetter(r) || unicode.IsDigit(r) || r == '-' || r == '_' {
			return r
		}
		return '-'
	}, filepath.Base(abs))
	if strings.Trim(stem, "-") == "" {
		return "onderzoek"
	}
	return stem
}

package main

import (
	_ "embed"
	"fmt"
	"os"
	"strings"

	"github.com/xuri/excelize/v2"
	"go.yaml.in/yaml/v3"
)

//go:embed interviews.yaml
var interviewsYAML []byte

// interviewStudy is the hand-written interview material: who was interviewed, what they
// said, and how the two coders coded it.
type interviewStudy struct {
	// Coders are the first coder, who codes every interview, and the second coder, who
	// double-codes the interviews marked double_coded.
	Coders      []string      `yaml:"coders"`
	Respondents []interviewee `yaml:"respondents"`
}

type interviewee struct {
	ID           string    `yaml:"id"`
	Name         string    `yaml:"name"`
	Municipality string    `yaml:"municipality"`
	Role         string    `yaml:"role"`
	AgeGroup     string    `yaml:"age_group"`
	Experience   int       `yaml:"experience"` // years in the field; 0 for young people
	DoubleCoded  bool      `yaml:"double_coded"`
	Segments     []segment `yaml:"segments"`
}

type segment struct {
	Text string `yaml:"text"`
	// Codes are the first coder's codes as the export writes them: mostly codebook ids,
	// now and then a tool's code path or a name the codebook does not know.
	Codes []string `yaml:"codes"`
	// Second holds the second coder's codes where they differ from the first coder's;
	// nil means the second coder chose the same codes. An empty list means the second
	// coder found nothing that applies.
	Second *[]string `yaml:"second"`
}

// SecondCodes returns the second coder's codes for a double-coded segment.
func (s segment) SecondCodes() []string {
	if s.Second != nil {
		return *s.Second
	}
	return s.Codes
}

func loadInterviews() (interviewStudy, error) {
	var st interviewStudy
	if err := yaml.Unmarshal(interviewsYAML, &st); err != nil {
		return st, fmt.Errorf("interviews.yaml: %w", err)
	}
	if len(st.Coders) != 2 {
		return st, fmt.Errorf("interviews.yaml: want two coders, have %d", len(st.Coders))
	}
	for _, r := range st.Respondents {
		for i, s := range r.Segments {
			if strings.TrimSpace(s.Text) == "" {
				return st, fmt.Errorf("interviews.yaml: %s segment %d has no text", r.ID, i+1)
			}
		}
	}
	return st, nil
}

// codingRow is one row of the coding export: a segment, one code and one coder.
type codingRow struct {
	Respondent, Document, Segment, Text, Code, Coder, Municipality, Role string
}

var codingHeaders = []string{"Respondent", "Document", "Segment", "Tekst", "Code", "Codeur", "Gemeente", "Functie"}

func (r codingRow) cells() []any {
	return []any{r.Respondent, r.Document, r.Segment, r.Text, r.Code, r.Coder, r.Municipality, r.Role}
}

// codingRows lists the export rows in the order a researcher's sheet has them: by
// respondent, segment and coder. A coder who found no code for a segment still has a row
// with an empty code, which records that the segment was reviewed.
func codingRows(st interviewStudy) []codingRow {
	var rows []codingRow
	for _, r := range st.Respondents {
		for i, s := range r.Segments {
			base := codingRow{
				Respondent:   r.ID,
				Document:     "Interview " + r.ID,
				Segment:      fmt.Sprintf("%s-%02d", r.ID, i+1),
				Text:         strings.TrimSpace(s.Text),
				Municipality: r.Municipality,
				Role:         r.Role,
			}
			coders := [][]string{s.Codes}
			if r.DoubleCoded {
				coders = append(coders, s.SecondCodes())
			}
			for ci, codes := range coders {
				row := base
				row.Coder = st.Coders[ci]
				if len(codes) == 0 {
					rows = append(rows, row)
					continue
				}
				for _, c := range codes {
					row.Code = c
					rows = append(rows, row)
				}
			}
		}
	}
	return rows
}

func writeCoding(path string, st interviewStudy) error {
	f := excelize.NewFile()
	defer f.Close()
	const sheet = "Codering"
	if err := f.SetSheetName("Sheet1", sheet); err != nil {
		return err
	}
	if err := writeSheetRow(f, sheet, 1, toAny(codingHeaders)); err != nil {
		return err
	}
	rows := codingRows(st)
	for i, r := range rows {
		if err := writeSheetRow(f, sheet, i+2, r.cells()); err != nil {
			return err
		}
	}
	widths := map[string]float64{"A": 11, "B": 14, "C": 10, "D": 90, "E": 30, "F": 9, "G": 12, "H": 22}
	if err := finishSheet(f, sheet, len(codingHeaders), widths); err != nil {
		return err
	}
	wrap, err := f.NewStyle(&excelize.Style{Alignment: &excelize.Alignment{WrapText: true, Vertical: "top"}})
	if err != nil {
		return err
	}
	if err := f.SetColStyle(sheet, "D", wrap); err != nil {
		return err
	}
	return saveWorkbook(f, path)
}

var respondentHeaders = []string{"Respondent", "Naam", "Gemeente", "Functie", "Leeftijdsgroep", "Jaren ervaring"}

func writeRespondents(path string, st interviewStudy) error {
	f := excelize.NewFile()
	defer f.Close()
	const sheet = "Respondenten"
	if err := f.SetSheetName("Sheet1", sheet); err != nil {
		return err
	}
	if err := writeSheetRow(f, sheet, 1, toAny(respondentHeaders)); err != nil {
		return err
	}
	for i, r := range st.Respondents {
		var exp any = ""
		if r.Experience > 0 {
			exp = r.Experience
		}
		cells := []any{r.ID, r.Name, r.Municipality, r.Role, r.AgeGroup, exp}
		if err := writeSheetRow(f, sheet, i+2, cells); err != nil {
			return err
		}
	}
	widths := map[string]float64{"A": 11, "B": 24, "C": 12, "D": 22, "E": 15, "F": 14}
	if err := finishSheet(f, sheet, len(respondentHeaders), widths); err != nil {
		return err
	}
	return saveWorkbook(f, path)
}

func toAny(ss []string) []any {
	out := make([]any, len(ss))
	for i, s := range ss {
		out[i] = s
	}
	return out
}

// writeSheetRow writes one row; empty strings stay empty cells.
func writeSheetRow(f *excelize.File, sheet string, row int, cells []any) error {
	for c, v := range cells {
		if s, ok := v.(string); ok && s == "" {
			continue
		}
		ref, err := excelize.CoordinatesToCellName(c+1, row)
		if err != nil {
			return err
		}
		if s, ok := v.(string); ok {
			// SetCellStr keeps text that looks like a number or formula as text.
			err = f.SetCellStr(sheet, ref, s)
		} else {
			err = f.SetCellValue(sheet, ref, v)
		}
		if err != nil {
			return err
		}
	}
	return nil
}

// finishSheet gives the sheet what a researcher's own workbook has: a bold header row
// that stays in view, a filter on the header and readable column widths.
func finishSheet(f *excelize.File, sheet string, ncols int, widths map[string]float64) error {
	bold, err := f.NewStyle(&excelize.Style{Font: &excelize.Font{Bold: true}})
	if err != nil {
		return err
	}
	last, err := excelize.CoordinatesToCellName(ncols, 1)
	if err != nil {
		return err
	}
	if err := f.SetCellStyle(sheet, "A1", last, bold); err != nil {
		return err
	}
	for col, w := range widths {
		if err := f.SetColWidth(sheet, col, col, w); err != nil {
			return err
		}
	}
	if err := f.SetPanes(sheet, &excelize.Panes{Freeze: true, YSplit: 1, TopLeftCell: "A2", ActivePane: "bottomLeft"}); err != nil {
		return err
	}
	return f.AutoFilter(sheet, "A1:"+last, nil)
}

func saveWorkbook(f *excelize.File, path string) error {
	if err := f.SetDocProps(&excelize.DocProperties{
		Creator:        "Onderzoeksgroep Samenwerking Jeugd",
		LastModifiedBy: "Onderzoeksgroep Samenwerking Jeugd",
		Created:        "2024-05-13T09:00:00Z",
		Modified:       "2024-05-13T09:00:00Z",
		Language:       "nl-NL",
	}); err != nil {
		return err
	}
	buf, err := f.WriteToBuffer()
	if err != nil {
		return fmt.Errorf("%s: %w", path, err)
	}
	return os.WriteFile(path, buf.Bytes(), 0o644)
}

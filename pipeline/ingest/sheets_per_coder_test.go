package ingest

import (
	"errors"
	"testing"

	"github.com/samenspel/samenspel/pipeline/model"
)

// Sheets that hold the same segment with other codes and no coder are a sheet per coder:
// an error; a sheet per interview, an identical copy, or rows that name their coder are
// not (attack 13, sheet-per-coder).
func TestSheetsPerCoder(t *testing.T) {
	sheet := func(resp, code, coder string) model.Dataset {
		return model.Dataset{
			Segments: []model.Segment{{ID: "1", Respondent: resp, Text: "Korte  lijnen."}},
			Codings:  []model.Coding{{Segment: "1", Raw: code, Coder: coder}},
		}
	}
	for _, c := range []struct {
		what  string
		parts []model.Dataset
		fails bool
	}{
		{"a sheet per coder", []model.Dataset{sheet("R1", "Korte lijnen", ""), sheet("R1", "Vertrouwen", "")}, true},
		{"a sheet per interview", []model.Dataset{sheet("R1", "Korte lijnen", ""), sheet("R2", "Vertrouwen", "")}, false},
		{"a copy", []model.Dataset{sheet("R1", "Korte lijnen", ""), sheet("R1", "Korte lijnen", "")}, false},
		{"coders named", []model.Dataset{sheet("R1", "Korte lijnen", "A"), sheet("R1", "Vertrouwen", "B")}, false},
	} {
		err := sheetsPerCoder("c.xlsx", []string{"Anna", "Bram"}, c.parts)
		if c.fails != errors.Is(err, ErrSheetPerCoder) {
			t.Errorf("%s: %v", c.what, err)
		}
	}
}

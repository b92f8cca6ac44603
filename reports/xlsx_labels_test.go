package reports

import (
	"bytes"
	"slices"
	"testing"

	"github.com/xuri/excelize/v2"
)

// tables.xlsx speaks the study's language: headers, codes, factors, roles, groupings and
// tests by name; numbers stay numbers.
func TestXLSXForPeople(t *testing.T) {
	for _, c := range []struct {
		lang string
		want map[string]map[string]string // sheet → cell → value
	}{
		{"nl", map[string]map[string]string{
			"code_frequencies": {"A1": "Factor", "B1": "Code", "C1": "Indeling", "H1": "Aandeel", "I1": "Niet getoond (privacy)", "A2": "Elkaar kennen", "B2": "alle codes"},
			"agreement":        {"D1": "Overeenstemming", "E1": "Cohens κ"},
		}},
		{"en", map[string]map[string]string{
			"code_frequencies": {"C1": "Grouping", "H1": "Share", "A2": "Knowing each other", "B2": "all codes"},
			"agreement":        {"D1": "Agreement", "E1": "Cohen's κ"},
		}},
	} {
		res := exampleResults()
		res.Language = c.lang
		if c.lang == "en" { // the codebook's labels come in the study's language
			res.Codebook.Factors[0].Label = "Knowing each other"
			res.Codebook.Factors[0].Codes[0].Label = "Personal contact"
		}
		b, err := tablesXLSX(res)
		if err != nil {
			t.Fatal(err)
		}
		f, err := excelize.OpenReader(bytes.NewReader(b))
		if err != nil {
			t.Fatal(err)
		}
		for sheet, cells := range c.want {
			for cell, want := range cells {
				if got, _ := f.GetCellValue(sheet, cell); got != want {
					t.Errorf("%s: %s!%s = %q, want %q", c.lang, sheet, cell, got, want)
				}
			}
		}
		codes, _ := f.GetCols("code_frequencies")
		if !slices.Contains(codes[1], res.Codebook.Factors[0].Codes[0].Label) || slices.Contains(codes[1], "kennen.persoonlijk") {
			t.Errorf("%s: the code column holds ids, not labels", c.lang)
		}
		// No snake_case header and no code id left in any sheet's header row, and a
		// Kruskal-Wallis test by its name.
		for _, sheet := range f.GetSheetList() {
			rows, _ := f.GetRows(sheet)
			if len(rows) == 0 {
				continue
			}
			for _, h := range rows[0] {
				if bytes.ContainsAny([]byte(h), "_") {
					t.Errorf("%s: sheet %s has header %q", c.lang, sheet, h)
				}
			}
			if sheet == "comparisons" {
				found := false
				for _, r := range rows[1:] {
					for _, v := range r {
						if v == "kruskal_wallis" {
							t.Errorf("%s: comparisons holds kruskal_wallis", c.lang)
						}
						found = found || v == "Kruskal-Wallis"
					}
				}
				if !found {
					t.Errorf("%s: no Kruskal-Wallis in comparisons", c.lang)
				}
			}
		}
		f.Close()
	}
}

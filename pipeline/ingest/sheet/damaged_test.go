package sheet

import (
	"errors"
	"strings"
	"testing"
)

// A shared string index the workbook lacks or that is no number, and a style that is no
// number, are damaged cells (readers15): the row reads on with the cell as "", the cells
// after it in their columns, and Damaged names the cell with why. 0.9.0 stopped the
// sheet at the first.
func TestDamagedCells(t *testing.T) {
	// The workbook withSheetXML writes has two shared strings.
	for name, tc := range map[string]struct {
		cell string
		want string
	}{
		"index too large":  {`<c r="B2" t="s"><v>99999999</v></c>`, `shared string index "99999999", but the workbook has 2 shared strings`},
		"index negative":   {`<c r="B2" t="s"><v>-1</v></c>`, `shared string index "-1"`},
		"index just over":  {`<c r="B2" t="s"><v>2</v></c>`, `shared string index "2"`},
		"index no number":  {`<c r="B2" t="s"><v>abc</v></c>`, `shared string index "abc"`},
		"style no number":  {`<c r="B2" s="abc"><v>5</v></c>`, `the cell's style "abc" is no number`},
		"style, no value":  {`<c r="B2" s="x"/>`, `the cell's style "x" is no number`},
		"style, formula":   {`<c r="B2" s="x"><f>1+1</f><v>2</v></c>`, `the cell's style "x" is no number`},
		"index, reference": {`<c t="s"><v>7</v></c>`, `shared string index "7"`},
	} {
		t.Run(name, func(t *testing.T) {
			body := sheetHead + `<sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>Respondent</t></is></c></row><row r="2"><c r="A2" t="inlineStr"><is><t>R1</t></is></c>` + tc.cell + `<c r="C2"><v>3</v></c></row><row r="3"><c r="A3" t="inlineStr"><is><t>R2</t></is></c></row></sheetData></worksheet>`
			w, err := Open(withSheetXML(t, "damaged.xlsx", body, nil), testLimits)
			if err != nil {
				t.Fatal(err)
			}
			defer w.Close()
			rows, err := w.Rows(w.Sheets()[0])
			if err != nil {
				t.Fatal(err)
			}
			var got [][]string
			var damaged []Damage
			for rows.Next() {
				got = append(got, rows.Row())
				if rows.Line() == 2 {
					damaged = append(damaged, rows.Damaged()...)
				} else if len(rows.Damaged()) > 0 {
					t.Errorf("row %d: damaged %v", rows.Line(), rows.Damaged())
				}
			}
			if err := rows.Err(); err != nil {
				t.Fatalf("the sheet stopped: %v", err)
			}
			if len(got) != 3 || len(got[1]) != 3 || got[1][0] != "R1" || got[1][1] != "" || got[1][2] != "3" || got[2][0] != "R2" {
				t.Errorf("rows %q; want B2 empty and C2 3", got)
			}
			if len(damaged) != 1 || damaged[0].Col != 1 || !errors.Is(damaged[0].Err, ErrDamagedCell) || !strings.Contains(damaged[0].Err.Error(), tc.want) {
				t.Errorf("damaged %v; want column 1 with %q", damaged, tc.want)
			}
		})
	}
}

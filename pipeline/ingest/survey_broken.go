package ingest

import (
	"slices"
	"strings"

	"github.com/samenspel/samenspel/pipeline/model"
)

// ErrBrokenCell is the reason of a survey cell that holds no value the sheet could give:
// an Excel error value (#DIV/0!, #N/A, #VALUE!: a formula that failed, such as a
// VLOOKUP of a municipality that found none) or a formula without a cached value (read
// as "" on both workbook paths, table_uncomputed.go). Before, an error value was an
// unknown answer under an item, but a municipality, role or respondent id of its own
// ("#N/A") elsewhere, and a formula without a value an empty cell: an answer not given.
// A broken item cell is now a rejected answer; a broken cell that says who the
// respondent is (id, municipality, role, wave) rejects the row, since the respondent
// would be counted in the wrong group; a broken open answer or attribute is a rejected
// cell. Each names file, sheet, row and column. The same values in a text file (a sheet
// saved as CSV keeps "#N/A") are read the same way.
var ErrBrokenCell = model.NewKind("cell without a value", "cel zonder waarde")

// excelErrors are the error values Excel and LibreOffice write in a cell (t="e"), as both
// workbook paths give them, upper-case. A workbook stores the English spelling whatever
// the language of Excel, but a CSV file saved from a sheet holds the value as Excel
// shows it: in the language of its user (attack 14, F05). So the localised spellings of
// the seven classic values are listed too, from Microsoft's function translations:
// Dutch (#N/B, #WAARDE!, #DEEL/0!, #VERW!, #NAAM?, #GETAL!, #LEEG!), German (#NV, #WERT!,
// #BEZUG!, #ZAHL!), French (#VALEUR!, #NOM?, #NOMBRE!, #NUL!), Spanish (#¡VALOR!,
// #¡DIV/0!, #¡REF!, #¿NOMBRE?, #¡NUM!, #¡NULO!) and Italian (#N/D, #VALORE!, #RIF!,
// #NOME?, #NULLO!). No answer label, municipality or id is written so. This is the one
// list of error values (brokenCell): readers of other tables ask brokenCell too.
var excelErrors = []string{"#NULL!", "#DIV/0!", "#VALUE!", "#REF!", "#NAME?", "#NUM!", "#N/A",
	"#GETTING_DATA", "#SPILL!", "#CALC!", "#FIELD!", "#BLOCKED!", "#CONNECT!", "#UNKNOWN!", "#BUSY!", "#PYTHON!",
	"#N/B", "#WAARDE!", "#DEEL/0!", "#VERW!", "#NAAM?", "#GETAL!", "#LEEG!", // Dutch
	"#NV", "#WERT!", "#BEZUG!", "#ZAHL!", // German (#NULL!, #DIV/0!, #NAME? as in English)
	"#VALEUR!", "#NOM?", "#NOMBRE!", "#NUL!", // French (#N/A, #DIV/0!, #REF! as in English)
	"#¡VALOR!", "#¡DIV/0!", "#¡REF!", "#¿NOMBRE?", "#¡NUM!", "#¡NULO!", // Spanish
	"#N/D", "#VALORE!", "#RIF!", "#NOME?", "#NULLO!", // Italian
	// The newer values in the same languages, and Google Sheets' own: sheetErrorValues.
}

// uncomputedSource is a row source that names the cells with a formula and no cached
// value, and the damaged cells (Rows).
type uncomputedSource interface{ CellFaultsAt(line int) cellFaults }

// uncomputedOf is the source's uncomputed cells, through a pendingSource; nil where the
// source cannot tell (a text file has none).
func uncomputedOf(src rowSource) uncomputedSource {
	if p, ok := src.(*pendingSource); ok {
		src = p.rowSource
	}
	u, _ := src.(uncomputedSource)
	return u
}

// brokenCell returns why cell i of the row holds no value, or nil: a damaged cell, an
// Excel error value, or a formula without a cached value (faults, the row's such
// cells: table_damaged_cells.go).
func brokenCell(cell string, i int, faults cellFaults) error {
	// Most cells of most rows: no faults, and no error value (which starts with #, or
	// with E as #ERR:502 is written in LibreOffice's and Calc's exports).
	if len(faults.damaged) == 0 && len(faults.uncomputed) == 0 && (cell == "" || cell[0] != '#' && cell[0] != 'E' && cell[0] != 'e') {
		return nil
	}
	return brokenCellIn(cell, i, faults)
}

// brokenCellIn is brokenCell past its fast path.
func brokenCellIn(cell string, i int, faults cellFaults) error {
	if err := faults.damage(i); err != nil {
		return model.Reasonf("%w: the workbook is damaged in this cell (%v), and no reader can say what it holds; open the file in Excel and save it again",
			"%v: de werkmap is in deze cel beschadigd (%v), en geen lezer kan zeggen wat ze bevat; open het bestand in Excel en sla het opnieuw op", ErrBrokenCell, err)
	}
	// An error value is short: a cell more than four times as long (a rune's upper case
	// has at least one byte) is none, and is not upper-cased (a segment's text that
	// starts with "En" was copied for nothing).
	if cell != "" && (cell[0] == '#' || cell[0] == 'E' || cell[0] == 'e') && len(cell) <= 4*maxErrorValueLen {
		if v := strings.ToUpper(cell); slices.Contains(excelErrors, v) || isSheetErrorValue(v) {
			return model.Reasonf("%w: the Excel error value %s (a formula that could not compute its value); correct the formula or type the value",
				"%v: de Excel-foutwaarde %s (een formule die haar waarde niet kon berekenen); verbeter de formule of typ de waarde", ErrBrokenCell, v)
		}
	}
	if cell == "" && faults.isUncomputed(i) {
		return model.Reasonf("%w: a formula without a computed value (the workbook was saved without computing it); open it in Excel or LibreOffice and save it again, or type the value",
			"%v: een formule zonder berekende waarde (de werkmap is opgeslagen zonder haar te berekenen); open haar in Excel of LibreOffice en sla haar opnieuw op, of typ de waarde", ErrBrokenCell)
	}
	return nil
}

// describesRespondent reports whether a column says who the respondent is: a broken
// cell there rejects the row.
func describesRespondent(u columnUse) bool {
	switch u {
	case useRespondent, useMunicipality, useRole, useWave, useSubmitted, useStatus:
		return true
	}
	return false
}

// respondentColumns are the columns that say who the respondent is.
func respondentColumns(lay *surveyLayout) []int {
	var out []int
	for i, c := range lay.columns {
		if describesRespondent(c.use) {
			out = append(out, i)
		}
	}
	return out
}

// brokenRow returns the first broken cell among the columns that say who the respondent
// is (who: respondentColumns), with why, or -1.
func brokenRow(row []string, who []int, faults cellFaults) (int, error) {
	for _, i := range who {
		if err := brokenCell(strings.TrimSpace(tableCell(row, i)), i, faults); err != nil {
			return i, err
		}
	}
	return -1, nil
}

// tableRespondentColumns are the columns of a respondents table that say who the
// respondent is (id, municipality, role): a broken cell there rejects the row, as in a
// survey, rather than make "#N/A" a municipality.
func tableRespondentColumns(cols map[string]int) []int {
	var out []int
	for _, f := range []string{"respondent", "municipality", "role"} {
		if i, ok := cols[f]; ok {
			out = append(out, i)
		}
	}
	return out
}

package ingest

import (
	"slices"

	"github.com/samenspel/samenspel/pipeline/ingest/sheet"
	"github.com/samenspel/samenspel/pipeline/model"
	"github.com/xuri/excelize/v2"
)

// Damaged cells of a workbook (a shared string index the workbook lacks or that is no
// number, a style that is no number: sheet/damaged.go). Until 0.9.0 the first stopped
// the run; now each is a cell without a value (ErrBrokenCell), as an Excel error value
// is: a rejected answer under an item, a rejected row where it says who the respondent
// is or is a field of a coded segment, a rejected cell elsewhere, with file, sheet, row
// and column, counted in the summary and the report. Both workbook paths name the same
// cells: the fast reader its own (sheet.Rows.Damaged), the excelize path those the scan
// of the worksheet finds (excelizeDamaged), whose values excelize gives are blanked (a
// misread index gives the first shared string, "Respondent"). A damaged cell in the
// first row with a value (the header, or a title above it) still stops the run: the
// table's columns are not known without it.

// damagedCell is a damaged cell of a row: its column (0-based) and why.
type damagedCell struct {
	col int
	err error
}

// cellFaults are a row's cells that hold no value the sheet could give, beside Excel's
// error values (which the cell's text shows): formulas without a cached value
// (table_uncomputed.go) and damaged cells.
type cellFaults struct {
	uncomputed []int
	damaged    []damagedCell
}

// damage returns why cell i is damaged, or nil.
func (f cellFaults) damage(i int) error {
	for _, d := range f.damaged {
		if d.col == i {
			return d.err
		}
	}
	return nil
}

// isUncomputed reports whether cell i holds a formula without a cached value.
func (f cellFaults) isUncomputed(i int) bool { return slices.Contains(f.uncomputed, i) }

// CellFaultsAt returns the cells of the row numbered line, among the rows read so far,
// that hold a formula without a cached value or are damaged; empty for a text file.
func (r *Rows) CellFaultsAt(line int) cellFaults {
	return cellFaults{uncomputed: r.uncomputedAt[line], damaged: r.damagedAt[line]}
}

// noteDamaged keeps a row's damaged cells for CellFaultsAt; the first row with a value
// or a damaged cell is the header (or a title above it): a damaged cell there stops
// the reading.
func (r *Rows) noteDamaged(line int, row []string, cells []damagedCell) bool {
	if !r.valued && (len(cells) > 0 || !emptyRow(row)) {
		r.valued = true
		if len(cells) > 0 {
			ref, _ := excelize.CoordinatesToCellName(cells[0].col+1, line)
			r.err, r.row = damagedAt(r.path, r.sheet, line, ref, model.Reasonf("%v: %w", "%v: %v", cells[0].err, sheet.ErrMalformed)), nil
			return false
		}
	}
	if len(cells) == 0 {
		return true
	}
	if r.damagedAt == nil {
		r.damagedAt = map[int][]damagedCell{}
	}
	r.damagedAt[line] = cells
	return true
}

// fastDamaged copies the fast reader's damaged cells of the current row.
func fastDamaged(d []sheet.Damage) []damagedCell {
	if len(d) == 0 {
		return nil
	}
	out := make([]damagedCell, len(d))
	for i, x := range d {
		out[i] = damagedCell{col: x.Col, err: x.Err}
	}
	return out
}

// blankDamaged blanks the cells of an excelize row that the scan found damaged, and
// returns them.
func (r *Rows) blankDamaged(raw []string) []damagedCell {
	cells := r.sheetDamaged[r.line]
	for _, d := range cells {
		if d.col < len(raw) {
			raw[d.col] = ""
		}
	}
	return cells
}

package ingest

import (
	"bytes"

	"github.com/xuri/excelize/v2"
)

// A formula cell without a cached value (a workbook written by a program that does not
// compute formulas, or saved with calculation off) reads as "" on both paths, as if no
// one had filled it in: an answer lost without a word, a respondent without a
// municipality. Rows names those cells per row (CellFaultsAt), the same on both paths:
// the fast reader sees the missing <v> (sheet.Rows.Uncomputed); on the excelize path a
// cell that reads "" holds such a formula where excelize gives it one and does not give
// it the type of a cached string (t="str": a formula whose result is "", such as
// =IF(A2="";"";A2), is computed, and empty). The readers reject them (survey_broken.go).

// noteUncomputed keeps a row's uncomputed cells for CellFaultsAt.
func (r *Rows) noteUncomputed(line int, cells []int) {
	if len(cells) == 0 {
		return
	}
	if r.uncomputedAt == nil {
		r.uncomputedAt = map[int][]int{}
	}
	r.uncomputedAt[line] = cells
}

// excelizeUncomputed returns the cells of the excelize path's current row (raw) that
// hold a formula without a cached value. Only a workbook with a formula in a worksheet
// (hasFormulas) is asked, cell by cell, about the cells that read "".
func (r *Rows) excelizeUncomputed(raw []string) []int {
	if !r.formulas {
		return nil
	}
	var out []int
	for i, v := range raw {
		if v != "" {
			continue
		}
		ref, err := excelize.CoordinatesToCellName(i+1, r.line)
		if err != nil {
			continue
		}
		if f, err := r.book.GetCellFormula(r.sheet, ref); err != nil || f == "" {
			continue
		}
		if t, err := r.book.GetCellType(r.sheet, ref); err == nil && t == excelize.CellTypeFormula {
			continue // t="str": a cached string, here ""
		}
		out = append(out, i)
	}
	return out
}

// hasFormulas reports whether a worksheet of the workbook holds a formula (an <f>
// element, with or without a namespace prefix), as hasBooleans looks for booleans.
func hasFormulas(book *excelize.File) bool {
	return anyWorksheet(book, func(b []byte) bool {
		return bytes.Contains(b, []byte("<f>")) || bytes.Contains(b, []byte("<f ")) || bytes.Contains(b, []byte(":f>")) || bytes.Contains(b, []byte(":f "))
	})
}

package ingest

import (
	"sort"
	"strconv"
	"strings"

	"github.com/xuri/excelize/v2"

	"github.com/samenspel/samenspel/pipeline/model"
)

// Merged cells. A survey workbook laid out by hand often merges a group's municipality
// or role over the rows of the group (B2:B11 "Bergdorp"): Excel shows the value in every
// row, but the file holds it in the range's first cell only, and the others are empty
// (as pandas, openpyxl and readxl read them). Read that way, every respondent but the
// first of each group would have no municipality and no role, silently. So a sheet
// whose merged ranges run down one column below the header is read again with each
// range's value in every row of it, as Excel shows it, and the summary says so, naming
// the ranges. Ranges over several columns, and those in or above the header, are left
// as the file has them (a header over two columns is a header, not data).
//
// The ranges are listed after the sheet's rows (<mergeCells> follows <sheetData>), so
// they are known only once the rows have been read: a sheet with such ranges is read
// twice, every other sheet once.

// mergedRange is one range merged over rows top..bottom (1-based, as Excel numbers them)
// of column col (0-based).
type mergedRange struct {
	ref              string
	col, top, bottom int
}

// mergedRefs are the sheet's merged ranges once its rows have ended: the fast reader's,
// or excelize's where it read the sheet.
func (r *Rows) mergedRefs() []string {
	if r.fast != nil {
		return r.fast.rows.Merged()
	}
	if r.book == nil {
		return nil
	}
	cells, err := r.book.GetMergeCells(r.sheet)
	if err != nil {
		return nil
	}
	refs := make([]string, len(cells))
	for i, c := range cells {
		refs[i] = c.GetStartAxis() + ":" + c.GetEndAxis()
	}
	return refs
}

// mergedDown are the ranges of refs that run down one column, over two rows or more,
// below the header (line header); nil when there are none.
func mergedDown(refs []string, header int) []mergedRange {
	var out []mergedRange
	for _, ref := range refs {
		from, to, ok := strings.Cut(ref, ":")
		if !ok {
			continue
		}
		c1, r1, err1 := excelize.CellNameToCoordinates(from)
		c2, r2, err2 := excelize.CellNameToCoordinates(to)
		if err1 != nil || err2 != nil || c1 != c2 || r2 <= r1 || r1 <= header {
			continue
		}
		out = append(out, mergedRange{ref: ref, col: c1 - 1, top: r1, bottom: r2})
	}
	sort.Slice(out, func(i, j int) bool {
		if out[i].top != out[j].top {
			return out[i].top < out[j].top
		}
		return out[i].col < out[j].col
	})
	return out
}

// mergedFill puts each range's value (its first row's cell) into the empty cells of
// its other rows, as the rows come in order.
type mergedFill struct {
	ranges []mergedRange // by top row
	next   int           // the first range not yet begun
	active []int         // ranges begun and not ended
	value  []string      // per range, its first cell's value
}

func newMergedFill(ranges []mergedRange) *mergedFill {
	if len(ranges) == 0 {
		return nil
	}
	return &mergedFill{ranges: ranges, value: make([]string, len(ranges))}
}

// apply fills row (of line) and returns it.
func (f *mergedFill) apply(line int, row []string) []string {
	for f.next < len(f.ranges) && f.ranges[f.next].top <= line {
		i := f.next
		f.next++
		if f.ranges[i].top == line && f.ranges[i].col < len(row) {
			f.value[i] = row[f.ranges[i].col]
		}
		f.active = append(f.active, i)
	}
	kept := f.active[:0]
	for _, i := range f.active {
		g := f.ranges[i]
		if g.bottom < line {
			continue
		}
		kept = append(kept, i)
		if line == g.top || f.value[i] == "" {
			continue
		}
		for len(row) <= g.col {
			row = append(row, "")
		}
		if strings.TrimSpace(row[g.col]) == "" {
			row[g.col] = f.value[i]
		}
	}
	f.active = kept
	return row
}

// mergedWarning tells the summary which merged ranges were filled in.
func mergedWarning(path, sheet string, ranges []mergedRange) model.Warning {
	const shownMax = 6
	refs := make([]string, 0, shownMax)
	for i, g := range ranges {
		if i == shownMax {
			refs = append(refs, "...")
			break
		}
		refs = append(refs, g.ref)
	}
	where := ""
	if sheet != "" {
		where = strconv.Quote(sheet) + ": "
	}
	return model.Warning{File: path, Err: model.Reasonf(
		"%s%d range(s) of cells merged over rows (%s) are read with the range's value in every row of it, as Excel shows them (the file holds it in the first row only); check that this is what the rows mean",
		"%s%d bereik(en) van over rijen samengevoegde cellen (%s) zijn gelezen met de waarde van het bereik in elke rij ervan, zoals Excel ze toont (het bestand heeft die alleen in de eerste rij); kijk na of de rijen dat bedoelen",
		where, len(ranges), strings.Join(refs, ", "))}
}

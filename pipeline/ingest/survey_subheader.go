package ingest

import (
	"slices"
	"strings"
)

// A survey workbook made by hand often has its header in two rows, and so do exports
// that add the question texts below the item ids:
//   - a group header in the first row, merged over the items it heads ("Stellingen over
//     elkaar kennen" over D1:G1), and the items' ids in the second; where A1 is not
//     merged, as in most hand-made sheets, the second row repeats "Respondent" there;
//   - the item ids in the first row and the question texts in the second, the
//     respondent cell empty.
//
// Read as one header row, the first kind leaves the items under no header (not one
// answer read, the row of ids a respondent); the second makes the row of texts a
// respondent who gave unknown answers.
//
// subHeader looks at the rows after a generic survey's header, up to maxHeaderRows in
// all. A row can only be a header row where it names no respondent: its respondent cell
// is empty, repeats the header's cell above it, or is itself a respondent column's name
// ("Respondent", "ID"). Such a row is read as part of the header where
//   - laid over the header (each of its cells taking the place of the header's cell
//     above it), it names more of the codebook's items than the header alone (ids under
//     a group header), or
//   - every one of its cells under an item column that is not empty names that same item
//     (by id or question text), and at least one does: the questions restated.
//
// A data row does neither: its cells under the items are answers, which name no item.
// The first row that is no header row is handed back as the first data row
// (lay.pending).
const maxHeaderRows = 3

func subHeader(rows *Rows, header []string, lay *surveyLayout, opt Options) ([]string, *surveyLayout, error) {
	for n := 1; n < maxHeaderRows; n++ {
		if !rows.Next() {
			return header, lay, rows.Err()
		}
		next, line := slices.Clone(rows.Row()), rows.Line()
		if !namesNoRespondent(next, header, lay) {
			lay.pending, lay.pendingLine = next, line
			return header, lay, nil
		}
		merged := slices.Clone(header)
		for len(merged) < len(next) {
			merged = append(merged, "")
		}
		for i, v := range next {
			if strings.TrimSpace(v) != "" {
				merged[i] = v
			}
		}
		if two, err := genericSurveyLayout(merged, opt); err == nil && itemColumns(two) > itemColumns(lay) {
			header, lay = merged, two
			continue
		}
		if restatesItems(next, lay, opt) {
			continue
		}
		lay.pending, lay.pendingLine = next, line
		return header, lay, nil
	}
	return header, lay, nil
}

// namesNoRespondent reports whether a row leaves every respondent column empty or holds
// a header there: the header's own cell above it, or a respondent column's name.
func namesNoRespondent(row, header []string, lay *surveyLayout) bool {
	for i, c := range lay.columns {
		if c.use != useRespondent {
			continue
		}
		v := foldName(tableCell(row, i))
		if v == "" || v == foldName(tableCell(header, i)) {
			continue
		}
		if !slices.ContainsFunc(respondentHeaders, func(h string) bool { return foldName(h) == v }) {
			return false
		}
	}
	return true
}

// restatesItems reports whether a row's non-empty cells under the layout's item columns
// each name that column's item, and at least one does.
func restatesItems(row []string, lay *surveyLayout, opt Options) bool {
	named := 0
	for i, c := range lay.columns {
		v := strings.TrimSpace(tableCell(row, i))
		if c.use != useItem || v == "" {
			continue
		}
		it, _, _, ok := matchItem(opt, []string{v})
		if !ok || it.ID != c.item.ID {
			return false
		}
		named++
	}
	return named > 0
}

// itemColumns counts a layout's columns read as items.
func itemColumns(lay *surveyLayout) int {
	n := 0
	for _, c := range lay.columns {
		if c.use == useItem {
			n++
		}
	}
	return n
}

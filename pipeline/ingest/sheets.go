package ingest

import (
	"encoding/xml"
	"io"
	"path/filepath"
	"sort"
	"strings"

	"github.com/samenspel/samenspel/pipeline/model"
)

// A workbook may hold its table on several sheets: a survey with a sheet per
// municipality, codings with a sheet per interview. Reading only the first sheet lost
// the others without a word. Where study.yaml names no sheet, every sheet whose header
// (its first row with text) is the first sheet's is read as part of the same table: each
// sheet gets its own Dataset.Files entry (FileCount.Sheet), and rejects name their
// sheet. A sheet with another header (a codebook, an information sheet) is not read,
// and a warning names it and says how to read it (sheet: in an entry of its own); so is
// a hidden sheet, whatever its header (a lookup list, an old copy). A sheet without text
// is passed over. In a survey, a respondent id that an earlier sheet
// already holds is a duplicate, as it is within one sheet (readResponses).
//
// With `sheet:` given, that sheet alone is read, as before.

// workbookSheet is a sheet as xl/workbook.xml lists it.
type workbookSheet struct {
	Name  string `xml:"name,attr"`
	State string `xml:"state,attr"` // hidden or veryHidden for a hidden sheet
}

// workbookSheets lists the sheets of a workbook in workbook order, from xl/workbook.xml
// alone: the shared strings and styles, which opening a sheet reads, are not needed to
// know whether there is more than one sheet. nil for anything that is not a workbook.
func workbookSheets(in *input) []workbookSheet {
	ext := strings.ToLower(filepath.Ext(in.path))
	if (ext != ".xlsx" && ext != ".xlsm") || !isZip(in.data) {
		return nil
	}
	z, err := in.archive()
	if err != nil {
		return nil // reading the first sheet reports it
	}
	for _, f := range z.File {
		if !strings.EqualFold(strings.ReplaceAll(f.Name, "\\", "/"), "xl/workbook.xml") {
			continue
		}
		if f.UncompressedSize64 > 16<<20 {
			return nil
		}
		rc, err := f.Open()
		if err != nil {
			return nil
		}
		defer rc.Close()
		var wb struct {
			Sheets []workbookSheet `xml:"sheets>sheet"`
		}
		if err := xml.NewDecoder(io.LimitReader(rc, 16<<20)).Decode(&wb); err != nil {
			return nil
		}
		return wb.Sheets
	}
	return nil
}

// sheetHeader is a sheet's first row with text, nil for a sheet without any.
func sheetHeader(in *input, sheet string) ([]string, error) {
	rows, err := in.rows(sheet)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	for rows.Next() {
		if row := rows.Row(); !blankRow(row) {
			return append([]string(nil), row...), nil
		}
	}
	return nil, rows.Err()
}

// sameHeader compares two header rows as columns are matched (case, accents and spacing
// aside), ignoring empty cells at the end: the same names in any order are the same
// table, since every reader finds its columns by name (a colleague's copy of the
// template with the items in another order was skipped, its rows in no count; attack
// 16 F04). A survey's rows are compared across such sheets in the order of their
// column names (canonicalOrder).
func sameHeader(a, b []string) bool {
	trim := func(r []string) []string {
		for len(r) > 0 && strings.TrimSpace(r[len(r)-1]) == "" {
			r = r[:len(r)-1]
		}
		return r
	}
	a, b = trim(a), trim(b)
	if len(a) != len(b) {
		return false
	}
	names := map[string]int{}
	for i := range a {
		names[foldName(strings.TrimPrefix(a[i], "\ufeff"))]++
		names[foldName(strings.TrimPrefix(b[i], "\ufeff"))]--
	}
	for _, n := range names {
		if n != 0 {
			return false
		}
	}
	return true
}

// canonicalOrder returns the columns of a header in the order of their folded names (nil
// where they are in that order already), so that the rows of two sheets whose headers
// hold the same names in another order compare cell by cell.
func canonicalOrder(headers []string) []int {
	order := make([]int, len(headers))
	for i := range order {
		order[i] = i
	}
	sort.SliceStable(order, func(i, j int) bool { return foldName(headers[order[i]]) < foldName(headers[order[j]]) })
	if sort.IntsAreSorted(order) {
		return nil
	}
	return order
}

// inOrder returns row's cells in order (the cells past it after them), or row itself
// where order is nil.
func inOrder(row []string, order []int) []string {
	if order == nil {
		return row
	}
	out := make([]string, 0, len(row))
	for _, i := range order {
		out = append(out, tableCell(row, i))
	}
	if len(row) > len(order) {
		out = append(out, row[len(order):]...)
	}
	return out
}

// sheetHidden reports whether a sheet's state hides it in Excel.
func sheetHidden(state string) bool { return state == "hidden" || state == "veryHidden" }

// readSheets reads a workbook's first visible sheet with read and, where study.yaml names
// no sheet, the other sheets with the same header (see the top of this file). ok is false
// when the input is not a workbook of several sheets, for the caller to read it as one
// table.
func readSheets(in *input, opt Options, survey bool, read func(string, Options) (model.Dataset, error)) (ds model.Dataset, ok bool, err error) {
	if opt.Sheet != "" {
		return ds, false, nil
	}
	sheets := workbookSheets(in)
	if len(sheets) < 2 {
		return ds, false, nil
	}
	// The first visible sheet is the table: a hidden first sheet (test responses, an
	// old copy) was read as data, 10 respondents for 5 (an attack on the readers, F06).
	base := 0
	for base < len(sheets) && sheetHidden(sheets[base].State) {
		base++
	}
	if base == len(sheets) {
		base = 0
	}
	first, err := sheetHeader(in, sheets[base].Name)
	if err != nil || first == nil {
		if base > 0 {
			return ds, false, model.Reasonf("%s: %s: the first visible sheet holds no table; name the sheet to read: sheet: ...",
				"%s: %s: het eerste zichtbare blad bevat geen tabel; noem het blad dat gelezen moet worden: sheet: ...", in.path, model.Place(sheets[base].Name, 0, ""))
		}
		return ds, false, nil // the first sheet alone, as before: its reader says what is wrong
	}
	same := []string{sheets[base].Name}
	var other []*SheetNotRead
	for i, s := range sheets {
		if i == base {
			continue
		}
		h, err := sheetHeader(in, s.Name)
		hidden := sheetHidden(s.State)
		switch {
		case err != nil || h == nil:
			// No text (or no table, as a chart sheet): nothing to read or to lose.
		case sameHeader(first, h) && !hidden:
			same = append(same, s.Name)
		default:
			// A hidden sheet is a lookup list or an old copy more often than data.
			other = append(other, &SheetNotRead{Path: in.path, Sheet: s.Name, First: sheets[base].Name, Hidden: hidden})
		}
	}
	if len(same) == 1 && len(other) == 0 && base == 0 {
		return ds, false, nil
	}
	// A survey's sheets are read again where the first reading found versions of a
	// response on two sheets that their times order (survey_overlap_sheets.go), with the
	// older rows rejected; each reading may find more (a third sheet's version against
	// the one now counted), so until one finds none.
	older := map[sheetRow]sheetRow{}
	var parts []model.Dataset // each sheet's, for sheetsPerCoder
	for {
		found := len(older)
		ds, parts = model.Dataset{}, nil
		earlier := map[string]earlierResponse{} // respondent key -> the sheet and row that hold it: survey_overlap_sheets.go
		for _, s := range same {
			o := opt
			o.Sheet = s
			if survey && len(same) > 1 {
				o.earlierSheets, o.olderSheetRows = earlier, older
			}
			part, err := read(in.path, o)
			if err != nil {
				return ds, true, err
			}
			for i := range part.Files {
				if len(same) > 1 {
					part.Files[i].Sheet = s
				}
			}
			part.Warnings = notYetWarned(&ds, part.Warnings) // the sheets share a header and its warnings
			if !survey && len(same) > 1 && opt.Coder == "" {
				parts = append(parts, part)
			}
			ds.Merge(part)
		}
		if len(older) == found { // each reading that goes on rejects one more row: it ends
			break
		}
	}
	if err := sheetsPerCoder(in.path, same, parts); len(parts) > 1 && err != nil { // sheets_per_coder.go
		return ds, true, err
	}
	for _, w := range other {
		ds.Warnings = append(ds.Warnings, model.Warning{File: w.Path, Err: w})
	}
	return ds, true, nil
}

// SheetNotRead is the warning for a workbook's sheet with text that was not read: its
// header differs from the first sheet's. Path is the file as the reader was given it;
// In words it with another (the study-relative path).
type SheetNotRead struct {
	Path, Sheet, First string
	Hidden             bool // hidden in the workbook: not read whatever its header
}

// Error and Dutch give the warning without the file's name, which model.Warning.File
// holds (the pipeline puts it before the warning, as the outputs name the file).
func (w *SheetNotRead) Error() string { return w.text().Error() }
func (w *SheetNotRead) Dutch() string { return model.Dutch(w.text()) }

// In is the warning in both languages, naming the file as path.
func (w *SheetNotRead) In(path string) error {
	return model.Reasonf("%s: %w", "%s: %v", path, w.text())
}

func (w *SheetNotRead) text() error {
	if w.Hidden {
		return model.Reasonf(
			"sheet %q was not read: it is hidden; to read it, give it an entry of its own in study.yaml with sheet: %q",
			"blad %q is niet gelezen: het is verborgen; geef het een eigen regel in study.yaml met sheet: %q om het te lezen",
			w.Sheet, w.Sheet)
	}
	return model.Reasonf(
		"sheet %q was not read: its header differs from sheet %q's; to read it, give it an entry of its own in study.yaml with sheet: %q",
		"blad %q is niet gelezen: de kopregel verschilt van die van blad %q; geef het een eigen regel in study.yaml met sheet: %q om het te lezen",
		w.Sheet, w.First, w.Sheet)
}

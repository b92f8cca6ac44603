package ingest

import (
	"archive/zip"
	"errors"
	"github.com/samenspel/samenspel/pipeline/ingest/sheet"
	"github.com/samenspel/samenspel/pipeline/model"
)

// The fast reader of .xlsx sheets, behind OpenRows: package sheet reads the workbooks
// it understands, from the input in memory once checkArchive has passed it; excelize
// reads the others, also when the fast reader meets something it does not understand
// part of the way through a sheet (it then takes over from the next row).

// fastLimits are the archive limits as package sheet takes them: checkArchive has
// bounded the entries' declared sizes, to which archive/zip holds them, so the fast
// reader adds the bound on all it unpacks and the depth of XML.
var fastLimits = sheet.Limits{
	MaxEntries:   MaxWorkbookEntries,
	MaxEntrySize: MaxArchiveSize,
	MaxTotalSize: MaxArchiveSize,
	MaxXMLDepth:  MaxXMLDepth,
}

// useFastReader is false only in BenchmarkReadSurvey's xlsx-excelize, which measures
// the excelize path beside the fast one.
var useFastReader = true

// fastSheet is a sheet open in the fast reader; the input holds its workbook.
type fastSheet struct {
	in   *input
	rows *sheet.Rows
}

func (f *fastSheet) close() {
	f.rows.Close()
}

// openZip is sheet.OpenZip; tests replace it to count the workbooks opened.
var openZip = sheet.OpenZip

// fastWorkbook opens the input in the fast reader once: the archive's directory, the
// workbook part, its relations, the shared strings and the styles are read once for
// every sheet (the headers of a workbook's sheets, then their rows; sheets.go), not
// once per sheet read. nil and no error when the fast reader leaves the workbook to
// excelize.
func (in *input) fastWorkbook() (*sheet.Workbook, error) {
	if in.fastTried {
		return in.fast, in.fastErr
	}
	in.fastTried = true
	z, err := in.archive()
	if err != nil {
		in.fastErr = err
		return nil, err
	}
	book, err := openZip(in.path, z, fastLimits)
	if err != nil {
		in.fastErr = fastError(err)
		return nil, in.fastErr
	}
	in.fast = book
	return book, nil
}

// archive checks the input as a workbook archive and opens its directory, once.
func (in *input) archive() (*zip.Reader, error) {
	if in.zip == nil && in.zipErr == nil {
		in.zip, in.zipErr = checkArchive(in.path, in.data, workbookArchive)
	}
	return in.zip, in.zipErr
}

// openFastWorkbook opens the sheet asked for in the fast reader. It returns nil and no
// error when the fast reader does not read the workbook, so excelize should.
func openFastWorkbook(in *input, name string) (*Rows, error) {
	if !useFastReader {
		return nil, nil
	}
	path := in.path
	book, err := in.fastWorkbook()
	if book == nil || err != nil {
		return nil, err
	}
	picked, err := pickSheet(path, book.Sheets(), name)
	if err != nil {
		return nil, err
	}
	rows, err := book.Rows(picked)
	if err != nil {
		return nil, fastError(err)
	}
	return &Rows{path: path, sheet: picked, fast: &fastSheet{in: in, rows: rows}}, nil
}

// fastError is nil for a workbook the fast reader leaves to excelize, and otherwise the
// error as ingest reports it: a broken archive limit, or a malformed sheet (which
// excelize would read with values in the wrong columns).
func fastError(err error) error {
	switch {
	case errors.Is(err, sheet.ErrTooDeep):
		return fastFailure{err, ErrXMLTooDeep}
	case errors.Is(err, sheet.ErrTooLarge):
		return fastFailure{err, ErrTooLarge}
	case errors.Is(err, sheet.ErrMalformed):
		return fastFailure{err, ErrNotTable}
	}
	return nil
}

// fastFailure is an error of the fast reader that ends the reading, wrapping the sentinel
// ingest uses for it.
type fastFailure struct {
	err      error
	sentinel error
}

func (e fastFailure) Error() string        { return e.err.Error() }
func (e fastFailure) Unwrap() []error      { return []error{e.err, e.sentinel} }
func (e fastFailure) Is(target error) bool { return target == e.sentinel }

// Dutch is the Dutch text of err where it has one (model.Dutch cannot see through the
// two errors Unwrap gives).
func (e fastFailure) Dutch() string { return model.Dutch(e.err) }

// nextFastRow reads the next row with the fast reader; where it gives up, excelize
// opens the sheet, skips the rows already read and goes on.
func (r *Rows) nextFastRow() bool {
	f := r.fast
	if f.rows.Next() {
		r.line, r.row, r.hidden = f.rows.Line(), f.rows.Row(), f.rows.Hidden()
		r.uncomputed = nil
		if u := f.rows.Uncomputed(); len(u) > 0 {
			r.uncomputed = append([]int(nil), u...) // table_uncomputed.go
		}
		r.damaged = fastDamaged(f.rows.Damaged()) // table_damaged_cells.go
		return true
	}
	err := f.rows.Err()
	if err == nil {
		return false
	}
	if lim := fastError(err); lim != nil {
		r.err, r.row = lim, nil
		return false
	}
	f.close()
	r.fast = nil
	slow, slowErr := openExcelize(f.in, r.sheet)
	if slowErr != nil {
		r.err = slowErr
		return false
	}
	for slow.line < r.line {
		if !slow.nextWorkbookRow() {
			// slow.Close, not its iterators' Close: nextWorkbookRow drops the view
			// after formatSampleRows (nil; the panic of attack 12 F12).
			slow.Close()
			if slow.err != nil {
				r.err = slow.err
			} else {
				r.err = unreadableSheet(r.line, err)
			}
			return false
		}
	}
	r.book, r.raw, r.view, r.date1904 = slow.book, slow.raw, slow.view, slow.date1904
	r.viewed, r.dateShown, r.booleans, r.formulas = slow.viewed, slow.dateShown, slow.booleans, slow.formulas
	r.sheetDamaged = slow.sheetDamaged
	return r.nextWorkbookRow()
}

// cellText chooses what a cell says given its raw and its formatted value: see
// sheet.CellText.
func cellText(raw, view string, date1904 bool) string {
	return sheet.CellText(raw, view, date1904)
}

// unreadableSheet is the error of a sheet that the fast reader gave up on (fastErr,
// which names file, sheet and row) and that excelize, taking over, ends before the row
// reached (line): both readers fail on the worksheet's XML, a damaged file whose rows
// after that point no reader can be trusted with. It wraps ErrNotTable and, as the
// worksheet is malformed, sheet.ErrMalformed.
func unreadableSheet(line int, fastErr error) error {
	return fastFailure{model.Reasonf("%v; excelize, which takes over there, reads fewer than the %d rows before it: the worksheet is damaged: %w; open the file in Excel and save it again, or export the sheet as .csv",
		"%v; excelize, dat het daar overneemt, leest minder dan de %d rijen ervoor: het werkblad is beschadigd: %v; open het bestand in Excel en sla het opnieuw op, of exporteer het blad als .csv",
		fastErr, line, ErrNotTable), sheet.ErrMalformed}
}

package ingest

import (
	"hash/maphash"
	"sort"
	"strings"

	"github.com/samenspel/samenspel/pipeline/model"
)

// The same response on two sheets of one workbook (readers15), by the rules for two
// exports of one survey (pipeline/survey_overlap.go): the sheets a workbook's survey is
// read from share their header (sheets.go), and a respondent id that an earlier sheet
// holds was a duplicate, rejected. Now a row whose every cell an earlier sheet's row of
// that id holds too is the same response: counted once, from the earlier sheet, and a
// rejected row of this one (ErrSameResponse, FileCount.SameResponses: it loses
// nothing), with one warning per pair of sheets. The same id with other answers is two
// versions of a response, or two respondents the sheets number alike (each sheet from
// 1). Where the rows' own times order them (a later submit or change time, a submitted
// version beside one that is not: LaterVersion, as across files), the later one counts,
// with a warning per pair of sheets, and the other is a rejected row that loses nothing
// (readers16; until 0.10.0 every such pair stopped the reading): the first reading of
// the sheets finds the pairs (sheetOverlap.resolve), and a second one reads them with
// the older rows rejected (Options.olderSheetRows). Where nothing orders them (no time
// columns, the same times) which is right only the researcher knows, so the reading
// stops, naming both sheets and rows.

// sheetRow is a row of a sheet of the workbook being read.
type sheetRow struct {
	sheet string
	line  int
}

// sheetConflict is a row of this sheet whose respondent an earlier sheet holds with
// other answers: print is its version's times (SubmitTime from stamp column from).
type sheetConflict struct {
	e     earlierResponse
	id    string
	line  int
	print model.ResponsePrint
	from  int
}

// earlierResponse is where an earlier sheet holds a respondent, and its row's print.
type earlierResponse struct {
	sheet string
	line  int
	same  uint64
	// print is the row's times once its sheet is read (settled); timed: it has them.
	print model.ResponsePrint
	timed bool
}

// sheetOverlap follows one sheet's rows against the earlier sheets' (earlier, shared by
// the sheets of a workbook; nil for a file or sheet read alone).
type sheetOverlap struct {
	path, sheet string
	earlier     map[string]earlierResponse
	pairs       map[string]int // earlier sheet -> rows of this sheet it holds
	// older: the workbook's rows that are older versions of a response, with the row of
	// its later version (shared by the sheets and their readings); olders: per sheet of
	// a later version, the rows of this sheet it makes older.
	older     map[sheetRow]sheetRow
	olders    map[string]int
	printed   []notedPrint
	conflicts []sheetConflict
}

// notedPrint is an accepted row's respondent key and its print in the sheet's Prints.
type notedPrint struct {
	key   string
	print int
}

// note records an accepted row of this sheet for the sheets after it (a second reading
// of the sheet, with its merged cells filled in, replaces the first's).
// print is the row's index in the dataset's Prints, -1 where it has none.
func (o *sheetOverlap) note(key string, line int, row []string, print int) {
	if o.earlier == nil {
		return
	}
	if e, ok := o.earlier[key]; !ok || e.sheet == o.sheet {
		o.earlier[key] = earlierResponse{sheet: o.sheet, line: line, same: sheetRowPrint(row)}
		if print >= 0 {
			o.printed = append(o.printed, notedPrint{key, print})
		}
	}
}

// settled gives the sheets after this one the times of its rows, once its prints are
// settled (printer.settle writes their dates from the year on).
func (o *sheetOverlap) settled(prints []model.ResponsePrint) {
	for _, n := range o.printed {
		if e, ok := o.earlier[n.key]; ok && e.sheet == o.sheet {
			e.print, e.timed = prints[n.print], true
			o.earlier[n.key] = e
		}
	}
	o.printed = nil
}

// olderVersion returns the reason of a row that another sheet holds in a later version
// (a second reading: older), or nil.
func (o *sheetOverlap) olderVersion(line int) error {
	later, ok := o.older[sheetRow{o.sheet, line}]
	if !ok {
		return nil
	}
	if o.olders == nil {
		o.olders = map[string]int{}
	}
	o.olders[later.sheet]++
	return model.Reasonf("%w: an older version of a response (the same id, other answers) whose later version is in sheet %q, row %d, where it is counted (submitted or changed after this one)",
		"%v: een oudere versie van een respons (dezelfde id, andere antwoorden) waarvan de latere versie in blad %q, regel %d staat, waar ze telt (na deze verstuurd of gewijzigd)", ErrSameResponse, later.sheet, later.line)
}

// conflict notes a row whose respondent e holds with other answers, for resolve to
// order once the sheet is read; false where nothing can (no times to read: p nil),
// and the reading stops as before.
func (o *sheetOverlap) conflict(p *printer, e earlierResponse, id string, line int, row []string) bool {
	if p == nil || !e.timed || o.older == nil {
		return false
	}
	r, from := p.pending(row)
	o.conflicts = append(o.conflicts, sheetConflict{e: e, id: strings.Clone(id), line: line, print: r, from: from})
	return true
}

// resolve orders, once the sheet is read and its dates known (p settled), each row
// conflict noted: the older version goes into older for the next reading. Two versions
// whose times do not order them stop the reading.
func (o *sheetOverlap) resolve(p *printer) error {
	for _, c := range o.conflicts {
		p.orderDates(&c.print, c.from)
		this, that := sheetRow{o.sheet, c.line}, sheetRow{c.e.sheet, c.e.line}
		switch LaterVersion(&c.print, &c.e.print) {
		case 1:
			o.older[that] = this
		case -1:
			o.older[this] = that
		default:
			return otherAnswers(o.path, c.e, o.sheet, c.line, c.id)
		}
	}
	o.conflicts = nil
	return nil
}

// otherAnswers is the stop where two sheets hold one respondent with other answers and
// nothing orders them.
func otherAnswers(path string, e earlierResponse, sheet string, line int, id string) error {
	return model.Reasonf("%[1]s: sheet %[2]q row %[3]d and sheet %[4]q row %[5]d hold respondent %[6]q with other answers: one sheet holds an older version of the response, or the sheets number their respondents alike (each from 1); keep one version, or give every respondent an id of their own",
		"%[1]s: blad %[2]q regel %[3]d en blad %[4]q regel %[5]d bevatten respondent %[6]q met andere antwoorden: het ene blad bevat een oudere versie van de respons, of de bladen nummeren hun respondenten gelijk (elk vanaf 1); houd één versie, of geef elke respondent een eigen id",
		path, e.sheet, e.line, sheet, line, id)
}

// sheetRowPrint is the print of a row's cells, without its trailing empty cells: the
// sheets share their header (case and spaces aside, sameHeader), so their rows are
// compared by their cells alone.
func sheetRowPrint(row []string) uint64 {
	for len(row) > 0 && strings.TrimSpace(row[len(row)-1]) == "" {
		row = row[:len(row)-1]
	}
	var h maphash.Hash
	h.SetSeed(printSeed)
	var buf []byte
	return rowPrint(h, row, &buf)
}

// same returns the reason for a row of this sheet whose respondent e holds, where its
// cells are e's (same), or the error that stops the reading where they are not.
// same returns the reason for a row of this sheet whose respondent e holds, where its
// cells are e's (same); otherAnswers where they are not (conflict orders such rows
// where their times can).
func (o *sheetOverlap) same(e earlierResponse, id string, line int, same uint64) (error, error) {
	if same != e.same {
		return nil, otherAnswers(o.path, e, o.sheet, line, id)
	}
	if o.pairs == nil {
		o.pairs = map[string]int{}
	}
	o.pairs[e.sheet]++
	return model.Reasonf("%w: the same response (id, and every cell) is in sheet %q, row %d, where it is counted",
		"%v: dezelfde respons (id, en elke cel) staat in blad %q, regel %d, waar ze telt", ErrSameResponse, e.sheet, e.line), nil
}

// warnings are the warnings per earlier sheet that holds rows of this one.
func (o *sheetOverlap) warnings() []model.Warning {
	var sheets []string
	for s := range o.pairs {
		sheets = append(sheets, s)
	}
	sort.Strings(sheets)
	var out []model.Warning
	for _, s := range sheets {
		out = append(out, model.Warning{File: o.path, Err: model.Reasonf(
			"%[1]d response(s) of sheet %[2]q are in sheet %[3]q too, every cell the same (a sheet copied?): each is counted once, from sheet %[3]q; the rows of sheet %[2]q are in rejects.csv",
			"%[1]d respons(en) van blad %[2]q staan ook in blad %[3]q, elke cel gelijk (een gekopieerd blad?): elk telt één keer, uit blad %[3]q; de regels van blad %[2]q staan in rejects.csv",
			o.pairs[s], o.sheet, s)})
	}
	var later []string
	for s := range o.olders {
		later = append(later, s)
	}
	sort.Strings(later)
	for _, s := range later {
		out = append(out, model.Warning{File: o.path, Err: model.Reasonf(
			"%[1]d response(s) of sheet %[2]q are in sheet %[3]q in a later version (the same id, other answers, submitted or changed later): the later version counts, from sheet %[3]q; the rows of sheet %[2]q are in rejects.csv",
			"%[1]d respons(en) van blad %[2]q staan in blad %[3]q in een latere versie (dezelfde id, andere antwoorden, later verstuurd of gewijzigd): de latere versie telt, uit blad %[3]q; de regels van blad %[2]q staan in rejects.csv",
			o.olders[s], o.sheet, s)})
	}
	return out
}

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
// 1): which is right only the researcher knows, so the reading stops, naming both
// sheets and rows.

// earlierResponse is where an earlier sheet holds a respondent, and its row's print.
type earlierResponse struct {
	sheet string
	line  int
	same  uint64
}

// sheetOverlap follows one sheet's rows against the earlier sheets' (earlier, shared by
// the sheets of a workbook; nil for a file or sheet read alone).
type sheetOverlap struct {
	path, sheet string
	earlier     map[string]earlierResponse
	pairs       map[string]int // earlier sheet -> rows of this sheet it holds
}

// note records an accepted row of this sheet for the sheets after it (a second reading
// of the sheet, with its merged cells filled in, replaces the first's).
func (o *sheetOverlap) note(key string, line int, row []string) {
	if o.earlier == nil {
		return
	}
	if e, ok := o.earlier[key]; !ok || e.sheet == o.sheet {
		o.earlier[key] = earlierResponse{sheet: o.sheet, line: line, same: sheetRowPrint(row)}
	}
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
	return rowPrint(h, row)
}

// same returns the reason for a row of this sheet whose respondent e holds, where its
// cells are e's (same), or the error that stops the reading where they are not.
func (o *sheetOverlap) same(e earlierResponse, id string, line int, same uint64) (error, error) {
	if same != e.same {
		return nil, model.Reasonf("%[1]s: sheet %[2]q row %[3]d and sheet %[4]q row %[5]d hold respondent %[6]q with other answers: one sheet holds an older version of the response, or the sheets number their respondents alike (each from 1); keep one version, or give every respondent an id of their own",
			"%[1]s: blad %[2]q regel %[3]d en blad %[4]q regel %[5]d bevatten respondent %[6]q met andere antwoorden: het ene blad bevat een oudere versie van de respons, of de bladen nummeren hun respondenten gelijk (elk vanaf 1); houd één versie, of geef elke respondent een eigen id",
			o.path, e.sheet, e.line, o.sheet, line, id)
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
	return out
}

package ingest

import (
	"crypto/sha1"
	"encoding/hex"
	"fmt"
	"maps"
	"regexp"
	"slices"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/samenspel/samenspel/pipeline/model"
)

// ErrSegmentConflict is wrapped by the reject of a row that reuses a segment id for a
// different text.
var ErrSegmentConflict = model.NewKind("segment id reused for a different text", "fragmentcode opnieuw gebruikt voor een andere tekst")

// ErrCodeList is wrapped by the reject of a row whose cell of codes cannot be split into
// the codes it holds.
var ErrCodeList = model.NewKind("codes cannot be told apart", "codes niet van elkaar te scheiden")

// segmentLayout describes a coded-segment table: one row per segment and code (or per
// segment with all its codes in one cell), as a coding tool exports it.
type segmentLayout struct {
	format string
	// fields maps a field (respondent, segment, text, code, coder, document,
	// municipality, role, and layout-specific ones) to its header names.
	fields map[string][]string
	// required fields; a group "a|b" needs one of them.
	required []string
	// headerRows is how many rows may sit above the header (MAXQDA writes a title).
	headerRows int
	// splitCodes splits a code cell into code names.
	splitCodes func(string) []string
	// document cleans a document name as written (ATLAS.ti prefixes a number).
	document func(string) string
	// attributeColumns gives the columns that hold document or case variables, by
	// column index, with the attribute's name.
	attributeColumns func(header []string, cols map[string]int) map[int]string
	// groups turns a cell of the "groups" field into attributes ("gemeente: Bergdorp").
	groups func(string) map[string]string
	// code composes the code name from the row where it takes more than one column.
	code func(get func(string) string) string
	// codes splits the row's code cell where that needs more of the row than the cell
	// (ATLAS.ti's Number of Codes); an error rejects the row.
	codes func(get func(string) string) ([]string, error)
	// segmentKey builds a segment's id from the row; nil means the segment column, else
	// a digest of document (or respondent) and text.
	segmentKey func(get func(string) string, doc, respondent, text string) string
}

// genericLayout is the layout of DESIGN.md: respondent, segment, text, code, coder,
// document, municipality, role.
var genericLayout = segmentLayout{
	format: "generic",
	fields: map[string][]string{
		"respondent": {"respondent", "respondent id", "respondentnummer", "deelnemer", "deelnemer id", "participant", "participant id", "geinterviewde"},
		"segment":    {"segment", "segment id", "segment_id", "segmentnummer", "fragment id", "fragment_id", "fragmentnummer", "quote id"},
		"text":       {"tekst", "text", "fragment", "quote", "citaat", "segment text", "segmenttekst", "fragmenttekst", "passage"},
		"code":       {"code", "codes", "label"},
		// the coder as the QDA tools' exports head it, tidied in Excel (created by,
		// author, auteur) and as a hand-made table does (gebruiker, user), attack 17 F18
		"coder":        {"codeur", "coder", "codeerder", "gecodeerd door", "coded by", "beoordelaar", "rater", "created by", "aangemaakt door", "gemaakt door", "author", "auteur", "gebruiker", "user"},
		"document":     {"document", "bestand", "file", "interview", "transcript"},
		"municipality": municipalityHeaders,
		"role":         roleHeaders,
		"wave":         waveHeaders, // segments_wave.go
	},
	required:   []string{"respondent", "text"},
	headerRows: 10,
	splitCodes: splitCodeCell,
}

// readGeneric reads the generic coded-segment layout.
func readGeneric(path string, opt Options) (model.Dataset, error) {
	return readSegmentTable(path, opt, genericLayout)
}

// splitCodeCell splits a cell holding several codes on ";" and line breaks.
func splitCodeCell(s string) []string {
	if !strings.ContainsAny(s, ";\n\r") { // one code, as most rows hold
		if s = strings.TrimSpace(s); s == "" {
			return nil
		}
		return []string{s}
	}
	return splitOn(s, func(r rune) bool { return r == ';' || r == '\n' || r == '\r' })
}

// splitLines splits a cell holding one code per line.
func splitLines(s string) []string {
	return splitOn(s, func(r rune) bool { return r == '\n' || r == '\r' })
}

func splitOn(s string, sep func(rune) bool) []string {
	var out []string
	for _, p := range strings.FieldsFunc(s, sep) {
		if p = strings.TrimSpace(p); p != "" {
			out = append(out, p)
		}
	}
	return out
}

// ErrCodesUnread is wrapped by the warning of a coding table without a code column whose
// other column holds the codebook's codes; analyse check lists it as something to fix.
var ErrCodesUnread = model.NewKind("codes in a column that is not read", "codes in een kolom die niet gelezen wordt")

// readSegmentTable reads a coded-segment table in the given layout.
func readSegmentTable(path string, opt Options, l segmentLayout) (model.Dataset, error) {
	var ds model.Dataset
	rows, err := openTable(path, opt)
	if err != nil {
		return ds, err
	}
	defer rows.Close()
	rows.fill = newMergedFill(opt.mergedDown) // the second reading of a sheet with merged cells: segments_merged.go

	header, cols, err := findHeader(rows, l, opt)
	if err != nil {
		return ds, err
	}
	headerLine := rows.Line()
	// A lone "Segment" column holds the text, not an id.
	if _, ok := cols["text"]; !ok {
		if i, ok := cols["segment"]; ok {
			cols["text"] = i
			delete(cols, "segment")
		}
	}
	var attrCols map[int]string
	if l.attributeColumns != nil {
		attrCols = l.attributeColumns(header, cols)
	}
	attrOrder := make([]int, 0, len(attrCols))
	for i := range attrCols {
		attrOrder = append(attrOrder, i)
	}
	sort.Ints(attrOrder)
	nameCols := nameColumns(header, cols, attrCols)
	var extraCodeCols []int    // "Code 1", "Code 2", ...: segments_code_columns.go
	var coderPairs []codeCoder // "Code 1 | Codeur 1 | Code 2 | Codeur 2": segments_coder_columns.go
	if l.format == "generic" {
		var w []model.Warning
		extraCodeCols, w = codeColumns(path, header, cols, opt.Columns)
		ds.Warnings = append(ds.Warnings, w...)
		if coderPairs, err = coderColumns(path, header, cols, extraCodeCols); err != nil {
			return ds, err
		}
	}

	count := model.FileCount{Path: path, Format: l.format}
	np, err := compileNamePattern(opt.NamePattern)
	if err != nil {
		return ds, model.Reasonf("%s: %w", "%s: %v", path, err)
	}
	respondents := map[string]*model.Respondent{}
	var respOrder []string
	segments := map[string]int{} // id -> index in ds.Segments of its first respondent's segment
	// An id that another respondent's row reuses (a combined export numbering each
	// interview from 1) is another segment: respondent and id -> index (segment_ids_shared.go).
	var shared sharedSegmentIDs
	// Rows that give a respondent a second municipality or role: a warning.
	var conflicts respondentConflicts
	// A segment's codings form a chain through ds.Codings, from its last (lastCoding, by
	// segment) back through earlier (earlierCoding, by coding); -1 ends it.
	var lastCoding, earlierCoding []int
	// A coding's code and coder are cut from its row's text, like every field: kept as
	// they are, each coding would keep its whole row alive (the text of the segment
	// again) through the protect stage, which hands the coder on; one copy of each
	// distinct code and coder keeps only a segment's first row (54 of 400 MiB live at
	// the end of the double national study's analysis). The segment id is the one its
	// segment keeps.
	var short interned
	repeated := 0                         // rows whose coding was read before
	var lastCoder string                  // the last coder a row named
	var coderFilled, coderFilledFirst int // rows without a coder that took the row above's
	sheet := rows.Sheet()
	delimited := rows.Delimited()
	reject := func(line int, field, value string, err error) {
		col := ""
		if i, ok := cols[field]; ok {
			col = columnHeader(header, i)
		}
		ds.Rejects = append(ds.Rejects, model.Reject{
			File: path, Sheet: sheet, Row: line, Column: col, Value: value, Err: err,
			IsID: field == "respondent" && value != "",
		})
		count.Rejected++
	}
	// A broken cell (segments_broken.go): in a field's column it rejects the row, in an
	// attribute's or a name's it is a rejected cell.
	fieldCols := segmentFieldColumns(cols, append(append([]int(nil), extraCodeCols...), pairedCoderColumns(coderPairs)...))
	brokenAt := func(row []string, i int, uncomputed cellFaults) error {
		return brokenCell(strings.TrimSpace(tableCell(row, i)), i, uncomputed)
	}
	rejectCell := func(line, i int, value string, err error) {
		ds.Rejects = append(ds.Rejects, model.Reject{File: path, Sheet: sheet, Row: line, Column: columnHeader(header, i), Value: value, Err: err, Cell: true})
	}

	// The columns of the fields every row reads, looked up once (-1: no such column).
	column := func(field string) int {
		if i, ok := cols[field]; ok {
			return i
		}
		return -1
	}
	docCol, respCol, textCol, codeCol := column("document"), column("respondent"), column("text"), column("code")
	segCol, coderCol, municipalityCol, roleCol := column("segment"), column("coder"), column("municipality"), column("role")
	docGroups := newUnreadGroups(cols, header, municipalityCol) // MAXQDA's document group: maxqda_groups.go
	// A table with no code column whose other column holds the codebook's codes ("Thema",
	// "Categorie"): its codes were not counted, with 0 codings and nothing to fix in
	// check (an attack on the readers, F09). The rows whose cell in each such column
	// the codebook knows are counted, to say so.
	var codesIn map[int]int
	fieldAt := map[int]bool{}
	if codeCol < 0 && len(extraCodeCols) == 0 && coderPairs == nil && opt.Codebook != nil {
		codesIn = map[int]int{}
		for _, i := range cols {
			fieldAt[i] = true
		}
	}
	var waves *segmentWaves // a wave column: segments_wave.go
	if i := column("wave"); i >= 0 {
		waves = newSegmentWaves(opt, i, header[i])
	}

	// The width of the header that a row may not exceed, and the test for a row shifted
	// within it (fieldcount.go).
	named := namedColumns(header)
	shifted := shiftedCoder{cb: opt.Codebook}
	// The header again (two exports pasted together): its respondent's, document's or
	// text's cell tells it; in another column order it stops the run (header_reordered.go).
	names, headCol := newHeaderNames(header), respCol
	for _, i := range []int{docCol, textCol} {
		if headCol < 0 {
			headCol = i
		}
	}

	// Most tables have a row per coding: room for them at once, rather than growing a
	// slice of 150,000 codings by copies; at most codingsAhead, so that a file of blank
	// lines reserves no more.
	ds.Codings = make([]model.Coding, 0, min(rows.LinesLeft()+1, codingsAhead(rows.TextBytesLeft())))

	// The current row's fields: by name, and by a column looked up before the loop. Made
	// once, not a closure per row. The loop keeps no row's slice: they share one.
	defer rows.reuseRow()()
	var row []string
	get := func(field string) string {
		i, ok := cols[field]
		if !ok {
			return ""
		}
		return strings.TrimSpace(tableCell(row, i))
	}
	cell := func(i int) string {
		if i < 0 {
			return ""
		}
		return strings.TrimSpace(tableCell(row, i))
	}
	for rows.Next() {
		row = rows.Row()
		if blankRow(row) {
			continue
		}
		line := rows.Line()
		if col, from, ok := names.reordered(row); ok { // header_reordered.go
			return ds, reorderedHeaderError(path, sheet, line, header, col, from)
		}
		if delimited && tooManyFields(row, named) { // fieldcount.go
			reject(line, "", "", unquotedDelimiter(len(row), named))
			continue
		}
		if rowRepeatsHeader(row, header, headCol) {
			reject(line, "", "", segmentHeaderRepeatedReason())
			continue
		}
		if delimited && coderCol >= 0 && shifted.is(strings.TrimSpace(tableCell(row, coderCol))) {
			reject(line, "coder", strings.TrimSpace(tableCell(row, coderCol)), codeAsCoder(strings.TrimSpace(tableCell(row, coderCol))))
			continue
		}
		uncomputed := rows.CellFaultsAt(line)
		if col, err := brokenRow(row, fieldCols, uncomputed); err != nil { // survey_broken.go
			ds.Rejects = append(ds.Rejects, model.Reject{File: path, Sheet: sheet, Row: line, Column: columnHeader(header, col), Value: strings.TrimSpace(tableCell(row, col)), Err: err})
			count.Rejected++
			continue
		}
		doc := cell(docCol)
		if l.document != nil {
			doc = l.document(doc)
		}
		resp := cell(respCol)
		var vars *nameVariables
		var noResp error // nil: "no respondent", made only for a row rejected for it
		if np != nil && doc != "" {
			v, ok, err := np.match(doc, opt.Codebook)
			if err != nil {
				return ds, model.Reasonf("%s: %s: document %w", "%s: %s: document %v", path, model.Place(sheet, line, columnHeader(header, docCol)), err)
			}
			if ok {
				vars = &v
				if resp == "" {
					resp = v.respondent
				}
			} else if resp == "" {
				noResp = errNameMismatch(doc, np)
			}
		} else if resp == "" && doc != "" {
			if _, ok := cols["respondent"]; !ok || l.format != "generic" {
				resp = respondentFromName(doc)
				nameRuleOf(&count, resp, doc)
			}
		}
		text := cell(textCol)
		switch {
		case resp == "" && np != nil:
			reject(line, "document", doc, orNoRespondent(noResp))
			continue
		case resp == "":
			reject(line, "respondent", "", orNoRespondent(noResp))
			continue
		case !opt.knows(resp):
			en, nl := leadingZerosHint(resp, opt.Known) // leadingzeros.go
			reject(line, "respondent", resp, model.Reasonf("%[1]q is not in the respondents table: %[2]w%[3]s", "%[1]q staat niet in de respondententabel: %[2]v%[4]s", resp, ErrUnknownRespondent, en, nl))
			continue
		case text == "":
			reject(line, "text", "", model.Reasonf("the segment has no text: %w", "het fragment heeft geen tekst: %v", ErrEmptySegment))
			continue
		}
		var names, coders []string // coders: per name, where coder columns pair with code columns
		switch {
		case coderPairs != nil:
			var bad int
			var err error
			if names, coders, bad, err = pairedCodings(cell, header, coderPairs, l.splitCodes, opt.Coder); err != nil {
				ds.Rejects = append(ds.Rejects, model.Reject{File: path, Sheet: sheet, Row: line, Column: columnHeader(header, bad), Value: cell(bad), Err: err})
				count.Rejected++
				continue
			}
		case l.code != nil:
			if c := l.code(get); c != "" {
				names = []string{c}
			}
		case l.codes != nil:
			var err error
			if names, err = l.codes(get); err != nil {
				reject(line, "code", get("code"), err)
				continue
			}
		default:
			names = l.splitCodes(cell(codeCol))
			for _, i := range extraCodeCols {
				names = append(names, l.splitCodes(cell(i))...)
			}
		}
		var id string
		if l.segmentKey != nil {
			id = l.segmentKey(get, doc, resp, text)
		} else if s := cell(segCol); s != "" {
			id = s
		} else {
			id = digestID(doc, resp, text)
		}
		wave, respKey := "", resp
		if waves != nil {
			if wave = waves.of(row, line, resp, doc, id); wave != "" {
				id, respKey = waveSegmentID(wave, id), wave+"\x00"+resp
			}
		}
		seg, ok := segments[id]
		if ok && ds.Segments[seg].Respondent != resp {
			seg, ok = shared.lookup(resp, id)
		}
		if ok {
			// Most rows repeat their segment's text exactly (one row per code and coder).
			if t := ds.Segments[seg].Text; t != text && collapseSpace(t) != collapseSpace(text) {
				reject(line, "segment", id, model.Reasonf("segment %q had another text on an earlier row: %w", "fragment %q had op een eerdere regel een andere tekst: %v", id, ErrSegmentConflict))
				continue
			}
		} else {
			// The new segment's fields are cut from the row's text chunk (Rows.nextRecord),
			// which they would keep alive for the run: one copy of the four holds them.
			keepFields(&id, &resp, &doc, &text)
			seg = len(ds.Segments)
			if _, taken := segments[id]; taken {
				shared.add(resp, id, seg)
			} else {
				segments[id] = seg
			}
			ds.Segments = model.AppendDoubling(ds.Segments, model.Segment{
				ID: id, Respondent: resp, Wave: wave, Document: doc, Text: text, Start: -1, End: -1, Source: path,
			})
			lastCoding = append(lastCoding, -1)
		}

		coded := len(names) > 0 // a row of uncoded text has neither code nor coder
		if codesIn != nil {
			for i := range row {
				if v := strings.TrimSpace(row[i]); v != "" && !fieldAt[i] {
					if _, ok := opt.Codebook.Resolve(v); ok {
						codesIn[i]++
					}
				}
			}
		}
		if len(names) == 0 {
			names = []string{""} // reviewed, nothing applies
		}
		coder := short.of(cell(coderCol))
		switch {
		case coder != "":
			lastCoder = coder
		case opt.Coder != "":
			coder = opt.Coder // the entry's coder: (sheets_per_coder.go)
		case lastCoder != "" && coded:
			// A coder named on a block's first row only: cells merged in Excel and
			// saved as CSV, which keeps the value in the first cell (an attack on the
			// readers, F05: the empty cells were a coder without a name, 6 codings
			// for 8 and agreement over 1 segment for 4). The row above's coder.
			coder = lastCoder
			if coderFilled == 0 {
				coderFilledFirst = line
			}
			coderFilled++
		}
		for k, n := range names {
			n = short.of(n)
			if coders != nil {
				coder = short.of(coders[k])
			}
			// A (segment, code, coder) read twice is one coding. A segment has a few
			// codings, so its chain is searched rather than a map of all codings hashed.
			dup := false
			for c := lastCoding[seg]; c >= 0 && !dup; c = earlierCoding[c] {
				dup = ds.Codings[c].Raw == n && ds.Codings[c].Coder == coder
			}
			if dup {
				if k == 0 {
					repeated++ // the row read before: an export pasted twice
				}
				continue
			}
			earlierCoding = append(earlierCoding, lastCoding[seg])
			lastCoding[seg] = len(ds.Codings)
			ds.Codings = model.AppendDoubling(ds.Codings, model.Coding{Segment: ds.Segments[seg].ID, Raw: n, Coder: coder, Source: path})
		}

		r := respondents[respKey]
		if r == nil {
			resp, respKey = strings.Clone(resp), strings.Clone(respKey)
			r = &model.Respondent{ID: resp, Wave: wave, Source: path}
			respondents[respKey] = r
			respOrder = append(respOrder, respKey)
		}
		conflicts.row("municipality", respKey, r.Municipality, cell(municipalityCol), line)
		conflicts.row("role", respKey, r.Role, cell(roleCol), line)
		if r.Municipality == "" {
			r.Municipality = strings.Clone(cell(municipalityCol))
		}
		if r.Role == "" {
			r.Role = strings.Clone(cell(roleCol))
		}
		if vars != nil {
			vars.apply(r)
		}
		if l.groups != nil {
			g := l.groups(get("groups"))
			for _, k := range model.SortedKeys(g) {
				setAttribute(r, k, g[k])
			}
		}
		for _, i := range attrOrder {
			if err := brokenAt(row, i, uncomputed); err != nil {
				rejectCell(line, i, strings.TrimSpace(tableCell(row, i)), err)
				continue
			}
			if v := strings.TrimSpace(tableCell(row, i)); v != "" {
				setAttribute(r, attrCols[i], v)
			}
		}
		for _, i := range nameCols {
			if err := brokenAt(row, i, uncomputed); err != nil {
				rejectCell(line, i, "", err) // a name's value is not shown
				continue
			}
			setAttribute(r, header[i], tableCell(row, i))
		}
		docGroups.row(row)
		count.Accepted++
	}
	if err := rows.Err(); err != nil {
		return ds, err
	}
	if again, ok := readMergedAgain(rows, headerLine, path, opt, l); ok { // segments_merged.go
		return again()
	}
	shared.rename(ds.Segments, ds.Codings, lastCoding, earlierCoding)
	for _, id := range respOrder {
		ds.Respondents = append(ds.Respondents, *respondents[id])
	}
	count.Read = count.Accepted + count.Rejected
	ds.Files = append(ds.Files, count)
	ds.Warnings = append(ds.Warnings, sameFieldColumns(path, header, map[string][]int{"municipality": {municipalityCol}, "role": {roleCol}}, opt.Columns)...)
	ds.Warnings = append(ds.Warnings, conflicts.warnings(path)...)
	for _, i := range slices.Sorted(maps.Keys(codesIn)) {
		if n := codesIn[i]; n > 0 && 2*n >= count.Accepted {
			ds.Warnings = append(ds.Warnings, model.Warning{File: path, Err: model.Reasonf(
				"%[4]w: the table has no code column, and column %[1]q holds a code of the codebook in %[2]d of its %[3]d rows: none of them is counted; if it holds the codes, name it: columns: {code: %[1]q}",
				"%[4]v: de tabel heeft geen codekolom, en kolom %[1]q bevat een code van het codeboek in %[2]d van de %[3]d regels: geen ervan telt mee; bevat ze de codes, noem haar dan: columns: {code: %[1]q}",
				columnHeader(header, i), n, count.Accepted, ErrCodesUnread)})
		}
	}
	if repeated > 0 {
		ds.Warnings = append(ds.Warnings, model.Warning{File: path, Err: model.Reasonf(
			"%d row(s) repeat a coding read before (the same segment, code and coder: an export pasted twice?); each coding counts once",
			"%d regel(s) herhalen een codering die al gelezen is (hetzelfde fragment, dezelfde code en codeur: een export twee keer geplakt?); elke codering telt één keer",
			repeated)})
	}
	if coderFilled > 0 {
		ds.Warnings = append(ds.Warnings, model.Warning{File: path, Err: model.Reasonf(
			"%[1]d row(s) with a code have an empty %[2]q cell (the first in row %[3]d) and are read as coded by the coder of the row above (cells merged in Excel and saved as CSV?); give them their coder if that is not it",
			"%[1]d regel(s) met een code hebben een lege cel in %[2]q (de eerste in regel %[3]d) en zijn gelezen als gecodeerd door de codeur van de regel erboven (cellen samengevoegd in Excel en opgeslagen als CSV?); geef ze hun codeur als dat die niet is",
			coderFilled, columnHeader(header, coderCol), coderFilledFirst)})
	}
	if waves != nil {
		values := waves.perInterview(&ds)
		if values > 0 {
			withoutWaves(&ds) // a date per interview: segments_wave.go
		}
		ds.Warnings = append(ds.Warnings, waves.warnings(path, values)...)
	}
	ds.Warnings = append(ds.Warnings, docGroups.warnings(path, ds.Respondents)...)
	ds.Warnings = append(ds.Warnings, rows.hiddenRowsWarnings()...) // hidden_rows.go
	ds.Warnings = append(ds.Warnings, rows.encodingWarnings()...)   // encoding_guess.go
	return ds, nil
}

// codingsAhead bounds the codings readSegmentTable makes room for before reading, for a
// table with bytes of delimited text to come: maxCodingsAhead (40 MB), or one coding per
// minCodingRowBytes of the file where that is more. A fixed bound made a table past it
// grow its codings by doubling once at its end: twice the national study's segments
// (268,000 rows, 54 MB) copied 262,144 codings into a new 92 MB array, 0.4 s of CPU, where
// the national study's 134,000 rows were read without a copy (issue 16: twice the study
// at most 2.1 times the time of once). A coding is 176 bytes, so a file of blank lines
// reserves at most 2.75 times its own size, which the run holds in memory already.
func codingsAhead(bytes int) int {
	return max(maxCodingsAhead, bytes/minCodingRowBytes)
}

// maxCodingsAhead is the room for codings any table may have made before reading.
const maxCodingsAhead = 1 << 18

// minCodingRowBytes is the bytes of text per coding that codingsAhead reserves room for
// beyond maxCodingsAhead: a coded segment's row holds its text, ids and code (the national
// study's rows are 200 bytes on average).
const minCodingRowBytes = 64

// orNoRespondent is err, or the error of a row without a respondent where err is nil.
func orNoRespondent(err error) error {
	if err != nil {
		return err
	}
	return model.Reasonf("no respondent: %w", "geen respondent: %v", ErrUnknownRespondent)
}

// findHeader reads rows until one holds the layout's required columns, within the
// layout's headerRows non-blank rows.
func findHeader(rows *Rows, l segmentLayout, opt Options) ([]string, map[string]int, error) {
	seen := 0
	var first []string
	for rows.Next() {
		row := rows.Row()
		if blankRow(row) {
			continue
		}
		if first == nil {
			first = append([]string(nil), row...)
		}
		cols, err := FindColumns(row, l.fields, opt.Columns)
		if err == nil && missingField(cols, l.required) == "" {
			return append([]string(nil), row...), cols, nil
		}
		if seen++; seen >= l.headerRows {
			break
		}
	}
	if err := rows.Err(); err != nil {
		return nil, nil, err
	}
	where := model.Translated(rows.Path(), rows.Path())
	if s := rows.Sheet(); s != "" {
		where = model.Translated(fmt.Sprintf("%s: sheet %q", rows.Path(), s), fmt.Sprintf("%s: blad %q", rows.Path(), s))
	}
	if first == nil {
		return nil, nil, model.Reasonf("%s: the table is empty: %w", "%s: de tabel is leeg: %v", where, ErrMissingColumn)
	}
	cols, err := FindColumns(first, l.fields, opt.Columns)
	if err != nil {
		return nil, nil, model.Reasonf("%s: %w", "%s: %v", where, err)
	}
	f := missingField(cols, l.required)
	var names []string
	for _, alt := range strings.Split(f, "|") {
		for _, n := range l.fields[alt] {
			names = append(names, fmt.Sprintf("%q", n))
		}
	}
	return nil, nil, model.Reasonf("%s: no column %q (looked for a header named %s) for the %s layout: %w",
		"%s: geen kolom %q (gezocht naar een kop %s) voor de indeling %s: %v",
		where, f, strings.Join(names, ", "), l.format, ErrMissingColumn)
}

// missingField returns the first required field (or group "a|b") without a column.
func missingField(cols map[string]int, required []string) string {
	for _, f := range required {
		ok := false
		for _, alt := range strings.Split(f, "|") {
			if _, found := cols[alt]; found {
				ok = true
			}
		}
		if !ok {
			return f
		}
	}
	return ""
}

func blankRow(row []string) bool {
	for _, c := range row {
		if strings.TrimSpace(c) != "" {
			return false
		}
	}
	return true
}

// digestID makes a segment id from its document (or respondent) and its text, for
// exports without one: the same text of the same document is the same segment in every
// coder's file, and the id reveals neither.
func digestID(doc, respondent, text string) string {
	k := doc
	if k == "" {
		k = respondent
	}
	sum := sha1.Sum([]byte(k + "\x00" + collapseSpace(text)))
	return "seg-" + hex.EncodeToString(sum[:8])
}

// setAttribute files an attribute under the respondent: municipality and role by their
// Dutch and English names, a name (or a part of one: voornaam, achternaam) as the
// respondent's Name, anything else in Attributes with its key in lower case. A value
// kept is a copy, not a piece of the row it was read from (Rows.nextRecord).
func setAttribute(r *model.Respondent, key, value string) {
	value = strings.TrimSpace(value)
	if value == "" {
		return
	}
	switch k := foldName(key); {
	case inFolded(k, municipalityHeaders):
		if r.Municipality == "" {
			r.Municipality = strings.Clone(value)
		}
	case inFolded(k, roleHeaders):
		if r.Role == "" {
			r.Role = strings.Clone(value)
		}
	case inFolded(k, nameHeaders) || inFolded(k, namePartHeaders):
		// A name given with the segments or as a case variable is the respondent's name,
		// as in the respondents table: redacted from every text, never an attribute
		// (attributes can be published as groups).
		if !strings.Contains(" "+r.Name+" ", " "+value+" ") {
			r.Name = strings.TrimSpace(r.Name + " " + value)
		}
	case isRespondentKey(key):
	default:
		if r.Attributes == nil {
			r.Attributes = map[string]string{}
		}
		name := strings.ToLower(strings.TrimSpace(key))
		if _, ok := r.Attributes[name]; !ok {
			r.Attributes[name] = strings.Clone(value)
		}
	}
}

// nameColumns returns the columns, neither a field of the layout nor an attribute
// column, that hold a respondent's name or a part of it (Naam, Voornaam): an export
// with the name beside the segments must not publish it, and the name is redacted from
// the texts like a respondents-table name.
func nameColumns(header []string, cols map[string]int, attrCols map[int]string) []int {
	used := map[int]bool{}
	for _, i := range cols {
		used[i] = true
	}
	var out []int
	for i, h := range header {
		if k := foldName(h); !used[i] && attrCols[i] == "" && (inFolded(k, nameHeaders) || inFolded(k, namePartHeaders)) {
			out = append(out, i)
		}
	}
	return out
}

// namePartHeaders head a part of a respondent's name (a given name, a surname).
// A nickname (roepnaam, bijnaam) is what everyone in the neighbourhood calls a young
// person by: a name as much as the name in the register (attack 16, f04).
var namePartHeaders = []string{"voornaam", "voornamen", "roepnaam", "roepnamen", "achternaam", "familienaam", "tussenvoegsel", "tussenvoegsels",
	"geboortenaam", "meisjesnaam", "bijnaam", "bijnamen", "koosnaam", "alias", "first name", "first names", "given name", "given names",
	"last name", "surname", "family name", "middle name", "nickname", "nick name", "preferred name", "birth name", "maiden name"}

// isRespondentKey reports whether an attribute names the respondent itself.
func isRespondentKey(key string) bool {
	return inFolded(foldName(key), []string{"respondent", "respondent id", "deelnemer", "deelnemer id", "participant", "participant id"})
}

func inFolded(k string, names []string) bool {
	for _, n := range names {
		if foldName(n) == k {
			return true
		}
	}
	return false
}

var numberPrefix = regexp.MustCompile(`^(?:[A-Za-z]{1,2}\s?)?\d+\s*:\s*`)

// respondentFromName derives a respondent id from a document or file name: the name
// without folder, extension and a tool's number prefix ("3: ", "P 3: "), up to its first
// "_" ("JW01_Bergdorp.txt" gives "JW01"). A date before it is skipped
// ("2024-03-12_JW01", "20240314_JW04"): a review of 0.12 found people interviewed on
// one day read as one respondent, the date. A first part that is no id stays the
// respondent ("Bergdorp_JZ03" is Bergdorp): taking a later part instead put the first
// part, often a child's name ("Mila_klas2a"), in the outputs unredacted, as it was no
// longer an id; names read so as one respondent are warned of (pipeline/respondent_names.go). After a word that says the file is an
// interview ("interview_", "gesprek_", "transcript_": an attack on 0.12 found every
// "interview_..." file read as one respondent "interview") the id is the next part where
// it is an id of letters and digits ("interview_JW01_Bergdorp.docx": JW01), past dates
// and parts ("interview_2024-03-12_JW01", "interview_deel2_JW01"), and else the rest of
// the name ("interview_1_aardam", "interview_mohamed_bouali": a review of the fix found
// "1" and "mohamed" joining two people).
func respondentFromName(name string) string {
	name = strings.TrimSpace(name)
	if name == "" {
		return ""
	}
	name, _ = ruleNameStem(name) // name_rule.go
	cued := false
	for {
		i := strings.Index(name, "_")
		if i <= 0 {
			break
		}
		if strings.Trim(name[i:], "_ ") == "" {
			name = name[:i] // "interview_"
			break
		}
		part := strings.ToLower(strings.TrimSpace(name[:i]))
		switch {
		case interviewFileWord[part], datePart.MatchString(part), cued && partWord.MatchString(part):
			cued = true
			name = strings.TrimLeft(name[i+1:], "_") // "interview_", "2024-03-12_", "deel2_"
			continue
		case !cued || idPart.MatchString(part):
			name = name[:i]
		default:
			name = lowerRun(name) // "jan_de_vries_Bergdorp": jan_de_vries
		}
		break
	}
	return strings.TrimSpace(name)
}

// lowerRun is name up to a part after its first that is capitalised where the first is
// not: "jan_de_vries_Bergdorp" gives "jan_de_vries", since the capitalised part is a
// municipality or a role, no part of a name written in lower case.
func lowerRun(name string) string {
	parts := strings.Split(name, "_")
	if r, _ := utf8.DecodeRuneInString(parts[0]); unicode.IsUpper(r) {
		return name
	}
	for k := 1; k < len(parts); k++ {
		if r, _ := utf8.DecodeRuneInString(parts[k]); unicode.IsUpper(r) {
			return strings.Join(parts[:k], "_")
		}
	}
	return name
}

// datePart, partWord and idPart tell the parts of a file's name after an interview word:
// a date, a part or version, an id of letters and digits (JW01, R12, P3).
var (
	datePart = regexp.MustCompile(`^\d{1,4}[-.]\d{1,2}[-.]\d{1,4}$|^(19|20)\d{6}$`)
	partWord = regexp.MustCompile(`^(deel|part|versie|version|ronde|opname|sessie|session|wave|golf|meting)-?\d{0,2}$|^(v|t)-?\d{1,2}$`)
	idPart   = regexp.MustCompile(`^\pL{1,4}\s?\d{1,5}\pL?$`)
)

// interviewFileWord holds the words that open a file's name to say what it holds, not
// whom: "interview_1.txt", "transcript_JW01.docx".
var interviewFileWord = map[string]bool{"interview": true, "interviews": true, "int": true, "gesprek": true,
	"transcript": true, "transcriptie": true, "uitwerking": true, "opname": true, "verslag": true,
	"notities": true, "respondent": true, "resp": true, "deelnemer": true, "participant": true}

// interned gives one copy of each distinct short string (code names, coders), so that
// the strings kept do not hold on to the rows they were cut from.
type interned map[string]string

// keepFields replaces each string by a copy, all of them cut from one new string.
func keepFields(fields ...*string) {
	n := 0
	for _, f := range fields {
		n += len(*f)
	}
	var b strings.Builder
	b.Grow(n)
	for _, f := range fields {
		b.WriteString(*f)
	}
	all := b.String()
	for _, f := range fields {
		*f, all = all[:len(*f)], all[len(*f):]
	}
}

func (m *interned) of(s string) string {
	if s == "" {
		return ""
	}
	if *m == nil {
		*m = map[string]string{}
	}
	if c, ok := (*m)[s]; ok {
		return c
	}
	c := strings.Clone(s)
	(*m)[c] = c
	return c
}

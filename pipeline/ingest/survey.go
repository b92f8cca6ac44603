package ingest

import (
	"fmt"
	"math"
	"path/filepath"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/samenspel/samenspel/codebook"
	"github.com/samenspel/samenspel/pipeline/model"
)

// ErrIncomplete is the reason for a survey response without a submit date (LimeSurvey) or
// marked unfinished (Qualtrics); such responses are left out unless
// Options.IncludeIncomplete is set.
var ErrIncomplete = model.NewKind("incomplete response", "onvolledige respons")

// Survey formats that ReadSurvey recognises.
const (
	FormatGeneric    = "generic"
	FormatLimeSurvey = "limesurvey"
	FormatQualtrics  = "qualtrics"
	FormatForms      = "forms"
	FormatSPSS       = "spss"
)

// ReadSurvey reads a survey export: one response per row (or SPSS case), one column per
// question. The format is opt.Format, or recognised from the file type and the header
// signature: SPSS by the .sav/.zsav file, Qualtrics by its ResponseId and header rows,
// LimeSurvey by its metadata columns or Q1[SQ001] headings, Microsoft and Google Forms by
// their timestamp columns, and the generic layout by a respondent column or a column
// named after a codebook item (by id or question text). A header that fits none is an
// error wrapping ErrUnknownFormat.
//
// Each response gives a model.Respondent and a model.Answer for every codebook item the
// file has (Value on the scale as asked, before reversal; Missing for an empty answer or a
// "don't know" label). A bad answer is a reject (ErrOutOfScale, ErrUnknownLabel) and the
// rest of its row still counts; a duplicate respondent (ErrDuplicate), an unknown one
// (ErrUnknownRespondent, with Options.Known) or an incomplete response rejects the row.
// In Dataset.Files a row with bad answers counts as accepted: its other cells were used.
// Columns that are neither items nor metadata become open answers (model.Segment, for
// free text) or respondent attributes (short categorical values).
//
// The file is read once, read-only; its Dataset.Files entry carries the sha256 and size
// of the bytes read.
func ReadSurvey(path string, opt Options) (model.Dataset, error) {
	return readOnce(path, opt, true, readSurveyExport)
}

func readSurveyExport(path string, opt Options) (model.Dataset, error) {
	format := strings.ToLower(strings.TrimSpace(opt.Format))
	ext := strings.ToLower(filepath.Ext(path))
	if format == "" || format == "auto" {
		if ext == ".sav" || ext == ".zsav" {
			format = FormatSPSS
		}
	}
	if format == FormatSPSS {
		return readSPSS(path, opt)
	}
	switch format {
	case "", "auto", FormatGeneric, FormatLimeSurvey, FormatQualtrics, FormatForms:
	default:
		return model.Dataset{}, model.Reasonf("%s: survey format %q (known: generic, limesurvey, qualtrics, forms, spss): %w", "%s: formaat van de vragenlijst %q (bekend: generic, limesurvey, qualtrics, forms, spss): %v", path, opt.Format, ErrUnknownFormat)
	}
	rows, err := openTable(path, opt)
	if err != nil {
		return model.Dataset{}, err
	}
	defer rows.Close()
	rows.fill = newMergedFill(opt.mergedDown) // the second reading of a sheet with merged cells: merged_cells.go
	var header []string
	var titles titleRows // title rows above the header: survey_title_rows.go
	for rows.Next() {    // the header is the first row with any text, after title rows
		if !emptyRow(rows.Row()) && !titles.skip(rows.Row(), rows.Line()) {
			header = rows.Row()
			break
		}
	}
	if err := rows.Err(); err != nil {
		return model.Dataset{}, err
	}
	if header == nil && titles.n > 0 {
		return model.Dataset{}, titles.noHeader(path, rows.Sheet())
	}
	if header == nil {
		return model.Dataset{}, model.Reasonf("%s: no header row: %w", "%s: geen kopregel: %v", path, ErrUnknownFormat)
	}
	if format == "" || format == "auto" {
		format = detectSurvey(header, opt)
		if format == "" {
			return model.Dataset{}, model.Reasonf("%s: %s: the header (%s) matches no survey layout; name the format in study.yaml: %w",
				"%s: %s: de kopregel (%s) past bij geen indeling van een vragenlijst; noem het formaat in study.yaml: %v",
				path, model.Place(rows.Sheet(), rows.Line(), ""), shownHeader(header, genericFields, 6), ErrUnknownFormat)
		}
	}
	var lay *surveyLayout
	at := rows.Line() // the header's row, which errors about it name
	switch format {
	case FormatLimeSurvey:
		lay, err = limeSurveyLayout(header, opt)
	case FormatQualtrics:
		lay, err = qualtricsLayout(rows, header, opt)
		at = rows.Line() // the last of its header rows
	case FormatForms:
		lay, err = formsLayout(header, opt)
	default:
		lay, err = genericSurveyLayout(header, opt)
		if err == nil {
			header, lay, err = subHeader(rows, header, lay, opt) // a header in two rows: survey_subheader.go
		}
	}
	if err != nil && err == rows.Err() {
		return model.Dataset{}, err // a row that cannot be read, named by its own place
	}
	if err != nil {
		return model.Dataset{}, model.Reasonf("%s: %s: %w", "%s: %s: %v", path, model.Place(rows.Sheet(), at, ""), err)
	}
	if err := settleItems(lay, opt); err != nil {
		return model.Dataset{}, model.Reasonf("%s: %s: %w", "%s: %s: %v", path, model.Place(rows.Sheet(), at, ""), err)
	}
	lay.format = format
	markUnheaded(lay, header)
	lay.stopAtNamed = recordsStopAtNamed(rows, layoutNamedColumns(lay), len(lay.columns))
	if lay.responseNumbers {
		lay.idPrefix = formsPrefix(path, opt)
	}
	var src rowSource = rows
	if lay.pending != nil {
		src = &pendingSource{rowSource: rows, row: lay.pending, line: lay.pendingLine}
	}
	shared := rows.reuseRow() // readResponses keeps no row's slice
	ds, err := readResponses(path, rows.Sheet(), src, lay, opt)
	shared()
	if down := mergedDown(rows.merged, at); down != nil && opt.mergedDown == nil && err == nil {
		rows.Close()
		opt.mergedDown = down
		ds, err := readSurveyExport(path, opt)
		ds.Warnings = append(ds.Warnings, mergedWarning(path, rows.Sheet(), down))
		return ds, err
	}
	if lay.warnings != nil {
		ds.Warnings = append(ds.Warnings, lay.warnings(path)...)
	}
	ds.Warnings = append(ds.Warnings, titles.warnings(path, rows.Sheet(), at)...)
	ds.Warnings = append(ds.Warnings, surveyFieldColumns(path, header, lay, opt)...) // conflicts.go
	ds.Warnings = append(ds.Warnings, itemWarnings(path, &ds, lay, opt)...)          // survey_nearitems.go
	ds.Warnings = append(ds.Warnings, rows.hiddenRowsWarnings()...)                  // hidden_rows.go
	ds.Warnings = append(ds.Warnings, rows.encodingWarnings()...)                    // encoding_guess.go
	return ds, err
}

// detectSurvey recognises a survey export by its header; "" when nothing fits.
func detectSurvey(header []string, opt Options) string {
	switch {
	case isQualtricsHeader(header):
		return FormatQualtrics
	case isLimeSurveyHeader(header):
		return FormatLimeSurvey
	case isFormsHeader(header):
		return FormatForms
	}
	cols, _ := FindColumns(header, map[string][]string{"respondent": respondentHeaders}, nil)
	if _, ok := cols["respondent"]; ok {
		return FormatGeneric
	}
	if opt.Codebook != nil {
		for _, h := range header {
			if _, _, _, ok := matchItem(opt, []string{h}); ok {
				return FormatGeneric
			}
		}
	}
	return ""
}

func abbreviate(header []string, n int) string {
	q := make([]string, 0, n+1)
	for i, h := range header {
		if i == n {
			q = append(q, "...")
			break
		}
		q = append(q, strconv.Quote(h))
	}
	return strings.Join(q, ", ")
}

func emptyRow(row []string) bool {
	for _, c := range row {
		if strings.TrimSpace(c) != "" {
			return false
		}
	}
	return true
}

// columnUse says what a survey column holds.
type columnUse int

const (
	useOther        columnUse = iota // an open answer or an attribute, decided by its values
	useItem                          // a codebook item
	useRespondent                    // the respondent id
	useMunicipality                  // municipality
	useRole                          // role
	useName                          // a person's name: kept for redaction only
	useFirstName                     // part of a name (Qualtrics recipient first name)
	useLastName                      // part of a name
	useNamePart                      // a roepnaam, bijnaam, voornaam: joined to the name (respondent_names.go)
	useMeta                          // metadata or personal data the study does not use
	useSubmitted                     // submit date or completion flag: empty means incomplete
	useOpen                          // free text by the export's own account ([other], _TEXT)
	useWave                          // the measurement wave (see waveColumn)
	useStatus                        // how the response came in: a test or spam response is none (qualtrics_status.go)
)

// surveyColumn is one column of a survey export as a layout reads it.
type surveyColumn struct {
	use      columnUse
	header   string // the header as rejects name it
	question string // the question text where the export gives it, for Segment.Document
	item     codebook.Item
	scale    codebook.Scale
	// names are other names the column goes by that a study's column mapping may use
	// (Qualtrics: the column name where the header is the legacy label, the ImportId).
	names []string
	// explicit: the study's column mapping names this column for its item.
	explicit bool
	// decode turns a cell into a value or label before the scale reads it (LimeSurvey
	// answer codes, SPSS value labels); nil keeps the cell.
	decode func(string) string
	// unheaded: the header row leaves the column's cell empty (header is then its letter).
	unheaded bool
	// refuse, when set, is the reason a cell cannot be read, asked before decode (an SPSS
	// code whose value label the scale does not know); nil when it can.
	refuse func(string) error
}

// surveyLayout is what a format reader learns from the header: what each column holds.
type surveyLayout struct {
	format  string
	columns []surveyColumn
	// idPrefix, when set, is put before the respondent id (Forms numbers responses per form).
	idPrefix string
	// responseNumbers: the respondent id is the tool's own response number, which starts
	// again at 1 in every form or survey (Forms's ID, LimeSurvey's id), not a column the
	// study named: it gets the file's name in front (idPrefix), so that response 1 of two
	// files (two waves) is two people, never one person measured twice.
	responseNumbers bool
	// warnings, when set, are the format's own warnings once the rows are read
	// (LimeSurvey's answer codes read by their number).
	warnings func(path string) []model.Warning
	// unclearSubmit reports whether a submit-column value is neither complete nor
	// incomplete (Qualtrics's Finished: qualtricsFinishedUnclear); nil: every value is one
	unclearSubmit func(string) bool
	// incomplete reports whether a submit-column value means an incomplete response; nil
	// means an empty value does.
	incomplete func(string) bool
	// everyRow: every row is a response, even one without a value (an SPSS case whose
	// values are all missing is a respondent who answered nothing, as R haven and PSPP
	// count it, where an empty line of a CSV file is no record at all).
	everyRow bool
	// unanswered reports whether a cell of a column that is not an item means "no answer"
	// (Qualtrics's -99, "seen but unanswered"); nil means only an empty cell does.
	unanswered func(string) bool
	// stopAtNamed: the file is delimited text whose records stop at the header's last
	// named column, before its trailing columns without a header (survey_trailing.go).
	stopAtNamed bool
	// pending is a data row the layout read while looking for header rows.
	pending     []string
	pendingLine int
}

// pendingSource returns a layout's pending row before the rest of src.
type pendingSource struct {
	rowSource
	row  []string
	line int
	used bool
	cur  bool
}

func (p *pendingSource) Next() bool {
	if !p.used {
		p.used, p.cur = true, true
		return true
	}
	p.cur = false
	return p.rowSource.Next()
}

// LinesLeft is the rows' LinesLeft, with the pending row when it is still to come: the
// hint readResponses sizes the respondents and the survey's rows by. Without it, a
// survey whose second row was looked at for a sub-header (survey_subheader.go: every
// generic survey) grew 100,000 respondents row by row, 70 MB allocated and copied for
// 13 MB kept.
func (p *pendingSource) LinesLeft() int {
	l, ok := p.rowSource.(interface{ LinesLeft() int })
	if !ok {
		return 0
	}
	n := l.LinesLeft()
	if !p.used {
		n++
	}
	return n
}

func (p *pendingSource) Row() []string {
	if p.cur {
		return p.row
	}
	return p.rowSource.Row()
}

func (p *pendingSource) Line() int {
	if p.cur {
		return p.line
	}
	return p.rowSource.Line()
}

// rowSource is what readResponses reads: a table's remaining rows or an SPSS file's cases.
type rowSource interface {
	Next() bool
	Row() []string
	Line() int
	Err() error
}

// matchItem finds the codebook item a column asks: an explicit mapping in opt.Columns
// (item id -> column), tried on every name the column goes by (its header, and for
// Qualtrics its column name and ImportId), then the item id, the question text, or the
// sub-question part of a heading ("Question [Sub-question]", "Question - Statement").
// explicit reports an explicit mapping: it wins over any text match (settleItems).
func matchItem(opt Options, names []string, texts ...string) (it codebook.Item, sc codebook.Scale, explicit, ok bool) {
	cb := opt.Codebook
	if cb == nil {
		return it, sc, false, false
	}
	if field, ok := explicitItem(opt, names...); ok {
		if it, sc, ok := cb.Item(field); ok {
			return it, sc, true, true
		}
	}
	for _, n := range names {
		if it, sc, ok := cb.Item(strings.TrimSpace(n)); ok {
			return it, sc, false, true
		}
	}
	header := ""
	if len(names) > 0 {
		header = names[0]
	}
	for _, t := range append([]string{header}, texts...) {
		for _, c := range questionParts(t) {
			if it, sc, ok := cb.ItemByText(c); ok {
				return it, sc, false, true
			}
		}
	}
	return it, sc, false, false
}

// explicitItem returns the item id that opt.Columns maps onto one of names, in sorted
// order of the ids so that a column named twice gives the same answer every run.
func explicitItem(opt Options, names ...string) (string, bool) {
	if opt.Codebook == nil || len(opt.Columns) == 0 {
		return "", false
	}
	fields := make([]string, 0, len(opt.Columns))
	for f := range opt.Columns {
		fields = append(fields, f)
	}
	sort.Strings(fields)
	for _, f := range fields {
		k := foldName(opt.Columns[f])
		if k == "" {
			continue
		}
		for _, n := range names {
			if foldName(n) == k {
				if _, _, ok := opt.Codebook.Item(f); ok {
					return f, true
				}
			}
		}
	}
	return "", false
}

// settleItems makes every codebook item come from one column. A column that opt.Columns
// maps onto an item is that item's only column: other columns that matched it by id or
// text are not read as the item (they become attributes or open answers like any other
// column). Several columns matching one item without a mapping is an error naming them,
// since reading any one of them would be a guess (Qualtrics matrix questions that share
// their statements, "Click to write Statement 1"). An item mapping in opt.Columns that
// names no column of the file is an error too: the study expects the item there.
func settleItems(lay *surveyLayout, opt Options) error {
	if opt.Codebook == nil {
		return nil
	}
	byItem := map[string][]int{}
	var order []string
	for i, c := range lay.columns {
		if c.use != useItem {
			continue
		}
		if _, ok := byItem[c.item.ID]; !ok {
			order = append(order, c.item.ID)
		}
		byItem[c.item.ID] = append(byItem[c.item.ID], i)
	}
	fields := make([]string, 0, len(opt.Columns))
	for f := range opt.Columns {
		fields = append(fields, f)
	}
	sort.Strings(fields)
	for _, f := range fields {
		if _, _, ok := opt.Codebook.Item(f); !ok {
			continue
		}
		found := false
		for _, i := range byItem[f] {
			found = found || lay.columns[i].explicit
		}
		if !found {
			return model.Reasonf("column %q named for item %s is not in the header: %w", "kolom %q, genoemd voor item %s, staat niet in de kopregel: %v", opt.Columns[f], f, ErrMissingColumn)
		}
	}
	for _, id := range order {
		cols := byItem[id]
		if len(cols) == 1 {
			continue
		}
		chosen := -1
		for _, i := range cols {
			if lay.columns[i].explicit {
				chosen = i
			}
		}
		if chosen < 0 {
			names := make([]string, len(cols))
			for j, i := range cols {
				names[j] = strconv.Quote(lay.columns[i].header)
			}
			return model.Reasonf("item %s matches %d columns (%s): name its column in study.yaml (columns: {%s: %s})",
				"item %s past bij %d kolommen (%s): noem de kolom in study.yaml (columns: {%s: %s})",
				id, len(cols), strings.Join(names, ", "), id, lay.columns[cols[0]].header)
		}
		for _, i := range cols {
			if i != chosen {
				c := &lay.columns[i]
				c.use, c.item, c.scale, c.decode, c.refuse = useOther, codebook.Item{}, codebook.Scale{}, nil, nil
			}
		}
	}
	return nil
}

var bracketPart = regexp.MustCompile(`\[([^\[\]]+)\]\s*$`)

// questionParts returns a heading and the sub-question parts it may carry.
func questionParts(h string) []string {
	h = strings.TrimSpace(h)
	if h == "" {
		return nil
	}
	parts := []string{h}
	if m := bracketPart.FindStringSubmatch(h); m != nil {
		parts = append(parts, m[1])
	}
	for _, sep := range []string{" - ", "-", ".", ":"} {
		if i := strings.LastIndex(h, sep); i > 0 && i+len(sep) < len(h) {
			parts = append(parts, h[i+len(sep):])
		}
	}
	return parts
}

// openColumn collects the non-empty values of a column that is not an item.
type openColumn struct {
	index  int
	values []respondentValue
}

type respondentValue struct {
	respondent int // index into ds.Respondents
	text       string
}

// readResponses reads the data rows of a survey with a known layout.
func readResponses(path, sheet string, src rowSource, lay *surveyLayout, opt Options) (model.Dataset, error) {
	var ds model.Dataset
	if err := waveColumn(lay, opt); err != nil {
		return ds, model.Reasonf("%s: %w", "%s: %v", path, err)
	}
	count := model.FileCount{Path: path, Format: lay.format}
	if opt.TableIDs != nil {
		opt.tableZeros = &zerosIndex{} // one lookup a row for the table's ids with other zeros
	}
	stem := fileTag(path, opt) // a row without an id is the file's tag and its line
	idCol, submitCol, waveCol, statusCol := -1, -1, -1, -1
	var items, itemCols []int // item columns of the file, and their columns in ds.Survey
	others := map[int]*openColumn{}
	var otherOrder []int
	for i, c := range lay.columns {
		switch c.use {
		case useRespondent:
			if idCol < 0 {
				idCol = i
			}
		case useSubmitted:
			if submitCol < 0 {
				submitCol = i
			}
		case useWave:
			waveCol = i
		case useStatus:
			if statusCol < 0 {
				statusCol = i
			}
		case useItem:
			items = append(items, i)
			itemCols = append(itemCols, ds.Survey.Column(c.item.ID))
			if ds.Survey.Headers == nil {
				ds.Survey.Headers = map[string]string{}
			}
			if _, ok := ds.Survey.Headers[c.item.ID]; !ok {
				ds.Survey.Headers[c.item.ID] = c.header
			}
		case useOther, useOpen:
			others[i] = &openColumn{index: i}
			otherOrder = append(otherOrder, i)
			if c.use == useOther && c.header != "" {
				ds.Unmatched = append(ds.Unmatched, model.Column{File: path, Header: c.header})
			}
		}
	}
	header := func(i int) string {
		if i >= 0 && i < len(lay.columns) && lay.columns[i].header != "" {
			return lay.columns[i].header
		}
		return columnLetter(i)
	}
	waves := newRowWaves(opt, waveCol, header(waveCol)) // survey_wave.go
	reject := func(line, col int, value string, err error, item string) {
		column := ""
		if col >= 0 {
			column = header(col)
		}
		ds.Rejects = append(ds.Rejects, model.Reject{File: path, Sheet: sheet, Row: line, Column: column, Value: value, Err: err, Cell: item != "", Item: item,
			IsID: col >= 0 && col == idCol && value != ""})
	}
	// named is the number of columns up to the last one with a header: trailing columns
	// whose header cell is empty (stray formatted columns of a saved sheet, "K4;;") hold
	// nothing a row must reach, so a row that stops before them is whole.
	named := layoutNamedColumns(lay) // survey_trailing.go
	// A text file bounds its rows by its lines: size the respondents, the rows of the
	// survey and the ids seen for them up front, instead of growing them row by row.
	hint := 0
	if l, ok := src.(interface{ LinesLeft() int }); ok {
		hint = min(l.LinesLeft()+1, maxRowsAhead)
	}
	seen := make(map[string]int, hint)
	ds.Respondents = make([]model.Respondent, 0, hint)
	ds.Survey.Reserve(hint)
	var answers answerCache
	var types responseTypes // a Qualtrics Status column's previews, spam and tests
	// A row's cells are cut from one string (fieldBuf.strings, the workbook reader's
	// row): a respondent that kept its id, municipality or role as read would keep the
	// whole row, some 300 bytes a respondent, 30 MB on a national survey, for the rest
	// of the run. The few distinct municipalities, roles and waves are kept once each
	// (intern), an id or a name is copied.
	interned := map[string]string{}
	const maxInterned = 4096 // past as many distinct values, each is copied
	intern := func(v string) string {
		if v == "" {
			return ""
		}
		if x, ok := interned[v]; ok {
			return x
		}
		x := strings.Clone(v)
		if len(interned) < maxInterned {
			interned[x] = x
		}
		return x
	}
	// seenValue tells a municipality, role or wave of the rows read so far, in any case
	// (Excel's Subtotal labels a group's row by its value: survey_summaryrows.go).
	seenValue := func(v string) bool {
		for k := range interned {
			if strings.EqualFold(k, v) {
				return true
			}
		}
		return false
	}
	uc, who := uncomputedOf(src), respondentColumns(lay) // survey_broken.go
	// Each accepted row's print, to find it in another export of the survey
	// (survey_overlap_print.go): every format with a response or respondent id
	// (readers15; 0.9.0 LimeSurvey and Forms only), and Google Forms by its rows.
	printer := newPrinter(lay, idCol, submitCol)
	if opt.OnlySurvey && opt.earlierSheets == nil {
		printer = nil // no other export or sheet to find them in (Options.OnlySurvey)
	}
	if printer != nil && len(ds.Prints) == 0 {
		// A print a row, sized like the respondents: grown row by row, the prints of
		// two exports of 100,000 took 0.15 s of CPU in copies.
		ds.Prints = make([]model.ResponsePrint, 0, hint)
	}
	sheets := sheetOverlap{path: path, sheet: sheet, earlier: opt.earlierSheets, older: opt.olderSheetRows} // survey_overlap_sheets.go
	var sheetOrder []int                                                                                    // a sheet's cells in the order of their column names, to compare them with other sheets'
	heads := make([]string, len(lay.columns))                                                               // the header's cells
	for i, c := range lay.columns {
		heads[i] = c.header
	}
	if opt.earlierSheets != nil {
		sheetOrder = canonicalOrder(heads) // sheets.go
	}
	spelled := 0                   // ids taken as the respondents table's spelling
	names := newHeaderNames(heads) // a second export's header in another order: header_reordered.go
	for src.Next() {
		row := src.Row()
		line := src.Line()
		if emptyRow(row) && !lay.everyRow {
			continue // an empty row holds nothing to account for
		}
		count.Read++
		// The header again in another column order, perhaps with a column more: the rows
		// below would be read under the wrong items (header_reordered.go).
		if col, from, ok := names.reordered(row); ok && !lay.everyRow {
			return model.Dataset{}, reorderedHeaderError(path, sheet, line, heads, col, from)
		}
		// A text row with more fields than the header has a delimiter in a value that was
		// not quoted ("goed; soms slecht"): every answer after it would be read in its
		// neighbour's column, so the row is rejected rather than read shifted.
		if sheet == "" && len(row) > len(lay.columns) && !emptyRow(row[len(lay.columns):]) {
			count.Rejected++
			reject(line, -1, "", model.Reasonf("%w: the row has %d fields, the header %d; a value holds an unquoted delimiter", "%v: de regel heeft %d velden, de kopregel %d; een waarde bevat een scheidingsteken zonder aanhalingstekens", ErrFieldCount, len(row), len(lay.columns)), "")
			continue
		}
		// A value past the last named column where the other rows stop there: shifted
		// by an unquoted delimiter as well (survey_trailing.go).
		if lay.stopAtNamed && len(row) > named && !emptyRow(row[named:]) {
			count.Rejected++
			reject(line, -1, "", pastNamedColumns(row, named), "")
			continue
		}
		// Fewer fields than the header's named columns: a line break inside an unquoted
		// value split the row in two, and each half would be read as a respondent of its own.
		if sheet == "" && len(row) < named {
			count.Rejected++
			reject(line, -1, "", model.Reasonf("%w: the row has %d fields, the header %d; a value holds an unquoted line break", "%v: de regel heeft %d velden, de kopregel %d; een waarde bevat een regeleinde zonder aanhalingstekens", ErrFieldCount, len(row), named), "")
			continue
		}
		if col, only := unheadedOnly(row, lay.columns); only && !lay.everyRow {
			count.Rejected++
			reject(line, col, strings.TrimSpace(row[col]), unheadedReject(col), "")
			continue
		}
		var uncomputed cellFaults
		if uc != nil {
			uncomputed = uc.CellFaultsAt(line)
		}
		if col, err := brokenRow(row, who, uncomputed); err != nil {
			count.Rejected++
			reject(line, col, strings.TrimSpace(tableCell(row, col)), err, "")
			continue
		}
		id := strings.TrimSpace(tableCell(row, idCol))
		number := id // as written, before the file's prefix
		// The header again, as it was or in another order, and a summary row:
		// survey_summaryrows.go.
		if !lay.everyRow {
			if rowRepeatsHeader(row, heads, idCol) {
				count.Rejected++
				reject(line, -1, "", headerRepeatedReason(), "")
				continue
			}
		}
		if !lay.everyRow && lay.idPrefix == "" {
			if isSummaryWord(id) && onlyItems(row, lay, idCol) {
				count.Rejected++
				ds.Rejects = append(ds.Rejects, model.Reject{File: path, Sheet: sheet, Row: line, Column: header(idCol), Value: id, Err: summaryRowReason(id)}) // a word, no one's id
				continue
			}
			if id == "" {
				if col, label, ok := summaryLabelElsewhere(row, lay, idCol, seenValue); ok {
					count.Rejected++
					ds.Rejects = append(ds.Rejects, model.Reject{File: path, Sheet: sheet, Row: line, Column: header(col), Value: label, Err: summaryLabelReason(label, header(col))})
					continue
				}
			}
		}
		if id == "" {
			if col, v, none := answersNoItem(row, items, lay, &answers); none && !lay.everyRow { // survey_norespondent.go
				count.Rejected++
				reject(line, col, v, noRespondentReason(), "")
				continue
			}
			id = fmt.Sprintf("%s:%d", stem, line)
		} else if lay.idPrefix != "" {
			id = lay.idPrefix + id
		} else if t, zeros := opt.tableSpelling(id); zeros { // survey_tableids.go
			count.Rejected++
			reject(line, idCol, id, tableZerosReason(id), "")
			continue
		} else if t != id {
			spelled++
			id = t
		}
		wave := waves.of(row, line) // the entry's wave or the column's: survey_wave.go
		// A respondent is (wave, id): the same id in another wave is the same person
		// measured again, not a duplicate.
		key := id
		if wave != "" {
			key = wave + "\x00" + id
		}
		if err := types.judge(tableCell(row, statusCol), line); err != nil {
			count.Rejected++
			reject(line, statusCol, strings.TrimSpace(tableCell(row, statusCol)), err, "")
			continue
		}
		if first, dup := seen[key]; dup {
			count.Rejected++
			reject(line, idCol, id, model.Reasonf("%w: %q already answered in row %d", "%v: %q antwoordde al in regel %d", ErrDuplicate, id, first), "")
			continue
		}
		if why := sheets.olderVersion(line); why != nil { // another sheet holds a later version
			count.Rejected++
			count.SameResponses++
			reject(line, idCol, id, why, "")
			continue
		}
		if e, dup := opt.earlierSheets[key]; dup && e.sheet != sheet { // (this sheet's own: a second reading)
			same, err := sheets.same(e, id, line, sheetRowPrint(inOrder(row, sheetOrder)))
			if err != nil && sheets.conflict(printer, e, id, line, row) {
				count.Rejected++ // for now: sheets.resolve orders the two, and a second reading reads them so
				continue
			}
			if err != nil {
				return model.Dataset{}, err
			}
			count.Rejected++
			count.SameResponses++
			reject(line, idCol, id, same, "")
			continue
		}
		if opt.Known != nil && !opt.Known[id] {
			count.Rejected++
			en, nl := leadingZerosHint(id, opt.Known)
			reject(line, idCol, id, model.Reasonf("%[1]w: %[2]q is not in the respondents table%[3]s", "%[1]v: %[2]q staat niet in de respondententabel%[4]s", ErrUnknownRespondent, id, en, nl), "")
			continue
		}
		if why := overlapReason(opt, line); why != nil { // another export holds it: survey_overlap_print.go
			count.Rejected++
			count.SameResponses++
			reject(line, idCol, id, why, "")
			continue
		}
		if submitCol >= 0 && !opt.IncludeIncomplete {
			v := strings.TrimSpace(tableCell(row, submitCol))
			if (lay.incomplete != nil && lay.incomplete(v)) || (lay.incomplete == nil && v == "") {
				count.Rejected++
				reject(line, submitCol, v, ErrIncomplete, "")
				if printer != nil { // completed in another export?
					printer.addUnread(&ds, row, wave, line)
				}
				continue
			}
			if lay.unclearSubmit != nil && lay.unclearSubmit(v) {
				count.Rejected++
				reject(line, submitCol, v, finishedUnclearReason(v), "")
				continue
			}
		}
		id, wave = strings.Clone(id), intern(wave)
		if wave == "" {
			key = id
		}
		seen[key] = line
		count.Accepted++
		printAt := -1
		if printer != nil {
			n := len(ds.Prints)
			printer.add(&ds, row, wave, line)
			if len(ds.Prints) > n {
				printAt = n
			}
		}
		if idCol >= 0 && number != "" {
			sheets.note(key, line, inOrder(row, sheetOrder), printAt)
		}
		resp := model.Respondent{ID: id, Source: path, Wave: wave}
		var first, last string
		var parts []string
		for i, c := range lay.columns {
			v := strings.TrimSpace(tableCell(row, i))
			if c.use == useName || c.use == useFirstName || c.use == useLastName || c.use == useNamePart {
				if err := brokenCell(v, i, uncomputed); err != nil { // a name that cannot be redacted: a rejected cell (readers16)
					ds.Rejects = append(ds.Rejects, model.Reject{File: path, Sheet: sheet, Row: line, Column: header(i), Err: err, Cell: true})
					continue
				}
			}
			switch c.use {
			case useMunicipality:
				if resp.Municipality == "" {
					resp.Municipality = intern(v)
				}
			case useRole:
				if resp.Role == "" {
					resp.Role = intern(v)
				}
			case useName:
				if resp.Name == "" && !anonymous[foldName(v)] {
					resp.Name = strings.Clone(v)
				}
			case useFirstName:
				first = v
			case useLastName:
				last = v
			case useNamePart:
				if v != "" && !anonymous[foldName(v)] {
					parts = append(parts, v)
				}
			}
		}
		if resp.Name == "" {
			resp.Name = strings.TrimSpace(first + " " + last)
		}
		for _, p := range parts {
			resp.Name = joinName(resp.Name, strings.Clone(p))
		}
		ri := len(ds.Respondents)
		// A workbook whose sheet names no dimension gives no hint: the rows double.
		ds.Respondents = model.AppendDoubling(ds.Respondents, resp)
		srow := ds.Survey.AppendRow(resp.Key()) // a new respondent: repeated ids are rejected above
		ds.Survey.SetLine(srow, line)
		for k, i := range items {
			c := &lay.columns[i]
			cell := strings.TrimSpace(tableCell(row, i))
			count.Cells++
			if err := brokenCell(cell, i, uncomputed); err != nil {
				count.CellsRejected++
				reject(line, i, cell, err, c.item.ID)
				continue
			}
			a, hit, err := answers.answerCached(i, c, cell)
			if err != nil {
				count.CellsRejected++
				reject(line, i, cell, err, c.item.ID)
				continue
			}
			count.CellsAccepted++
			// A cell seen before in the column has the code it was stored with.
			if hit != nil && hit.code != model.NoAnswer {
				ds.Survey.SetCode(srow, itemCols[k], hit.code)
				continue
			}
			code := ds.Survey.Set(srow, itemCols[k], model.AnswerEntry{Value: a.Value, Missing: a.Missing, Raw: a.Raw})
			if hit != nil {
				hit.code = code
			}
		}
		for _, i := range otherOrder {
			v := strings.TrimSpace(tableCell(row, i))
			if err := brokenCell(v, i, uncomputed); err != nil {
				// an open answer or attribute: a cell of the accepted row, of no item
				ds.Rejects = append(ds.Rejects, model.Reject{File: path, Sheet: sheet, Row: line, Column: header(i), Value: v, Err: err, Cell: true})
				continue
			}
			if v != "" && (lay.unanswered == nil || !lay.unanswered(v)) {
				others[i].values = append(others[i].values, respondentValue{ri, intern(v)})
			}
		}
	}
	if err := src.Err(); err != nil {
		return model.Dataset{}, err
	}
	if printer != nil {
		printer.settle(&ds)
		sheets.settled(ds.Prints)
		if err := sheets.resolve(printer); err != nil {
			return model.Dataset{}, err
		}
	}
	for _, i := range otherOrder {
		oc := others[i]
		c := lay.columns[i]
		if len(oc.values) == 0 {
			continue
		}
		if c.use == useOpen || looksFreeText(oc.values) {
			doc := c.header
			if c.question != "" {
				doc = c.question
			}
			for _, v := range oc.values {
				rid, wave := ds.Respondents[v.respondent].ID, ds.Respondents[v.respondent].Wave
				id := filepath.Base(path) + ":" + rid + ":" + c.header
				if wave != "" {
					id = filepath.Base(path) + ":" + wave + ":" + rid + ":" + c.header
				}
				ds.Segments = append(ds.Segments, model.Segment{
					ID:         id,
					Respondent: rid,
					Wave:       wave,
					Document:   doc,
					Text:       v.text,
					Start:      -1,
					End:        -1,
					OpenAnswer: true,
					Source:     path,
				})
			}
			continue
		}
		key := foldName(c.header)
		for _, v := range oc.values {
			r := &ds.Respondents[v.respondent]
			if r.Attributes == nil {
				r.Attributes = map[string]string{}
			}
			if _, ok := r.Attributes[key]; !ok {
				r.Attributes[key] = v.text
			}
		}
	}
	ds.Warnings = append(ds.Warnings, types.warnings(path)...)
	ds.Warnings = append(ds.Warnings, waves.warnings(path)...)
	ds.Warnings = append(ds.Warnings, sheets.warnings()...) // survey_overlap_sheets.go
	if spelled > 0 {
		ds.Warnings = append(ds.Warnings, tableSpellingWarning(path, spelled)) // survey_tableids.go
	}
	ds.Survey.Compact()
	ds.Files = append(ds.Files, count)
	return ds, nil
}

// maxRowsAhead is the most rows readResponses sizes for before it reads them.
const maxRowsAhead = 1 << 21

// anonymous are the placeholders exports write where there is no name.
var anonymous = map[string]bool{"anonym": true, "anonymous": true, "anoniem": true}

// answerOf reads one answer to an item: a declared missing code, a number on the scale,
// an answer label, or a missing label or empty cell. The error says why a cell cannot be
// used. Declared missing codes (the scale's missing list) come first, on the cell as
// written and as decoded, and by number where both are numbers: Qualtrics writes -1 or
// -99 and LimeSurvey 0 for "not applicable", and these parse as numbers. A boolean cell
// (TRUE or FALSE, as the workbook reader gives it) is no answer unless the scale names it.
func answerOf(c *surveyColumn, cell string) (model.Answer, error) {
	a := model.Answer{Item: c.item.ID}
	text := cell
	if c.decode != nil {
		text = c.decode(cell)
	}
	if missingCode(c.scale, cell) || (text != cell && missingCode(c.scale, text)) {
		a.Missing, a.Raw = true, cell
		return a, nil
	}
	if c.refuse != nil {
		if err := c.refuse(cell); err != nil {
			return a, err
		}
	}
	if v, ok := ParseNumber(text); ok {
		if !onScale(c.scale, v) {
			return a, model.Reasonf("%w: %s is not one of %s", "%v: %s is niet een van %s", ErrOutOfScale, cell, scaleValues(c.scale))
		}
		a.Value = v
		if text != cell || strings.TrimSpace(cell) != strconv.FormatFloat(v, 'f', -1, 64) {
			a.Raw = cell
		}
		return a, nil
	}
	v, missing, ok := c.scale.Value(text)
	if !ok && (text == "TRUE" || text == "FALSE") {
		return a, model.Reasonf("%w: %s is a true/false cell (an Excel boolean), not an answer of scale %s", "%v: %s is een waar/onwaar-cel (een Excel-booleaanse waarde), geen antwoord van schaal %s", ErrUnknownLabel, text, c.scale.ID)
	}
	if !ok {
		return a, model.Reasonf("%w: %q is not an answer of scale %s", "%v: %q is geen antwoord van schaal %s", ErrUnknownLabel, cell, c.scale.ID)
	}
	a.Value, a.Missing = v, missing
	if _, plain := ParseNumber(cell); !plain {
		a.Raw = cell
	}
	return a, nil
}

// missingCode reports whether cell is one of the scale's declared missing codes: the same
// text, or the same number ("-1" and "-1.0"). An empty cell is not a code (it is missing
// anyway, through Scale.Value).
func missingCode(s codebook.Scale, cell string) bool {
	cell = strings.TrimSpace(cell)
	if cell == "" || len(s.Missing) == 0 {
		return false
	}
	v, isNumber := ParseNumber(cell)
	for _, m := range s.Missing {
		m = strings.TrimSpace(m)
		if m == cell {
			return true
		}
		if isNumber && m != "" && (m[0] == '-' || m[0] == '+' || (m[0] >= '0' && m[0] <= '9')) {
			if w, ok := ParseNumber(m); ok && w == v {
				return true
			}
		}
	}
	return false
}

// onScale reports whether v is one of the scale's answer values (any finite number when
// the scale lists none).
func onScale(s codebook.Scale, v float64) bool {
	if math.IsNaN(v) || math.IsInf(v, 0) {
		return false
	}
	if len(s.Answers) == 0 {
		return true
	}
	for _, a := range s.Answers {
		if a.Value == v {
			return true
		}
	}
	return false
}

func scaleValues(s codebook.Scale) string {
	if len(s.Answers) == 0 {
		return "the scale"
	}
	return strconv.FormatFloat(s.Min(), 'f', -1, 64) + ".." + strconv.FormatFloat(s.Max(), 'f', -1, 64)
}

// looksFreeText decides between an open answer and a categorical attribute: free text
// has a long answer (five words or more, or 30 characters), or a sentence of two words or
// more ending in . ! or ?; but a few values repeated across many respondents are
// categories however long.
func looksFreeText(values []respondentValue) bool {
	distinct := map[string]bool{}
	long := false
	for _, v := range values {
		distinct[v.text] = true
		words := len(strings.Fields(v.text))
		if words >= 5 || utf8.RuneCountInString(v.text) >= 30 {
			long = true
		}
		if words >= 2 && strings.ContainsAny(v.text[len(v.text)-1:], ".!?") {
			long = true
		}
	}
	if len(distinct) <= 12 && len(values) >= 2*len(distinct) && len(values) >= 6 {
		return false
	}
	return long
}

// itemColumn fills a column as an item where the codebook knows it.
func itemColumn(opt Options, c *surveyColumn, texts ...string) bool {
	it, sc, explicit, ok := matchItem(opt, append([]string{c.header}, c.names...), texts...)
	if !ok {
		return false
	}
	c.use, c.item, c.scale, c.explicit = useItem, it, sc, explicit
	return true
}

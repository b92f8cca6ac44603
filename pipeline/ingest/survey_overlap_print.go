package ingest

import (
	"hash/maphash"
	"slices"
	"strings"

	"github.com/samenspel/samenspel/pipeline/model"
)

// What a survey tool writes about when it took a response, by the folded header, in
// three kinds (attack 15, F02): identStamps never change once a response is begun
// (LimeSurvey's start time and random seed, Microsoft Forms' and Qualtrics' start
// time), so with the response number they say which response a row is, in any version
// of it; submitStamps change when a response is completed (LimeSurvey's submitdate is
// empty until then; Qualtrics' EndDate and RecordedDate) or edited (Google Forms'
// Tijdstempel is the time of the last submission), so they tell identical rows from
// others but not one response from another; lastActionStamps are the time a response
// was last changed, which says which of two versions is the later (as a later submit
// time does: ResponsePrint.SubmitTime).
var (
	identStamps  = []string{"startdate", "date started", "seed", "start time", "begintijd", "startdatum"}
	submitStamps = []string{"submitdate", "date submitted", "datum verzonden", "completion time", "tijd van voltooien", "voltooiingstijd", "timestamp", "tijdstempel",
		"enddate", "recordeddate"} // Qualtrics (and its SPSS export)
	lastActionStamps = []string{"datestamp", "date last action", "datum laatste actie", "last modified time", "tijd laatst gewijzigd", "tijd van laatste wijziging"}
)

// anonymizedStamp is the date LimeSurvey writes in every date column of a survey with
// "anonymized responses" (attack 15, F03): it says nothing about a response.
const anonymizedStamp = "1980-01-01 00:00:00"

// responseNumberHeaders are the headers, folded, of a tool's own response number:
// LimeSurvey's id (or "Response ID") and Microsoft Forms' ID. Where the study names
// another respondent column (columns: {respondent: token}) the number is still there,
// and still tells one export's response from another's (attack 15, F08).
var responseNumberHeaders = []string{"id", "response id"}

// printer makes the prints of a survey file's accepted rows (model.ResponsePrint), for
// the search for the same response in two exports of one survey
// (pipeline/survey_overlap.go). A stamp column counts only where it tells responses
// apart: a value that is empty or anonymizedStamp is no stamp, and a column with one
// value in every row of a file of two or more responses (an anonymized survey's dates)
// is none in that file (settle).
type printer struct {
	head      maphash.Hash
	byNumber  bool // the number is the tool's count from 1 (ResponsePrint.ByNumber)
	number    int  // the column of the response number; -1: the row (Google Forms) has none
	submit    int  // the submit column, -1 if none
	complete  func(string) bool
	stamps    []int // ident, submit and last-action columns, in that order
	idents    int   // stamps[:idents] are identStamps
	submits   int   // stamps[idents:submits] are submitStamps
	masks     []uint64
	first     []string // per stamp column its first value, and whether another differs
	varies    []bool
	lastIndex int // the last-action column, -1 if none
	// dates are the stamp columns' dates (survey_stamp_dates.go), submitFrom per print
	// the stamp whose value is its SubmitTime (-1: none).
	dates      []stampColumn
	submitFrom []int
	cells      []byte // rowPrint's buffer
}

// newPrinter returns the printer of a file read with lay, or nil where nothing in its
// rows tells one response from another: LimeSurvey and Forms with their response number
// (the respondent id, or beside a respondent column the study names), Google Forms,
// whose rows have no number but a Tijdstempel (printed by their cells alone), and every
// other format with a response or respondent id (Qualtrics' ResponseId, SPSS, an id
// column: readers15), whose id is no count from 1 (ByNumber false).
func newPrinter(lay *surveyLayout, idCol, submitCol int) *printer {
	p := &printer{number: -1, submit: submitCol, lastIndex: -1}
	switch {
	case lay.format == FormatLimeSurvey || lay.format == FormatForms:
		p.byNumber = true
		if lay.responseNumbers && idCol >= 0 {
			p.number = idCol
			break
		}
		for i, c := range lay.columns {
			if c.use == useMeta && slices.Contains(responseNumberHeaders, foldName(c.header)) {
				p.number = i
				break
			}
		}
	case idCol >= 0:
		p.number = idCol
	default:
		return nil
	}
	for kind, names := range [][]string{identStamps, submitStamps, lastActionStamps} {
		for i, c := range lay.columns {
			if len(p.stamps) < 64 && slices.Contains(names, foldName(c.header)) {
				if kind == 2 && p.lastIndex < 0 {
					p.lastIndex = len(p.stamps)
				}
				p.stamps = append(p.stamps, i)
			}
		}
		switch kind {
		case 0:
			p.idents = len(p.stamps)
		case 1:
			p.submits = len(p.stamps)
		}
	}
	if p.number < 0 && p.submits == 0 {
		return nil // no number and no stamp to know a response by
	}
	p.head = headerHash(lay)
	p.first = make([]string, len(p.stamps))
	p.varies = make([]bool, len(p.stamps))
	p.dates = make([]stampColumn, len(p.stamps))
	for k, i := range p.stamps {
		p.dates[k] = stampColumn{header: lay.columns[i].header, dayFirst: true, monthFirst: true}
	}
	p.complete = func(v string) bool {
		if lay.incomplete != nil {
			return !lay.incomplete(v)
		}
		return v != ""
	}
	return p
}

// add prints an accepted row: wave and line as read.
func (p *printer) add(ds *model.Dataset, row []string, wave string, line int) {
	number := ""
	if p.number >= 0 {
		number = strings.TrimSpace(tableCell(row, p.number))
		if number == "" {
			return
		}
	}
	r := model.ResponsePrint{Number: strings.Clone(number), Wave: wave, Line: line, Same: rowPrint(p.head, row, &p.cells), ByNumber: p.byNumber}
	// An id that is no count from 1 (Qualtrics' ResponseId, an id column) starts from
	// the header's hash (readers15): a file with other columns (the other part of a
	// survey split in two) holds other answers of the respondent, not another version.
	var id maphash.Hash
	id.SetSeed(printSeed)
	if !p.byNumber {
		id = p.head
	}
	id.WriteString(number)
	var mask uint64
	from := -1
	for k, i := range p.stamps {
		v := strings.TrimSpace(tableCell(row, i))
		if k < p.idents {
			id.WriteByte(0)
			id.WriteString(v)
		}
		if v == "" || v == anonymizedStamp {
			continue
		}
		mask |= 1 << k
		p.dates[k].observe(v)
		if p.first[k] == "" {
			p.first[k] = strings.Clone(v)
		} else if v != p.first[k] {
			p.varies[k] = true
		}
		if k == p.lastIndex {
			r.LastAction = strings.Clone(v)
		}
		if k >= p.idents && k < p.submits {
			r.SubmitTime, from = v, k // the last one written (Qualtrics: RecordedDate after EndDate)
		}
	}
	r.Ident = id.Sum64()
	r.SubmitTime = strings.Clone(r.SubmitTime)
	if p.submit >= 0 {
		r.HasSubmit, r.Complete = true, p.complete(strings.TrimSpace(tableCell(row, p.submit)))
	}
	ds.Prints = model.AppendDoubling(ds.Prints, r)
	p.masks = model.AppendDoubling(p.masks, mask)
	p.submitFrom = model.AppendDoubling(p.submitFrom, from)
}

// addUnread prints a row rejected as an incomplete response, so that a later export
// that holds it completed makes it an older version of that response (no loss) rather
// than an answer lost (ResponsePrint.Unread).
func (p *printer) addUnread(ds *model.Dataset, row []string, wave string, line int) {
	n := len(ds.Prints)
	p.add(ds, row, wave, line)
	if len(ds.Prints) > n {
		ds.Prints[n].Unread = true
	}
}

// settle says, once every row is printed, which prints have a stamp that tells them
// apart: HasIdent where an ident column does, HasStamp where any does.
func (p *printer) settle(ds *model.Dataset) {
	var usable uint64
	for k := range p.stamps {
		if p.first[k] != "" && (p.varies[k] || len(ds.Prints) < 2) {
			usable |= 1 << k
		}
	}
	ident := uint64(1)<<p.idents - 1
	for i := range ds.Prints {
		m := p.masks[i] & usable
		ds.Prints[i].HasIdent = m&ident != 0
		ds.Prints[i].HasStamp = m != 0
		p.orderDates(&ds.Prints[i], p.submitFrom[i])
	}
	p.masks, p.submitFrom = nil, nil
}

// orderDates writes a print's times from the year on where their columns say how to
// read them (survey_stamp_dates.go); Unordered names the column of a time they do not.
func (p *printer) orderDates(r *model.ResponsePrint, from int) {
	var unordered bool
	if from >= 0 {
		if r.SubmitTime, unordered = p.dates[from].normalize(r.SubmitTime); unordered {
			r.Unordered = p.dates[from].header
		}
	}
	if p.lastIndex >= 0 && r.LastAction != "" {
		if r.LastAction, unordered = p.dates[p.lastIndex].normalize(r.LastAction); unordered {
			r.Unordered = p.dates[p.lastIndex].header
		}
	}
}

// overlapReason is why line of a survey read a second time is rejected, or nil: another
// export holds the same response (Options.SameResponses) or a later version of it
// (Options.OlderResponses).
func overlapReason(opt Options, line int) error {
	if place, ok := opt.SameResponses[line]; ok {
		return sameResponse(place)
	}
	if place, ok := opt.OlderResponses[line]; ok {
		return model.Reasonf("%w: an older version of a response (the same number, started at the same time or with the same seed, other answers) whose later version is in %s, where it is counted",
			"%v: een oudere versie van een respons (hetzelfde nummer, op dezelfde tijd begonnen of met dezelfde seed, andere antwoorden) waarvan de latere versie in %s staat, waar ze telt", ErrSameResponse, place)
	}
	return nil
}

// pending is a row's times as add would print them, without printing it (a row that
// another sheet holds with other answers: survey_overlap_sheets.go): its dates count
// for their columns' order, and orderDates writes them once the file is read.
func (p *printer) pending(row []string) (r model.ResponsePrint, from int) {
	from = -1
	for k, i := range p.stamps {
		v := strings.TrimSpace(tableCell(row, i))
		if v == "" || v == anonymizedStamp {
			continue
		}
		p.dates[k].observe(v)
		if k == p.lastIndex {
			r.LastAction = strings.Clone(v)
		}
		if k >= p.idents && k < p.submits {
			r.SubmitTime, from = strings.Clone(v), k
		}
	}
	if p.submit >= 0 {
		r.HasSubmit, r.Complete = true, p.complete(strings.TrimSpace(tableCell(row, p.submit)))
	}
	return r, from
}

package ingest

import (
	"fmt"
	"strconv"
	"strings"
	"time"

	"github.com/samenspel/samenspel/pipeline/model"
)

// The times of a response (StartDate, EndDate, RecordedDate, submitdate, ...) not
// written from the year on (readers16). Qualtrics and LimeSurvey write them so
// (2025-03-12 14:02:00), and SPSS stores them as numbers that the reader writes so, but
// an export opened in Excel and saved again holds them as the sheet shows them: Dutch
// Excel "12-3-2025 14:02", US Excel or Google Sheets "3/12/2025 2:02 PM", a British
// "12/03/2025 14:02", and SPSS's own text formats (PSPP manual, "Time and Date
// Formats") DATETIME "12-MAR-2025 14:02:00", ADATE "03/12/2025", EDATE "12.03.2025",
// SDATE "2025/03/12". Until 0.10.0 two versions of a response with such times could
// not be ordered and the run stopped. Now a stamp column's dates are read where the
// file says which number is the day: a month name, the year first or dots (day first
// in every locale that writes them) in the value itself, or else a day above 12
// somewhere in the column (13-3-2025: every date of the column is day first; 3/13/2025:
// month first). A column whose every date could be read either way (all days 1 to 12)
// says nothing, and a version it should order still stops the run, now naming the
// column (ResponsePrint.Unordered).

// stampDate is a date and time read from a stamp that is not written year first: a and
// b are its first two numbers, day and month in an order the value itself does not say
// unless fixed (then a is the day, b the month).
type stampDate struct {
	a, b, year int
	fixed      bool
	h, m, s    int
}

// monthNames are the months as SPSS (JAN..DEC) and Dutch or English dates write them
// in short: "12-MAR-2025", "12-mrt-2025".
var monthNames = map[string]int{
	"jan": 1, "feb": 2, "mar": 3, "mrt": 3, "apr": 4, "may": 5, "mei": 5, "jun": 6,
	"jul": 7, "aug": 8, "sep": 9, "oct": 10, "okt": 10, "nov": 11, "dec": 12,
}

// parseStamp reads v as a date (day, month and a four-digit year, separated by -, / or
// .) with an optional time (h:mm, h:mm:ss, with AM or PM); false where it is none.
func parseStamp(v string) (stampDate, bool) {
	var d stampDate
	v = strings.TrimSpace(v)
	date, clock, _ := strings.Cut(v, " ")
	sep := strings.IndexAny(date, "-/.")
	if sep < 0 {
		return d, false
	}
	parts := strings.Split(date, date[sep:sep+1])
	if len(parts) != 3 {
		return d, false
	}
	num := func(s string) int {
		if len(s) == 0 || len(s) > 4 {
			return -1
		}
		n, err := strconv.Atoi(s)
		if err != nil || n < 0 {
			return -1
		}
		return n
	}
	month := func(s string) int {
		if m, ok := monthNames[strings.ToLower(s)]; ok {
			return m
		}
		return -1
	}
	switch {
	case len(parts[0]) == 4 && len(parts[2]) <= 2: // 2025/03/12 (SDATE)
		d.year, d.b, d.a, d.fixed = num(parts[0]), num(parts[1]), num(parts[2]), true
	case len(parts[2]) == 4:
		d.year = num(parts[2])
		d.a = num(parts[0])
		if m := month(parts[1]); m > 0 { // 12-MAR-2025 (DATETIME)
			d.b, d.fixed = m, true
		} else {
			d.b = num(parts[1])
			d.fixed = date[sep] == '.' // 12.03.2025 (EDATE): day first wherever dots are written
		}
	default:
		return d, false
	}
	if d.year < 1000 || d.a < 1 || d.b < 1 || d.a > 31 || d.b > 31 {
		return d, false
	}
	if d.fixed && !validDate(d.year, d.b, d.a) {
		return d, false
	}
	if !d.fixed && !validDate(d.year, d.b, d.a) && !validDate(d.year, d.a, d.b) {
		return d, false
	}
	clock = strings.TrimSpace(clock)
	if clock == "" {
		return d, true
	}
	hm, half, _ := strings.Cut(clock, " ")
	f := strings.Split(hm, ":")
	if len(f) < 2 || len(f) > 3 {
		return d, false
	}
	if len(f) == 3 {
		f[2], _, _ = strings.Cut(f[2], ".") // fractions of a second
	}
	d.h, d.m = num(f[0]), num(f[1])
	if len(f) == 3 {
		d.s = num(f[2])
	}
	if d.h < 0 || d.m < 0 || d.s < 0 || d.m > 59 || d.s > 59 || len(f[1]) != 2 {
		return d, false
	}
	switch strings.ToUpper(strings.TrimSpace(half)) {
	case "":
		if d.h > 23 {
			return d, false
		}
	case "AM", "PM":
		if d.h < 1 || d.h > 12 {
			return d, false
		}
		d.h %= 12
		if strings.EqualFold(strings.TrimSpace(half), "PM") {
			d.h += 12
		}
	default:
		return d, false
	}
	return d, true
}

// validDate reports whether day exists in month of year.
func validDate(year, month, day int) bool {
	if month < 1 || month > 12 || day < 1 {
		return false
	}
	t := time.Date(year, time.Month(month), day, 0, 0, 0, 0, time.UTC)
	return t.Day() == day
}

// iso writes the date from the year on, day first (a the day) or month first, as the
// stamps a tool writes compare (laterStamp).
func (d stampDate) iso(dayFirst bool) string {
	day, month := d.a, d.b
	if !dayFirst {
		day, month = d.b, d.a
	}
	return fmt.Sprintf("%04d-%02d-%02d %02d:%02d:%02d", d.year, month, day, d.h, d.m, d.s)
}

// stampColumn gathers what a stamp column's dates say of their order: dayFirst and
// monthFirst stay true while every date read so far can be read so.
type stampColumn struct {
	header               string
	dayFirst, monthFirst bool
}

// observe notes one value of the column.
func (c *stampColumn) observe(v string) {
	if v == "" || isoStamp(v) {
		return
	}
	d, ok := parseStamp(v)
	if !ok || d.fixed {
		return
	}
	c.dayFirst = c.dayFirst && validDate(d.year, d.b, d.a)
	c.monthFirst = c.monthFirst && validDate(d.year, d.a, d.b)
}

// normalize returns v written from the year on where the column says how to read it,
// else v with unordered true where v is a date whose day and month the column does not
// tell apart.
func (c *stampColumn) normalize(v string) (string, bool) {
	if v == "" || isoStamp(v) {
		return v, false
	}
	d, ok := parseStamp(v)
	switch {
	case !ok:
		return v, false // no date: compared as before (laterStamp: not at all)
	case d.fixed:
		return d.iso(true), false
	case c.dayFirst && !c.monthFirst:
		return d.iso(true), false
	case c.monthFirst && !c.dayFirst:
		return d.iso(false), false
	}
	return v, true
}

// isoStamp reports whether v starts as a date from the year on (2025-03-04): such
// stamps of one length compare as strings (pipeline.laterStamp).
func isoStamp(v string) bool {
	if len(v) < 10 || v[4] != '-' || v[7] != '-' {
		return false
	}
	for _, i := range []int{0, 1, 2, 3, 5, 6, 8, 9} {
		if v[i] < '0' || v[i] > '9' {
			return false
		}
	}
	return true
}

// StampReadings are the ways v can be read as a time from the year on: v itself where
// it is written so, one reading where its form says the order, two where it may be day
// first or month first (a print's time that its column left Unordered), none where it
// is no date. Two versions are ordered only where every reading of each says the same
// (pipeline.laterStamp): "1-2-2025 11:10" is before 2025-02-04 09:30 read either way.
func StampReadings(v string) []string {
	if isoStamp(v) {
		return []string{v}
	}
	d, ok := parseStamp(v)
	switch {
	case !ok:
		return nil
	case d.fixed:
		return []string{d.iso(true)}
	}
	var out []string
	if validDate(d.year, d.b, d.a) {
		out = append(out, d.iso(true))
	}
	if validDate(d.year, d.a, d.b) && d.a != d.b {
		out = append(out, d.iso(false))
	}
	return out
}

// LaterVersion says which of two versions of a response the rows themselves say is the
// later: 1 a, -1 b, 0 neither. A submitted version is later than one not submitted (a
// completed response never becomes incomplete again); else the later time of last
// change, else the later submit or record time (Qualtrics' RecordedDate, LimeSurvey's
// submitdate), compared as LaterStamp says.
func LaterVersion(a, b *model.ResponsePrint) int {
	if a.HasSubmit && b.HasSubmit && a.Complete != b.Complete {
		if a.Complete {
			return 1
		}
		return -1
	}
	if c := LaterStamp(a.LastAction, b.LastAction); c != 0 {
		return c
	}
	return LaterStamp(a.SubmitTime, b.SubmitTime)
}

// LaterStamp is 1 where time x is later than y, -1 where earlier, 0 where they are the
// same or nothing says which: written from the year on (2025-03-04 10:33:00, as the
// reader writes a date whose order its column says), a time is compared as it is; a
// date its column left day first or month first (ResponsePrint.Unordered) in both
// readings (StampReadings), and it is later only where every reading says so.
func LaterStamp(x, y string) int {
	if x == y || x == "" || y == "" {
		return 0
	}
	if len(x) == len(y) && isoStamp(x) && isoStamp(y) {
		if x > y {
			return 1
		}
		return -1
	}
	later := 0
	for _, a := range StampReadings(x) {
		for _, b := range StampReadings(y) {
			c := 0
			switch {
			case len(a) != len(b) || a == b:
				return 0
			case a > b:
				c = 1
			default:
				c = -1
			}
			if later != 0 && c != later {
				return 0
			}
			later = c
		}
	}
	return later
}

package sheet

import (
	"fmt"
	"math"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/xuri/excelize/v2"
)

// formatKind is what a number format shows of a number.
type formatKind int8

const (
	showsNumber formatKind = iota // the number itself, or anything not a date
	showsDate                     // a date, perhaps with a time of day
	showsTime                     // a time of day
	showsVaries                   // depends on the value: left to excelize
	// showsPadded and above: a whole number padded with zeros to showsPadded+n digits
	// (the custom format "000": ids 001, 002 that Excel stores as 1, 2).
	showsPadded formatKind = 16
)

// paddedCode matches a custom format of zeros alone ("000", "00000").
var paddedCode = regexp.MustCompile(`^0{2,32}$`)

// paddedText writes a whole number raw with zeros before it to width digits, as the
// format "000" shows it; anything else stays raw. An id typed as 001 in Excel is stored
// as 1 with that format, and read as 1 it joined no interview of respondent 001 (an
// attack on the readers, F07: two people read as four).
func paddedText(raw []byte, width int) []byte {
	if len(raw) == 0 || len(raw) >= width {
		return raw
	}
	for _, c := range raw {
		if c < '0' || c > '9' {
			return raw
		}
	}
	out := make([]byte, 0, width)
	for range width - len(raw) {
		out = append(out, '0')
	}
	return append(out, raw...)
}

var (
	dateView  = regexp.MustCompile(`^\d{1,4}[-/.]\d{1,2}[-/.]\d{1,4}([ T]\d{1,2}:\d{2}(:\d{2}(\.\d+)?)?( ?[AaPp][Mm])?)?$`)
	timeView  = regexp.MustCompile(`^\d{1,2}:\d{2}(:\d{2}(\.\d+)?)?( ?[AaPp][Mm])?$`)
	monthView = regexp.MustCompile(`(?i)\b(jan|feb|mar|maart|mrt|apr|may|mei|jun|jul|aug|sep|oct|okt|nov|dec)[a-z]*\b.*\d|\d.*\b(jan|feb|mar|maart|mrt|apr|may|mei|jun|jul|aug|sep|oct|okt|nov|dec)`)
)

// viewKind says what a formatted value looks like: a time of day (14:30, 2:30 PM), a
// date (2024-03-05, 5-3-2024, 5 mrt 2024, with or without a time), or neither.
func viewKind(view string) formatKind {
	switch {
	case timeView.MatchString(view):
		return showsTime
	case dateView.MatchString(view) || monthView.MatchString(view):
		return showsDate
	}
	return showsNumber
}

// CellText chooses what a cell says given its raw value and the value as its number
// format shows it: the raw value, except for a date or a time, which the raw value
// holds as a serial day number and the formatted value shows as a date; that becomes
// ISO 8601 so that it reads the same whatever the author's locale; and a boolean, which
// the raw value holds as 1 or 0 and excelize shows as TRUE or FALSE, which it stays: a
// TRUE in a column of answers 1..5 is no answer 1.
func CellText(raw, view string, date1904 bool) string {
	if (raw == "1" && view == "TRUE") || (raw == "0" && view == "FALSE") {
		return view
	}
	if len(view) > len(raw) && strings.Trim(view[:len(view)-len(raw)], "0") == "" && string(paddedText([]byte(raw), len(view))) == view {
		return view // a whole number padded with zeros by its format: 001
	}
	return dateText(raw, viewKind(view), date1904)
}

var trueText, falseText = []byte("TRUE"), []byte("FALSE")

// boolText is a boolean cell's value as Excel (in English) and excelize show it: TRUE for
// 1, FALSE for 0, anything else as written.
func boolText(v []byte) []byte {
	switch string(v) {
	case "1":
		return trueText
	case "0":
		return falseText
	}
	return v
}

// dateText writes a serial day number in a cell of that kind as ISO 8601: a time of day
// (serial below 1 in a time format) as hh:mm:ss, a day as yyyy-mm-dd, a moment as
// yyyy-mm-dd hh:mm:ss (rounded to the second). Anything else, and a serial outside
// Excel's range (0 to 9999-12-31), stays raw.
func dateText(raw string, kind formatKind, date1904 bool) string {
	if kind != showsDate && kind != showsTime {
		return raw
	}
	serial, err := strconv.ParseFloat(raw, 64)
	if err != nil || math.IsNaN(serial) || math.IsInf(serial, 0) || serial < 0 || serial > 2958466 {
		return raw
	}
	if kind == showsTime && serial < 1 {
		secs := int(math.Round(serial * 86400))
		return fmt.Sprintf("%02d:%02d:%02d", secs/3600%24, secs/60%60, secs%60)
	}
	t, err := excelize.ExcelDateToTime(serial, date1904)
	if err != nil {
		return raw
	}
	t = t.Round(1e9)
	if t.Hour() == 0 && t.Minute() == 0 && t.Second() == 0 {
		return t.Format("2006-01-02")
	}
	return t.Format("2006-01-02 15:04:05")
}

// Options are the excelize options under which the formats are judged; the ingest
// package opens workbooks with the same.
var Options = excelize.Options{ShortDatePattern: "yyyy-mm-dd", LongTimePattern: "hh:mm:ss"}

// Sample values on which a format is judged: a time of day (14:30) and 14:30 on the
// 15th of every month of 2024, so that every month's name is seen. A format that shows
// them as different kinds ([h]:mm:ss shows 1088438:30:00 for a day in 2024, a German
// "15. März" is not read as a date where "15. Februar" is) varies.
var samples = func() []float64 {
	v := []float64{0.6041666666666666}
	for m := time.January; m <= time.December; m++ {
		day := time.Date(2024, m, 15, 0, 0, 0, 0, time.UTC).Sub(time.Date(1899, 12, 30, 0, 0, 0, 0, time.UTC)).Hours() / 24
		v = append(v, day+0.6041666666666666)
	}
	return v
}()

// formats renders sample values through excelize, once per format.
var formats struct {
	sync.Mutex
	book  *excelize.File
	cache map[string]formatKind
}

// kindOfCode says what a custom format code shows. A code with none of the letters of
// a date or time outside quotes shows a number, without asking excelize.
func kindOfCode(code string) formatKind {
	if paddedCode.MatchString(code) {
		return showsPadded + formatKind(len(code))
	}
	if !mayShowDate(code) {
		return showsNumber
	}
	return render("code:"+code, &excelize.Style{CustomNumFmt: &code})
}

// kindOfBuiltin says what a built-in format (by id) shows.
func kindOfBuiltin(id int) formatKind {
	switch {
	case id >= 0 && id <= 13, id >= 37 && id <= 44, id == 48, id == 49:
		return showsNumber
	case id >= 14 && id <= 22, id >= 27 && id <= 36, id >= 45 && id <= 47, id >= 50 && id <= 62, id >= 67 && id <= 81:
		return render("id:"+strconv.Itoa(id), &excelize.Style{NumFmt: id})
	}
	return showsNumber // excelize leaves a cell of an unknown format as it is
}

// mayShowDate reports whether a format code holds, outside quoted text, escapes and
// brackets other than [h], [m] and [s], a letter of a date or time format.
func mayShowDate(code string) bool {
	for i := 0; i < len(code); i++ {
		switch c := code[i]; c {
		case '"':
			if j := strings.IndexByte(code[i+1:], '"'); j >= 0 {
				i += j + 1
			} else {
				return true
			}
		case '\\', '_', '*':
			i++
		case '[':
			j := strings.IndexByte(code[i:], ']')
			if j < 0 {
				return true
			}
			inner := strings.ToLower(code[i+1 : i+j])
			if strings.Trim(inner, "hms") == "" && inner != "" {
				return true
			}
			i += j
		default:
			switch c | 0x20 {
			case 'y', 'm', 'd', 'h', 's', 'a', 'p', 'b', 'g', 'e':
				if c|0x20 == 'e' && i+1 < len(code) && (code[i+1] == '+' || code[i+1] == '-') {
					continue // scientific notation: 0.00E+00
				}
				if strings.EqualFold(code[i:min(i+7, len(code))], "general") {
					i += 6
					continue
				}
				return true
			}
		}
	}
	return false
}

// render formats the sample values with excelize under Options and judges the views.
func render(key string, style *excelize.Style) formatKind {
	formats.Lock()
	defer formats.Unlock()
	if k, ok := formats.cache[key]; ok {
		return k
	}
	if formats.book == nil {
		formats.book = excelize.NewFile(Options)
		formats.cache = map[string]formatKind{}
	}
	kind := showsVaries
	if id, err := formats.book.NewStyle(style); err == nil {
		const sheet = "Sheet1"
		kinds := make([]formatKind, len(samples))
		ok := true
		for i, v := range samples {
			cell := "A" + strconv.Itoa(i+1)
			if formats.book.SetCellFloat(sheet, cell, v, -1, 64) != nil || formats.book.SetCellStyle(sheet, cell, cell, id) != nil {
				ok = false
				break
			}
			view, err := formats.book.GetCellValue(sheet, cell)
			raw, _ := formats.book.GetCellValue(sheet, cell, excelize.Options{RawCellValue: true})
			if err != nil {
				ok = false
				break
			}
			if view == raw {
				kinds[i] = showsNumber
			} else {
				kinds[i] = viewKind(view)
			}
		}
		if ok && !slices.ContainsFunc(kinds, func(k formatKind) bool { return k != kinds[0] }) {
			kind = kinds[0]
		}
	}
	formats.cache[key] = kind
	return kind
}

package ingest

import (
	"slices"
	"testing"
)

// TestStampReadings: the forms Excel, Google Sheets and SPSS write a response's time
// in (PSPP manual, "Time and Date Formats": DATETIME 01-OCT-1978 04:31:17, ADATE
// 10/01/1978, EDATE 01.10.1978, SDATE 1978/10/01), read from the year on: one reading
// where the form says the order, two where day and month may be either.
func TestStampReadings(t *testing.T) {
	for v, want := range map[string][]string{
		"2025-03-12 14:02:00":  {"2025-03-12 14:02:00"},
		"13-3-2025 14:02":      {"2025-03-13 14:02:00"},
		"3/13/2025 2:02 PM":    {"2025-03-13 14:02:00"},
		"12-3-2025 14:02":      {"2025-03-12 14:02:00", "2025-12-03 14:02:00"},
		"3/12/2025 12:05 AM":   {"2025-12-03 00:05:00", "2025-03-12 00:05:00"},
		"12-MAR-2025 14:02:00": {"2025-03-12 14:02:00"},
		"12-mrt-2025":          {"2025-03-12 00:00:00"},
		"03.12.2025 14:02:05":  {"2025-12-03 14:02:05"},
		"2025/03/12 14:02":     {"2025-03-12 14:02:00"},
		"5/5/2025 9:00":        {"2025-05-05 09:00:00"},
		"31-4-2025 10:00":      nil, // no 31 April, no month 31
		"30-2-2025":            nil,
		"1-2-2025 25:00":       nil,
		"1-2-2025 13:00 PM":    nil,
		"gisteren":             nil,
		"1980":                 nil,
	} {
		if got := StampReadings(v); !slices.Equal(got, want) {
			t.Errorf("StampReadings(%q) = %q, want %q", v, got, want)
		}
	}
}

// TestStampColumnOrder: a column's dates are read day first where a day above 12 says
// so, month first likewise, and left unordered where every date may be either.
func TestStampColumnOrder(t *testing.T) {
	for _, c := range []struct {
		values []string
		v      string
		want   string
		open   bool
	}{
		{[]string{"1-2-2025 10:00", "13-2-2025 16:00"}, "1-2-2025 10:00", "2025-02-01 10:00:00", false},
		{[]string{"2/1/2025 10:00 AM", "2/13/2025 4:00 PM"}, "2/1/2025 10:00 AM", "2025-02-01 10:00:00", false},
		{[]string{"1-2-2025 10:00", "3-2-2025 16:00"}, "1-2-2025 10:00", "1-2-2025 10:00", true},
		{[]string{"13-2-2025 10:00", "2/13/2025 16:00"}, "1-2-2025 10:00", "1-2-2025 10:00", true}, // both orders: the column says neither
		{[]string{"12-MAR-2025 10:00:00"}, "12-MAR-2025 10:00:00", "2025-03-12 10:00:00", false},
	} {
		col := stampColumn{header: "EndDate", dayFirst: true, monthFirst: true}
		for _, v := range c.values {
			col.observe(v)
		}
		got, open := col.normalize(c.v)
		if got != c.want || open != c.open {
			t.Errorf("%q in %q: %q (unordered %v), want %q (%v)", c.v, c.values, got, open, c.want, c.open)
		}
	}
}

package analysis

import (
	"errors"
	"strings"
	"testing"
)

func TestOrderWaves(t *testing.T) {
	for _, c := range []struct {
		in   string // labels, "|" between
		want string // in order, or "" for ErrWaveOrder
	}{
		{"10|9|2", "2|9|10"},
		{"2025|2024", "2024|2025"},
		{"1.5|1", "1|1.5"},
		{"2025-03|2024-11", "2024-11|2025-03"},
		{"03-2025|11-2024", "11-2024|03-2025"}, // month-year as Dutch researchers write it; as text 03 < 11
		{"1/2025|12/2024", "12/2024|1/2025"},
		{"05-11-2024|01-03-2025|2024-12-01", "05-11-2024|2024-12-01|01-03-2025"},
		{"T10|T2|T0", "T0|T2|T10"},
		{"meting 2|meting 1", "meting 1|meting 2"},
		{"najaar 2025|najaar 2024", "najaar 2024|najaar 2025"},
		{"voorjaar 2024|najaar 2024", ""}, // text sorts najaar first: the order must be stated
		{"nulmeting|eindmeting", ""},
		{"2024-11|05-11-2024", ""}, // a month beside a day
		{"13-2024|11-2024", ""},    // no month 13: not a date
		{"1|1.0", ""},              // one number, two labels
		{"T1 2024|T2 2024", ""},    // two numbers in a label
		{"voor|na|2", ""},
	} {
		got, err := OrderWaves(strings.Split(c.in, "|"))
		if c.want == "" {
			if !errors.Is(err, ErrWaveOrder) {
				t.Errorf("%s: order %v, want ErrWaveOrder", c.in, got)
			}
			continue
		}
		if err != nil || strings.Join(got, "|") != c.want {
			t.Errorf("%s: %v %v, want %s", c.in, got, err, c.want)
		}
	}
	got, missing := OrderWavesAs([]string{"najaar 2024", "voorjaar 2024"}, []string{"voorjaar 2024", "najaar 2024"})
	if strings.Join(got, "|") != "voorjaar 2024|najaar 2024" || missing != nil {
		t.Errorf("stated order %v, missing %v", got, missing)
	}
	if _, missing := OrderWavesAs([]string{"najaar 2024", "Voorjaar 2024"}, []string{"voorjaar 2024", "najaar 2024"}); strings.Join(missing, "|") != "Voorjaar 2024" {
		t.Errorf("missing %v", missing)
	}
}

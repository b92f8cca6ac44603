package analysis

import (
	"regexp"
	"sort"
	"strconv"
	"strings"

	"github.com/samenspel/samenspel/pipeline/model"
)

// ErrWaveOrder is the error of wave labels that have no order of their own: the study
// must state it (study.yaml's wave_order).
var ErrWaveOrder = model.NewKind("waves cannot be ordered", "de metingen hebben geen volgorde van zichzelf")

// OrderWaves sorts wave labels (each once) from the first measurement to the last and
// returns them, when the labels say their order themselves:
//
//   - every label a number: numerically (2024, 2025; 1, 2, 10);
//   - every label a date of one precision, month or day: by time, written ISO
//     (2024-11, 2024-11-05) or as in Dutch (11-2024, 05-11-2024; "/" or "." also
//     separate), the year in four digits, in any mix of these layouts;
//   - every label one text with one number in one place (T0, T1, T10; "meting 1",
//     "meting 2"; "najaar 2024", "najaar 2025"): by that number.
//
// Otherwise (voorjaar 2024 and najaar 2024; nulmeting and eindmeting; a month beside a
// day) it returns ErrWaveOrder and the labels as given: text sorted as text puts
// "najaar" before "voorjaar" and "03-2025" before "11-2024", every change with its sign
// flipped, so the study has to state the order (OrderWavesAs).
func OrderWaves(waves []string) ([]string, error) {
	if len(waves) < 2 {
		return waves, nil
	}
	for _, key := range []func(string) ([]float64, bool){waveNumber, waveDate(false), waveDate(true), waveNumbered(waves[0])} {
		if sortWavesBy(waves, key) {
			return waves, nil
		}
	}
	return waves, ErrWaveOrder
}

// OrderWavesAs sorts waves in the order stated (study.yaml's wave_order) and returns
// them; missing are the waves not in stated, in which case waves are left as given (the
// caller names them).
func OrderWavesAs(waves, stated []string) (ordered []string, missing []string) {
	at := make(map[string]int, len(stated))
	for i, w := range stated {
		at[w] = i
	}
	for _, w := range waves {
		if _, ok := at[w]; !ok {
			missing = append(missing, w)
		}
	}
	if missing != nil {
		return waves, missing
	}
	sort.SliceStable(waves, func(a, b int) bool { return at[waves[a]] < at[waves[b]] })
	return waves, nil
}

// sortWavesBy sorts waves by key when every wave has one and no two keys are equal.
func sortWavesBy(waves []string, key func(string) ([]float64, bool)) bool {
	keys := make(map[string][]float64, len(waves))
	for _, w := range waves {
		k, ok := key(w)
		if !ok {
			return false
		}
		keys[w] = k
	}
	less := func(a, b []float64) int {
		for i := range a {
			if a[i] != b[i] {
				if a[i] < b[i] {
					return -1
				}
				return 1
			}
		}
		return 0
	}
	sorted := append([]string(nil), waves...)
	sort.SliceStable(sorted, func(a, b int) bool { return less(keys[sorted[a]], keys[sorted[b]]) < 0 })
	for i := 1; i < len(sorted); i++ {
		if less(keys[sorted[i-1]], keys[sorted[i]]) == 0 {
			return false // "1" and "1.0", or "2024-3" and "2024-03": one time, two labels
		}
	}
	copy(waves, sorted)
	return true
}

func waveNumber(w string) ([]float64, bool) {
	x, err := strconv.ParseFloat(strings.TrimSpace(w), 64)
	return []float64{x}, err == nil
}

var (
	isoDate   = regexp.MustCompile(`^(\d{4})[-/.](\d{1,2})(?:[-/.](\d{1,2}))?$`)
	dutchDate = regexp.MustCompile(`^(?:(\d{1,2})[-/.])?(\d{1,2})[-/.](\d{4})$`)
)

// waveDate reads a label as year and month (day false) or year, month and day (day
// true), with a valid month and day.
func waveDate(day bool) func(string) ([]float64, bool) {
	return func(w string) ([]float64, bool) {
		w = strings.TrimSpace(w)
		var y, m, d string
		if p := isoDate.FindStringSubmatch(w); p != nil {
			y, m, d = p[1], p[2], p[3]
		} else if p := dutchDate.FindStringSubmatch(w); p != nil {
			d, m, y = p[1], p[2], p[3]
		} else {
			return nil, false
		}
		if (d != "") != day {
			return nil, false
		}
		yi, _ := strconv.Atoi(y)
		mi, _ := strconv.Atoi(m)
		di := 1
		if day {
			di, _ = strconv.Atoi(d)
		}
		if mi < 1 || mi > 12 || di < 1 || di > 31 {
			return nil, false
		}
		return []float64{float64(yi), float64(mi), float64(di)}, true
	}
}

var digits = regexp.MustCompile(`\d+`)

// waveNumbered reads a label as the text of first with one number in it: the number,
// when the label is first's text with another number in the same place.
func waveNumbered(first string) func(string) ([]float64, bool) {
	shape := func(w string) (string, []string) {
		return digits.ReplaceAllString(strings.TrimSpace(w), "#"), digits.FindAllString(w, -1)
	}
	want, nums := shape(first)
	return func(w string) ([]float64, bool) {
		s, n := shape(w)
		if len(nums) != 1 || s != want || len(n) != 1 {
			return nil, false
		}
		x, _ := strconv.ParseFloat(n[0], 64)
		return []float64{x}, true
	}
}

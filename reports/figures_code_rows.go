package reports

import (
	"fmt"
	"math"
	"sort"

	"github.com/samenspel/samenspel/pipeline/results"
)

// maxCodeRows is the most codes a figure with one bar per code shows. At 300 dpi a row
// takes about 110 pixels: 30 codes fill an A4 page, and a codebook of 198 codes made
// figures of 21,800 pixels (1.85 m) that no article can print and that took most of the
// run's drawing time. The tables keep every code.
const maxCodeRows = 30

// keepCodeRows returns the codes of score a figure shows: all of them up to maxCodeRows,
// else the maxCodeRows with the highest score (lowest, when low), ties going to the
// code that comes first in the codebook, then by id. A NaN score sorts last.
func keepCodeRows(l labels, score map[string]float64, low bool) map[string]bool {
	keep := make(map[string]bool, len(score))
	codes := make([]string, 0, len(score))
	for c := range score {
		codes = append(codes, c)
	}
	if len(codes) <= maxCodeRows {
		for _, c := range codes {
			keep[c] = true
		}
		return keep
	}
	pos := func(c string) int {
		if p, ok := l.codeOrder[c]; ok {
			return p
		}
		return len(l.codeOrder)
	}
	sort.Slice(codes, func(i, j int) bool {
		a, b := score[codes[i]], score[codes[j]]
		if na, nb := math.IsNaN(a), math.IsNaN(b); na != nb {
			return nb
		}
		if a != b && !math.IsNaN(a) {
			if low {
				return a < b
			}
			return a > b
		}
		if pi, pj := pos(codes[i]), pos(codes[j]); pi != pj {
			return pi < pj
		}
		return codes[i] < codes[j]
	})
	for _, c := range codes[:maxCodeRows] {
		keep[c] = true
	}
	return keep
}

// codeRowsShown says that a figure shows n of all codes, chosen as how says, and which
// table holds them all; nothing when it shows them all.
func codeRowsShown(res *results.Results, n, all int, hoe, how, table string) string {
	if n >= all {
		return ""
	}
	return res.Text(
		fmt.Sprintf("Getoond: de %d van de %d codes %s; alle codes staan in tabel %s.", n, all, hoe, table),
		fmt.Sprintf("Shown: the %d of %d codes %s; table %s holds every code.", n, all, how, table),
	)
}

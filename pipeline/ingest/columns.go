package ingest

import (
	"fmt"
	"sort"
	"strings"

	"github.com/samenspel/samenspel/codebook"
	"github.com/samenspel/samenspel/pipeline/model"
)

// foldName normalises a header or sheet name for matching: case, accents, a stray
// byte-order mark, white space, underscores and a closing question mark, colon or full
// stop do not count.
func foldName(s string) string {
	return strings.TrimRight(codebook.Fold(strings.TrimPrefix(s, "\ufeff")), " ?:.")
}

// FindColumns finds the columns of a table by their headers. fields maps a field
// ("respondent", "municipality", ...) to the header names it goes by, in order of
// preference, Dutch and English; names match case- and accent-insensitively. explicit
// (Options.Columns) maps a field to the exact header a study names for it and wins over
// the names in fields; an explicit header that is not in the table is an error wrapping
// ErrMissingColumn. Entries of explicit for fields not in fields are ignored, since a
// study's column mapping also names survey items.
//
// The result maps each field found to its column index; a field whose column is absent is
// left out, so callers decide which fields are required. A column serves one field only:
// explicit fields claim theirs first, then the rest in sorted field order.
func FindColumns(header []string, fields map[string][]string, explicit map[string]string) (map[string]int, error) {
	folded := make([]string, len(header))
	for i, h := range header {
		folded[i] = foldName(h)
	}
	taken := make([]bool, len(header))
	found := map[string]int{}
	names := make([]string, 0, len(fields))
	for f := range fields {
		names = append(names, f)
	}
	sort.Strings(names)
	for _, f := range names {
		h, ok := explicit[f]
		if !ok || strings.TrimSpace(h) == "" {
			continue
		}
		i := indexOfFolded(folded, taken, foldName(h))
		if i < 0 {
			return nil, model.Reasonf("column %q named for %s is not in the header%s: %w", "kolom %q, genoemd voor %s, staat niet in de kopregel%s: %v", h, f, codebook.DidYouMean(h, header), ErrMissingColumn)
		}
		found[f], taken[i] = i, true
	}
	for _, f := range names {
		if _, ok := found[f]; ok {
			continue
		}
		for _, name := range fields[f] {
			if i := indexOfFolded(folded, taken, foldName(name)); i >= 0 {
				found[f], taken[i] = i, true
				break
			}
		}
	}
	return found, nil
}

func indexOfFolded(folded []string, taken []bool, k string) int {
	if k == "" {
		return -1
	}
	for i, h := range folded {
		if h == k && !taken[i] {
			return i
		}
	}
	return -1
}

// tableCell returns row[i], or "" when the row is shorter than the header or i < 0.
func tableCell(row []string, i int) string {
	if i < 0 || i >= len(row) {
		return ""
	}
	return row[i]
}

// columnHeader returns header[i] for reject locations, or a column letter where the header
// cell is empty.
func columnHeader(header []string, i int) string {
	if i >= 0 && i < len(header) {
		if h := strings.TrimSpace(strings.TrimPrefix(header[i], "\ufeff")); h != "" {
			return h
		}
	}
	return columnLetter(i)
}

func columnLetter(i int) string {
	if i < 0 {
		return ""
	}
	s := ""
	for n := i + 1; n > 0; n = (n - 1) / 26 {
		s = string(rune('A'+(n-1)%26)) + s
	}
	return s
}

// Common header names shared by the readers.
var (
	respondentHeaders   = []string{"respondent", "respondent id", "respondentnummer", "deelnemer", "deelnemer id", "participant", "participant id", "id", "respondentid", "nr"}
	municipalityHeaders = []string{"gemeente", "municipality", "plaats", "stad", "city", "town"}
	roleHeaders         = []string{"rol", "role", "functie", "function", "beroep", "profession", "functiegroep"}
	nameHeaders         = []string{"naam", "name", "volledige naam", "full name"}
)

// shownHeader is how an error shows a row taken for a header. Where at least one cell
// names a known column (of fields), the row is a header and its cells are column names:
// they are shown (the first n). Otherwise the row may be data, or the file no table of the
// study at all (a system file given by mistake), whose content must not reach a log or a
// terminal: only its number of cells is given.
func shownHeader(header []string, fields map[string][]string, n int) error {
	if cols, _ := FindColumns(header, fields, nil); len(cols) > 0 {
		h := abbreviate(header, n)
		return model.Translated(h, h)
	}
	cells, cellen := "cells", "cellen"
	if len(header) == 1 {
		cells, cellen = "cell", "cel"
	}
	return model.Translated(fmt.Sprintf("a first row of %d %s, none a known column name (its content is not shown)", len(header), cells),
		fmt.Sprintf("een eerste regel van %d %s, geen ervan een bekende kolomnaam (de inhoud wordt niet getoond)", len(header), cellen))
}

package ingest

import (
	"regexp"
	"slices"
	"strconv"

	"github.com/samenspel/samenspel/pipeline/model"
)

// A hand-made double-coding sheet puts each coder's code beside the coder's name:
// "Code 1 | Codeur 1 | Code 2 | Codeur 2" (attack 14, codeur-columns-pooled). Read with
// numbered code columns only, Code 1 and Code 2 were one coder's codes: the segments
// where Anna and Bas disagreed counted both codes, agreement had no unit coded twice,
// and the one warning said only that "Codeur 1" was no code column.
//
// coderColumns pairs such columns. A coder column is one whose header is a coder word
// (Codeur, Coder, Codeerder, Beoordelaar, Rater), numbered or not. Where a table has
// more coder columns than its one Codeur column, or a numbered one, each names the
// coder of one code column: the code column with its number (Codeur 2 of Code 2), else
// the nearest code column to its left (Code | Codeur | Code 2 | Codeur). Every code
// column must then have its coder column and every coder column its code column;
// otherwise the read stops, naming them: a code without its coder would be pooled with
// another coder's or counted for no one, and which it is cannot be told.
//
// It returns nil where the table has at most one coder column that is not numbered
// (the row's coder, as before), else a pair per code column, in the header's order.
func coderColumns(path string, header []string, cols map[string]int, extra []int) ([]codeCoder, error) {
	codeCols := slices.Clone(extra)
	if i, ok := cols["code"]; ok {
		codeCols = append(codeCols, i)
	}
	slices.Sort(codeCols)
	mainCoder, hasMain := cols["coder"]
	var coderCols []int
	numbered := false
	for i, h := range header {
		k := foldName(h)
		if m := coderHeader.FindStringSubmatch(k); m != nil || hasMain && i == mainCoder {
			coderCols = append(coderCols, i)
			numbered = numbered || m != nil && m[1]+m[2]+m[3]+m[4] != ""
		}
	}
	if len(coderCols) == 0 || len(coderCols) == 1 && !numbered || len(codeCols) == 0 {
		return nil, nil
	}
	coderOf := map[int]int{} // code column -> its coder column
	paired := map[int]bool{} // coder columns paired
	// By number first: Codeur 2 is the coder of Code 2 wherever it stands.
	for _, c := range coderCols {
		n := columnNumber(header[c])
		if n == "" {
			continue
		}
		for _, k := range codeCols {
			if _, taken := coderOf[k]; !taken && columnNumber(header[k]) == n {
				coderOf[k], paired[c] = c, true
				break
			}
		}
	}
	// Then by place: the nearest code column to the left that has no coder column yet.
	for _, c := range coderCols {
		if paired[c] {
			continue
		}
		for j := len(codeCols) - 1; j >= 0; j-- {
			k := codeCols[j]
			if k > c {
				continue
			}
			if _, taken := coderOf[k]; !taken {
				coderOf[k], paired[c] = c, true
			}
			break
		}
	}
	var codeAlone, coderAlone []string
	for _, k := range codeCols {
		if _, ok := coderOf[k]; !ok {
			codeAlone = append(codeAlone, columnHeader(header, k))
		}
	}
	for _, c := range coderCols {
		if !paired[c] {
			coderAlone = append(coderAlone, columnHeader(header, c))
		}
	}
	if len(codeAlone) > 0 || len(coderAlone) > 0 {
		return nil, model.Reasonf("%[1]s: the coder columns %[2]s name the coder of the code column beside them (Codeur 1 of Code 1), but %[3]s: reading them would pool one coder's codes with another's or count them for no one; give every code column its coder column (Code 1 | Codeur 1 | Code 2 | Codeur 2), or keep one coder column for the whole row: %[5]w",
			"%[1]s: de codeurkolommen %[2]s noemen de codeur van de codekolom ernaast (Codeur 1 bij Code 1), maar %[4]s: zo gelezen zouden de codes van de ene codeur met die van de andere samenvallen of voor niemand tellen; geef elke codekolom haar codeurkolom (Code 1 | Codeur 1 | Code 2 | Codeur 2), of houd één codeurkolom voor de hele regel: %[5]v",
			path, quoteAll(columnNames(header, coderCols)), unpairedEN(codeAlone, coderAlone), unpairedNL(codeAlone, coderAlone), ErrCoderColumns)
	}
	pairs := make([]codeCoder, 0, len(codeCols))
	for _, k := range codeCols {
		pairs = append(pairs, codeCoder{code: k, coder: coderOf[k]})
	}
	return pairs, nil
}

// ErrCoderColumns is wrapped by the error for coder columns that do not pair with the
// code columns of a segment table.
var ErrCoderColumns = model.NewKind("coder columns that do not pair with the code columns", "codeurkolommen die niet bij de codekolommen passen")

// ErrCodeWithoutCoder is wrapped by the reject of a row whose code column holds a code
// while the coder column beside it is empty.
var ErrCodeWithoutCoder = model.NewKind("a code without its coder", "een code zonder codeur")

// codeCoder is a code column and the column naming its coder.
type codeCoder struct{ code, coder int }

// coderHeader matches a folded coder column header, its number or letter (if any) a
// submatch: "codeur 2", "codeur (2)", "codeur a", "rater_b" (a letter needs a separator
// or brackets, as in numberedCodeHeader).
var coderHeader = regexp.MustCompile(`^(?:codeur|coder|codeerder|beoordelaar|rater)(?:[ _.\-]*(?:\((\d{1,2})\)|(\d{1,2}))|[ _.\-]*\(([a-z])\)|[ _.\-]+([a-z]))?$`)

// trailingMark is the number or letter at the end of a header ("Code (2)", "Codeur_2",
// "Code A", "Codeur (b)"); a letter counts only after a separator or in brackets.
var trailingMark = regexp.MustCompile(`(?:(\d{1,2})\)?|[ _.\-(]([a-z])\)?)$`)

// columnNumber is the number a header ends in, without leading zeros, or its letter
// (lower case, "#" before it so that no letter equals a number), or "".
func columnNumber(h string) string {
	m := trailingMark.FindStringSubmatch(foldName(h))
	switch {
	case m == nil:
		return ""
	case m[2] != "":
		return "#" + m[2]
	}
	n, _ := strconv.Atoi(m[1])
	return strconv.Itoa(n)
}

func columnNames(header []string, idx []int) []string {
	out := make([]string, len(idx))
	for i, k := range idx {
		out[i] = columnHeader(header, k)
	}
	return out
}

func unpairedEN(code, coder []string) string {
	switch {
	case len(code) > 0 && len(coder) > 0:
		return "the code column(s) " + quoteAll(code) + " have no coder column and the coder column(s) " + quoteAll(coder) + " no code column"
	case len(code) > 0:
		return "the code column(s) " + quoteAll(code) + " have no coder column"
	}
	return "the coder column(s) " + quoteAll(coder) + " have no code column"
}

func unpairedNL(code, coder []string) string {
	switch {
	case len(code) > 0 && len(coder) > 0:
		return "de codekolom(men) " + quoteAll(code) + " hebben geen codeurkolom en de codeurkolom(men) " + quoteAll(coder) + " geen codekolom"
	case len(code) > 0:
		return "de codekolom(men) " + quoteAll(code) + " hebben geen codeurkolom"
	}
	return "de codeurkolom(men) " + quoteAll(coder) + " hebben geen codekolom"
}

// pairedCodings is a row's codings read through pairs: per pair the codes of its code
// cell, each the coding of the coder in its coder cell (the entry's coder: where that
// cell is empty); a coder cell with no code beside it is that coder's "reviewed,
// nothing applies" (""). A row with nothing in any pair is one such coding of the
// entry's coder, as a row without codes is. A code whose coder cell is empty, where the
// entry names no coder either, makes the row a reject (bad is its code column): whose
// coding it is cannot be told.
func pairedCodings(cell func(int) string, header []string, pairs []codeCoder, split func(string) []string, entryCoder string) (names, coders []string, bad int, err error) {
	for _, p := range pairs {
		codes := split(cell(p.code))
		coder := cell(p.coder)
		if coder == "" {
			coder = entryCoder
		}
		switch {
		case len(codes) > 0 && coder == "":
			return nil, nil, p.code, model.Reasonf("%[1]q beside it names no coder: %[2]w", "%[1]q ernaast noemt geen codeur: %[2]v", columnHeader(header, p.coder), ErrCodeWithoutCoder)
		case len(codes) == 0 && coder != "" && cell(p.coder) != "":
			names, coders = append(names, ""), append(coders, coder)
		}
		for _, c := range codes {
			names, coders = append(names, c), append(coders, coder)
		}
	}
	if len(names) == 0 {
		return []string{""}, []string{entryCoder}, -1, nil
	}
	return names, coders, -1, nil
}

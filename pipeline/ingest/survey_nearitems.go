package ingest

import (
	"sort"
	"strconv"
	"strings"
	"unicode"

	"github.com/samenspel/samenspel/codebook"
	"github.com/samenspel/samenspel/pipeline/model"
)

// A codebook item whose column header is slightly off ("K-1" for K1, "K01", a question
// text with a typo) matches no item and is read as an open answer or an attribute; the
// item's scale is then computed from its other items without a word, a different measure
// (its mean, α and agreement all change). The column is not read as the item, since the
// match would be a guess, but it is named: a warning in the summary and the report, and
// check lists it as something to fix, with the mapping that reads it.
//
// A header resembles an item that no column of the file holds where
//   - header and item id are equal after case, punctuation and white space are dropped and
//     leading zeros of their numbers removed ("K-1", "k 1", "K01" and K1), or
//   - the header, or its sub-question part as matchItem finds one, is one of the item's
//     question texts within codebook.Nearest's distance (a third of its letters), for
//     headers of at least minTextHeader letters: shorter ones are ids, compared as above.
const minTextHeader = 12

// itemWarnings are the warnings about a survey file's items: none at all where it has
// responses and the codebook has items (a header the layout did not understand: every answer unread), and the
// columns that resemble an item the file lacks (nearItems).
func itemWarnings(path string, ds *model.Dataset, lay *surveyLayout, opt Options) []model.Warning {
	if opt.Codebook == nil {
		return nil
	}
	items := 0
	for _, sc := range opt.Codebook.Scales {
		items += len(sc.Items)
	}
	if items > 0 && itemColumns(lay) == 0 && len(ds.Files) > 0 && ds.Files[len(ds.Files)-1].Accepted > 0 {
		return []model.Warning{{File: path, Err: model.Reasonf(
			"no column of the file is an item of the codebook: not one answer is read; name the item columns in study.yaml (columns: {K1: ...}) or check the header",
			"geen kolom van het bestand is een item van het codeboek: er is geen antwoord gelezen; noem de kolommen van de items in study.yaml (columns: {K1: ...}) of kijk de kopregel na")}}
	}
	near := nearItems(path, ds, lay, opt)
	return append(near, missingItems(path, ds, lay, opt)...) // survey_missingitems.go
}

// notYetWarned are the warnings of ws that ds does not have already.
func notYetWarned(ds *model.Dataset, ws []model.Warning) []model.Warning {
	var out []model.Warning
	for _, w := range ws {
		seen := false
		for _, o := range ds.Warnings {
			seen = seen || o.File == w.File && o.Err.Error() == w.Err.Error()
		}
		if !seen {
			out = append(out, w)
		}
	}
	return out
}

// nearItems marks the file's unmatched columns (ds.Unmatched, in the file's column order)
// that resemble an item the file lacks, and returns a warning for each.
func nearItems(path string, ds *model.Dataset, lay *surveyLayout, opt Options) []model.Warning {
	cb := opt.Codebook
	if cb == nil || len(ds.Unmatched) == 0 {
		return nil
	}
	held := map[string]bool{}
	for _, c := range lay.columns {
		if c.use == useItem {
			held[c.item.ID] = true
		}
	}
	type missing struct {
		item  codebook.Item
		scale codebook.Scale
	}
	var lacking []missing
	for _, sc := range cb.Scales {
		for _, it := range sc.Items {
			if !held[it.ID] {
				lacking = append(lacking, missing{it, sc})
			}
		}
	}
	if len(lacking) == 0 {
		return nil
	}
	var out []model.Warning
	claimed := map[string]bool{} // an item is named for its first resembling column only
	for i := range ds.Unmatched {
		c := &ds.Unmatched[i]
		if c.File != path {
			continue
		}
		for _, m := range lacking {
			if claimed[m.item.ID] || !resemblesItem(c.Header, m.item) {
				continue
			}
			claimed[m.item.ID] = true
			c.Resembles = m.item.ID
			have := 0
			for _, it := range m.scale.Items {
				if held[it.ID] {
					have++
				}
			}
			mapping := "columns: {" + m.item.ID + ": " + strconv.Quote(c.Header) + "}"
			out = append(out, model.Warning{File: path, Err: model.Reasonf(
				"column %q is read as an open answer or attribute, not as item %s (scale %s), which it resembles and which no column of the file holds: the file gives %d of the scale's %d items; if the column is %s, map it in study.yaml (%s)",
				"kolom %q is gelezen als open antwoord of kenmerk, niet als item %s (schaal %s), waarop hij lijkt en dat geen kolom van het bestand bevat: het bestand geeft %d van de %d items van de schaal; is de kolom %s, koppel hem dan in study.yaml (%s)",
				c.Header, m.item.ID, m.scale.ID, have, len(m.scale.Items), m.item.ID, mapping)})
			break
		}
	}
	return out
}

// resemblesItem reports whether a header is close to an item's id or question text (see
// above).
func resemblesItem(header string, it codebook.Item) bool {
	h := compactID(header)
	if h == "" {
		return false
	}
	if h == compactID(it.ID) {
		return true
	}
	langs := make([]string, 0, len(it.Text))
	for l := range it.Text {
		langs = append(langs, l)
	}
	sort.Strings(langs)
	for _, part := range questionParts(header) {
		if len([]rune(compactID(part))) < minTextHeader {
			continue
		}
		for _, l := range langs {
			if t := it.Text[l]; t != "" && codebook.Nearest(strings.Trim(part, " .?!:"), []string{strings.Trim(t, " .?!:")}) != "" {
				return true
			}
		}
	}
	return false
}

// compactID folds a name to its letters and digits, lower case, with the leading zeros
// of each number dropped: "K-01" and "k1" are both "k1".
func compactID(s string) string {
	var b strings.Builder
	digits := 0 // the length of the number being written
	zeros := false
	for _, r := range codebook.Fold(s) {
		switch {
		case r == '0' && digits == 0:
			zeros = true
		case unicode.IsDigit(r):
			b.WriteRune(r)
			digits++
		default:
			if zeros && digits == 0 {
				b.WriteByte('0') // the number was 0
			}
			digits, zeros = 0, false
			if unicode.IsLetter(r) {
				b.WriteRune(r)
			}
		}
	}
	if zeros && digits == 0 {
		b.WriteByte('0')
	}
	return b.String()
}

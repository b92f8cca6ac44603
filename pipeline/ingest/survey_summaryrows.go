package ingest

import (
	"strings"

	"github.com/samenspel/samenspel/pipeline/model"
)

// Rows that are no respondent although their respondent cell holds text (attack 16 F06,
// F07): a summary row under the data of a sheet kept in Excel or SPSS ("Gemiddelde;;;3;4;3;3",
// a mean formatted without decimals; "Totaal", "N", "Std. deviatie") and the header
// repeated inside the data (two exports pasted together). Read as respondents, the first
// adds a person whose "answers" are the means to every statistic, and both add a
// respondent without a group, which pools a real group away under min_cell. They are
// rejected rows, with their reason; a summary row only where it holds nothing but its
// label and item cells. A row without an id is survey_norespondent.go's.

// ErrSummaryRow is the reason of a survey row whose respondent cell is a summary word.
var ErrSummaryRow = model.NewKind("summary row", "samenvattingsregel")

// ErrHeaderRepeated is the reason of a survey row that repeats the header.
var ErrHeaderRepeated = model.NewKind("header repeated", "kopregel herhaald")

// summaryWords are the labels of summary rows, folded (lower case, without a trailing
// colon or full stop), in Dutch and English as Excel, SPSS and LibreOffice write them.
var summaryWords = map[string]bool{
	"gemiddelde": true, "gemiddeld": true, "gem": true, "totaal": true, "som": true, "aantal": true,
	"mediaan": true, "standaarddeviatie": true, "std. deviatie": true, "std deviatie": true, "sd": true,
	"n": true, "mean": true, "average": true, "avg": true, "total": true, "sum": true, "count": true,
	"median": true, "std": true, "std. deviation": true, "std deviation": true, "standard deviation": true,
	"stdev": true, "minimum": true, "maximum": true, "min": true, "max": true,
	// attack 17 F01: the mode, Excel's pivot tables' totals (Dutch and English), the variance
	"modus": true, "mode": true, "eindtotaal": true, "subtotaal": true, "totaal generaal": true,
	"grand total": true, "subtotal": true, "variantie": true, "variance": true,
	"standaardafwijking": true, "std. afwijking": true, "st.dev": true, "st. dev": true,
}

// summaryLeads are the summary words that also begin a longer label: "Gemiddelde score",
// "Totaal Bergdorp", "Som van K1" and "Count of K1" (a pivot table's), "Mean score". Short
// words (N, SD, Min, Max) do not: "Max de Vries" is a name.
var summaryLeads = map[string]bool{
	"gemiddelde": true, "gemiddeld": true, "totaal": true, "eindtotaal": true, "subtotaal": true,
	"som": true, "aantal": true, "mediaan": true, "modus": true, "standaarddeviatie": true,
	"mean": true, "average": true, "total": true, "grand": true, "subtotal": true, "sum": true,
	"count": true, "median": true, "mode": true, "variantie": true, "variance": true,
}

// subtotalFunctions are the functions of Excel's Data > Subtotal (Gegevens > Subtotaal),
// as it names them after a group's value ("Aardam Gemiddelde", "Bergdorp Aantal",
// "Zeeveen Total") and after "Eind" or "Grand" below all groups ("Eindgemiddelde",
// "Grand Average"), folded. Short ones (Max, Min) only after Eind or Grand: "Coach Max"
// may be a name.
var subtotalFunctions = map[string]bool{
	"gemiddelde": true, "totaal": true, "aantal": true, "som": true, "product": true, "stdev": true,
	"stdevp": true, "var": true, "varp": true, "aantal getallen": true, "average": true, "total": true,
	"count": true, "sum": true, "count numbers": true, "mean": true,
}

// subtotalLabel reports whether the folded label f is one of Excel's Subtotal rows (an
// attack on the readers, F04: "Aardam Gemiddelde" under Gemeente, an empty respondent
// cell, was a respondent of a municipality "Aardam Gemiddelde", and "Aardam Aantal"
// answered 4 to every item): "Eind" or "Grand" and a function, "Totaal" or "Total" and
// one, or a group's value that group (a value of the table's rows above, told by seen,
// which may be nil) and one. An open answer that ends in such a word ("Onder het
// gemiddelde", "een klein aantal": a review of the rule) is no label.
func subtotalLabel(f string, seen func(string) bool) bool {
	for _, lead := range []string{"eind", "grand "} {
		if rest, ok := strings.CutPrefix(f, lead); ok && (subtotalFunctions[rest] || rest == "max" || rest == "min") {
			return true
		}
	}
	for i := 0; i < len(f); i++ {
		if f[i] == ' ' && i > 0 && subtotalFunctions[f[i+1:]] {
			lead := f[:i]
			return lead == "totaal" || lead == "total" || seen != nil && seen(lead)
		}
	}
	return false
}

// isSummaryWord reports whether a respondent cell is a summary row's label: a summary word,
// or a longer label that begins with one (attack 17 F01: "Gemiddelde score").
func isSummaryWord(id string) bool {
	var buf [32]byte
	if b, ok := lowerPlain(buf[:0], id); ok { // most ids: no string made (fold_plain.go)
		for len(b) > 0 && (b[len(b)-1] == ':' || b[len(b)-1] == '.') {
			b = b[:len(b)-1]
		}
		return summaryWords[string(b)]
	}
	f := strings.ToLower(strings.Join(strings.Fields(id), " "))
	return isSummaryFolded(strings.TrimRight(f, ":."))
}

// isSummaryFolded is isSummaryWord for a label folded as summaryWords are (lower case,
// single spaces, no trailing colon or full stop).
func isSummaryFolded(f string) bool {
	if summaryWords[f] || subtotalLabel(f, nil) {
		return true
	}
	lead, rest, more := strings.Cut(f, " ")
	lead = strings.TrimRight(lead, ":.")
	return more && rest != "" && summaryLeads[lead] && (lead != "grand" || strings.HasPrefix(rest, "total"))
}

// summaryLabelElsewhere reports, for a row whose respondent cell is empty, whether its one
// text beside the item cells is a summary row's label (attack 17 F13: ";Mediaan;;4;3;3",
// the label typed under Gemeente or Functie, the respondent column being narrow). Read as
// an anonymous respondent, the row added a municipality "Mediaan" or a role "Totaal". No
// municipality or role is named so; a row with any other text is left to the other rules.
func summaryLabelElsewhere(row []string, lay *surveyLayout, idCol int, seen func(string) bool) (col int, label string, ok bool) {
	col = -1
	for i, v := range row {
		v = strings.TrimSpace(v)
		if i == idCol || v == "" {
			continue
		}
		if i < len(lay.columns) && lay.columns[i].use == useItem {
			continue
		}
		if i < len(lay.columns) && (lay.columns[i].use == useName || lay.columns[i].use == useFirstName || lay.columns[i].use == useNamePart) {
			return -1, "", false // "Max", "Mode": an anonymous respondent's name
		}
		if col >= 0 {
			return -1, "", false // two texts: a respondent's municipality and role, say
		}
		col, label = i, v
	}
	// a whole summary word only: a sentence that begins with one is an open answer
	// ("Totaal geen idee wat het wijkteam doet.", review of attack 17's fixes, R01)
	f := strings.TrimRight(strings.ToLower(strings.Join(strings.Fields(label), " ")), ":.")
	return col, label, col >= 0 && !strings.EqualFold(label, "n") && (summaryWords[f] || subtotalLabel(f, seen)) // "N": "no", "not applicable"
}

// onlyItems reports whether row holds nothing but its respondent cell and item cells: a
// summary row has no municipality, role or remark, so an id such as "SD" (initials)
// beside a municipality is a respondent.
func onlyItems(row []string, lay *surveyLayout, idCol int) bool {
	for i, v := range row {
		if i == idCol || strings.TrimSpace(v) == "" {
			continue
		}
		if i >= len(lay.columns) || lay.columns[i].use != useItem {
			return false
		}
	}
	return true
}

// summaryRowReason is the reject's reason of a summary row.
func summaryRowReason(id string) error {
	return model.Reasonf("%w: the respondent cell holds %q, the label of a summary row (a mean, total or count below the data); it is not read as a respondent",
		"%v: de respondentcel bevat %q, het label van een samenvattingsregel (een gemiddelde, totaal of aantal onder de gegevens); hij is niet gelezen als respondent",
		ErrSummaryRow, id)
}

// rowRepeatsHeader reports whether every non-empty cell of row is its column's header
// (case and spaces aside), for two cells or more, the one of column idCol among them: a
// survey's, a respondents table's or a coding table's header again (attack 17 F17: a
// respondent "Respondent" of the municipality "Gemeente"). A byte-order mark before a
// cell is no part of it: two exports joined with `copy /b`, each with its BOM, have the
// second's header behind one.
func rowRepeatsHeader(row, header []string, idCol int) bool {
	if idCol < 0 || withoutBOM(tableCell(row, idCol)) == "" {
		return false
	}
	n := 0
	for i, v := range row {
		v = withoutBOM(v)
		if v == "" {
			continue
		}
		if i >= len(header) || !equalFoldFields(v, withoutBOM(header[i])) { // fold_plain.go
			return false
		}
		n++
	}
	return n >= 2
}

// headerRepeatedReason is the reject's reason of a row that repeats the header.
func headerRepeatedReason() error {
	return model.Reasonf("%w: the row repeats the header (two exports pasted together?); it is not read as a respondent",
		"%v: de regel herhaalt de kopregel (twee exports onder elkaar geplakt?); hij is niet gelezen als respondent",
		ErrHeaderRepeated)
}

// segmentHeaderRepeatedReason is the reject's reason of a coded-segment table's row that
// repeats the header (an attack on the readers, F02: a respondent "Respondent" of the
// municipality "Gemeente", coded "Code" by the coder "Codeur").
func segmentHeaderRepeatedReason() error {
	return model.Reasonf("%w: the row repeats the header (two exports pasted together?); it is not read as a segment",
		"%v: de regel herhaalt de kopregel (twee exports onder elkaar geplakt?); hij is niet gelezen als fragment",
		ErrHeaderRepeated)
}

// summaryLabelReason is the reject's reason of a summary row whose label stands in another
// column than the respondent's.
func summaryLabelReason(label, column string) error {
	return model.Reasonf("%w: the row has no respondent id, and its only text, %q in column %q, is the label of a summary row (a mean, total or count below the data); it is not read as a respondent",
		"%v: de regel heeft geen respondentcode, en zijn enige tekst, %q in kolom %q, is het label van een samenvattingsregel (een gemiddelde, totaal of aantal onder de gegevens); hij is niet gelezen als respondent",
		ErrSummaryRow, label, column)
}

// withoutBOM is a cell without its spaces and a byte-order mark (U+FEFF) around them.
func withoutBOM(v string) string {
	return strings.TrimSpace(strings.Trim(strings.TrimSpace(v), "\ufeff"))
}

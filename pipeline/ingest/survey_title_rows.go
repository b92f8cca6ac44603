package ingest

import (
	"fmt"
	"strings"

	"github.com/samenspel/samenspel/pipeline/model"
)

// A survey sheet prepared for colleagues has a title above the header ("Enquête
// samenwerking 2025" in A1, an empty row, the header on row 3). The title row was taken
// for the header: the run stopped advising to name the format, and with the format
// named it read 0 respondents from 41 rows, "41 = 41 accepted", exit 0 (attack 17, F05).
//
// titleRows skips, above the header, up to maxTitleRows rows that hold one cell each (a
// title, a date, "Bron: ..."): the header is the first row with two or more cells. The
// run warns, naming the rows skipped and the header's row (never their text, which may
// name people); rows of one cell and no header below them are an error that says so.
type titleRows struct {
	n           int // rows skipped
	first, last int // their lines
}

// maxTitleRows is how many one-cell rows above the header are taken for titles.
const maxTitleRows = 10

// skip reports whether the row at line is a title row above the header, and notes it.
func (t *titleRows) skip(row []string, line int) bool {
	if t.n >= maxTitleRows || filledCells(row) != 1 {
		return false
	}
	if t.n == 0 {
		t.first = line
	}
	t.n++
	t.last = line
	return true
}

// filledCells counts the cells of row with text.
func filledCells(row []string) int {
	n := 0
	for _, c := range row {
		if strings.TrimSpace(c) != "" {
			n++
		}
	}
	return n
}

// warnings names the title rows skipped and the header's row.
func (t *titleRows) warnings(path, sheet string, header int) []model.Warning {
	if t.n == 0 {
		return nil
	}
	en, nl := "", ""
	if sheet != "" {
		en, nl = fmt.Sprintf("sheet %q: ", sheet), fmt.Sprintf("blad %q: ", sheet)
	}
	return []model.Warning{{File: path, Err: model.Reasonf(
		"%[1]s%[3]d row(s) above the header (from row %[4]d) hold one cell each, a title: the header is read from row %[5]d; delete the title rows if they are not one",
		"%[2]s%[3]d regel(s) boven de kopregel (vanaf regel %[4]d) bevatten elk één cel, een titel: de kopregel is gelezen uit regel %[5]d; verwijder de titelregels als ze dat niet zijn",
		en, nl, t.n, t.first, header)}}
}

// noHeader is the error for a file whose rows with text hold one cell each.
func (t *titleRows) noHeader(path, sheet string) error {
	en, nl := "", ""
	if sheet != "" {
		en, nl = fmt.Sprintf(" sheet %q:", sheet), fmt.Sprintf(" blad %q:", sheet)
	}
	return model.Reasonf("%[1]s:%[2]s the rows with text (rows %[4]d to %[5]d) hold one cell each: no header with two or more columns (is the file a table with columns, its delimiter a comma, semicolon or tab?): %[6]w",
		"%[1]s:%[3]s de regels met tekst (regels %[4]d tot %[5]d) bevatten elk één cel: geen kopregel met twee of meer kolommen (is het bestand een tabel met kolommen, gescheiden door komma, puntkomma of tab?): %[6]v",
		path, en, nl, t.first, t.last, ErrUnknownFormat)
}
